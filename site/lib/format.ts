/** Dates, ages and counts as the pages show them. */
import { Temporal, daysBetween, parseDate, type Period, type PlainDate } from '#core/dates';

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
  const iso = typeof date === 'string' ? date : date.toString();
  // A portfolio has a few thousand distinct dates, shown tens of thousands of times: each is formatted once.
  const key = `${locale}|${style}|${iso}`;
  let text = formatted.get(key);
  if (text === undefined) {
    const d = typeof date === 'string' ? parseDate(date) : date;
    text = d ? formatter(locale, style).format(new Date(Date.UTC(d.year, d.month - 1, d.day, 12))) : iso;
    formatted.set(key, text);
  }
  return text;
}

const formatted = new Map<string, string>();

/** A `since`/`acquired` value (a date or a month) for people: `Mar 2012` or `Sep 14, 2016`. */
export function formatDateOrMonth(value: string, locale: string): string {
  const day = parseDate(value);
  if (day) return formatDate(day, locale);
  const first = parseDate(`${value}-01`);
  return first ? formatter(locale, 'month').format(new Date(Date.UTC(first.year, first.month - 1, 1, 12))) : value;
}

/**
 * A period in a table cell, in the portfolio's locale and as short as the period allows: `2030`,
 * `Q2 2027`, `Mar 2027`, `Mar 14, 2027` (the roadmap's longer labels name the months of a quarter).
 */
export function formatPeriodShort(period: Period, locale: string): string {
  switch (period.kind) {
    case 'year':
      return String(period.start.year);
    case 'quarter':
      return `Q${Math.floor((period.start.month - 1) / 3) + 1} ${period.start.year}`;
    case 'month':
      return formatter(locale, 'month').format(new Date(Date.UTC(period.start.year, period.start.month - 1, 1, 12)));
    case 'day':
      return formatDate(period.start, locale);
  }
}

/** The first day of a date or month (`2016-09` -> 2016-09-01). */
export function startOf(value: string): PlainDate | undefined {
  return parseDate(value) ?? parseDate(`${value}-01`);
}

export { ago, formatAge, monthsBetween } from '#core/relative-time';

/**
 * Counts are written in the portfolio's locale like its dates and amounts ("1,523 overdue",
 * "1.523" in German). A build is of one portfolio: pageContext() sets its locale before a page renders.
 */
let countLocale = 'en-US';
let countFormat = new Intl.NumberFormat(countLocale);

export function setCountLocale(locale: string): void {
  if (locale === countLocale) return;
  try {
    countFormat = new Intl.NumberFormat(locale);
    countLocale = locale;
  } catch {
    // A locale this runtime does not know was refused by the settings' validation already.
  }
}

export function formatCount(n: number): string {
  return countFormat.format(n);
}

/** `1 client`, `1,000 clients`: the count in the portfolio's locale. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
