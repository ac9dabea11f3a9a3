/**
 * The yearly roadmap meeting sheet of one client (seed 004): the standard questions, each with what
 * the client's file says from last time, and the roadmap and assets to go through. Data only; the
 * site renders and prints it.
 *
 * The wording follows `templates/roadmap-questions.md` (the blank questionnaire) so that the printed
 * sheet and the blank one match, but it is copied here: the sheet must not break when someone edits
 * the template. Keep the two in step by hand.
 */
import { addInterval, compareDatedFirst, compareDates, parsePeriod, type PlainDate } from '../dates.ts';
import type { Asset, AssetKind } from '../schema/asset.ts';
import type { ClientType, Involvement } from '../schema/client.ts';
import type { Cadence } from '../schema/meetings.ts';
import type { Person } from '../schema/person.ts';
import type { RoadmapStatus } from '../schema/roadmap-item.ts';
import { growthHorizon } from './growth.ts';
import type { Client } from './client.ts';
import { nextMeeting } from './due.ts';
import { formatCents, type Cents } from './money.ts';
import { MEETING_QUESTIONS } from './meeting-questions.ts';
import { roadmapByYear, type RoadmapYear } from './roadmap-by-year.ts';
import { periodLabel, renewals as renewalsOf, roadmapEntries, type RoadmapEntry } from './roadmap.ts';
import { plural } from '../text/plural.ts';

/** One thing the file says, printed under a question as last time's answer. */
export interface PreviousAnswer {
  /** Short label: "Outlook", "Asked", "Today". */
  label: string;
  /** The value, ready to print. */
  value: string;
  /** The field it comes from (`growth.outlook`), or `roadmap`/`assets` for figures computed from lists. */
  source: string;
}

export interface SheetQuestion {
  /** Stable id (`outlook`, `headcount-later`), for anchors and tests. */
  id: string;
  text: string;
  /** Boxes to tick, where the question is a checklist. */
  choices?: string[];
  /** What the file says; empty when the format has no field for it or the file leaves it out. */
  previous: PreviousAnswer[];
  /** Suggested number of blank lines to write the answer on. */
  lines: number;
}

export interface SheetSection {
  id: string;
  title: string;
  questions: SheetQuestion[];
}

/** A roadmap year on the sheet: entries still open, and their money (roadmap-by-year.ts). */
export type SheetYear = RoadmapYear;

/** An asset due for replacement or whose warranty, licence or subscription ends within the sheet's horizon. */
export interface SheetAsset {
  name: string;
  kind: AssetKind;
  acquired?: string;
  seats?: number;
  /** End of warranty, licence or subscription, when it falls before the horizon end (may be past). */
  expires?: PlainDate;
  expired: boolean;
  /** Planned replacement, when it starts before the horizon end (may be past). */
  replace?: { when: string; label: string; start: PlainDate };
  /** The earlier of the two dates, for sorting. */
  first: PlainDate;
  note?: string;
}

export interface MeetingSheet {
  client: {
    id: string;
    name: string;
    type: ClientType;
    involvement?: Involvement;
    contact?: Person;
    employees?: number;
    location?: string;
  };
  /** The day the sheet is prepared for. */
  asOf: PlainDate;
  /** When the outlook was last asked; null if never. */
  lastAsked: PlainDate | null;
  /** The next meeting as the file has it (null: never met; undefined: no cadence). */
  nextMeeting: PlainDate | null | undefined;
  sections: SheetSection[];
  roadmap: {
    /** Not done, whose period ended before the as-of date (also in the first year: roadmap-by-year.ts). */
    overdue: RoadmapEntry[];
    /** From the as-of year, three more years: open entries by the year they start in (roadmap-by-year.ts). */
    years: SheetYear[];
    /** Starting after the last year. */
    later: RoadmapEntry[];
    /** Done, with a period ending in the last 12 months (roadmap-by-year.ts). */
    doneRecently: RoadmapEntry[];
    /** Declined in the last two years: worth asking again? (Seeds planted for years.) */
    declined: RoadmapEntry[];
  };
  /** Replacements and expiries before the horizon end (three years from the as-of date), earliest first. */
  assets: SheetAsset[];
  /** Open actions, dated first by date, then undated. */
  openActions: { title: string; due: PlainDate | null }[];
}

