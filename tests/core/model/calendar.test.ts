import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { calendarFeed, escapeText, eventUid, foldLine } from '#core/model/calendar';
import { clientYaml, date, makeClient } from '../../helpers/clients.ts';

const AS_OF = date('2026-12-01');

const hank = (due = '2026-12-15') =>
  makeClient(
    'hanks-hardware',
    `name: Hank's Hardware
type: strategic
contact:
  name: Hank Miller
growth:
  outlook: growing
  asked: 2026-01-20
meetings:
  cadence: monthly
  last: 2026-11-03
actions:
  - title: Renew anti-virus for all seats
    due: ${due}
    every: 1 year
    tags: [renewal, "a,b"]
  - title: Done already
    due: 2026-10-01
    done: 2026-10-02
  - title: Someday
assets:
  - name: ESET PROTECT Entry
    kind: licence
    expires: 2026-12-31
  - name: ESET PROTECT Entry (second site)
    kind: licence
    expires: 2027-12-31`,
  );

const never = makeClient(
  'never-met',
  `name: Never Met Ltd
type: basic
contact:
  name: N
growth:
  outlook: unknown
meetings:
  cadence: quarterly
actions:
  - title: Call
    due: 2027-01-05`,
);

const hostileTitle = 'Back\\slash; semi, comma\nnew line — Café Ürün 😀 ' + 'é'.repeat(30) + '👩‍💻'.repeat(6);
const hostile = makeClient(
  'hostile',
  clientYaml(
    'Crème; Brûlée, & Sons',
    `actions:\n  - title: ${JSON.stringify(hostileTitle)}\n    due: 2027-02-28\n    note: ${JSON.stringify('Line one\r\nLine two; with, punctuation \\ and a tab\there')}`,
  ).replace(/actions:\n  - title: Check the backup\n    due: 2027-06-01\n/, ''),
);

const former = makeClient('gone', `${clientYaml('Gone Inc')}\nstatus: former`);

function parse(feed: string) {
  const cal = new ICAL.Component(ICAL.parse(feed));
  const events = cal.getAllSubcomponents('vevent').map((e) => {
    const start = e.getFirstPropertyValue('dtstart') as ICAL.Time;
    const end = e.getFirstPropertyValue('dtend') as ICAL.Time;
    return {
      uid: e.getFirstPropertyValue('uid') as string,
      summary: e.getFirstPropertyValue('summary') as string,
      description: e.getFirstPropertyValue('description') as string,
      categories: e.getFirstProperty('categories')!.getValues() as string[],
      start,
      end,
      url: e.getFirstPropertyValue('url') as string | null,
      stamp: (e.getFirstPropertyValue('dtstamp') as ICAL.Time).toString(),
    };
  });
  return { cal, events };
}

