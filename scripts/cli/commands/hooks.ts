import path from 'node:path';
import { installPreCommitHook, shellQuote } from '#core/git/hooks';
import { UserError } from '../errors.ts';
import { namingFolder } from '../git-folder.ts';
import type { Io } from '../io.ts';
import { printable } from '#core/text/printable';

export interface HooksInstallOptions {
  dir: string;
  force?: boolean;
}

/** `hooks install`: a pre-commit hook that validates the portfolio when a commit changes it. */
export async function hooksInstall(io: Io, options: HooksInstallOptions): Promise<number> {
  const dir = path.resolve(io.cwd, options.dir);
  const shown = (p: string) => printable(path.relative(io.cwd, p) || '.');
  let result;
  try {
    result = await installPreCommitHook({ dir, ...(options.force ? { force: true } : {}) });
  } catch (error) {
    throw namingFolder(error, shown(dir));
  }
  if (result.status === 'exists')
    throw new UserError(`There is already a pre-commit hook, and it is not clientbook's: ${shown(result.hook)}.`, {
      hint: `Add the line \`npx clientbook validate --dir ${shellQuote(result.dir)}\` to that hook yourself, or run \`clientbook hooks install --force\` to replace it (the old hook is kept as pre-commit.backup).`,
    });
  const verb = result.status === 'updated' ? 'Updated' : 'Installed';
  io.stdout(`${verb} the pre-commit hook ${shown(result.hook)}: it validates ${printable(result.dir)} before each commit that changes it.\n`);
  if (result.backup) io.stdout(`The previous hook is kept as ${shown(result.backup)}.\n`);
  io.stdout('Skip it for one commit with `git commit --no-verify`.\n');
  return 0;
}
