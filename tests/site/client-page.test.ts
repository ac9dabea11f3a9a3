import { describe, expect, test } from 'vitest';
import { clientPageData } from '#site/lib/client-page';
import { clientsTable } from '#site/lib/clients-table';
import { healthData } from '#site/lib/health';
import { portfolioIndex } from '#site/lib/portfolio-index';
import { client, clientIn, date, indexOf, siteOf } from '../helpers/site.ts';

// As of 2026-12-01, window 30 days. Patterson calls once a year but sends everyone.
const files = {
  'patterson.md': client(`name: Patterson Realty
type: basic
growth:
  outlook: shrinking
  asked: 2025-06-01
  note: Two agents retired.
actions: []
x-billing: yearly
x-rooms: [front, back]
x-wifi:
  ssid: Office
  band: 5 GHz`),
  'hank.md': client(`name: Hank's Hardware
referred_by: patterson
involvement: just-right
employees: 6
growth:
  outlook: growing
  asked: 2026-01-20
  headcount: 9
meetings:
  cadence: monthly
  last: 2026-11-03
actions:
  - title: Later thing
  - title: Send the quote
    due: 2026-12-20
  - title: First
    due: 2026-12-02
  - title: Swapped the switch
    due: 2026-10-15
    done: 2026-10-22
  - title: Older done
    due: 2026-01-01
    done: 2026-01-02
assets:
  - name: Server
    kind: server
    acquired: 2016-09-14
    expires: 2021-09-30
    replace: 2026-Q4
  - name: Antivirus
    kind: licence
    expires: 2026-12-15
  - name: Laptop
    kind: laptop
    acquired: 2026-02
    expires: 2029-02-01
  - name: Cable
    kind: other
  - name: Old NAS
    kind: backup
    status: accepted
    acquired: 2015-03
    expires: 2020-03-31
  - name: Fax machine
    kind: other
    status: retired
    acquired: 2009-05-01
    expires: 2014-05-01
    replace: 2026-Q1
  - name: Domain
    kind: domain
    expires: 2027-01-25
    renew: 1 year
    notice: 2 months`, { body: '## 2026-11-03 Met\nHank <script>alert(1)</script> hired two people.\n' }),
  'lake.md': client(`name: Lakeside Dental
referred_by: patterson
growth:
  outlook: stable`),
};
const index = indexOf(files);

