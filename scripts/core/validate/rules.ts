/**
 * FORMAT.md "Rules across fields" that concern one file. They read the checked-but-raw value, so
 * they run even when another field of the same file has an error.
 */
import { YEAR_MAX, YEAR_MIN, compareDates, parseDate, type PlainDate } from '../dates.ts';
import type { DiagnosticSink } from '../diagnostics.ts';
import { locate, type ParsedYaml } from '../load/yaml.ts';
import { STATUSES, type ClientStatus } from '../schema/client.ts';
import { isPlainObject } from './keys.ts';
import { didYouMean } from './suggest.ts';

export interface RuleContext {
  id: string;
  parsed: ParsedYaml;
  offset: number;
  sink: DiagnosticSink;
  asOf: PlainDate;
  /** The opening `---`, where a key missing from the top level is reported. */
  root?: { start: number; end: number };
}

/** The values templates/client.md holds until the user writes the real ones. */
export const PLACEHOLDERS = { name: 'CLIENT NAME', contact: 'CONTACT NAME' } as const;

export function checkRules(value: Record<string, unknown>, ctx: RuleContext): void {
  const at = (path: (string | number)[], which: 'value' | 'key' = 'value') => {
    const l = locate(ctx.parsed, path, which);
    return { start: ctx.offset + l.start, end: ctx.offset + l.end };
  };
  const status = statusMeant(value.status);

  if ((status === 'active' || status === 'prospect') && !('contact' in value)) {
    ctx.sink.add({
      ...(ctx.root ?? at([])),
      code: 'missing-key',
      message: `\`contact\` is missing from the front matter: a${status === 'prospect' ? ' prospect' : 'n active client'} needs a single point of contact.`,
      hint: 'Add the one person whose instructions count, e.g.\ncontact:\n  name: Hank Miller\n  role: Owner\n  phone: "+1 867 555 0100"',
    });
  }

  // `clientbook new` fills in the name; the contact is the user's to write.
  const contact = isPlainObject(value.contact) ? value.contact : undefined;
  for (const [path, placeholder, what] of [
    [['name'], PLACEHOLDERS.name, 'the client\'s name'],
    [['contact', 'name'], PLACEHOLDERS.contact, 'the contact\'s name'],
  ] as const) {
    const written = path.length === 1 ? value.name : contact?.name;
    if (written !== placeholder) continue;
    ctx.sink.add({
      ...at([...path]),
      severity: 'warning',
      code: 'template-placeholder',
      message: `\`${path.join('.')}: ${placeholder}\` is still the template's placeholder.`,
      hint: `Write ${what}: the site and the agenda show it.`,
    });
  }

  if (value.referred_by === ctx.id) {
    ctx.sink.add({
      ...at(['referred_by']),
      code: 'self-referral',
      message: `\`referred_by: ${ctx.id}\` names this client itself.`,
      hint: 'Name the client who referred this one, or delete the line.',
    });
  }

  checkAssets(value, ctx, at);
  checkPastDates(value, ctx, at);

  const actions = Array.isArray(value.actions) ? value.actions : undefined;
  if (!actions) return;
  const firstTitle = new Map<string, number>();
  let open = 0;
  // An item that is not a mapping is already an error; it may well be the open action meant.
  if (!actions.every(isPlainObject)) open++;
  actions.forEach((action, i) => {
    if (!isPlainObject(action)) return;
    if ('every' in action && !('due' in action)) {
      ctx.sink.add({
        ...at(['actions', i, 'every']),
        code: 'every-without-due',
        message: '`every` needs a `due` date: a recurring action repeats from its due date.',
        hint: 'Add the next due date, e.g. `due: 2026-12-15`, or delete `every`.',
      });
    }
    if (typeof action.title === 'string') {
      const seen = firstTitle.get(action.title);
      if (seen !== undefined) {
        const first = ctx.sink.index.position(at(['actions', seen, 'title']).start);
        ctx.sink.add({
          ...at(['actions', i, 'title']),
          code: 'duplicate-action',
          message: `Two actions are titled "${action.title}" (the first is on line ${first.line}).`,
          hint: 'Give each action its own title, e.g. add what differs ("... for the front office"), or merge them.',
        });
      } else firstTitle.set(action.title, i);
    }
    if (action.done === undefined) open++;
    else if (typeof action.done === 'string') {
      const done = inRange(action.done);
      if (done && compareDates(done, ctx.asOf) > 0) {
        ctx.sink.add({
          ...at(['actions', i, 'done']),
          severity: 'warning',
          code: 'done-in-future',
          message: `\`done: ${action.done}\` is after ${ctx.asOf.toString()}, the date this portfolio is read as of.`,
          hint: 'Write the day the action was actually done; a typo in the year is the usual cause.',
        });
      }
    }
  });
  if (open === 0 && (status === 'active' || status === 'prospect')) {
    ctx.sink.add({
      ...at(['actions'], 'key'),
      severity: 'warning',
      code: 'no-next-action',
      message: `This ${status === 'prospect' ? 'prospect' : 'client'} has no open action: every client should have a next action.`,
      hint: 'Add what comes next, even a small step, e.g.\n  - title: Call to book the next roadmap meeting\n    due: 2026-12-15',
    });
  }
}

