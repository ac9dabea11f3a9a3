/** FORMAT.md "What is due": exact dates and statuses, month ends, leap days, the window's edges, time zones. */
import { outdent } from 'outdent';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addInterval } from '#core/dates';
import { clientItems, dueItems, toPublicItem } from '#core/model/due';
import type { Client } from '#core/model/client';
import { loadPortfolio } from '#core/portfolio';
import { AS_OF, client, clientsOf, date, tempPortfolios } from '../../helpers/portfolio.ts';

const portfolio = tempPortfolios();

/** `kind title: due status` for each item of one client, whatever its status. */
function itemsOf(fields: string, asOf = AS_OF, within = 30): string[] {
  const [one] = clientsOf({ 'acme.md': client(fields) }, asOf);
  return clientItems(one!, asOf, within).map((i) => `${i.kind} ${i.title}: ${i.due ?? 'undated'} ${i.status}`);
}

/** Only an action, with the given keys. */
const action = (lines: string) => `actions:\n  - title: Call Ann\n${lines.replace(/^/gm, '    ')}\ngrowth:\n  outlook: stable\n  asked: 2026-11-01`;

describe('adding months and years', () => {
  it.each([
    ['2026-01-31', 1, 'month', '2026-02-28'],
    ['2028-01-31', 1, 'month', '2028-02-29'],
    ['2026-03-31', 1, 'month', '2026-04-30'],
    ['2026-01-31', 3, 'month', '2026-04-30'],
    ['2024-02-29', 1, 'year', '2025-02-28'],
    ['2028-02-29', 4, 'year', '2032-02-29'],
    ['2026-12-25', 2, 'week', '2027-01-08'],
    ['2026-12-31', 1, 'day', '2027-01-01'],
  ] as const)('%s + %i %s = %s', (from, count, unit, expected) => {
    expect(addInterval(date(from), { count, unit }).toString()).toBe(expected);
  });

  it('adds several intervals in one step, so month ends do not drift', () => {
    expect(addInterval(date('2026-01-31'), { count: 1, unit: 'month' }, 2).toString()).toBe('2026-03-31');
  });
});

describe('meetings', () => {
  it('a monthly meeting last held on 31 January is due on 28 February', () => {
    expect(itemsOf('meetings:\n  cadence: monthly\n  last: 2026-01-31', date('2026-02-27'))).toContain('meeting Monthly meeting: 2026-02-28 upcoming');
    expect(itemsOf('meetings:\n  cadence: monthly\n  last: 2026-01-31', date('2026-02-28'))).toContain('meeting Monthly meeting: 2026-02-28 today');
    expect(itemsOf('meetings:\n  cadence: monthly\n  last: 2026-01-31', date('2026-03-01'))).toContain('meeting Monthly meeting: 2026-02-28 overdue');
  });

  it.each([
    ['weekly', '2026-11-27', 'Weekly meeting: 2026-12-04 upcoming'],
    ['quarterly', '2026-08-31', 'Quarterly meeting: 2026-11-30 overdue'],
    ['yearly', '2028-02-29', 'Yearly roadmap meeting: 2029-02-28 later'],
  ])('a %s meeting last held %s', (cadence, last, expected) => {
    expect(itemsOf(`meetings:\n  cadence: ${cadence}\n  last: ${last}`)).toContain(`meeting ${expected}`);
  });

  it('a cadence without a last meeting is overdue and undated', () => {
    expect(itemsOf('meetings:\n  cadence: quarterly')).toContain('meeting Quarterly meeting: undated overdue');
  });

  it('cadence none, or no meetings, gives no meeting item', () => {
    expect(itemsOf('meetings:\n  cadence: none\n  last: 2026-01-01').filter((i) => i.startsWith('meeting'))).toEqual([]);
    expect(itemsOf('').filter((i) => i.startsWith('meeting'))).toEqual([]);
  });
});

describe('growth outlook', () => {
  it.each([
    ['2024-02-29', '2025-02-28'],
    ['2028-02-29', '2029-02-28'],
    ['2025-12-01', '2026-12-01'],
  ])('asked %s: asked again %s', (asked, due) => {
    const items = itemsOf(`growth:\n  outlook: stable\n  asked: ${asked}`, date('2025-01-01'), 100_000);
    expect(items.filter((i) => i.startsWith('growth'))).toEqual([`growth Ask about the growth outlook: ${due} upcoming`]);
  });

  it('never asked: overdue and undated', () => {
    expect(itemsOf('growth:\n  outlook: unknown')).toContain('growth Ask about the growth outlook: undated overdue');
  });

  it('prospects get no growth item (but do get their meetings and actions)', () => {
    expect(itemsOf('status: prospect\nmeetings:\n  cadence: monthly')).toEqual([
      'action Call Ann: 2026-12-15 upcoming',
      'meeting Monthly meeting: undated overdue',
    ]);
  });
});

describe('actions and assets', () => {
  it('an open action with a due date is due on it', () => {
    expect(itemsOf(action('due: 2026-12-09'))).toEqual(['action Call Ann: 2026-12-09 upcoming', 'growth Ask about the growth outlook: 2027-11-01 later']);
  });

  it('done actions and actions without a date produce none', () => {
    expect(itemsOf(action('due: 2026-11-20\ndone: 2026-11-19'))).toEqual(['growth Ask about the growth outlook: 2027-11-01 later']);
    expect(itemsOf(action('note: some day'))).toEqual(['growth Ask about the growth outlook: 2027-11-01 later']);
  });

  it('an asset is due when it expires', () => {
    expect(itemsOf('assets:\n  - name: ESET licence\n    kind: licence\n    expires: 2026-12-15\n  - name: Server\n    kind: server')).toContain(
      'asset ESET licence expires: 2026-12-15 upcoming',
    );
  });

  it('former clients produce none', () => {
    expect(itemsOf('status: former\nmeetings:\n  cadence: monthly\nassets:\n  - name: Server\n    kind: server\n    expires: 2020-01-01')).toEqual([]);
  });
});