describe('client page data', () => {
  const hank = clientPageData(index, clientIn(index, 'hank'));
  const patterson = clientPageData(index, clientIn(index, 'patterson'));

  test('who referred them, and whom they referred', () => {
    expect(hank.referredBy).toEqual({ id: 'patterson', name: 'Patterson Realty' });
    expect(patterson.referred.map((c) => c.id)).toEqual(['hank', 'lake']);
    expect(patterson.referredBy).toBeUndefined();
  });

  test('open actions by due date, undated last; done actions newest first', () => {
    expect(hank.openActions.map((a) => a.action.title)).toEqual(['First', 'Send the quote', 'Later thing']);
    expect(hank.doneActions.map((a) => a.action.title)).toEqual(['Swapped the switch', 'Older done']);
  });

  test('assets carry their life cycle and age', () => {
    expect(hank.assets.map((a) => [a.asset.name, a.lifeCycle, a.age, a.replacementDue])).toEqual([
      ['Server', 'expired', '10 years 2 months', true],
      ['Antivirus', 'expiring', null, false],
      ['Laptop', 'fine', '10 months', false],
      ['Cable', 'no-date', null, false],
      ['Old NAS', 'accepted', '11 years 9 months', false],
      ['Fax machine', 'retired', '17 years 7 months', false],
      // 2 months' notice: upcoming (expiring) from 2026-11-25, outside the 30-day window.
      ['Domain', 'expiring', null, false],
    ]);
    expect(hank.assetCounts).toEqual({ expired: 1, expiring: 2, fine: 1, 'no-date': 1, accepted: 1, retired: 1 });
    expect(hank.assets.map((a) => a.terms)).toEqual([null, null, null, null, null, null, 'renews every 1 year · notice 2 months']);
  });

  test('the agenda of the page: a replacement instead of the expiry, nothing for accepted or retired assets', () => {
    expect(hank.due.filter((i) => i.kind === 'asset').map((i) => `${i.title} ${i.due} ${i.status}`)).toEqual([
      'Replace Server 2026-10-01 overdue',
      'Antivirus expires 2026-12-15 upcoming',
      'Domain expires 2027-01-25 upcoming',
      'Laptop expires 2029-02-01 later',
    ]);
  });

  test('the growth outlook says when it was asked and whether to ask again', () => {
    expect(hank.growth).toMatchObject({ outlook: 'growing', askedDaysAgo: 315, askDue: false, horizon: 2029, headcountNow: 6, headcountThen: 9 });
    expect(patterson.growth).toMatchObject({ outlook: 'shrinking', askDue: true, note: 'Two agents retired.' });
  });

  test('involvement and type become advice; unrecorded involvement says to ask', () => {
    expect(hank.involvement.value).toBe('just-right');
    expect(patterson.involvement.value).toBe('unknown');
    expect(patterson.involvement.guidance.advice.join(' ')).toMatch(/Ask at the next meeting/);
    expect(patterson.type.guidance.summary).toMatch(/basics/);
  });

  test('the user\'s x- fields are kept as text, lists and maps written out', () => {
    expect(patterson.extensions).toEqual([
      { key: 'x-billing', label: 'billing', lines: ['yearly'] },
      { key: 'x-rooms', label: 'rooms', lines: ['front', 'back'] },
      { key: 'x-wifi', label: 'wifi', lines: ['ssid: Office', 'band: 5 GHz'] },
    ]);
  });

  test('x- fields inside the contact, a person, growth, meetings, an action, an asset and a roadmap item are shown too, saying where', () => {
    const nested = indexOf({
      'acme.md': client(`contact:
  name: Ann Lee
  x-ticket: 4411
people:
  - name: Bob
    x-desk: front
growth:
  outlook: stable
  x-source: AGM
meetings:
  cadence: monthly
  x-room: back office
actions:
  - title: Call Ann
    x-ref: Q-17
assets:
  - name: Main server
    kind: server
    x-rack: [A, 3]
roadmap:
  - title: New firewall
    when: 2027
    x-quote:
      vendor: Acme
x-billing: yearly`),
    });
    expect(clientPageData(nested, clientIn(nested, 'acme')).extensions).toEqual([
      { key: 'x-billing', label: 'billing', lines: ['yearly'] },
      { key: 'contact.x-ticket', label: 'contact: ticket', lines: ['4411'] },
      { key: 'people[0].x-desk', label: 'person “Bob”: desk', lines: ['front'] },
      { key: 'growth.x-source', label: 'growth: source', lines: ['AGM'] },
      { key: 'meetings.x-room', label: 'meetings: room', lines: ['back office'] },
      { key: 'actions[0].x-ref', label: 'action “Call Ann”: ref', lines: ['Q-17'] },
      { key: 'assets[0].x-rack', label: 'asset “Main server”: rack', lines: ['A', '3'] },
      { key: 'roadmap[0].x-quote', label: 'roadmap “New firewall”: quote', lines: ['vendor: Acme'] },
    ]);
  });

  test('notes are rendered from Markdown and sanitised', () => {
    expect(hank.notesHtml).toContain('<h3 id="user-content-2026-11-03-met">2026-11-03 Met</h3>');
    expect(hank.notesHtml).not.toContain('<script');
  });

  test('the health signals of the client come along; no history without git', () => {
    expect(patterson.signals.map((s) => s.code)).toEqual(['no-meeting-rhythm', 'outlook-stale', 'no-next-action', 'shrinking']);
    expect(hank.history).toBeUndefined();
  });
});

