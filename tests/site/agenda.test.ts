import { describe, expect, test } from 'vitest';
import { LATER_HORIZON_DAYS, agendaData } from '../../site/lib/agenda.ts';
import { groupedByClient, orderGroup, runFlags } from '../../scripts/core/model/agenda-order.ts';
import { client, indexOf } from '../helpers/site.ts';

// As of 2026-12-01, window 30 days.
const files = {
  'acme.md': client(`name: Acme
actions:
  - title: Call Ann
    due: 2026-11-20
  - title: Send the invoice
    due: 2026-11-28
  - title: Renew the domain
    due: 2026-12-01
  - title: Plan the move
    due: 2026-12-20
  - title: Far away
    due: 2027-06-01
meetings:
  cadence: monthly
  last: 2026-10-15
growth:
  outlook: stable
  asked: 2026-02-01`),
  'bolt.md': client(`name: Bolt
actions:
  - title: Fix the printer
    due: 2026-10-01
  - title: Check the backup
    due: 2026-12-05
assets:
  - name: Firewall
    kind: network
    expires: 2026-12-03
growth:
  outlook: growing`),
  'calm.md': client(`name: Calm
actions:
  - title: Done already
    due: 2026-11-01
    done: 2026-11-02`),
  'gone.md': client(`name: Gone
status: former
actions: []`),
};

describe('agendaData', () => {
  const agenda = agendaData(indexOf(files));
  const group = (id: string) => agenda.groups.find((g) => g.id === id)!;
  const titles = (id: string) => group(id).rows.map((r) => `${r.clientName}: ${r.title}`);

  test('overdue items are grouped by client, the client with the oldest item first', () => {
    expect(titles('overdue')).toEqual(['Bolt: Fix the printer', 'Acme: Call Ann', 'Acme: Send the invoice']);
  });

  test('today and upcoming hold actions and renewals; upcoming runs by date', () => {
    expect(titles('today')).toEqual(['Acme: Renew the domain']);
    expect(titles('upcoming')).toEqual(['Bolt: Firewall expires', 'Bolt: Check the backup', 'Acme: Plan the move']);
  });

  test('meetings and outlook checks are calls to make, listed apart, undated first', () => {
    expect(group('checks').rows.map((r) => `${r.clientName}: ${r.title} (${r.status})`)).toEqual([
      'Bolt: Ask about the growth outlook (overdue)',
      'Calm: Ask about the growth outlook (overdue)',
      'Acme: Monthly meeting (overdue)',
      'Acme: Ask about the growth outlook (later)',
    ]);
  });

  test('later items are written only up to the horizon, for the regrouping script', () => {
    expect(titles('later')).toEqual([]);
    expect(LATER_HORIZON_DAYS).toBeGreaterThan(0);
    const near = agendaData(indexOf(files, { settings: { dueWindow: 7 } }));
    expect(near.groups.find((g) => g.id === 'later')!.rows.map((r) => r.title)).toEqual(['Plan the move']);
  });

  test('clients without an open action are listed; former clients never appear', () => {
    expect(agenda.withoutNextAction.map((c) => c.id)).toEqual(['calm']);
    const all = agenda.groups.flatMap((g) => g.rows);
    expect(all.some((r) => r.client === 'gone')).toBe(false);
  });

  test('each row links to the section of the client page it comes from', () => {
    const firewall = agenda.groups.flatMap((g) => g.rows).find((r) => r.kind === 'asset')!;
    expect(firewall.target).toBe('clients/bolt/index.html#assets');
    expect(group('checks').rows[0]!.target).toBe('clients/bolt/index.html#growth');
  });
});

describe('the agenda order (shared with the browser)', () => {
  const row = (client: string, due: string | null, title = 'x') => ({ client, clientName: client.toUpperCase(), kind: 'action', title, due });

  test('grouping by client keeps each client together, most urgent client first', () => {
    const rows = [row('b', '2026-11-03'), row('a', '2026-11-01'), row('b', '2026-10-01'), row('c', null)];
    expect(groupedByClient(rows).map((r) => `${r.client} ${r.due}`)).toEqual(['c null', 'b 2026-10-01', 'b 2026-11-03', 'a 2026-11-01']);
  });

  test('upcoming is by date, whatever the client', () => {
    const rows = [row('b', '2026-12-03'), row('a', '2026-12-09'), row('b', '2026-12-10')];
    expect(orderGroup('upcoming', rows).map((r) => r.due)).toEqual(['2026-12-03', '2026-12-09', '2026-12-10']);
  });

  test('rows continuing a client or a day are flagged, so the page shows each name and date once', () => {
    const rows = [row('a', '2026-12-01'), row('a', '2026-12-01'), row('b', '2026-12-01'), row('b', null)];
    expect(runFlags(rows)).toEqual([
      { sameClient: false, sameDay: false },
      { sameClient: true, sameDay: true },
      { sameClient: false, sameDay: true },
      { sameClient: true, sameDay: false },
    ]);
  });
});
