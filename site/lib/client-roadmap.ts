/** The printed roadmap of one client: what is planned, year by year, with what it costs. */
import { clientRoadmap, type ClientRoadmap, type RoadmapEntry } from '#core/model/roadmap';
import type { Client } from '#core/model/client';
import type { PlainDate } from '#core/dates';
import { roadmapByYear } from '#core/model/roadmap-by-year';

export interface RoadmapYear {
  year: number;
  entries: RoadmapEntry[];
  agreed: number;
  proposed: number;
  deferred: number;
}

export interface ClientRoadmapSheet {
  roadmap: ClientRoadmap;
  /** Open work (agreed, proposed, deferred) from the as-of year on, by year; earlier open work goes to the first (roadmap-by-year.ts). */
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
  const byYear = roadmapByYear(roadmap.entries, { asOf });
  return {
    roadmap,
    years: byYear.years.map((y) => ({ year: y.year, entries: y.entries, ...y.totals })),
    recentlyDone: [...byYear.doneRecently].reverse(),
  };
}
