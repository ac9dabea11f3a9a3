/** One rule for the roadmap by year (roadmap-by-year.ts): the printable roadmap and the meeting sheet agree. */
import { outdent } from 'outdent';
import { describe, expect, it } from 'vitest';
import { roadmapByYear } from '#core/model/roadmap-by-year';
import { meetingSheet } from '#core/model/meeting-sheet';
import { roadmapEntries } from '#core/model/roadmap';
import { clientRoadmapSheet } from '#site/lib/client-roadmap';
import { clientsOf, date } from '../../helpers/portfolio.ts';

const asOf = date('2026-11-30');
const [client] = clientsOf(
  {
    'acme.md': outdent`
      ---
      name: Acme
      type: strategic
      contact:
        name: Ann Lee
      growth:
        outlook: stable
      actions:
        - title: Call Ann
      roadmap:
        - title: Slipped
          when: 2026-Q1
          status: agreed
          cost: 100
        - title: Started last year, still open
          when: 2025
          status: proposed
          cost: 200
        - title: Next spring
          when: 2027-Q2
          status: agreed
          cost: 1000
        - title: Done across the turn of the year
          when: 2025-Q4
          status: done
          cost: 50
        - title: Done long ago
          when: 2024-Q1
          status: done
          cost: 70
        - title: Done last month
          when: 2026-10
          status: done
          cost: 30
        - title: Said no
          when: 2026-Q3
          status: declined
          cost: 999
      ---
    `,
  },
  asOf,
);

describe('roadmapByYear', () => {
  const byYear = roadmapByYear(roadmapEntries(client!, 'en-US'), { asOf });

  it('counts open work in the year it starts, earlier open work (ended or not) in the as-of year', () => {
    expect(byYear.years.map((y) => [y.year, y.entries.map((e) => e.title), y.totals])).toEqual([
      [2026, ['Started last year, still open', 'Slipped'], { agreed: 10000, proposed: 20000, deferred: 0 }],
      [2027, ['Next spring'], { agreed: 100000, proposed: 0, deferred: 0 }],
    ]);
  });

  it('flags the open work whose period has ended as overdue', () => {
    expect([...byYear.overdue].map((e) => e.title)).toEqual(['Started last year, still open', 'Slipped']);
  });

  it('counts work done in the last 12 months by the end of its period', () => {
    expect(byYear.doneRecently.map((e) => e.title)).toEqual(['Done across the turn of the year', 'Done last month']);
  });

  it('lists every year up to `through`, later work apart', () => {
    const sheet = roadmapByYear(roadmapEntries(client!, 'en-US'), { asOf, through: 2026 });
    expect(sheet.years.map((y) => [y.year, y.entries.length])).toEqual([[2026, 2]]);
    expect(sheet.later.map((e) => e.title)).toEqual(['Next spring']);
  });

  it('gives the printable roadmap and the meeting sheet the same years, totals and work done', () => {
    const printable = clientRoadmapSheet(client!, asOf, 'en-US');
    const sheet = meetingSheet(client!, { asOf, currency: 'USD', locale: 'en-US' });
    const sheetYears = sheet.roadmap.years.filter((y) => y.entries.length > 0);
    expect(printable.years.map((y) => [y.year, y.entries.map((e) => e.title), y.agreed, y.proposed])).toEqual(
      sheetYears.map((y) => [y.year, y.entries.map((e) => e.title), y.totals.agreed, y.totals.proposed]),
    );
    expect(printable.recentlyDone.map((e) => e.title).sort()).toEqual(sheet.roadmap.doneRecently.map((e) => e.title).sort());
  });
});
