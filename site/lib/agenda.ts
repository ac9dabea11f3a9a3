/** The agenda (home page): what to do today, and what comes next. */
import type { Client } from '#core/model/client';
import type { AgendaItem, DueKind, DueStatus } from '#core/model/due';
import { clientsWithoutNextAction } from '#core/model/health';
import { orderGroup } from './agenda-order.ts';
import { KIND_LABELS } from './labels.ts';
import type { PortfolioIndex } from './portfolio-index.ts';
import { routes } from './paths.ts';

/**
 * Days past the due window for which later items are written into the page (hidden), so that the
 * page opened some weeks after it was built can still move them into "upcoming".
 */
export const LATER_HORIZON_DAYS = 60;

export interface AgendaRow {
  client: string;
  clientName: string;
  kind: DueKind;
  kindLabel: string;
  title: string;
  due: string | null;
  days: number | null;
  status: DueStatus;
  note?: string;
  /** The client page, at the section the item comes from. */
  target: string;
}

export interface AgendaGroup {
  status: DueStatus;
  rows: AgendaRow[];
}

export interface AgendaData {
  asOf: string;
  window: number;
  /** Actions and renewals, by status (always all four groups, "later" hidden on the page). */
  groups: AgendaGroup[];
  /** Meetings to book and growth outlooks to ask: calls to make, by date. */
  checks: AgendaRow[];
  withoutNextAction: Client[];
}

const SECTION: Record<DueKind, string> = { action: 'actions', asset: 'assets', meeting: 'meetings', growth: 'growth' };

export function agendaData(index: PortfolioIndex): AgendaData {
  const { asOf, settings } = index.portfolio;
  const window = settings.dueWindow;
  const tasks: Record<DueStatus, AgendaRow[]> = { overdue: [], today: [], upcoming: [], later: [] };
  const checks: AgendaRow[] = [];
  for (const items of index.items.values()) {
    for (const item of items) {
      if (item.status === 'later' && item.days !== null && item.days > window + LATER_HORIZON_DAYS) continue;
      const row = toRow(item);
      if (item.kind === 'meeting' || item.kind === 'growth') checks.push(row);
      else tasks[item.status].push(row);
    }
  }
  return {
    asOf: asOf.toString(),
    window,
    groups: (['overdue', 'today', 'upcoming', 'later'] as const).map((status) => ({ status, rows: orderGroup(status, tasks[status]) })),
    checks: orderGroup('later', checks),
    withoutNextAction: clientsWithoutNextAction(index.portfolio.clients),
  };
}

function toRow(item: AgendaItem): AgendaRow {
  return {
    client: item.client,
    clientName: item.clientName,
    kind: item.kind,
    kindLabel: KIND_LABELS[item.kind],
    title: item.title,
    due: item.due,
    days: item.days,
    status: item.status,
    ...(item.note ? { note: item.note } : {}),
    target: `${routes.client(item.client)}#${SECTION[item.kind]}`,
  };
}
