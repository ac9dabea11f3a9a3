/** `meetings.last`: the date of the last meeting, set after a visit (and, on request, the cadence). */
import { isMap, isScalar, type Node } from 'yaml';
import { compareDates, parseDate, type PlainDate } from '../dates.ts';
import type { Cadence } from '../schema/meetings.ts';
import { frontMatterOf, type EditableFile, type EditPlan } from './editable-file.ts';
import { EditError } from './errors.ts';
import type { Splice } from './text.ts';
import { assertNotShared } from './shared-nodes.ts';
import { appendMapping, appendPair, indentStep, pairOf, replaceScalar } from './yaml-splice.ts';

export interface MeetingOptions {
  on: PlainDate;
  /** Also set `meetings.cadence`. */
  cadence?: Cadence;
}

/**
 * Records a meeting on `on`. A later `last` already recorded is kept (an older meeting noted late must
 * not make the next one look due sooner): the plan is then empty. Without `meetings`, a block is added
 * with `cadence: none` unless a cadence is given.
 */
export function recordMeeting(file: EditableFile, { on, cadence }: MeetingOptions): EditPlan {
  const { y, root, doc } = frontMatterOf(file);
  const date = on.toString();
  const meetings = pairOf(root, 'meetings');
  assertNotShared(y, doc, meetings?.value, '`meetings`');
  if (isMap(meetings?.value)) for (const key of ['last', 'cadence']) assertNotShared(y, doc, pairOf(meetings.value, key)?.value, `\`meetings.${key}\``);
  if (!meetings) {
    const entries = [['cadence', cadence ?? 'none'], ['last', date]] as const;
    return {
      splices: [appendMapping(y, root, 'meetings', entries, file.eol, indentStep(y, root))],
      changes: [{ path: ['meetings'], value: { cadence: cadence ?? 'none', last: date } }],
      summary: cadence
        ? `Meeting recorded on ${date}; cadence set to ${cadence}.`
        : `Meeting recorded on ${date}, with \`cadence: none\`: pass --cadence (e.g. --cadence monthly) to be reminded of the next one.`,
    };
  }
  const map = meetings.value as Node | null;
  if (!isMap(map) || map.items.length === 0)
    throw new EditError('`meetings` is not a mapping of `cadence` and `last`, so clientbook cannot record the meeting.', {
      hint: `Write it as\nmeetings:\n  cadence: monthly\n  last: ${date}`,
    });

  const splices: Splice[] = [];
  const changes: EditPlan['changes'] = [];
  const notes: string[] = [];
  const lastPair = pairOf(map, 'last');
  const lastNode = lastPair?.value;
  const previous = isScalar(lastNode) && typeof lastNode.value === 'string' ? parseDate(lastNode.value) : undefined;
  if (previous && compareDates(previous, on) >= 0) {
    notes.push(`The last meeting is already recorded as ${previous.toString()}${compareDates(previous, on) > 0 ? `, after ${date}` : ''}; it was kept.`);
  } else if (lastPair) {
    if (!isScalar(lastNode)) throw new EditError('`meetings.last` is not a date, so clientbook cannot replace it.', { hint: `Write it as \`last: ${date}\`.` });
    splices.push(replaceScalar(y, lastNode, date, '`meetings.last`'));
    changes.push({ path: ['meetings', 'last'], value: date });
    notes.push(`Meeting recorded on ${date}${previous ? ` (the one before was ${previous.toString()})` : ''}.`);
  } else {
    splices.push(appendPair(y, map, 'last', date, file.eol));
    changes.push({ path: ['meetings', 'last'], value: date });
    notes.push(`Meeting recorded on ${date}.`);
  }

  if (cadence) {
    const cadencePair = pairOf(map, 'cadence');
    const current = cadencePair && isScalar(cadencePair.value) ? cadencePair.value : undefined;
    if (current && current.value !== cadence) {
      splices.push(replaceScalar(y, current, cadence, '`meetings.cadence`'));
      changes.push({ path: ['meetings', 'cadence'], value: cadence });
      notes.push(`Cadence changed from ${String(current.value)} to ${cadence}.`);
    } else if (!cadencePair) {
      splices.push(appendPair(y, map, 'cadence', cadence, file.eol));
      changes.push({ path: ['meetings', 'cadence'], value: cadence });
      notes.push(`Cadence set to ${cadence}.`);
    }
  }
  return { splices, changes, summary: notes.join(' ') };
}
