/**
 * One writer per client file at a time. The lock is a dot-file beside the file, created with an
 * exclusive create (O_EXCL: of two processes, exactly one gets it) and holding its owner's pid, host
 * and start time. A lock whose owner process is gone (killed mid-edit) is removed by the next writer;
 * removing it takes a second exclusive file for that instant, so two writers never both remove a lock
 * and both go ahead. A writer that finds a live lock waits a little, with backoff, then gives up with
 * a message: it never writes without the lock, so it never reports an edit that is not on disk.
 *
 * Why not proper-lockfile: its locks are folders refreshed by a timer and judged stale by age, so a
 * killed edit blocks the next one for the stale period (10 s at least), and it has had no release
 * since 2021. A lock that names its pid is recovered at once, and is a page of code.
 */
import { constants } from 'node:fs';
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConcurrentEditError, EditError, cannotWrite } from './errors.ts';
import { breakPathFor, isDead, lockPathFor, parseOwner, thisProcess, type Owner } from './side-files.ts';

export interface LockOptions {
  /** How long to wait for another writer, in milliseconds. */
  waitMs?: number;
  /** The file as the user knows it (for messages). */
  display: string;
}

/** Long enough for a few edits of other processes to finish, short enough not to look hung. */
export const DEFAULT_WAIT_MS = 5_000;
/** A lock file still empty after this long was left by a process that died while creating it. */
const EMPTY_LOCK_GRACE_MS = 2_000;

export interface HeldLock {
  path: string;
  release: () => Promise<void>;
}

/** Takes the lock of `file` (waiting for another writer), or throws a ConcurrentEditError / EditError. */
export async function lockFile(file: string, { waitMs = DEFAULT_WAIT_MS, display }: LockOptions): Promise<HeldLock> {
  const lock = lockPathFor(file);
  const mine = `${JSON.stringify({ ...thisProcess(), since: new Date().toISOString() })}\n`;
  const deadline = Date.now() + waitMs;
  let delay = 1;
  for (;;) {
    if (await tryCreate(lock, mine, display)) return { path: lock, release: () => releaseLock(lock, mine) };
    const seen = await readLock(lock);
    if (seen === null) continue; // released meanwhile
    if (seen === undefined) await refuseForeignLock(lock, display);
    // A lock that cannot be read (a folder of that name, no permission) is waited for, never removed.
    const stale = seen !== undefined && (await isStale(lock, seen));
    if (stale) {
      await breakLock(lock, seen, display);
      // Bounded too: a breaker that cannot be removed must not keep this loop going.
      if (Date.now() < deadline) continue;
      throw new ConcurrentEditError(`The lock of ${display}, left by a process that is gone, could not be removed.`, {
        hint: `Nothing was written. If no clientbook command is running, remove ${path.basename(lock)} and ${path.basename(breakPathFor(lock))} beside the file.`,
      });
    }
    const left = deadline - Date.now();
    if (left <= 0) throw busy(display, seen === undefined ? undefined : parseOwner(seen), lock, waitMs);
    // Jitter, so that writers woken together do not collide again in step.
    await sleep(Math.min(left, delay + Math.random() * delay));
    delay = Math.min(delay * 2, 10);
  }
}

/** The lock's text; null when it is gone, undefined when it cannot be read. */
async function readLock(lock: string): Promise<string | null | undefined> {
  try {
    return await readSideFile(lock);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? null : undefined;
  }
}

/** A link, a FIFO or a device where the lock goes is none of ours (git can commit a link): said at once. */
async function refuseForeignLock(lock: string, display: string): Promise<void> {
  const stat = await fsp.lstat(lock).catch(() => undefined);
  if (!stat || stat.isFile() || stat.isDirectory()) return;
  const target = stat.isSymbolicLink() ? await fsp.readlink(lock).catch(() => undefined) : undefined;
  throw new EditError(
    `${path.basename(lock)} beside ${display} is ${stat.isSymbolicLink() ? `a symbolic link${target ? ` (to ${target})` : ''}` : 'not a regular file'}, not a lock clientbook made, so clientbook did not edit ${display}.`,
    { hint: `Nothing was written. Remove ${path.basename(lock)} (it holds nothing of the client), then run the command again.` },
  );
}

