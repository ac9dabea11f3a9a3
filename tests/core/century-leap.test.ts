/**
 * Century years in the date arithmetic (issue 10 §13): 1900 and 2100 are not leap years (divisible
 * by 100), 2000 is (divisible by 400). Fixed examples on each, month ends clamped on their Februaries,
 * and a property over the years around every century of the format's range (1900 to 2200).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Temporal, addDays, addInterval, addMonths, daysBetween, daysInMonth, epochDay, parseDate } from '#core/dates';
import { daysFromTo } from '#site/lib/day-math';
import { check, client } from '../helpers/portfolio.ts';

const d = (text: string) => {
  const date = parseDate(text);
  if (!date) throw new Error(`not a date: ${text}`);
  return date;
};

describe('century years', () => {
  test.each([
    [1900, 28],
    [2000, 29],
    [2100, 28],
    [2200, 28],
    [1904, 29],
    [2096, 29],
  ])('February %i has %i days', (year, days) => {
    expect(daysInMonth(year, 2)).toBe(days);
    expect(parseDate(`${year}-02-29`) !== undefined).toBe(days === 29);
    expect(parseDate(`${year}-02-28`)?.toString()).toBe(`${year}-02-28`);
  });

  test.each([
    ['1900-01-31', 1, '1900-02-28'],
    ['2000-01-31', 1, '2000-02-29'],
    ['2100-01-31', 1, '2100-02-28'],
    ['1899-12-31', 2, '1900-02-28'],
    ['2099-11-30', 3, '2100-02-28'],
    ['2000-03-31', -1, '2000-02-29'],
    ['2100-03-31', -1, '2100-02-28'],
    ['1900-02-28', 12, '1901-02-28'],
    ['2000-02-29', 12, '2001-02-28'],
    ['2000-02-29', 1200, '2100-02-28'],
  ])('%s plus %i months is %s', (from, months, to) => {
    expect(addMonths(d(from), months).toString()).toBe(to);
  });

  test('a yearly or four-yearly interval from 29 February clamps in a century year that is not leap', () => {
    expect(addInterval(d('1896-02-29'), { count: 4, unit: 'year' }).toString()).toBe('1900-02-28');
    expect(addInterval(d('1996-02-29'), { count: 4, unit: 'year' }).toString()).toBe('2000-02-29');
    expect(addInterval(d('2096-02-29'), { count: 4, unit: 'year' }).toString()).toBe('2100-02-28');
    expect(addInterval(d('2096-02-29'), { count: 1, unit: 'year' }, 4).toString()).toBe('2100-02-28');
    expect(addInterval(d('2099-02-28'), { count: 1, unit: 'year' }).toString()).toBe('2100-02-28');
  });

  test('the day after 28 February', () => {
    expect(addDays(d('1900-02-28'), 1).toString()).toBe('1900-03-01');
    expect(addDays(d('2000-02-28'), 1).toString()).toBe('2000-02-29');
    expect(addDays(d('2100-02-28'), 1).toString()).toBe('2100-03-01');
    expect(addDays(d('2100-03-01'), -1).toString()).toBe('2100-02-28');
    expect(addInterval(d('2100-02-22'), { count: 1, unit: 'week' }).toString()).toBe('2100-03-01');
  });

  test('365 days in 1900 and 2100, 366 in 2000, in the core and in the browser copy', () => {
    for (const [year, days] of [
      [1900, 365],
      [2000, 366],
      [2100, 365],
    ] as const) {
      expect(daysBetween(d(`${year}-01-01`), d(`${year + 1}-01-01`))).toBe(days);
      expect(daysFromTo(`${year}-01-01`, `${year + 1}-01-01`)).toBe(days);
      expect(daysFromTo(`${year}-02-28`, `${year}-03-01`)).toBe(days - 364);
    }
    // Day numbers from 1970-01-01: 1900-03-01 is 25,508 days before, 2100-03-01 47,541 after.
    expect(epochDay(d('1900-03-01'))).toBe(-25508);
    expect(epochDay(d('2100-03-01'))).toBe(47541);
  });

  test('a client file: 29 February 1900 and 2100 are errors, 29 February 2000 is a date', () => {
    const dateErrors = (due: string) =>
      check(client(`actions:\n  - title: Call Ann\n    due: ${due}`))
        .diagnostics.filter((x) => x.severity === 'error')
        .map((x) => `${x.line}:${x.column} ${x.code}: ${x.message} ${x.hint ?? ''}`.trim());
    expect(dateErrors('1900-02-29')).toEqual(['4:10 bad-date: `due: 1900-02-29` is not a date. February 1900 has 28 days.']);
    expect(dateErrors('2100-02-29')).toEqual(['4:10 bad-date: `due: 2100-02-29` is not a date. February 2100 has 28 days.']);
    expect(dateErrors('2000-02-29')).toEqual([]);
  });

  test('agree with Temporal around every century of the range (any year near one, any month shift)', () => {
    const year = fc.tuple(fc.integer({ min: 19, max: 22 }), fc.integer({ min: -4, max: 4 })).map(([c, k]) => c * 100 + k);
    fc.assert(
      fc.property(year, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.integer({ min: -60, max: 60 }), (y, m, day, months) => {
        const start = Temporal.PlainDate.from({ year: y, month: m, day }, { overflow: 'constrain' });
        expect(daysInMonth(y, m)).toBe(start.daysInMonth);
        expect(addMonths(d(start.toString()), months).toString()).toBe(start.add({ months }).toString());
        expect(addDays(d(start.toString()), months * 7).toString()).toBe(start.add({ days: months * 7 }).toString());
      }),
      { numRuns: 1000 },
    );
  });
});
