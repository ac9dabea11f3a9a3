import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Temporal } from '../../scripts/core/dates.ts';
import { statusOf, upcomingFrom } from '../../scripts/core/model/due.ts';
import { dayStatus, daysFromTo, localDate, relativeDays } from '../../site/lib/day-math.ts';

const day = fc
  .integer({ min: 0, max: 200 * 366 })
  .map((n) => Temporal.PlainDate.from('1950-01-01').add({ days: n }));

describe('the browser copy of the due rule', () => {
  test('agrees with the core (scripts/core/model/due.ts statusOf) for any two dates and window', () => {
    fc.assert(
      fc.property(day, day, fc.integer({ min: 1, max: 366 }), (due, today, window) => {
        expect(dayStatus(due.toString(), today.toString(), window)).toBe(statusOf(due, today, window));
        expect(daysFromTo(today.toString(), due.toString())).toBe(today.until(due, { largestUnit: 'days' }).days);
      }),
      { numRuns: 2000 },
    );
  });

  test('agrees with the core for items with a notice (the first day they are upcoming)', () => {
    const notice = fc.record({ count: fc.integer({ min: 1, max: 400 }), unit: fc.constantFrom('day' as const, 'week' as const, 'month' as const, 'year' as const) });
    fc.assert(
      fc.property(day, day, fc.integer({ min: 0, max: 366 }), notice, (due, today, window, n) => {
        const from = upcomingFrom(due, window, n);
        expect(dayStatus(due.toString(), today.toString(), window, from.toString())).toBe(statusOf(due, today, window, from));
      }),
      { numRuns: 2000 },
    );
  });

  test('an undated item is overdue, as in the core', () => {
    expect(dayStatus(null, '2026-12-01', 30)).toBe('overdue');
    expect(statusOf(null, Temporal.PlainDate.from('2026-12-01'), 30)).toBe('overdue');
  });

  test('counts days across a change to daylight saving time without drifting', () => {
    expect(daysFromTo('2026-03-07', '2026-03-09')).toBe(2);
    expect(daysFromTo('2026-10-31', '2026-11-02')).toBe(2);
    expect(daysFromTo('2024-02-28', '2024-03-01')).toBe(2);
  });
});

describe('the reader\'s date', () => {
  test('is the local calendar date, not the UTC one', () => {
    // 23:30 local time on 1 December, whatever UTC says.
    expect(localDate(new Date(2026, 11, 1, 23, 30))).toBe('2026-12-01');
    expect(localDate(new Date(2026, 0, 1, 0, 5))).toBe('2026-01-01');
  });

  test('is the date in the portfolio\'s time zone when the page names one', () => {
    // 05:30 UTC on Monday 16 November is still Sunday 15 November in Whitehorse (UTC-7).
    const instant = new Date(Date.UTC(2026, 10, 16, 5, 30));
    expect(localDate(instant, 'America/Whitehorse')).toBe('2026-11-15');
    expect(localDate(instant, 'UTC')).toBe('2026-11-16');
    expect(localDate(instant, 'Pacific/Kiritimati')).toBe('2026-11-16');
    expect(localDate(new Date(Date.UTC(2026, 11, 31, 10, 30)), 'Pacific/Kiritimati')).toBe('2027-01-01');
    expect(localDate(new Date(Date.UTC(2028, 1, 29, 23, 0)), 'Europe/Paris')).toBe('2028-03-01');
  });

  test('falls back to the reader\'s date for a zone the browser does not know', () => {
    expect(localDate(new Date(2026, 11, 1, 23, 30), 'Mars/Olympus_Mons')).toBe('2026-12-01');
  });
});

describe('relative days', () => {
  test.each([
    [null, 'never done'],
    [0, 'today'],
    [1, 'tomorrow'],
    [-1, 'yesterday'],
    [5, 'in 5 days'],
    [-13, '13 days ago'],
    [21, 'in 3 weeks'],
    [-90, '3 months ago'],
    [1888, 'in 5 years'],
  ] as const)('%s days: %s', (days, text) => {
    expect(relativeDays(days)).toBe(text);
  });
});
