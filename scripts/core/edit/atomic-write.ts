/**
 * Writes that cannot leave a half-written client file: the new bytes go to a temporary file in the
 * same folder (a dot-file, so never read as a client), are flushed to disk, and replace the file by a
 * rename only if the file still holds what was read. On any failure the temporary file is removed.
 */
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { ConcurrentEditError, EditError, cannotWrite } from './errors.ts';
import { tempPathFor } from './side-files.ts';
import { readPortfolioFile } from '../load/read-file.ts';

export { tempPathFor };

/** The file operations used, so tests can inject failures between any two steps. */
export interface AtomicFs {
  open: typeof fsp.open;
  readFile: (file: string) => Promise<Uint8Array>;
  rename: typeof fsp.rename;
  link: typeof fsp.link;
  rm: typeof fsp.rm;
  stat: typeof fsp.stat;
}

const nodeFs: AtomicFs = {
  open: fsp.open,
  // The re-check of the bytes on disk reads like every other read: never through a link, never a FIFO.
  readFile: async (file) => {
    const read = await readPortfolioFile(file);
    if (read?.bytes) return read.bytes;
    throw Object.assign(new Error(read ? read.problem.message : `ENOENT: no such file, open '${file}'`), { code: read ? 'EINVAL' : 'ENOENT' });
  },
  rename: fsp.rename,
  link: fsp.link,
  rm: fsp.rm,
  stat: fsp.stat,
};

export interface AtomicWriteOptions {
  /** The bytes read before editing (the file must still hold them), or null for a file that must not exist yet. */
  expected: Uint8Array | null;
  fs?: Partial<AtomicFs>;
  /** The file as the user knows it (for messages); default: its base name. */
  display?: string;
}


const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && Buffer.compare(a, b) === 0;

export async function writeFileAtomic(file: string, bytes: Uint8Array, options: AtomicWriteOptions): Promise<void> {
  const fs = { ...nodeFs, ...options.fs };
  const display = options.display ?? path.basename(file);
  let mode = 0o644;
  if (options.expected) {
    try {
      mode = (await fs.stat(file)).mode & 0o7777;
    } catch (error) {
      throw changedOnDisk(display, error);
    }
  }
  const temp = tempPathFor(file);
  let created = false;
  try {
    let handle: fsp.FileHandle;
    try {
      handle = await fs.open(temp, 'wx', mode);
    } catch (error) {
      throw cannotWrite(display, path.dirname(file), error);
    }
    created = true;
    try {
      await handle.writeFile(bytes);
      await handle.chmod(mode);
      await handle.sync();
    } catch (error) {
      throw cannotWrite(display, path.dirname(file), error);
    } finally {
      await handle.close();
    }
    if (options.expected === null) {
      await publishNew(fs, temp, file, display);
    } else {
      let current: Uint8Array;
      try {
        current = await fs.readFile(file);
      } catch (error) {
        throw changedOnDisk(display, error);
      }
      if (!sameBytes(current, options.expected)) throw changedOnDisk(display);
      await fs.rename(temp, file);
    }
    created = false;
  } finally {
    if (created) await fs.rm(temp, { force: true }).catch(() => undefined);
  }
  await syncFolder(fs, path.dirname(file));
}

/** A new file must not replace one that appeared meanwhile: `link` fails if the name is taken. */
async function publishNew(fs: AtomicFs, temp: string, file: string, display: string): Promise<void> {
  try {
    await fs.link(temp, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new ConcurrentEditError(`${display} already exists (it appeared while clientbook was writing it).`, { hint: 'Nothing was written. Run the command again.' });
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
    // File systems without hard links: check, then rename (a narrower window, not none).
    if (await fs.stat(file).then(() => true, () => false)) throw new ConcurrentEditError(`${display} already exists.`, { hint: 'Nothing was written.' });
    await fs.rename(temp, file);
    return;
  }
  await fs.rm(temp, { force: true });
}

async function syncFolder(fs: AtomicFs, dir: string): Promise<void> {
  // Makes the rename itself durable; some systems cannot open a folder for syncing, which is harmless.
  try {
    const handle = await fs.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // best effort
  }
}

function changedOnDisk(display: string, cause?: unknown): EditError {
  const gone = (cause as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
  return new ConcurrentEditError(
    gone ? `${display} was deleted or moved while clientbook was editing it.` : `${display} changed on disk while clientbook was editing it (an editor saved it?).`,
    { hint: 'Nothing was written, so the other change is kept. Save your editor\'s changes, then run the command again.' },
  );
}
