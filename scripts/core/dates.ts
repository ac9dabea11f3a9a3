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

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const YEAR = /^\d{4}$/;

/** Parses `YYYY-MM-DD`; undefined when the text is not a real calendar date. */
export function parseDate(text: string): PlainDate | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  try {
    return Temporal.PlainDate.from(
      { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) },
      { overflow: 'reject' },
    );
  } catch {
    return undefined;
  }
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

export function parsePeriod(value: string | number): Period | undefined {
  const text = String(value);
  if (YEAR.test(text)) {
    const year = Number(text);
    if (year < YEAR_MIN || year > YEAR_MAX) return undefined;
    return { kind: 'year', text, start: Temporal.PlainDate.from({ year, month: 1, day: 1 }) };
  }
  let m = QUARTER.exec(text);
  if (m) {
    const month = (Number(m[2]) - 1) * 3 + 1;
    return { kind: 'quarter', text, start: Temporal.PlainDate.from({ year: Number(m[1]), month, day: 1 }) };
  }
  m = MONTH.exec(text);
  if (m && isMonth(text)) {
    return { kind: 'month', text, start: Temporal.PlainDate.from({ year: Number(m[1]), month: Number(m[2]), day: 1 }) };
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

const INTERVAL = /^([1-9]\d{0,3}) (day|week|month|year)s?$/;

export function parseInterval(text: string): Interval | undefined {
  const m = INTERVAL.exec(text.trim());
  if (!m) return undefined;
  return { count: Number(m[1]), unit: m[2] as IntervalUnit, text };
}

/**
 * Adds an interval `times` times in one step, so month ends do not drift:
 * 2026-01-31 + 1 month = 2026-02-28, and + 2 months = 2026-03-31.
 */
export function addInterval(date: PlainDate, interval: Pick<Interval, 'count' | 'unit'>, times = 1): PlainDate {
  const n = interval.count * times;
  switch (interval.unit) {
    case 'day':
      return date.add({ days: n });
    case 'week':
      return date.add({ weeks: n });
    case 'month':
      return date.add({ months: n }, { overflow: 'constrain' });
    case 'year':
      return date.add({ years: n }, { overflow: 'constrain' });
  }
}

/** Today in the given IANA time zone. */
export function today(timeZone: string): PlainDate {
  // From Date.now(), so that tests (and fake clocks) control "now" with native Temporal too.
  return Temporal.Instant.fromEpochMilliseconds(Date.now()).toZonedDateTimeISO(timeZone).toPlainDate();
}

export function isValidTimeZone(zone: string): boolean {
  try {
    Temporal.Now.plainDateISO(zone);
    return true;
  } catch {
    return false;
  }
}

export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function compareDates(a: PlainDate, b: PlainDate): number {
  return Temporal.PlainDate.compare(a, b);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: PlainDate, b: PlainDate): number {
  return a.until(b, { largestUnit: 'days' }).days;
}

/** The quarter a date falls in, as `2027-Q2`. */
export function quarterOf(date: PlainDate): string {
  return `${date.year}-Q${Math.floor((date.month - 1) / 3) + 1}`;
}

export function quarterStart(date: PlainDate): PlainDate {
  return Temporal.PlainDate.from({ year: date.year, month: Math.floor((date.month - 1) / 3) * 3 + 1, day: 1 });
}
