/**
 * Health: the signals that a client may leave without warning (seed 003). Each signal says why it
 * matters and what to do about it.
 */
import { addMonths, compareDates, daysBetween, type PlainDate } from '../dates.ts';
import type { Client } from './client.ts';
import { nextGrowthCheck, nextMeeting } from './due.ts';

export type SignalCode =
  | 'meeting-overdue'
  | 'no-meeting-rhythm'
  | 'outlook-stale'
  | 'no-next-action'
  | 'action-long-overdue'
  | 'shrinking'
  | 'file-stale';

/** An open action overdue by more than this many days is a promise the client has stopped expecting. */
export const LONG_OVERDUE_DAYS = 90;

export interface HealthSignal {
  code: SignalCode;
  /** What is wrong, for this client. */
  summary: string;
  why: string;
  todo: string;
  /** Days the signal has been true, where that is known (for sorting). */
  days: number | null;
}

export interface ClientHealth {
  client: Client;
  signals: HealthSignal[];
}

export const SIGNAL_LABELS: Record<SignalCode, string> = {
  'meeting-overdue': 'Meeting overdue',
  'no-meeting-rhythm': 'No meeting rhythm',
  'outlook-stale': 'Outlook not asked for a year',
  'no-next-action': 'No next action',
  'action-long-overdue': 'Action overdue for months',
  shrinking: 'Shrinking',
  'file-stale': 'File not updated',
};

export const hasOpenAction = (client: Client) => client.data.actions.some((a) => !a.done);

/** Active and prospect clients without an open action. */
export function clientsWithoutNextAction(clients: readonly Client[]): Client[] {
  return clients.filter((c) => c.data.status !== 'former' && !hasOpenAction(c));
}

export interface HealthOptions {
  asOf: PlainDate;
  /** The last change of each client's file (from git), where known. */
  lastChanged?: ReadonlyMap<string, PlainDate>;
  staleMonths?: number;
  /** How a date is written in a summary: the site passes its locale's format; by default `2026-12-01`. */
  formatDate?: (date: PlainDate) => string;
}

/** "1 day ago", "16 days ago": a meeting can be a single day late. */
const daysAgo = (days: number) => (days === 1 ? '1 day ago' : `${days} days ago`);

export function clientHealth(client: Client, options: HealthOptions): HealthSignal[] {
  if (client.data.status === 'former') return [];
  const { asOf } = options;
  const date = options.formatDate ?? ((d: PlainDate) => d.toString());
  const signals: HealthSignal[] = [];
  const meeting = nextMeeting(client);
  if (meeting === null || (meeting && daysBetween(asOf, meeting) < 0)) {
    const cadence = client.data.meetings!.cadence;
    signals.push({
      code: 'meeting-overdue',
      summary:
        meeting === null
          ? `No ${cadence} meeting on record.`
          : `The ${cadence} meeting was due ${date(meeting)}, ${daysAgo(-daysBetween(asOf, meeting))}.`,
      why: 'Clients who do not see you regularly stop thinking of you as their IT partner; a competitor or a vendor fills the gap.',
      todo: 'Call today and book the meeting, face to face if you can.',
      days: meeting === null ? null : -daysBetween(asOf, meeting),
    });
  }
  // Prospects are not clients yet: a rhythm is agreed when they sign.
  const cadence = client.data.meetings?.cadence;
  if (client.data.status === 'active' && (cadence === undefined || cadence === 'none')) {
    signals.push({
      code: 'no-meeting-rhythm',
      summary: cadence === 'none' ? 'Meetings are set to none: no regular meeting.' : 'No meeting rhythm on record.',
      why: 'Without a rhythm, meetings happen only when something breaks, and the client hears from you only then.',
      todo: 'Agree a rhythm at the next visit (monthly for strategic clients, quarterly at least for the rest) and write it under meetings.',
      days: null,
    });
  }
  const growth = nextGrowthCheck(client);
  if (growth === null || (growth && daysBetween(asOf, growth) < 0)) {
    const asked = client.data.growth.asked;
    signals.push({
      code: 'outlook-stale',
      summary: asked
        ? `Growth outlook last asked ${date(asked)}, ${daysBetween(asked, asOf)} days ago.`
        : 'Growth outlook never asked.',
      why: 'Plans made on an outlook you assumed are plans for another business. Hiring, cut-backs and budgets change what they need.',
      todo: 'Put the roadmap questions on the agenda of the next meeting.',
      days: asked ? daysBetween(asked, asOf) : null,
    });
  }
  if (!hasOpenAction(client)) {
    signals.push({
      code: 'no-next-action',
      summary: 'No open action.',
      why: 'A client without a next action only hears from you when something breaks.',
      todo: 'Add the next step, even a small one: a check-up, a licence renewal, a training.',
      days: null,
    });
  }
  const longOverdue = client.data.actions
    .filter((a) => !a.done && a.due && daysBetween(a.due, asOf) > LONG_OVERDUE_DAYS)
    .sort((a, b) => compareDates(a.due!, b.due!));
  if (longOverdue.length > 0) {
    const oldest = longOverdue[0]!;
    const days = daysBetween(oldest.due!, asOf);
    signals.push({
      code: 'action-long-overdue',
      summary:
        longOverdue.length === 1
          ? `“${oldest.title}” was due ${date(oldest.due!)}, ${days} days ago.`
          : `${longOverdue.length} actions overdue by more than ${LONG_OVERDUE_DAYS} days; the oldest, “${oldest.title}”, was due ${date(oldest.due!)}, ${days} days ago.`,
      why: 'An action left for months is a promise the client has stopped expecting, or one they have given to someone else.',
      todo: 'Do it this week, or tell the client why not and set a date you will keep; drop it if it no longer matters.',
      days,
    });
  }
  if (client.data.growth.outlook === 'shrinking') {
    signals.push({
      code: 'shrinking',
      summary: `The business is shrinking${client.data.growth.note ? `: ${client.data.growth.note}` : '.'}`,
      why: 'A shrinking client cuts costs, and outside IT is an easy line to cut.',
      todo: 'Show how to spend less without risk: fewer seats, longer life for what works, a smoothed roadmap.',
      days: null,
    });
  }
  const changed = options.lastChanged?.get(client.id);
  const staleMonths = options.staleMonths ?? 6;
  if (changed && compareDates(addMonths(changed, staleMonths), asOf) < 0) {
    signals.push({
      code: 'file-stale',
      summary: `The file has not changed since ${date(changed)}.`,
      why: 'No notes for months usually means no contact for months.',
      todo: 'Record the last visit, or plan the next one.',
      days: daysBetween(changed, asOf),
    });
  }
  return signals;
}

/** `localeCompare` without a locale, made once for the sort. */
const collate = new Intl.Collator().compare;

/**
 * Every non-former client with at least one signal, the most signals first, then by name. The site
 * passes the signals it has already worked out for the client pages.
 */
export function portfolioHealth(
  clients: readonly Client[],
  options: HealthOptions,
  signalsOf: (client: Client) => readonly HealthSignal[] = (client) => clientHealth(client, options),
): ClientHealth[] {
  return clients
    .filter((client) => client.data.status !== 'former')
    .map((client) => ({ client, signals: [...signalsOf(client)] }))
    .filter((h) => h.signals.length > 0)
    .sort((a, b) => b.signals.length - a.signals.length || collate(a.client.data.name, b.client.data.name));
}