export interface MeetingSheetOptions {
  asOf: PlainDate;
  currency: string;
  locale: string;
  /** Years ahead the sheet looks (after the as-of year); default 3. */
  years?: number;
}

const OUTLOOK_WORDS = { growing: 'Growing', stable: 'Staying about the same', shrinking: 'Getting smaller', unknown: 'Unknown' } as const;
const INVOLVEMENT_WORDS: Record<Involvement, string> = {
  'hands-on': 'Hands-on: wants the details and the documents',
  'hands-off': 'Hands-off: "just fix it and send me the bill"',
  'just-right': 'Just right: wants to understand, leaves the expert work to us',
};
const CADENCE_WORDS: Record<Cadence, string> = {
  weekly: 'Weekly', monthly: 'Monthly', quarterly: 'Quarterly', yearly: 'Once a year', none: 'No regular meeting',
};
/** Kinds that are renewed rather than replaced: the "subscriptions and licences" question. */
const RENEWED_KINDS = new Set<AssetKind>(['software', 'licence', 'subscription', 'domain']);
const STATUS_WORDS: Record<RoadmapStatus, string> = {
  agreed: 'agreed', proposed: 'proposed', deferred: 'deferred', done: 'done', declined: 'declined',
};

/** The roadmap meeting sheet of one client. */
export function meetingSheet(client: Client, options: MeetingSheetOptions): MeetingSheet {
  const { asOf, currency, locale } = options;
  const yearsAhead = options.years ?? 3;
  const data = client.data;
  const growth = data.growth;
  const money = (cents: Cents) => formatCents(cents, currency, locale);
  // Dates as every page of the site writes them, in the portfolio's locale, like the amounts beside them.
  const day = (date: PlainDate) => periodLabel('day', date, locale);
  const dayOrMonth = (text: string) => {
    const period = parsePeriod(text);
    return period ? periodLabel(period.kind, period.start, locale) : text;
  };
  const horizonEnd = addInterval(asOf, { count: yearsAhead, unit: 'year' });

  // --- the roadmap, grouped for the review ------------------------------------------------------
  const entries = roadmapEntries(client, locale);
  const byYear = roadmapByYear(entries, { asOf, through: asOf.year + yearsAhead });
  const { years, later, doneRecently } = byYear;
  const overdue = entries.filter((e) => byYear.overdue.has(e));
  const declined = entries.filter((e) => e.status === 'declined' && e.start.year >= asOf.year - 2);

  // --- assets -----------------------------------------------------------------------------------
  const assets: SheetAsset[] = [];
  for (const asset of data.assets ?? []) {
    const row = sheetAsset(asset, asOf, horizonEnd, locale);
    if (row) assets.push(row);
  }
  assets.sort((a, b) => compareDates(a.first, b.first) || a.name.localeCompare(b.name));

  // --- previous answers ---------------------------------------------------------------------------
  const outlook: PreviousAnswer[] = [{ label: 'Outlook', value: OUTLOOK_WORDS[growth.outlook], source: 'growth.outlook' }];
  if (growth.asked) outlook.push({ label: 'Asked', value: day(growth.asked), source: 'growth.asked' });
  else outlook.push({ label: 'Asked', value: 'never: this is the first time', source: 'growth.asked' });
  const reach = growthHorizon(growth);
  const horizon = reach?.year;
  if (reach)
    outlook.push({ label: 'Looking to', value: reach.stated ? String(reach.year) : `${reach.year} (three years after asking)`, source: 'growth.horizon' });

  const today: PreviousAnswer[] =
    data.employees === undefined ? [] : [{ label: 'People', value: String(data.employees), source: 'employees' }];
  const laterHeadcount: PreviousAnswer[] = [];
  if (growth.headcount !== undefined) {
    let value = `${growth.headcount}${horizon !== undefined ? ` by ${horizon}` : ''}`;
    if (data.employees !== undefined) {
      const diff = growth.headcount - data.employees;
      value += diff > 0 ? ` (${diff} more than today)` : diff < 0 ? ` (${-diff} fewer than today)` : ' (as many as today)';
    }
    laterHeadcount.push({ label: 'Expected', value, source: 'growth.headcount' });
  }
  const revenue: PreviousAnswer[] = growth.revenue ? [{ label: 'Said', value: growth.revenue, source: 'growth.revenue' }] : [];
  const plans: PreviousAnswer[] = growth.note ? [{ label: 'Noted', value: growth.note, source: 'growth.note' }] : [];

  const doneCents = doneRecently.reduce((sum, e) => sum + (e.cost ?? 0), 0);
  const spent: PreviousAnswer[] = doneRecently.length
    ? [{ label: 'Roadmap work done in the last 12 months', value: `${money(doneCents)} (${plural(doneRecently.length, 'item')})`, source: 'roadmap' }]
    : [];
  const nextYearEnd = asOf.add({ years: 1 });
  const nextYear = entries.filter(
    // Overdue work included: it is still to do in the next 12 months (roadmap-by-year.ts).
    (e) => (e.status === 'agreed' || e.status === 'proposed') && compareDates(e.start, nextYearEnd) < 0,
  );
  const sumOf = (list: RoadmapEntry[], status: RoadmapStatus) =>
    list.filter((e) => e.kind === 'item' && e.status === status).reduce((s, e) => s + (e.cost ?? 0), 0);
  const lifecycle =
    renewalsOf(client, asOf, nextYearEnd).reduce((s, r) => s + (r.cost ?? 0), 0) +
    nextYear.filter((e) => e.kind === 'replacement').reduce((s, e) => s + (e.cost ?? 0), 0);
  const budget: PreviousAnswer[] = nextYear.length || lifecycle
    ? [
        {
          label: 'On the roadmap for the next 12 months',
          value:
            `${money(sumOf(nextYear, 'agreed'))} agreed, ${money(sumOf(nextYear, 'proposed'))} proposed` +
            (lifecycle ? `, and ${money(lifecycle)} of renewals and replacements` : ''),
          source: 'roadmap',
        },
      ]
    : [];
  // The as-of year is often nearly over at the meeting; left out of the spread when nothing is left in it.
  const spreadYears = years.filter((y) => y.year !== asOf.year || y.entries.length > 0);
  const spread: PreviousAnswer[] = spreadYears.some((y) => y.totals.agreed + y.totals.proposed > 0)
    ? [{
        label: 'Agreed and proposed by year',
        value: spreadYears.map((y) => `${y.year}: ${money(y.totals.agreed + y.totals.proposed)}`).join('; '),
        source: 'roadmap',
      }]
    : [];
  const renewing = assets.filter(
    (a) => RENEWED_KINDS.has(a.kind) && a.expires && !a.expired && compareDates(a.expires, nextYearEnd) < 0,
  );
  const renewals: PreviousAnswer[] = renewing.map((a) => ({
    label: a.name,
    value: `ends ${day(a.expires!)}${a.seats ? `, ${plural(a.seats, 'seat')}` : ''}`,
    source: 'assets',
  }));
  const replacing: PreviousAnswer[] = assets.map((a) => ({
    label: a.name,
    value: [
      a.replace ? `replace ${a.replace.label}` : undefined,
      a.expires ? `${a.expired ? 'ended' : 'ends'} ${day(a.expires)}` : undefined,
      a.acquired ? `bought ${dayOrMonth(a.acquired)}` : undefined,
    ].filter(Boolean).join('; '),
    source: 'assets',
  }));
  const contact: PreviousAnswer[] = data.contact
    ? [{ label: 'Contact', value: [data.contact.name, data.contact.role].filter(Boolean).join(', '), source: 'contact' }]
    : [];
  for (const p of data.people ?? []) contact.push({ label: 'Also', value: [p.name, p.role].filter(Boolean).join(', '), source: 'people' });
  const involvement: PreviousAnswer[] = data.involvement
    ? [{ label: 'Noted', value: INVOLVEMENT_WORDS[data.involvement], source: 'involvement' }]
    : [];
  const next = nextMeeting(client);
  const meetings: PreviousAnswer[] = [];
  if (data.meetings) {
    meetings.push({ label: 'Rhythm', value: CADENCE_WORDS[data.meetings.cadence], source: 'meetings.cadence' });
    meetings.push({ label: 'Last meeting', value: data.meetings.last ? day(data.meetings.last) : 'none on record', source: 'meetings.last' });
    if (next) meetings.push({ label: 'Next due', value: day(next), source: 'meetings' });
  }
  const openActions = data.actions
    .filter((a) => !a.done)
    .map((a) => ({ title: a.title, due: a.due ?? null }))
    .sort((a, b) => compareDatedFirst(a.due, b.due));
  const nextAction: PreviousAnswer[] = openActions.slice(0, 3).map((a) => ({
    label: a.due ? day(a.due) : 'No date',
    value: a.title,
    source: 'actions',
  }));
  const roadmapReview: PreviousAnswer[] = [...years.flatMap((y) => y.entries), ...later].map((e) => ({
    label: e.label,
    value: `${e.title} (${STATUS_WORDS[e.status]}${e.cost !== null ? `, ${money(e.cost)}` : ''})`,
    source: e.kind === 'item' ? 'roadmap' : 'assets',
  }));

  // Last time's answers, by question id.
  const previous: Record<string, PreviousAnswer[]> = {
    'outlook': outlook,
    'headcount-now': today,
    'headcount-later': laterHeadcount,
    'revenue': revenue,
    'plans': plans,
    'spent': spent,
    'budget': budget,
    'spread': spread,
    'renewals': renewals,
    'replacements': replacing,
    'contact': contact,
    'involvement': involvement,
    'meetings': meetings,
    'roadmap-review': roadmapReview,
    'next-action': nextAction,
    'next-meeting': next ? [{ label: 'Due', value: day(next), source: 'meetings' }] : [],
  };
  const sections: SheetSection[] = MEETING_QUESTIONS.map((section) => ({
    id: section.id,
    title: section.title,
    questions: section.questions.map(({ id, text, lines = 2, choices }) => ({ id, text, previous: previous[id] ?? [], lines, ...(choices ? { choices } : {}) })),
  }));

  return {
    client: {
      id: client.id,
      name: data.name,
      type: data.type,
      ...(data.involvement ? { involvement: data.involvement } : {}),
      ...(data.contact ? { contact: data.contact } : {}),
      ...(data.employees !== undefined ? { employees: data.employees } : {}),
      ...(data.location ? { location: data.location } : {}),
    },
    asOf,
    lastAsked: growth.asked ?? null,
    nextMeeting: next,
    sections,
    roadmap: { overdue, years, later, doneRecently, declined },
    assets,
    openActions,
  };
}

