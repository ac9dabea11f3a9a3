/** The clients table: one row per client, with what it is sorted and filtered by. */
import { addMonths, compareDates, type PlainDate } from '#core/dates';
import type { Client } from '#core/model/client';
import type { AgendaItem } from '#core/model/due';
import { CLIENT_TYPES, INVOLVEMENTS, STATUSES } from '#core/schema/client';
import { OUTLOOKS } from '#core/schema/growth';
import { daysFromTo } from './day-math.ts';
import type { PortfolioIndex } from './portfolio-index.ts';

/** The next due filter: the status of the client's most urgent item, or nothing due at all. */
export const NEXT_DUE_FILTER = ['overdue', 'today', 'upcoming', 'later', 'none'] as const;
export type NextDueFilter = (typeof NEXT_DUE_FILTER)[number];
export const NEXT_DUE_FILTER_LABELS: Record<NextDueFilter, string> = {
  overdue: 'Overdue',
  today: 'Due today',
  upcoming: 'Upcoming',
  later: 'Later',
  none: 'Nothing due',
};

/** The last meeting filter: how long ago the client was last met, as of the build. */
export const MET_FILTER = ['month', 'quarter', 'year', 'over-year', 'never'] as const;
export type MetFilter = (typeof MET_FILTER)[number];
export const MET_FILTER_LABELS: Record<MetFilter, string> = {
  month: 'In the last month',
  quarter: '1 to 3 months ago',
  year: '3 to 12 months ago',
  'over-year': 'Over a year ago',
  never: 'Never recorded',
};

/** Which last meeting filter a date falls in. */
export function metFilter(last: PlainDate | null, asOf: PlainDate): MetFilter {
  if (last === null) return 'never';
  if (compareDates(last, addMonths(asOf, -1)) >= 0) return 'month';
  if (compareDates(last, addMonths(asOf, -3)) >= 0) return 'quarter';
  if (compareDates(last, addMonths(asOf, -12)) >= 0) return 'year';
  return 'over-year';
}

export interface ClientRow {
  client: Client;
  type: string;
  involvement: string;
  outlook: string;
  status: string;
  lastMeeting: PlainDate | null;
  met: MetFilter;
  /** The status of `nextDue`, or `none`. */
  due: NextDueFilter;
  /** The client's most urgent open item (overdue without a date first), if any. */
  nextDue: AgendaItem | undefined;
  /** Sort key of `nextDue`: undated first, none last. */
  nextDueKey: string;
  /**
   * The first day `nextDue` is upcoming, only where its notice reaches further than the window:
   * read with its date when the page is opened on a later day.
   */
  nextDueFrom: string | undefined;
  referrals: number;
  signals: number;
  /** From git history; undefined when the site has none. */
  lastChanged: PlainDate | undefined;
}

export interface ClientsTable {
  rows: ClientRow[];
  /** The "Last changed" column is shown only when history is known. */
  hasHistory: boolean;
  /** Distinct values present, for the filters. */
  values: { type: string[]; involvement: string[]; outlook: string[]; status: string[]; due: string[]; met: string[] };
}

export function clientsTable(index: PortfolioIndex): ClientsTable {
  const rows = index.portfolio.clients.map((client): ClientRow => {
    const next = index.items.get(client.id)?.[0];
    return {
      client,
      type: client.data.type,
      involvement: client.data.involvement ?? 'unknown',
      outlook: client.data.growth.outlook,
      status: client.data.status,
      lastMeeting: client.data.meetings?.last ?? null,
      met: metFilter(client.data.meetings?.last ?? null, index.portfolio.asOf),
      due: next ? next.status : 'none',
      nextDue: next,
      nextDueKey: next ? (next.due ?? '0000-00-00') : '9999-99-99',
      nextDueFrom:
        next?.due && next.upcomingFrom && daysFromTo(next.upcomingFrom.toString(), next.due) > index.portfolio.settings.dueWindow ? next.upcomingFrom.toString() : undefined,
      referrals: index.referrals.get(client.id)?.length ?? 0,
      signals: index.health.get(client.id)?.length ?? 0,
      lastChanged: index.lastChanged?.get(client.id),
    };
  });
  // The format's values in the schema's order, those present only: a filter never offers an empty choice.
  const present = (key: 'type' | 'involvement' | 'outlook' | 'status' | 'due' | 'met', all: readonly string[]) => {
    const seen = new Set(rows.map((r) => r[key]));
    return all.filter((v) => seen.has(v));
  };
  return {
    rows,
    hasHistory: index.history !== undefined,
    values: {
      type: present('type', CLIENT_TYPES),
      involvement: present('involvement', [...INVOLVEMENTS, 'unknown']),
      outlook: present('outlook', OUTLOOKS),
      status: present('status', STATUSES),
      // Every status: opened on a later day, the page moves clients between them (site/scripts/clients-table.ts).
      due: [...NEXT_DUE_FILTER],
      met: present('met', MET_FILTER),
    },
  };
}