describe('the window', () => {
  const edges = ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-31', '2027-01-01'];
  const clients = (): Client[] =>
    clientsOf({
      'acme.md': client(`actions:\n${edges.map((d) => `  - title: Due ${d}\n    due: ${d}`).join('\n')}\ngrowth:\n  outlook: stable\n  asked: 2026-11-01`),
    });

  it('yesterday is overdue, the as-of date today, as-of + 30 upcoming, + 31 later', () => {
    expect(clientItems(clients()[0]!, AS_OF, 30).map((i) => `${i.due} ${i.status} ${i.days}`)).toEqual([
      '2026-11-30 overdue -1',
      '2026-12-01 today 0',
      '2026-12-02 upcoming 1',
      '2026-12-31 upcoming 30',
      '2027-01-01 later 31',
      '2027-11-01 later 335',
    ]);
  });

  it('leaves later items out unless all are asked for', () => {
    expect(dueItems(clients(), { asOf: AS_OF, within: 30 }).map((i) => i.due)).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-31']);
    expect(dueItems(clients(), { asOf: AS_OF, within: 30, all: true }).map((i) => i.due)).toEqual([...edges, '2027-11-01']);
  });

  it('follows the window given', () => {
    expect(dueItems(clients(), { asOf: AS_OF, within: 1 }).map((i) => `${i.due} ${i.status}`)).toEqual([
      '2026-11-30 overdue',
      '2026-12-01 today',
      '2026-12-02 upcoming',
    ]);
    expect(dueItems(clients(), { asOf: AS_OF, within: 0 }).map((i) => i.due)).toEqual(['2026-11-30', '2026-12-01']);
  });
});

describe('sort order', () => {
  it('overdue, today, upcoming, later; undated first; then by date, client name, kind and title', () => {
    const clients = clientsOf({
      'zeta.md': client(outdent`
        name: Zeta
        meetings:
          cadence: monthly
        actions:
          - title: B task
            due: 2026-12-10
          - title: A task
            due: 2026-12-10
        assets:
          - name: Router
            kind: network
            expires: 2026-12-10
      `),
      'alpha.md': client(outdent`
        name: Alpha
        growth:
          outlook: stable
          asked: 2025-12-10
        actions:
          - title: Overdue task
            due: 2026-11-02
          - title: Today task
            due: 2026-12-01
          - title: Far task
            due: 2027-06-01
      `),
    });
    expect(dueItems(clients, { asOf: AS_OF, within: 30, all: true }).map(toPublicItem)).toEqual([
      { client: 'zeta', clientName: 'Zeta', kind: 'meeting', title: 'Monthly meeting', due: null, status: 'overdue' },
      { client: 'zeta', clientName: 'Zeta', kind: 'growth', title: 'Ask about the growth outlook', due: null, status: 'overdue' },
      { client: 'alpha', clientName: 'Alpha', kind: 'action', title: 'Overdue task', due: '2026-11-02', status: 'overdue' },
      { client: 'alpha', clientName: 'Alpha', kind: 'action', title: 'Today task', due: '2026-12-01', status: 'today' },
      { client: 'alpha', clientName: 'Alpha', kind: 'growth', title: 'Ask about the growth outlook', due: '2026-12-10', status: 'upcoming' },
      { client: 'zeta', clientName: 'Zeta', kind: 'action', title: 'A task', due: '2026-12-10', status: 'upcoming' },
      { client: 'zeta', clientName: 'Zeta', kind: 'action', title: 'B task', due: '2026-12-10', status: 'upcoming' },
      { client: 'zeta', clientName: 'Zeta', kind: 'asset', title: 'Router expires', due: '2026-12-10', status: 'upcoming' },
      { client: 'alpha', clientName: 'Alpha', kind: 'action', title: 'Far task', due: '2027-06-01', status: 'later' },
    ]);
  });
});

describe('"today" is today in the portfolio\'s time zone', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  // 10:30 UTC on 15 June is already 16 June at UTC+14 and still 14 June at UTC-11.
  const instant = new Date('2026-06-15T10:30:00Z');
  const files = (zone: string) => ({
    'clientbook.yaml': `time_zone: ${zone}\n`,
    'acme.md': client('actions:\n  - title: Call Ann\n    due: 2026-06-16'),
  });

  it.each([
    ['Pacific/Kiritimati', '2026-06-16', 'today'],
    ['UTC', '2026-06-15', 'upcoming'],
    ['Pacific/Pago_Pago', '2026-06-14', 'upcoming'],
  ])('in %s it is %s', async (zone, today, status) => {
    const dir = await portfolio(files(zone));
    vi.setSystemTime(instant);
    const result = await loadPortfolio({ dir });
    expect(result.settings.timeZone).toBe(zone);
    expect(result.asOf.toString()).toBe(today);
    const items = dueItems(result.clients, { asOf: result.asOf, within: 30 });
    expect(items.find((i) => i.kind === 'action')?.status).toBe(status);
  });

  it('an as-of date given wins over the clock', async () => {
    const dir = await portfolio(files('Pacific/Kiritimati'));
    vi.setSystemTime(instant);
    expect((await loadPortfolio({ dir, asOf: '2030-01-01' })).asOf.toString()).toBe('2030-01-01');
  });
});
