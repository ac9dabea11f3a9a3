import { existsSync } from 'node:fs';
import path from 'node:path';
import { comparePortfolio } from '#core/git/compare';
import { diffJson, diffMarkdown } from '../diff-format.ts';
import { UserError } from '../errors.ts';
import { namingFolder } from '../git-folder.ts';
import type { Io } from '../io.ts';
import { printable } from '#core/text/printable';

export interface DiffCommandOptions {
  dir: string;
  json?: boolean;
}

/**
 * What changed in client commitments between two revisions (default: from where this branch left
 * the default branch to the working tree), as Markdown for a pull request or as JSON.
 */
export async function diff(io: Io, from: string | undefined, to: string | undefined, options: DiffCommandOptions): Promise<number> {
  const dir = path.resolve(io.cwd, options.dir);
  const shown = path.relative(io.cwd, dir) || '.';
  for (const rev of [from, to])
    if (rev !== undefined && (rev === '' || rev.startsWith('-')))
      throw new UserError(`\`${rev}\` is not a revision.`, { exitCode: 2, hint: 'Usage: clientbook diff [FROM] [TO], e.g. clientbook diff origin/main HEAD.' });
  let comparison;
  try {
    comparison = await comparePortfolio({ dir, shown, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) });
  } catch (error) {
    throw namingFolder(error, shown);
  }
  if (!existsSync(dir) && comparison.files.from === 0 && comparison.files.to === 0)
    throw new UserError(`There is no portfolio folder ${shown}, neither here nor in ${comparison.from.label}.`, {
      hint: 'Run clientbook in the folder that holds clients/, or pass --dir PATH.',
    });
  if (comparison.note) io.stderr(`note: ${printable(comparison.note)}\n`);
  io.stdout(options.json ? `${JSON.stringify(diffJson(comparison), null, 2)}\n` : diffMarkdown(comparison));
  return 0;
}
