/**
 * The git repository that holds a portfolio folder. Git commands act on that repository, wherever
 * clientbook itself runs from (DESIGN.md "The CLI"); paths inside it are relative to its top level.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { git } from './run.ts';

export interface Repository {
  /** Absolute path of the working tree's top level. */
  root: string;
  /** The portfolio folder relative to `root`, with forward slashes, no trailing slash; '' for the top level. */
  prefix: string;
  /** `sha1` or `sha256`: how git names blobs, to recognise unchanged files without reading them from git. */
  objectFormat: string;
  /** A shallow clone (CI checks out one commit by default): history stops at its boundary commits. */
  shallow: boolean;
  /** Absolute path of the `shallow` file that lists the boundary commits. */
  shallowFile: string;
}

/**
 * Finds the repository of `dir`. The folder itself need not exist (it may have been deleted in the
 * working tree); the nearest existing parent is asked.
 */
export async function findRepository(dir: string): Promise<Repository> {
  let probe = path.resolve(dir);
  const missing: string[] = [];
  while (!(await isDirectory(probe))) {
    const parent = path.dirname(probe);
    if (parent === probe) break;
    missing.unshift(path.basename(probe));
    probe = parent;
  }
  const { stdout } = await git(
    ['rev-parse', '--show-toplevel', '--show-prefix', '--is-shallow-repository', '--git-path', 'shallow', '--show-object-format'],
    { cwd: probe },
  );
  const [root = '', shownPrefix = '', shallow = 'false', shallowFile = 'shallow', objectFormat = 'sha1'] = stdout.toString('utf8').split('\n');
  const prefix = [...shownPrefix.split('/'), ...missing].filter((s) => s !== '').join('/');
  return {
    root: path.resolve(root),
    prefix,
    objectFormat,
    shallow: shallow === 'true',
    shallowFile: path.resolve(probe, shallowFile),
  };
}

/** The pathspec that selects the portfolio folder, for commands run at the top level. */
export const portfolioPathspec = (repo: Repository) => (repo.prefix === '' ? '.' : repo.prefix);

/** `clients/former/acme.md` (repository path) -> `former/acme.md` (portfolio path); undefined outside the folder. */
export function toPortfolioPath(repo: Repository, repoPath: string): string | undefined {
  if (repo.prefix === '') return repoPath;
  return repoPath.startsWith(`${repo.prefix}/`) ? repoPath.slice(repo.prefix.length + 1) : undefined;
}

export const toRepoPath = (repo: Repository, portfolioPath: string) =>
  repo.prefix === '' ? portfolioPath : `${repo.prefix}/${portfolioPath}`;

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}
