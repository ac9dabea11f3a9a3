/** What every page starts from: the portfolio, its shared lookups and its settings. */
import type { PlainDate } from '#core/dates';
import type { Settings } from '#core/settings';
import { setCountLocale } from './format.ts';
import { portfolioIndex, type PortfolioIndex } from './portfolio-index.ts';
import { getSiteData } from './site-data.ts';

export interface PageContext {
  index: PortfolioIndex;
  settings: Settings;
  asOf: PlainDate;
  /** An encrypted build: no calendar feed (calendar apps cannot unlock it). */
  encrypted: boolean;
  /** `clientbook build` writes a service worker beside the pages: register it. */
  offline: boolean;
}

export async function pageContext(): Promise<PageContext> {
  const data = await getSiteData();
  const index = portfolioIndex(data);
  setCountLocale(data.portfolio.settings.locale);
  return { index, settings: data.portfolio.settings, asOf: data.portfolio.asOf, encrypted: data.encrypted !== undefined, offline: data.offline === true };
}
