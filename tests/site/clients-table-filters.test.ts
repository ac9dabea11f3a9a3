import { describe, expect, test } from 'vitest';
import { parseDate, parsePeriod } from '#core/dates';
import { metFilter } from '../../site/lib/clients-table.ts';
import { formatPeriodShort } from '../../site/lib/format.ts';

const d = (s: string) => parseDate(s)!;

describe('the last meeting filter', () => {
  const asOf = d('2026-12-01');
  test.each([
    ['2026-12-01', 'month'],
    ['2026-11-01', 'month'],
    ['2026-10-31', 'quarter'],
    ['2026-09-01', 'quarter'],
    ['2026-08-31', 'year'],
    ['2025-12-01', 'year'],
    ['2025-11-30', 'over-year'],
  ])('a meeting on %s is in %s', (last, bucket) => {
    expect(metFilter(d(last), asOf)).toBe(bucket);
  });
  test('no meeting on record is "never"', () => {
    expect(metFilter(null, asOf)).toBe('never');
  });
});

describe('a period in a table cell', () => {
  test.each([
    ['2030', 'en-CA', '2030'],
    ['2027-Q2', 'en-CA', 'Q2 2027'],
    ['2027-04', 'en-CA', 'Apr 2027'],
    ['2027-04', 'de-DE', 'Apr. 2027'],
    ['2028-02-29', 'en-CA', 'Feb 29, 2028'],
    ['2028-02-29', 'de-DE', '29. Feb. 2028'],
  ])('%s in %s reads %s', (value, locale, shown) => {
    expect(formatPeriodShort(parsePeriod(value)!, locale)).toBe(shown);
  });
});

describe('the advice on a client page', () => {
  test('is plain text: no Markdown marks shown as they are', async () => {
    const { INVOLVEMENT_GUIDANCE, TYPE_GUIDANCE } = await import('../../site/lib/guidance.ts');
    for (const g of [...Object.values(INVOLVEMENT_GUIDANCE), ...Object.values(TYPE_GUIDANCE)]) {
      for (const line of [g.summary, ...g.advice]) expect(line).not.toMatch(/[`*_]/);
    }
  });
});
