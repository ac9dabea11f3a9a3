/**
 * Reading a client file for an edit without following a symbolic link: a link could point outside
 * the portfolio (`/etc/shadow`), and an edit through it would read, print or rewrite that file.
 */
import { constants } from 'node:fs';
import { open, readlink } from 'node:fs/promises';
import { ConcurrentEditError, EditError } from './errors.ts';

export async function readNoFollow(file: string, display: string, doing = 'edit'): Promise<Uint8Array> {
  let handle;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer for ever.
    handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' || code === 'EMLINK') {
      const target = await readlink(file).catch(() => undefined);
      throw new EditError(`${display} is a symbolic link${target ? ` (to ${target})` : ''}, so clientbook did not ${doing} it: commands never follow a link to a file, which may lie outside the portfolio.`, {
        hint: 'Nothing was read or written. Put the file itself in the portfolio in place of the link, then run the command again.',
      });
    }
    if (code === 'ENOENT') throw new ConcurrentEditError(`${display} was deleted or moved while clientbook was editing it.`, { hint: 'Nothing was written. Run the command again.' });
    if (code === 'EACCES' || code === 'EPERM') throw new EditError(`${display} cannot be read (permission denied).`, { hint: `Nothing was written. Make it readable: chmod u+r ${display}` });
    throw error;
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new EditError(`${display} is not a regular file, so clientbook did not ${doing} it.`, { hint: 'Client files are plain Markdown files.' });
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}
