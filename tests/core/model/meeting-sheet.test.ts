import { describe, expect, it } from 'vitest';
import { meetingSheet, type MeetingSheet } from '#core/model/meeting-sheet';
import { date, makeClient } from '../../helpers/clients.ts';

const AS_OF = date('2026-12-01');
const options = { asOf: AS_OF, currency: 'CAD', locale: 'en-CA' };

const hank = makeClient(
  'hanks-hardware',
  `name: Hank's Hardware
type: strategic
involvement: just-right
contact:
  name: Hank Miller
  role: Owner
people:
  - name: Donna Miller
    role: Bookkeeper
employees: 6
growth:
  outlook: growing
  asked: 2026-01-20
  horizon: 2028
  headcount: 9
  revenue: "$3M now, expects $3.5M within 18 months"
  note: Opening a contractor sales desk in spring 2027.
meetings:
  cadence: monthly
  last: 2026-11-03
actions:
  - title: Send the quote
    due: 2026-11-20
  - title: Someday
  - title: Renew anti-virus
    due: 2026-12-15
  - title: Old
    due: 2026-01-01
    done: 2026-01-02
assets:
  - name: Main server (Dell PowerEdge T330)
    kind: server
    acquired: 2016-09-14
    expires: 2021-09-30
    replace: 2027-Q2
  - name: Office printer
    kind: printer
    replace: 2027-11
  - name: Microsoft 365 Business Standard
    kind: subscription
    expires: 2027-06-30
    seats: 7
  - name: FortiGate firewall
    kind: network
    expires: 2027-03-08
    replace: 2031
  - name: Far away
    kind: other
    replace: 2030
  - name: Old fax
    kind: other
    status: retired
    expires: 2027-01-31
    replace: 2027-Q1
roadmap:
  - title: Replace the store switch
    when: 2026-Q4
    cost: 1180
    status: done
  - title: Replace the main server
    when: 2027-Q2
    cost: 7800.25
    status: agreed
  - title: Upgrade Microsoft 365
    when: 2027-07
    cost: 1620
  - title: Replace the NAS
    when: 2028
    cost: 1900
  - title: Cameras
    when: 2028-Q3
    cost: 5000
    status: deferred
  - title: Backup drive
    when: 2025-11
    cost: 650
    status: declined
  - title: Forgotten
    when: 2026-03
    cost: 100
  - title: Far future
    when: 2031
    cost: 1`,
);

const question = (sheet: MeetingSheet, id: string) => {
  const q = sheet.sections.flatMap((s) => s.questions).find((x) => x.id === id);
  if (!q) throw new Error(`no question ${id}`);
  return q;
};
const answers = (sheet: MeetingSheet, id: string) => question(sheet, id).previous.map((a) => `${a.label}: ${a.value}`);

