/**
 * The yearly roadmap meeting sheet of one client (seed 004): the standard questions, each with what
 * the client's file says from last time, and the roadmap and assets to go through. Data only; the
 * site renders and prints it.
 *
 * The wording follows `templates/roadmap-questions.md` (the blank questionnaire) so that the printed
 * sheet and the blank one match, but it is copied here: the sheet must not break when someone edits
 * the template. Keep the two in step by hand.
 */
import { addInterval, compareDates, type PlainDate } from '../dates.ts';
import type { Asset, AssetKind } from '../schema/asset.ts';
import type { ClientType, Involvement } from '../schema/client.ts';
import type { Cadence } from '../schema/meetings.ts';
import type { Person } from '../schema/person.ts';
import type { RoadmapStatus } from '../schema/roadmap-item.ts';
import { growthHorizon } from './growth.ts';
import type { Client } from './client.ts';
import { nextMeeting } from './due.ts';
import { formatCents, type Cents } from './money.ts';
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

const q = (id: string, text: string, previous: PreviousAnswer[] = [], lines = 2, choices?: string[]): SheetQuestion => ({
  id, text, previous, lines, ...(choices ? { choices } : {}),
});

/** The roadmap meeting sheet of one client. */
export function meetingSheet(client: Client, options: MeetingSheetOptions): MeetingSheet {
  const { asOf, currency, locale } = options;
  const yearsAhead = options.years ?? 3;
  const data = client.data;
  const growth = data.growth;
  const money = (cents: Cents) => formatCents(cents, currency, locale);
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
  if (growth.asked) outlook.push({ label: 'Asked', value: growth.asked.toString(), source: 'growth.asked' });
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
    value: `ends ${a.expires!.toString()}${a.seats ? `, ${plural(a.seats, 'seat')}` : ''}`,
    source: 'assets',
  }));
  const replacing: PreviousAnswer[] = assets.map((a) => ({
    label: a.name,
    value: [
      a.replace ? `replace ${a.replace.label}` : undefined,
      a.expires ? `${a.expired ? 'ended' : 'ends'} ${a.expires.toString()}` : undefined,
      a.acquired ? `bought ${a.acquired}` : undefined,
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
    meetings.push({ label: 'Last meeting', value: data.meetings.last?.toString() ?? 'none on record', source: 'meetings.last' });
    if (next) meetings.push({ label: 'Next due', value: next.toString(), source: 'meetings' });
  }
  const openActions = data.actions
    .filter((a) => !a.done)
    .map((a) => ({ title: a.title, due: a.due ?? null }))
    .sort((a, b) => (a.due && b.due ? compareDates(a.due, b.due) : a.due ? -1 : b.due ? 1 : 0));
  const nextAction: PreviousAnswer[] = openActions.slice(0, 3).map((a) => ({
    label: a.due ? a.due.toString() : 'No date',
    value: a.title,
    source: 'actions',
  }));
  const roadmapReview: PreviousAnswer[] = [...years.flatMap((y) => y.entries), ...later].map((e) => ({
    label: e.label,
    value: `${e.title} (${STATUS_WORDS[e.status]}${e.cost !== null ? `, ${money(e.cost)}` : ''})`,
    source: e.kind === 'item' ? 'roadmap' : 'assets',
  }));

  const sections: SheetSection[] = [
    {
      id: 'business',
      title: 'Where the business is heading',
      questions: [
        q('outlook', 'Over the next one to three years, is the business growing, staying about the same, or getting smaller? Or is it too early to say?', outlook),
        q('headcount-now', 'How many people work here today, counting yourself? Part-time and seasonal staff too.', today, 1),
        q('headcount-later', 'How many do you expect in one year? In three years?', laterHeadcount, 1),
        q('hiring', 'Are you planning to hire this year? Which roles, and roughly when will they start?'),
        q('leaving', 'Is anyone leaving or retiring? Who takes over their work and their files?'),
        q('revenue', 'What was revenue last year, roughly, and what do you expect this year and next? (A range is fine. So is "I\'d rather not say".)', revenue),
        q('outside', 'Is anything changing the business from the outside: funding, contracts, prices, regulations, a big customer, the season?'),
        q('ownership', 'Are you thinking about selling, merging, taking on a partner or bringing in the next generation?', [], 1),
      ],
    },
    {
      id: 'plans',
      title: 'Changes you are planning',
      questions: [
        q('plans', 'Over the next one to three years, are you planning to:', plans, 3, [
          'move, expand or open a second location?',
          'add a new service, product line or season?',
          'change your main business software (accounting, practice management, bookings, point of sale)?',
          'let staff work from home or on the road more often?',
          'take on a contract that comes with security or privacy requirements?',
          'anything else we should know about?',
        ]),
      ],
    },
    {
      id: 'budget',
      title: 'Budget',
      questions: [
        q('spent', 'What did you spend on IT last year, roughly (hardware, software, subscriptions, our time)?', spent, 1),
        q('budget', 'What is your budget for IT this year?', budget, 1),
        q('spread', 'Do you prefer spending to be about the same every year, or to buy in larger steps when it is needed?', spread, 1),
        q('hard-months', 'Are there months when spending is hard (before tax season, after the season, before a grant comes in)?', [], 1),
        q('quote-above', 'Is there an amount above which you want a quote and a week to decide?', [], 1),
        q('approval', 'Does anyone else need to approve IT spending (a partner, a board, a funder)?', [], 1),
      ],
    },
    {
      id: 'it-today',
      title: 'Your IT today',
      questions: [
        q('worries', 'What worries you about your IT? What frustrates you most about your computers, phones or internet?', [], 3),
        q('slow', 'What takes longer than it should?'),
        q('critical', 'Which computer, if it died tomorrow, would stop the business? For how long?'),
        q('restore', 'When did we last restore something from the backup together?', [], 1),
        q('internet', 'Is your internet connection good enough? Has it failed this year, and for how long?', [], 1),
        q('renewals', 'Which subscriptions and licences renew this year? Are the seat counts right?', renewals, 1),
        q('replacements', 'These are due for replacement, or their warranty, licence or subscription ends, in the next three years. Still right?', replacing, 2),
        q('leavers', 'Has anyone left this year whose accounts are still open?', [], 1),
        q('mfa', 'Is multi-factor sign-in on for every account, including yours?', [], 1),
        q('asked-security', 'Has your insurer, bank, regulator or a large customer asked about your security or privacy practices?', [], 1),
        q('freeze', 'Is there a time of year when nothing must change (tax season, the summer season, year-end)?', [], 1),
        // Seed 003: the competition often comes from a vendor the client already buys from.
        q('vendors', 'Has a vendor (phones, copiers, software, internet) offered to look after part of your IT?', [], 1),
      ],
    },
    {
      id: 'working-together',
      title: 'How we work together',
      questions: [
        q('contact', 'Who is our single point of contact: the one person whose instructions count? Who stands in when they are away?', contact, 1),
        q('involvement', 'How much do you want to know? Do you want the details and the documents, a short summary, or "just fix it and send me the bill"?', involvement, 1),
        q('meetings', 'Is our regular meeting at the right rhythm: weekly, monthly, quarterly or once a year?', meetings, 1),
        q('more-less', 'What should we do more of, or less of?'),
      ],
    },
    {
      id: 'roadmap',
      title: "Last year's roadmap",
      questions: [
        q('roadmap-review', 'Go through the roadmap item by item: done, still agreed, moved to another quarter, or no longer wanted. Note why.', roadmapReview, 0),
      ],
    },
    {
      id: 'before-we-leave',
      title: 'Before we leave',
      questions: [
        q('next-action', 'The next action, with a date:', nextAction, 1),
        q('next-meeting', 'The next meeting:', next ? [{ label: 'Due', value: next.toString(), source: 'meetings' }] : [], 1),
      ],
    },
  ];

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
