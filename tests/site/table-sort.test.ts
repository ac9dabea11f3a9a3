import { describe, expect, test } from 'vitest';
import { compareValues, matches } from '#site/lib/table-sort';

describe('sorting the clients table', () => {
  test('text by locale, ignoring case; numbers as numbers; ISO dates as text', () => {
    const sort = (values: string[], type: 'text' | 'number', dir: 'ascending' | 'descending' = 'ascending') =>
      [...values].sort((a, b) => compareValues(a, b, type, dir));
    expect(sort(['bolt', 'Acme', 'cafe'], 'text')).toEqual(['Acme', 'bolt', 'cafe']);
    expect(sort(['10', '9', '0'], 'number')).toEqual(['0', '9', '10']);
    expect(sort(['2026-11-03', '2025-12-31', '2026-01-20'], 'text', 'descending')).toEqual(['2026-11-03', '2026-01-20', '2025-12-31']);
  });

  test('empty values go last in either direction', () => {
    expect(['', '2026-01-01', '2025-01-01'].sort((a, b) => compareValues(a, b, 'text', 'ascending'))).toEqual(['2025-01-01', '2026-01-01', '']);
    expect(['', '2026-01-01', '2025-01-01'].sort((a, b) => compareValues(a, b, 'text', 'descending'))).toEqual(['2026-01-01', '2025-01-01', '']);
  });
});

describe('filtering the clients table', () => {
  const row = { fields: { type: 'strategic', outlook: 'growing' }, search: "hank's hardware hank miller whitehorse" };
  test('every chosen field must match; "All" is the empty value', () => {
    expect(matches(row, { fields: { type: 'strategic', outlook: '' }, text: '' })).toBe(true);
    expect(matches(row, { fields: { type: 'basic', outlook: '' }, text: '' })).toBe(false);
  });
  test('every word of the search must appear', () => {
    expect(matches(row, { fields: {}, text: '  Hank   whitehorse ' })).toBe(true);
    expect(matches(row, { fields: {}, text: 'hank dawson' })).toBe(false);
  });
});
