/** Dates, ages and counts as the pages show them. */
import { Temporal, daysBetween, parseDate, type PlainDate } from '../../scripts/core/dates.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, style: DateStyle): Intl.DateTimeFormat {
  const key = `${locale}|${style}`;
  let f = formatters.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      style === 'long'
        ? { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }
        : style === 'day'
          ? { weekday: 'short', month: 'short', day: 'numeric' }
          : style === 'month'
            ? { year: 'numeric', month: 'short' }
            : { year: 'numeric', month: 'short', day: 'numeric' };
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    formatters.set(key, f);
  }
  return f;
}

export type DateStyle = 'long' | 'medium' | 'day' | 'month';

/**
 * A calendar date for people: `Dec 1, 2026` (medium), `Tuesday, December 1, 2026` (long),
 * `Tue, Dec 1` (day). Formatted at noon UTC in UTC, so no time zone can move it to another day.
 */
export function formatDate(date: PlainDate | string, locale: string, style: DateStyle = 'medium'): string {
  const d = typeof date === 'string' ? parseDate(date) : date;
  if (!d) return String(date);
  return formatter(locale, style).format(new Date(Date.UTC(d.year, d.month - 1, d.day, 12)));
}

/** A `since`/`acquired` value (a date or a month) for people: `Mar 2012` or `Sep 14, 2016`. */
export function formatDateOrMonth(value: string, locale: string): string {
  const day = parseDate(value);
  if (day) return formatDate(day, locale);
  const first = parseDate(`${value}-01`);
  return first ? formatter(locale, 'month').format(new Date(Date.UTC(first.year, first.month - 1, 1, 12))) : value;
}

/** The first day of a date or month (`2016-09` -> 2016-09-01). */
export function startOf(value: string): PlainDate | undefined {
  return parseDate(value) ?? parseDate(`${value}-01`);
}

/** Whole months from `from` to `to` (0 when `to` is earlier). */
export function monthsBetween(from: PlainDate, to: PlainDate): number {
  if (Temporal.PlainDate.compare(from, to) >= 0) return 0;
  return from.until(to, { largestUnit: 'months' }).months;
}

/** `4 years 2 months`, `9 months`, `under a month`. */
export function formatAge(months: number): string {
  if (months < 1) return 'under a month';
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const parts = [];
  if (years) parts.push(`${years} year${years === 1 ? '' : 's'}`);
  if (rest) parts.push(`${rest} month${rest === 1 ? '' : 's'}`);
  return parts.join(' ');
}

/** How long ago a date was, from the as-of date: `10 months ago`, `today`. */
export function ago(date: PlainDate, asOf: PlainDate): string {
  const days = daysBetween(date, asOf);
  if (days === 0) return 'today';
  if (days < 0) return 'in the future';
  if (days < 60) return days < 14 ? `${days} day${days === 1 ? '' : 's'} ago` : `${Math.round(days / 7)} weeks ago`;
  return `${formatAge(monthsBetween(date, asOf))} ago`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
