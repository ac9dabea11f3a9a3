/**
 * The calendar feed (RFC 5545): everything due, as all-day events to subscribe to.
 *
 * Written here rather than with a library. The feed is a small subset (one VCALENDAR of all-day
 * VEVENTs) and must be byte-stable for a given as-of date; `ics` (3.x) folds lines at 75
 * characters rather than 75 octets (lines of accented text or emoji come out at 100+ octets) and
 * pulls in yup; `ical-generator` folds correctly but takes JavaScript Dates, so every calendar date
 * would go through an instant and a time zone, which this project never does with dates.
 */
import { hash } from 'node:crypto';
import { addDays, addInterval, daysBetween, parseDate, parseInterval, type PlainDate } from '../dates.ts';
import type { Client } from './client.ts';
import { clientItems, compareItems, type AgendaItem } from './due.ts';

export interface CalendarOptions {
  /** The date the feed is built for: overdue items without a date sit on it, and DTSTAMP is its midnight UTC. */
  asOf: PlainDate;
  /** The calendar's name (X-WR-CALNAME), e.g. the site title. */
  name: string;
  /** Days ahead that count as upcoming; only affects the status words in descriptions. Default 30. */
  within?: number;
  /** The `asset_notice` setting, so that each item carries the notice the agenda gives it. */
  assetNotice?: number | undefined;
  /**
   * Absolute URL of the site (`https://clients.example.com/book/`). Calendar apps cannot resolve
   * relative links, so without it events carry no URL.
   */
  baseUrl?: string;
  /** Path of a client's page below `baseUrl`; default `clients/<id>/`. */
  clientPath?: (clientId: string) => string;
  /** The last change of each client's file (from git): each of its events' LAST-MODIFIED. */
  lastChanged?: ReadonlyMap<string, PlainDate>;
}

/**
 * SEQUENCE of every event in the feed built for `asOf`: days from 2000-01-01 to it. A feed is
 * rebuilt from the files, not edited, so it cannot count the revisions of one event; the day it
 * was built for grows with every day's build, so each build's events supersede the last one's, and
 * subscribed calendars take a moved date or a new title instead of keeping the copy they have.
 */
export const sequenceOf = (asOf: PlainDate): number => Math.max(0, daysBetween(SEQUENCE_EPOCH, asOf));
const SEQUENCE_EPOCH = parseDate('2000-01-01')!;

export const PRODID = '-//clientbook//clientbook calendar feed//EN';
const CRLF = '\r\n';

/**
 * Escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks. Other control
 * characters are not allowed in TEXT and become spaces.
 */
export function escapeText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, ' ');
}

const NEEDS_ESCAPE = /[\\;,\r\n\u0000-\u0008\u000B-\u001F\u007F]/;
const ASCII = /^[\u0000-\u007F]*$/;

/** Octets of one code point in UTF-8. */
const utf8Length = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/**
 * Folds one content line so that no line is longer than 75 octets of UTF-8 (RFC 5545 3.1):
 * continuation lines begin with a space, which counts towards their 75. The split falls between
 * code points, never inside a character's UTF-8 sequence (or a surrogate pair).
 */
export function foldLine(line: string): string {
  // At most 3 octets per UTF-16 unit (a 4-octet character is two units): short lines need no count.
  if (line.length <= 25) return line;
  if (ASCII.test(line)) {
    // One octet per character: 75 on the first line, 74 after each continuation's space.
    if (line.length <= 75) return line;
    const parts = [line.slice(0, 75)];
    for (let i = 75; i < line.length; i += 74) parts.push(line.slice(i, i + 74));
    return parts.join(`${CRLF} `);
  }
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0)!);
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.length === 1 ? line : parts.join(`${CRLF} `);
}

/** `20261215` */
const icsDate = (date: PlainDate) => `${String(date.year).padStart(4, '0')}${String(date.month).padStart(2, '0')}${String(date.day).padStart(2, '0')}`;

/**
 * A stable UID: the client, the kind and what the item *is* (the action's title, the asset's name,
 * or just "meeting"/"growth", of which a client has one), never its date. When a due date moves
 * (an action rescheduled, a recurring action completed, a meeting held), calendar apps see the
 * same UID and move the event instead of adding a second one and leaving the old one behind.
 * Renaming an action does make a new event: the title is the only identity an action has. The
 * file's history could tell a rename apart from a new action only by comparing every past version
 * of every file at each build, and only by a guess (the `diff` heuristic: same dates, a similar
 * title), which would sometimes carry one action's UID over to another; so the old event is
 * withdrawn from the feed and the renamed one comes as new, which calendar apps show correctly.
 * The key is hashed, not slugged: titles that slug alike ("Café", "Cafe") stay apart, and the UID
 * stays short and plain ASCII whatever the title holds.
 */
export function eventUid(clientId: string, kind: string, key: string): string {
  const digest = hash('sha256', `${clientId}\u0000${kind}\u0000${key}`, 'hex').slice(0, 20);
  return `${clientId}.${kind}.${digest}@clientbook`;
}

/** The identity of an item within its client; see `eventUid`. */
function itemKey(item: AgendaItem, client: Client, seen: Map<string, number>): string {
  let key: string;
  switch (item.kind) {
    case 'action':
      key = client.data.actions[item.index!]?.title ?? item.title;
      break;
    case 'asset':
      key = client.data.assets?.[item.index!]?.name ?? item.title;
      break;
    default:
      key = item.kind;
  }
  // Asset names need not be unique; a second "Microsoft 365" gets its own event.
  const n = (seen.get(`${item.kind}\u0000${key}`) ?? 0) + 1;
  seen.set(`${item.kind}\u0000${key}`, n);
  return n === 1 ? key : `${key} #${n}`;
}

