/**
 * The order of the agenda, shared by the build and the regrouping script in the browser (so it
 * imports nothing). Overdue and today's items are grouped by client, the client with the oldest
 * item first: one call catches up on all of a client's items. Upcoming items run by date, the way
 * the coming days will be planned.
 */

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
export function orderGroup<T extends RowKey>(status: string, rows: readonly T[]): T[] {
  return status === 'overdue' || status === 'today' ? groupedByClient(rows) : [...rows].sort(compareByDate);
}

/** Which rows continue the run of the row above: same client, same day (the page shows each once). */
export function runFlags(rows: readonly RowKey[]): { sameClient: boolean; sameDay: boolean }[] {
  return rows.map((row, i) => {
    const prev = rows[i - 1];
    return { sameClient: !!prev && prev.client === row.client, sameDay: !!prev && prev.due !== null && prev.due === row.due };
  });
}
