/**
 * The value types of FORMAT.md ("Value types"). Each validator reports a custom zod issue whose
 * params carry a stable code and a hint; the issue mapper turns them into located diagnostics.
 */
import { z } from 'zod';
import {
  INTERVAL_MAX,
  Temporal,
  YEAR_MAX,
  YEAR_MIN,
  isMonth,
  parseDate,
  parsePeriod,
  type Interval,
  type Period,
  type PlainDate,
} from '../dates.ts';
import type { DiagnosticCode } from '../diagnostics/codes.ts';
import { slugify } from '../slug.ts';

/** Params of the custom issues raised here, read by `issues.ts`. */
export interface ValueIssueParams {
  code: DiagnosticCode;
  /** "a date", "a whole number", ... */
  expected: string;
  /** An example value, shown as `key: example`. */
  example: string;
  /** A specific suggestion for this input, where one can be made. */
  hint?: string;
}

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

const pad = (n: number | string, width = 2) => String(n).padStart(width, '0');

/** The text of a scalar; undefined for a list or mapping (whose `toString` may be anything). */
const scalarText = (value: unknown): string | undefined =>
  typeof value === 'string' ? value.trim() : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;

/** The month of a name or its first three letters (`Dec`, `december`), 1 to 12; 0 for none. */
const monthOfName = (name: string) => {
  const n = name.toLowerCase().replace(/\.$/, '');
  return n.length < 3 ? 0 : MONTH_NAMES.findIndex((full) => full.toLowerCase().startsWith(n) && (n.length === 3 || full.toLowerCase() === n)) + 1;
};

/**
 * A targeted suggestion for something that is almost a date (or, with `monthOk`, a month: the
 * fields that take a month or a period).
 */
export function dateHint(input: unknown, monthOk = false): string | undefined {
  const text = scalarText(input);
  if (text === undefined) return undefined;
  // \`"2026-12-15 "\`: right but for the spaces inside the quotes.
  if (typeof input === 'string' && input !== text && (parseDate(text) || isMonth(text) || (monthOk && parsePeriod(text))))
    return `Remove the spaces inside the quotes: \`{key}: ${text}\`.`;
  let m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(text);
  if (m && parseDate(`${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`)) return `Write dates with hyphens, year first: ${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}.`;
  // \`Dec 15, 2026\`, \`15 December 2026\`, \`March 2020\`.
  m = /^([A-Za-z]+\.?) (\d{1,2}),? (\d{4})$/.exec(text) ?? /^(\d{1,2}) ([A-Za-z]+\.?),? (\d{4})$/.exec(text);
  if (m) {
    const [name, day] = /^\d/.test(m[1]!) ? [m[2]!, m[1]!] : [m[1]!, m[2]!];
    const date = monthOfName(name) ? `${m[3]}-${pad(monthOfName(name))}-${pad(day)}` : undefined;
    if (date && parseDate(date)) return `Write dates in digits, year first: ${date}.`;
  }
  m = /^([A-Za-z]+\.?),? (\d{4})$/.exec(text);
  if (m && monthOfName(m[1]!)) {
    const month = `${m[2]}-${pad(monthOfName(m[1]!))}`;
    return monthOk ? `Write months in digits, year first: ${month}.` : `Write dates in digits, year first, with the day: e.g. ${month}-01.`;
  }
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (m) {
    const [a, b, year] = [Number(m[1]), Number(m[2]), m[3]];
    const us = a <= 12 && b <= 31 ? `${year}-${pad(a)}-${pad(b)}` : undefined;
    const eu = b <= 12 && a <= 31 ? `${year}-${pad(b)}-${pad(a)}` : undefined;
    if (us && eu && us !== eu) return `Dates are written year first. For ${MONTH_NAMES[a - 1]} ${b} write ${us}; for ${b > 0 && b <= 12 ? MONTH_NAMES[b - 1] : ''} ${a} write ${eu}.`;
    const one = us ?? eu;
    if (one) return `Dates are written year first: ${one}.`;
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (month < 1 || month > 12) return `There is no month ${month}. Months run from 01 to 12.`;
    const last = Temporal.PlainDate.from({ year, month, day: 1 }).daysInMonth;
    if (day < 1 || day > last) return `${MONTH_NAMES[month - 1]} ${year} has ${last} days.`;
    return `Write the month and day with two digits: ${year}-${pad(month)}-${pad(day)}.`;
  }
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m && parseDate(`${m[1]}-${m[2]}-${m[3]}`)) return `Write the date with hyphens: ${m[1]}-${m[2]}-${m[3]}.`;
  m = /^(\d{4}-\d{2}-\d{2})[T ]/.exec(text);
  if (m && parseDate(m[1]!)) return `Dates have no time of day: write ${m[1]}.`;
  m = /^(\d{4})-(\d{1,2})$/.exec(text);
  if (m && (Number(m[2]) < 1 || Number(m[2]) > 12)) return `There is no month ${Number(m[2])}. Months run from 01 to 12.`;
  return undefined;
}

