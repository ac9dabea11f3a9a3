/**
 * The hand-over between whoever loads the portfolio (the `clientbook build` command, or the
 * integration itself under `astro build`/`astro dev`) and the pages that read it.
 *
 * The pages are bundled by Vite and run as a separate copy of every module, so a module-level
 * variable would not be shared: the store lives on `globalThis` under a registered symbol, which
 * both copies resolve to the same object. It holds one portfolio per portfolio folder, so a build
 * loads the portfolio once, however many pages read it.
 */
import type { History } from '#core/git/history';
import type { Portfolio } from '#core/portfolio';

/** What the pages read: the validated portfolio and, when the portfolio is in git, its history. */
export interface SiteData {
  portfolio: Portfolio;
  /** Git history of the client files; with `available: false` the client pages show its `reason` instead. */
  history?: History;
  /**
   * An encrypted build (`clientbook build --encrypt`): the folder name of each client's pages
   * (opaque, so that file names tell a public host nothing), and no calendar feed.
   */
  encrypted?: { slugs: ReadonlyMap<string, string> };
  /** The build writes a service worker (`offline.ts`), which the pages register. */
  offline?: boolean;
}

const KEY = Symbol.for('clientbook.site-store');

/** Fixed data (a build), or a getter that returns the current data (a dev server kept up to date by its caller). */
export type SiteDataSource = SiteData | (() => SiteData);

interface Store {
  data: Map<string, SiteDataSource>;
  /** Bumped on every change, so pages and caches built on an older portfolio can tell. */
  version: number;
}

function store(): Store {
  const global = globalThis as { [KEY]?: Store };
  return (global[KEY] ??= { data: new Map(), version: 0 });
}

/**
 * Makes `data` what the pages of the portfolio in `dir` (absolute) read. A getter must return the
 * same object for as long as the portfolio has not changed: the pages' lookups are cached per object.
 */
export function provideSiteData(dir: string, data: SiteDataSource): void {
  const s = store();
  s.data.set(dir, data);
  s.version++;
}

/** The data provided for `dir`, if any. */
export function siteDataFor(dir: string): SiteData | undefined {
  const source = store().data.get(dir);
  return typeof source === 'function' ? source() : source;
}

/** Forgets `dir`, so the next read loads it again (after a build, or when a file changes in dev). */
export function forgetSiteData(dir: string): void {
  const s = store();
  s.data.delete(dir);
  s.version++;
}
