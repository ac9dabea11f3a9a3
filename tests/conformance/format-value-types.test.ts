/**
 * FORMAT.md "Value types": dates, months, years and periods from 1900 to 2200; intervals of a whole
 * number from 1 and a unit, at most 100 years; whole numbers and money in decimal digits. Each test
 * is a clause found broken, asserting what `validate --format json` reports.
 */
import { outdent } from 'outdent';
import { describe, expect, it } from 'vitest';
import { client } from '../helpers/portfolio.ts';
import { validateOne } from '../helpers/validate-one.ts';

const validate = validateOne();

describe('FORMAT Value types: whole numbers and years are decimal digits', () => {
  it('a whole number, a year or a period written with a point is an error at the value, even when its value is whole', async () => {
    const result = await validate(
      client(outdent`
        employees: 2.0
        growth:
          outlook: stable
          headcount: 9.
          horizon: 2028.0
        assets:
          - name: Main server
            kind: server
            seats: 3.00 # three
            cost: 6500.0
        roadmap:
          - title: Replace the main server
            when: 2027.0
            cost: 6500.5
      `),
    );
    expect(result).toEqual({
      code: 1,
      diagnostics: [
        '2:12 error bad-number: `employees: 2.0` is not a whole number (0 or more). | Write it in digits without a point: `employees: 2`.',
        '5:14 error bad-number: `headcount: 9.` is not a whole number (0 or more). | Write it in digits without a point: `headcount: 9`.',
        '6:12 error bad-year: `horizon: 2028.0` is not a year from 1900 to 2200. | Write it in digits without a point: `horizon: 2028`.',
        '10:12 error bad-number: `seats: 3.00` is not a whole number (1 or more). | Write it in digits without a point: `seats: 3`.',
        '14:11 error bad-period: `when: 2027.0` is not a year, quarter, month or date. | Write it in digits without a point: `when: 2027`.',
      ],
    });
  });

  it('inside a flow mapping or list too, beside amounts with cents', async () => {
    const { diagnostics } = await validate(client('assets: [{ name: A, kind: server, seats: 2.0 }, { name: B, kind: server, seats: 02, cost: 6500.50 }]'));
    expect(diagnostics).toEqual([
      '2:42 error bad-number: `seats: 2.0` is not a whole number (1 or more). | Write it in digits without a point: `seats: 2`.',
      '2:81 error bad-number: `seats: 02` is not a whole number (1 or more). | Write it without the leading zero, which some YAML readers take for an octal number: `seats: 2`.',
    ]);
  });

  it('a whole number out of range written with a point is one error, not two', async () => {
    const { diagnostics } = await validate(client('assets:\n  - name: Main server\n    kind: server\n    seats: 0.0'));
    expect(diagnostics).toEqual(['5:12 error bad-number: `seats: 0.0` is not a whole number (1 or more). | Write a whole number (1 or more), e.g. `seats: 6`.']);
  });
});

describe('FORMAT Value types: periods', () => {
  it('a quarter is written with a capital Q; `2027-q2` says so', async () => {
    const { diagnostics } = await validate(client('roadmap:\n  - title: Replace the main server\n    when: 2027-q2'));
    expect(diagnostics).toEqual(['4:11 error bad-period: `when: 2027-q2` is not a year, quarter, month or date. | Write the Q of a quarter as a capital letter: 2027-Q2.']);
  });

  it.each(['2027-Q0', '2027-Q5'])('%s: a year has four quarters', async (when) => {
    const { diagnostics } = await validate(client(`roadmap:\n  - title: Replace the main server\n    when: ${when}`));
    expect(diagnostics).toEqual([`4:11 error bad-period: \`when: ${when}\` is not a year, quarter, month or date. | A year has four quarters, Q1 to Q4.`]);
  });
});

describe('FORMAT Value types: intervals, a whole number from 1 and a unit', () => {
  const withEvery = (every: string) => client(`actions:\n  - title: Renew the domain\n    due: 2026-12-15\n    every: ${every}`);

  it.each([
    ['0 days', 'An interval is at least 1 day: write a whole number from 1, e.g. `every: 1 day`.'],
    ['1 Days', 'Write it as `every: 1 day`: a whole number, one space and the unit in lowercase.'],
    ['2  weeks', 'Write it as `every: 2 weeks`: a whole number, one space and the unit in lowercase.'],
    ['3months', 'Write it as `every: 3 months`: a whole number, one space and the unit in lowercase.'],
    ['1 YEAR', 'Write it as `every: 1 year`: a whole number, one space and the unit in lowercase.'],
    ['1.5 years', 'Intervals count whole units: write `every: 18 months`.'],
    ['0.5 weeks', 'Intervals count whole units: write a whole number of days, weeks, months or years.'],
    ['200 Years', 'Intervals are at most 100 years (100 years): `200 Years` is longer.'],
    ['101 years', 'Intervals are at most 100 years (100 years): `101 years` is longer.'],
    ['1201 months', 'Intervals are at most 100 years (1200 months): `1201 months` is longer.'],
    ['5300 weeks', 'Intervals are at most 100 years (5217 weeks): `5300 weeks` is longer.'],
    ['36526 days', 'Intervals are at most 100 years (36525 days): `36526 days` is longer.'],
  ])('`every: %s` is an error at the value whose hint writes it right', async (every, hint) => {
    const { diagnostics } = await validate(withEvery(every));
    expect(diagnostics).toEqual([`5:12 error bad-interval: \`every: ${every}\` is not an interval. | ${hint}`]);
  });

  it.each(['1 day', '1 days', '2 week', '100 years', '1200 months', '5217 weeks', '36525 days'])('`every: %s` is an interval', async (every) => {
    expect(await validate(withEvery(every))).toEqual({ code: 0, diagnostics: [] });
  });
});

