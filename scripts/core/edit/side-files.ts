/**
 * The files an edit puts beside a client file for a moment: its temporary copy and its lock. Both are
 * dot-files (never read as clients) named after the file, and both name their owner process, so a
 * leftover of a process that died can be told from the file of an edit still running.
 *
 * Names stay within the 255 bytes a file name may have: a long client file name is shortened and a
 * hash of the whole name keeps it unique (`.hanks-hardware.md.clientbook.lock`, or
 * `.aaaa…aaa~1f2e3d4c.clientbook.lock` for a 250-character id).
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const NAME_MAX = 255;

/** `.NAME` + `suffix`, shortened (with a hash of NAME) when it would be too long for a file name. */
export function sideName(base: string, suffix: string): string {
  const whole = `.${base}${suffix}`;
  if (Buffer.byteLength(whole) <= NAME_MAX) return whole;
  const hash = createHash('sha256').update(base).digest('hex').slice(0, 8);
  let keep = base.slice(0, NAME_MAX - 1 - 9 - Buffer.byteLength(suffix));
  while (Buffer.byteLength(keep) > NAME_MAX - 1 - 9 - Buffer.byteLength(suffix)) keep = keep.slice(0, -1);
  return `.${keep}~${hash}${suffix}`;
}

export const LOCK_SUFFIX = '.clientbook.lock';
/** Held for the instant it takes to remove a dead owner's lock, so two processes never both do it. */
export const BREAK_SUFFIX = '.clientbook.lock.break';

/** `.hanks-hardware.md.clientbook-4242-9f3a1c2e.tmp` beside the file. */
export function tempPathFor(file: string): string {
  return path.join(path.dirname(file), sideName(path.basename(file), `.clientbook-${process.pid}-${randomBytes(4).toString('hex')}.tmp`));
}

export const lockPathFor = (file: string) => path.join(path.dirname(file), sideName(path.basename(file), LOCK_SUFFIX));
/** The breaker of a lock, named from the lock's own name (a folder's cleanup knows only that). */
export function breakPathFor(lock: string): string {
  const name = path.basename(lock);
  const whole = `${name}${BREAK_SUFFIX.slice(LOCK_SUFFIX.length)}`;
  const short = Buffer.byteLength(whole) <= NAME_MAX ? whole : `.${createHash('sha256').update(name).digest('hex').slice(0, 16)}${BREAK_SUFFIX}`;
  return path.join(path.dirname(lock), short);
}

/** The owner pid of a temporary file, from its name; undefined for any other name. */
export function tempOwner(name: string): number | undefined {
  const m = /^\..*\.clientbook-(\d+)-[0-9A-Za-z]+\.tmp$/.exec(name);
  const pid = m ? Number(m[1]) : 0;
  return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
}

/** Who holds a lock: enough to tell, from another process, whether it is still running. */
export interface Owner {
  pid: number;
  host: string;
  /** The process's start time in clock ticks since boot (Linux), so a reused pid is not taken for it. */
  started?: string;
}

/** Field 22 of /proc/PID/stat; undefined where there is no /proc. */
function startTicks(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

let self: Owner | undefined;
export function thisProcess(): Owner {
  if (!self) {
    const started = startTicks(process.pid);
    self = { pid: process.pid, host: os.hostname(), ...(started ? { started } : {}) };
  }
  return self;
}

export function parseOwner(text: string): Owner | undefined {
  try {
    const value = JSON.parse(text) as Partial<Owner>;
    if (typeof value.pid !== 'number' || !Number.isSafeInteger(value.pid) || value.pid <= 0 || typeof value.host !== 'string') return undefined;
    return { pid: value.pid, host: value.host, ...(typeof value.started === 'string' ? { started: value.started } : {}) };
  } catch {
    return undefined;
  }
}

/**
 * Whether the process is gone. Only a process of this machine can be known dead; one of another
 * host (a shared network folder) is taken as alive, and its lock waits for it or for a person.
 */
export function isDead(owner: Pick<Owner, 'pid'> & Partial<Owner>): boolean {
  if (owner.host !== undefined && owner.host !== os.hostname()) return false;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
  if (owner.started === undefined) return false;
  const now = startTicks(owner.pid);
  return now !== undefined && now !== owner.started;
}
