/** Finds the client files of a portfolio folder (FORMAT.md "The portfolio"). */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** Names beginning with `_` or `.` are not clients; nor is anything not ending in `.md`. */
export const isIgnoredName = (name: string) => name.startsWith('_') || name.startsWith('.');

/** Client files under `dir`, as paths relative to it with forward slashes, sorted. */
export async function listClientFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (!entry.name.endsWith('.md')) continue;
    const full = path.join(entry.parentPath, entry.name);
    const rel = path.relative(dir, full).split(path.sep);
    if (rel.some(isIgnoredName) || rel.includes('node_modules')) continue;
    // A symlinked client file counts as a client, and so does a broken link (it is reported as a file
    // that cannot be read, rather than a client silently gone); a link to a folder is not followed.
    if (!entry.isFile() && !(entry.isSymbolicLink() && (await stat(full).then((s) => s.isFile(), () => true)))) continue;
    files.push(rel.join('/'));
  }
  return files.sort();
}
