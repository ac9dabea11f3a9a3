/**
 * Runs git without a shell and collects its whole output. `spawn` rather than `execFile`: output is
 * gathered in chunks with no `maxBuffer` to outgrow (a 10,000-client log runs to tens of megabytes),
 * and `cat-file --batch` needs its standard input.
 */
import { spawn } from 'node:child_process';
import { ClientbookError, type FailureCode } from '../errors.ts';

/** Why git could not do what was asked; each comes with what to do about it. */
export type GitFailure = 'not-installed' | 'not-a-repository' | 'unknown-revision' | 'failed';

const CODES: Record<GitFailure, FailureCode> = {
  'not-installed': 'git-not-installed',
  'not-a-repository': 'not-a-repository',
  'unknown-revision': 'unknown-revision',
  failed: 'git-failed',
};

function hintFor(kind: GitFailure, detail: string): string | undefined {
  switch (kind) {
    case 'not-installed':
      return 'Install git (https://git-scm.com/downloads) and run the command again.';
    case 'not-a-repository':
      return 'This command works on git history: run `git init` and commit the portfolio, or pass --dir to a portfolio inside a repository.';
    case 'unknown-revision':
      return 'Give a branch, tag or commit of this repository (see `git branch -a` and `git log --oneline`). In GitHub Actions, check out with `fetch-depth: 0` so that the base branch is there.';
    default:
      return detail ? `git said: ${detail.split('\n').slice(0, 3).join(' ')}` : undefined;
  }
}

export class GitError extends ClientbookError {
  readonly kind: GitFailure;
  /** What git itself said, trimmed. */
  readonly detail: string;
  constructor(kind: GitFailure, message: string, detail = '') {
    super(CODES[kind], message, { hint: hintFor(kind, detail) });
    this.name = 'GitError';
    this.kind = kind;
    this.detail = detail;
  }
}

export interface GitOptions {
  /** The folder git runs in (must exist). */
  cwd: string;
  /** Fed to standard input. */
  input?: string;
  /** Exit codes that are answers rather than failures (`rev-parse --verify --quiet` exits 1 for "no such revision"). */
  okCodes?: readonly number[];
}

export interface GitResult {
  stdout: Buffer;
  code: number;
}

const ENV: Record<string, string> = {
  // Never wait for a password prompt; never take the index lock for a read (the user may be committing).
  GIT_TERMINAL_PROMPT: '0',
  GIT_OPTIONAL_LOCKS: '0',
  // Paths we pass are file names, never patterns: a folder called `[old]` must not become a glob.
  GIT_LITERAL_PATHSPECS: '1',
  // English messages, so that failures can be told apart.
  LC_ALL: 'C',
};

/** Runs `git <args>`; a non-zero exit not in `okCodes` becomes a GitError. */
export function git(args: readonly string[], options: GitOptions): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      cwd: options.cwd,
      env: { ...process.env, ...ENV },
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'ENOENT'
          ? new GitError('not-installed', 'git is not installed, or not on the PATH.')
          : new GitError('failed', `git could not be started: ${error.message}`),
      );
    });
    // A failing reader must not leave git blocked on a full pipe, nor crash us with EPIPE.
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
    child.on('close', (code) => {
      const stdout = Buffer.concat(out);
      const exit = code ?? 1;
      if (exit === 0 || options.okCodes?.includes(exit)) return resolve({ stdout, code: exit });
      const detail = Buffer.concat(err).toString('utf8').trim();
      reject(classify(args, detail));
    });
  });
}

function classify(args: readonly string[], detail: string): GitError {
  const words = args.filter((a, i) => a !== '-c' && args[i - 1] !== '-c');
  const command = `git ${words.slice(0, 2).join(' ')}`;
  if (/not a git repository/i.test(detail)) return new GitError('not-a-repository', 'This folder is not in a git repository.', detail);
  if (/unknown revision|bad revision|not a valid object name|invalid object name|needed a single revision|bad object/i.test(detail))
    return new GitError('unknown-revision', 'Unknown revision.', detail);
  return new GitError('failed', `${command} failed${detail ? `: ${detail.split('\n')[0]}` : '.'}`, detail);
}

/** Splits NUL-separated output (`-z`), dropping the empty piece after the last NUL. */
export function splitNul(text: string): string[] {
  const parts = text.split('\0');
  if (parts.at(-1) === '') parts.pop();
  return parts;
}
