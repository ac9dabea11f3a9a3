/** What `done`, `note`, `met`, `add` and `new` share: the folder, `--on`, and edit failures as user errors. */
import { compareDates, parseDate, type PlainDate } from '#core/dates';
import { appendAction } from '#core/edit/append-action';
import { combinePlans } from '#core/edit/combine-plans';
import type { EditableFile, EditPlan } from '#core/edit/editable-file';
import { EditRejectedError } from '#core/edit/errors';
import { editClient, openFolder, type EditRequest, type PortfolioFolder } from '#core/edit/session';
import { formatText, formatUnwritten } from '#core/diagnostics/format-text';
import { printable } from '#core/text/printable';
import { UserError } from '../errors.ts';
import { paint, type Io } from '../io.ts';
import { checkDateOption } from './load.ts';

export interface EditCommandOptions {
  dir: string;
  on?: string;
}

/** `--next "title" [--next-due DATE]`: the follow-up action, recorded in the same edit. */
export interface NextOptions {
  next?: string;
  nextDue?: string;
}

/** Runs `fn`; an edit refused for the problems it would bring prints them before `main` reports it. */
export async function asCommand<T>(io: Io, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof EditRejectedError) io.stderr(`${formatUnwritten(error.diagnostics, paint(io.color))}\n`);
    throw error;
  }
}

export async function folderFor(io: Io, options: EditCommandOptions): Promise<{ folder: PortfolioFolder; on: PlainDate }> {
  checkDateOption(options.on, '--on');
  const folder = await asCommand(io, () => openFolder(options.dir, io.cwd));
  return { folder, on: options.on ? parseDate(options.on)! : folder.today };
}

/** Checks `--next` and `--next-due` before anything is read (bad usage: exit 2). */
export function checkNextOptions(options: NextOptions): void {
  if (options.nextDue !== undefined && options.next === undefined)
    throw new UserError('--next-due is the due date of the follow-up action given with --next.', {
      exitCode: 2,
      hint: 'Give both, e.g. --next "Send the quote" --next-due 2026-12-15.',
    });
  if (options.next !== undefined && options.next.trim() === '')
    throw new UserError('--next is empty.', { exitCode: 2, hint: 'Say what to do next, e.g. --next "Send the quote" --next-due 2026-12-15.' });
  if (options.next !== undefined && /[\r\n]/.test(options.next))
    throw new UserError('--next is one line: the title of the follow-up action.', { exitCode: 2, hint: 'Put details in the action\'s note, or in a note of the client.' });
  checkDateOption(options.nextDue, '--next-due');
}

/** The plan, followed by the `--next` action when one is given. */
export function withNext(plan: EditPlan, file: EditableFile, clientName: string, options: NextOptions, on: PlainDate): EditPlan {
  if (options.next === undefined) return plan;
  const next = appendAction(file, { title: options.next, ...(options.nextDue ? { due: options.nextDue } : {}) }, clientName);
  return combinePlans(plan, withOverdueNote(next, options.nextDue, on));
}

/**
 * A new action due before the day of the edit lands straight in Overdue: usually a mistyped year.
 * The action is added as asked; the summary says so.
 */
export function withOverdueNote(plan: EditPlan, due: string | undefined, on: PlainDate): EditPlan {
  const date = due === undefined ? undefined : parseDate(due);
  if (!date || compareDates(date, on) >= 0) return plan;
  return { ...plan, summary: `${plan.summary} ${date.toString()} is before ${on.toString()}: it is overdue already.` };
}

/** One edit of one client; prints what was done, and any warning the edit brought. */
export async function runEdit(
  io: Io,
  options: EditCommandOptions,
  client: string,
  plan: (file: EditableFile, clientName: string, on: PlainDate) => EditPlan,
  testing: Pick<EditRequest, 'fs' | 'beforeWrite'> = {},
): Promise<number> {
  const { folder, on } = await folderFor(io, options);
  const p = paint(io.color);
  const outcome = await asCommand(io, () => editClient({ folder, client, plan: (file, name) => plan(file, name, on), ...testing }));
  io.stdout(`${p.bold(printable(outcome.file))}: ${printable(outcome.summary)}${outcome.written ? '' : ' Nothing to change.'}\n`);
  if (compareDates(on, folder.today) > 0)
    io.stderr(`${p.yellow(p.bold('warning'))}: --on ${on.toString()} is in the future (today is ${folder.today.toString()} in the portfolio's time zone, ${folder.settings.timeZone}); the edit used it as given.\n  ${p.cyan('hint')}: If it is a typo, correct the date in ${printable(outcome.file)} by hand.\n`);
  for (const notice of outcome.notices) io.stderr(`${p.yellow('note')}: ${printable(notice)}\n`);
  if (outcome.newWarnings.length > 0) io.stderr(`${formatText(outcome.newWarnings, io.cwd, p)}`);
  return 0;
}
