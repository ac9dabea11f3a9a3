/** FORMAT.md "Value types": each type accepted as written, and refused with a located, helpful message. */
import { describe, expect, it } from 'vitest';
import { ASSET_KINDS } from '#core/schema/asset';
import { CLIENT_TYPES, INVOLVEMENTS, STATUSES } from '#core/schema/client';
import { OUTLOOKS } from '#core/schema/growth';
import { CADENCES } from '#core/schema/meetings';
import { ROADMAP_STATUSES } from '#core/schema/roadmap-item';
import { check, client, date, only, problems } from '../../helpers/portfolio.ts';

/** `growth` with one more key; the extra key is on line 4. */
const growthWith = (line: string) => client(`growth:\n  outlook: stable\n  ${line}`);
/** One action with the given keys, which start on line 4. */
const actionWith = (lines: string) => client(`actions:\n  - title: Call Ann\n${lines.replace(/^/gm, '    ')}`);
/** One roadmap item with the given `when` (line 4) and more keys. */
const roadmapWith = (lines: string) => client(`roadmap:\n  - title: Replace the server\n${lines.replace(/^/gm, '    ')}`);
/** One asset of the given keys, starting on line 5. */
const assetWith = (lines: string) => client(`assets:\n  - name: Server\n    kind: server\n${lines.replace(/^/gm, '    ')}`);

