import { describe, expect, test } from 'vitest';
import type { AgendaData, AgendaRow } from '#site/lib/agenda';
import { agendaLists, countByDue, firstRows, listPages, listsWithPages } from '#site/lib/agenda-pages';

const row = (client: string, due: string | null, status: AgendaRow['status'] = 'overdue', upcomingFrom: string | null = null): AgendaRow => ({
  client,
  clientName: client,
  kind: 'action',
  kindLabel: 'Action',
  title: `${client} ${due}`,
  due,
  days: null,
  upcomingFrom,
  status,
  target: `clients/${client}/index.html#actions`,
});

describe('the rows the agenda shows of a long group', () => {
  test('are the first ones; the rest are counted by due date, undated as "-"', () => {
    const rows = [row('a', null), row('b', '2026-11-01'), row('c', '2026-11-02'), row('d', '2026-11-02'), row('e', null)];
    expect(firstRows(rows, 2, false)).toEqual({ rows: rows.slice(0, 2), omitted: 3, omittedByDue: '2026-11-02 2,- 1' });
    expect(firstRows(rows, 10, false)).toEqual({ rows, omitted: 0, omittedByDue: '' });
    expect(firstRows(rows, 0, false).omitted).toBe(5);
  });

  test('in a group by client, end with a whole client when that keeps at least half of what fits', () => {
    const rows = [row('a', '2026-11-01'), row('a', '2026-11-02'), row('a', '2026-11-03'), row('b', '2026-11-04'), row('b', '2026-11-05'), row('c', '2026-11-06')];
    // 4 fit: a's three rows and the first of b's; b is left whole for the full list.
    expect(firstRows(rows, 4, true).rows.map((r) => r.client)).toEqual(['a', 'a', 'a']);
    // 2 fit: a's run is longer than that; cut inside it rather than show nothing.
    expect(firstRows(rows, 2, true).rows.map((r) => r.client)).toEqual(['a', 'a']);
    expect(firstRows(rows, 4, false).rows).toHaveLength(4);
  });

  test('countByDue and listPages', () => {
    expect(countByDue([])).toBe('');
    // A row whose notice makes it upcoming before the window does carries that day, for the script.
    expect(countByDue([row('a', '2027-01-31', 'upcoming', '2026-12-01'), row('b', '2027-01-31', 'later', '2027-01-01')], 30)).toBe(
      '2027-01-31~2026-12-01 1,2027-01-31 1',
    );
    expect(listPages([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(listPages([], 2)).toEqual([[]]);
  });
});

describe('agendaLists', () => {
  const agenda = (upcoming: number, later: number): AgendaData => ({
    asOf: '2026-12-01',
    window: 30,
    groups: [
      { id: 'overdue', rows: [row('a', '2026-11-01')], count: 1 },
      { id: 'today', rows: [], count: 0 },
      { id: 'upcoming', rows: Array.from({ length: upcoming }, (_, i) => row(`u${i}`, '2026-12-10', 'upcoming')), count: upcoming },
      { id: 'later', rows: Array.from({ length: later }, (_, i) => row(`l${i}`, '2027-01-20', 'later')), count: later },
      { id: 'checks', rows: [], count: 0 },
    ],
    withoutNextAction: [],
  });

  test('leaves out the later rows when upcoming is cut short (they would come after the cut), and counts them', () => {
    const lists = agendaLists(agenda(5, 3), 4);
    expect(lists.upcoming).toMatchObject({ omitted: 1, omittedByDue: '2026-12-10 1' });
    expect(lists.later).toMatchObject({ rows: [], omitted: 3, omittedByDue: '2027-01-20 3' });
    expect(listsWithPages(lists).map((l) => l.list)).toEqual(['upcoming', 'later']);
  });

  test('keeps the later rows, up to the limit, when upcoming is whole', () => {
    const lists = agendaLists(agenda(2, 3), 4);
    expect(lists.later).toMatchObject({ omitted: 0 });
    expect(lists.later.rows).toHaveLength(3);
    expect(listsWithPages(lists)).toEqual([]);
  });
});
