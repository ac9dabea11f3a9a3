/** The rules behind the edits: next due dates, which action or client a query names, note titles. */
import { describe, expect, test } from 'vitest';
import { Temporal, parseInterval } from '#core/dates';
import { noteTitle } from '#core/edit/add-note';
import { nextDue } from '#core/edit/complete-action';
import { fold, pick } from '#core/edit/pick';
import { scalarText } from '#core/edit/yaml-splice';

const d = (s: string) => Temporal.PlainDate.from(s);
const next = (due: string, every: string, on: string) => nextDue(d(due), parseInterval(every)!, d(on)).toString();

describe('a recurring action moves past the completion date (FORMAT.md "What is due")', () => {
  test('by one interval when completed before it was due', () => {
    expect(next('2026-12-15', '1 year', '2026-11-24')).toBe('2027-12-15');
  });
  test('on its due date: still one interval on', () => {
    expect(next('2026-12-15', '1 year', '2026-12-15')).toBe('2027-12-15');
  });
  test('as many intervals as it takes when completed late', () => {
    expect(next('2026-01-10', '1 month', '2026-04-10')).toBe('2026-05-10');
    expect(next('2026-01-10', '2 weeks', '2026-02-08')).toBe('2026-02-21');
  });
  test('month ends do not drift: counted from the original due', () => {
    expect(next('2026-01-31', '1 month', '2026-03-05')).toBe('2026-03-31');
    expect(next('2026-01-31', '1 month', '2026-02-01')).toBe('2026-02-28');
    expect(next('2024-02-29', '1 year', '2024-03-01')).toBe('2025-02-28');
    expect(next('2024-02-29', '1 year', '2027-06-01')).toBe('2028-02-29');
  });
  test('a daily action left for years lands on the first day after', () => {
    expect(next('2016-03-01', '1 day', '2026-11-24')).toBe('2026-11-25');
    expect(next('2016-03-01', '3 months', '2026-11-24')).toBe('2026-12-01');
  });
});

describe('naming an item', () => {
  const titles = ['Renew anti-virus for all seats', 'Replace the store switch', 'Renew the domain', 'Send the quote'];
  const rules = { exact: (t: string) => [t], prefixes: (t: string) => [t] };
  test('the exact title, a unique beginning, case and punctuation aside', () => {
    expect(pick(titles, 'Send the quote', rules)).toEqual({ kind: 'found', item: 'Send the quote' });
    expect(pick(titles, 'send', rules)).toEqual({ kind: 'found', item: 'Send the quote' });
    expect(pick(titles, 'renew anti virus', rules)).toEqual({ kind: 'found', item: 'Renew anti-virus for all seats' });
    expect(pick(titles, 'RENEW THE', rules)).toEqual({ kind: 'found', item: 'Renew the domain' });
  });
  test('an ambiguous beginning lists the candidates; no match is none', () => {
    expect(pick(titles, 'Renew', rules)).toEqual({ kind: 'ambiguous', candidates: ['Renew anti-virus for all seats', 'Renew the domain'] });
    expect(pick(titles, 'Re', rules)).toMatchObject({ kind: 'ambiguous' });
    expect(pick(titles, 'Call', rules)).toEqual({ kind: 'none' });
    expect(pick(titles, '   ', rules)).toEqual({ kind: 'none' });
  });
  test('an exact title wins over a longer one it begins', () => {
    expect(pick(['Backup', 'Backup test'], 'Backup', rules)).toEqual({ kind: 'found', item: 'Backup' });
  });
  test('accents fold', () => {
    expect(fold('  Café  Ürün ')).toBe('cafe urun');
    expect(pick(['Café Ürün'], 'cafe u', rules)).toEqual({ kind: 'found', item: 'Café Ürün' });
  });
});

describe('note headings', () => {
  test('the first sentence, or the first words of a long one', () => {
    expect(noteTitle('Swapped the switch. POS back in 40 minutes.')).toBe('Swapped the switch');
    expect(noteTitle('Called Hank\nabout the server')).toBe('Called Hank');
    expect(noteTitle('A very long first sentence that goes on and on about the new server and the quote')).toBe('A very long first sentence that goes on and on…');
    expect(noteTitle('## Not a heading')).toBe('Not a heading');
    expect(noteTitle('?')).toBe('?');
  });
});

describe('scalars keep their style and read back as written', () => {
  test.each([
    ["Hank's Hardware", "Hank's Hardware"],
    ['Café Ürün & Sons, Ltd.', 'Café Ürün & Sons, Ltd.'],
    ['A #1 Shop: the best', '"A #1 Shop: the best"'],
    ['2026', '"2026"'],
    ['yes', 'yes'],
    ['null', '"null"'],
    ['- dash', '"- dash"'],
    ['@home', '"@home"'],
  ])('%s', (value, written) => {
    expect(scalarText(value)).toBe(written);
  });
  test('quoted styles', () => {
    expect(scalarText("it's", 'QUOTE_SINGLE')).toBe("'it''s'");
    expect(scalarText('say "hi"', 'QUOTE_DOUBLE')).toBe('"say \\"hi\\""');
  });
});
