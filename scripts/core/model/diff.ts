/**
 * What changed in the portfolio's commitments between two versions of it, client by client: the
 * pull-request view. Pure: it compares two sets of validated clients, wherever they were read from.
 *
 * Matching: clients by id (a file moved to a subfolder is the same client; a renamed file is a new
 * id, so one client removed and one added). Actions by title, with one heuristic for renames: an
 * action removed and one added with the same due date, recurrence and state and a title at most 40%
 * different are one action renamed. Roadmap items by title and assets by name, in order when a
 * title repeats.
 */
import { distance } from 'fastest-levenshtein';
import { addInterval, compareDatedFirst, compareDates, type Interval, type PlainDate } from '../dates.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { Action } from '../schema/action.ts';
import type { Asset, AssetStatus } from '../schema/asset.ts';
import type { Person } from '../schema/person.ts';
import type { RoadmapItem, RoadmapStatus } from '../schema/roadmap-item.ts';
import type { Client } from './client.ts';

/** One change to one client. Dates are `YYYY-MM-DD`; null means "none". */
export type Change =
  | { kind: 'action-added'; title: string; due: string | null }
  /** `done` newly set. */
  | { kind: 'action-done'; title: string; on: string }
  /** A recurring action completed: its `due` moved forward by a whole number of intervals. */
  | { kind: 'action-recurred'; title: string; from: string; to: string }
  | { kind: 'action-reopened'; title: string }
  /** `done` is the completion date of an action removed after it was done (housekeeping), null for an open one (dropped). */
  | { kind: 'action-removed'; title: string; due: string | null; done: string | null }
  /** `due` changed for another reason: slipped (later), brought forward, set or cleared. */
  | { kind: 'action-moved'; title: string; from: string | null; to: string | null }
  | { kind: 'action-renamed'; title: string; from: string }
  | { kind: 'action-recurrence'; title: string; from: string | null; to: string | null }
  /** `notice` of an action set, changed or cleared (an interval as written, e.g. `60 days`). */
  | { kind: 'action-notice'; title: string; from: string | null; to: string | null }
  | { kind: 'field'; field: ClientField; from: string | null; to: string | null }
  /** `meetings.cadence` set, changed or cleared (`none` is a rhythm: no regular meetings). */
  | { kind: 'meeting-cadence'; from: string | null; to: string | null }
  /** `meetings.last` moved later: a meeting was held (`previous` is the meeting before it). */
  | { kind: 'meeting-held'; on: string; previous: string | null }
  /** `meetings.last` moved earlier or was cleared: a correction, not a meeting. */
  | { kind: 'meeting-last'; from: string | null; to: string | null }
  /** `growth.asked` moved later: the outlook check was done (`outlook` changes are their own `field` change). */
  | { kind: 'outlook-asked'; on: string; previous: string | null }
  /** Same contact person, other details (role, e-mail, phone, note). */
  | { kind: 'contact-details'; name: string; fields: string[] }
  | { kind: 'roadmap-added'; title: string; when: string; status: RoadmapStatus; cost: number | null }
  | { kind: 'roadmap-removed'; title: string; when: string; status: RoadmapStatus }
  | { kind: 'roadmap-status'; title: string; from: RoadmapStatus; to: RoadmapStatus }
  | { kind: 'roadmap-moved'; title: string; from: string; to: string }
  | { kind: 'roadmap-cost'; title: string; from: number | null; to: number | null }
  | { kind: 'asset-added'; title: string; assetKind: string; expires: string | null }
  /** `expires` moved later or was set: a warranty, licence or subscription renewed. */
  | { kind: 'asset-renewed'; title: string; from: string | null; to: string }
  /** `expires` moved earlier or was cleared. */
  | { kind: 'asset-expiry'; title: string; from: string | null; to: string | null }
  | { kind: 'asset-replace'; title: string; from: string | null; to: string | null }
  /** The asset was retired while a replacement was planned: the replacement is done. */
  | { kind: 'asset-replaced'; title: string; planned: string }
  /** `status` changed otherwise (`in-use`, `accepted`, `retired`). */
  | { kind: 'asset-status'; title: string; from: AssetStatus; to: AssetStatus }
  /** The renewal cycle (`renew`) set, changed or cleared. */
  | { kind: 'asset-renew'; title: string; from: string | null; to: string | null }
  /** `notice` of an asset set, changed or cleared. */
  | { kind: 'asset-notice'; title: string; from: string | null; to: string | null }
  /** `cost` (of the next renewal or the replacement) set, changed or cleared. */
  | { kind: 'asset-cost'; title: string; from: number | null; to: number | null }
  | { kind: 'asset-removed'; title: string }
  | { kind: 'file-moved'; from: string; to: string };

