import { INTERVAL_MAX, parseDate, parseInterval, type IntervalUnit } from '#core/dates';
import { appendAction, type NewAction } from '#core/edit/append-action';
import { UserError } from '../errors.ts';
import type { Io } from '../io.ts';
import { runEdit, withOverdueNote, type EditCommandOptions } from './edit-session.ts';
import { checkDateOption } from './load.ts';

export interface AddOptions extends EditCommandOptions {
  due?: string;
  every?: string;
  notice?: string;
  note?: string;
}

function checkInterval(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  const interval = parseInterval(value);
  const long = /^\s*(\d+) (day|week|month|year)s?\s*$/.exec(value);
  if (!interval && long && Number(long[1]) > INTERVAL_MAX[long[2] as IntervalUnit])
    throw new UserError(`${flag} ${value.trim()} is longer than 100 years.`, {
      exitCode: 2,
      hint: `Intervals are at most 100 years (${INTERVAL_MAX[long[2] as IntervalUnit]} ${long[2]}s), e.g. ${flag} "1 year".`,
    });
  if (!interval)
    throw new UserError(`${flag} ${value} is not an interval.`, { exitCode: 2, hint: `Write a number and a unit (day, week, month or year), e.g. ${flag} "1 year" or ${flag} "3 months".` });
  return value.trim();
}

/** `clientbook add <client> "title"`: appends an action (the client's next step) in the list's own style. */
export async function add(io: Io, client: string, title: string, options: AddOptions): Promise<number> {
  if (title.trim() === '')
    throw new UserError('The action has no title.', { exitCode: 2, hint: 'Say what to do next, in quotes: clientbook add hanks-hardware "Send the quote for the new server" --due 2026-12-15' });
  if (/[\r\n]/.test(title)) throw new UserError('An action\'s title is one line.', { exitCode: 2, hint: 'Put the details in --note.' });
  checkDateOption(options.due, '--due');
  const every = checkInterval(options.every, '--every');
  const notice = checkInterval(options.notice, '--notice');
  if (every && !options.due)
    throw new UserError('--every needs --due: a recurring action needs its first due date.', { exitCode: 2, hint: `Give both, e.g. --due 2026-12-15 --every "${every}".` });
  const action: NewAction = {
    title: title.trim(),
    ...(options.due ? { due: parseDate(options.due)!.toString() } : {}),
    ...(every ? { every } : {}),
    ...(notice ? { notice } : {}),
    ...(options.note !== undefined && options.note.trim() !== '' ? { note: options.note.trim() } : {}),
  };
  return runEdit(io, options, client, (file, name, on) => withOverdueNote(appendAction(file, action, name), action.due, on));
}
