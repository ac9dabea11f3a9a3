/**
 * A client's roadmap by year, as both printouts of a roadmap meeting show it (the printable roadmap
 * and the meeting sheet), so that the two pages handed over at the same meeting agree.
 *
 * The rules, decided here once:
 * - Open work (agreed, proposed, deferred) counts in the year it starts, and work that started
 *   before the as-of year in the as-of year: it is still to do and to pay for, and this year is
 *   when. That includes open work whose period has already ended: it slipped, it was not dropped,
 *   so it stays in this year's plan and totals, flagged `overdue` so that a meeting can reschedule
 *   or drop it.
 * - "Done in the last 12 months" goes by the end of the work's period: work that ran over the
 *   turn of the year was delivered, and paid for, when it ended.
 * - Declined work is in neither: the meeting sheet asks about it apart.
 */
import { compareDates, type PlainDate } from '../dates.ts';
import type { RoadmapEntry } from './roadmap.ts';

export interface RoadmapYear {
  year: number;
  /** In the roadmap's order (by start). */
  entries: RoadmapEntry[];
  /** Costs of the roadmap items (not of asset replacements, forecast apart) by status. */
  totals: { agreed: number; proposed: number; deferred: number };
}

export interface RoadmapByYear {
  /** From the as-of year on; each year with open work (and, with `through`, every year up to it). */
  years: RoadmapYear[];
  /** Open work whose period ended before the as-of date: in the first year, and listed here too. */
  overdue: ReadonlySet<RoadmapEntry>;
  /** With `through`: open work that starts after that year. */
  later: RoadmapEntry[];
  /** Done, with a period that ends within the 12 months up to the as-of date (or later), oldest first. */
  doneRecently: RoadmapEntry[];
}

export interface RoadmapByYearOptions {
  asOf: PlainDate;
  /** The last year shown by itself, every year up to it listed even when empty; later work goes to `later`. */
  through?: number;
}

export function roadmapByYear(entries: readonly RoadmapEntry[], { asOf, through }: RoadmapByYearOptions): RoadmapByYear {
  const years = new Map<number, RoadmapYear>();
  const yearOf = (year: number) => {
    let y = years.get(year);
    if (!y) years.set(year, (y = { year, entries: [], totals: { agreed: 0, proposed: 0, deferred: 0 } }));
    return y;
  };
  if (through !== undefined) for (let year = asOf.year; year <= through; year++) yearOf(year);
  const overdue = new Set<RoadmapEntry>();
  const later: RoadmapEntry[] = [];
  const doneRecently: RoadmapEntry[] = [];
  const yearAgo = asOf.subtract({ years: 1 });
  for (const entry of entries) {
    if (entry.status === 'done') {
      if (compareDates(entry.end, yearAgo) >= 0) doneRecently.push(entry);
      continue;
    }
    if (entry.status === 'declined') continue;
    if (through !== undefined && entry.start.year > through) {
      later.push(entry);
      continue;
    }
    if (compareDates(entry.end, asOf) < 0) overdue.add(entry);
    const year = yearOf(Math.max(entry.start.year, asOf.year));
    year.entries.push(entry);
    // Roadmap items only: a replacement's asset cost is forecast apart, as "renewals and replacements".
    if (entry.kind === 'item') year.totals[entry.status] += entry.cost ?? 0;
  }
  return { years: [...years.values()].sort((a, b) => a.year - b.year), overdue, later, doneRecently };
}
