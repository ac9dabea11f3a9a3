/** load -> validate -> model, in one pass, every diagnostic collected. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDate, today, type PlainDate } from './dates.ts';
import { compareDiagnostics, hasErrors, type Diagnostic } from './diagnostics.ts';
import { checkClientFile, lean, type ClientFile } from './load/client-file.ts';
import { listClientFiles } from './load/walk.ts';
import type { Client } from './model/client.ts';
import { loadSettings, type Settings } from './settings.ts';
import { checkCrossFile } from './validate/cross-file.ts';

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

export class PortfolioNotFoundError extends Error {}

export async function loadPortfolio(options: LoadOptions): Promise<Portfolio> {
  const cwd = options.cwd ?? process.cwd();
  const dir = path.resolve(cwd, options.dir);
  const display = (rel: string) => toPosix(path.relative(cwd, path.join(dir, rel)));
  let relPaths: string[];
  try {
    relPaths = await listClientFiles(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist' : code === 'ENOTDIR' ? 'is not a folder' : code === 'EACCES' || code === 'EPERM' ? 'cannot be read (permission denied)' : `cannot be read (${code ?? String(error)})`;
    throw new PortfolioNotFoundError(`The portfolio folder ${display('') || '.'} ${why}.`);
  }
  const { settings, diagnostics: settingsDiagnostics } = await loadSettings(dir, display('') || '.');
  const asOf = resolveAsOf(options.asOf, settings.timeZone);
  // Read one after the other, synchronously: for many small files (in the page cache, as they are
  // after a checkout or an edit) that is several times faster than promises, and nothing else runs meanwhile.
  const keep = options.diagnosticsOnly ? diagnosticsOf : lean;
  const files = relPaths.map((rel) => keep(checkClientFile(readFileSync(path.join(dir, rel)), rel, display(rel), asOf)));
  return assemble(dir, settings, asOf, files, settingsDiagnostics);
}

/** What the rules across files and the report need of a checked file: no data, no notes. */
function diagnosticsOf(file: ClientFile): ClientFile {
  const { id, relPath, yamlStart, bodyLine, diagnostics, referredBy } = file;
  return { id, file: file.file, relPath, yamlStart, extensions: {}, body: '', bodyLine, diagnostics, ...(referredBy ? { referredBy } : {}) };
}

/** Builds the portfolio from checked files (also used by `dev`, which re-checks one file at a time). */
export function assemble(
  dir: string,
  settings: Settings,
  asOf: PlainDate,
  files: readonly ClientFile[],
  extra: readonly Diagnostic[] = [],
): Portfolio {
  const diagnostics = [...extra, ...files.flatMap((f) => f.diagnostics), ...checkCrossFile(files)].sort(compareDiagnostics);
  // Collators made once for the whole sort: `localeCompare` with a locale builds one per comparison.
  const byName = new Intl.Collator(settings.locale);
  const byId = new Intl.Collator();
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
    .sort((a, b) => byName.compare(a.data.name, b.data.name) || byId.compare(a.id, b.id));
  return { dir, settings, asOf, clients, files: files.length, diagnostics, hasErrors: hasErrors(diagnostics) };
}

export function resolveAsOf(asOf: string | PlainDate | undefined, timeZone: string): PlainDate {
  if (asOf === undefined) return today(timeZone);
  if (typeof asOf !== 'string') return asOf;
  const parsed = parseDate(asOf);
  if (!parsed) throw new RangeError(`"${asOf}" is not a date: write YYYY-MM-DD, e.g. 2026-12-01.`);
  return parsed;
}

const toPosix = (p: string) => p.split(path.sep).join('/');
