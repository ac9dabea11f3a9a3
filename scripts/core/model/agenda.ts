/**
 * One agenda for every face: the CLI's text and `--json`, the site's home page and (through the
 * same items) the calendar. This decides the groups, their order and their counts; the faces only
 * show the result. The rules themselves are in `agenda-order.ts`, which the browser shares.
 */
import { daysBetween, type PlainDate } from '../dates.ts';
import type { Client } from './client.ts';
import { AGENDA_GROUPS, counts, groupOf, orderGroup, type AgendaGroupId } from './agenda-order.ts';
import { clientItems, type AgendaItem, type DueOptions } from './due.ts';
import { clientsWithoutNextAction } from './health.ts';

export type { AgendaGroupId };

export interface AgendaGroup {
  id: AgendaGroupId;
  /** In the order shown. `later` items (and later checks) only when asked for. */
  items: AgendaItem[];
  /** How many items count in the group: every item, but for checks only those not later. */
  count: number;
}

export interface Agenda {
  asOf: PlainDate;
  window: number;
  /** Every group, always in the order of `AGENDA_GROUPS`, empty or not. */
  groups: AgendaGroup[];
  /** Active clients and prospects without an open action. */
  withoutNextAction: Client[];
}

export interface AgendaOptions extends DueOptions {
  /**
   * With `all`: only the later items that become upcoming within `laterWithin - within` days (due
   * within `laterWithin` days, or sooner upcoming by their notice): the site writes a few weeks of
   * them into the page, so that it can regroup on a later day.
   */
  laterWithin?: number;
}

export function agenda(clients: readonly Client[], options: AgendaOptions): Agenda {
  const items: AgendaItem[] = [];
  for (const client of clients) items.push(...clientItems(client, options.asOf, options.within, options.assetNotice));
  return agendaOf(items, clients, options);
}

/**
 * The agenda of items already made by `clientItems` with the same options (the site makes each
 * client's items once, for every page).
 */
export function agendaOf(items: Iterable<AgendaItem>, clients: readonly Client[], options: AgendaOptions): Agenda {
  const buckets = new Map<AgendaGroupId, AgendaItem[]>(AGENDA_GROUPS.map((g) => [g, []]));
  for (const item of items) {
    if (item.status === 'later') {
      if (!options.all) continue;
      // Kept while it can become upcoming within `laterWithin` days: by the window, or earlier by its notice.
      if (options.laterWithin !== undefined && item.upcomingFrom !== null && daysBetween(options.asOf, item.upcomingFrom) > options.laterWithin - options.within) continue;
    }
    buckets.get(groupOf(item.kind, item.status))!.push(item);
  }
  return {
    asOf: options.asOf,
    window: options.within,
    groups: AGENDA_GROUPS.map((id) => {
      const items = orderGroup(id, buckets.get(id)!);
      return { id, items, count: id === 'checks' ? items.filter((i) => counts(i.status)).length : items.length };
    }),
    withoutNextAction: clientsWithoutNextAction(clients),
  };
}

/** One group of an agenda. */
export const groupIn = (a: Agenda, id: AgendaGroupId): AgendaGroup => a.groups.find((g) => g.id === id)!;