/** The params of a refinement's issue, checked against the catalogue of codes. */
export const issueParams = (params: ValueIssueParams): ValueIssueParams => params;

type Check<T> = (value: unknown) => { ok: true; value: T } | { ok: false; hint?: string };

/**
 * What a value type is in JSON Schema terms, for editors (schemas/client.schema.json, generated by
 * `npm run schemas` with zod's toJSONSchema): the checks below stay the authority.
 */
type JsonShape = Record<string, unknown>;

/**
 * The value types that take numbers (whole numbers, years, periods, money), by schema. YAML reads
 * `employees: 2.0` as the number 2 and `cost: 017` as 17, so only the text written can tell that
 * the one is not a whole number and the other has a leading zero (octal in YAML 1.1): that is
 * checked beside the schema (`validate/written-numbers.ts`).
 */
const numberTypes = new WeakMap<z.ZodType, ValueIssueParams & { whole: boolean }>();

/** The params of a value type that takes numbers, and whether they are whole; undefined for any other. */
export const numberTypeOf = (schema: z.ZodType) => numberTypes.get(schema);

function custom<T>(expected: string, example: string, code: DiagnosticCode, json: JsonShape, check: Check<T>) {
  const schema = custom0(expected, example, code, json, check);
  // A period may be a year: a whole number too.
  if (json.type === 'integer' || json.type === 'number' || code === 'bad-period')
    numberTypes.set(schema, { code, expected, example, whole: json.type !== 'number' });
  return schema;
}

function custom0<T>(expected: string, example: string, code: DiagnosticCode, json: JsonShape, check: Check<T>) {
  return z.unknown().meta({ description: code === 'bad-text' ? expected : `${expected}, e.g. ${example}`, ...json }).transform((value, ctx): T => {
    if (value === undefined) {
      ctx.addIssue({ code: 'custom', message: 'missing', params: { code: 'missing-key', expected, example } });
      return z.NEVER;
    }
    const result = check(value);
    if (result.ok) return result.value;
    const params: ValueIssueParams = { code, expected, example, ...(result.hint ? { hint: result.hint } : {}) };
    ctx.addIssue({ code: 'custom', message: `expected ${expected}`, input: value, params });
    return z.NEVER;
  });
}

const textOf = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** FORMAT.md 1.1: dates, months and years from 1900 to 2200 (no year 0, no five-digit year in a calendar). */
const inYearRange = (year: number) => year >= YEAR_MIN && year <= YEAR_MAX;
const YEARS = `Years run from ${YEAR_MIN} to ${YEAR_MAX}.`;
const yearOutOfRange = (year: number | string) => `The year ${year} is out of range: years run from ${YEAR_MIN} to ${YEAR_MAX}.`;
/** The year of `YYYY-...` text. */
const yearOf = (text: string) => Number(text.trim().slice(0, 4));

/** `2026-12-15`: a calendar date that exists. */
export const date = () =>
  custom<PlainDate>('a date', '2026-12-15', 'bad-date', { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }, (value) => {
    const text = textOf(value);
    const parsed = text === undefined ? undefined : parseDate(text);
    if (parsed) return inYearRange(parsed.year) ? { ok: true, value: parsed } : { ok: false, hint: yearOutOfRange(text!.slice(0, 4)) };
    if (text !== undefined && isMonth(text.trim())) return { ok: false, hint: `A month alone is not enough here: write the day too, e.g. ${text.trim()}-01.` };
    return { ok: false, hint: dateHint(value) };
  });

