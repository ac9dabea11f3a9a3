/**
 * One edit of one client file, start to finish: find the file, read it, plan the edit, check the
 * result, write it atomically. Commands supply only the plan.
 */

import path from 'node:path';
import type { PlainDate } from '../dates.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { openPortfolioFolder, type PortfolioFolder as OpenedFolder } from '../portfolio-folder.ts';
import { settingsFailure } from '../settings.ts';
import { writeFileAtomic, type AtomicFs } from './atomic-write.ts';
import { applyEdit, openEditable, type EditableFile, type EditPlan } from './editable-file.ts';
import { EditError } from './errors.ts';
import { lockFile } from './file-lock.ts';
import { findClient } from './find-client.ts';
import { removeLeftovers } from './leftovers.ts';
import { readNoFollow } from './read-no-follow.ts';
import { checkWritable } from './writable.ts';

/** The folder an edit works in: the one every command opens, with today as the edit's day. */
export interface PortfolioFolder extends OpenedFolder {
  /** Today in the portfolio's time zone. */
  today: PlainDate;
}

/** Display path of a file of the folder, relative to the working directory. */
export const displayPath = (folder: Pick<PortfolioFolder, 'display'>, relPath: string) => folder.display(relPath);

export async function openFolder(dirOption: string, cwd: string): Promise<PortfolioFolder> {
  const folder = await openPortfolioFolder({ dir: dirOption, cwd });
  // An edit needs the portfolio's time zone (for today): never the defaults in place of settings that are there.
  const failure = settingsFailure(folder.settingsDiagnostics);
  if (failure) throw new EditError(failure.message, failure.hint ? { hint: failure.hint } : {});
  return { ...folder, today: folder.asOf };
}

export interface EditOutcome {
  /** Display path of the edited file. */
  file: string;
  summary: string;
  /** False when the plan had nothing to change. */
  written: boolean;
  /** Warnings the edit brought, positioned in the file as written. */
  newWarnings: Diagnostic[];
  /** Things the user should know about the write itself (a hard link it broke). */
  notices: string[];
}

export interface EditRequest {
  folder: PortfolioFolder;
  /** How the user named the client. */
  client: string;
  plan: (file: EditableFile, clientName: string) => EditPlan;
  /** For tests: file operations with injected failures. */
  fs?: Partial<AtomicFs>;
  /** For tests: runs after the file was read and before it is written. */
  beforeWrite?: () => Promise<void> | void;
  /** How long to wait for another writer of the file (milliseconds). */
  lockWaitMs?: number;
}

/**
 * Finds the client, then, holding the file's lock: reads it, plans and checks the edit, and writes it.
 * A second writer of the same file waits for the lock and so plans its edit on the first one's result.
 */
export async function editClient({ folder, client, plan, fs, beforeWrite, lockWaitMs }: EditRequest): Promise<EditOutcome> {
  const ref = await findClient(folder.dir, folder.relPaths, client, folder.today);
  const where = { path: path.join(folder.dir, ref.relPath), relPath: ref.relPath, file: displayPath(folder, ref.relPath) };
  // A symbolic link is refused here, before anything beside it is created (see read-no-follow.ts).
  await readNoFollow(where.path, where.file);
  const target = where.path;
  const { links } = await checkWritable(target, where.file);
  await removeLeftovers(path.dirname(target));
  const lock = await lockFile(target, { display: where.file, ...(lockWaitMs !== undefined ? { waitMs: lockWaitMs } : {}) });
  try {
    const bytes = await readNoFollow(where.path, where.file);
    const file = openEditable(bytes, where, folder.today);
    const value = file.checked.parsed?.value as { name?: unknown } | undefined;
    const name = typeof value?.name === 'string' ? value.name : ref.id;
    const edit = plan(file, name);
    if (edit.splices.length === 0) return { file: where.file, summary: edit.summary, written: false, newWarnings: [], notices: [] };
    const edited = applyEdit(file, edit, folder.today);
    await beforeWrite?.();
    await writeFileAtomic(target, edited.bytes, { expected: bytes, display: where.file, ...(fs ? { fs } : {}) });
    const notices = links > 1
      ? [`${where.file} had ${links} hard links: the edit wrote a new file under this name, and the other names keep the old content.`]
      : [];
    return { file: where.file, summary: edit.summary, written: true, newWarnings: edited.newWarnings, notices };
  } finally {
    await lock.release();
  }
}
