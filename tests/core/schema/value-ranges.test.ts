/**
 * FORMAT.md 1.1 value ranges: dates, months and years from 1900 to 2200; money in decimal digits with
 * at most two after the point, from 0 to 999,999,999,999.99, no exponent, hex or octal; intervals of
 * at most 100 years. Each refused value is one located error whose hint says what exactly is wrong.
 */
import { describe, expect, it } from 'vitest';
import { run } from '../../helpers/cli.ts';
import { check, client, only, tempPortfolios } from '../../helpers/portfolio.ts';

/** One roadmap item whose `cost` is on line 5, column 11. */
const costOf = (value: string) => client(`roadmap:\n  - title: Replace the server\n    when: 2027\n    cost: ${value}`);
/** One action whose `every` is on line 5, column 12. */
const everyOf = (value: string) => client(`actions:\n  - title: Call Ann\n    due: 2026-12-20\n    every: ${value}`);

describe('money', () => {
  it.each([
    ['0', 0],
    ['0.5', 0.5],
    ['6500.50', 6500.5],
    ['999999999999.99', 999_999_999_999.99],
  ])('accepts cost: %s', (value, amount) => {
    const file = check(costOf(value));
    expect(file.diagnostics).toEqual([]);
    expect(file.data?.roadmap?.[0]?.cost).toBe(amount);
  });

  it.each([
    ['1e22', '`1e22` is written with an exponent: write amounts in decimal digits. Amounts run from 0 to 999,999,999,999.99.'],
    ['1e309', '`1e309` is written with an exponent: write amounts in decimal digits.'],
    ['1e3', '`1e3` is written with an exponent: write amounts in decimal digits, e.g. 1000.'],
    ['6.5E2', '`6.5E2` is written with an exponent: write amounts in decimal digits, e.g. 650.'],
    ['0x1F', '`0x1F` is a hexadecimal number: write amounts in decimal digits, e.g. 31.'],
    ['0o17', '`0o17` is an octal number: write amounts in decimal digits, e.g. 15.'],
    ['.nan', '`.nan` means "not a number": write amounts in decimal digits.'],
    ['.inf', '`.inf` means infinity: write amounts in decimal digits.'],
    ['-.inf', '`-.inf` means infinity: write amounts in decimal digits.'],
    ['1000000000000', 'Amounts run from 0 to 999,999,999,999.99. Write a smaller amount.'],
    ['12.345', '`12.345` has 3 digits after the point: write at most two (cents).'],
    ['0.001', '`0.001` has 3 digits after the point: write at most two (cents).'],
    // The value alone (6500.5, 6500) would pass: what is written is checked.
    ['6500.500', '`6500.500` has 3 digits after the point: write at most two (cents), e.g. 6500.50.'],
    ['+6500', '`+6500` has a plus sign: write amounts without one, e.g. 6500.'],
    ['+6500.50', '`+6500.50` has a plus sign: write amounts without one, e.g. 6500.50.'],
    ['-5', 'Costs cannot be negative.'],
    ['-0', 'Write zero without a sign: `cost: 0`.'],
    ['"6500"', 'Write the amount as a plain number, without quotes: 6500.'],
  ])('refuses cost: %s, saying what is wrong', (value, hint) => {
    const d = only(costOf(value));
    expect(d).toMatchObject({ line: 5, column: 11, endLine: 5, endColumn: 11 + value.length, severity: 'error', code: 'bad-money' });
    expect(d.message).toBe(`\`cost: ${value}\` is not an amount of money.`);
    expect(d.hint).toBe(hint);
  });
});

describe('numbers other than money', () => {
  it.each([
    ['0x10', '`0x10` is a hexadecimal number: write numbers in decimal digits, e.g. 16.'],
    ['1e3', '`1e3` is written with an exponent: write numbers in decimal digits, e.g. 1000.'],
    ['.inf', '`.inf` means infinity: write numbers in decimal digits.'],
    ['+5', '`+5` has a plus sign: write numbers without one, e.g. 5.'],
    ['-0', 'Write zero without a sign: `employees: 0`.'],
    // Past 2^53 the value read is not the number written (…993 is read as …992).
    ['9007199254740993', 'Numbers here run up to 9,007,199,254,740,991: `9007199254740993` is too large to be kept exactly.'],
    ['99999999999999999999999', 'Numbers here run up to 9,007,199,254,740,991: `99999999999999999999999` is too large to be kept exactly.'],
  ])('refuses employees: %s', (value, hint) => {
    expect(only(client(`employees: ${value}`))).toMatchObject({ line: 2, column: 12, code: 'bad-number', hint });
  });

  it.each([
    ['9999', 'Years run from 1900 to 2200.'],
    ['1899', 'Years run from 1900 to 2200.'],
    ['0x7EC', '`0x7EC` is a hexadecimal number: write years in decimal digits, e.g. 2028.'],
  ])('refuses growth.horizon: %s', (value, hint) => {
    expect(only(client(`growth:\n  outlook: stable\n  horizon: ${value}`))).toMatchObject({ line: 4, column: 12, code: 'bad-year', hint });
  });

  it('keeps a number written in another form as written in text and x- fields', () => {
    const file = check(client('name: 1e3\nx-budget: 0x10\nx-ratio: .nan\nx-rate: 1.125\nx-delta: +3'));
    expect(file.diagnostics).toEqual([]);
    expect(file.data?.name).toBe('1e3');
    expect(file.extensions).toEqual({ 'x-budget': '0x10', 'x-ratio': '.nan', 'x-rate': '1.125', 'x-delta': '+3' });
  });
});