describe('date', () => {
  it.each(['2026-12-15', '"2026-12-15"', "'2026-12-15'", '2028-02-29'])('accepts %s', (value) => {
    // Read as of a later day: an `asked` after the as-of date is a warning of its own.
    const file = check(growthWith(`asked: ${value}`), { asOf: date('2030-01-01') });
    expect(file.diagnostics).toEqual([]);
    expect(file.data?.growth.asked?.toString()).toBe(value.replace(/["']/g, ''));
  });

  it.each([
    ['2026-02-30', 'February 2026 has 28 days.'],
    ['2027-02-29', 'February 2027 has 28 days.'],
    ['2026-04-31', 'April 2026 has 30 days.'],
    ['2026-13-01', 'There is no month 13. Months run from 01 to 12.'],
    ['2026-1-5', 'Write the month and day with two digits: 2026-01-05.'],
    ['12/01/2026', 'Dates are written year first. For December 1 write 2026-12-01; for January 12 write 2026-01-12.'],
    ['12/25/2026', 'Dates are written year first: 2026-12-25.'],
    ['25.12.2026', 'Dates are written year first: 2026-12-25.'],
    ['2026-12-01T10:00:00Z', 'Dates have no time of day: write 2026-12-01.'],
    ['2026-12', 'A month alone is not enough here: write the day too, e.g. 2026-12-01.'],
    ['20261201', 'Write the date with hyphens: 2026-12-01.'],
    ['20260231', 'Write a date, e.g. `asked: 2026-12-15`.'],
    ['next week', 'Write a date, e.g. `asked: 2026-12-15`.'],
  ])('refuses %s: %s', (value, hint) => {
    const d = only(growthWith(`asked: ${value}`));
    expect(d).toMatchObject({ line: 4, column: 10, endLine: 4, endColumn: 10 + value.length, severity: 'error', code: 'bad-date' });
    expect(d.message).toBe(`\`asked: ${value}\` is not a date.`);
    expect(d.hint).toBe(hint);
  });

  it('keeps a date a calendar date: the same day in every time zone', () => {
    const asked = check(growthWith('asked: 2026-12-01')).data?.growth.asked;
    expect(asked?.toString()).toBe('2026-12-01');
    expect(asked?.toString()).toBe(asked?.toZonedDateTime('Pacific/Pago_Pago').toPlainDate().toString());
  });
});

describe('date or month (since, acquired)', () => {
  it.each(['2016-04', '2016-04-01', '"2016-04"'])('accepts since: %s, kept as written', (value) => {
    const file = check(client(`since: ${value}`));
    expect(file.diagnostics).toEqual([]);
    expect(file.data?.since).toBe(value.replaceAll('"', ''));
  });

  it('refuses a year alone, suggesting its first month', () => {
    const d = only(client('since: 2016'));
    expect(d).toMatchObject({ line: 2, column: 8, code: 'bad-date', message: '`since: 2016` is not a date or a month.' });
    expect(d.hint).toBe('A year alone is not enough here: write the month, e.g. 2016-01.');
  });

  it('refuses a quoted year alone the same way', () => {
    expect(only(client('since: "2016"')).hint).toBe('A year alone is not enough here: write the month, e.g. 2016-01.');
  });

  it('refuses month 13 and a US date', () => {
    expect(only(client('since: 2016-13')).hint).toBe('There is no month 13. Months run from 01 to 12.');
    expect(only(client('since: 04/01/2016')).hint).toBe(
      'Dates are written year first. For April 1 write 2016-04-01; for January 4 write 2016-01-04.',
    );
  });

  it('checks an asset\'s acquired the same way', () => {
    expect(check(assetWith('acquired: 2014-05')).diagnostics).toEqual([]);
    expect(problems(assetWith('acquired: 2014'))).toEqual(['5:15 error bad-date: `acquired: 2014` is not a date or a month.']);
  });
});

describe('year (growth.horizon)', () => {
  it.each([1900, 2028, 2200])('accepts %i', (year) => {
    const file = check(growthWith(`horizon: ${year}`));
    expect(file.diagnostics).toEqual([]);
    expect(file.data?.growth.horizon).toBe(year);
  });

  it.each(['1899', '2201', '2028.5', '28', 'soon'])('refuses %s', (value) => {
    expect(problems(growthWith(`horizon: ${value}`))).toEqual([
      `4:12 error bad-year: \`horizon: ${value}\` is not a year from 1900 to 2200.`,
    ]);
  });

  it('refuses a quoted year, saying to drop the quotes', () => {
    expect(only(growthWith('horizon: "2028"')).hint).toBe('Write the year as a plain number, without quotes: 2028.');
  });
});

describe('period (roadmap when, asset replace)', () => {
  it.each([
    ['2027', 'year', '2027-01-01'],
    ['2027-Q1', 'quarter', '2027-01-01'],
    ['2027-Q2', 'quarter', '2027-04-01'],
    ['2027-Q4', 'quarter', '2027-10-01'],
    ['2027-05', 'month', '2027-05-01'],
    ['2027-05-17', 'day', '2027-05-17'],
  ])('accepts %s: a %s starting %s', (value, kind, start) => {
    const file = check(roadmapWith(`when: ${value}`));
    expect(file.diagnostics).toEqual([]);
    const when = file.data?.roadmap?.[0]?.when;
    expect({ kind: when?.kind, text: when?.text, start: when?.start.toString() }).toEqual({ kind, text: value, start });
  });

  it.each([
    ['Q2 2027', 'Write quarters as year, hyphen, Q and the number: 2027-Q2.'],
    ['2027Q2', 'Write quarters as year, hyphen, Q and the number: 2027-Q2.'],
    ['2027-Q5', 'A year has four quarters, Q1 to Q4.'],
    ['1800', 'Years run from 1900 to 2200.'],
    ['2027-13', 'There is no month 13. Months run from 01 to 12.'],
    ['2027-02-30', 'February 2027 has 28 days.'],
    ['next spring', 'Write a year, quarter, month or date, e.g. `when: 2027-Q2`.'],
  ])('refuses when: %s', (value, hint) => {
    const d = only(roadmapWith(`when: ${value}`));
    expect(d).toMatchObject({ line: 4, column: 11, code: 'bad-period', message: `\`when: ${value}\` is not a year, quarter, month or date.`, hint });
  });

  it('checks an asset\'s replace the same way', () => {
    expect(check(assetWith('replace: 2027-Q2')).data?.assets?.[0]?.replace?.start.toString()).toBe('2027-04-01');
    expect(problems(assetWith('replace: Q3'))).toEqual(['5:14 error bad-period: `replace: Q3` is not a year, quarter, month or date.']);
  });
});

describe('interval (every)', () => {
  it.each([
    ['1 day', 1, 'day'],
    ['2 days', 2, 'day'],
    ['1 week', 1, 'week'],
    ['2 weeks', 2, 'week'],
    ['1 month', 1, 'month'],
    ['3 months', 3, 'month'],
    ['1 year', 1, 'year'],
    ['2 years', 2, 'year'],
  ])('accepts %s', (text, count, unit) => {
    const file = check(actionWith(`due: 2026-12-20\nevery: ${text}`));
    expect(file.diagnostics).toEqual([]);
    expect(file.data?.actions[0]?.every).toEqual({ count, unit, text });
  });

  it.each([
    ['monthly', 'Write a number and a unit: `every: 1 month`.'],
    ['quarterly', 'Write a number and a unit: `every: 3 months`.'],
    ['3', 'Add the unit: `every: 3 months` (day, week, month or year).'],
    ['0 days', 'An interval is at least 1 day: write a whole number from 1, e.g. `every: 1 day`.'],
    ['1 fortnight', 'Write a whole number and a unit (day, week, month or year), singular or plural.'],
    ['1.5 months', 'Intervals count whole units: write a whole number of days, weeks, months or years.'],
  ])('refuses every: %s', (value, hint) => {
    const d = only(actionWith(`due: 2026-12-20\nevery: ${value}`));
    expect(d).toMatchObject({ line: 5, column: 12, code: 'bad-interval', message: `\`every: ${value}\` is not an interval.`, hint });
  });
});

describe('money (cost)', () => {
  it.each([
    ['0', 0],
    ['6500', 6500],
    ['6500.50', 6500.5],
  ])('accepts %s', (value, amount) => {
    const file = check(roadmapWith(`when: 2027\ncost: ${value}`));
    expect(file.diagnostics).toEqual([]);
    expect(file.data?.roadmap?.[0]?.cost).toBe(amount);
  });

  it.each([
    ['-5', 'Costs cannot be negative.'],
    ['"$6,500"', 'Write the amount as a plain number, without currency or separators: 6500.'],
    ['6500 CAD', 'Write the amount as a plain number, without currency or separators: 6500.'],
    ['a lot', 'Write an amount of money, e.g. `cost: 6500`.'],
  ])('refuses cost: %s', (value, hint) => {
    const d = only(roadmapWith(`when: 2027\ncost: ${value}`));
    expect(d).toMatchObject({ line: 5, column: 11, code: 'bad-money', message: `\`cost: ${value}\` is not an amount of money.`, hint });
  });
});

describe('whole numbers', () => {
  it('accepts employees: 0 and seats: 1', () => {
    expect(check(client('employees: 0')).data?.employees).toBe(0);
    expect(check(assetWith('seats: 1')).data?.assets?.[0]?.seats).toBe(1);
  });

  it.each(['-1', '6.5', 'six'])('refuses employees: %s', (value) => {
    const d = only(client(`employees: ${value}`));
    expect(d).toMatchObject({ line: 2, column: 12, code: 'bad-number', message: `\`employees: ${value}\` is not a whole number (0 or more).` });
    expect(d.hint).toBe('Write a whole number (0 or more), e.g. `employees: 6`.');
  });

  it('refuses a quoted number, saying to drop the quotes', () => {
    expect(only(client('employees: "6"')).hint).toBe('Write the number without quotes: 6.');
  });

  it('refuses seats: 0 and headcount: -3', () => {
    expect(problems(assetWith('seats: 0'))).toEqual(['5:12 error bad-number: `seats: 0` is not a whole number (1 or more).']);
    expect(problems(growthWith('headcount: -3'))).toEqual(['4:14 error bad-number: `headcount: -3` is not a whole number (0 or more).']);
  });
});

describe('enums', () => {
  const enums: [string, readonly string[], (value: string) => string, string][] = [
    ['type', CLIENT_TYPES, (v) => client(`type: ${v}`), '2:7'],
    ['status', STATUSES, (v) => client(`status: ${v}`), '2:9'],
    ['involvement', INVOLVEMENTS, (v) => client(`involvement: ${v}`), '2:14'],
    ['outlook', OUTLOOKS, (v) => client(`growth:\n  outlook: ${v}`), '3:12'],
    ['cadence', CADENCES, (v) => client(`meetings:\n  cadence: ${v}`), '3:12'],
    ['kind', ASSET_KINDS, (v) => client(`assets:\n  - name: Server\n    kind: ${v}`), '4:11'],
    ['status', ROADMAP_STATUSES, (v) => roadmapWith(`when: 2027\nstatus: ${v}`), '5:13'],
  ];

  it.each(enums)('accepts every %s', (_key, values, file) => {
    for (const value of values) {
      const { diagnostics } = check(file(value));
      expect(diagnostics.filter((d) => d.severity === 'error'), value).toEqual([]);
    }
  });

  it.each(enums)('refuses a %s that is not one of the values, listing them', (key, values, file, at) => {
    const d = only(file('platinum'));
    expect(`${d.line}:${d.column}`).toBe(at);
    expect(d).toMatchObject({ code: 'bad-enum', message: `\`${key}: platinum\` is not a valid ${key}.` });
    expect(d.hint).toBe(`Write one of ${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}.`);
  });

  it('suggests the nearest value for a typo or a capital', () => {
    expect(only(client('type: strategc')).message).toBe('`type: strategc` is not a valid type. Did you mean `strategic`?');
    expect(only(client('status: Active')).message).toBe('`status: Active` is not a valid status. Did you mean `active`?');
  });

  it('defaults status to active and a roadmap item\'s status to proposed', () => {
    const data = check(roadmapWith('when: 2027')).data;
    expect(data?.status).toBe('active');
    expect(data?.roadmap?.[0]?.status).toBe('proposed');
  });
});

describe('text', () => {
  it('reads `yes` and `no` as text (YAML 1.2)', () => {
    expect(check(client('name: no')).data?.name).toBe('no');
  });

  it.each([
    ['name: true', '2:7', '`name: true` is not text.', 'Put the value in quotes so it is read as text exactly as written: "true".'],
    ['name: 1984', '2:7', '`name: 1984` is not text.', 'Put the value in quotes so it is read as text exactly as written: "1984".'],
    ['name: ""', '2:7', '`name: ""` is empty: it must be text.', "Write the value, e.g. `name: Hank's Hardware`."],
  ])('refuses %s', (line, at, message, hint) => {
    const d = only(client(line));
    expect(`${d.line}:${d.column}`).toBe(at);
    expect(d).toMatchObject({ code: 'bad-text', message, hint });
  });

  it('refuses a phone number written as a number, which would lose its leading zero', () => {
    const d = only(client('contact:\n  name: Ann Lee\n  phone: 0800123'));
    expect(d).toMatchObject({ line: 4, column: 10, message: '`phone: 0800123` is not text.' });
    expect(d.hint).toBe('Put the value in quotes so it is read as text exactly as written: "0800123".');
  });
});

describe('client id (referred_by)', () => {
  it('refuses a name where an id belongs, suggesting the id', () => {
    const d = only(client('referred_by: Lakeside Dental'));
    expect(d).toMatchObject({ line: 2, column: 14, code: 'bad-client-id', message: '`referred_by: Lakeside Dental` is not a client id.' });
    expect(d.hint).toBe(
      'A client id is the file name without .md: lowercase letters, digits and hyphens, e.g. `referred_by: lakeside-dental`.',
    );
  });
});
