/**
 * A portfolio kept checked in memory while its files change (`clientbook dev`): a save re-checks only
 * that file, then re-runs the cross-file rules over all of them (they are linear) and reassembles.
 */
import path from 'node:path';
import { type PlainDate } from '../dates.ts';
import { compareDiagnostics, type Diagnostic } from '../diagnostics.ts';
import { unreadableFile } from '../validate/check-many.ts';
import { checkClientFile, type ClientFile } from '../validate/client-file.ts';
import { readPortfolioFile } from '../load/read-file.ts';
import { isIgnoredName } from '../load/walk.ts';
import { assemble, type Portfolio } from '../portfolio.ts';
import { displayPaths, openPortfolioFolder, resolveAsOf } from '../portfolio-folder.ts';
import { SETTINGS_FILE, type Settings } from '../settings.ts';
import { checkCrossFile } from '../validate/cross-file.ts';

export interface LiveOptions {
  /** The portfolio folder (absolute, or relative to `cwd`). */
  dir: string;
  cwd: string;
  /** Fixed as-of date; default: today in the portfolio's time zone, looked up on every update. */
  asOf?: string;
}

/** What one change did. */
export interface LiveUpdate {
  /** Path relative to the portfolio folder; `clientbook.yaml` for the settings. */
  relPath: string;
  /** Display path (relative to the working directory). */
  file: string;
  kind: 'changed' | 'added' | 'removed' | 'reloaded';
  /** Every diagnostic of that file now, its cross-file ones included. */
  diagnostics: Diagnostic[];
  /** Cross-file diagnostics of other files that the change brought. */
  appeared: Diagnostic[];
  /** Cross-file diagnostics of other files that the change resolved. */
  resolved: Diagnostic[];
  portfolio: Portfolio;
  /** Time spent re-checking, in milliseconds. */
  ms: number;
}

/** Whether a path (relative to the portfolio) is a client file or the settings file. */
export function isPortfolioPath(relPath: string): 'client' | 'settings' | undefined {
  const parts = relPath.split(/[\\/]/);
  if (parts.some((p) => isIgnoredName(p) || p === 'node_modules')) return undefined;
  if (relPath === SETTINGS_FILE) return 'settings';
  return relPath.endsWith('.md') ? 'client' : undefined;
}

const keyOf = (d: Diagnostic) => JSON.stringify([d.file, d.line, d.column, d.code, d.message]);

export class LivePortfolio {
  readonly dir: string;
  readonly cwd: string;
  readonly #asOfOption: string | undefined;
  readonly #display: (relPath: string) => string;
  #settings!: Settings;
  #settingsDiagnostics: Diagnostic[] = [];
  #asOf!: PlainDate;
  readonly #files = new Map<string, ClientFile>();
  #crossFile: Diagnostic[] = [];
  #portfolio!: Portfolio;

  private constructor(options: LiveOptions) {
    this.dir = path.resolve(options.cwd, options.dir);
    this.cwd = options.cwd;
    this.#display = displayPaths(this.dir, this.cwd);
    this.#asOfOption = options.asOf;
  }

  /** Reads and checks every file once. */
  static async open(options: LiveOptions): Promise<LivePortfolio> {
    const live = new LivePortfolio(options);
    await live.reloadAll();
    return live;
  }

  get portfolio(): Portfolio {
    return this.#portfolio;
  }

  get asOf(): PlainDate {
    return this.#asOf;
  }

  /** Client files known under a folder (relative to the portfolio), for a folder moved or deleted whole. */
  filesUnder(relDir: string): string[] {
    const prefix = relDir === '' ? '' : `${relDir}/`;
    return [...this.#files.keys()].filter((rel) => rel.startsWith(prefix));
  }

  get display(): (relPath: string) => string {
    return this.#display;
  }

  /** Re-reads the settings and every file (at start, when the settings change, and when the day changes). */
  async reloadAll(): Promise<Portfolio> {
    const { settings, settingsDiagnostics, folderDiagnostics, asOf, relPaths } = await openPortfolioFolder({ dir: this.dir, cwd: this.cwd, asOf: this.#asOfOption });
    this.#settings = settings;
    // Subfolders that cannot be read are reported with the settings: problems of the folder, not of a file.
    this.#settingsDiagnostics = [...settingsDiagnostics, ...folderDiagnostics];
    this.#asOf = asOf;
    this.#files.clear();
    for (let i = 0; i < relPaths.length; i += 32) {
      const batch = relPaths.slice(i, i + 32);
      const checked = await Promise.all(batch.map((rel) => this.#check(rel)));
      checked.forEach((file, k) => file && this.#files.set(batch[k]!, file));
    }
    return this.#assemble();
  }

  /** Re-checks the one file at `relPath` (or forgets it, if it is gone). */
  async update(relPath: string): Promise<LiveUpdate> {
    const started = performance.now();
    const kind = isPortfolioPath(relPath);
    const before = this.#crossFile;
    let what: LiveUpdate['kind'];
    if (kind === 'settings' || (this.#asOfOption === undefined && !resolveAsOf(undefined, this.#settings.timeZone).equals(this.#asOf))) {
      await this.reloadAll();
      what = 'reloaded';
    } else {
      const file = kind === 'client' ? await this.#check(relPath) : undefined;
      what = file ? (this.#files.has(relPath) ? 'changed' : 'added') : 'removed';
      if (file) this.#files.set(relPath, file);
      else this.#files.delete(relPath);
      this.#assemble();
    }
    const display = this.display(relPath);
    const beforeKeys = new Set(before.map(keyOf));
    const afterKeys = new Set(this.#crossFile.map(keyOf));
    const own =
      kind === 'settings'
        ? this.#settingsDiagnostics
        : [...(this.#files.get(relPath)?.diagnostics ?? []), ...this.#crossFile.filter((d) => d.file === display)].sort(compareDiagnostics);
    return {
      relPath,
      file: display,
      kind: what,
      diagnostics: own,
      appeared: this.#crossFile.filter((d) => d.file !== display && !beforeKeys.has(keyOf(d))),
      resolved: before.filter((d) => d.file !== display && !afterKeys.has(keyOf(d))),
      portfolio: this.#portfolio,
      ms: performance.now() - started,
    };
  }

  async #check(relPath: string): Promise<ClientFile | undefined> {
    // Gone between the event and the read: removed. A link, a FIFO or an unreadable file: an error.
    const read = await readPortfolioFile(path.join(this.dir, relPath));
    if (!read) return undefined;
    return read.bytes ? checkClientFile(read.bytes, relPath, this.display(relPath), this.#asOf) : unreadableFile(relPath, this.display(relPath), read.problem);
  }

  #assemble(): Portfolio {
    const files = [...this.#files.values()];
    this.#crossFile = checkCrossFile(files);
    this.#portfolio = assemble(this.dir, this.#settings, this.#asOf, files, this.#settingsDiagnostics);
    return this.#portfolio;
  }
}
