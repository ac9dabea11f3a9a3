/** Which files of the portfolio differ from the last commit: changed, staged or never committed. */
import { git, splitNul } from './run.ts';
import { portfolioPathspec, type Repository } from './repository.ts';

export interface WorkingChange {
  /** Repository path. */
  path: string;
  /** Not known to git at all (`??`), as opposed to changed or staged. */
  untracked: boolean;
}

export async function readWorkingChanges(repo: Repository): Promise<WorkingChange[]> {
  const { stdout } = await git(
    ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames', '--', portfolioPathspec(repo)],
    { cwd: repo.root },
  );
  // Porcelain v1 entries are `XY path`; paths are relative to the top level whatever the cwd.
  return splitNul(stdout.toString('utf8')).map((entry) => ({ path: entry.slice(3), untracked: entry.startsWith('??') }));
}