export type ClientField = 'name' | 'type' | 'status' | 'involvement' | 'outlook' | 'contact';

/** A client as a whole, for new and removed clients. */
export interface ClientSummary {
  type: string;
  status: string;
  contact: string | null;
  openActions: number;
  /** The open action due first (or the first undated one). */
  nextAction: { title: string; due: string | null } | null;
  roadmapItems: number;
  roadmapCost: number;
  assets: number;
}

export interface ClientDiff {
  id: string;
  /** The client's name (the newer one where both exist). */
  name: string;
  /** Display path of the file (the newer one where both exist). */
  file: string;
  status: 'changed' | 'added' | 'removed';
  /** For `changed`; empty for `added` and `removed`, which carry `summary`. */
  changes: Change[];
  summary?: ClientSummary;
}

/** A file that does not validate in one of the two versions: its client is not compared. */
export interface InvalidFile {
  id: string;
  file: string;
  errors: number;
  /** The first errors. */
  diagnostics: Diagnostic[];
}

/** One version of the portfolio, reduced to what differs from the other. */
export interface DiffSide {
  /** Clients that validate, by id. */
  clients: ReadonlyMap<string, Client>;
  /** Files that do not validate (two files with one id are two entries). */
  invalid: readonly InvalidFile[];
}

export interface PortfolioDiff {
  /** Changed clients, then new ones, then removed ones, each by name. */
  clients: ClientDiff[];
  invalid: (InvalidFile & { side: 'from' | 'to' })[];
}

export function diffPortfolios(from: DiffSide, to: DiffSide, locale = 'en-US'): PortfolioDiff {
  // A version that does not validate cannot be compared; it is reported instead.
  const unreadable = new Set([...from.invalid, ...to.invalid].map((f) => f.id));
  const clients: ClientDiff[] = [];
  for (const id of new Set([...from.clients.keys(), ...to.clients.keys()])) {
    if (unreadable.has(id)) continue;
    const a = from.clients.get(id);
    const b = to.clients.get(id);
    if (a && b) {
      const changes = diffClient(a, b);
      if (changes.length > 0) clients.push({ id, name: b.data.name, file: b.file, status: 'changed', changes });
    } else if (b) {
      clients.push({ id, name: b.data.name, file: b.file, status: 'added', changes: [], summary: summarize(b) });
    } else if (a) {
      clients.push({ id, name: a.data.name, file: a.file, status: 'removed', changes: [], summary: summarize(a) });
    }
  }
  const order = { changed: 0, added: 1, removed: 2 };
  clients.sort((x, y) => order[x.status] - order[y.status] || x.name.localeCompare(y.name, locale) || x.id.localeCompare(y.id));
  const invalid = [
    ...from.invalid.map((f) => ({ ...f, side: 'from' as const })),
    ...to.invalid.map((f) => ({ ...f, side: 'to' as const })),
  ].sort((x, y) => x.file.localeCompare(y.file) || (x.side === y.side ? 0 : x.side === 'from' ? -1 : 1));
  return { clients, invalid };
}

/** Every change from `a` to `b`, two versions of one client. */
export function diffClient(a: Client, b: Client): Change[] {
  const changes: Change[] = [];
  if (a.file !== b.file) changes.push({ kind: 'file-moved', from: a.file, to: b.file });
  const field = (name: ClientField, x: string | undefined, y: string | undefined) => {
    if ((x ?? null) !== (y ?? null)) changes.push({ kind: 'field', field: name, from: x ?? null, to: y ?? null });
  };
  field('name', a.data.name, b.data.name);
  field('type', a.data.type, b.data.type);
  field('status', a.data.status, b.data.status);
  field('involvement', a.data.involvement, b.data.involvement);
  field('outlook', a.data.growth.outlook, b.data.growth.outlook);
  changes.push(...diffMeetings(a, b));
  changes.push(...diffContact(a.data.contact, b.data.contact));
  changes.push(...diffActions(a.data.actions, b.data.actions));
  changes.push(...diffRoadmap(a.data.roadmap ?? [], b.data.roadmap ?? []));
  changes.push(...diffAssets(a.data.assets ?? [], b.data.assets ?? []));
  return changes;
}

const str = (d: PlainDate | undefined) => d?.toString() ?? null;
const text = (x: Interval | undefined) => x?.text ?? null;

/** The meeting rhythm and the meetings held; the outlook check (`growth.asked`). */
function diffMeetings(a: Client, b: Client): Change[] {
  const changes: Change[] = [];
  const [x, y] = [a.data.meetings, b.data.meetings];
  if ((x?.cadence ?? null) !== (y?.cadence ?? null)) changes.push({ kind: 'meeting-cadence', from: x?.cadence ?? null, to: y?.cadence ?? null });
  changes.push(...laterDate(x?.last, y?.last, (on, previous) => ({ kind: 'meeting-held', on, previous }), (from, to) => ({ kind: 'meeting-last', from, to })));
  changes.push(...laterDate(a.data.growth.asked, b.data.growth.asked, (on, previous) => ({ kind: 'outlook-asked', on, previous }), () => null));
  return changes;
}

