/** The clients table: one row per client, with what it is sorted and filtered by. */
import type { PlainDate } from '#core/dates';
import type { Client } from '#core/model/client';
import type { AgendaItem } from '#core/model/due';
import { CLIENT_TYPES, INVOLVEMENTS, STATUSES } from '#core/schema/client';
import { OUTLOOKS } from '#core/schema/growth';
import type { PortfolioIndex } from './portfolio-index.ts';

export interface ClientRow {
  client: Client;
  type: string;
  involvement: string;
  outlook: string;
  status: string;
  lastMeeting: PlainDate | null;
  /** The client's most urgent open item (overdue without a date first), if any. */
  nextDue: AgendaItem | undefined;
  /** Sort key of `nextDue`: undated first, none last. */
  nextDueKey: string;
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
  values: { type: string[]; involvement: string[]; outlook: string[]; status: string[] };
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
      nextDue: next,
      nextDueKey: next ? (next.due ?? '0000-00-00') : '9999-99-99',
      referrals: index.referrals.get(client.id)?.length ?? 0,
      signals: index.health.get(client.id)?.length ?? 0,
      lastChanged: index.lastChanged?.get(client.id),
    };
  });
  // The format's values in the schema's order, those present only: a filter never offers an empty choice.
  const present = (key: 'type' | 'involvement' | 'outlook' | 'status', all: readonly string[]) => {
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
    },
  };
}
