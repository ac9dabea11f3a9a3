/**
 * Calendar dates only. Every date of the format is a Temporal.PlainDate: a day, never an instant,
 * so `2026-12-01` is the same day in Whitehorse and in Auckland.
 */
import { Temporal as Polyfill } from 'temporal-polyfill';

type TemporalNamespace = typeof Polyfill;
/** Native Temporal where the runtime has it, the polyfill elsewhere. */
export const Temporal: TemporalNamespace =
  ((globalThis as { Temporal?: TemporalNamespace }).Temporal ?? Polyfill);
export type PlainDate = Polyfill.PlainDate;

const MONTH = /^(\d{4})-(\d{2})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const YEAR = /^\d{4}$/;

/**
 * Dates are shared: a portfolio names the same few thousand days over and over (10,000 clients write
 * about 250,000 dates, and the reports compute as many again), making a PlainDate costs microseconds
 * with the polyfill, and PlainDates are immutable, so one object per day serves every reader.
 */
const byDay = new Map<number, PlainDate>();
const CACHE_LIMIT = 100_000;

/** The PlainDate of a day that exists (the caller has checked), shared. */
function dateOf(year: number, month: number, day: number): PlainDate {
  const key = daysFromCivil(year, month, day);
  let date = byDay.get(key);
  if (!date) {
    date = new Temporal.PlainDate(year, month, day);
    if (byDay.size < CACHE_LIMIT) byDay.set(key, date);
  }
  return date;
}

/** Parses `YYYY-MM-DD`; undefined when the text is not a real calendar date. */
export function parseDate(text: string): PlainDate | undefined {
  // Digit by digit rather than a regular expression and a lookup by text: a file holds dozens of
  // dates, each a new string, and this runs for every one of them.
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return dateOf(year, month, day);
}