/** `2026-12-15` or `2027-05`. Kept as written. */
export const dateOrMonth = () =>
  custom<string>('a date or a month', '2016-04', 'bad-date', { type: 'string', pattern: '^\\d{4}-\\d{2}(-\\d{2})?$' }, (value) => {
    const text = textOf(value);
    if (text !== undefined && (parseDate(text) || isMonth(text)))
      return inYearRange(yearOf(text)) ? { ok: true, value: text } : { ok: false, hint: yearOutOfRange(text.slice(0, 4)) };
    const year = typeof value === 'number' && Number.isInteger(value) ? String(value) : /^\d{4}$/.exec(text?.trim() ?? '')?.[0];
    if (year) return { ok: false, hint: `A year alone is not enough here: write the month, e.g. ${year}-01.` };
    const quarter = /^(\d{4})-Q([1-4])$/i.exec(text?.trim() ?? '');
    if (quarter) return { ok: false, hint: `A quarter is not enough here: write the month, e.g. ${quarter[1]}-${pad((Number(quarter[2]) - 1) * 3 + 1)}.` };
    return { ok: false, hint: dateHint(value, true) };
  });

/** `2028`: a whole number from 1900 to 2200. */
export const year = () =>
  custom<number>(`a year from ${YEAR_MIN} to ${YEAR_MAX}`, '2028', 'bad-year', { type: 'integer', minimum: YEAR_MIN, maximum: YEAR_MAX }, (value) => {
    if (typeof value === 'number' && Number.isInteger(value) && value >= YEAR_MIN && value <= YEAR_MAX)
      return { ok: true, value };
    if (typeof value === 'string' && /^\d{4}$/.test(value.trim()) && inYearRange(Number(value.trim())))
      return { ok: false, hint: `Write the year as a plain number, without quotes: ${value.trim()}.` };
    if (typeof value === 'number' && Number.isInteger(value)) return { ok: false, hint: YEARS };
    const form = typeof value === 'string' ? numberFormHint(value, 'years') : undefined;
    return form ? { ok: false, hint: form } : { ok: false };
  });

/** `2027`, `2027-Q2`, `2027-05` or a date. */
export const period = () =>
  custom<Period>('a year, quarter, month or date', '2027-Q2', 'bad-period', { anyOf: [{ type: 'integer', minimum: YEAR_MIN, maximum: YEAR_MAX }, { type: 'string', pattern: '^\\d{4}(-Q[1-4]|-\\d{2}(-\\d{2})?)?$' }] }, (value) => {
    const parsed = typeof value === 'string' || typeof value === 'number' ? parsePeriod(value) : undefined;
    if (parsed) return inYearRange(parsed.start.year) ? { ok: true, value: parsed } : { ok: false, hint: yearOutOfRange(parsed.text.slice(0, 4)) };
    const text = scalarText(value) ?? '';
    if (/^\d{4}$/.test(text)) return { ok: false, hint: YEARS };
    const form = typeof value === 'string' ? numberFormHint(value, 'periods') : undefined;
    if (form) return { ok: false, hint: form };
    const lower = /^(\d{4})-q([1-4])$/.exec(text);
    if (lower) return { ok: false, hint: `Write the Q of a quarter as a capital letter: ${lower[1]}-Q${lower[2]}.` };
    const q = /^(?:Q([1-4])[ -/]?(\d{4})|(\d{4})[ /]?q([1-4]))$/i.exec(text);
    if (q) return { ok: false, hint: `Write quarters as year, hyphen, Q and the number: ${q[2] ?? q[3]}-Q${q[1] ?? q[4]}.` };
    if (/^\d{4}-Q[^1-4]/i.test(text)) return { ok: false, hint: 'A year has four quarters, Q1 to Q4.' };
    return { ok: false, hint: dateHint(value, true) };
  });