describe('clients table', () => {
  const table = clientsTable(index);

  test('one row per client with the referral count and the most urgent item', () => {
    expect(table.rows.map((r) => [r.client.id, r.referrals, r.nextDue?.title ?? null, r.nextDueKey])).toEqual([
      ['hank', 0, 'Replace Server', '2026-10-01'],
      ['lake', 0, 'Ask about the growth outlook', '0000-00-00'],
      ['patterson', 2, 'Ask about the growth outlook', '2026-06-01'],
    ]);
  });

  test('filters offer the values present, in the format\'s order; no "Last changed" without history', () => {
    expect(table.values).toEqual({
      type: ['basic'],
      involvement: ['just-right', 'unknown'],
      outlook: ['growing', 'stable', 'shrinking'],
      status: ['active'],
      due: ['overdue', 'today', 'upcoming', 'later', 'none'],
      met: ['month', 'never'],
    });
    expect(table.hasHistory).toBe(false);
    expect(table.rows.every((r) => r.lastChanged === undefined)).toBe(true);
  });
});

describe('health page data', () => {
  test('the clients with signals, the most first, with a count per signal', () => {
    const health = healthData(index);
    expect(health.clients.map((h) => h.client.id)).toEqual(['patterson', 'lake']);
    expect(health.counts).toEqual([
      { code: 'no-meeting-rhythm', label: 'without a meeting rhythm', clients: 2 },
      { code: 'outlook-stale', label: 'with the outlook not asked for a year', clients: 2 },
      { code: 'no-next-action', label: 'without a next action', clients: 1 },
      { code: 'shrinking', label: 'shrinking', clients: 1 },
    ]);
    expect(health.checked).toBe(3);
  });
});

describe('a former client', () => {
  test('names no next meeting and none overdue: nothing of a former client is due', () => {
    const former = indexOf({
      'gone.md': client(`name: Gone Ltd
status: former
meetings:
  cadence: monthly
  last: 2026-06-01`),
    });
    const view = clientPageData(former, clientIn(former, 'gone'));
    expect(view.meetings).toEqual({ cadence: 'monthly', last: date('2026-06-01'), next: undefined, overdue: false });
  });
});

describe('linear in the number of clients', () => {
  test('a client page reads only its client and the shared lookups, never the whole portfolio', () => {
    const big: Record<string, string> = {};
    for (let i = 0; i < 300; i++) big[`c${i}.md`] = client(`name: Client ${i}${i > 0 ? `\nreferred_by: c${i - 1}` : ''}`);
    const bigIndex = indexOf(big);
    let walks = 0;
    const clients = bigIndex.portfolio.clients;
    const watched = new Proxy(clients, {
      get(target, key, receiver) {
        if (key === Symbol.iterator || key === 'map' || key === 'filter' || key === 'forEach' || key === 'find' || key === 'flatMap') walks++;
        return Reflect.get(target, key, receiver);
      },
    });
    Object.assign(bigIndex.portfolio, { clients: watched });
    for (const c of clients) clientPageData(bigIndex, c);
    Object.assign(bigIndex.portfolio, { clients });
    expect(walks).toBe(0);
  });
});

describe('git history, when the portfolio has it', () => {
  test('fills the "Last changed" column and the History section, and can flag a file not changed for months', () => {
    const data = siteOf(files);
    const entry = (day: string, subject: string) => ({ commit: 'a1b2c3d4e5', date: date(day), author: 'Sam', subject, change: 'modified' as const, path: 'x.md' });
    const history = {
      available: true,
      shallow: false,
      byClient: new Map([
        ['hank', [entry('2026-11-03', 'Note the monthly meeting'), entry('2026-01-20', 'Roadmap answers')]],
        ['lake', [entry('2026-02-01', 'Add Lakeside')]],
      ]),
      lastChanged: new Map([
        ['hank', date('2026-11-03')],
        ['lake', date('2026-02-01')],
      ]),
    };
    const withHistory = portfolioIndex({ ...data, history });
    const table = clientsTable(withHistory);
    expect(table.hasHistory).toBe(true);
    expect(table.rows.map((r) => [r.client.id, r.lastChanged?.toString() ?? null])).toEqual([
      ['hank', '2026-11-03'],
      ['lake', '2026-02-01'],
      ['patterson', null],
    ]);
    const hank = clientPageData(withHistory, clientIn(withHistory, 'hank'));
    expect(hank.history?.map((h) => h.subject)).toEqual(['Note the monthly meeting', 'Roadmap answers']);
    expect(withHistory.health.get('lake')?.map((s) => s.code)).toContain('file-stale');
  });
});
