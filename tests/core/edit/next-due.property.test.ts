/**
 * FORMAT.md: a recurring item moves by its interval "at least once and then as many times as it
 * takes to pass the completion date". The fast `nextDue` (it jumps close first) against the rule
 * written out step by step.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { addInterval, compareDates, epochDay, Temporal, type IntervalUnit, type PlainDate } from '#core/dates';
import { nextDue } from '#core/edit/complete-action';

const day = fc.integer({ min: epochDay(Temporal.PlainDate.from('1900-01-01')), max: epochDay(Temporal.PlainDate.from('2200-12-31')) });
const toDate = (n: number): PlainDate => Temporal.PlainDate.from('1970-01-01').add({ days: n });

/** The rule, one step at a time (counted from the original date, so month ends do not drift). */
function slow(due: PlainDate, every: { count: number; unit: IntervalUnit }, on: PlainDate): PlainDate {
  let k = 1;
  while (compareDates(addInterval(due, every, k), on) <= 0) k++;
  return addInterval(due, every, k);
}

test('nextDue is the first due + k × every (k ≥ 1) after the completion date', () => {
  fc.assert(
    fc.property(
      day,
      fc.integer({ min: -400, max: 40_000 }),
      fc.constantFrom<IntervalUnit>('day', 'week', 'month', 'year'),
      fc.integer({ min: 1, max: 40 }),
      (dueDay, offset, unit, count) => {
        const due = toDate(dueDay);
        const on = toDate(dueDay + offset);
        const every = { count: unit === 'day' ? count * 9 : count, unit };
        expect(nextDue(due, every, on).toString()).toBe(slow(due, every, on).toString());
      },
    ),
    { numRuns: 3000 },
  );
});
