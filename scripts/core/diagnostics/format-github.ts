/** Diagnostics as GitHub Actions workflow commands, which show as annotations on a pull request. */
import type { Diagnostic } from '../diagnostics.ts';
import { printable } from '../text/printable.ts';

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