describe('calendarFeed', () => {
  const feed = calendarFeed([hank(), never, hostile, former], { asOf: AS_OF, name: 'Northern Lights IT — client book' });
  const { cal, events } = parse(feed);

  it('is a valid iCalendar with the calendar properties', () => {
    expect(feed.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
    expect(feed.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    expect(cal.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(cal.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('Northern Lights IT — client book');
    expect(cal.getFirstPropertyValue('prodid')).toMatch(/clientbook/);
  });

  it('uses CRLF only and folds every line to 75 octets without splitting a character', () => {
    expect(feed.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const bytes = new TextEncoder().encode(feed);
    const crlf = [];
    for (let i = 0; i < bytes.length - 1; i++) if (bytes[i] === 13 && bytes[i + 1] === 10) crlf.push(i);
    let from = 0;
    let folded = 0;
    for (const at of crlf) {
      const line = bytes.subarray(from, at);
      expect(line.length).toBeLessThanOrEqual(75);
      // Each physical line is valid UTF-8 on its own: no character was cut in two.
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(line)).not.toThrow();
      if (line[0] === 32) folded++;
      from = at + 2;
    }
    expect(folded).toBeGreaterThan(3);
  });

  it('has one all-day event per due item, former clients left out', () => {
    const summaries = events.map((e) => e.summary).sort();
    expect(summaries).toEqual(
      [
        "Hank's Hardware: Renew anti-virus for all seats",
        "Hank's Hardware: ESET PROTECT Entry expires",
        "Hank's Hardware: ESET PROTECT Entry (second site) expires",
        "Hank's Hardware: Monthly meeting",
        "Hank's Hardware: Ask about the growth outlook",
        'Never Met Ltd: Call',
        'Never Met Ltd: Quarterly meeting (overdue)',
        'Never Met Ltd: Ask about the growth outlook (overdue)',
        `Crème; Brûlée, & Sons: ${hostileTitle}`,
        'Crème; Brûlée, & Sons: Ask about the growth outlook',
      ].sort(),
    );
    for (const e of events) {
      expect(e.start.isDate).toBe(true);
      expect(e.end.isDate).toBe(true);
      const next = e.start.clone();
      next.adjust(1, 0, 0, 0);
      expect(e.end.toString()).toBe(next.toString());
      expect(e.stamp).toBe('2026-12-01T00:00:00Z');
      expect(e.url).toBeNull();
    }
  });

  it('puts each event on its due day', () => {
    const on = (summary: string) => events.find((e) => e.summary === summary)!;
    expect(on("Hank's Hardware: Renew anti-virus for all seats").start.toString()).toBe('2026-12-15');
    expect(on("Hank's Hardware: Renew anti-virus for all seats").end.toString()).toBe('2026-12-16');
    expect(on("Hank's Hardware: Monthly meeting").start.toString()).toBe('2026-12-03');
    expect(on("Hank's Hardware: Ask about the growth outlook").start.toString()).toBe('2027-01-20');
    expect(on(`Crème; Brûlée, & Sons: ${hostileTitle}`).start.toString()).toBe('2027-02-28');
    expect(on(`Crème; Brûlée, & Sons: ${hostileTitle}`).end.toString()).toBe('2027-03-01');
    expect(feed).toContain('DTSTART;VALUE=DATE:20261215\r\nDTEND;VALUE=DATE:20261216\r\n');
  });

  it('puts undated overdue items on the as-of date and says so', () => {
    const meeting = events.find((e) => e.summary === 'Never Met Ltd: Quarterly meeting (overdue)')!;
    expect(meeting.start.toString()).toBe('2026-12-01');
    expect(meeting.description).toMatch(/^Overdue, no date: No meeting on record\. Shown on 2026-12-01/);
    const growth = events.find((e) => e.summary === 'Never Met Ltd: Ask about the growth outlook (overdue)')!;
    expect(growth.start.toString()).toBe('2026-12-01');
    expect(growth.description).toMatch(/never asked/);
  });

  it('puts dated overdue items on the as-of date too, saying since when: a calendar shows no past day', () => {
    const late = parse(calendarFeed([hank('2026-10-15')], { asOf: AS_OF, name: 'x' })).events;
    const renew = late.find((e) => e.summary.includes('Renew anti-virus'))!;
    expect(renew.summary).toBe("Hank's Hardware: Renew anti-virus for all seats (overdue since 2026-10-15)");
    expect(renew.start.toString()).toBe('2026-12-01');
    expect(renew.end.toString()).toBe('2026-12-02');
    expect(renew.description).toMatch(/^Overdue since 2026-10-15: shown on 2026-12-01/);
    // Due today is not overdue: it stays on its day, under its own title.
    const today = parse(calendarFeed([hank('2026-12-01')], { asOf: AS_OF, name: 'x' })).events;
    expect(today.find((e) => e.summary === "Hank's Hardware: Renew anti-virus for all seats")!.start.toString()).toBe('2026-12-01');
  });

  it('says which build is newer (SEQUENCE) and when the file last changed (LAST-MODIFIED)', () => {
    // Days from 2000-01-01 to the as-of date: every day's feed supersedes the one before.
    expect(feed.match(/^SEQUENCE:.*$/gm)!.every((l) => l === 'SEQUENCE:9831')).toBe(true);
    const next = calendarFeed([hank()], { asOf: date('2026-12-02'), name: 'x' });
    expect(next).toContain('SEQUENCE:9832\r\n');
    expect(feed).not.toContain('LAST-MODIFIED');
    const dated = calendarFeed([hank(), never], { asOf: AS_OF, name: 'x', lastChanged: new Map([['hanks-hardware', date('2026-11-03')]]) });
    const cal = new ICAL.Component(ICAL.parse(dated));
    const modified = cal.getAllSubcomponents('vevent').map((e) => [e.getFirstPropertyValue('summary'), e.getFirstPropertyValue('last-modified')?.toString() ?? null]);
    expect(modified.filter(([summary]) => String(summary).startsWith('Hank')).every(([, m]) => m === '2026-11-03T00:00:00Z')).toBe(true);
    expect(modified.filter(([summary]) => String(summary).startsWith('Never')).every(([, m]) => m === null)).toBe(true);
  });

  it('escapes hostile text so that a parser reads it back exactly', () => {
    const e = events.find((x) => x.summary.endsWith(hostileTitle))!;
    expect(e.summary).toBe(`Crème; Brûlée, & Sons: ${hostileTitle}`);
    expect(e.description).toContain('Line one\nLine two; with, punctuation \\ and a tab\there');
    expect(e.categories).toEqual(['action']);
    const renew = events.find((x) => x.summary.endsWith('Renew anti-virus for all seats'))!;
    expect(renew.categories).toEqual(['action', 'renewal', 'a,b']);
    expect(renew.description).toContain('Recurs every 1 year.');
    expect(escapeText('a\\b;c,d\ne\r\nf\rg\u0001h')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng h');
  });

  it('gives stable UIDs that do not depend on the date', () => {
    const uids = events.map((e) => e.uid);
    expect(new Set(uids).size).toBe(uids.length);
    const moved = parse(calendarFeed([hank('2027-03-01')], { asOf: AS_OF, name: 'x' })).events;
    const before = events.find((e) => e.summary.endsWith('Renew anti-virus for all seats'))!;
    const after = moved.find((e) => e.summary.endsWith('Renew anti-virus for all seats'))!;
    expect(after.start.toString()).toBe('2027-03-01');
    expect(after.uid).toBe(before.uid);
    // A later as-of date moves the meeting and the stamp, not the UIDs.
    const later = parse(calendarFeed([hank()], { asOf: date('2027-02-01'), name: 'x' })).events;
    expect(later.map((e) => e.uid).sort()).toEqual(events.filter((e) => e.summary.startsWith("Hank's")).map((e) => e.uid).sort());
    expect(eventUid('a', 'action', 'Café')).not.toBe(eventUid('a', 'action', 'Cafe'));
    expect(eventUid('a', 'action', 'x')).toMatch(/^a\.action\.[0-9a-f]{20}@clientbook$/);
  });

  it('is byte-identical for the same as-of date', () => {
    expect(calendarFeed([hank(), never, hostile, former], { asOf: AS_OF, name: 'Northern Lights IT — client book' })).toBe(feed);
  });

  it('links events to the site only with an absolute base URL', () => {
    const linked = parse(calendarFeed([never], { asOf: AS_OF, name: 'x', baseUrl: 'https://book.example/clients-site/' })).events;
    expect(linked.map((e) => e.url)).toEqual(Array(3).fill('https://book.example/clients-site/clients/never-met/'));
    expect(() => calendarFeed([never], { asOf: AS_OF, name: 'x', baseUrl: '/relative/' })).toThrow();
  });

  it('is an empty calendar without clients', () => {
    const empty = calendarFeed([], { asOf: AS_OF, name: 'x' });
    expect(parse(empty).events).toEqual([]);
  });
});

describe('foldLine', () => {
  it('leaves short lines alone and folds at 75 octets, continuation lines included', () => {
    expect(foldLine('a'.repeat(75))).toBe('a'.repeat(75));
    expect(foldLine('a'.repeat(76))).toBe(`${'a'.repeat(75)}\r\n a`);
    expect(foldLine('a'.repeat(75 + 74 + 1))).toBe(`${'a'.repeat(75)}\r\n ${'a'.repeat(74)}\r\n a`);
  });

  it('moves a multi-byte character that would cross the boundary to the next line', () => {
    // 74 ASCII octets, then é (2 octets) would make 76: it starts the next line.
    expect(foldLine(`${'a'.repeat(74)}é`)).toBe(`${'a'.repeat(74)}\r\n é`);
    // 😀 is 4 octets (a surrogate pair in JavaScript): never split.
    const folded = foldLine(`${'a'.repeat(73)}😀😀`);
    expect(folded).toBe(`${'a'.repeat(73)}\r\n 😀😀`);
  });
});
