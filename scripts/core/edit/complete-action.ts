/**
 * FORMAT.md "What is due": completing a recurring action moves its `due` forward by `every`, as many
 * times as it takes to pass the completion date, and records nothing else; any other action gets `done`.
 */
import { isScalar } from 'yaml';
import { YEAR_MAX, addInterval, compareDates, parseDate, parseInterval, type PlainDate } from '../dates.ts';
import { frontMatterOf, type EditableFile, type EditPlan } from './editable-file.ts';
import { EditError } from './errors.ts';
import { actionsOf, findAction } from './find-action.ts';
import { assertNotShared } from './shared-nodes.ts';
import { appendPair, pairOf, replaceScalar } from './yaml-splice.ts';

/** The first `due + k × every` (k ≥ 1) after `on`; counted from the original due so month ends do not drift. */
export function nextDue(due: PlainDate, every: { count: number; unit: 'day' | 'week' | 'month' | 'year' }, on: PlainDate): PlainDate {
  // Jump close to the answer first, so a daily action left for years does not loop day by day.
  const roughDays = { day: 1, week: 7, month: 28, year: 365 }[every.unit] * every.count;
  let k = Math.max(1, Math.floor(due.until(on, { largestUnit: 'days' }).days / roughDays) - 1);
  while (k > 1 && compareDates(addInterval(due, every, k - 1), on) > 0) k--;
  while (compareDates(addInterval(due, every, k), on) <= 0) k++;
  return addInterval(due, every, k);
}

/**
 * A date moved forward past FORMAT.md's last year would leave a file that does not validate: said
 * as what it is (the next date is out of range), before the edit, never as a rejected edit.
 */
export function assertInRange(next: PlainDate, what: string, key: string, instead: string): void {
  if (next.year <= YEAR_MAX) return;
  throw new EditError(`The next \`${key}\` of ${what} would be ${next.toString()}, past ${YEAR_MAX}-12-31, the last date a client file holds.`, {
    hint: `Nothing was changed. If ${instead}.`,
  });
}

export function completeAction(file: EditableFile, query: string, on: PlainDate, clientName: string): EditPlan {
  const { y, root, doc } = frontMatterOf(file);
  const action = findAction(actionsOf(root, doc), query, clientName);
  const { node, index, title } = action;
  const donePair = pairOf(node, 'done');
  for (const key of ['done', 'due', 'every']) assertNotShared(y, doc, pairOf(node, key)?.value, `The \`${key}\` of "${title}"`);
  const doneEmpty = donePair && (!isScalar(donePair.value) || donePair.value.value === null);
  if (action.done !== undefined && !doneEmpty)
    throw new EditError(`"${title}" is already done (done: ${action.done}).`, {
      hint: 'Nothing was changed. To do it again, add a new action (or make it recurring with `every`).',
    });

  const everyValue = node.get('every');
  if (everyValue !== undefined && everyValue !== null) {
    const every = typeof everyValue === 'string' ? parseInterval(everyValue) : undefined;
    if (!every) throw new EditError(`"${title}" has \`every: ${String(everyValue)}\`, which is not an interval.`, { hint: 'Fix it first, e.g. `every: 1 year`; `npx clientbook validate` shows where.' });
    const dueNode = node.get('due', true);
    const due = isScalar(dueNode) && typeof dueNode.value === 'string' ? parseDate(dueNode.value) : undefined;
    if (!isScalar(dueNode) || !due)
      throw new EditError(`"${title}" recurs but has no valid \`due\` date to move forward.`, { hint: 'Give it its next due date, e.g. `due: 2026-12-15`, then run the command again.' });
    const next = nextDue(due, every, on);
    assertInRange(next, `"${title}"`, 'due', 'the action ends with this one: write `done:` under it by hand, or remove `every` and run the command again');
    return {
      splices: [replaceScalar(y, dueNode, next.toString(), `the \`due\` of "${title}"`)],
      changes: [{ path: ['actions', index, 'due'], value: next.toString() }],
      summary: `Done on ${on.toString()}: "${title}". It recurs every ${every.text}: next due ${next.toString()}.`,
    };
  }

  const splice = doneEmpty && isScalar(donePair.value)
    ? replaceScalar(y, donePair.value, on.toString(), `the \`done\` of "${title}"`)
    : appendPair(y, node, 'done', on.toString(), file.eol);
  return {
    splices: [splice],
    changes: [{ path: ['actions', index, 'done'], value: on.toString() }],
    summary: `Done on ${on.toString()}: "${title}".`,
  };
}