/**
 * A date of the past that moved: later (or newly set) is the event it records; earlier or cleared is
 * a correction (`corrected` may return null where a correction is not worth a line).
 */
function laterDate(
  from: PlainDate | undefined,
  to: PlainDate | undefined,
  happened: (on: string, previous: string | null) => Change,
  corrected: (from: string | null, to: string | null) => Change | null,
): Change[] {
  if (str(from) === str(to)) return [];
  if (to && (!from || compareDates(to, from) > 0)) return [happened(to.toString(), str(from))];
  const change = corrected(str(from), str(to));
  return change ? [change] : [];
}

function diffContact(a: Person | undefined, b: Person | undefined): Change[] {
  if (!a && !b) return [];
  if (!a || !b || a.name !== b.name) return [{ kind: 'field', field: 'contact', from: a?.name ?? null, to: b?.name ?? null }];
  const fields = (['role', 'email', 'phone', 'note'] as const).filter((k) => (a[k] ?? null) !== (b[k] ?? null));
  return fields.length > 0 ? [{ kind: 'contact-details', name: b.name, fields }] : [];
}

const sameInterval = (x: Interval | undefined, y: Interval | undefined) =>
  x === undefined || y === undefined ? x === y : x.count === y.count && x.unit === y.unit;

/** `to` is `from` plus the interval a whole number of times (at least once): a recurring action done. */
function isRecurrence(from: PlainDate, to: PlainDate, every: Interval): boolean {
  if (compareDates(to, from) <= 0) return false;
  // Adding n intervals at once, as completing does, so month ends do not drift.
  for (let n = 1; n <= 10_000; n++) {
    const next = addInterval(from, every, n);
    const order = compareDates(next, to);
    if (order === 0) return true;
    if (order > 0) return false;
  }
  return false;
}

export function diffActions(before: readonly Action[], after: readonly Action[]): Change[] {
  const changes: Change[] = [];
  const afterByTitle = new Map(after.map((x) => [x.title, x]));
  const beforeTitles = new Set(before.map((x) => x.title));
  const removed: Action[] = [];
  for (const a of before) {
    const b = afterByTitle.get(a.title);
    if (b) changes.push(...diffAction(a, b));
    else removed.push(a);
  }
  const added = after.filter((b) => !beforeTitles.has(b.title));
  for (const [a, b] of pairRenamed(removed, added)) {
    changes.push({ kind: 'action-renamed', title: b.title, from: a.title }, ...diffAction(a, b));
    removed.splice(removed.indexOf(a), 1);
    added.splice(added.indexOf(b), 1);
  }
  for (const b of added) changes.push({ kind: 'action-added', title: b.title, due: str(b.due) });
  for (const a of removed) changes.push({ kind: 'action-removed', title: a.title, due: str(a.due), done: str(a.done) });
  return changes;
}

function diffAction(a: Action, b: Action): Change[] {
  const title = b.title;
  if (!a.done && b.done) return [{ kind: 'action-done', title, on: b.done.toString() }];
  const changes: Change[] = [];
  if (a.done && !b.done) changes.push({ kind: 'action-reopened', title });
  if (str(a.due) !== str(b.due)) {
    const every = b.every;
    if (!b.done && a.due && b.due && every && sameInterval(a.every, every) && isRecurrence(a.due, b.due, every))
      changes.push({ kind: 'action-recurred', title, from: a.due.toString(), to: b.due.toString() });
    else changes.push({ kind: 'action-moved', title, from: str(a.due), to: str(b.due) });
  }
  if (!sameInterval(a.every, b.every))
    changes.push({ kind: 'action-recurrence', title, from: a.every?.text ?? null, to: b.every?.text ?? null });
  if (!sameInterval(a.notice, b.notice)) changes.push({ kind: 'action-notice', title, from: text(a.notice), to: text(b.notice) });
  return changes;
}

/** Removed and added actions that are one action renamed: same dates and recurrence, similar title. */
function pairRenamed(removed: readonly Action[], added: readonly Action[]): [Action, Action][] {
  const candidates: { a: Action; b: Action; d: number }[] = [];
  for (const a of removed)
    for (const b of added) {
      if (str(a.due) !== str(b.due) || str(a.done) !== str(b.done) || !sameInterval(a.every, b.every)) continue;
      const d = distance(a.title.toLowerCase(), b.title.toLowerCase());
      if (d <= 0.4 * Math.max(a.title.length, b.title.length)) candidates.push({ a, b, d });
    }
  candidates.sort((x, y) => x.d - y.d);
  const pairs: [Action, Action][] = [];
  const used = new Set<Action>();
  for (const { a, b } of candidates) {
    if (used.has(a) || used.has(b)) continue;
    used.add(a).add(b);
    pairs.push([a, b]);
  }
  return pairs;
}

