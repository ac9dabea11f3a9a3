/**
 * The roadmap (seed 004): what is planned, when, and what it costs, per client and for the whole
 * portfolio by quarter, so that spending is smoothed and the quiet quarters show before they come.
 *
 * Decisions, in one place:
 * - A roadmap entry is a `roadmap` item or an asset's planned replacement (`assets[].replace`).
 *   An asset replacement that a roadmap item already plans is not listed twice: the item is said to
 *   *cover* it when the two periods overlap and the item's title shares a word with the asset's name
 *   or kind ("Replace the main server" covers "Main server (Dell PowerEdge T330)", replace 2027-Q2).
 *   The item then lists the asset in `replaces`, and the replacement takes the item's status. An
 *   uncovered replacement becomes its own entry, `kind: 'replacement'`, `status: 'proposed'` (it is
 *   the consultant's plan, never agreed with the client) and no cost (assets carry none).
 * - Portfolio buckets, by the quarter in which an entry's period starts, for 12 quarters from the
 *   quarter holding the as-of date. A year period (`2027`) starts on 1 January, so it lands in Q1;
 *   `periodKind` keeps the fact that it spans the year. A year that began before the first quarter
 *   and has not ended (`2026` read in 2026-Q4) is still open work: it goes to the first quarter,
 *   flagged `startedBefore`, not to the overdue bucket.
 * - `declined` never counts anywhere in the portfolio. `done` is kept aside per quarter (`done`,
 *   `totals.done`) and never adds to items, clients, planned money or quietness: the page is about
 *   work still to do. Entries that ended before the first quarter and are not done go to `overdue`
 *   ("overdue or unscheduled"); entries starting after the 12th quarter go to `later`.
 * - Planned money is agreed + proposed. Deferred is shown (stacked on top in the chart) but not
 *   planned: the client said "not now".
 * - A quarter is **quiet** when it has no agreed or proposed entry (`no-work`), or when its planned
 *   money is below a quarter of the median planned money of the 12 quarters (`thin`). Entries without
 *   a cost count as nothing there (a printer swap and $600 is a thin quarter); `uncosted` says how
 *   many there are. With a median of 0 (most quarters empty) only `no-work` applies.
 * - Former clients are left out of the portfolio; prospects are in (their work is proposed by
 *   definition), with `clientStatus` on every entry so that a page can filter them.
 * - Assets in use whose `expires` falls between the as-of date and the end of the 12 quarters (and
 *   that no `replace` retires first) are listed as renewals per client and per quarter. An asset
 *   with `renew` renews again and again: every renewal within the horizon is listed, and one whose
 *   expiry has passed is due now (first quarter, `overdue`). Accepted and retired assets renew nothing.
 * - The forecast (FORMAT 1.1 `cost`): an asset's cost counts in the quarter its renewal or its
 *   replacement falls due, as "renewals and replacements" (`lifecycle`), apart from the roadmap
 *   items' status totals, which stay what the client agreed or was proposed. Each renewal within
 *   the horizon counts the asset's cost (the next renewal's price is the best guess for the ones
 *   after it). A replacement that a roadmap item covers counts the item's cost only: the item is the
 *   plan, and counting the asset's too would count it twice. `expected` = planned + lifecycle, and
 *   the quiet quarters are judged on expected spend: a quarter holding only a $9,000 firewall
 *   replacement is not quiet.
 */
import { addDays, addInterval, addMonths, compareDates, epochDay, quarterOf, quarterStart, type PeriodKind, type PlainDate } from '../dates.ts';
import type { AssetKind } from '../schema/asset.ts';
import type { ClientStatus } from '../schema/client.ts';
import type { RoadmapStatus } from '../schema/roadmap-item.ts';
import type { Client } from './client.ts';
import { toCents, type Cents } from './money.ts';


/** Number of quarters the portfolio roadmap looks ahead (three years). */
export const ROADMAP_QUARTERS = 12;
/** A quarter is thin below this fraction of the median planned money (as a ratio, to stay exact). */
export const QUIET_FRACTION = { numerator: 1, denominator: 4 } as const;

export type RoadmapEntryKind = 'item' | 'replacement';

