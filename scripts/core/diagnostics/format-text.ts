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
      const head = `${p.bold(`${printable(d.file)}:${d.line}:${d.column}`)}: ${sev}: ${printable(clipQuotes(d.message))} ${p.dim(`[${printable(d.code)}]`)}`;
      const frame = NO_FRAME.has(d.code) ? '' : codeFrame(linesOf(d.file), d, p);
      const hint = d.hint ? `\n  ${p.cyan('hint')}: ${printableHint(clipQuotes(d.hint))}` : '';
      return `${head}${frame}${hint}\n`;
    })
    .join('\n');
}

/** Problems of a file as a whole, whose content is not worth showing, or must not be shown (binary). */
const NO_FRAME = new Set<string>(['binary-file', 'symbolic-link', 'not-a-file', 'unreadable-file', 'unreadable-folder', 'not-md']);

function codeFrame(lines: string[] | undefined, d: Diagnostic, p: Paint): string {
  if (!lines || d.line > lines.length) return '';
  const first = Math.max(1, d.line - 1);
  const last = Math.min(lines.length, d.line + 1);
  const width = String(last).length;
  const out: string[] = [];
  // The caret sits under the character as shown: an escape (`\x1b`) is wider than the character.
  const line = lines[d.line - 1] ?? '';
  const shownLine = frameText(line);
  const start = frameText(line.slice(0, d.column - 1)).length;
  const end = d.endLine === d.line ? frameText(line.slice(0, d.endColumn - 1)).length : shownLine.length;
  // A long line is shown around the column (the same columns on each line of the frame).
  const from = shownLine.length <= FRAME_WIDTH ? 0 : Math.max(0, Math.min(start - FRAME_BEFORE, shownLine.length - FRAME_WIDTH));
  for (let n = first; n <= last; n++) {
    const text = window(frameText(lines[n - 1] ?? ''), from);
    const marker = n === d.line ? p.red('>') : ' ';
    out.push(`${marker} ${p.dim(String(n).padStart(width))} |${text ? ` ${text}` : ''}`);
    if (n === d.line) {
      const lead = from > 0 ? 1 : 0; // the `…` in front
      const caretStart = Math.max(0, start - from) + lead;
      const caretEnd = Math.min(Math.max(end, start + 1) - from, FRAME_WIDTH) + lead;
      out.push(`  ${' '.repeat(width)} | ${' '.repeat(caretStart)}${p.red('^'.repeat(Math.max(1, caretEnd - caretStart)))}`);
    }
  }
  return `\n${out.join('\n')}`;
}

/** Columns of a frame's line shown at most, and of them before the column pointed at. */
const FRAME_WIDTH = 120;
const FRAME_BEFORE = 40;

/** `FRAME_WIDTH` columns of a shown line from `from`, with `…` where the line goes on. */
function window(text: string, from: number): string {
  if (from === 0 && text.length <= FRAME_WIDTH) return text;
  let a = from;
  let b = Math.min(text.length, from + FRAME_WIDTH);
  // Never half a character of a surrogate pair.
  if (a > 0 && /[\uDC00-\uDFFF]/.test(text[a] ?? '')) a++;
  if (b < text.length && /[\uDC00-\uDFFF]/.test(text[b] ?? '')) b--;
  if (a >= text.length) return from > 0 ? '…' : '';
  return `${a > 0 ? '…' : ''}${text.slice(a, b)}${b < text.length ? '…' : ''}`;
}

/**
 * A message or hint quotes the file's text in backticks; a quote of a whole long value (a pasted
 * page in one field) is shortened in the middle, as the frame above shows where it is.
 */
export function clipQuotes(text: string): string {
  return text.replace(/`([^`\n]{161,})`/g, (_, quoted: string) => {
    let head = 100;
    let tail = quoted.length - 50;
    if (/[\uDC00-\uDFFF]/.test(quoted[head] ?? '')) head++;
    if (/[\uDC00-\uDFFF]/.test(quoted[tail] ?? '')) tail++;
    return `\`${quoted.slice(0, head)}…${quoted.slice(tail)}\``;
  });
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
