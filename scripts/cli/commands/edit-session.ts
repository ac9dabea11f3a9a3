/** What `done`, `note`, `met` and `new` share: the folder, `--on`, and edit failures as user errors. */
import { parseDate, type PlainDate } from '../../core/dates.ts';
import type { Diagnostic } from '../../core/diagnostics.ts';
import type { EditableFile, EditPlan } from '../../core/edit/editable-file.ts';
import { EditRejectedError } from '../../core/edit/errors.ts';
import { editClient, openFolder, type EditRequest, type PortfolioFolder } from '../../core/edit/session.ts';
import { formatText, formatUnwritten } from '../../core/diagnostics/format-text.ts';
import { printable } from '../../core/text/printable.ts';
import { paint, type Io } from '../io.ts';
import { checkDateOption } from './load.ts';

export interface EditCommandOptions {
  dir: string;
  on?: string;
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

/** One edit of one client; prints what was done, and any warning the edit brought. */
export async function runEdit(
  io: Io,
  options: EditCommandOptions,
  client: string,
  plan: (file: EditableFile, clientName: string, on: PlainDate) => EditPlan,
  testing: Pick<EditRequest, 'fs' | 'beforeWrite'> = {},
): Promise<number> {
  const { folder, on } = await folderFor(io, options);
  const outcome = await asCommand(io, () => editClient({ folder, client, plan: (file, name) => plan(file, name, on), ...testing }));
  const p = paint(io.color);
  io.stdout(`${p.bold(printable(outcome.file))}: ${printable(outcome.summary)}${outcome.written ? '' : ' Nothing to change.'}\n`);
  for (const notice of outcome.notices) io.stderr(`${p.yellow('note')}: ${printable(notice)}\n`);
  if (outcome.newWarnings.length > 0) io.stderr(`${formatText(outcome.newWarnings, io.cwd, p)}`);
  return 0;
}
