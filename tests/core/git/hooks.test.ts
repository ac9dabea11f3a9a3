import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { run } from '../../helpers/cli.ts';
import { client } from '../../helpers/portfolio.ts';
import { gitEnv, tempRepos, type TempRepo } from '../../helpers/git-repo.ts';

const newRepo = tempRepos();

function portfolio(): TempRepo {
  const repo = newRepo();
  repo.write({ 'book/acme.md': client('name: Acme'), 'README.md': 'hi\n' });
  repo.commit('Add Acme', '2026-11-01T09:00:00Z');
  return repo;
}

/** A real `git commit`, hooks and all. */
function commit(repo: TempRepo, message: string) {
  const env = gitEnv({ GIT_AUTHOR_DATE: '2026-11-02T09:00:00Z', GIT_COMMITTER_DATE: '2026-11-02T09:00:00Z' });
  const result = spawnSync('git', ['commit', '-q', '-m', message], { cwd: repo.root, env, encoding: 'utf8' });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

const hookOf = (repo: TempRepo) => path.join(repo.root, '.git', 'hooks', 'pre-commit');

describe('clientbook hooks install', () => {
  test('writes an executable pre-commit hook for the portfolio folder', async () => {
    const repo = portfolio();
    const result = await run(['hooks', 'install', '--dir', 'book'], repo.root);
    expect(result).toEqual({
      code: 0,
      stdout:
        'Installed the pre-commit hook .git/hooks/pre-commit: it validates book before each commit that changes it.\nSkip it for one commit with `git commit --no-verify`.\n',
      stderr: '',
    });
    const hook = readFileSync(hookOf(repo), 'utf8');
    expect(hook).toMatch(/^#!\/bin\/sh\n# clientbook pre-commit hook/);
    expect(hook).toContain('\nCLIENTBOOK_DIR=book\n');
    // No clientbook in this repository's node_modules: the hook runs this very installation.
    expect(hook).toContain(`clientbook() { ${process.execPath} ${path.resolve('scripts/bin/clientbook.js')} "$@"; }`);
    expect(statSync(hookOf(repo)).mode & 0o111).toBe(0o111);
    const again = await run(['hooks', 'install', '--dir', 'book'], repo.root);
    expect(again.stdout).toMatch(/^Updated the pre-commit hook/);
    expect(again.stdout).toMatchInlineSnapshot(`
      "Updated the pre-commit hook .git/hooks/pre-commit: it validates book before each commit that changes it.
      Skip it for one commit with \`git commit --no-verify\`.
      "
    `);
  });

  test('in a repository with clientbook installed, the hook runs it through npx', async () => {
    const repo = portfolio();
    repo.write({ 'node_modules/.bin/clientbook': '' });
    expect((await run(['hooks', 'install', '--dir', 'book'], repo.root)).code).toBe(0);
    expect(readFileSync(hookOf(repo), 'utf8')).toContain('\nclientbook() { npx --no-install clientbook "$@"; }\n');
  });

  test('the hook stops a commit with an invalid client file, lets a valid one through, and ignores commits outside the portfolio', async () => {
    const repo = portfolio();
    expect((await run(['hooks', 'install', '--dir', 'book'], repo.root)).code).toBe(0);

    repo.write({ 'book/acme.md': client('name: Acme\ntype: strategc') });
    repo.git('add', '-A');
    const stopped = commit(repo, 'Bad type');
    expect(stopped.code).toBe(1);
    expect(stopped.output).toContain('book/acme.md:3:7: error: `type: strategc` is not a valid type.');
    expect(stopped.output).toContain('clientbook: the commit was stopped because the portfolio has errors');
    expect(stopped.output).toMatchInlineSnapshot(`
      "book/acme.md:3:7: error: \`type: strategc\` is not a valid type. Did you mean \`strategic\`? [bad-enum]
        2 | name: Acme
      > 3 | type: strategc
          |       ^^^^^^^^
        4 | contact:
        hint: Write one of basic, strategic or break-fix.

      1 file checked: 1 error, 0 warnings.

      clientbook: the commit was stopped because the portfolio has errors (listed above).
        Fix them and commit again, or commit anyway with: git commit --no-verify
      "
    `);
    expect(repo.git('log', '--format=%s')).toBe('Add Acme');

    // The invalid file is on disk but not staged: a commit of the README alone is not held up.
    repo.git('reset', '-q');
    repo.write({ 'README.md': 'hello\n' });
    repo.git('add', 'README.md');
    expect(commit(repo, 'README only').code).toBe(0);

    repo.write({ 'book/acme.md': client('name: Acme\ntype: strategic') });
    repo.git('add', '-A');
    const allowed = commit(repo, 'Acme goes strategic');
    expect(allowed).toMatchObject({ code: 0 });
    expect(allowed.output).toContain('1 file checked: no problems.');
    expect(repo.git('log', '--format=%s')).toBe('Acme goes strategic\nREADME only\nAdd Acme');
  });

  test('the line to add to a hook of one\'s own runs as written: a folder with a space or a quote is quoted for sh', async () => {
    const repo = newRepo();
    repo.write({ "Bob's clients/acme.md": client('name: Acme') });
    repo.commit('Add Acme', '2026-11-01T09:00:00Z');
    writeFileSync(hookOf(repo), '#!/bin/sh\necho mine\n', { mode: 0o755 });
    const refused = await run(['hooks', 'install', '--dir', "Bob's clients"], repo.root);
    expect(refused.stderr).toContain("hint: Add the line `npx clientbook validate --dir 'Bob'\\''s clients'` to that hook yourself");
    const line = /`(npx clientbook validate --dir [^`]+)`/.exec(refused.stderr)![1]!;
    // What sh makes of the line's last word is the folder's name.
    const words = spawnSync('sh', ['-c', `set -- ${line.slice('npx clientbook validate --dir '.length)}; printf '%s|' "$@"`], { encoding: 'utf8' }).stdout;
    expect(words).toBe("Bob's clients|");
  });

  test('refuses to replace a pre-commit hook that is not clientbook\'s, unless --force, and keeps the old one', async () => {
    const repo = portfolio();
    writeFileSync(hookOf(repo), '#!/bin/sh\necho mine\n', { mode: 0o755 });
    const refused = await run(['hooks', 'install', '--dir', 'book'], repo.root);
    expect(refused).toEqual({
      code: 1,
      stdout: '',
      stderr:
        "error: There is already a pre-commit hook, and it is not clientbook's: .git/hooks/pre-commit.\n  hint: Add the line `npx clientbook validate --dir book` to that hook yourself, or run `clientbook hooks install --force` to replace it (the old hook is kept as pre-commit.backup).\n",
    });
    expect(readFileSync(hookOf(repo), 'utf8')).toBe('#!/bin/sh\necho mine\n');

    const forced = await run(['hooks', 'install', '--dir', 'book', '--force'], repo.root);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('The previous hook is kept as .git/hooks/pre-commit.backup.\n');
    expect(forced.stdout).toMatchInlineSnapshot(`
      "Installed the pre-commit hook .git/hooks/pre-commit: it validates book before each commit that changes it.
      The previous hook is kept as .git/hooks/pre-commit.backup.
      Skip it for one commit with \`git commit --no-verify\`.
      "
    `);
    expect(readFileSync(`${hookOf(repo)}.backup`, 'utf8')).toBe('#!/bin/sh\necho mine\n');
    expect(readFileSync(hookOf(repo), 'utf8')).toContain('# clientbook pre-commit hook');
  });
});
