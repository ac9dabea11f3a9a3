/** The one line after a list of diagnostics: `15 files checked: 1 error, 2 warnings.` */
import type { Diagnostic } from '../diagnostics.ts';
import { plural } from '../text/plural.ts';

export function summary(diagnostics: readonly Diagnostic[], files: number): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (errors === 0 && warnings === 0) return `${plural(files, 'file')} checked: no problems.`;
  return `${plural(files, 'file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}.`;
}