/** `1 day`, `2 weeks`, `3 months`, `1 year`: at most 100 years. */
export const interval = () =>
  custom<Interval>('an interval', '3 months', 'bad-interval', { type: 'string', pattern: '^\\s*[1-9]\\d* (day|week|month|year)s?\\s*$' }, (value) => {
    const written = scalarText(value) ?? '';
    const text = written.toLowerCase();
    // As written: units are lowercase, `3 Months` is refused like any other misspelling.
    const long = /^(\d+) (day|week|month|year)s?$/.exec(written);
    if (long && Number(long[1]) > INTERVAL_MAX[long[2] as Interval['unit']])
      return { ok: false, hint: `Intervals are at most 100 years (${INTERVAL_MAX[long[2] as Interval['unit']]} ${long[2]}s): \`${written}\` is longer.` };
    if (long && typeof value === 'string' && long[1]![0] !== '0') return { ok: true, value: { count: Number(long[1]), unit: long[2] as Interval['unit'], text: value } };
    const named: Record<string, string> = {
      daily: '1 day', weekly: '1 week', monthly: '1 month', quarterly: '3 months', yearly: '1 year', annually: '1 year',
    };
    if (Object.hasOwn(named, text)) return { ok: false, hint: `Write a number and a unit: \`{key}: ${named[text]}\`.` };
    if (/^\d+$/.test(text) && Number(text) > 0) return { ok: false, hint: `Add the unit: \`{key}: ${text} months\` (day, week, month or year).` };
    // `1.5 years`: a whole number of a smaller unit, where there is one.
    const fraction = /^(\d*\.\d+) (day|week|month|year)s?$/.exec(text);
    if (fraction) {
      const count = Number(fraction[1]);
      const smaller = fraction[2] === 'year' ? { n: count * 12, unit: 'months' } : fraction[2] === 'week' ? { n: count * 7, unit: 'days' } : undefined;
      return {
        ok: false,
        hint: smaller && Number.isInteger(smaller.n)
          ? `Intervals count whole units: write \`{key}: ${smaller.n} ${smaller.unit}\`.`
          : 'Intervals count whole units: write a whole number of days, weeks, months or years.',
      };
    }
    // Nearly right: a zero, a capital, more than one space, or no space at all.
    const loose = /^(\d+)\s*(day|week|month|year)(s?)$/.exec(text);
    if (loose) {
      const count = Number(loose[1]);
      if (count === 0) return { ok: false, hint: `An interval is at least 1 ${loose[2]}: write a whole number from 1, e.g. \`{key}: 1 ${loose[2]}\`.` };
      const fixed = `${count} ${loose[2]}${count === 1 ? '' : 's'}`;
      const max = INTERVAL_MAX[loose[2] as Interval['unit']];
      if (count > max) return { ok: false, hint: `Intervals are at most 100 years (${max} ${loose[2]}s): \`${written}\` is longer.` };
      return { ok: false, hint: `Write it as \`{key}: ${fixed}\`: a whole number, one space and the unit in lowercase.` };
    }
    return { ok: false, hint: 'Write a whole number and a unit (day, week, month or year), singular or plural.' };
  });

/** The largest amount of money (FORMAT.md "Value types"): below 10^12, in cents. */
export const MONEY_MAX = 999_999_999_999.99;

const grouped = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

/**
 * Numbers YAML would read in a form the format does not allow: hexadecimal, octal, an exponent,
 * `.nan` and `.inf`. The YAML loader keeps these as the text written (see `load/yaml.ts`), so a
 * value check sees exactly what is wrong; this says it in words, with the decimal value.
 */
export function numberFormHint(text: string, what: string): string | undefined {
  const t = text.trim();
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(t)) return `\`${t}\` means infinity: write ${what} in decimal digits.`;
  if (/^\.(?:nan|NaN|NAN)$/.test(t)) return `\`${t}\` means "not a number": write ${what} in decimal digits.`;
  let m = /^0x([0-9a-fA-F]+)$/.exec(t);
  if (m) return `\`${t}\` is a hexadecimal number: write ${what} in decimal digits${decimalOf(parseInt(m[1]!, 16))}.`;
  m = /^0o([0-7]+)$/.exec(t);
  if (m) return `\`${t}\` is an octal number: write ${what} in decimal digits${decimalOf(parseInt(m[1]!, 8))}.`;
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(t))
    return `\`${t}\` is written with an exponent: write ${what} in decimal digits${decimalOf(Number(t))}.`;
  m = /^\+([0-9]+(?:\.[0-9]+)?)$/.exec(t);
  if (m) return `\`${t}\` has a plus sign: write ${what} without one, e.g. ${m[1]}.`;
  m = /^[0-9]+\.([0-9]{3,})$/.exec(t);
  if (m) {
    const rounded = Number(t).toFixed(2);
    const exact = Number(rounded) === Number(t);
    return `\`${t}\` has ${m[1]!.length} digits after the point: write at most two (cents)${exact ? `, e.g. ${rounded}` : ''}.`;
  }
  return undefined;
}

/** `, e.g. 1000` for a number short enough to write out, else nothing. */
const decimalOf = (n: number) => (Number.isFinite(n) && Math.abs(n) < 1e15 && Math.abs(n) >= 1e-6 ? `, e.g. ${String(n)}` : '');

/** Digits after the point of a number as JavaScript writes it (`1e-7` counts as many). */
function decimals(n: number): number {
  const s = String(n);
  if (s.includes('e')) return Infinity;
  const dot = s.indexOf('.');
  return dot === -1 ? 0 : s.length - dot - 1;
}

