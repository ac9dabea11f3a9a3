/**
 * The agenda's groups and order: which group an item belongs in and where it stands there. Shared
 * by the core's agenda (the CLI, `--json`, the site build) and the regrouping script in the
 * browser, so it imports nothing.
 *
 * Groups: actions and assets are the work, by status (overdue, today, upcoming, later); meetings to
 * book and outlooks to ask are calls to make, one group of their own ("checks") whatever their
 * status, counted while not later. Overdue and today's items are grouped by client, the client with
 * the oldest item first: one call catches up on all of a client's items. Upcoming, later and checks
 * run by date, the way the coming days will be planned.
 */

export type ItemStatus = 'overdue' | 'today' | 'upcoming' | 'later';
export type AgendaGroupId = ItemStatus | 'checks';

/** Every group, in the order every face shows them. */
export const AGENDA_GROUPS: readonly AgendaGroupId[] = ['overdue', 'today', 'upcoming', 'later', 'checks'];

/** The heading of each group, in the CLI's text and on the site. */
export const GROUP_HEADINGS: Record<AgendaGroupId, string> = {
  overdue: 'Overdue',
  today: 'Today',
  upcoming: 'Upcoming',
  later: 'Later',
  checks: 'Meetings and outlook checks',
};

/** Meetings and growth checks are calls to make; actions and assets are work. */
export const isCheck = (kind: string) => kind === 'meeting' || kind === 'growth';

/** The group of an item of this kind and status. */
export const groupOf = (kind: string, status: ItemStatus): AgendaGroupId => (isCheck(kind) ? 'checks' : status);

/** Whether an item of this status counts in its group (a check due later than the window does not). */
export const counts = (status: ItemStatus) => status !== 'later';

export interface RowKey {
  /** `YYYY-MM-DD`, or null when the item was never done (overdue without a date). */
  due: string | null;
  client: string;
  clientName: string;
  kind: string;
  title: string;
}

const KIND_ORDER: Record<string, number> = { action: 0, meeting: 1, asset: 2, growth: 3 };

/** Undated first (it has waited longest), then by date, client, kind and title. */
export function compareByDate(a: RowKey, b: RowKey): number {
  return (
    (a.due === null ? (b.due === null ? 0 : -1) : b.due === null ? 1 : a.due < b.due ? -1 : a.due > b.due ? 1 : 0) ||
    a.clientName.localeCompare(b.clientName) ||
    a.client.localeCompare(b.client) ||
    (KIND_ORDER[a.kind] ?? 9) - (KIND_ORDER[b.kind] ?? 9) ||
    a.title.localeCompare(b.title)
  );
}

/** Rows of one client together, the client with the most urgent row first. */
export function groupedByClient<T extends RowKey>(rows: readonly T[]): T[] {
  const byClient = new Map<string, T[]>();
  for (const row of [...rows].sort(compareByDate)) {
    const list = byClient.get(row.client);
    if (list) list.push(row);
    else byClient.set(row.client, [row]);
  }
  return [...byClient.values()].flat();
}

/** The rows of one agenda group in the order they are shown. */
export function orderGroup<T extends RowKey>(group: string, rows: readonly T[]): T[] {
  return group === 'overdue' || group === 'today' ? groupedByClient(rows) : [...rows].sort(compareByDate);
}

/** Which rows continue the run of the row above: same client, same day (the page shows each once). */
export function runFlags(rows: readonly RowKey[]): { sameClient: boolean; sameDay: boolean }[] {
  return rows.map((row, i) => {
    const prev = rows[i - 1];
    return { sameClient: !!prev && prev.client === row.client, sameDay: !!prev && prev.due !== null && prev.due === row.due };
  });
}
