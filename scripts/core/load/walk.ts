/** Finds the client files of a portfolio folder (FORMAT.md "The portfolio"). */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import { slugify } from '../slug.ts';

/** Names beginning with `_` or `.` are not clients; nor is anything not ending in `.md`. */
export const isIgnoredName = (name: string) => name.startsWith('_') || name.startsWith('.');

/** A subfolder that could not be read: its clients would otherwise be missing without a word. */
export interface FolderProblem {
  /** The folder's path relative to the portfolio folder, with forward slashes. */
  relPath: string;
  message: string;
  hint: string;
}

export interface PortfolioListing {
  /** Client files, relative to the folder with forward slashes, sorted. */
  files: string[];
  /** Subfolders that could not be read, sorted. */
  unreadable: FolderProblem[];
  /** Files that end in `.md` in other capitals (`Acme.MD`): not clients, but surely meant to be. Sorted. */
  misnamed: string[];
}

const isRoot = () => process.getuid?.() === 0;

/**
 * Root lists and enters every folder whatever its mode (CI runs as root), so the bits decide there,
 * as the kernel would for anyone else: a folder without read or search permission is not read.
 */
const deniedByMode = (mode: number) => isRoot() && ((mode & 0o444) === 0 || (mode & 0o111) === 0);

/**
 * Client files under `dir`, and the subfolders that could not be read. Anything named like a client
 * file is listed unless it is a folder or a link to one (links to folders are not followed): a
 * symbolic link to a file, a broken link, a FIFO or a device is then reported by the reader, never
 * silently skipped and never followed. Throws when `dir` itself cannot be read.
 */
export async function walkPortfolio(dir: string): Promise<PortfolioListing> {
  const files: string[] = [];
  const unreadable: FolderProblem[] = [];
  const misnamed: string[] = [];
  const top = await stat(dir);
  if (top.isDirectory() && deniedByMode(top.mode)) throw Object.assign(new Error(`EACCES: permission denied, scandir '${dir}'`), { code: 'EACCES' });
  const visit = async (rel: string, top: boolean): Promise<void> => {
    const full = rel === '' ? dir : path.join(dir, rel);
    let entries;
    try {
      if (!top) {
        const s = await stat(full);
        if (deniedByMode(s.mode)) throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
      }
      entries = await readdir(full, { withFileTypes: true });
    } catch (error) {
      if (top) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return; // Removed while listing.
      unreadable.push({
        relPath: rel,
        message:
          code === 'EACCES' || code === 'EPERM'
            ? 'This folder cannot be read (permission denied), so the clients in it are left out.'
            : `This folder cannot be read (${code ?? String(error)}), so the clients in it are left out.`,
        hint: 'Give yourself read and search permission on the folder (e.g. `chmod u+rx FOLDER`), or move it out of the portfolio.',
      });
      return;
    }
    const below: string[] = [];
    for (const entry of entries) {
      if (isIgnoredName(entry.name) || entry.name === 'node_modules') continue;
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        below.push(child);
        continue;
      }
      if (!entry.name.endsWith('.md')) {
        if (/\.md$/i.test(entry.name) && !entry.isDirectory()) misnamed.push(child);
        continue;
      }
      // A link to a folder is not followed, and is no client; a link to anything else is listed so
      // the reader reports it (it never reads through it).
      if (entry.isSymbolicLink() && (await stat(path.join(full, entry.name)).then((s) => s.isDirectory(), () => false))) continue;
      files.push(child);
    }
    await Promise.all(below.map((child) => visit(child, false)));
  };
  await visit('', true);
  return { files: files.sort(), unreadable: unreadable.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0)), misnamed: misnamed.sort() };
}

/** Client files under `dir`, as paths relative to it with forward slashes, sorted. */
export async function listClientFiles(dir: string): Promise<string[]> {
  return (await walkPortfolio(dir)).files;
}

/** An unreadable subfolder as an error at its path (1:1), like a file that cannot be read. */
export function folderDiagnostic(problem: FolderProblem, display: (rel: string) => string): Diagnostic {
  return {
    file: display(problem.relPath),
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    severity: 'error',
    code: 'unreadable-folder',
    message: problem.message,
    hint: problem.hint,
  };
}

/**
 * A file that ends in `.MD` (or `.Md`): FORMAT.md ignores it, since it does not end in `.md`, but a
 * client saved so would drop out of every report without a word. A warning at the file says so.
 * (`README.markdown` and other extensions stay ignored without a word, as the format says.)
 */
export function misnamedDiagnostic(relPath: string, display: (rel: string) => string): Diagnostic {
  const name = relPath.split('/').pop()!;
  const base = name.slice(0, -3);
  const id = slugify(base) || 'client-name';
  return {
    file: display(relPath),
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    severity: 'warning',
    code: 'not-md',
    message: `\`${name}\` is not read: client files end in \`.md\`, in lowercase.`,
    hint: `If it is a client, rename it to \`${id}.md\`; to keep it in the folder as something else, begin its name with \`_\` (\`_${name}\`).`,
  };
}