/** One line of a roadmap: a roadmap item, or an asset replacement no item plans yet. */
export interface RoadmapEntry {
  client: string;
  clientName: string;
  clientStatus: ClientStatus;
  kind: RoadmapEntryKind;
  title: string;
  status: RoadmapStatus;
  /** In cents; null when the file gives no cost (a replacement's is its asset's `cost`). */
  cost: Cents | null;
  why?: string;
  /** The period as written: `2027`, `2027-Q2`, `2027-05`, `2027-05-14`. */
  when: string;
  periodKind: PeriodKind;
  /** First and last day of the period. */
  start: PlainDate;
  end: PlainDate;
  /** The quarter the period starts in: `2027-Q1` for `2027`. */
  quarter: string;
  /** Readable period: `2027 (whole year)`, `Q2 2027 (Apr–Jun)`, `May 2027`, `May 14, 2027`. */
  label: string;
  /** Index in the client's `roadmap` (items) or `assets` (replacements) list. */
  index: number;
  /** Names of the assets this entry replaces: covered assets for an item, the asset itself for a replacement. */
  replaces: string[];
  /** For a replacement: the asset. */
  asset?: { name: string; kind: AssetKind; acquired?: string; expires?: PlainDate };
  /** Placed in the first quarter because its year began before it (portfolio buckets only). */
  startedBefore?: boolean;
}

/** An asset whose warranty, licence or subscription ends within the horizon. */
export interface Renewal {
  client: string;
  clientName: string;
  clientStatus: ClientStatus;
  asset: string;
  kind: AssetKind;
  /** The day it expires (for a recurring renewal, this occurrence's day). */
  expires: PlainDate;
  quarter: string;
  /** Index in the client's `assets`. */
  index: number;
  /** What the renewal costs (the asset's `cost`, with `renew`), in cents; null when not known or not renewed. */
  cost: Cents | null;
  /** The renewal cycle as written (`1 year`), for renewed assets. */
  renew?: string;
  /** The expiry has passed and the asset is still in use: renew now (placed in the first quarter). */
  overdue?: boolean;
}

/** Expected spend on the life cycle of assets: renewals and uncovered replacements, in cents. */
export interface Lifecycle {
  renewals: Cents;
  replacements: Cents;
  /** renewals + replacements. */
  total: Cents;
}

const zeroLifecycle = (): Lifecycle => ({ renewals: 0, replacements: 0, total: 0 });

export type StatusTotals = Record<RoadmapStatus, Cents>;
export type StatusCounts = Record<RoadmapStatus, number>;

export interface ClientRoadmap {
  client: string;
  clientName: string;
  /** Every item (whatever its status) and every uncovered replacement, by period start. */
  entries: RoadmapEntry[];
  /** Expiries from the as-of date to the end of the horizon, by date. */
  renewals: Renewal[];
  /** Cost by status over the roadmap items, in cents (replacements are in `lifecycle`). */
  totals: StatusTotals;
  /** Renewals within the horizon and replacements not yet retired, with a cost, in cents. */
  lifecycle: Lifecycle;
}

export interface RoadmapOptions {
  asOf: PlainDate;
  /** Quarters to look ahead; default 12. */
  quarters?: number;
  /** For period labels (month names); default `en-US`. */
  locale?: string;
}

const zeroTotals = (): StatusTotals => ({ proposed: 0, agreed: 0, deferred: 0, done: 0, declined: 0 });

const ends = new Map<string, PlainDate>();

/** The last day of a period. */
export function periodEnd(kind: PeriodKind, start: PlainDate): PlainDate {
  // Periods repeat across clients: remember them (by day number; `toString` is slow with the polyfill).
  const key = `${kind}|${epochDay(start)}`;
  let end = ends.get(key);
  if (end === undefined) {
    end = lastDay(kind, start);
    ends.set(key, end);
  }
  return end;
}

function lastDay(kind: PeriodKind, start: PlainDate): PlainDate {
  switch (kind) {
    case 'year':
      return addDays(addMonths(start, 12), -1);
    case 'quarter':
      return addDays(addMonths(start, 3), -1);
    case 'month':
      return addDays(addMonths(start, 1), -1);
    case 'day':
      return start;
  }
}

const labels = new Map<string, string>();

/** `2027 (whole year)`, `Q2 2027 (Apr–Jun)`, `May 2027`, `May 14, 2027` (month names from the locale). */
export function periodLabel(kind: PeriodKind, start: PlainDate, locale = 'en-US'): string {
  // Formatting a PlainDate builds an Intl formatter each time (milliseconds with the polyfill), and
  // a portfolio holds few distinct periods: remember them.
  const key = `${locale}|${kind}|${epochDay(start)}`;
  let label = labels.get(key);
  if (label === undefined) {
    label = formatPeriod(kind, start, locale);
    labels.set(key, label);
  }
  return label;
}