function describe(item: AgendaItem, client: Client, asOf: PlainDate): string {
  const lines: string[] = [];
  if (item.dueDate === null) {
    const what = item.kind === 'meeting' ? 'No meeting on record' : 'The growth outlook was never asked';
    lines.push(`Overdue, no date: ${what}. Shown on ${asOf.toString()}, the day this calendar was built.`);
  } else if (item.status === 'overdue') {
    lines.push(`Overdue since ${item.due}: shown on ${asOf.toString()}, the day this calendar was built, until it is done.`);
  } else {
    lines.push(`Due ${item.due}.`);
  }
  if (item.kind === 'action') {
    const action = client.data.actions[item.index!];
    if (action?.every) lines.push(`Recurs every ${action.every.text}.`);
  }
  if (item.kind === 'asset') {
    const asset = client.data.assets?.[item.index!];
    if (asset?.note) lines.push(asset.note);
  }
  if (item.note) lines.push(item.note);
  if (item.tags?.length) lines.push(`Tags: ${item.tags.join(', ')}`);
  lines.push(`Client: ${client.data.name} (${client.id})`);
  return lines.join('\n');
}

/**
 * The reminder of an item with a notice (an action's or an asset's `notice`, or the `asset_notice`
 * setting): a display alarm that many days before the day it is due, the day it turns upcoming on
 * the agenda. By the calendar: `1 month` before 2027-03-31 is 2027-02-28, 31 days. Items without a
 * notice get none, so the calendar app's own default applies; an overdue item has had its day.
 */
export function alarmOf(item: AgendaItem): { days: number; notice: string } | undefined {
  if (!item.notice || !item.dueDate) return undefined;
  const notice = parseInterval(item.notice);
  if (!notice) return undefined;
  const days = daysBetween(addInterval(item.dueDate, notice, -1), item.dueDate);
  return days > 0 ? { days, notice: item.notice } : undefined;
}

/** The whole feed, CRLF line ends, folded, ending with a line break. Former clients have no events. */
export function calendarFeed(clients: readonly Client[], options: CalendarOptions): string {
  const { asOf } = options;
  const within = options.within ?? 30;
  const base = options.baseUrl === undefined ? undefined : new URL(options.baseUrl);
  const clientPath = options.clientPath ?? ((id: string) => `clients/${encodeURIComponent(id)}/`);
  const stamp = `${icsDate(asOf)}T000000Z`;
  const sequence = `SEQUENCE:${sequenceOf(asOf)}`;

  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.name)}`,
  ];
  const events: { item: AgendaItem; client: Client; key: string }[] = [];
  for (const client of clients) {
    const seen = new Map<string, number>();
    for (const item of clientItems(client, asOf, within, options.assetNotice)) events.push({ item, client, key: itemKey(item, client, seen) });
  }
  events.sort((a, b) => compareItems(a.item, b.item));
  // One string per event, and only the lines that can be long are folded: a feed of 10,000 clients
  // has 100,000 events, and a million separate lines cost more to keep and join than to write.
  const out = [lines.map(foldLine).join(CRLF)];
  for (const { item, client, key } of events) {
    // A calendar shows no past day: an overdue item sits on the day the feed was built for, where it is seen.
    const overdue = item.status === 'overdue';
    const day = overdue || item.dueDate === null ? asOf : item.dueDate;
    const summary = `${client.data.name}: ${item.title}${overdue && item.due ? ` (overdue since ${item.due})` : overdue ? ' (overdue)' : ''}`;
    const categories = [item.kind, ...(item.tags ?? [])].map(escapeText).join(',');
    const changed = options.lastChanged?.get(client.id);
    const alarm = overdue ? undefined : alarmOf(item);
    out.push(
      [
        'BEGIN:VEVENT',
        foldLine(`UID:${escapeText(eventUid(client.id, item.kind, key))}`),
        `DTSTAMP:${stamp}`,
        ...(changed ? [`LAST-MODIFIED:${icsDate(changed)}T000000Z`] : []),
        sequence,
        `DTSTART;VALUE=DATE:${icsDate(day)}`,
        `DTEND;VALUE=DATE:${icsDate(addDays(day, 1))}`,
        foldLine(`SUMMARY:${escapeText(summary)}`),
        foldLine(`DESCRIPTION:${escapeText(describe(item, client, asOf))}`),
        foldLine(`CATEGORIES:${categories}`),
        // All-day reminders should not make the consultant look busy to people booking meetings.
        'TRANSP:TRANSPARENT',
        ...(base ? [foldLine(`URL:${new URL(clientPath(client.id), base).href}`)] : []),
        ...(alarm
          ? [
              'BEGIN:VALARM',
              'ACTION:DISPLAY',
              `TRIGGER;RELATED=START:-P${alarm.days}D`,
              foldLine(`DESCRIPTION:${escapeText(`${client.data.name}: ${item.title} (due ${item.due}, ${alarm.notice} from now)`)}`),
              'END:VALARM',
            ]
          : []),
        'END:VEVENT',
      ].join(CRLF),
    );
  }
  out.push('END:VCALENDAR');
  return out.join(CRLF) + CRLF;
}
