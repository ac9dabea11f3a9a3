/** load -> validate -> model, in one pass, every diagnostic collected. */
import type { PlainDate } from './dates.ts';
import { compareDiagnostics, hasErrors, type Diagnostic } from './diagnostics.ts';
import type { ClientFile } from './validate/client-file.ts';
import { checkMany } from './validate/check-many.ts';
import type { Client } from './model/client.ts';
import { openPortfolioFolder } from './portfolio-folder.ts';
import type { Settings } from './settings.ts';
import { checkCrossFile } from './validate/cross-file.ts';

export { PortfolioNotFoundError } from './errors.ts';
export { resolveAsOf } from './portfolio-folder.ts';

export interface Portfolio {
  /** Absolute path of the portfolio folder. */
  dir: string;
  settings: Settings;
  asOf: PlainDate;
  /** Every client file that passed validation, sorted by name. */
  clients: Client[];
  /** Number of client files checked. */
  files: number;
  diagnostics: Diagnostic[];
  hasErrors: boolean;
}

export interface LoadOptions {
  /** The portfolio folder (absolute, or relative to `cwd`). */
  dir: string;
  /** Working directory, for display paths. */
  cwd?: string;
  /** `YYYY-MM-DD`; default: today in the portfolio's time zone. */
  asOf?: string | PlainDate;
  /**
   * Keep only what validation reports (`validate`): each file's data is let go as soon as it is
   * checked, and `clients` is empty. Holding 10,000 clients' data costs the garbage collector more
   * than checking them.
   */
  diagnosticsOnly?: boolean;
}

export async function loadPortfolio(options: LoadOptions): Promise<Portfolio> {
  const folder = await openPortfolioFolder(options);
  const { dir, display, relPaths, asOf } = folder;
  // Each file read synchronously (for many small files in the page cache, as they are after a
  // checkout or an edit, several times faster than promises), on every core for a large portfolio.
  const files = await checkMany({ dir, relPaths, display, asOf, diagnosticsOnly: options.diagnosticsOnly ?? false });
  return assemble(dir, folder.settings, asOf, files, [...folder.settingsDiagnostics, ...folder.folderDiagnostics]);
}

/** Builds the portfolio from checked files (also used by `dev`, which re-checks one file at a time). */
export function assemble(
  dir: string,
  settings: Settings,
  asOf: PlainDate,
  files: readonly ClientFile[],
  extra: readonly Diagnostic[] = [],
): Portfolio {
  // A book written in a newer format than this clientbook reads (format-version.ts) is one error: the
  // keys that clientbook does not know yet are not the book's mistakes.
  const tooNew = extra.some((d) => d.code === 'format-too-new');
  const diagnostics = [...extra, ...files.flatMap((f) => f.diagnostics), ...checkCrossFile(files)]
    .filter((d) => !tooNew || d.code !== 'unknown-key')
    .sort(compareDiagnostics);
  const failed = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
  const clients: Client[] = files
    .filter((f) => f.data && !failed.has(f.file))
    .map((f) => ({
      id: f.id,
      file: f.file,
      relPath: f.relPath,
      data: f.data!,
      extensions: f.extensions,
      body: f.body,
      bodyLine: f.bodyLine,
    }))
    .sort(byNameThenId(settings.locale));
  return { dir, settings, asOf, clients, files: files.length, diagnostics, hasErrors: hasErrors(diagnostics) };
}

/**
 * Clients by name, then id. The collators are made once for the whole sort (`localeCompare` with a
 * locale builds one per comparison), and only when a sort needs them: the first loads ICU data,
 * which `validate` (no clients kept) need not pay (docs/performance.md).
 */
function byNameThenId(locale: string): (a: Client, b: Client) => number {
  let byName: Intl.Collator | undefined;
  let byId: Intl.Collator | undefined;
  return (a, b) => {
    byName ??= new Intl.Collator(locale);
    byId ??= new Intl.Collator();
    return byName.compare(a.data.name, b.data.name) || byId.compare(a.id, b.id);
  };
}
