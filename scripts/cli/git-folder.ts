/** Git failures about the portfolio folder name it as the user gave it (`--dir`), not as git saw it. */
import { GitError } from '#core/git/run';

export function namingFolder(error: unknown, shownDir: string): unknown {
  if (error instanceof GitError && error.kind === 'not-a-repository')
    return new GitError('not-a-repository', `The portfolio folder ${shownDir} is not in a git repository.`, error.detail);
  return error;
}