function sheetAsset(asset: Asset, asOf: PlainDate, horizonEnd: PlainDate, locale: string): SheetAsset | undefined {
  // Retired: gone, kept for the history (FORMAT 1.1); nothing left to decide at the meeting.
  if (asset.status === 'retired') return undefined;
  const replaceDue = asset.replace && compareDates(asset.replace.start, horizonEnd) < 0;
  const expiresDue = asset.expires && compareDates(asset.expires, horizonEnd) < 0;
  if (!replaceDue && !expiresDue) return undefined;
  const dates = [replaceDue ? asset.replace!.start : undefined, expiresDue ? asset.expires! : undefined].filter(
    (d): d is PlainDate => d !== undefined,
  );
  const first = dates.reduce((a, b) => (compareDates(a, b) <= 0 ? a : b));
  return {
    name: asset.name,
    kind: asset.kind,
    ...(asset.acquired ? { acquired: asset.acquired } : {}),
    ...(asset.seats ? { seats: asset.seats } : {}),
    ...(expiresDue ? { expires: asset.expires! } : {}),
    expired: !!expiresDue && compareDates(asset.expires!, asOf) < 0,
    ...(replaceDue
      ? { replace: { when: asset.replace!.text, label: periodLabel(asset.replace!.kind, asset.replace!.start, locale), start: asset.replace!.start } }
      : {}),
    first,
    ...(asset.note ? { note: asset.note } : {}),
  };
}
