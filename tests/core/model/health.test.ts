/**
 * The health signals at their edges (issue 10 §13): a former client is never counted, a meeting or
 * an outlook check due today is not yet overdue, an action is long overdue only past 90 days, and a
 * file is stale only once it is more than `stale_months` old. Each edge is held from both sides, a
 * day apart.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Temporal, addMonths, compareDates } from '#core/dates';
import { LONG_OVERDUE_DAYS, clientHealth, clientsWithoutNextAction, portfolioHealth, type HealthOptions } from '#core/model/health';
import { healthData } from '#site/lib/health';
import { client as clientFile, indexOf } from '../../helpers/site.ts';
import { clientYaml, date, makeClient } from '../../helpers/clients.ts';

const AS_OF = date('2026-12-01');
/** A monthly meeting held recently: no meeting signal. */
const MET = 'meetings:\n  cadence: monthly\n  last: 2026-11-20';
const at = (options: Partial<HealthOptions> = {}): HealthOptions => ({ asOf: AS_OF, ...options });
const codes = (yaml: string, options?: Partial<HealthOptions>, id = 'acme') => clientHealth(makeClient(id, yaml), at(options)).map((s) => s.code);
const signal = (yaml: string, code: string, options?: Partial<HealthOptions>) =>
  clientHealth(makeClient('acme', yaml), at(options)).find((s) => s.code === code);

/** Everything wrong at once: no meeting for months, outlook never asked, an action a year late, shrinking. */
const TROUBLED = [
  'name: Gone Ltd',
  'type: basic',
  'contact:',
  '  name: Pat Doe',
  'growth:',
  '  outlook: shrinking',
  'actions:',
  '  - title: Send the quote',
  '    due: 2025-11-01',
  'meetings:',
  '  cadence: monthly',
  '  last: 2025-01-10',
];

describe('a former client', () => {
  const former = [...TROUBLED, 'status: former'].join('\n');
  const active = TROUBLED.join('\n');
  const stale = { lastChanged: new Map([['gone', date('2020-01-01')]]) };

  test('shows no signal, however troubled its file', () => {
    // The same file, active: these signals, so the empty result below is the status alone.
    expect(codes(active, stale, 'gone')).toEqual(['meeting-overdue', 'outlook-stale', 'action-long-overdue', 'shrinking', 'file-stale']);
    expect(codes(former, stale, 'gone')).toEqual([]);
    expect(codes(former.replace(/actions:\n.*\n.*\n/, 'actions: []\n'), stale, 'gone')).toEqual([]);
  });

  test('is left out of the portfolio, of the clients without a next action, and of the health page and its counts', () => {
    const noAction = (yaml: string) => yaml.replace(/actions:\n.*\n.*\n/, 'actions: []\n');
    const clients = [makeClient('gone', noAction(former)), makeClient('live', noAction(active).replace('Gone Ltd', 'Live Ltd'))];
    expect(portfolioHealth(clients, at(stale)).map((h) => h.client.id)).toEqual(['live']);
    // The most signals first, then by name.
    const more = [makeClient('zeta', active.replace('Gone Ltd', 'Zeta')), makeClient('alpha', clientYaml('Alpha', MET).replace('outlook: stable', 'outlook: shrinking')), makeClient('beta', clientYaml('Beta', MET).replace('outlook: stable', 'outlook: shrinking'))];
    expect(portfolioHealth(more, at()).map((h) => `${h.client.id} ${h.signals.length}`)).toEqual(['zeta 4', 'alpha 1', 'beta 1']);
    expect(clientsWithoutNextAction(clients).map((c) => c.id)).toEqual(['live']);

    const index = indexOf({
      'gone.md': clientFile('name: Gone Ltd\nstatus: former\nactions: []\ngrowth:\n  outlook: shrinking'),
      'live.md': clientFile(`name: Live Ltd\nactions: []\ngrowth:\n  outlook: shrinking\n  asked: 2026-06-01\n${MET}`),
      'fine.md': clientFile(`name: Fine Ltd\ngrowth:\n  outlook: stable\n  asked: 2026-06-01\n${MET}`),
    });
    const page = healthData(index);
    expect(page.checked).toBe(2);
    expect(page.clients.map((h) => h.client.id)).toEqual(['live']);
    expect(page.counts).toEqual([
      { code: 'no-next-action', label: 'without a next action', clients: 1 },
      { code: 'shrinking', label: 'shrinking', clients: 1 },
    ]);
  });

  test('a prospect is checked like an active client, but is never asked for its outlook', () => {
    const prospect = [...TROUBLED, 'status: prospect'].join('\n');
    expect(codes(prospect, {}, 'gone')).toEqual(['meeting-overdue', 'action-long-overdue', 'shrinking']);
  });
});