describe('years of dates, months and periods', () => {
  it.each([
    ['since: 0000-01-01', '2:8', 'The year 0000 is out of range: years run from 1900 to 2200.'],
    ['since: 9999-12', '2:8', 'The year 9999 is out of range: years run from 1900 to 2200.'],
    ['since: 1899-12-31', '2:8', 'The year 1899 is out of range: years run from 1900 to 2200.'],
  ])('refuses %s', (line, at, hint) => {
    const d = only(client(line));
    expect([`${d.line}:${d.column}`, d.code, d.hint]).toEqual([at, 'bad-date', hint]);
  });

  it.each([
    ['meetings:\n  cadence: monthly\n  last: 9999-01-01', '4:9', 'bad-date', 'The year 9999 is out of range: years run from 1900 to 2200.'],
    ['growth:\n  outlook: stable\n  asked: 0000-01-01', '4:10', 'bad-date', 'The year 0000 is out of range: years run from 1900 to 2200.'],
    ['actions:\n  - title: Call\n    due: 2201-01-01', '4:10', 'bad-date', 'The year 2201 is out of range: years run from 1900 to 2200.'],
    ['assets:\n  - name: S\n    kind: server\n    expires: 0001-01-01', '5:14', 'bad-date', 'The year 0001 is out of range: years run from 1900 to 2200.'],
    ['assets:\n  - name: S\n    kind: server\n    acquired: 1066-10', '5:15', 'bad-date', 'The year 1066 is out of range: years run from 1900 to 2200.'],
    ['assets:\n  - name: S\n    kind: server\n    replace: 9999-Q1', '5:14', 'bad-period', 'The year 9999 is out of range: years run from 1900 to 2200.'],
    ['roadmap:\n  - title: X\n    when: 2201', '4:11', 'bad-period', 'Years run from 1900 to 2200.'],
    ['roadmap:\n  - title: X\n    when: 0000-05', '4:11', 'bad-period', 'The year 0000 is out of range: years run from 1900 to 2200.'],
  ])('refuses %s', (fields, at, code, hint) => {
    const d = only(client(fields));
    expect([`${d.line}:${d.column}`, d.code, d.hint]).toEqual([at, code, hint]);
  });

  it('accepts the first and the last day of the range', () => {
    expect(check(client('since: 1900-01-01\nactions:\n  - title: Call\n    due: 2200-12-31')).diagnostics).toEqual([]);
    expect(check(client('roadmap:\n  - title: X\n    when: 2200-Q4')).diagnostics).toEqual([]);
  });
});

describe('intervals', () => {
  it.each(['100 years', '1200 months', '5217 weeks', '36525 days'])('accepts every: %s (at most 100 years)', (value) => {
    expect(check(everyOf(value)).diagnostics).toEqual([]);
  });

  it.each([
    ['101 years', 'Intervals are at most 100 years (100 years): `101 years` is longer.'],
    ['1300 months', 'Intervals are at most 100 years (1200 months): `1300 months` is longer.'],
    ['5218 weeks', 'Intervals are at most 100 years (5217 weeks): `5218 weeks` is longer.'],
    ['99999 days', 'Intervals are at most 100 years (36525 days): `99999 days` is longer.'],
  ])('refuses every: %s', (value, hint) => {
    expect(only(everyOf(value))).toMatchObject({ line: 5, column: 12, code: 'bad-interval', message: `\`every: ${value}\` is not an interval.`, hint });
  });
});

describe('dates given on the command line', () => {
  const portfolio = tempPortfolios();

  it.each([
    ['validate', '--as-of', '0000-01-01'],
    ['due', '--as-of', '9999-12-31'],
    ['note', '--on', '1899-12-31'],
  ])('%s %s %s is refused as out of range (exit 2): year 0 or 9999 never reaches a report or the calendar', async (command, flag, value) => {
    const cwd = await portfolio({ 'clients/acme.md': client() });
    const argv = command === 'note' ? ['note', 'acme', 'Called', flag, value] : [command, flag, value];
    const r = await run(argv, cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error: ${flag} ${value} is out of range: years run from 1900 to 2200.`);
  });
});
