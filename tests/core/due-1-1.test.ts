/**
 * FORMAT 1.1 "What is due": replacements, accepted and retired assets, notices (an action's, an
 * asset's, `asset_notice`), and the one agenda every face shows. Exact dates throughout: month ends,
 * leap days, the window's and the notice's edges.
 */
import { outdent } from 'outdent';
import { describe, expect, it } from 'vitest';
import { agenda } from '../../scripts/core/model/agenda.ts';
import { clientItems, upcomingFrom } from '../../scripts/core/model/due.ts';
import { AS_OF, client, clientsOf, date } from '../helpers/portfolio.ts';

interface Options {
  asOf?: string;
  within?: number;
  assetNotice?: number;
}

/** `kind title: due status` for each item of one client, whatever its status. */
function itemsOf(fields: string, { asOf = AS_OF.toString(), within = 30, assetNotice }: Options = {}): string[] {
  // An open action without a date keeps the client valid and adds no item.
  const actions = /^actions:/m.test(fields) ? '' : '\nactions:\n  - title: Someday';
  const [one] = clientsOf({ 'acme.md': client(`${fields}${actions}\ngrowth:\n  outlook: stable\n  asked: 2026-11-01`) }, date(asOf));
  return clientItems(one!, date(asOf), within, assetNotice)
    .filter((i) => i.kind !== 'growth')
    .map((i) => `${i.kind} ${i.title}: ${i.due ?? 'undated'} ${i.status}`);
}

/** The status of the one item of a client as of each date. */
const statusesOf = (fields: string, asOfs: string[], options: Omit<Options, 'asOf'> = {}) =>
  asOfs.map((asOf) => `${asOf} ${itemsOf(fields, { ...options, asOf })[0]?.split(' ').at(-1)}`);

const asset = (lines: string) => `assets:\n  - name: Main server\n    kind: server\n${lines.replace(/^/gm, '    ')}`;

describe('a replacement', () => {
  it('is due as "Replace NAME" on the first day of its period, instead of the expiry', () => {
    // Hank's server: warranty ended in 2021, replacement agreed for 2027-Q2.
    expect(itemsOf(asset('expires: 2021-09-30\nreplace: 2027-Q2'))).toEqual(['asset Replace Main server: 2027-04-01 later']);
  });

  it.each([
    ['2028', '2028-01-01'],
    ['2027-Q1', '2027-01-01'],
    ['2027-Q3', '2027-07-01'],
    ['2027-Q4', '2027-10-01'],
    ['2027-05', '2027-05-01'],
    ['2027-02-15', '2027-02-15'],
  ])('replace: %s is due %s', (replace, due) => {
    expect(itemsOf(asset(`replace: ${replace}`), { within: 100_000 })).toEqual([`asset Replace Main server: ${due} upcoming`]);
  });

  it('is upcoming within the window of its first day, today on it, overdue after it', () => {
    expect(statusesOf(asset('expires: 2021-09-30\nreplace: 2027-Q2'), ['2027-03-01', '2027-03-02', '2027-03-31', '2027-04-01', '2027-04-02'])).toEqual([
      '2027-03-01 later',
      '2027-03-02 upcoming',
      '2027-03-31 upcoming',
      '2027-04-01 today',
      '2027-04-02 overdue',
    ]);
  });

  it('whose period has begun is overdue from its first day', () => {
    expect(itemsOf(asset('replace: 2026-Q4'))).toEqual(['asset Replace Main server: 2026-10-01 overdue']);
  });

  it('is due for an accepted asset too, and for none that is retired', () => {
    expect(itemsOf(asset('status: accepted\nexpires: 2021-09-30\nreplace: 2027'))).toEqual(['asset Replace Main server: 2027-01-01 later']);
    expect(itemsOf(asset('status: retired\nexpires: 2021-09-30\nreplace: 2027'))).toEqual([]);
  });

  it('says which asset and which event it is', () => {
    const [one] = clientsOf({ 'acme.md': client(asset('expires: 2021-09-30\nreplace: 2027-Q2')) });
    expect(clientItems(one!, AS_OF, 30).find((i) => i.kind === 'asset')).toMatchObject({ index: 0, asset: { name: 'Main server', event: 'replace' } });
  });
});

describe('accepted and retired assets', () => {
  it('an accepted asset past its expiry produces no expiry item', () => {
    expect(itemsOf(asset('status: accepted\nexpires: 2019-05-01'))).toEqual([]);
  });

  it('a retired asset produces no item at all', () => {
    expect(itemsOf(asset('status: retired\nexpires: 2026-12-15'))).toEqual([]);
  });

  it('an asset in use (said or not) produces its expiry', () => {
    expect(itemsOf(asset('status: in-use\nexpires: 2026-12-15'))).toEqual(['asset Main server expires: 2026-12-15 upcoming']);
    expect(itemsOf(asset('expires: 2026-12-15'))).toEqual(['asset Main server expires: 2026-12-15 upcoming']);
  });
});

