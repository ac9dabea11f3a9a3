/**
 * The words the agenda shows beside a date ("in 3 weeks", "2 months ago"), at every step where the
 * unit changes: days up to 13, weeks up to 59 days, months up to 729 days, years after.
 */
import { describe, expect, test } from 'vitest';
import { relativeDays } from '#site/lib/day-math';

describe('relative days at each change of unit', () => {
  test.each([
    [2, 'in 2 days'],
    [-2, '2 days ago'],
    [13, 'in 13 days'],
    [14, 'in 2 weeks'],
    [-14, '2 weeks ago'],
    [17, 'in 2 weeks'],
    [18, 'in 3 weeks'],
    [59, 'in 8 weeks'],
    [60, 'in 2 months'],
    [-60, '2 months ago'],
    [45, 'in 6 weeks'],
    [76, 'in 2 months'],
    [77, 'in 3 months'],
    [729, 'in 24 months'],
    [730, 'in 2 years'],
    [-730, '2 years ago'],
    [913, 'in 2 years'],
    [914, 'in 3 years'],
  ] as const)('%i days: %s', (days, text) => {
    expect(relativeDays(days)).toBe(text);
  });

  test('one of a unit is singular, never "1 weeks"', () => {
    // 7 days is still counted in days; a single week, month or year never shows with an "s".
    expect(relativeDays(7)).toBe('in 7 days');
    expect(relativeDays(-1)).toBe('yesterday');
    expect(relativeDays(1)).toBe('tomorrow');
    for (let days = -4000; days <= 4000; days++) expect(relativeDays(days)).not.toMatch(/\b1 \w+s\b/);
  });
});