/** Pairs items with the same key in order of appearance; the rest are added or removed. */
function match<T>(before: readonly T[], after: readonly T[], key: (x: T) => string) {
  const pending = new Map<string, T[]>();
  for (const b of after) pending.set(key(b), [...(pending.get(key(b)) ?? []), b]);
  const pairs: [T, T][] = [];
  const removed: T[] = [];
  for (const a of before) {
    const b = pending.get(key(a))?.shift();
    if (b) pairs.push([a, b]);
    else removed.push(a);
  }
  return { pairs, removed, added: [...pending.values()].flat() };
}

export function diffRoadmap(before: readonly RoadmapItem[], after: readonly RoadmapItem[]): Change[] {
  const { pairs, removed, added } = match(before, after, (x) => x.title);
  const changes: Change[] = [];
  for (const [a, b] of pairs) {
    if (a.status !== b.status) changes.push({ kind: 'roadmap-status', title: b.title, from: a.status, to: b.status });
    if (a.when.text !== b.when.text) changes.push({ kind: 'roadmap-moved', title: b.title, from: a.when.text, to: b.when.text });
    if ((a.cost ?? null) !== (b.cost ?? null)) changes.push({ kind: 'roadmap-cost', title: b.title, from: a.cost ?? null, to: b.cost ?? null });
  }
  for (const b of added) changes.push({ kind: 'roadmap-added', title: b.title, when: b.when.text, status: b.status, cost: b.cost ?? null });
  for (const a of removed) changes.push({ kind: 'roadmap-removed', title: a.title, when: a.when.text, status: a.status });
  return changes;
}

export function diffAssets(before: readonly Asset[], after: readonly Asset[]): Change[] {
  const { pairs, removed, added } = match(before, after, (x) => x.name);
  const changes: Change[] = [];
  for (const [a, b] of pairs) {
    if (a.status !== b.status) {
      if (b.status === 'retired' && a.status !== 'retired' && a.replace) changes.push({ kind: 'asset-replaced', title: b.name, planned: a.replace.text });
      else changes.push({ kind: 'asset-status', title: b.name, from: a.status, to: b.status });
    }
    if (str(a.expires) !== str(b.expires)) {
      if (b.expires && (!a.expires || compareDates(b.expires, a.expires) > 0))
        changes.push({ kind: 'asset-renewed', title: b.name, from: str(a.expires), to: b.expires.toString() });
      else changes.push({ kind: 'asset-expiry', title: b.name, from: str(a.expires), to: str(b.expires) });
    }
    const replaced = a.status !== 'retired' && b.status === 'retired' && a.replace !== undefined;
    if (!replaced && (a.replace?.text ?? null) !== (b.replace?.text ?? null))
      changes.push({ kind: 'asset-replace', title: b.name, from: a.replace?.text ?? null, to: b.replace?.text ?? null });
    if (!sameInterval(a.renew, b.renew)) changes.push({ kind: 'asset-renew', title: b.name, from: text(a.renew), to: text(b.renew) });
    if (!sameInterval(a.notice, b.notice)) changes.push({ kind: 'asset-notice', title: b.name, from: text(a.notice), to: text(b.notice) });
    if ((a.cost ?? null) !== (b.cost ?? null)) changes.push({ kind: 'asset-cost', title: b.name, from: a.cost ?? null, to: b.cost ?? null });
  }
  for (const b of added) changes.push({ kind: 'asset-added', title: b.name, assetKind: b.kind, expires: str(b.expires) });
  for (const a of removed) changes.push({ kind: 'asset-removed', title: a.name });
  return changes;
}

export function summarize(client: Client): ClientSummary {
  const open = client.data.actions.filter((x) => !x.done);
  const next =
    [...open].sort((x, y) => compareDatedFirst(x.due, y.due))[0] ?? null;
  const roadmap = client.data.roadmap ?? [];
  return {
    type: client.data.type,
    status: client.data.status,
    contact: client.data.contact?.name ?? null,
    openActions: open.length,
    nextAction: next ? { title: next.title, due: str(next.due) } : null,
    roadmapItems: roadmap.length,
    roadmapCost: roadmap.reduce((sum, x) => sum + (x.cost ?? 0), 0),
    assets: client.data.assets?.length ?? 0,
  };
}
