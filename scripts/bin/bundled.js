/**
 * The CLI's fast start: the commands that need no site (`validate`, `due`, `new`, `done`, ...) can
 * run from one bundle of clientbook and its libraries (`npm run bundle`, which `npm install` runs),
 * which Node loads in some 50 ms less than the 150 modules it is made of. The bundle is used only
 * while it matches the sources byte for byte in size and time: edit a file under scripts/, or
 * install other versions of the libraries, and the CLI runs from the sources until the next bundle.
 * Plain JavaScript, read on every start: it must cost nothing.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Where `scripts/bundle/build.ts` writes the bundle, under the package root. */
export const BUNDLE_DIR = path.join('node_modules', '.cache', 'clientbook', 'cli');
export const MANIFEST = 'manifest.json';
export const MANIFEST_VERSION = 1;

/**
 * The bundle's entry module (absolute path) when it is there and was built from the files that are
 * here now; otherwise undefined. `root` is the package root.
 */
export function freshBundle(root) {
  const dir = path.join(root, BUNDLE_DIR);
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(dir, MANIFEST), 'utf8'));
  } catch {
    return undefined;
  }
  if (manifest?.version !== MANIFEST_VERSION || !Array.isArray(manifest.inputs) || typeof manifest.entry !== 'string') return undefined;
  for (const [file, size, mtimeMs] of manifest.inputs) {
    const stats = statSync(path.join(root, file), { throwIfNoEntry: false });
    if (!stats || stats.size !== size || stats.mtimeMs !== mtimeMs) return undefined;
  }
  return path.join(dir, manifest.entry);
}

/** Commands that run the Astro site, which loads clientbook from the sources: they run from the sources too. */
const SITE_COMMANDS = new Set(['build', 'dev']);

/** Whether this command line may run from the bundle. */
export function bundleServes(argv, env = process.env) {
  if (env.CLIENTBOOK_NO_BUNDLE === '1') return false;
  return !argv.some((arg) => SITE_COMMANDS.has(arg));
}
