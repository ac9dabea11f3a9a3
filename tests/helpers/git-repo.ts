/** Temporary git repositories with fixed authors and dates, for history and diff tests. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

/** The environment of every git call: no user or system config, no GIT_DIR from a hook running the tests. */
export function gitEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('GIT_')) env[key] = value;
  return {
    ...env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Ann Lee',
    GIT_AUTHOR_EMAIL: 'ann@example.com',
    GIT_COMMITTER_NAME: 'Ann Lee',
    GIT_COMMITTER_EMAIL: 'ann@example.com',
    ...extra,
  };
}

export interface TempRepo {
  root: string;
  /** Runs git in the repository; returns its output, trimmed. */
  git(...args: string[]): string;
  /** Writes files (paths relative to the repository, `/`-separated). */
  write(files: Record<string, string>): void;
  remove(...paths: string[]): void;
  /** `git mv`, creating the target folder. */
  move(from: string, to: string): void;
  /** Stages everything and commits at `date` (ISO 8601 with offset); returns the commit id. */
  commit(message: string, date: string, author?: { name: string; email: string }): string;
}

/**
 * Returns a function that makes a fresh repository (branch `main`), removed after the test file.
 * Git calls made by the code under test see the same environment (set on `process.env` for the file).
 */
export function tempRepos(): () => TempRepo {
  const roots: string[] = [];
  const saved = { ...process.env };
  Object.assign(process.env, gitEnv());
  for (const key of Object.keys(process.env)) if (key.startsWith('GIT_') && !(key in gitEnv())) delete process.env[key];
  afterAll(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  });
  return () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'clientbook-git-'));
    roots.push(root);
    const git = (args: string[], env: Record<string, string> = {}) =>
      execFileSync('git', args, { cwd: root, env: gitEnv(env), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
    git(['init', '-q', '-b', 'main']);
    return {
      root,
      git: (...args) => git(args),
      write(files) {
        for (const [rel, text] of Object.entries(files)) {
          const file = path.join(root, ...rel.split('/'));
          mkdirSync(path.dirname(file), { recursive: true });
          writeFileSync(file, text);
        }
      },
      remove(...paths) {
        for (const rel of paths) rmSync(path.join(root, ...rel.split('/')));
      },
      move(from, to) {
        mkdirSync(path.dirname(path.join(root, ...to.split('/'))), { recursive: true });
        git(['mv', from, to]);
      },
      commit(message, date, author) {
        git(['add', '-A']);
        const who: Record<string, string> = author ? { GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email } : {};
        git(['commit', '-q', '--allow-empty', '-m', message], { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, ...who });
        return git(['rev-parse', 'HEAD']);
      },
    };
  };
}
