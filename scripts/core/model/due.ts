/** FORMAT.md "What is due": every open item of every non-former client, as of a date. */
import { addInterval, compareDates, daysBetween, type PlainDate } from '../dates.ts';
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

/** A due item with what the site needs beyond the public JSON shape. */
export interface AgendaItem extends DueItem {
  dueDate: PlainDate | null;
  /** Days from the as-of date to the due date (negative when overdue); null when undated. */
  days: number | null;
  /** The action's or asset's index in its list, for links and edits. */
  index?: number;
  note?: string;
  tags?: string[];
}

const CADENCE_INTERVALS: Record<Exclude<Cadence, 'none'>, { count: number; unit: 'week' | 'month' | 'year' }> = {
  weekly: { count: 1, unit: 'week' },
  monthly: { count: 1, unit: 'month' },
  quarterly: { count: 3, unit: 'month' },
  yearly: { count: 1, unit: 'year' },
};

const CADENCE_TITLES: Record<Exclude<Cadence, 'none'>, string> = {
  weekly: 'Weekly meeting',
  monthly: 'Monthly meeting',
  quarterly: 'Quarterly meeting',
  yearly: 'Yearly roadmap meeting',
};

export const GROWTH_TITLE = 'Ask about the growth outlook';

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

export function statusOf(due: PlainDate | null, asOf: PlainDate, within: number): DueStatus {
  if (due === null) return 'overdue';
  const days = daysBetween(asOf, due);
  if (days < 0) return 'overdue';
  if (days === 0) return 'today';
  return days <= within ? 'upcoming' : 'later';
}

/** Every item of one client, whatever its status. Former clients have none. */
export function clientItems(client: Client, asOf: PlainDate, within: number): AgendaItem[] {
  if (client.data.status === 'former') return [];
  const items: AgendaItem[] = [];
  const push = (kind: DueKind, title: string, due: PlainDate | null, extra: Partial<AgendaItem> = {}) =>
    items.push({
      client: client.id,
      clientName: client.data.name,
      kind,
      title,
      due: due?.toString() ?? null,
      status: statusOf(due, asOf, within),
      dueDate: due,
      days: due ? daysBetween(asOf, due) : null,
      ...extra,
    });

  client.data.actions.forEach((action, index) => {
    if (action.done || !action.due) return;
    push('action', action.title, action.due, {
      index,
      ...(action.note ? { note: action.note } : {}),
      ...(action.tags ? { tags: action.tags } : {}),
    });
  });
  client.data.assets?.forEach((asset, index) => {
    if (asset.expires) push('asset', `${asset.name} expires`, asset.expires, { index });
  });
  const meeting = nextMeeting(client);
  if (meeting !== undefined) push('meeting', CADENCE_TITLES[client.data.meetings!.cadence as Exclude<Cadence, 'none'>], meeting);
  const growth = nextGrowthCheck(client);
  if (growth !== undefined) push('growth', GROWTH_TITLE, growth);
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

export interface DueOptions {
  asOf: PlainDate;
  within: number;
  /** Include items beyond the window (`later`). */
  all?: boolean;
}

export function dueItems(clients: readonly Client[], options: DueOptions): AgendaItem[] {
  return clients
    .flatMap((c) => clientItems(c, options.asOf, options.within))
    .filter((item) => options.all || item.status !== 'later')
    .sort(compareItems);
}

/** The public JSON shape of an item (DESIGN.md `due --json`). */
export function toPublicItem(item: AgendaItem): DueItem {
  const { client, clientName, kind, title, due, status } = item;
  return { client, clientName, kind, title, due, status };
}
