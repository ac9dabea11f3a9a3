/**
 * Every page of the site and the relative link from one to another. Links always name a file
 * (`clients/index.html`, never `clients/`): opened from disk, a browser shows a folder's listing
 * rather than its index.html. And they are relative, so the site works wherever it is copied.
 */

let slugs: ReadonlyMap<string, string> | undefined;

/**
 * The folder name of a client's pages: its id, or in an encrypted build an opaque name (the id
 * would tell a public host who the clients are). Set once per build by `useClientSlugs`.
 */
export const clientSlug = (id: string): string => slugs?.get(id) ?? id;

/** Makes `clientSlug` answer from `map` (an encrypted build), or from the ids again (`undefined`). */
export function useClientSlugs(map: ReadonlyMap<string, string> | undefined): void {
  slugs = map;
}

/** Page files, relative to the site root. */
export const routes = {
  agenda: () => 'index.html',
  clients: () => 'clients/index.html',
  client: (id: string) => `clients/${clientSlug(id)}/index.html`,
  clientRoadmap: (id: string) => `clients/${clientSlug(id)}/roadmap/index.html`,
  meetingSheet: (id: string) => `clients/${clientSlug(id)}/meeting-sheet/index.html`,
  roadmap: () => 'roadmap/index.html',
  /** A quarter of the portfolio roadmap (or `overdue`, `later`) with all its items (the roadmap page shows the first few). */
  roadmapQuarter: (key: string) => `roadmap/${key}/index.html`,
  health: () => 'health/index.html',
  /** A full list of the agenda (overdue, upcoming...), in pages of a few hundred rows. */
  agendaList: (list: string, page = 1) => (page === 1 ? `agenda/${list}/index.html` : `agenda/${list}/${page}/index.html`),
  calendar: () => 'calendar.ics',
} as const;

/** The link from the page `from` to the file `to` (both relative to the site root), e.g. `../../index.html`. */
export function relativeHref(from: string, to: string): string {
  const [toPath, hash] = splitHash(to);
  const fromDirs = from.split('/').slice(0, -1);
  const toParts = toPath.split('/');
  let common = 0;
  while (common < fromDirs.length && common < toParts.length - 1 && fromDirs[common] === toParts[common]) common++;
  const up = '../'.repeat(fromDirs.length - common);
  const rest = toParts.slice(common).join('/');
  return `${up}${rest}${hash}`;
}

/** A link maker for one page: `const href = linksFrom(routes.client(id)); href(routes.agenda())`. */
export function linksFrom(page: string): (to: string) => string {
  return (to) => relativeHref(page, to);
}

function splitHash(to: string): [string, string] {
  const i = to.indexOf('#');
  return i < 0 ? [to, ''] : [to.slice(0, i), to.slice(i)];
}