/**
 * The status the rules go by. A misspelt one (`status: Former`, an error already) is read as the
 * status it is nearest to, so that a former client is not also told it needs a contact; one near
 * no status is undefined, and the rules that depend on it wait until it is fixed.
 */
function statusMeant(status: unknown): ClientStatus | undefined {
  if (status === undefined) return 'active';
  if (typeof status !== 'string') return undefined;
  if ((STATUSES as readonly string[]).includes(status)) return status as ClientStatus;
  return didYouMean(status.trim(), STATUSES) as ClientStatus | undefined;
}

type At = (path: (string | number)[], which?: 'value' | 'key') => { start: number; end: number };

/** FORMAT 1.1: `renew` needs `expires`; an asset's name is unique within the client. */
function checkAssets(value: Record<string, unknown>, ctx: RuleContext, at: At): void {
  if (!Array.isArray(value.assets)) return;
  const firstName = new Map<string, number>();
  value.assets.forEach((asset, i) => {
    if (!isPlainObject(asset)) return;
    if ('renew' in asset && !('expires' in asset)) {
      ctx.sink.add({
        ...at(['assets', i, 'renew']),
        code: 'renew-without-expires',
        message: '`renew` needs an `expires` date: an asset is renewed from the day it expires.',
        hint: 'Add the date it next expires, e.g. `expires: 2027-03-31`, or delete `renew`.',
      });
    }
    if (typeof asset.name !== 'string') return;
    // Compared exactly, like action titles: `done` tells apart what is written differently.
    const key = asset.name;
    const seen = firstName.get(key);
    if (seen === undefined) {
      firstName.set(key, i);
      return;
    }
    const first = ctx.sink.index.position(at(['assets', seen, 'name']).start);
    ctx.sink.add({
      ...at(['assets', i, 'name']),
      code: 'duplicate-asset',
      message: `Two assets are named "${asset.name}" (the first is on line ${first.line}).`,
      hint: 'Give each asset its own name, e.g. add what tells them apart ("... front desk", a serial number), or merge them.',
    });
  });
}

/**
 * FORMAT 1.1: dates that describe the past (`growth.asked`, `meetings.last`) after the as-of date
 * are warnings, since a mistyped year would hide the next outlook check or meeting for a year; so
 * is a `growth.horizon` before the year the outlook was asked. (`done` is checked with its action.)
 */
/** A date as the schema accepts it: one that exists, within the format's years (else it is an error already). */
const inRange = (text: unknown): PlainDate | undefined => {
  const date = typeof text === 'string' ? parseDate(text) : undefined;
  return date && date.year >= YEAR_MIN && date.year <= YEAR_MAX ? date : undefined;
};

function checkPastDates(value: Record<string, unknown>, ctx: RuleContext, at: At): void {
  const asOf = ctx.asOf.toString();
  const growth = isPlainObject(value.growth) ? value.growth : undefined;
  const asked = inRange(growth?.asked);
  if (asked && compareDates(asked, ctx.asOf) > 0) {
    ctx.sink.add({
      ...at(['growth', 'asked']),
      severity: 'warning',
      code: 'asked-in-future',
      message: `\`asked: ${growth!.asked}\` is after ${asOf}, the date this portfolio is read as of.`,
      hint: 'Write the day the client was actually asked; a typo in the year is the usual cause, and it would hide the next outlook check for a year.',
    });
  }
  const horizon = growth?.horizon;
  // A horizon out of the format's years is an error already: no warning on top of it.
  if (asked && typeof horizon === 'number' && Number.isInteger(horizon) && horizon >= YEAR_MIN && horizon < asked.year) {
    ctx.sink.add({
      ...at(['growth', 'horizon']),
      severity: 'warning',
      code: 'horizon-before-asked',
      message: `\`horizon: ${horizon}\` is before ${asked.year}, the year the outlook was asked (\`asked: ${growth!.asked}\`).`,
      hint: `The horizon is how far the outlook reaches: a year from ${asked.year} on, e.g. \`horizon: ${asked.year + 3}\` (the default when it is left out).`,
    });
  }
  const meetings = isPlainObject(value.meetings) ? value.meetings : undefined;
  const last = inRange(meetings?.last);
  if (last && compareDates(last, ctx.asOf) > 0) {
    ctx.sink.add({
      ...at(['meetings', 'last']),
      severity: 'warning',
      code: 'met-in-future',
      message: `\`last: ${meetings!.last}\` is after ${asOf}, the date this portfolio is read as of.`,
      hint: 'Write the day of the last meeting held; a typo in the year is the usual cause, and it would hide the next meeting.',
    });
  }
}