function formatPeriod(kind: PeriodKind, start: PlainDate, locale: string): string {
  switch (kind) {
    case 'year':
      return `${start.year} (whole year)`;
    case 'quarter': {
      const month = (d: PlainDate) => d.toLocaleString(locale, { month: 'short', calendar: 'gregory' });
      return `Q${Math.floor((start.month - 1) / 3) + 1} ${start.year} (${month(start)}–${month(start.add({ months: 2 }))})`;
    }
    case 'month':
      return start.toLocaleString(locale, { month: 'long', year: 'numeric', calendar: 'gregory' });
    case 'day':
      return start.toLocaleString(locale, { dateStyle: 'medium', calendar: 'gregory' });
  }
}

// --- which roadmap item covers which asset replacement -----------------------------------------

const STOP_WORDS = new Set([
  'the', 'and', 'for', 'with', 'new', 'old', 'from', 'into', 'our', 'all', 'other', 'plus',
  'replace', 'replacement', 'replacing', 'retire', 'upgrade', 'buy', 'renew', 'renewal', 'move',
  'main', 'office', 'second', 'small', 'shared', 'staff', 'two', 'three', 'four', 'five', 'six',
]);
/** Words that name the same kind of thing, mapped to one. */
const SYNONYMS: Record<string, string> = {
  copier: 'printer',
  pc: 'workstation',
  computer: 'workstation',
  desktop: 'workstation',
  notebook: 'laptop',
  macbook: 'laptop',
};

const wordsByText = new Map<string, ReadonlySet<string>>();

/** The significant words of a title or an asset name; text in parentheses (models, counts) is left out. */
export function significantWords(text: string): Set<string> {
  return new Set(wordsOf(text));
}

/** `significantWords`, remembered: titles and asset names repeat across a portfolio's clients. */
function wordsOf(text: string): ReadonlySet<string> {
  let cached = wordsByText.get(text);
  if (!cached) {
    cached = findWords(text);
    if (wordsByText.size < 100_000) wordsByText.set(text, cached);
  }
  return cached;
}

function findWords(text: string): Set<string> {
  const words = new Set<string>();
  const plain = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/wi-?fi/g, 'wifi')
    .replace(/['’]s\b/g, '');
  for (const raw of plain.split(/[^a-z0-9]+/)) {
    if (raw.length < 2 || STOP_WORDS.has(raw)) continue;
    let word = raw;
    if (word.length > 3 && word.endsWith('ies')) word = `${word.slice(0, -3)}y`;
    else if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) word = word.slice(0, -1);
    words.add(SYNONYMS[word] ?? word);
  }
  return words;
}

const overlaps = (a: { start: PlainDate; end: PlainDate }, b: { start: PlainDate; end: PlainDate }) =>
  compareDates(a.start, b.end) <= 0 && compareDates(b.start, a.end) <= 0;

// --- per client ---------------------------------------------------------------------------------

const compareEntries = (a: RoadmapEntry, b: RoadmapEntry) =>
  compareDates(a.start, b.start) ||
  compareDates(a.end, b.end) ||
  (a.kind === b.kind ? 0 : a.kind === 'item' ? -1 : 1) ||
  a.index - b.index;

const entriesOf = new WeakMap<Client, { locale: string; entries: readonly RoadmapEntry[] }>();

/**
 * Entries of one client, every status, replacements included, sorted by period start. Computed once
 * per client: the client page, the printable roadmap, the meeting sheet and the portfolio roadmap
 * all read them. The list is the caller's own; the entries are shared and must not be changed.
 */
export function roadmapEntries(client: Client, locale = 'en-US'): RoadmapEntry[] {
  const cached = entriesOf.get(client);
  if (cached?.locale === locale) return [...cached.entries];
  const entries = findEntries(client, locale);
  entriesOf.set(client, { locale, entries });
  return [...entries];
}

