/**
 * How much of the agenda goes into its page (site/lib/agenda.ts decides what is due; this decides
 * what is shown). At 1,000 clients the overdue group alone has thousands of rows: the agenda shows
 * the first rows of each group, counts the rest, and links to full lists, a few hundred rows a page.
 *
 * The rows left out are counted by due date (`omitted`), so that the regrouping script, opening
 * the page on a later day, counts each group right even for the rows it does not have.
 */
import type { AgendaData, AgendaRow } from './agenda.ts';
import { daysFromTo } from './day-math.ts';

/** Rows of each group written into the agenda page. */
export const AGENDA_SHOWN = 40;
/** Rows a page of a full list holds. */
export const LIST_PAGE_SIZE = 300;

/** The agenda's lists that can be longer than the page shows. */
export const AGENDA_LISTS = ['overdue', 'today', 'upcoming', 'later', 'checks'] as const;
export type AgendaList = (typeof AGENDA_LISTS)[number];

export const LIST_TITLES: Record<AgendaList, string> = {
  overdue: 'Overdue',
  today: 'Due today',
  upcoming: 'Upcoming',
  later: 'Later',
  checks: 'Meetings and outlook checks',
};

/** The link to each full list. */
export const LIST_LINKS: Record<AgendaList, string> = {
  overdue: 'All overdue items',
  today: 'All of today’s items',
  upcoming: 'All upcoming items',
  later: 'All later items',
  checks: 'All meetings and outlook checks',
};

export interface ShownRows {
  rows: AgendaRow[];
  /** Rows of the group not in the page. */
  omitted: number;
  /**
   * The rows not in the page counted by due date: `2026-12-03 4,2026-12-05 1`, `-` for undated, and
   * `2027-01-20~2026-12-06 1` for a row whose notice makes it upcoming before the window does.
   */
  omittedByDue: string;
}

/**
 * The first `max` rows, in the order given. In a group by client a client's rows stay together
 * when the cut can move back to the start of that client's run without halving what is shown.
 */
export function firstRows(rows: readonly AgendaRow[], max: number, byClient: boolean, window = Infinity): ShownRows {
  let cut = Math.min(rows.length, max);
  if (byClient && cut < rows.length) {
    let start = cut;
    while (start > 0 && rows[start - 1]!.client === rows[cut]!.client) start--;
    if (start >= max / 2) cut = start;
  }
  const rest = rows.slice(cut);
  return { rows: rows.slice(0, cut), omitted: rest.length, omittedByDue: countByDue(rest, window) };
}

export function countByDue(rows: readonly { due: string | null; upcomingFrom?: string | null }[], window = Infinity): string {
  const counts = new Map<string, number>();
  for (const row of rows) {
    // The first day it is upcoming, only where its notice reaches further than the window.
    const from = row.due && row.upcomingFrom && daysFromTo(row.upcomingFrom, row.due) > window ? `~${row.upcomingFrom}` : '';
    const key = `${row.due ?? '-'}${from}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([due, n]) => `${due} ${n}`).join(',');
}

/** The pages of a full list: `size` rows each, at least one page. */
export function listPages<T>(rows: readonly T[], size = LIST_PAGE_SIZE): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < rows.length; i += size) pages.push(rows.slice(i, i + size));
  return pages.length > 0 ? pages : [[]];
}

export interface AgendaListView extends ShownRows {
  list: AgendaList;
  /** Every row of the list, in order (the full list's pages). */
  all: AgendaRow[];
}

/**
 * What the agenda page holds of each list. "Later" rows are only there to move into "upcoming" on
 * a later day, after the upcoming rows: when upcoming is cut short, none of them would be shown.
 */
export function agendaLists(agenda: AgendaData, max = AGENDA_SHOWN): Record<AgendaList, AgendaListView> {
  const rowsOf = (id: string) => agenda.groups.find((g) => g.id === id)?.rows ?? [];
  const view = (list: AgendaList, all: AgendaRow[], limit: number): AgendaListView => ({
    list,
    all,
    ...firstRows(all, limit, list === 'overdue' || list === 'today', agenda.window),
  });
  const upcoming = view('upcoming', rowsOf('upcoming'), max);
  return {
    overdue: view('overdue', rowsOf('overdue'), max),
    today: view('today', rowsOf('today'), max),
    upcoming,
    later: view('later', rowsOf('later'), upcoming.omitted > 0 ? 0 : max),
    checks: view('checks', rowsOf('checks'), max),
  };
}

/** The lists that are longer than the agenda shows: they get pages of their own. */
export function listsWithPages(lists: Record<AgendaList, AgendaListView>): AgendaListView[] {
  return AGENDA_LISTS.map((l) => lists[l]).filter((v) => v.omitted > 0);
}
