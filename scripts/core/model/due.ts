/**
 * FORMAT.md "What is due": every open item of every non-former client, as of a date.
 *
 * Decisions in one place:
 * - An asset with `replace` (and not retired) is due as "Replace NAME" on the first day of that
 *   period, and its expiry is then no item: the replacement is what will be done about it.
 *   `accepted` assets produce no expiry item, `retired` ones no item at all.
 * - An item is upcoming from the earlier of two days: `window` days before it is due, and its own
 *   notice before it is due. A notice counts back from the due date by the calendar (2027-03-31
 *   with `notice: 1 month` is upcoming from 2027-02-28), the way "a month before it expires" is
 *   meant. An asset's notice is its `notice`, else the `asset_notice` setting (days), else none.
 *   `due --within` changes the window; the notices stay.
 */
import { addDays, addInterval, compareDates, daysBetween, type Interval, type PlainDate } from '../dates.ts';
import type { Asset } from '../schema/asset.ts';
import type { Cadence } from '../schema/meetings.ts';
import type { Client } from './client.ts';

export type DueKind = 'action' | 'asset' | 'meeting' | 'growth';
export type DueStatus = 'overdue' | 'today' | 'upcoming' | 'later';

export interface DueItem {
  client: string;
  clientName: string;
  kind: DueKind;
  title: string;
  /** `YYYY-MM-DD`, or null for an item that is overdue without a date (never met, never asked). */
  due: string | null;
  status: DueStatus;
}

/** What an asset item is about: its expiry, or its planned replacement. */
export type AssetEvent = 'expires' | 'replace';

/** A due item with what the faces need beyond the public JSON shape. */
export interface AgendaItem extends DueItem {
  dueDate: PlainDate | null;
  /** Days from the as-of date to the due date (negative when overdue); null when undated. */
  days: number | null;
  /**
   * The first day the item counts as upcoming: the earlier of `window` days and its notice before
   * it is due. Null when undated (always overdue).
   */
  upcomingFrom: PlainDate | null;
  /** The notice that applies to it, when it has one longer than nothing: `60 days`, `2 months`. */
  notice?: string;
  /** The action's or asset's index in its list, for links and edits. */
  index?: number;
  /** For an asset item: its name, and whether it is the expiry or the replacement. */
  asset?: { name: string; event: AssetEvent };
  note?: string;
  tags?: string[];
}

/** How the items are dated: the as-of date, the window and the portfolio's asset notice. */
export interface DueOptions {
  asOf: PlainDate;
  /** Days ahead that count as upcoming (the `due_window` setting, or `due --within`). */
  within: number;
  /** The `asset_notice` setting: days before an asset item is due that it shows as upcoming. */
  assetNotice?: number | undefined;
  /** Include items beyond the window (`later`). */
  all?: boolean;
}

const CADENCE_INTERVALS: Record<Exclude<Cadence, 'none'>, { count: number; unit: 'week' | 'month' | 'year' }> = {
  weekly: { count: 1, unit: 'week' },
  monthly: { count: 1, unit: 'month' },
  quarterly: { count: 3, unit: 'month' },
  yearly: { count: 1, unit: 'year' },
};

/** The title `due` prints for the meeting of each rhythm (and `done` accepts). */
export const CADENCE_TITLES: Record<Exclude<Cadence, 'none'>, string> = {
  weekly: 'Weekly meeting',
  monthly: 'Monthly meeting',
  quarterly: 'Quarterly meeting',
  yearly: 'Yearly roadmap meeting',
};

export const GROWTH_TITLE = 'Ask about the growth outlook';

/** The title of an asset's item: "Replace NAME" or "NAME expires". */
export const assetItemTitle = (name: string, event: AssetEvent) => (event === 'replace' ? `Replace ${name}` : `${name} expires`);

export function nextMeeting(client: Client): PlainDate | null | undefined {
  const meetings = client.data.meetings;
  if (!meetings || meetings.cadence === 'none') return undefined;
  return meetings.last ? addInterval(meetings.last, CADENCE_INTERVALS[meetings.cadence]) : null;
}

export function nextGrowthCheck(client: Client): PlainDate | null | undefined {
  if (client.data.status !== 'active') return undefined;
  const asked = client.data.growth.asked;
  return asked ? addInterval(asked, { count: 1, unit: 'year' }) : null;
}

/** The item an asset produces, if any (FORMAT 1.1): its replacement, else its expiry while in use. */
export function assetDue(asset: Asset): { event: AssetEvent; due: PlainDate } | undefined {
  if (asset.status === 'retired') return undefined;
  if (asset.replace) return { event: 'replace', due: asset.replace.start };
  if (asset.status === 'in-use' && asset.expires) return { event: 'expires', due: asset.expires };
  return undefined;
}