describe('meetingSheet', () => {
  const sheet = meetingSheet(hank, options);

  it('asks the standard questions in the questionnaire order, with stable ids', () => {
    expect(sheet.sections.map((s) => s.id)).toEqual(['business', 'plans', 'budget', 'it-today', 'working-together', 'roadmap', 'before-we-leave']);
    const ids = sheet.sections.flatMap((s) => s.questions.map((q) => q.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ['outlook', 'headcount-now', 'headcount-later', 'hiring', 'leaving', 'revenue', 'budget', 'plans', 'worries', 'contact', 'meetings'])
      expect(ids).toContain(id);
    expect(question(sheet, 'plans').choices).toContain('move, expand or open a second location?');
    expect(question(sheet, 'worries').text).toMatch(/worries you about your IT/);
  });

  it("fills in last time's answers from the file", () => {
    expect(answers(sheet, 'outlook')).toEqual(['Outlook: Growing', 'Asked: Jan 20, 2026', 'Looking to: 2028']);
    expect(answers(sheet, 'headcount-now')).toEqual(['People: 6']);
    expect(answers(sheet, 'headcount-later')).toEqual(['Expected: 9 by 2028 (3 more than today)']);
    expect(answers(sheet, 'revenue')).toEqual(['Said: $3M now, expects $3.5M within 18 months']);
    expect(answers(sheet, 'plans')).toEqual(['Noted: Opening a contractor sales desk in spring 2027.']);
    expect(answers(sheet, 'contact')).toEqual(['Contact: Hank Miller, Owner', 'Also: Donna Miller, Bookkeeper']);
    expect(answers(sheet, 'involvement')).toEqual(['Noted: Just right: wants to understand, leaves the expert work to us']);
    expect(answers(sheet, 'meetings')).toEqual(['Rhythm: Monthly', 'Last meeting: Nov 3, 2026', 'Next due: Dec 3, 2026']);
    expect(answers(sheet, 'worries')).toEqual([]);
    expect(question(sheet, 'outlook').previous[0]!.source).toBe('growth.outlook');
  });

  it('sums the roadmap money in cents for the budget questions', () => {
    expect(answers(sheet, 'spent')).toEqual(['Roadmap work done in the last 12 months: $1,180 (1 item)']);
    // Next 12 months: the server (agreed), Microsoft 365 (proposed) and "Forgotten" (proposed), which
    // ended in March but is still to do (roadmap-by-year.ts).
    expect(answers(sheet, 'budget')).toEqual(['On the roadmap for the next 12 months: $7,800.25 agreed, $1,720 proposed']);
    expect(answers(sheet, 'spread')).toEqual(['Agreed and proposed by year: 2026: $100; 2027: $9,420.25; 2028: $1,900; 2029: $0']);
  });

  it('groups the roadmap by year for the review: overdue work in this year and flagged, later, done and declined aside', () => {
    const r = sheet.roadmap;
    expect(r.years.map((y) => [y.year, y.entries.map((e) => e.title)])).toEqual([
      [2026, ['Forgotten']],
      [2027, ['Replace the main server', 'Upgrade Microsoft 365', 'Replace Office printer']],
      [2028, ['Replace the NAS', 'Cameras']],
      [2029, []],
    ]);
    expect(r.years[1]!.totals).toEqual({ agreed: 780025, proposed: 162000, deferred: 0 });
    expect(r.years[2]!.totals).toEqual({ agreed: 0, proposed: 190000, deferred: 500000 });
    expect(r.overdue.map((e) => e.title)).toEqual(['Forgotten']);
    expect(r.later.map((e) => e.title)).toEqual(['Replace Far away', 'Far future', 'Replace FortiGate firewall']);
    expect(r.doneRecently.map((e) => e.title)).toEqual(['Replace the store switch']);
    expect(r.declined.map((e) => e.title)).toEqual(['Backup drive']);
    expect(answers(sheet, 'roadmap-review')[0]).toBe('March 2026: Forgotten (proposed, $100)');
    expect(answers(sheet, 'roadmap-review')).toContain('Q2 2027 (Apr–Jun): Replace the main server (agreed, $7,800.25)');
  });

  it('lists assets due for replacement or expiring in the next three years; never a retired one', () => {
    expect(sheet.assets.map((a) => [a.name, a.first.toString(), a.expired, a.replace?.when ?? null, a.expires?.toString() ?? null])).toEqual([
      ['Main server (Dell PowerEdge T330)', '2021-09-30', true, '2027-Q2', '2021-09-30'],
      ['FortiGate firewall', '2027-03-08', false, null, '2027-03-08'],
      ['Microsoft 365 Business Standard', '2027-06-30', false, null, '2027-06-30'],
      ['Office printer', '2027-11-01', false, '2027-11', null],
    ]);
    expect(answers(sheet, 'renewals')).toEqual(['Microsoft 365 Business Standard: ends Jun 30, 2027, 7 seats']);
    expect(answers(sheet, 'replacements')[0]).toBe('Main server (Dell PowerEdge T330): replace Q2 2027 (Apr–Jun); ended Sep 30, 2021; bought Sep 14, 2016');
  });

  it('ends with the open actions and the next meeting', () => {
    expect(sheet.openActions.map((a) => [a.title, a.due?.toString() ?? null])).toEqual([
      ['Send the quote', '2026-11-20'],
      ['Renew anti-virus', '2026-12-15'],
      ['Someday', null],
    ]);
    expect(answers(sheet, 'next-action')).toEqual(['Nov 20, 2026: Send the quote', 'Dec 15, 2026: Renew anti-virus', 'No date: Someday']);
    expect(answers(sheet, 'next-meeting')).toEqual(['Due: Dec 3, 2026']);
    expect(sheet.nextMeeting?.toString()).toBe('2026-12-03');
    expect(sheet.lastAsked?.toString()).toBe('2026-01-20');
    expect(sheet.client).toMatchObject({ id: 'hanks-hardware', name: "Hank's Hardware", type: 'strategic', employees: 6 });
  });

  it('says so when the outlook was never asked, and leaves the rest empty', () => {
    const bare = makeClient(
      'bare',
      `name: Bare
type: break-fix
contact:
  name: B
growth:
  outlook: unknown
actions: []`,
    );
    const s = meetingSheet(bare, options);
    expect(answers(s, 'outlook')).toEqual(['Outlook: Unknown', 'Asked: never: this is the first time']);
    for (const id of ['headcount-now', 'headcount-later', 'revenue', 'plans', 'spent', 'budget', 'spread', 'meetings', 'next-action', 'next-meeting', 'roadmap-review'])
      expect(answers(s, id)).toEqual([]);
    expect(s.lastAsked).toBeNull();
    expect(s.nextMeeting).toBeUndefined();
    expect(s.assets).toEqual([]);
  });

  it('gives the default horizon three years after asking, and fewer people as fewer', () => {
    const shrinking = makeClient(
      'shrink',
      `name: Shrink
type: basic
contact:
  name: S
employees: 14
growth:
  outlook: shrinking
  asked: 2026-03-01
  headcount: 11
actions: []`,
    );
    const s = meetingSheet(shrinking, options);
    expect(answers(s, 'outlook')).toEqual(['Outlook: Getting smaller', 'Asked: Mar 1, 2026', 'Looking to: 2029 (three years after asking)']);
    expect(answers(s, 'headcount-later')).toEqual(['Expected: 11 by 2029 (3 fewer than today)']);
  });
});
