/**
 * A revision given to `clientbook diff` is a revision, never an option to git nor a way out of the
 * repository: a value that looks like an option is refused before git runs, a path outside the
 * repository is an error, and nothing is written either way.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { run } from '../../helpers/cli.ts';
import { client } from '../../helpers/portfolio.ts';
import { tempRepos } from '../../helpers/git-repo.ts';

const newRepo = tempRepos();

function repository() {
  const repo = newRepo();
  repo.write({ 'clients/acme.md': client('name: Acme') });
  repo.commit('Add Acme', '2026-11-01T09:00:00Z');
  return repo;
}

describe('a hostile revision', () => {
  test.each([
    ['an option to write a file', (dir: string) => `--output=${path.join(dir, 'pwned')}`],
    ['an option to run a program', (dir: string) => `--upload-pack=touch ${path.join(dir, 'pwned')}`],
    ['a short option', () => '-o'],
  ])('%s, even after `--`, is not a revision (exit 2), and nothing is written', async (_what, revision) => {
    const repo = repository();
    const rev = revision(repo.root);
    const result = await run(['diff', '--dir', 'clients', '--', rev], repo.root);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `error: \`${rev}\` is not a revision.\n  hint: Usage: clientbook diff [FROM] [TO], e.g. clientbook diff origin/main HEAD.\n`,
    });
    expect(existsSync(path.join(repo.root, 'pwned'))).toBe(false);
  });

  test('a path out of the repository, or a file instead of a commit, is an error with git\'s reason (exit 1)', async () => {
    const repo = repository();
    const outside = await run(['diff', '--dir', 'clients', 'HEAD:../../etc/passwd'], repo.root);
    expect(outside).toMatchObject({ code: 1, stdout: '' });
    expect(outside.stderr).toMatch(/^error: .*outside repository/);
    expect(outside.stderr).not.toContain('root:');
    const blob = await run(['diff', '--dir', 'clients', 'HEAD:clients/acme.md'], repo.root);
    expect(blob).toMatchObject({ code: 1, stdout: '' });
    expect(blob.stderr.split('\n')[0]).toBe('error: Unknown revision `HEAD:clients/acme.md`.');
    expect(blob.stderr).not.toContain('name: Acme');
  });
});
