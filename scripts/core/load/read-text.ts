/**
 * A text file of the portfolio that is not a client (the settings, `_template.md`), read as safely as
 * a client file: never through a link, never a FIFO, UTF-8 only, LF or CRLF line ends. Whatever is
 * wrong is a diagnostic at its place, so every command can report it as it reports a client file.
 */
import type { Diagnostic } from '../diagnostics.ts';
import { readPortfolioFile, type FileProblem } from './read-file.ts';
import { decodeSource, oldMacLineEnds, type Source } from './source.ts';

export type TextRead =
  /** There is no such file. */
  | { missing: true; bytes?: undefined; source?: undefined; diagnostics?: undefined }
  | { missing?: false; bytes: Uint8Array; source: Source; diagnostics?: undefined }
  | { missing?: false; bytes?: undefined; source?: undefined; diagnostics: Diagnostic[] };

/**
 * Reads `full`, shown as `display`. `what` names the file in messages about the file as a whole
 * ("The settings file", "The template"), in place of "The file".
 */
export async function readPortfolioText(full: string, display: string, what = 'The file'): Promise<TextRead> {
  const read = await readPortfolioFile(full);
  if (!read) return { missing: true };
  if (!read.bytes) return { diagnostics: [wholeFile(display, read.problem, what)] };
  const { source, sink } = decodeSource(read.bytes, display);
  if (!source || oldMacLineEnds(source, sink)) return { diagnostics: sink.items };
  return { bytes: read.bytes, source };
}

/** A problem of the file as a whole: one error at 1:1, naming the file as `what`. */
export function wholeFile(display: string, problem: FileProblem, what = 'The file'): Diagnostic {
  const message = problem.message.replace(/^The file /, `${what} `).replace(/^This is /, `${what} is `);
  return { file: display, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', code: problem.code, message, hint: problem.hint };
}

/**
 * The first error as one line (`clients/_template.md:3:12: ...`) with its hint, for the commands that
 * refuse to work rather than print diagnostics; undefined when there is no error.
 */
export function firstError(diagnostics: readonly Diagnostic[]): { message: string; hint?: string } | undefined {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const first = errors[0];
  if (!first) return undefined;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more; \`clientbook validate\` lists them all)` : '';
  return { message: `${first.file}:${first.line}:${first.column}: ${first.message}${more}`, ...(first.hint ? { hint: first.hint } : {}) };
}