describe('notice', () => {
  const action = (lines: string) => `actions:\n  - title: Renew the domain\n${lines.replace(/^/gm, '    ')}`;

  it('an action with a notice longer than the window is upcoming from its notice on: one month before 2027-03-31 is 2027-02-28', () => {
    expect(statusesOf(action('due: 2027-03-31\nnotice: 1 month'), ['2027-02-27', '2027-02-28', '2027-03-01', '2027-03-30', '2027-03-31', '2027-04-01'])).toEqual([
      '2027-02-27 later',
      '2027-02-28 upcoming',
      '2027-03-01 upcoming',
      '2027-03-30 upcoming',
      '2027-03-31 today',
      '2027-04-01 overdue',
    ]);
  });

  it('counts back to a leap day: one month before 2028-03-31 is 2028-02-29', () => {
    expect(statusesOf(action('due: 2028-03-31\nnotice: 1 month'), ['2028-02-28', '2028-02-29'])).toEqual(['2028-02-28 later', '2028-02-29 upcoming']);
    expect(statusesOf(action('due: 2027-03-31\nnotice: 1 month'), ['2027-02-27', '2027-02-28'])).toEqual(['2027-02-27 later', '2027-02-28 upcoming']);
    expect(upcomingFrom(date('2028-02-29'), 30, { count: 1, unit: 'year' }).toString()).toBe('2027-02-28');
    expect(upcomingFrom(date('2028-03-31'), 30, { count: 1, unit: 'month' }).toString()).toBe('2028-02-29');
  });

  it('in days: 60 days before 2027-01-30 is 2026-12-01', () => {
    expect(statusesOf(action('due: 2027-01-30\nnotice: 60 days'), ['2026-11-30', '2026-12-01'])).toEqual(['2026-11-30 later', '2026-12-01 upcoming']);
  });

  it('shorter than the window changes nothing: the window still counts', () => {
    expect(statusesOf(action('due: 2026-12-31\nnotice: 1 week'), ['2026-11-30', '2026-12-01'])).toEqual(['2026-11-30 later', '2026-12-01 upcoming']);
  });

  it('an asset takes asset_notice (days) when it has no notice of its own', () => {
    const licence = asset('expires: 2027-01-30');
    expect(statusesOf(licence, ['2026-11-30', '2026-12-01'], { assetNotice: 60 })).toEqual(['2026-11-30 later', '2026-12-01 upcoming']);
    expect(statusesOf(licence, ['2026-12-01', '2026-12-31'])).toEqual(['2026-12-01 later', '2026-12-31 upcoming']);
  });

  it('an asset\'s own notice wins over asset_notice, longer or shorter', () => {
    expect(statusesOf(asset('expires: 2027-03-01\nnotice: 3 months'), ['2026-11-30', '2026-12-01'], { assetNotice: 60 })).toEqual([
      '2026-11-30 later',
      '2026-12-01 upcoming',
    ]);
    // 2 weeks replaces the 60 days: only the window (30 days) is left longer.
    expect(statusesOf(asset('expires: 2027-01-30\nnotice: 2 weeks'), ['2026-12-01', '2026-12-30', '2026-12-31'], { assetNotice: 60 })).toEqual([
      '2026-12-01 later',
      '2026-12-30 later',
      '2026-12-31 upcoming',
    ]);
  });

  it('a replacement takes the asset\'s notice too', () => {
    expect(statusesOf(asset('replace: 2027-Q2\nnotice: 3 months'), ['2026-12-31', '2027-01-01'])).toEqual(['2026-12-31 later', '2027-01-01 upcoming']);
  });

  it('asset_notice does not reach actions, meetings or growth checks', () => {
    expect(statusesOf(action('due: 2027-01-30'), ['2026-12-01'], { assetNotice: 60 })).toEqual(['2026-12-01 later']);
  });

  it('a narrower window (due --within) leaves the notices as they are', () => {
    const fields = `${action('due: 2027-01-15\nnotice: 60 days')}\n${asset('expires: 2027-01-15')}`;
    expect(itemsOf(fields, { within: 0, assetNotice: 45 })).toEqual([
      'action Renew the domain: 2027-01-15 upcoming',
      'asset Main server expires: 2027-01-15 upcoming',
    ]);
    expect(itemsOf(fields, { within: 0, assetNotice: 44 })).toEqual([
      'action Renew the domain: 2027-01-15 upcoming',
      'asset Main server expires: 2027-01-15 later',
    ]);
  });

  it('is kept on the item, with the first day it is upcoming', () => {
    const [one] = clientsOf({ 'acme.md': client(action('due: 2027-03-31\nnotice: 1 month')) });
    const item = clientItems(one!, AS_OF, 30).find((i) => i.kind === 'action')!;
    expect([item.notice, item.upcomingFrom?.toString()]).toEqual(['1 month', '2027-02-28']);
  });
});