async function tryCreate(lock: string, content: string, display: string): Promise<boolean> {
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(lock, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw cannotWrite(display, path.dirname(lock), error);
  }
  try {
    await handle.writeFile(content);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fsp.rm(lock, { force: true }).catch(() => undefined);
    throw cannotWrite(display, path.dirname(lock), error);
  }
  await handle.close();
  return true;
}

/** A lock or breaker holds a line of JSON; more is not one of ours. */
const SIDE_FILE_MAX = 4096;

/**
 * A lock's or breaker's text, read without following a link and without blocking: a lock committed
 * as a link to `/dev/zero` or to a FIFO made every edit of the file read without end, or wait for
 * ever. Anything but a small regular file throws, and is waited for as a lock that cannot be read.
 */
export async function readSideFile(file: string): Promise<string> {
  const handle = await fsp.open(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const stat = await handle.stat();
    if (!stat.isFile() || stat.size > SIDE_FILE_MAX) throw Object.assign(new Error(`${file} is not a lock file`), { code: 'ENOTLOCK' });
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(SIDE_FILE_MAX), 0, SIDE_FILE_MAX, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

async function isStale(lock: string, content: string): Promise<boolean> {
  const owner = parseOwner(content);
  if (owner) return isDead(owner);
  // Empty or unreadable: its owner is between creating and writing it, or died there.
  const stat = await fsp.stat(lock).catch(() => undefined);
  return stat !== undefined && Date.now() - stat.mtimeMs > EMPTY_LOCK_GRACE_MS;
}

/** Removes the lock `seen` of a dead owner, unless someone else already replaced it. */
async function breakLock(lock: string, seen: string, display: string): Promise<void> {
  const breaker = breakPathFor(lock);
  const mine = `${JSON.stringify(thisProcess())}\n`;
  if (!(await tryCreate(breaker, mine, display))) {
    // Another writer is removing it right now; a breaker left by a dead process is removed too.
    const other = await readSideFile(breaker).catch(() => undefined);
    if (other !== undefined && (await isStale(breaker, other))) await fsp.rm(breaker, { force: true });
    else await sleep(2);
    return;
  }
  try {
    const now = await readSideFile(lock).catch(() => undefined);
    if (now === seen) await fsp.rm(lock, { force: true });
  } finally {
    await fsp.rm(breaker, { force: true });
  }
}

/** Removes a dead owner's lock left in a folder (see leftovers.ts); false when it is not stale. */
export async function removeIfStale(lock: string): Promise<boolean> {
  const display = path.basename(lock);
  const seen = await readSideFile(lock).catch(() => undefined);
  if (seen === undefined || !(await isStale(lock, seen))) return false;
  await breakLock(lock, seen, display);
  return true;
}

async function releaseLock(lock: string, mine: string): Promise<void> {
  // Never remove a lock that is not ours (ours was taken for a dead one's: cannot happen while we run).
  const now = await readSideFile(lock).catch(() => undefined);
  if (now === mine) await fsp.rm(lock, { force: true });
}

function busy(display: string, owner: Owner | undefined, lock: string, waitMs: number): ConcurrentEditError {
  const who = owner ? `process ${owner.pid}${owner.host !== thisProcess().host ? ` on ${owner.host}` : ''}` : 'another process';
  return new ConcurrentEditError(`${display} is being edited by another clientbook command (${who}), which did not finish within ${(waitMs / 1000).toLocaleString('en', { maximumFractionDigits: 1 })} seconds.`, {
    hint: `Nothing was written. Run the command again in a moment. If no clientbook command is running, remove the lock file ${path.basename(lock)} beside it.`,
  });
}