function findEntries(client: Client, locale: string): RoadmapEntry[] {
  const base = { client: client.id, clientName: client.data.name, clientStatus: client.data.status };
  const items: RoadmapEntry[] = (client.data.roadmap ?? []).map((item, index) => {
    const end = periodEnd(item.when.kind, item.when.start);
    return {
      ...base,
      kind: 'item',
      title: item.title,
      status: item.status,
      cost: item.cost === undefined ? null : toCents(item.cost),
      ...(item.why ? { why: item.why } : {}),
      when: item.when.text,
      periodKind: item.when.kind,
      start: item.when.start,
      end,
      quarter: quarterOf(item.when.start),
      label: periodLabel(item.when.kind, item.when.start, locale),
      index,
      replaces: [],
    };
  });
  const itemWords = items.map((item) => wordsOf(item.title));
  const replacements: RoadmapEntry[] = [];
  (client.data.assets ?? []).forEach((asset, index) => {
    // A retired asset was replaced (or is gone): nothing left to plan.
    if (!asset.replace || asset.status === 'retired') return;
    const span = { start: asset.replace.start, end: periodEnd(asset.replace.kind, asset.replace.start) };
    const words = new Set(wordsOf(asset.name));
    if (words.size === 0) for (const w of wordsOf(asset.name.replace(/[()]/g, ' '))) words.add(w);
    if (asset.kind !== 'other') words.add(asset.kind);
    const cover = items.findIndex((item, i) => overlaps(item, span) && [...words].some((w) => itemWords[i]!.has(w)));
    if (cover >= 0) {
      items[cover]!.replaces.push(asset.name);
      return;
    }
    replacements.push({
      ...base,
      kind: 'replacement',
      title: `Replace ${asset.name}`,
      status: 'proposed',
      cost: asset.cost === undefined ? null : toCents(asset.cost),
      when: asset.replace.text,
      periodKind: asset.replace.kind,
      start: span.start,
      end: span.end,
      quarter: quarterOf(span.start),
      label: periodLabel(asset.replace.kind, span.start, locale),
      index,
      replaces: [asset.name],
      asset: {
        name: asset.name,
        kind: asset.kind,
        ...(asset.acquired ? { acquired: asset.acquired } : {}),
        ...(asset.expires ? { expires: asset.expires } : {}),
      },
    });
  });
  return [...items, ...replacements].sort(compareEntries);
}

/**
 * Renewals of one client's assets from `from` (inclusive) to `until` (exclusive), by date: assets in
 * use with `expires` and no planned replacement. An asset with `renew` is listed at each renewal
 * in the span, and at `from` (flagged `overdue`) when its expiry has already passed.
 */
export function renewals(client: Client, from: PlainDate, until: PlainDate): Renewal[] {
  const out: Renewal[] = [];
  (client.data.assets ?? []).forEach((asset, index) => {
    if (!asset.expires || asset.status !== 'in-use' || asset.replace) return;
    const base = {
      client: client.id,
      clientName: client.data.name,
      clientStatus: client.data.status,
      asset: asset.name,
      kind: asset.kind,
      index,
      cost: asset.renew && asset.cost !== undefined ? toCents(asset.cost) : null,
      ...(asset.renew ? { renew: asset.renew.text } : {}),
    };
    if (compareDates(asset.expires, until) >= 0) return;
    if (compareDates(asset.expires, from) < 0) {
      // Lapsed: a renewed asset is due now; a warranty that ended is history, not a renewal.
      if (asset.renew) out.push({ ...base, expires: asset.expires, quarter: quarterOf(from), overdue: true });
      return;
    }
    const renew = asset.renew;
    for (let n = 0, day = asset.expires; compareDates(day, until) < 0; day = addInterval(asset.expires, renew!, ++n)) {
      out.push({ ...base, expires: day, quarter: quarterOf(day) });
      if (!renew) break;
    }
  });
  return out.sort((a, b) => compareDates(a.expires, b.expires) || a.index - b.index);
}

/** Sums renewals and uncovered replacements (entries of kind `replacement` not done or declined). */
function lifecycleOf(renewalList: readonly Renewal[], entries: readonly RoadmapEntry[]): Lifecycle {
  const lifecycle = zeroLifecycle();
  for (const r of renewalList) lifecycle.renewals += r.cost ?? 0;
  for (const e of entries) if (e.kind === 'replacement' && e.status !== 'declined' && e.status !== 'done') lifecycle.replacements += e.cost ?? 0;
  lifecycle.total = lifecycle.renewals + lifecycle.replacements;
  return lifecycle;
}

/** The end (exclusive) of the horizon: the first day after the last of its quarters. */
export function horizonEnd(asOf: PlainDate, quarters = ROADMAP_QUARTERS): PlainDate {
  return addMonths(quarterStart(asOf), 3 * quarters);
}

