/**
 * The core's calendar arithmetic works on plain numbers for speed; Temporal is the reference. Every
 * function is held to Temporal's own answer over a wide range of dates, month ends and leap years.
 */
import fc from 'fast-check';
import { Temporal as Polyfill } from 'temporal-polyfill';
import { describe, expect, test } from 'vitest';
import {
  addDays,
  addInterval,
  addMonths,
  compareDates,
  daysBetween,
  daysInMonth,
  epochDay,
  parseDate,
  parsePeriod,
  quarterStart,
  type PlainDate,
} from '#core/dates';

const Temporal = (globalThis as { Temporal?: typeof Polyfill }).Temporal ?? Polyfill;

/** Any day from 1600 to 2400, with month ends and 29 February often. */
const day = fc
  .record({ year: fc.integer({ min: 1600, max: 2400 }), month: fc.integer({ min: 1, max: 12 }), day: fc.oneof(fc.integer({ min: 1, max: 31 }), fc.constantFrom(28, 29, 30, 31)) })
  .map(({ year, month, day: d }) => Temporal.PlainDate.from({ year, month, day: d }, { overflow: 'constrain' }));

const same = (a: PlainDate, b: PlainDate) => expect(a.toString()).toBe(b.toString());

describe('calendar arithmetic agrees with Temporal', () => {
  test('days between two dates, and their order', () => {
    fc.assert(
      fc.property(day, day, (a, b) => {
        expect(daysBetween(a, b)).toBe(a.until(b, { largestUnit: 'days' }).days);
        expect(Math.sign(compareDates(a, b))).toBe(Temporal.PlainDate.compare(a, b));
      }),
      { numRuns: 2000 },
    );
  });

  test('adding days, weeks, months and years (month ends constrained)', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -5000, max: 5000 }), fc.integer({ min: -400, max: 400 }), (d, days, months) => {
        same(addDays(d, days), d.add({ days }));
        same(addMonths(d, months), d.add({ months }, { overflow: 'constrain' }));
        same(addInterval(d, { count: 2, unit: 'week' }, 3), d.add({ weeks: 6 }));
        same(addInterval(d, { count: 1, unit: 'year' }, 2), d.add({ years: 2 }, { overflow: 'constrain' }));
        same(addInterval(d, { count: 3, unit: 'month' }), d.add({ months: 3 }, { overflow: 'constrain' }));
      }),
      { numRuns: 2000 },
    );
  });

  test('the epoch day is a day count from 1970-01-01', () => {
    expect(epochDay(Temporal.PlainDate.from('1970-01-01'))).toBe(0);
    expect(epochDay(Temporal.PlainDate.from('2000-03-01'))).toBe(11017);
    expect(epochDay(Temporal.PlainDate.from('1969-12-31'))).toBe(-1);
  });

  test('quarter starts and month lengths', () => {
    fc.assert(
      fc.property(day, (d) => {
        same(quarterStart(d), Temporal.PlainDate.from({ year: d.year, month: Math.floor((d.month - 1) / 3) * 3 + 1, day: 1 }));
        expect(daysInMonth(d.year, d.month)).toBe(d.daysInMonth);
      }),
    );
  });

  test('the month-end examples of FORMAT.md', () => {
    same(addInterval(parseDate('2026-01-31')!, { count: 1, unit: 'month' }), Temporal.PlainDate.from('2026-02-28'));
    same(addInterval(parseDate('2026-01-31')!, { count: 1, unit: 'month' }, 2), Temporal.PlainDate.from('2026-03-31'));
    same(addInterval(parseDate('2024-02-29')!, { count: 1, unit: 'year' }), Temporal.PlainDate.from('2025-02-28'));
  });
});

describe('parsed dates are shared', () => {
  test('the same text gives the same object, and real dates only', () => {
    expect(parseDate('2026-12-15')).toBe(parseDate('2026-12-15'));
    expect(addDays(parseDate('2026-12-14')!, 1)).toBe(parseDate('2026-12-15'));
    for (const bad of ['2026-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-12-00', '2026-1-01', ' 2026-12-15']) expect(parseDate(bad)).toBeUndefined();
    expect(parseDate('2024-02-29')?.toString()).toBe('2024-02-29');
    expect(parsePeriod('2027-Q2')).toBe(parsePeriod('2027-Q2'));
    expect(Object.isFrozen(parsePeriod('2027-Q2'))).toBe(true);
    expect(parsePeriod(2027)?.start.toString()).toBe('2027-01-01');
  });
});

describe('whole months between two dates, as Temporal counts them', () => {
  test('agrees with `until` in months, month ends and leap days included', async () => {
    const { monthsBetween } = await import('#core/relative-time');
    fc.assert(
      fc.property(day, day, (a, b) => {
        const expected = Temporal.PlainDate.compare(a, b) >= 0 ? 0 : a.until(b, { largestUnit: 'months' }).months;
        expect(monthsBetween(a, b)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
    const d = (s: string) => Temporal.PlainDate.from(s);
    for (const [a, b] of [['2026-01-31', '2026-02-28'], ['2024-01-31', '2024-02-29'], ['2026-03-31', '2026-04-30'], ['2024-02-29', '2025-02-28'], ['2026-01-31', '2026-03-01']])
      expect(monthsBetween(d(a!), d(b!)), `${a} to ${b}`).toBe(d(a!).until(d(b!), { largestUnit: 'months' }).months);
  });
});

describe('time zones', () => {
  test('isValidTimeZone accepts what Temporal accepts: every IANA zone, aliases and offsets', async () => {
    const { isValidTimeZone } = await import('#core/dates');
    const temporal = (zone: string) => {
      try {
        Temporal.Now.plainDateISO(zone);
        return true;
      } catch {
        return false;
      }
    };
    for (const zone of [...Intl.supportedValuesOf('timeZone'), 'US/Pacific', 'Asia/Calcutta', 'utc', '+05:30', '-08:00', 'Etc/GMT+5'])
      expect(isValidTimeZone(zone), zone).toBe(temporal(zone));
    for (const zone of ['Mars/Olympus', '', 'UTC+2', 'Whitehorse']) expect(isValidTimeZone(zone), zone).toBe(false);
  });
});

describe('parseDate', () => {
  test('accepts exactly the texts YYYY-MM-DD of real days, as the regular expression and Temporal did', () => {
    const reference = (text: string) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
      if (!m) return undefined;
      try {
        return Temporal.PlainDate.from({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, { overflow: 'reject' }).toString();
      } catch {
        return undefined;
      }
    };
    const texts = fc.oneof(
      fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(
        ([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
      ),
      fc.stringMatching(/^[0-9/: a-]{8,12}$/),
      fc.string(),
    );
    fc.assert(
      fc.property(texts, (text) => {
        expect(parseDate(text)?.toString()).toBe(reference(text));
      }),
      { numRuns: 5000 },
    );
    for (const text of ['2026-12-15\n', '２０２６-12-15', '2026-12-15 ', '+2026-12-15', '2026-1２-15']) expect(parseDate(text)).toBeUndefined();
  });
});