/** The number written with `count` ASCII digits from `start`; -1 if any is not a digit. */
function digits(text: string, start: number, count: number): number {
  let n = 0;
  for (let i = start; i < start + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

export function isMonth(text: string): boolean {
  const m = MONTH.exec(text);
  return !!m && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

export const YEAR_MIN = 1900;
export const YEAR_MAX = 2200;

export type PeriodKind = 'year' | 'quarter' | 'month' | 'day';

/** A year, quarter, month or day: it starts on its first day. */
export interface Period {
  kind: PeriodKind;
  text: string;
  start: PlainDate;
}

/** Periods by their text, for the same reason as dates; frozen, as they are shared. */
const periodCache = new Map<string, Period | null>();

export function parsePeriod(value: string | number): Period | undefined {
  const text = String(value);
  const cached = periodCache.get(text);
  if (cached !== undefined) return cached ?? undefined;
  const period = readPeriod(text);
  // Only text that looks like a period is remembered, so a stream of odd values cannot grow the cache.
  if (periodCache.size < CACHE_LIMIT && /^\d{4}(?:-Q[1-4]|-\d\d(?:-\d\d)?)?$/.test(text)) periodCache.set(text, period ? Object.freeze(period) : null);
  return period;
}

function readPeriod(text: string): Period | undefined {
  if (YEAR.test(text)) {
    const year = Number(text);
    if (year < YEAR_MIN || year > YEAR_MAX) return undefined;
    return { kind: 'year', text, start: dateOf(year, 1, 1) };
  }
  let m = QUARTER.exec(text);
  if (m) {
    const month = (Number(m[2]) - 1) * 3 + 1;
    return { kind: 'quarter', text, start: dateOf(Number(m[1]), month, 1) };
  }
  m = MONTH.exec(text);
  if (m && isMonth(text)) {
    return { kind: 'month', text, start: dateOf(Number(m[1]), Number(m[2]), 1) };
  }
  const day = parseDate(text);
  return day ? { kind: 'day', text, start: day } : undefined;
}

export type IntervalUnit = 'day' | 'week' | 'month' | 'year';
export interface Interval {
  count: number;
  unit: IntervalUnit;
  text: string;
}

const INTERVAL = /^([1-9]\d*) (day|week|month|year)s?$/;

/**
 * FORMAT.md 1.1: an interval is at most 100 years. A hundred years hold 36,524 or 36,525 days, so the
 * bound in days admits both; in weeks, the most whole weeks that fit.
 */
export const INTERVAL_MAX: Record<IntervalUnit, number> = { day: 36_525, week: 5_217, month: 1_200, year: 100 };

/**
 * Parses `3 months`; undefined for anything the format does not accept as an interval, so an edit
 * reads every interval the validator passed (`10000 days` included) and none it refused.
 */
export function parseInterval(text: string): Interval | undefined {
  const m = INTERVAL.exec(text.trim());
  if (!m) return undefined;
  const unit = m[2] as IntervalUnit;
  const count = Number(m[1]);
  if (count > INTERVAL_MAX[unit]) return undefined;
  return { count, unit, text };
}

/**
 * Adds an interval `times` times in one step, so month ends do not drift:
 * 2026-01-31 + 1 month = 2026-02-28, and + 2 months = 2026-03-31.
 */
export function addInterval(date: PlainDate, interval: Pick<Interval, 'count' | 'unit'>, times = 1): PlainDate {
  const n = interval.count * times;
  switch (interval.unit) {
    case 'day':
      return addDays(date, n);
    case 'week':
      return addDays(date, 7 * n);
    case 'month':
      return addMonths(date, n);
    case 'year':
      return addMonths(date, 12 * n);
  }
}

// Calendar arithmetic on plain numbers: the polyfill's `add` and `until` take microseconds each, and
// the reports do them hundreds of thousands of times at 10,000 clients. The ISO calendar is the
// proleptic Gregorian one, so these agree with Temporal's (tests/core/dates.test.ts holds them to it).

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : MONTH_DAYS[month - 1]!;
}

/** Days from 1970-01-01 to a date (Howard Hinnant's `days_from_civil`). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The date of a day number (Hinnant's `civil_from_days`). */
function civilFromDays(days: number): PlainDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return dateOf(yoe + era * 400 + (month <= 2 ? 1 : 0), month, day);
}

/** Days from 1970-01-01: a plain number to compare, subtract and use as a key. */
export function epochDay(date: PlainDate): number {
  return daysFromCivil(date.year, date.month, date.day);
}

/** `date` plus `n` days (`n` may be negative). */
export function addDays(date: PlainDate, n: number): PlainDate {
  return n === 0 ? date : civilFromDays(epochDay(date) + n);
}

/** `date` plus `n` months, on the same day of the month or the month's last day where that does not exist. */
export function addMonths(date: PlainDate, n: number): PlainDate {
  if (n === 0) return date;
  const index = date.year * 12 + (date.month - 1) + n;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return dateOf(year, month, Math.min(date.day, daysInMonth(year, month)));
}

/** Today in the given IANA time zone. */
export function today(timeZone: string): PlainDate {
  // From Date.now(), so that tests (and fake clocks) control "now" with native Temporal too.
  return Temporal.Instant.fromEpochMilliseconds(Date.now()).toZonedDateTimeISO(timeZone).toPlainDate();
}

let canonicalZones: Set<string> | undefined;

/**
 * Whether `zone` names a time zone. Intl knows the same zones as Temporal (the polyfill asks it).
 * Its list of canonical names is read in a millisecond; a formatter for the zone, the only way to
 * accept aliases such as `UTC` or `Asia/Kolkata`, costs some 12 ms the first time (ICU loads its
 * time-zone data), which every command start would pay.
 */
export function isValidTimeZone(zone: string): boolean {
  canonicalZones ??= new Set(Intl.supportedValuesOf('timeZone'));
  if (canonicalZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function compareDates(a: PlainDate, b: PlainDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Dated first, by date; undated (null or undefined) last: open actions, in every list of them. */
export function compareDatedFirst(a: PlainDate | null | undefined, b: PlainDate | null | undefined): number {
  if (a && b) return compareDates(a, b);
  return a ? -1 : b ? 1 : 0;
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: PlainDate, b: PlainDate): number {
  return epochDay(b) - epochDay(a);
}

/** The quarter a date falls in, as `2027-Q2`. */
export function quarterOf(date: PlainDate): string {
  return `${date.year}-Q${Math.floor((date.month - 1) / 3) + 1}`;
}

export function quarterStart(date: PlainDate): PlainDate {
  return dateOf(date.year, Math.floor((date.month - 1) / 3) * 3 + 1, 1);
}
