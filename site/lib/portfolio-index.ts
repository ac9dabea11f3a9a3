/**
 * Lookups the pages share, built once per portfolio in one pass over the clients. A page for one
 * client reads from here rather than walking every client again: the site stays linear in the
 * number of clients (Astro issue 16297 is what happens otherwise).
 */
import type { PlainDate } from '#core/dates';
import type { HistoryEntry } from '#core/git/history';
import type { Client } from '#core/model/client';
import { clientItems, compareItems, type AgendaItem } from '#core/model/due';
import { clientHealth, type HealthSignal } from '#core/model/health';
import type { Portfolio } from '#core/portfolio';
import type { SiteData } from '#site-integration/store';
import { formatDate } from './format.ts';

export interface PortfolioIndex {
  portfolio: Portfolio;
  byId: ReadonlyMap<string, Client>;
  /** Who each client referred, by the referrer's id. */
  referrals: ReadonlyMap<string, readonly Client[]>;
  /** Every open item of each client, whatever its status, most urgent first. */
  items: ReadonlyMap<string, readonly AgendaItem[]>;
  health: ReadonlyMap<string, readonly HealthSignal[]>;
  /** Git history per client; absent when the portfolio has none. */
  history: ReadonlyMap<string, readonly HistoryEntry[]> | undefined;
  /** Said on the page when the history is incomplete (a shallow clone). */
  historyNote: string | undefined;
  /** The last change of each client file, where history is known. */
  lastChanged: ReadonlyMap<string, PlainDate> | undefined;
}

const cache = new WeakMap<SiteData, PortfolioIndex>();

export function portfolioIndex(data: SiteData): PortfolioIndex {
  let index = cache.get(data);
  if (!index) {
    index = buildIndex(data);
    cache.set(data, index);
  }
  return index;
}

function buildIndex({ portfolio, history }: SiteData): PortfolioIndex {
  const { asOf, settings } = portfolio;
  const byId = new Map<string, Client>();
  const referrals = new Map<string, Client[]>();
  const items = new Map<string, AgendaItem[]>();
  const health = new Map<string, HealthSignal[]>();
  const lastChanged = history?.available ? history.lastChanged : undefined;
  // Signals name dates as every page does, in the portfolio's locale.
  const dateText = (date: PlainDate) => formatDate(date, settings.locale);
  for (const client of portfolio.clients) {
    byId.set(client.id, client);
    const referrer = client.data.referred_by;
    if (referrer) {
      const list = referrals.get(referrer);
      if (list) list.push(client);
      else referrals.set(referrer, [client]);
    }
    items.set(client.id, clientItems(client, asOf, settings.dueWindow, settings.assetNotice).sort(compareItems));
    health.set(
      client.id,
      clientHealth(client, { asOf, staleMonths: settings.staleMonths, formatDate: dateText, ...(lastChanged ? { lastChanged } : {}) }),
    );
  }
  return { portfolio, byId, referrals, items, health, history: history?.available ? history.byClient : undefined, historyNote: history?.reason, lastChanged };
}
