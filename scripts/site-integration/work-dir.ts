/**
 * Where Astro may write while it builds or serves the site: a private folder of this run, never the
 * clientbook package. Astro writes `.astro/` into its project root (types, the content store), its
 * cache and Vite's beside it, and the page bundle of a build into `<cwd>/.astro/.prerender`. With the
 * package as the root, an installed clientbook wrote all of that into `node_modules/clientbook`,
 * and a read-only install (a shared or packaged node_modules) could not build at all. So the root is
 * this folder, and the site's sources are read from the package (`srcDir`).
 *
 * The folder is made in the `node_modules/.cache/clientbook/` beside the package (the book's own
 * node_modules, or this repository's), where tools keep their caches; when that cannot be written,
 * in the system's temporary folder. Either way it gets a `node_modules` link to the one the package
 * resolves its libraries from, so the page bundle Astro writes and imports there finds the same
 * copies of astro, zod or yaml that the package does (a book may hold other versions of them).
 * Each run has its own folder (two builds at once never share one) and removes it when done.
 */
import { mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PACKAGE_ROOT } from '#core/package-root';

/** The site's sources (Astro's `srcDir`), read where the package is. */
export const SITE_DIR = path.join(PACKAGE_ROOT, 'site');

export interface WorkDir {
  /** The folder (absolute): Astro's root and the build's working directory. */
  dir: string;
  /** Removes the folder and everything in it. */
  remove: () => Promise<void>;
  /**
   * Vite's cache (its pre-bundled dependencies): kept from run to run beside the work folders when
   * that is in the book, as it was in the package, else in the work folder. A fresh one makes the
   * dev server bundle the pages' dependencies again on the first page, and reload that page.
   */
  viteCache: string;
}

/** The `node_modules` folder that holds an installed package, or the package's own in this repository. */
export function cacheBase(packageRoot: string = PACKAGE_ROOT): string {
  const parent = path.dirname(packageRoot);
  // `node_modules/clientbook`, or a scoped `node_modules/@scope/clientbook`.
  const holder = path.basename(parent) === 'node_modules' ? parent : path.basename(path.dirname(parent)) === 'node_modules' && path.basename(parent).startsWith('@') ? path.dirname(parent) : undefined;
  return path.join(holder ?? path.join(packageRoot, 'node_modules'), '.cache', 'clientbook');
}

/**
 * The node_modules folders the package resolves its libraries from, nearest first: its own (the
 * versions only it uses) and the one that holds it (hoisted libraries).
 */
function libraryFolders(packageRoot: string): string[] {
  const folders: string[] = [];
  for (let dir = packageRoot; ; dir = path.dirname(dir)) {
    const candidate = path.basename(dir) === 'node_modules' ? dir : path.join(dir, 'node_modules');
    if (existsSync(candidate) && !folders.includes(candidate)) folders.push(candidate);
    if (path.dirname(dir) === dir) return folders;
  }
}

/** A new private work folder for one run of `kind` (`build`, `dev`). */
export async function makeWorkDir(kind: 'build' | 'dev', packageRoot: string = PACKAGE_ROOT): Promise<WorkDir> {
  const base = cacheBase(packageRoot);
  const inBook = await mkdir(base, { recursive: true })
    .then(() => newFolder(base, `${kind}-`))
    .then((top) => linked(top, packageRoot))
    // A read-only node_modules, or a disk that holds no links (a book on a FAT memory stick).
    .catch(() => undefined);
  if (inBook) return { ...inBook, viteCache: path.join(base, 'vite') };
  const work = await linked(await newFolder(os.tmpdir(), `clientbook-${kind}-`), packageRoot);
  return { ...work, viteCache: path.join(work.dir, '.astro', 'vite') };
}

/**
 * The work folder in `top`, with links to the package's library folders: the outermost as
 * `top/node_modules`, the next as `top/w/node_modules`, and so on; the work folder is the innermost.
 * Node looks for a library in each node_modules from the importing file upward: the package's own
 * order. A folder beside one of `top`'s own parents needs no link: Node looks there anyway (in the
 * book's cache, that is the book's node_modules and those above it). On failure `top` is removed.
 */
async function linked(top: string, packageRoot: string): Promise<Omit<WorkDir, 'viteCache'>> {
  const remove = () => rm(top, { recursive: true, force: true });
  try {
    let dir = top;
    for (const folder of libraryFolders(packageRoot).filter((f) => !isInside(top, path.dirname(f))).reverse()) {
      // A junction on Windows: no privilege needed, and folders only, which is all this is.
      await symlink(folder, path.join(dir, 'node_modules'), 'junction');
      dir = path.join(dir, 'w');
      await mkdir(dir);
    }
    return { dir, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

/**
 * `base/PREFIX<pid>-XXXXXX`, private to this user. Folders of the same kind left by a process that
 * is gone (killed before it could remove its own) are removed first.
 */
async function newFolder(base: string, prefix: string): Promise<string> {
  const names = await readdir(base).catch(() => [] as string[]);
  for (const name of names) {
    const pid = name.startsWith(prefix) ? Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1]) : Number.NaN;
    if (Number.isSafeInteger(pid) && pid !== process.pid && !alive(pid)) await rm(path.join(base, name), { recursive: true, force: true }).catch(() => {});
  }
  return mkdtemp(path.join(base, `${prefix}${process.pid}-`));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isInside(file: string, folder: string): boolean {
  const rel = path.relative(folder, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