describe('FORMAT Value types: years from 1900 to 2200', () => {
  it('a horizon out of range is an error, and not also a horizon-before-asked warning', async () => {
    const { diagnostics } = await validate(client('growth:\n  outlook: stable\n  asked: 1900-01-01\n  horizon: 1899'));
    expect(diagnostics).toEqual(['5:12 error bad-year: `horizon: 1899` is not a year from 1900 to 2200. | Years run from 1900 to 2200.']);
  });
});

describe('FORMAT Value types: numbers in decimal digits, no octal', () => {
  it('a number with a leading zero (octal in YAML 1.1: `017` is 15 there, 17 here) is an error at the value', async () => {
    const result = await validate(
      client(outdent`
        employees: 06
        growth:
          outlook: stable
          horizon: 02028
        assets:
          - name: Main server
            kind: server
            cost: 017
          - name: Backup disk
            kind: backup
            cost: 00.50
        roadmap:
          - title: Replace the main server
            when: 02027
            cost: 0.50
        x-zip: 01234
      `),
    );
    expect(result).toEqual({
      code: 1,
      diagnostics: [
        '2:12 error bad-number: `employees: 06` is not a whole number (0 or more). | Write it without the leading zero, which some YAML readers take for an octal number: `employees: 6`.',
        '5:12 error bad-year: `horizon: 02028` is not a year from 1900 to 2200. | Write it without the leading zero, which some YAML readers take for an octal number: `horizon: 2028`.',
        '9:11 error bad-money: `cost: 017` is not an amount of money. | Write it without the leading zero, which some YAML readers take for an octal number: `cost: 17`.',
        '12:11 error bad-money: `cost: 00.50` is not an amount of money. | Write it without the leading zero, which some YAML readers take for an octal number: `cost: 0.50`.',
        '15:11 error bad-period: `when: 02027` is not a year, quarter, month or date. | Write it without the leading zero, which some YAML readers take for an octal number: `when: 2027`.',
      ],
    });
  });

  it.each(['0', '0.5', '0.50', '6500', '6500.50', '999999999999.99'])('`cost: %s` is money', async (cost) => {
    expect(await validate(client(`roadmap:\n  - title: Replace the main server\n    when: 2027-Q2\n    cost: ${cost}`))).toEqual({ code: 0, diagnostics: [] });
  });

  it.each([
    ['6500.505', '`6500.505` has 3 digits after the point: write at most two (cents).'],
    ['-1', 'Costs cannot be negative.'],
    ['1e3', '`1e3` is written with an exponent: write amounts in decimal digits, e.g. 1000.'],
    ['0x10', '`0x10` is a hexadecimal number: write amounts in decimal digits, e.g. 16.'],
    ['0o17', '`0o17` is an octal number: write amounts in decimal digits, e.g. 15.'],
    ['1000000000000', 'Amounts run from 0 to 999,999,999,999.99. Write a smaller amount.'],
    ['"6500"', 'Write the amount as a plain number, without quotes: 6500.'],
  ])('`cost: %s` is an error at the value', async (cost, hint) => {
    const { diagnostics } = await validate(client(`roadmap:\n  - title: Replace the main server\n    when: 2027-Q2\n    cost: ${cost}`));
    expect(diagnostics).toEqual([`5:11 error bad-money: \`cost: ${cost}\` is not an amount of money. | ${hint}`]);
  });
});

describe('FORMAT Value types: a date is written 2026-12-15; the hint writes a near miss right', () => {
  it.each([
    ['2026/12/15', 'Write dates with hyphens, year first: 2026-12-15.'],
    ['15-12-2026', 'Dates are written year first: 2026-12-15.'],
    ['Dec 15, 2026', 'Write dates in digits, year first: 2026-12-15.'],
    ['15 December 2026', 'Write dates in digits, year first: 2026-12-15.'],
    ['"2026-12-15 "', 'Remove the spaces inside the quotes: `due: 2026-12-15`.'],
    ['20261215', 'Write the date with hyphens: 2026-12-15.'],
    ['2026-02-29', 'February 2026 has 28 days.'],
    ['1899-12-31', 'The year 1899 is out of range: years run from 1900 to 2200.'],
    ['2201-01-01', 'The year 2201 is out of range: years run from 1900 to 2200.'],
  ])('`due: %s`', async (due, hint) => {
    const { diagnostics } = await validate(client(`actions:\n  - title: Call Ann\n    due: ${due}`));
    expect(diagnostics).toEqual([`4:10 error bad-date: \`due: ${due}\` is not a date. | ${hint}`]);
  });

  it.each(['2028-02-29', '1900-01-01', '2200-12-31'])('`due: %s` is a date', async (due) => {
    expect(await validate(client(`actions:\n  - title: Call Ann\n    due: ${due}`))).toEqual({ code: 0, diagnostics: [] });
  });

  it.each([
    ['March 2020', 'Write months in digits, year first: 2020-03.'],
    ['2016-Q1', 'A quarter is not enough here: write the month, e.g. 2016-01.'],
    ['1899-12', 'The year 1899 is out of range: years run from 1900 to 2200.'],
    ['2201-01', 'The year 2201 is out of range: years run from 1900 to 2200.'],
  ])('`since: %s` (a date or a month)', async (since, hint) => {
    const { diagnostics } = await validate(client(`since: ${since}`));
    expect(diagnostics).toEqual([`2:8 error bad-date: \`since: ${since}\` is not a date or a month. | ${hint}`]);
  });
});
