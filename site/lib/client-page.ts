/** Everything the client page shows, in the order it shows it. */
import { growthHorizon } from '#core/model/growth';
import { compareDatedFirst, compareDates, daysBetween, type PlainDate } from '#core/dates';
import type { Client } from '#core/model/client';
import { nextGrowthCheck, nextMeeting, type AgendaItem } from '#core/model/due';
import type { HealthSignal } from '#core/model/health';
import type { Action } from '#core/schema/action';
import type { ClientType, Involvement } from '#core/schema/client';
import type { Outlook } from '#core/schema/growth';
import type { Cadence } from '#core/schema/meetings';
import type { Person } from '#core/schema/person';
import type { HistoryEntry } from '#core/git/history';
import { assetRows, lifeCycleCounts, type AssetRow, type LifeCycle } from './assets.ts';
import { extensionEntries, nestedExtensionEntries, type ExtensionEntry } from './extensions.ts';
import { INVOLVEMENT_GUIDANCE, TYPE_GUIDANCE, type Guidance } from './guidance.ts';
import { renderNotes } from './markdown.ts';
import type { PortfolioIndex } from './portfolio-index.ts';

export interface ClientLink {
  id: string;
  name: string;
}

export interface GrowthView {
  outlook: Outlook;
  asked: PlainDate | null;
  /** Days from `asked` to the as-of date. */
  askedDaysAgo: number | null;
  /** The next time to ask (a year after `asked`); null when never asked; undefined for clients not asked (not active). */
  nextAsk: PlainDate | null | undefined;
  /** Asking is due: a year has passed, or it was never asked. */
  askDue: boolean;
  horizon: number | null;
  headcountNow: number | null;
  headcountThen: number | null;
  revenue: string | null;
  note: string | null;
}

export interface MeetingsView {
  cadence: Cadence;
  last: PlainDate | null;
  /** The next meeting: null when never met, undefined without a cadence. */
  next: PlainDate | null | undefined;
  overdue: boolean;
}

export interface ClientPageData {
  client: Client;
  contact: Person | undefined;
  people: readonly Person[];
  involvement: { value: Involvement | 'unknown'; guidance: Guidance };
  type: { value: ClientType; guidance: Guidance };
  signals: readonly HealthSignal[];
  /** Open items with a date or overdue, most urgent first. */
  due: readonly AgendaItem[];
  growth: GrowthView;
  meetings: MeetingsView | undefined;
  openActions: { action: Action; index: number }[];
  doneActions: { action: Action; index: number }[];
  assets: AssetRow[];
  assetCounts: Record<LifeCycle, number>;
  referredBy: ClientLink | undefined;
  referred: ClientLink[];
  extensions: ExtensionEntry[];
  notesHtml: string;
  /** Newest first; undefined when there is no history (the section is left out). */
  history: readonly HistoryEntry[] | undefined;
}

/** The page of one client: reads only that client and the portfolio's shared lookups. */
export function clientPageData(index: PortfolioIndex, client: Client): ClientPageData {
  const { asOf, settings } = index.portfolio;
  const data = client.data;
  const referrer = data.referred_by ? index.byId.get(data.referred_by) : undefined;
  const actions = data.actions.map((action, i) => ({ action, index: i }));
  const assets = assetRows(data.assets, asOf, settings.dueWindow, settings.assetNotice);
  const meeting = nextMeeting(client);
  return {
    client,
    contact: data.contact,
    people: data.people ?? [],
    involvement: { value: data.involvement ?? 'unknown', guidance: INVOLVEMENT_GUIDANCE[data.involvement ?? 'unknown'] },
    type: { value: data.type, guidance: TYPE_GUIDANCE[data.type] },
    signals: index.health.get(client.id) ?? [],
    due: index.items.get(client.id) ?? [],
    growth: growthView(client, asOf),
    meetings: data.meetings
      ? {
          cadence: data.meetings.cadence,
          last: data.meetings.last ?? null,
          // A former client has nothing due: no next meeting to name, none overdue.
          next: data.status === 'former' ? undefined : meeting,
          overdue: data.status !== 'former' && (meeting === null || (meeting !== undefined && compareDates(meeting, asOf) < 0)),
        }
      : undefined,
    openActions: actions.filter((a) => !a.action.done).sort((a, b) => compareDatedFirst(a.action.due, b.action.due) || a.index - b.index),
    doneActions: actions.filter((a) => a.action.done).sort((a, b) => compareDates(b.action.done!, a.action.done!) || a.index - b.index),
    assets,
    assetCounts: lifeCycleCounts(assets),
    referredBy: referrer ? { id: referrer.id, name: referrer.data.name } : undefined,
    referred: (index.referrals.get(client.id) ?? []).map((c) => ({ id: c.id, name: c.data.name })),
    extensions: [...extensionEntries(client.extensions), ...nestedExtensionEntries(data)],
    notesHtml: renderNotes(client.body),
    history: index.history?.get(client.id),
  };
}

function growthView(client: Client, asOf: PlainDate): GrowthView {
  const growth = client.data.growth;
  const next = nextGrowthCheck(client);
  return {
    outlook: growth.outlook,
    asked: growth.asked ?? null,
    askedDaysAgo: growth.asked ? daysBetween(growth.asked, asOf) : null,
    nextAsk: next,
    askDue: next === null || (next !== undefined && compareDates(next, asOf) <= 0),
    horizon: growthHorizon(growth)?.year ?? null,
    headcountNow: client.data.employees ?? null,
    headcountThen: growth.headcount ?? null,
    revenue: growth.revenue ?? null,
    note: growth.note ?? null,
  };
}

/**
 * The page's table of contents: the sections in page order, those that are always there and those
 * shown only when they have something (your fields, history or why there is none).
 */
export function clientSections(view: ClientPageData, historyNote: string | undefined): [id: string, label: string][] {
  return [
    ['due', 'Due'],
    ['growth', 'Outlook'],
    ['actions', 'Actions'],
    ['assets', 'Assets'],
    ['roadmap', 'Roadmap'],
    ['referrals', 'Referrals'],
    ['notes', 'Notes'],
    ...(view.extensions.length ? [['fields', 'Your fields'] as [string, string]] : []),
    ...(view.history || historyNote ? [['history', 'History'] as [string, string]] : []),
  ];
}