/** The first day an item due on `due` is upcoming: `within` days before, or its notice before if earlier. */
export function upcomingFrom(due: PlainDate, within: number, notice?: Pick<Interval, 'count' | 'unit'>): PlainDate {
  const byWindow = addDays(due, -within);
  if (!notice) return byWindow;
  const byNotice = addInterval(due, notice, -1);
  return compareDates(byNotice, byWindow) < 0 ? byNotice : byWindow;
}

/**
 * The status of an item due on `due` as of `asOf`: overdue, today, upcoming (within `within` days,
 * both ends included, or from `from` on when its notice starts earlier) or later.
 */
export function statusOf(due: PlainDate | null, asOf: PlainDate, within: number, from?: PlainDate): DueStatus {
  if (due === null) return 'overdue';
  const days = daysBetween(asOf, due);
  if (days < 0) return 'overdue';
  if (days === 0) return 'today';
  if (days <= within) return 'upcoming';
  return from && compareDates(from, asOf) <= 0 ? 'upcoming' : 'later';
}

/** The notice of an asset: its own, else `asset_notice` days, else none (the window alone). */
export function assetNoticeOf(asset: Asset, assetNotice: number | undefined): Interval | undefined {
  if (asset.notice) return asset.notice;
  return assetNotice === undefined ? undefined : { count: assetNotice, unit: 'day', text: `${assetNotice} day${assetNotice === 1 ? '' : 's'}` };
}

/** Every item of one client, whatever its status. Former clients have none. */
export function clientItems(client: Client, asOf: PlainDate, within: number, assetNotice?: number): AgendaItem[] {
  if (client.data.status === 'former') return [];
  const items: AgendaItem[] = [];
  const push = (kind: DueKind, title: string, due: PlainDate | null, notice: Interval | undefined, extra: Partial<AgendaItem> = {}) => {
    const from = due ? upcomingFrom(due, within, notice) : null;
    items.push({
      client: client.id,
      clientName: client.data.name,
      kind,
      title,
      due: due?.toString() ?? null,
      status: statusOf(due, asOf, within, from ?? undefined),
      dueDate: due,
      days: due ? daysBetween(asOf, due) : null,
      upcomingFrom: from,
      ...(notice ? { notice: notice.text } : {}),
      ...extra,
    });
  };

  client.data.actions.forEach((action, index) => {
    if (action.done || !action.due) return;
    push('action', action.title, action.due, action.notice, {
      index,
      ...(action.note ? { note: action.note } : {}),
      ...(action.tags ? { tags: action.tags } : {}),
    });
  });
  client.data.assets?.forEach((asset, index) => {
    const item = assetDue(asset);
    if (!item) return;
    push('asset', assetItemTitle(asset.name, item.event), item.due, assetNoticeOf(asset, assetNotice), {
      index,
      asset: { name: asset.name, event: item.event },
    });
  });
  const meeting = nextMeeting(client);
  if (meeting !== undefined) push('meeting', CADENCE_TITLES[client.data.meetings!.cadence as Exclude<Cadence, 'none'>], meeting, undefined);
  const growth = nextGrowthCheck(client);
  if (growth !== undefined) push('growth', GROWTH_TITLE, growth, undefined);
  return items;
}

const STATUS_ORDER: Record<DueStatus, number> = { overdue: 0, today: 1, upcoming: 2, later: 3 };
const KIND_ORDER: Record<DueKind, number> = { action: 0, meeting: 1, asset: 2, growth: 3 };

/** `localeCompare` without a locale, made once: sorting every item of 10,000 clients compares a lot. */
const collate = new Intl.Collator().compare;

/** Oldest first; undated overdue items lead (they have waited longest); then client, kind, title. */
export function compareItems(a: AgendaItem, b: AgendaItem): number {
  return (
    STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
    (a.dueDate === null ? (b.dueDate === null ? 0 : -1) : b.dueDate === null ? 1 : compareDates(a.dueDate, b.dueDate)) ||
    collate(a.clientName, b.clientName) ||
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    collate(a.title, b.title)
  );
}

/** Every item of every client as of a date, most urgent first; `later` ones only with `all`. */
export function dueItems(clients: readonly Client[], options: DueOptions): AgendaItem[] {
  return clients
    .flatMap((c) => clientItems(c, options.asOf, options.within, options.assetNotice))
    .filter((item) => options.all || item.status !== 'later')
    .sort(compareItems);
}

/** The public JSON shape of an item (DESIGN.md `due --json`). */
export function toPublicItem(item: AgendaItem): DueItem {
  const { client, clientName, kind, title, due, status } = item;
  return { client, clientName, kind, title, due, status };
}
