/** The printed roadmap of one client: what is planned, year by year, with what it costs. */
import { clientRoadmap, type ClientRoadmap, type RoadmapEntry } from '../../scripts/core/model/roadmap.ts';
import type { Client } from '../../scripts/core/model/client.ts';
import { compareDates, type PlainDate } from '../../scripts/core/dates.ts';

export interface RoadmapYear {
  year: number;
  entries: RoadmapEntry[];
  agreed: number;
  proposed: number;
  deferred: number;
}

export interface ClientRoadmapSheet {
  roadmap: ClientRoadmap;
  /** Open work (agreed, proposed, deferred) from the as-of year on, by year; earlier open work goes to the first. */
  years: RoadmapYear[];
  /** Done in the last twelve months, newest first: what the client got for their money. */
  recentlyDone: RoadmapEntry[];
}

const roadmaps = new WeakMap<Client, { asOf: PlainDate; locale: string; roadmap: ClientRoadmap }>();

/** The client's roadmap, computed once per build for the client page and the printable roadmap. */
export function roadmapOf(client: Client, asOf: PlainDate, locale: string): ClientRoadmap {
  const cached = roadmaps.get(client);
  if (cached && cached.locale === locale && cached.asOf.equals(asOf)) return cached.roadmap;
  const roadmap = clientRoadmap(client, { asOf, locale });
  roadmaps.set(client, { asOf, locale, roadmap });
  return roadmap;
}

export function clientRoadmapSheet(client: Client, asOf: PlainDate, locale: string): ClientRoadmapSheet {
  const roadmap = roadmapOf(client, asOf, locale);
  // The printable roadmap is its last reader in a build: a large portfolio need not keep them all.
  roadmaps.delete(client);
  const years = new Map<number, RoadmapYear>();
  for (const entry of roadmap.entries) {
    if (entry.status === 'done' || entry.status === 'declined') continue;
    const year = Math.max(entry.start.year, asOf.year);
    let y = years.get(year);
    if (!y) years.set(year, (y = { year, entries: [], agreed: 0, proposed: 0, deferred: 0 }));
    y.entries.push(entry);
    // Roadmap items only: a replacement's asset cost is forecast apart, as "renewals and replacements".
    if (entry.kind === 'item' && (entry.status === 'agreed' || entry.status === 'proposed' || entry.status === 'deferred'))
      y[entry.status] += entry.cost ?? 0;
  }
  const yearAgo = asOf.subtract({ years: 1 });
  const recentlyDone = roadmap.entries
    .filter((e) => e.status === 'done' && compareDates(e.end, yearAgo) >= 0)
    .reverse();
  return { roadmap, years: [...years.values()].sort((a, b) => a.year - b.year), recentlyDone };
}