describe('the window, at month ends and leap days', () => {
  const due = (d: string) => `actions:\n  - title: Call\n    due: ${d}`;

  it.each([
    ['2026-01-31', '2026-03-02', 'upcoming'],
    ['2026-01-31', '2026-03-03', 'later'],
    ['2028-01-31', '2028-03-01', 'upcoming'],
    ['2028-01-31', '2028-03-02', 'later'],
    ['2028-02-29', '2028-03-30', 'upcoming'],
    ['2028-02-29', '2028-03-31', 'later'],
    ['2026-12-31', '2027-01-30', 'upcoming'],
    ['2026-12-31', '2027-01-31', 'later'],
    ['2026-02-28', '2026-02-28', 'today'],
    ['2026-03-01', '2026-02-28', 'overdue'],
  ])('as of %s, an item due %s is %s', (asOf, d, status) => {
    expect(itemsOf(due(d), { asOf })).toEqual([`action Call: ${d} ${status}`]);
  });
});

describe('one agenda', () => {
  const clients = () =>
    clientsOf({
      'hank.md': client(outdent`
        name: Hank's Hardware
        growth:
          outlook: growing
          asked: 2026-01-20
        meetings:
          cadence: monthly
          last: 2026-10-31
        actions:
          - title: Send the server quote
            due: 2026-11-20
          - title: Renew anti-virus
            due: 2026-12-15
        assets:
          - name: Main server
            kind: server
            expires: 2021-09-30
            replace: 2027-Q2
          - name: ESET PROTECT Entry
            kind: licence
            expires: 2026-12-01
            renew: 1 year
      `),
      'lake.md': client(outdent`
        name: Lakeside Dental
        meetings:
          cadence: quarterly
        growth:
          outlook: stable
        actions:
          - title: Check the backups
            due: 2026-11-25
      `),
      'idle.md': client('name: Idle Inc\nactions: []'),
    });

  const show = (a: ReturnType<typeof agenda>) =>
    Object.fromEntries(a.groups.map((g) => [`${g.id} (${g.count})`, g.items.map((i) => `${i.clientName}: ${i.title} ${i.status}`)]));

  it('work by status, grouped by client when overdue; meetings and outlook checks apart; clients without a next action', () => {
    const result = agenda(clients(), { asOf: AS_OF, within: 30 });
    expect(show(result)).toEqual({
      'overdue (2)': ["Hank's Hardware: Send the server quote overdue", 'Lakeside Dental: Check the backups overdue'],
      'today (1)': ["Hank's Hardware: ESET PROTECT Entry expires today"],
      'upcoming (1)': ["Hank's Hardware: Renew anti-virus upcoming"],
      'later (0)': [],
      'checks (4)': [
        'Idle Inc: Ask about the growth outlook overdue',
        'Lakeside Dental: Quarterly meeting overdue',
        'Lakeside Dental: Ask about the growth outlook overdue',
        "Hank's Hardware: Monthly meeting overdue",
      ],
    });
    expect(result.withoutNextAction.map((c) => c.id)).toEqual(['idle']);
  });

  it('with later items, counts the checks due within the window only', () => {
    const result = agenda(clients(), { asOf: date('2026-11-01'), within: 30, all: true });
    expect(show(result)['checks (4)']).toEqual([
      'Idle Inc: Ask about the growth outlook overdue',
      'Lakeside Dental: Quarterly meeting overdue',
      'Lakeside Dental: Ask about the growth outlook overdue',
      "Hank's Hardware: Monthly meeting upcoming",
      "Hank's Hardware: Ask about the growth outlook later",
    ]);
    // ESET expires 2026-12-01: the window's last day.
    expect(show(result)['upcoming (3)']).toEqual([
      "Hank's Hardware: Send the server quote upcoming",
      'Lakeside Dental: Check the backups upcoming',
      "Hank's Hardware: ESET PROTECT Entry expires upcoming",
    ]);
    expect(show(result)['later (2)']).toEqual(["Hank's Hardware: Renew anti-virus later", "Hank's Hardware: Replace Main server later"]);
  });
});
