/** Diagnostics for people: compiler style, with a code frame. The CLI and the site print the same text. */
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import { readPortfolioFileSync } from '../load/read-file.ts';
import type { Paint } from '../text/paint.ts';
import { printable } from '../text/printable.ts';

/** `file:line:col: error: message`, a code frame with a caret, and the hint. */
export function formatText(diagnostics: readonly Diagnostic[], cwd: string, p: Paint): string {
  const sources = new Map<string, string[] | undefined>();
  const linesOf = (file: string) => {
    if (!sources.has(file)) {
      try {
        // Never through a link, never a FIFO or a device (load/read-file.ts): a frame shows only the
        // portfolio's own regular files.
        const bytes = readPortfolioFileSync(path.resolve(cwd, file))?.bytes;
        if (!bytes) throw new Error('not read');
        const lines = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '').split(/\r?\n/);
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
      const frame = NO_FRAME.has(d.code) ? '' : codeFrame(linesOf(d.file), d, p);
      const hint = d.hint ? `\n  ${p.cyan('hint')}: ${printableHint(d.hint)}` : '';
      return `${head}${frame}${hint}\n`;
    })
    .join('\n');
}

/** Problems of a file as a whole, whose content is not worth showing, or must not be shown (binary). */
const NO_FRAME = new Set<string>(['binary-file', 'symbolic-link', 'not-a-file', 'unreadable-file', 'unreadable-folder']);

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

/** Diagnostics of a text that was never written: no code frame, since the file on disk is the old one. */
export function formatUnwritten(diagnostics: readonly Diagnostic[], p: Paint): string {
  return diagnostics
    .map((d) => `${p.bold(`${printable(d.file)}:${d.line}:${d.column}`)} (after the edit): ${p.red(p.bold(d.severity))}: ${printable(d.message)} ${p.dim(`[${printable(d.code)}]`)}${d.hint ? `\n  ${p.cyan('hint')}: ${printableHint(d.hint)}` : ''}\n`)
    .join('');
}
