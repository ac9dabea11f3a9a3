/**
 * Installs the pre-commit hook of `templates/pre-commit` into the repository that holds a portfolio.
 * A hook that is not ours is never overwritten without `force`, and then it is kept beside it.
 */
import { chmod, mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PACKAGE_ROOT } from '../package-root.ts';
import { findRepository } from './repository.ts';
import { git } from './run.ts';

export const HOOK_TEMPLATE = path.join(PACKAGE_ROOT, 'templates', 'pre-commit');
/** The template's first comment: how an installed hook is recognised as ours. */
const MARKER = '# clientbook pre-commit hook';

export interface HookInstall {
  /** The portfolio folder. */
  dir: string;
  /** Replace a pre-commit hook that is not clientbook's (it is kept as `pre-commit.backup`). */
  force?: boolean;
  /**
   * How the hook runs clientbook, as argv words. Default: `npx --no-install clientbook` when the
   * repository has clientbook installed, else this very Node and entry point (a portfolio kept
   * outside the tool's repository).
   */
  command?: readonly string[];
}

export type HookResult =
  | { status: 'installed' | 'updated'; hook: string; dir: string; backup?: string }
  /** A different pre-commit hook is there and `force` was not given. */
  | { status: 'exists'; hook: string; dir: string };

export async function installPreCommitHook(options: HookInstall): Promise<HookResult> {
  const repo = await findRepository(options.dir);
  const { stdout } = await git(['rev-parse', '--git-path', 'hooks'], { cwd: repo.root });
  const hooks = path.resolve(repo.root, stdout.toString('utf8').trim());
  const hook = path.join(hooks, 'pre-commit');
  const dir = repo.prefix === '' ? '.' : repo.prefix;

  const existing = await readFile(hook, 'utf8').catch(() => undefined);
  const ours = existing?.includes(MARKER) ?? false;
  if (existing !== undefined && !ours && !options.force) return { status: 'exists', hook, dir };

  const command = options.command ?? (await defaultCommand(repo.root));
  const script = (await readFile(HOOK_TEMPLATE, 'utf8'))
    // sh reads a CR as part of each line (`#!/bin/sh\r`: no such interpreter): a template that came
    // through a Windows checkout still makes a hook that runs.
    .replace(/\r\n?/g, '\n')
    // Function replacers: a `$` in a path must stay a `$`.
    .replace(/^CLIENTBOOK_DIR=.*$/m, () => `CLIENTBOOK_DIR=${shellQuote(dir)}`)
    .replace(/^clientbook\(\) \{.*\}$/m, () => `clientbook() { ${command.map(shellQuote).join(' ')} "$@"; }`);

  await mkdir(hooks, { recursive: true });
  let backup: string | undefined;
  if (existing !== undefined && !ours) {
    backup = await freeName(`${hook}.backup`);
    await rename(hook, backup);
  }
  await writeFile(hook, script);
  await chmod(hook, 0o755);
  return { status: ours ? 'updated' : 'installed', hook, dir, ...(backup ? { backup } : {}) };
}

async function defaultCommand(root: string): Promise<string[]> {
  const local = await stat(path.join(root, 'node_modules', '.bin', 'clientbook')).then(() => true, () => false);
  if (local) return ['npx', '--no-install', 'clientbook'];
  return [process.execPath, path.join(PACKAGE_ROOT, 'scripts', 'bin', 'clientbook.js')];
}

/** Single-quotes a word for sh unless it is plainly safe. */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

async function freeName(base: string): Promise<string> {
  for (let n = 0; ; n++) {
    const name = n === 0 ? base : `${base}.${n}`;
    if (!(await stat(name).then(() => true, () => false))) return name;
  }
}
