/**
 * Calendar arithmetic on `YYYY-MM-DD` text, small enough to ship inline to the browser: the agenda
 * uses it to move items between groups by the reader's own date. It never reads a date string
 * through `new Date('YYYY-MM-DD')` (that is UTC midnight, the day before west of Greenwich): it
 * counts days between the numbers of the dates themselves. `tests/site/day-math.test.ts` holds it
 * to the core's rule (scripts/core/model/due.ts `statusOf`).
 */

import { plural } from '#core/text/plural';

export type DayStatus = 'overdue' | 'today' | 'upcoming' | 'later';

const DAY = 86_400_000;

function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY;
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysFromTo(from: string, to: string): number {
  return Math.round(dayNumber(to) - dayNumber(from));
}

/**
 * FORMAT.md "What is due", for a reader's date: undated items are overdue; an item is upcoming
 * within the window, or from `upcomingFrom` on (its notice) when that is earlier.
 */
export function dayStatus(due: string | null, today: string, window: number, upcomingFrom?: string | null): DayStatus {
  if (due === null) return 'overdue';
  const days = daysFromTo(today, due);
  if (days < 0) return 'overdue';
  if (days === 0) return 'today';
  if (days <= window) return 'upcoming';
  return upcomingFrom && daysFromTo(upcomingFrom, today) >= 0 ? 'upcoming' : 'later';
}

/**
 * The calendar date at `now` in `timeZone` (the portfolio's), as `YYYY-MM-DD`: the agenda's
 * "today" is the portfolio's, wherever the page is read. Without a zone (or with one this browser
 * does not know), the reader's own.
 */
export function localDate(now: Date, timeZone?: string): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  if (timeZone) {
    try {
      const parts = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
      const part = (type: string) => parts.find((p) => p.type === type)?.value;
      const year = part('year');
      const month = part('month');
      const day = part('day');
      if (year && month && day) return `${year.padStart(4, '0')}-${month}-${day}`;
    } catch {
      // An unknown zone: the reader's own date is the best left.
    }
  }
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** "today", "in 3 days", "5 weeks ago", "2 years ago"; `null` days: "never done". */
export function relativeDays(days: number | null): string {
  if (days === null) return 'never done';
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  const n = Math.abs(days);
  const span =
    n < 14 ? plural(n, 'day') : n < 60 ? plural(Math.round(n / 7), 'week') : n < 730 ? plural(Math.round(n / 30.44), 'month') : plural(Math.round(n / 365.25), 'year');
  return days < 0 ? `${span} ago` : `in ${span}`;
}
