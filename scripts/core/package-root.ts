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

export const PACKAGE_ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));
