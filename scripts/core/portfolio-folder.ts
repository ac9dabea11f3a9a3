/**
 * Opening a portfolio folder: where it is, how its paths are shown, its settings (with their
 * diagnostics), its client files, and the day it is read as of (today in its time zone, unless
 * given). Every command, the site, `dev`, the edits and the git history start here, so a folder that
 * is not there is the same one error everywhere.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseDate, today, type PlainDate } from './dates.ts';
import type { Diagnostic } from './diagnostics.ts';
import { PortfolioNotFoundError } from './errors.ts';
import { folderDiagnostic, misnamedDiagnostic, walkPortfolio } from './load/walk.ts';
import { loadSettings, type Settings } from './settings.ts';
import { printable } from './text/printable.ts';

export interface PortfolioFolder {
  /** Absolute path. */
  dir: string;
  /** The working directory display paths are relative to. */
  cwd: string;
  /** A file of the folder (path relative to it, `/`-separated) as shown to the user; `''` is the folder. */
  display: (relPath: string) => string;
  settings: Settings;
  /** Problems of `clientbook.yaml`. */
  settingsDiagnostics: Diagnostic[];
  /** Subfolders that could not be read (their clients are missing), each an error at its path. */
  folderDiagnostics: Diagnostic[];
  /** Client files, relative to `dir`, `/`-separated, in walk order. */
  relPaths: string[];
  /** The day the portfolio is read as of: the date given, or today in its time zone. */
  asOf: PlainDate;
}

export interface OpenFolderOptions {
  /** The folder, absolute or relative to `cwd`. */
  dir: string;
  /** Working directory, for display paths; default: the process's. */
  cwd?: string | undefined;
  /** `YYYY-MM-DD` or a date; default: today in the portfolio's time zone. */
  asOf?: string | PlainDate | undefined;
  /** A folder that is not there is an empty portfolio (git compares it with its past) rather than an error. */
  mayBeMissing?: boolean;
}

/** `file` of the folder `dir`, relative to `cwd`, with forward slashes; the folder itself is `.` when it is `cwd`. */
export function displayPaths(dir: string, cwd: string): (relPath: string) => string {
  // Worked out once: `relPath` is already relative to the folder.
  const base = path.relative(cwd, dir).split(path.sep).join('/');
  return (rel) => (base === '' ? rel : rel === '' ? base : `${base}/${rel}`);
}

/** Opens the folder; throws `PortfolioNotFoundError` when it does not exist, is not a folder or cannot be read. */
export async function openPortfolioFolder(options: OpenFolderOptions): Promise<PortfolioFolder> {
  const cwd = options.cwd ?? process.cwd();
  const dir = path.resolve(cwd, options.dir);
  const display = displayPaths(dir, cwd);
  let relPaths: string[];
  let folderDiagnostics: Diagnostic[] = [];
  try {
    const listing = await walkPortfolio(dir);
    relPaths = listing.files;
    folderDiagnostics = [
      ...listing.unreadable.map((problem) => folderDiagnostic(problem, display)),
      ...listing.misnamed.map((rel) => misnamedDiagnostic(rel, display)),
    ];
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (options.mayBeMissing && (code === 'ENOENT' || code === 'ENOTDIR')) relPaths = [];
    else throw new PortfolioNotFoundError(`The portfolio folder ${display('') || '.'} ${whyUnreadable(code, error)}.`, code === 'ENOENT' ? nearbyPortfolioHint(options.dir, cwd) : undefined);
  }
  const { settings, diagnostics } = await loadSettings(dir, display('') || '.');
  return { dir, cwd, display, settings, settingsDiagnostics: diagnostics, folderDiagnostics, relPaths, asOf: resolveAsOf(options.asOf, settings.timeZone) };
}

/**
 * Where the portfolio probably is, when `dir` is not under `cwd`: `cwd` is the portfolio itself
 * (it holds clientbook.yaml), or a folder above `cwd` holds `dir` (a command run from inside the
 * book, e.g. from clients/, where `npm run` would have found it). Undefined: the usual hint.
 */
function nearbyPortfolioHint(dir: string, cwd: string): string | undefined {
  if (path.isAbsolute(dir)) return undefined;
  const shown = (p: string) => printable(p.split(path.sep).join('/'));
  if (existsSync(path.join(cwd, 'clientbook.yaml'))) return `This folder holds clientbook.yaml: it is a portfolio itself. Pass --dir . to use it, or run clientbook in the folder above it.`;
  for (let up = path.dirname(cwd); up !== path.dirname(up); up = path.dirname(up)) {
    if (isFolder(path.join(up, dir))) {
      const book = path.relative(cwd, up);
      return `There is a ${shown(dir)} folder in ${shown(book)}: run clientbook there (\`npm run\` scripts always do), or pass --dir ${shown(path.join(book, dir))}.`;
    }
  }
  return undefined;
}

function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function whyUnreadable(code: string | undefined, error: unknown): string {
  if (code === 'ENOENT') return 'does not exist';
  if (code === 'ENOTDIR') return 'is not a folder';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read (permission denied)';
  return `cannot be read (${code ?? String(error)})`;
}

export function resolveAsOf(asOf: string | PlainDate | undefined, timeZone: string): PlainDate {
  if (asOf === undefined) return today(timeZone);
  if (typeof asOf !== 'string') return asOf;
  const parsed = parseDate(asOf);
  if (!parsed) throw new RangeError(`"${asOf}" is not a date: write YYYY-MM-DD, e.g. 2026-12-01.`);
  return parsed;
}
