/** One `git log --name-status` over the whole portfolio folder, parsed into commits and the files each touched. */
import { git, GitError } from './run.ts';
import { portfolioPathspec, type Repository } from './repository.ts';

export type FileChange = 'added' | 'modified' | 'renamed' | 'deleted';

export interface LogFile {
  change: FileChange;
  /** Repository path after the commit (for a deletion: the path deleted). */
  path: string;
  /** Repository path before a rename. */
  from?: string;
}

export interface LogCommit {
  hash: string;
  /** Author time, ISO 8601 with the author's own offset (`2026-11-03T17:40:00-07:00`). */
  time: string;
  author: string;
  subject: string;
  files: LogFile[];
}

// Record and unit separators delimit commits and header fields; -z already NUL-separates the paths.
const FORMAT = '%x1e%H%x1f%aI%x1f%aN%x1f%s';

/** Every commit that touched the portfolio folder, newest first. Merge commits list no files and are left out. */
export async function readLog(repo: Repository): Promise<LogCommit[]> {
  let stdout: Buffer;
  try {
    ({ stdout } = await git(
      // Settings a user may have that would change the output: signatures, colour, a root commit without files.
      ['-c', 'log.showSignature=false', '-c', 'log.showRoot=true', 'log', '--no-color', '-z', '--name-status', '-M', '--no-merges', `--format=${FORMAT}`, '--', portfolioPathspec(repo)],
      { cwd: repo.root },
    ));
  } catch (error) {
    // A repository without a first commit has no history rather than a broken one.
    if (error instanceof GitError && /does not have any commits yet|bad default revision 'HEAD'/.test(error.detail)) return [];
    throw error;
  }
  return parseLog(stdout.toString('utf8'));
}

export function parseLog(text: string): LogCommit[] {
  const commits: LogCommit[] = [];
  for (const chunk of text.split('\x1e')) {
    if (chunk === '') continue;
    const headerEnd = chunk.indexOf('\0');
    const header = headerEnd === -1 ? chunk : chunk.slice(0, headerEnd);
    const [hash = '', time = '', author = '', ...subject] = header.replace(/\n$/, '').split('\x1f');
    const files: LogFile[] = [];
    const tokens = headerEnd === -1 ? [] : chunk.slice(headerEnd + 1).replace(/^\n/, '').split('\0');
    for (let i = 0; i < tokens.length; i++) {
      const status = tokens[i]!;
      if (status === '') continue;
      const letter = status[0];
      if (letter === 'R' || letter === 'C') {
        const from = tokens[++i] ?? '';
        const to = tokens[++i] ?? '';
        // A copy leaves its source in place: for the copy it is a new file.
        files.push(letter === 'R' ? { change: 'renamed', path: to, from } : { change: 'added', path: to });
      } else {
        const file = tokens[++i] ?? '';
        files.push({ change: letter === 'A' ? 'added' : letter === 'D' ? 'deleted' : 'modified', path: file });
      }
    }
    commits.push({ hash, time, author, subject: subject.join('\x1f'), files });
  }
  return commits;
}