/** One client's roadmap, for its page and for the printed sheet. Works for former clients too (history). */
export function clientRoadmap(client: Client, options: RoadmapOptions): ClientRoadmap {
  const entries = roadmapEntries(client, options.locale);
  const totals = zeroTotals();
  for (const e of entries) if (e.kind === 'item') totals[e.status] += e.cost ?? 0;
  const renewalList = renewals(client, options.asOf, horizonEnd(options.asOf, options.quarters));
  return {
    client: client.id,
    clientName: client.data.name,
    entries,
    renewals: renewalList,
    totals,
    lifecycle: lifecycleOf(renewalList, entries),
  };
}

// --- the portfolio by quarter -------------------------------------------------------------------

export interface RoadmapBucket {
  /** `2027-Q1`, `overdue` or `later`. */
  key: string;
  label: string;
  /** Agreed, proposed and deferred entries (never done or declined), sorted by start, client, title. */
  entries: RoadmapEntry[];
  /** Done entries of the period, kept aside. */
  done: RoadmapEntry[];
  /** Money of the roadmap items by status in cents; `declined` is always 0. Replacements are in `lifecycle`. */
  totals: StatusTotals;
  /** Agreed + proposed roadmap items, in cents. */
  planned: Cents;
  /** Renewals and uncovered replacements falling due here, in cents. */
  lifecycle: Lifecycle;
  /** All expected spend: planned + lifecycle.total, in cents. */
  expected: Cents;
  counts: StatusCounts;
  /** Number of entries (agreed, proposed, deferred). */
  items: number;
  /** Entries that replace an asset: uncovered replacements and items covering one. */
  replacements: number;
  /** Entries without a cost. */
  uncosted: number;
  /** The clients with entries here, by name. */
  clients: { id: string; name: string }[];
  renewals: Renewal[];
}

export type QuietReason = 'no-work' | 'thin';

export interface RoadmapQuarter extends RoadmapBucket {
  /** `2027-Q1`. */
  key: string;
  year: number;
  /** 1 to 4. */
  q: number;
  start: PlainDate;
  /** Last day of the quarter. */
  end: PlainDate;
  quiet: boolean;
  quietReason: QuietReason | null;
}

export interface PortfolioRoadmap {
  asOf: PlainDate;
  /** The quarters from the one holding the as-of date. */
  quarters: RoadmapQuarter[];
  /** Not done, ended before the first quarter: overdue or never rescheduled. */
  overdue: RoadmapBucket;
  /** Starting after the last quarter. */
  later: RoadmapBucket;
  /** Sums over the quarters (not overdue, not later). */
  totals: StatusTotals;
  planned: Cents;
  /** Renewals and replacements over the quarters. */
  lifecycle: Lifecycle;
  /** planned + lifecycle.total over the quarters. */
  expected: Cents;
  /** Median expected money per quarter (planned work, renewals and replacements), in cents (may be x.5). */
  medianPlanned: number;
  /** Expected money below this (cents) makes a quarter with costs `thin`. */
  quietBelow: number;
}

function emptyBucket(key: string, label: string): RoadmapBucket {
  return {
    key, label, entries: [], done: [], totals: zeroTotals(), planned: 0, lifecycle: zeroLifecycle(), expected: 0,
    counts: { proposed: 0, agreed: 0, deferred: 0, done: 0, declined: 0 },
    items: 0, replacements: 0, uncosted: 0, clients: [], renewals: [],
  };
}

/** `localeCompare` without a locale, made once (a bucket of 10,000 clients sorts many times). */
const collate = new Intl.Collator().compare;

const compareInBucket = (a: RoadmapEntry, b: RoadmapEntry) =>
  compareDates(a.start, b.start) ||
  collate(a.clientName, b.clientName) ||
  collate(a.client, b.client) ||
  compareEntries(a, b) ||
  collate(a.title, b.title);

function finishBucket(bucket: RoadmapBucket): void {
  bucket.entries.sort(compareInBucket);
  bucket.done.sort(compareInBucket);
  for (const e of [...bucket.entries, ...bucket.done]) {
    if (e.kind === 'item') bucket.totals[e.status] += e.cost ?? 0;
    bucket.counts[e.status] += 1;
  }
  bucket.planned = bucket.totals.agreed + bucket.totals.proposed;
  bucket.lifecycle = lifecycleOf(bucket.renewals, bucket.entries);
  bucket.expected = bucket.planned + bucket.lifecycle.total;
  bucket.items = bucket.entries.length;
  bucket.replacements = bucket.entries.filter((e) => e.replaces.length > 0).length;
  bucket.uncosted = bucket.entries.filter((e) => e.cost === null).length;
  const clients = new Map<string, string>();
  for (const e of bucket.entries) clients.set(e.client, e.clientName);
  bucket.clients = [...clients].map(([id, name]) => ({ id, name })).sort((a, b) => collate(a.name, b.name) || collate(a.id, b.id));
}

