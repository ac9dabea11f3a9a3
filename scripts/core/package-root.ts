/**
 * The folder that holds clientbook itself (templates/, site/, scripts/bin/), found from wherever
 * this module runs: its source under scripts/core, or the CLI's bundle under node_modules/.cache.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'scripts', 'bin', 'clientbook.js'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`clientbook's package folder is not above ${from}`);
  }
}

/**
 * The first copy of this module in the process finds the folder and registers it: `build` and `dev`
 * run the site's modules, with a copy of this one, from a bundle Astro writes to a work folder
 * outside the package (site-integration/work-dir.ts), where no search from its own place can find it.
 */
const KEY = Symbol.for('clientbook.package-root');
const registry = globalThis as { [KEY]?: string };

export const PACKAGE_ROOT = (registry[KEY] ??= findPackageRoot(path.dirname(fileURLToPath(import.meta.url))));
