/** Diagnostics for people (compiler style, with a code frame), for GitHub annotations, and as JSON. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../core/diagnostics.ts';
import { printable } from '../core/text/printable.ts';
import type { Paint } from './io.ts';

/** `file:line:col: error: message`, a code frame with a caret, and the hint. */
export function formatText(diagnostics: readonly Diagnostic[], cwd: string, p: Paint): string {
  const sources = new Map<string, string[] | undefined>();
  const linesOf = (file: string) => {
    if (!sources.has(file)) {
      try {
        const lines = readFileSync(path.resolve(cwd, file), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
        // The line end of the last line does not start another line worth showing.
        if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
        sources.set(file, lines);
      } catch {
        sources.set(file, undefined);
      }
    }
    return sources.get(file);
  };
  return diagnostics
    .map((d) => {
      const sev = d.severity === 'error' ? p.red(p.bold('error')) : p.yellow(p.bold('warning'));
      const head = `${p.bold(`${printable(d.file)}:${d.line}:${d.column}`)}: ${sev}: ${printable(d.message)} ${p.dim(`[${printable(d.code)}]`)}`;
      const frame = codeFrame(linesOf(d.file), d, p);
      const hint = d.hint ? `\n  ${p.cyan('hint')}: ${printableHint(d.hint)}` : '';
      return `${head}${frame}${hint}\n`;
    })
    .join('\n');
}

function codeFrame(lines: string[] | undefined, d: Diagnostic, p: Paint): string {
  if (!lines || d.line > lines.length) return '';
  const first = Math.max(1, d.line - 1);
  const last = Math.min(lines.length, d.line + 1);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const line = lines[n - 1] ?? '';
    const text = frameText(line);
    const marker = n === d.line ? p.red('>') : ' ';
    out.push(`${marker} ${p.dim(String(n).padStart(width))} |${text ? ` ${text}` : ''}`);
    if (n === d.line) {
      // The caret sits under the character as shown: an escape (`\x1b`) is wider than the character.
      const start = frameText(line.slice(0, d.column - 1)).length;
      const end = d.endLine === d.line ? frameText(line.slice(0, d.endColumn - 1)).length : text.length;
      const len = Math.max(1, end - start);
      out.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, start))}${p.red('^'.repeat(len))}`);
    }
  }
  return `\n${out.join('\n')}`;
}

/** A line of a file as a code frame shows it: a tab as one arrow (the caret stays aligned), other controls escaped. */
function frameText(line: string): string {
  return printable(line.replaceAll('\t', '→'));
}

/** A hint keeps its own line breaks (indented under `hint:`); anything else that is not printable is escaped. */
export function printableHint(hint: string): string {
  return printable(hint, { newlines: true }).replaceAll('\n', '\n        ');
}

export function summary(diagnostics: readonly Diagnostic[], files: number): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (errors === 0 && warnings === 0) return `${plural(files, 'file')} checked: no problems.`;
  return `${plural(files, 'file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}.`;
}

const escapeData = (s: string) => s.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
const escapeProperty = (s: string) => escapeData(s).replaceAll(':', '%3A').replaceAll(',', '%2C');

/** GitHub Actions workflow commands: one annotation per diagnostic. */
export function formatGithub(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const props = [
        `file=${escapeProperty(printable(d.file))}`,
        `line=${d.line}`,
        `col=${d.column}`,
        `endLine=${d.endLine}`,
        `endColumn=${d.endColumn}`,
        `title=${escapeProperty(`clientbook ${d.code}`)}`,
      ].join(',');
      // A CI log is a terminal too: only the line break between message and hint is kept.
      const body = d.hint ? `${printable(d.message)}\n${printable(d.hint, { newlines: true })}` : printable(d.message);
      return `::${d.severity} ${props}::${escapeData(body)}\n`;
    })
    .join('');
}
