/** Spans of time between calendar dates, in words: what the CLI and the site both print. */
import { compareDates, daysBetween, type PlainDate } from './dates.ts';
import { plural } from './text/plural.ts';

/** Whole months from `from` to `to` (0 when `to` is earlier), as Temporal's `until` counts them. */
export function monthsBetween(from: PlainDate, to: PlainDate): number {
  if (compareDates(from, to) >= 0) return 0;
  // On plain numbers (the polyfill's `until` takes microseconds): a month is whole once the day of
  // the month is reached again. tests/core/dates.test.ts holds this to Temporal.
  const months = (to.year - from.year) * 12 + (to.month - from.month);
  return to.day < from.day ? months - 1 : months;
}

/** `4 years 2 months`, `9 months`, `under a month`. */
export function formatAge(months: number): string {
  if (months < 1) return 'under a month';
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const parts = [];
  if (years) parts.push(plural(years, 'year'));
  if (rest) parts.push(plural(rest, 'month'));
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