/** The portfolio's planned work and cost by quarter. Former clients are left out. */
export function portfolioRoadmap(clients: readonly Client[], options: RoadmapOptions): PortfolioRoadmap {
  const count = options.quarters ?? ROADMAP_QUARTERS;
  const first = quarterStart(options.asOf);
  const until = horizonEnd(options.asOf, count);
  const quarters: RoadmapQuarter[] = Array.from({ length: count }, (_, i) => {
    const start = addMonths(first, 3 * i);
    const key = quarterOf(start);
    return {
      ...emptyBucket(key, `Q${Math.floor((start.month - 1) / 3) + 1} ${start.year}`),
      year: start.year,
      q: Math.floor((start.month - 1) / 3) + 1,
      start,
      end: addDays(addMonths(start, 3), -1),
      quiet: false,
      quietReason: null,
    };
  });
  const overdue = emptyBucket('overdue', 'Overdue or unscheduled');
  const later = emptyBucket('later', 'Later');
  const indexOf = (date: PlainDate) =>
    Math.floor(((date.year - first.year) * 12 + (date.month - first.month)) / 3);

  for (const client of clients) {
    if (client.data.status === 'former') continue;
    for (const entry of roadmapEntries(client, options.locale)) {
      if (entry.status === 'declined') continue;
      if (compareDates(entry.start, until) >= 0) {
        if (entry.status !== 'done') later.entries.push(entry);
        continue;
      }
      if (compareDates(entry.end, first) < 0) {
        if (entry.status !== 'done') overdue.entries.push(entry);
        continue;
      }
      const startedBefore = compareDates(entry.start, first) < 0;
      const placed: RoadmapEntry = startedBefore ? { ...entry, startedBefore: true } : entry;
      const quarter = quarters[startedBefore ? 0 : indexOf(entry.start)]!;
      (entry.status === 'done' ? quarter.done : quarter.entries).push(placed);
    }
    for (const renewal of renewals(client, options.asOf, until))
      quarters[renewal.overdue ? 0 : indexOf(renewal.expires)]!.renewals.push(renewal);
  }

  for (const q of quarters) {
    q.renewals.sort((a, b) => compareDates(a.expires, b.expires) || collate(a.clientName, b.clientName) || a.index - b.index);
  }
  for (const bucket of [...quarters, overdue, later]) finishBucket(bucket);

  const sorted = quarters.map((q) => q.expected).sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  // Twice the median, an integer: the quiet test below stays in integers.
  const twiceMedian = sorted.length === 0 ? 0 : sorted.length % 2 ? 2 * sorted[mid]! : sorted[mid - 1]! + sorted[mid]!;
  for (const q of quarters) {
    const plannedEntries = q.entries.filter((e) => e.status === 'agreed' || e.status === 'proposed');
    if (plannedEntries.length === 0 && q.lifecycle.total === 0) {
      q.quiet = true;
      q.quietReason = 'no-work';
    } else if (twiceMedian > 0 && q.expected * 2 * QUIET_FRACTION.denominator < twiceMedian * QUIET_FRACTION.numerator) {
      q.quiet = true;
      q.quietReason = 'thin';
    }
  }

  const totals = zeroTotals();
  const lifecycle = zeroLifecycle();
  for (const q of quarters) {
    for (const status of Object.keys(totals) as RoadmapStatus[]) totals[status] += q.totals[status];
    lifecycle.renewals += q.lifecycle.renewals;
    lifecycle.replacements += q.lifecycle.replacements;
  }
  lifecycle.total = lifecycle.renewals + lifecycle.replacements;
  const planned = totals.agreed + totals.proposed;
  return {
    asOf: options.asOf,
    quarters,
    overdue,
    later,
    totals,
    planned,
    lifecycle,
    expected: planned + lifecycle.total,
    medianPlanned: twiceMedian / 2,
    quietBelow: (twiceMedian / 2) * (QUIET_FRACTION.numerator / QUIET_FRACTION.denominator),
  };
}

/** Quarter keys of the horizon, for tables: `['2026-Q4', '2027-Q1', ...]`. */
export function horizonQuarters(asOf: PlainDate, quarters = ROADMAP_QUARTERS): string[] {
  const first = quarterStart(asOf);
  return Array.from({ length: quarters }, (_, i) => quarterOf(addMonths(first, 3 * i)));
}
