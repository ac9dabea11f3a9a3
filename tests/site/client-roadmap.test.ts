import { describe, expect, test } from 'vitest';
import { clientRoadmapSheet } from '#site/lib/client-roadmap';
import { AS_OF, client, clientIn, indexOf } from '../helpers/site.ts';

const index = indexOf({
  'acme.md': client(`name: Acme
assets:
  - name: Old printer
    kind: printer
    replace: 2027-11
roadmap:
  - title: Switch
    when: 2026-Q3
    cost: 1180
    status: done
  - title: Long ago
    when: 2025-Q1
    cost: 500
    status: done
  - title: Slipped
    when: 2026-Q2
    cost: 300
    status: agreed
  - title: Server
    when: 2027-Q2
    cost: 7800
    status: agreed
  - title: Laptops
    when: 2027
    cost: 2400.5
    status: proposed
  - title: Cloud
    when: 2028
    cost: 900
    status: deferred
  - title: No thanks
    when: 2027-Q1
    cost: 100
    status: declined`),
});

describe('the printed roadmap of one client', () => {
  const sheet = clientRoadmapSheet(clientIn(index, 'acme'), AS_OF, 'en-US');

  test('open work by year, with the money of each status; work that slipped comes first, in this year', () => {
    expect(sheet.years.map((y) => [y.year, y.entries.map((e) => e.title), y.agreed, y.proposed, y.deferred])).toEqual([
      [2026, ['Slipped'], 30000, 0, 0],
      [2027, ['Laptops', 'Server', 'Replace Old printer'], 780000, 240050, 0],
      [2028, ['Cloud'], 0, 0, 90000],
    ]);
  });

  test('done in the last twelve months, newest first; declined never shows', () => {
    expect(sheet.recentlyDone.map((e) => e.title)).toEqual(['Switch']);
    expect(sheet.years.flatMap((y) => y.entries).some((e) => e.status === 'declined')).toBe(false);
  });
});
