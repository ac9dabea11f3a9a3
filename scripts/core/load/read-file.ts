/**
 * Reading a file of the portfolio so that nothing outside it is ever read (docs/reliability.md):
 * a symbolic link is reported where it is, never followed; anything that is not a regular file (a
 * FIFO, a device, a socket) is reported, never opened, so a FIFO named `x.md` cannot block a command
 * and `/dev/zero` cannot fill memory. The file is opened with O_NOFOLLOW and O_NONBLOCK, and what was
 * opened is checked to be the regular file that `lstat` saw, so swapping it for a link or a FIFO in
 * between is caught too. Root reads files whatever their mode (CI runs as root), so the read bits are
 * checked here, and a file nobody may read is reported as unreadable everywhere alike.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, readlinkSync, statSync, type Stats } from 'node:fs';
import { lstat, open, readlink, stat } from 'node:fs/promises';

export type FileProblemCode = 'symbolic-link' | 'not-a-file' | 'unreadable-file';

/** Why a file of the portfolio was not read: one error at its first line. */
export interface FileProblem {
  code: FileProblemCode;
  message: string;
  hint: string;
}

/** The bytes of a regular file, or why there are none; undefined when the file does not exist. */
export type ReadResult = { bytes: Uint8Array; problem?: undefined } | { bytes?: undefined; problem: FileProblem };

const FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/** What a non-regular file is, in words. */
function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

const isRoot = () => process.getuid?.() === 0;

/**
 * Whether this process may read a file of these stats. For other users the kernel answers when the
 * file is opened; root passes every check, so the bits decide: a file no one may read is not read.
 */
const readable = (stats: Stats) => !isRoot() || (stats.mode & 0o444) !== 0;

export const PERMISSION_DENIED: FileProblem = {
  code: 'unreadable-file',
  message: 'The file cannot be read: permission denied.',
  hint: 'Give yourself read permission (e.g. `chmod u+r FILE`).',
};

/** A link, reported at its path with where it points; `target` as written in the link. */
export function linkProblem(target: string, what: 'file' | 'folder' | 'gone' | 'other'): FileProblem {
  if (what === 'gone')
    return { code: 'unreadable-file', message: `The file is a link to ${target}, which does not exist.`, hint: 'Point the link at the client file, or delete the link.' };
  return {
    code: 'symbolic-link',
    message: `The file is a symbolic link to ${target}: clientbook never follows a link to a file, so that nothing outside the portfolio is read.`,
    hint: 'Put the file itself here in place of the link (move or copy it into the portfolio), or delete the link.',
  };
}

export function notAFile(stats: Stats): FileProblem {
  return {
    code: 'not-a-file',
    message: `This is ${kindOf(stats)}, not a file: it was not opened.`,
    hint: 'Only regular files are read. Move it out of the portfolio, or rename it so that its name does not end in .md.',
  };
}

function errorProblem(error: NodeJS.ErrnoException): FileProblem {
  if (error.code === 'EACCES' || error.code === 'EPERM') return PERMISSION_DENIED;
  if (error.code === 'EISDIR') return { code: 'not-a-file', message: 'This is a folder, not a file.', hint: 'Rename the folder so that its name does not end in .md.' };
  return { code: 'unreadable-file', message: `The file cannot be read (${error.code ?? error.message}).`, hint: 'Check that it is a readable file.' };
}

const CHANGED: FileProblem = {
  code: 'unreadable-file',
  message: 'The file was replaced while it was being read.',
  hint: 'Run the command again.',
};

const sameFile = (a: Stats, b: Stats) => a.dev === b.dev && a.ino === b.ino;

/**
 * A file replaced between the `lstat` and the `open` (an editor's or another clientbook's atomic
 * save renames a new file over it) is read again, this many times at most.
 */
const ATTEMPTS = 5;

/** Reads a file of the portfolio (see the module's comment); undefined when it is not there. */
export function readPortfolioFileSync(full: string): ReadResult | undefined {
  let result: ReadResult | undefined;
  for (let i = 0; i < ATTEMPTS && (i === 0 || result?.problem === CHANGED); i++) result = readOnceSync(full);
  return result;
}

function readOnceSync(full: string): ReadResult | undefined {
  let before: Stats;
  try {
    before = lstatSync(full);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : { problem: errorProblem(error as NodeJS.ErrnoException) };
  }
  if (before.isSymbolicLink()) return { problem: linkProblemSync(full) };
  if (!before.isFile()) return { problem: notAFile(before) };
  if (!readable(before)) return { problem: PERMISSION_DENIED };
  let fd: number;
  try {
    fd = openSync(full, FLAGS);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') return undefined;
    // ELOOP: it became a link after the lstat.
    return { problem: e.code === 'ELOOP' ? linkProblemSync(full) : errorProblem(e) };
  }
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile() || !sameFile(before, opened)) return { problem: opened.isFile() ? CHANGED : notAFile(opened) };
    return { bytes: readFileSync(fd) };
  } catch (error) {
    return { problem: errorProblem(error as NodeJS.ErrnoException) };
  } finally {
    closeSync(fd);
  }
}

/** The same, without blocking the event loop (the dev server's watcher, the edit commands). */
export async function readPortfolioFile(full: string): Promise<ReadResult | undefined> {
  let result: ReadResult | undefined;
  for (let i = 0; i < ATTEMPTS && (i === 0 || result?.problem === CHANGED); i++) result = await readOnce(full);
  return result;
}

async function readOnce(full: string): Promise<ReadResult | undefined> {
  let before: Stats;
  try {
    before = await lstat(full);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : { problem: errorProblem(error as NodeJS.ErrnoException) };
  }
  if (before.isSymbolicLink()) return { problem: await linkProblemAsync(full) };
  if (!before.isFile()) return { problem: notAFile(before) };
  if (!readable(before)) return { problem: PERMISSION_DENIED };
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(full, FLAGS);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') return undefined;
    return { problem: e.code === 'ELOOP' ? await linkProblemAsync(full) : errorProblem(e) };
  }
  try {
    const opened = await handle.stat();
    if (!opened.isFile() || !sameFile(before, opened)) return { problem: opened.isFile() ? CHANGED : notAFile(opened) };
    return { bytes: await handle.readFile() };
  } catch (error) {
    return { problem: errorProblem(error as NodeJS.ErrnoException) };
  } finally {
    await handle.close();
  }
}

function linkProblemSync(full: string): FileProblem {
  let target = '(unknown)';
  try {
    target = readlinkSync(full);
  } catch {
    // Gone meanwhile: still a link when it was seen.
  }
  let what: 'file' | 'folder' | 'gone' | 'other' = 'gone';
  try {
    const s = statSync(full);
    what = s.isDirectory() ? 'folder' : s.isFile() ? 'file' : 'other';
  } catch {
    // A broken link.
  }
  return linkProblem(target, what);
}

async function linkProblemAsync(full: string): Promise<FileProblem> {
  const target = await readlink(full).catch(() => '(unknown)');
  const what = await stat(full).then(
    (s) => (s.isDirectory() ? 'folder' : s.isFile() ? 'file' : 'other') as 'folder' | 'file' | 'other',
    () => 'gone' as const,
  );
  return linkProblem(target, what);
}
