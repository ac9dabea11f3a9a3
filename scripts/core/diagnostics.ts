/** A problem found in a portfolio file. Diagnostics are values: they are collected, never thrown. */
import type { DiagnosticCode } from './diagnostics/codes.ts';

export type { DiagnosticCode } from './diagnostics/codes.ts';
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** Path of the file, relative to the working directory, with forward slashes. */
  file: string;
  /** 1-based line and column of the start of the offending text. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  /** A stable, kebab-case code (`unknown-key`, `bad-date`, ...): one of the catalogue's. */
  code: DiagnosticCode;
  /** What failed and what was received. */
  message: string;
  /** What to do instead, with an example where one helps. */
  hint?: string;
}

/** Maps offsets in a text to 1-based lines and columns. */
export class LineIndex {
  readonly #starts: number[] = [0];
  readonly text: string;

  constructor(text: string) {
    this.text = text;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.#starts.push(i + 1);
  }

  get lineCount(): number {
    return this.#starts.length;
  }

  position(offset: number): { line: number; column: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.#starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.#starts[mid]! <= clamped) lo = mid;
      else hi = mid - 1;
    }
    // An offset on a line end (`\r` or `\n`) is just past the line's last character.
    const column = Math.min(clamped - this.#starts[lo]! + 1, this.lineText(lo + 1).length + 1);
    return { line: lo + 1, column };
  }

  /** The text of a 1-based line, without its line end. */
  lineText(line: number): string {
    const start = this.#starts[line - 1];
    if (start === undefined) return '';
    const next = this.#starts[line];
    const end = next === undefined ? this.text.length : next - 1;
    return this.text.slice(start, end).replace(/\r$/, '');
  }

  lineStart(line: number): number {
    return this.#starts[line - 1] ?? this.text.length;
  }
}

export interface DiagnosticInput {
  start: number;
  end?: number;
  severity?: Severity;
  code: DiagnosticCode;
  message: string;
  hint?: string;
}

/** Builds diagnostics for one file from text offsets. */
export class DiagnosticSink {
  readonly items: Diagnostic[] = [];
  readonly file: string;
  readonly index: LineIndex;

  constructor(file: string, index: LineIndex) {
    this.file = file;
    this.index = index;
  }

  add(input: DiagnosticInput): void {
    const start = this.index.position(input.start);
    const end = this.index.position(Math.max(input.end ?? input.start, input.start));
    this.items.push({
      file: this.file,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      severity: input.severity ?? 'error',
      code: input.code,
      message: input.message,
      ...(input.hint ? { hint: input.hint } : {}),
    });
  }
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
