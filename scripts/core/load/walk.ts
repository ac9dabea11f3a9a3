/** Finds the client files of a portfolio folder (FORMAT.md "The portfolio"). */
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** Names beginning with `_` or `.` are not clients; nor is anything not ending in `.md`. */
export const isIgnoredName = (name: string) => name.startsWith('_') || name.startsWith('.');

/** Client files under `dir`, as paths relative to it with forward slashes, sorted. */
export async function listClientFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.md')) continue;
    const rel = path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep);
    if (rel.some(isIgnoredName) || rel.includes('node_modules')) continue;
    files.push(rel.join('/'));
  }
  return files.sort();
}
