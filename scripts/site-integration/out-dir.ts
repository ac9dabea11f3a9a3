/**
 * Astro empties the output folder before it builds. So that a mistyped `--out` can never delete a
 * user's files, the site is only built into a folder that is new, empty, or marked as built by us.
 */
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Written into every built site; its presence says the folder may be emptied and rebuilt. */
export const OUT_MARKER = '.clientbook-site';
const MARKER_TEXT = 'Built by clientbook. `clientbook build` empties this folder and builds the site again.\n';

export interface OutDirProblem {
  /** `holds`: it is or contains a folder to keep; `foreign`: it has files clientbook did not build; `not-a-folder`. */
  kind: 'holds' | 'foreign' | 'not-a-folder';
  message: string;
}

/** Why the site must not be built into `outDir`, or undefined when it may. `keep` are folders it must not contain. */
export function outDirProblem(outDir: string, keep: readonly string[]): OutDirProblem | undefined {
  const out = path.resolve(outDir);
  // Compared where they really are: a portfolio reached through a symbolic link (`--dir book/clients`,
  // `book` a link to the output folder) is inside the folder the build empties all the same.
  const realOut = realPath(out);
  for (const folder of keep) {
    const rel = path.relative(realOut, realPath(path.resolve(folder)));
    if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel)))
      return { kind: 'holds', message: `${outDir} holds ${folder}, and building the site empties its output folder first.` };
  }
  if (!existsSync(out)) return undefined;
  let entries: string[];
  try {
    entries = readdirSync(out);
  } catch {
    return { kind: 'not-a-folder', message: `${outDir} is not a folder.` };
  }
  if (entries.length === 0 || entries.includes(OUT_MARKER)) return undefined;
  return {
    kind: 'foreign',
    message: `${outDir} already exists and holds files that clientbook did not build; building the site would delete them.`,
  };
}

/** The path with every symbolic link resolved, as far as it exists; the rest as written. */
function realPath(absolute: string): string {
  try {
    return realpathSync(absolute);
  } catch {
    const parent = path.dirname(absolute);
    return parent === absolute ? absolute : path.join(realPath(parent), path.basename(absolute));
  }
}

export async function markOutDir(outDir: string): Promise<void> {
  await writeFile(path.join(outDir, OUT_MARKER), MARKER_TEXT);
}