/** `6500` or `6500.50`: decimal digits, at most two after the point, from 0 to 999,999,999,999.99. */
export const money = () =>
  custom<number>('an amount of money', '6500', 'bad-money', { type: 'number', minimum: 0, maximum: MONEY_MAX }, (value) => {
    // Only for a message: formatting a number loads ICU's data (milliseconds), once per amount checked.
    const range = () => `Amounts run from 0 to ${grouped(MONEY_MAX)}.`;
    if (typeof value === 'number') {
      if (Object.is(value, -0)) return { ok: false, hint: 'Write zero without a sign: `cost: 0`.' };
      if (value < 0) return { ok: false, hint: 'Costs cannot be negative.' };
      if (value > MONEY_MAX) return { ok: false, hint: `${range()} Write a smaller amount.` };
      if (decimals(value) > 2) return { ok: false, hint: 'Write at most two digits after the point (cents), e.g. `cost: 6500.50`.' };
      return { ok: true, value };
    }
    if (typeof value === 'string') {
      const form = numberFormHint(value, 'amounts');
      if (form) {
        const n = Number(value.trim());
        return { ok: false, hint: Number.isFinite(n) && Math.abs(n) > MONEY_MAX ? `${form} ${range()}` : form };
      }
      const plain = value.trim();
      if (/^\d+(\.\d{1,2})?$/.test(plain)) return { ok: false, hint: `Write the amount as a plain number, without quotes: ${plain}.` };
      const digits = value.replace(/[\s$€£,]|CAD|USD|EUR|GBP/gi, '');
      if (/^\d+(\.\d+)?$/.test(digits))
        return { ok: false, hint: `Write the amount as a plain number, without currency or separators: ${digits}.` };
    }
    return { ok: false };
  });

const MAX_SAFE = '9,007,199,254,740,991';

/** A whole number of at least `min` (and at most `max`). */
export const whole = (min: number, max?: number, example = String(Math.max(min, 6))) =>
  custom<number>(max === undefined ? `a whole number (${min} or more)` : `a whole number from ${min} to ${max}`, example, 'bad-number', { type: 'integer', minimum: min, ...(max === undefined ? {} : { maximum: max }) }, (value) => {
    if (Object.is(value, -0)) return { ok: false, hint: 'Write zero without a sign: `{key}: 0`.' };
    // Past 2^53 a number is not kept exactly: `9007199254740993` would be read as ...992.
    if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value))
      return { ok: false, hint: `Numbers here run up to ${MAX_SAFE}: \`{source}\` is too large to be kept exactly.` };
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && (max === undefined || value <= max)) return { ok: true, value };
    if (typeof value === 'string' && /^\d+$/.test(value.trim()))
      return { ok: false, hint: `Write the number without quotes: ${value.trim()}.` };
    const unit = typeof value === 'string' ? /^(\d+)\s*[A-Za-z]+$/.exec(value.trim()) : null;
    if (unit) return { ok: false, hint: `Write the number alone, without a unit: \`{key}: ${unit[1]}\`.` };
    const form = typeof value === 'string' ? numberFormHint(value, 'numbers') : undefined;
    return form ? { ok: false, hint: form } : { ok: false };
  });

/** Text that is not empty. Numbers are refused so that `phone: 0800123` cannot lose its leading zero. */
export const text = (example = 'Hank Miller') =>
  custom<string>('text', example, 'bad-text', { type: 'string', pattern: '\\S' }, (value) => {
    if (typeof value === 'string' && value.trim() !== '') return { ok: true, value };
    if (typeof value === 'string') return { ok: false, hint: 'Write the value, e.g. `{key}: {example}`.' };
    if (value === null) return { ok: false, hint: 'The value is empty. Give it a value or delete the line.' };
    if (typeof value === 'number' || typeof value === 'boolean')
      return { ok: false, hint: 'Put the value in quotes so it is read as text exactly as written: "{source}".' };
    return { ok: false, hint: 'Write the value on the same line as its key.' };
  });

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/** The id of another client of the portfolio (checked to exist by the cross-file rules). */
export const clientId = () =>
  custom<string>('a client id', 'lakeside-dental', 'bad-client-id', { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' }, (value) => {
    if (typeof value === 'string' && ID_PATTERN.test(value)) return { ok: true, value };
    const slug = typeof value === 'string' ? slugify(value) : '';
    return {
      ok: false,
      hint: `A client id is the file name without .md: lowercase letters, digits and hyphens${slug ? `, e.g. \`referred_by: ${slug}\`` : ''}.`,
    };
  });
