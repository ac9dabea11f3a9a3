/**
 * Whether a file may be edited, judged by its mode bits rather than by trying: the rename that
 * replaces a client file succeeds on a read-only file, and root (CI, containers) writes anything.
 */
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import path from 'node:path';
import { ConcurrentEditError, EditError } from './errors.ts';

const WRITE_BITS = 0o222;
const octal = (mode: number) => `0${(mode & 0o777).toString(8).padStart(3, '0')}`;

export interface WritableFile {
  /** Hard links to the file: an edit replaces this name, and the others keep the old content. */
  links: number;
}

/** Refuses a file or folder without any write bit; `file` may not exist yet (a new client). */
export async function checkWritable(file: string, display: string, { exists = true } = {}): Promise<WritableFile> {
  let links = 1;
  if (exists) {
    let s;
    try {
      s = await stat(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        throw new ConcurrentEditError(`${display} was deleted or moved while clientbook was editing it.`, { hint: 'Nothing was written. Run the command again.' });
      throw error;
    }
    if ((s.mode & WRITE_BITS) === 0)
      throw new EditError(`${display} is read-only (mode ${octal(s.mode)}), so clientbook did not edit it.`, {
        hint: `Nothing was written. If it should be edited, make it writable first: chmod u+w ${display}`,
      });
    // A rename replaces a file its user may not write: ask the kernel too (root passes, hence the bits above).
    const denied = await access(file, constants.W_OK).then(() => undefined, (error: NodeJS.ErrnoException) => error.code);
    if (denied === 'EROFS')
      throw new EditError(`${display} is on a read-only file system, so clientbook did not edit it.`, { hint: 'Nothing was written. Edit a copy on a writable disk, or mount it writable.' });
    if (denied === 'EACCES' || denied === 'EPERM')
      throw new EditError(`${display} is not writable by you (mode ${octal(s.mode)}), so clientbook did not edit it.`, {
        hint: `Nothing was written. If it should be edited, make it writable first: chmod u+w ${display} (as its owner)`,
      });
    links = s.nlink;
  }
  const dir = path.dirname(file);
  const d = await stat(dir);
  if ((d.mode & WRITE_BITS) === 0) {
    const shown = path.dirname(display) || '.';
    throw new EditError(`The folder ${shown} is read-only (mode ${octal(d.mode)}), so clientbook cannot ${exists ? `edit ${display}` : `create ${display}`} in it.`, {
      hint: `Nothing was written. An edit writes a new copy beside the file and renames it over the old one, so the folder must be writable: chmod u+w ${shown}`,
    });
  }
  return { links };
}
