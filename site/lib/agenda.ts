/**
 * The agenda (home page): the core's agenda (scripts/core/model/agenda.ts), the same groups and
 * counts as `clientbook due`, turned into rows the page and the regrouping script can read.
 */
import { agendaOf, type AgendaGroupId } from '#core/model/agenda';
import type { Client } from '#core/model/client';
import type { AgendaItem, DueKind, DueStatus } from '#core/model/due';
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
  /** The first day the item is upcoming (its notice or the window), for the regrouping script. */
  upcomingFrom: string | null;
  status: DueStatus;
  note?: string;
  /** The client page, at the section the item comes from. */
  target: string;
}

export interface AgendaGroup {
  id: AgendaGroupId;
  rows: AgendaRow[];
  /** What the group's heading and chip say: the core's count (checks due later do not count). */
  count: number;
}

export interface AgendaData {
  asOf: string;
  window: number;
  /** Every group of the core's agenda, in its order: overdue, today, upcoming, later (hidden on the page), checks. */
  groups: AgendaGroup[];
  withoutNextAction: Client[];
}

const SECTION: Record<DueKind, string> = { action: 'actions', asset: 'assets', meeting: 'meetings', growth: 'growth' };

export function agendaData(index: PortfolioIndex): AgendaData {
  const { asOf, settings, clients } = index.portfolio;
  const window = settings.dueWindow;
  const items = [...index.items.values()].flat();
  const result = agendaOf(items, clients, {
    asOf,
    within: window,
    assetNotice: settings.assetNotice,
    all: true,
    laterWithin: window + LATER_HORIZON_DAYS,
  });
  return {
    asOf: asOf.toString(),
    window,
    groups: result.groups.map((g) => ({ id: g.id, rows: g.items.map(toRow), count: g.count })),
    withoutNextAction: result.withoutNextAction,
  };
}

/** One group of the agenda. */
export const groupOfData = (agenda: AgendaData, id: AgendaGroupId): AgendaGroup => agenda.groups.find((g) => g.id === id)!;

function toRow(item: AgendaItem): AgendaRow {
  return {
    client: item.client,
    clientName: item.clientName,
    kind: item.kind,
    kindLabel: KIND_LABELS[item.kind],
    title: item.title,
    due: item.due,
    days: item.days,
    upcomingFrom: item.upcomingFrom?.toString() ?? null,
    status: item.status,
    ...(item.note ? { note: item.note } : {}),
    target: `${routes.client(item.client)}#${SECTION[item.kind]}`,
  };
}
