/**
 * The value types of FORMAT.md ("Value types"). Each validator reports a custom zod issue whose
 * params carry a stable code and a hint; the issue mapper turns them into located diagnostics.
 */
import { z } from 'zod';
import {
  Temporal,
  YEAR_MAX,
  YEAR_MIN,
  isMonth,
  parseDate,
  parseInterval,
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

/** A targeted suggestion for something that is almost a date. */
export function dateHint(input: unknown): string | undefined {
  const text = scalarText(input);
  if (text === undefined) return undefined;
  let m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(text);
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
  m = /^(\d{4}-\d{2}-\d{2})[T ]/.exec(text);
  if (m && parseDate(m[1]!)) return `Dates have no time of day: write ${m[1]}.`;
  m = /^(\d{4})-(\d{1,2})$/.exec(text);
  if (m && (Number(m[2]) < 1 || Number(m[2]) > 12)) return `There is no month ${Number(m[2])}. Months run from 01 to 12.`;
  return undefined;
}

/** The params of a refinement's issue, checked against the catalogue of codes. */
export const issueParams = (params: ValueIssueParams): ValueIssueParams => params;

type Check<T> = (value: unknown) => { ok: true; value: T } | { ok: false; hint?: string };

function custom<T>(expected: string, example: string, code: DiagnosticCode, check: Check<T>) {
  return z.unknown().transform((value, ctx): T => {
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

/** `2026-12-15`: a calendar date that exists. */
export const date = () =>
  custom<PlainDate>('a date', '2026-12-15', 'bad-date', (value) => {
    const text = textOf(value);
    const parsed = text === undefined ? undefined : parseDate(text);
    if (parsed) return { ok: true, value: parsed };
    if (text !== undefined && isMonth(text.trim())) return { ok: false, hint: `A month alone is not enough here: write the day too, e.g. ${text.trim()}-01.` };
    return { ok: false, hint: dateHint(value) };
  });

/** `2026-12-15` or `2027-05`. Kept as written. */
export const dateOrMonth = () =>
  custom<string>('a date or a month', '2016-04', 'bad-date', (value) => {
    const text = textOf(value);
    if (text !== undefined && (parseDate(text) || isMonth(text))) return { ok: true, value: text };
    const year = typeof value === 'number' && Number.isInteger(value) ? String(value) : /^\d{4}$/.exec(text?.trim() ?? '')?.[0];
    if (year) return { ok: false, hint: `A year alone is not enough here: write the month, e.g. ${year}-01.` };
    return { ok: false, hint: dateHint(value) };
  });

/** `2028`: a whole number from 1900 to 2200. */
export const year = () =>
  custom<number>(`a year from ${YEAR_MIN} to ${YEAR_MAX}`, '2028', 'bad-year', (value) => {
    if (typeof value === 'number' && Number.isInteger(value) && value >= YEAR_MIN && value <= YEAR_MAX)
      return { ok: true, value };
    if (typeof value === 'string' && /^\d{4}$/.test(value.trim()))
      return { ok: false, hint: `Write the year as a plain number, without quotes: ${value.trim()}.` };
    return { ok: false };
  });

/** `2027`, `2027-Q2`, `2027-05` or a date. */
export const period = () =>
  custom<Period>('a year, quarter, month or date', '2027-Q2', 'bad-period', (value) => {
    const parsed = typeof value === 'string' || typeof value === 'number' ? parsePeriod(value) : undefined;
    if (parsed) return { ok: true, value: parsed };
    const text = scalarText(value) ?? '';
    if (/^\d{4}$/.test(text)) return { ok: false, hint: `Years run from ${YEAR_MIN} to ${YEAR_MAX}.` };
    const q = /^(?:Q([1-4])[ -/]?(\d{4})|(\d{4})[ /]?q([1-4]))$/i.exec(text);
    if (q) return { ok: false, hint: `Write quarters as year, hyphen, Q and the number: ${q[2] ?? q[3]}-Q${q[1] ?? q[4]}.` };
    if (/^\d{4}-Q[^1-4]/i.test(text)) return { ok: false, hint: 'A year has four quarters, Q1 to Q4.' };
    return { ok: false, hint: dateHint(value) };
  });

/** `1 day`, `2 weeks`, `3 months`, `1 year`. */
export const interval = () =>
  custom<Interval>('an interval', '3 months', 'bad-interval', (value) => {
    const parsed = typeof value === 'string' ? parseInterval(value) : undefined;
    if (parsed) return { ok: true, value: parsed };
    const text = (scalarText(value) ?? '').toLowerCase();
    const named: Record<string, string> = {
      daily: '1 day', weekly: '1 week', monthly: '1 month', quarterly: '3 months', yearly: '1 year', annually: '1 year',
    };
    if (Object.hasOwn(named, text)) return { ok: false, hint: `Write a number and a unit: \`{key}: ${named[text]}\`.` };
    if (/^\d+$/.test(text) && Number(text) > 0) return { ok: false, hint: `Add the unit: \`{key}: ${text} months\` (day, week, month or year).` };
    return { ok: false, hint: 'Write a whole number and a unit (day, week, month or year), singular or plural.' };
  });

/** `6500` or `6500.50`: a number of at least 0. */
export const money = () =>
  custom<number>('an amount of money', '6500', 'bad-money', (value) => {
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return { ok: true, value };
    if (typeof value === 'number') return { ok: false, hint: 'Costs cannot be negative.' };
    if (typeof value === 'string') {
      const digits = value.replace(/[\s$€£,]|CAD|USD|EUR|GBP/gi, '');
      if (/^\d+(\.\d+)?$/.test(digits))
        return { ok: false, hint: `Write the amount as a plain number, without currency or separators: ${digits}.` };
    }
    return { ok: false };
  });

/** A whole number of at least `min` (and at most `max`). */
export const whole = (min: number, max?: number, example = String(Math.max(min, 6))) =>
  custom<number>(max === undefined ? `a whole number (${min} or more)` : `a whole number from ${min} to ${max}`, example, 'bad-number', (value) => {
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && (max === undefined || value <= max)) return { ok: true, value };
    if (typeof value === 'string' && /^\d+$/.test(value.trim()))
      return { ok: false, hint: `Write the number without quotes: ${value.trim()}.` };
    return { ok: false };
  });

/** Text that is not empty. Numbers are refused so that `phone: 0800123` cannot lose its leading zero. */
export const text = () =>
  custom<string>('text', 'Hank Miller', 'bad-text', (value) => {
    if (typeof value === 'string' && value.trim() !== '') return { ok: true, value };
    if (typeof value === 'string') return { ok: false, hint: 'Give it a value or delete the line.' };
    if (value === null) return { ok: false, hint: 'The value is empty. Give it a value or delete the line.' };
    if (typeof value === 'number' || typeof value === 'boolean')
      return { ok: false, hint: 'Put the value in quotes so it is read as text exactly as written: "{source}".' };
    return { ok: false, hint: 'Write the value on the same line as its key.' };
  });

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/** The id of another client of the portfolio (checked to exist by the cross-file rules). */
export const clientId = () =>
  custom<string>('a client id', 'lakeside-dental', 'bad-client-id', (value) => {
    if (typeof value === 'string' && ID_PATTERN.test(value)) return { ok: true, value };
    const slug = typeof value === 'string' ? slugify(value) : '';
    return {
      ok: false,
      hint: `A client id is the file name without .md: lowercase letters, digits and hyphens${slug ? `, e.g. \`referred_by: ${slug}\`` : ''}.`,
    };
  });
