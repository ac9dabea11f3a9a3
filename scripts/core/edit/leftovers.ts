/**
 * What killed edits leave behind: a temporary copy (`.acme.md.clientbook-4242-9f3a1c2e.tmp`, a whole
 * client file) and perhaps a lock. Each edit removes those of processes that are gone from the folder
 * it writes in; those of a running process are its edit in progress, and are left alone.
 */
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { readSideFile, removeIfStale } from './file-lock.ts';
import { BREAK_SUFFIX, isDead, LOCK_SUFFIX, parseOwner, tempOwner } from './side-files.ts';

/** Removes dead processes' temporary files and locks in `dir`; returns the names removed. Never throws. */
export async function removeLeftovers(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith('.')) continue;
    try {
      const pid = tempOwner(name);
      if (pid !== undefined) {
        if (pid !== process.pid && isDead({ pid })) {
          await rm(path.join(dir, name), { force: true });
          removed.push(name);
        }
      } else if (name.endsWith(LOCK_SUFFIX)) {
        // A lock is removed by the same careful route as a writer takes (see file-lock.ts).
        if (await removeIfStale(path.join(dir, name))) removed.push(name);
      } else if (name.endsWith(BREAK_SUFFIX)) {
        const owner = parseOwner(await readSideFile(path.join(dir, name)));
        if (owner && isDead(owner)) {
          await rm(path.join(dir, name), { force: true });
          removed.push(name);
        }
      }
    } catch {
      // A leftover that cannot be removed now is removed by a later edit; the edit goes on.
    }
  }
  return removed;
}