describe('a meeting', () => {
  const withMeeting = (cadence: string, last?: string) =>
    clientYaml('Acme', `meetings:\n  cadence: ${cadence}${last ? `\n  last: ${last}` : ''}`);

  test('due today is not overdue; due yesterday is, by one day', () => {
    // Monthly from 2026-11-01: due 2026-12-01, the as-of day.
    expect(codes(withMeeting('monthly', '2026-11-01'))).toEqual([]);
    const late = signal(withMeeting('monthly', '2026-10-31'), 'meeting-overdue');
    expect(late).toMatchObject({ days: 1 });
    expect(late?.summary).toBe('The monthly meeting was due 2026-11-30, 1 day ago.');
  });

  test('says when it was due and how long ago', () => {
    expect(signal(withMeeting('quarterly', '2026-08-15'), 'meeting-overdue')).toMatchObject({
      summary: 'The quarterly meeting was due 2026-11-15, 16 days ago.',
      days: 16,
    });
  });

  test('never held is overdue with no day count; no cadence is never overdue, but no rhythm', () => {
    expect(signal(withMeeting('weekly'), 'meeting-overdue')).toMatchObject({ summary: 'No weekly meeting on record.', days: null });
    expect(codes(withMeeting('none'))).toEqual(['no-meeting-rhythm']);
    expect(codes(withMeeting('none', '2020-01-01'))).toEqual(['no-meeting-rhythm']);
  });

  test('due in the future, or today, is never overdue; due before today always is (any cadence, any day)', () => {
    const units = { weekly: { weeks: 1 }, monthly: { months: 1 }, quarterly: { months: 3 }, yearly: { years: 1 } } as const;
    fc.assert(
      fc.property(fc.constantFrom(...(Object.keys(units) as (keyof typeof units)[])), fc.integer({ min: 0, max: 800 }), (cadence, ago) => {
        const last = AS_OF.subtract({ days: ago });
        const found = signal(withMeeting(cadence, last.toString()), 'meeting-overdue');
        // Temporal's own arithmetic, not the core's.
        const due = last.add(units[cadence]);
        expect(found === undefined).toBe(Temporal.PlainDate.compare(due, AS_OF) >= 0);
        if (found) expect(found.days).toBe(due.until(AS_OF).days);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the growth outlook', () => {
  const asked = (day: string) => clientYaml('Acme', MET).replace('asked: 2026-06-01', `asked: ${day}`);

  test('asked a year ago today is not stale; a year and a day ago it is', () => {
    expect(codes(asked('2025-12-01'))).toEqual([]);
    expect(signal(asked('2025-11-30'), 'outlook-stale')).toMatchObject({
      summary: 'Growth outlook last asked 2025-11-30, 366 days ago.',
      days: 366,
    });
  });
});

describe('an open action long overdue', () => {
  const due = (...days: string[]) =>
    clientYaml('Acme', `${MET}\nactions:\n${days.map((d, i) => `  - title: Task ${i + 1}\n    due: ${d}`).join('\n')}`).replace(/actions:\n  - title: Check the backup\n    due: 2027-06-01\n/, '');

  test(`is a signal past ${LONG_OVERDUE_DAYS} days, not at ${LONG_OVERDUE_DAYS}`, () => {
    expect(LONG_OVERDUE_DAYS).toBe(90);
    // 90 days before 2026-12-01 is 2026-09-02.
    expect(codes(due('2026-09-02'))).toEqual([]);
    expect(signal(due('2026-09-01'), 'action-long-overdue')).toMatchObject({ summary: '“Task 1” was due 2026-09-01, 91 days ago.', days: 91 });
  });

  test('names the oldest of several, and never a done one', () => {
    expect(signal(due('2026-08-01', '2026-03-01', '2026-11-30'), 'action-long-overdue')).toMatchObject({
      summary: '2 actions overdue by more than 90 days; the oldest, “Task 2”, was due 2026-03-01, 275 days ago.',
      days: 275,
    });
    const done = due('2026-03-01').replace('due: 2026-03-01', 'due: 2026-03-01\n    done: 2026-03-02');
    expect(codes(done)).toEqual(['no-next-action']);
  });
});

describe('a file without changes', () => {
  const plain = clientYaml('Acme', MET);
  const changedOn = (day: string, staleMonths?: number) =>
    codes(plain, { lastChanged: new Map([['acme', date(day)]]), ...(staleMonths ? { staleMonths } : {}) });

  test('exactly stale_months old is not stale; a day older is', () => {
    // Six months (the default) before 2026-12-01 is 2026-06-01.
    expect(changedOn('2026-06-02')).toEqual([]);
    expect(changedOn('2026-06-01')).toEqual([]);
    expect(changedOn('2026-05-31')).toEqual(['file-stale']);
    expect(signal(plain, 'file-stale', { lastChanged: new Map([['acme', date('2026-05-31')]]) })).toMatchObject({
      summary: 'The file has not changed since 2026-05-31.',
      days: 184,
    });
  });

  test('follows stale_months, month ends clamped', () => {
    expect(changedOn('2026-09-01', 3)).toEqual([]);
    expect(changedOn('2026-08-31', 3)).toEqual(['file-stale']);
    expect(changedOn('2026-08-31', 4)).toEqual([]);
    // 2026-05-31 + 6 months = 2026-11-30, before 2026-12-01; 2026-06-30 + 6 months = 2026-12-30.
    expect(changedOn('2026-06-30')).toEqual([]);
  });

  test('is stale exactly when more than stale_months have passed (any day, any setting)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4000 }), fc.integer({ min: 1, max: 120 }), (ago, months) => {
        const changed = AS_OF.subtract({ days: ago });
        const stale = changedOn(changed.toString(), months).includes('file-stale');
        // Temporal's own month arithmetic (clamped to the month's end), not the core's addMonths.
        expect(stale).toBe(Temporal.PlainDate.compare(changed.add({ months }), AS_OF) < 0);
        expect(compareDates(addMonths(changed, months), changed.add({ months }))).toBe(0);
      }),
      { numRuns: 400 },
    );
  });

  test('with no history (not a git repository), no file is stale', () => {
    expect(codes(plain, { lastChanged: new Map() })).toEqual([]);
    expect(codes(plain)).toEqual([]);
  });
});

describe('what each signal says', () => {
  test('its summary, why it matters and what to do, as the health page shows them', () => {
    const everything = [...TROUBLED, '  - title: Older', '    due: 2025-10-01', 'x-none: 1']
      .join('\n')
      .replace('meetings:\n  cadence: monthly\n  last: 2025-01-10', '')
      .replace('actions:\n  - title: Send the quote\n    due: 2025-11-01\n', 'actions:\n  - title: Send the quote\n    due: 2025-11-01\n    done: 2025-11-02\n');
    const signals = clientHealth(makeClient('gone', everything), at({ lastChanged: new Map([['gone', date('2026-01-15')]]) }));
    expect(signals).toMatchInlineSnapshot(`
      [
        {
          "code": "no-meeting-rhythm",
          "days": null,
          "summary": "No meeting rhythm on record.",
          "todo": "Agree a rhythm at the next visit (monthly for strategic clients, quarterly at least for the rest) and write it under meetings.",
          "why": "Without a rhythm, meetings happen only when something breaks, and the client hears from you only then.",
        },
        {
          "code": "outlook-stale",
          "days": null,
          "summary": "Growth outlook never asked.",
          "todo": "Put the roadmap questions on the agenda of the next meeting.",
          "why": "Plans made on an outlook you assumed are plans for another business. Hiring, cut-backs and budgets change what they need.",
        },
        {
          "code": "action-long-overdue",
          "days": 426,
          "summary": "“Older” was due 2025-10-01, 426 days ago.",
          "todo": "Do it this week, or tell the client why not and set a date you will keep; drop it if it no longer matters.",
          "why": "An action left for months is a promise the client has stopped expecting, or one they have given to someone else.",
        },
        {
          "code": "shrinking",
          "days": null,
          "summary": "The business is shrinking.",
          "todo": "Show how to spend less without risk: fewer seats, longer life for what works, a smoothed roadmap.",
          "why": "A shrinking client cuts costs, and outside IT is an easy line to cut.",
        },
        {
          "code": "file-stale",
          "days": 320,
          "summary": "The file has not changed since 2026-01-15.",
          "todo": "Record the last visit, or plan the next one.",
          "why": "No notes for months usually means no contact for months.",
        },
      ]
    `);
    const withMeeting = clientHealth(makeClient('acme', clientYaml('Acme', 'meetings:\n  cadence: monthly\n  last: 2026-09-01')), at());
    expect(withMeeting).toMatchInlineSnapshot(`
      [
        {
          "code": "meeting-overdue",
          "days": 61,
          "summary": "The monthly meeting was due 2026-10-01, 61 days ago.",
          "todo": "Call today and book the meeting, face to face if you can.",
          "why": "Clients who do not see you regularly stop thinking of you as their IT partner; a competitor or a vendor fills the gap.",
        },
      ]
    `);
    const idle = 'name: Idle\ntype: basic\ncontact:\n  name: Pat\ngrowth:\n  outlook: shrinking\n  note: Two stores closed\n  asked: 2026-06-01\nactions: []\nmeetings:\n  cadence: none';
    expect(clientHealth(makeClient('idle', idle), at())).toMatchInlineSnapshot(`
      [
        {
          "code": "no-meeting-rhythm",
          "days": null,
          "summary": "Meetings are set to none: no regular meeting.",
          "todo": "Agree a rhythm at the next visit (monthly for strategic clients, quarterly at least for the rest) and write it under meetings.",
          "why": "Without a rhythm, meetings happen only when something breaks, and the client hears from you only then.",
        },
        {
          "code": "no-next-action",
          "days": null,
          "summary": "No open action.",
          "todo": "Add the next step, even a small one: a check-up, a licence renewal, a training.",
          "why": "A client without a next action only hears from you when something breaks.",
        },
        {
          "code": "shrinking",
          "days": null,
          "summary": "The business is shrinking: Two stores closed",
          "todo": "Show how to spend less without risk: fewer seats, longer life for what works, a smoothed roadmap.",
          "why": "A shrinking client cuts costs, and outside IT is an easy line to cut.",
        },
      ]
    `);
  });
});
