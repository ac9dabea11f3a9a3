/** Inline portfolios for the site's page-data tests, through the real loader and `assemble`. */
import type { PlainDate } from '#core/dates';
import { assemble } from '#core/portfolio';
import { DEFAULT_SETTINGS, type Settings } from '#core/settings';
import type { SiteData } from '#site-integration/store';
import { portfolioIndex, type PortfolioIndex } from '#site/lib/portfolio-index';
import { AS_OF, brief, check } from './portfolio.ts';

export { AS_OF, client, date } from './portfolio.ts';

export interface SiteOptions {
  asOf?: PlainDate;
  settings?: Partial<Settings>;
}

/** The site's data from file texts keyed by path; throws when a fixture has errors. */
export function siteOf(files: Record<string, string>, { asOf = AS_OF, settings = {} }: SiteOptions = {}): SiteData {
  const checked = Object.entries(files).map(([rel, text]) => check(text, { file: rel, asOf }));
  const portfolio = assemble('/portfolio', { ...DEFAULT_SETTINGS, timeZone: 'UTC', ...settings }, asOf, checked);
  const errors = portfolio.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`fixture has errors:\n${errors.map((d) => `${d.file}:${brief(d)}`).join('\n')}`);
  return { portfolio };
}

export function indexOf(files: Record<string, string>, options?: SiteOptions): PortfolioIndex {
  return portfolioIndex(siteOf(files, options));
}

/** The client with this id from an index; fails loudly when missing. */
export function clientIn(index: PortfolioIndex, id: string) {
  const found = index.byId.get(id);
  if (!found) throw new Error(`no client ${id}`);
  return found;
}
