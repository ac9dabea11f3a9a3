import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { run } from '../helpers/cli.ts';
import { client } from '../helpers/portfolio.ts';
import { tempRepos, type TempRepo } from '../helpers/git-repo.ts';

const newRepo = tempRepos();

const HANK = `name: Hank's Hardware
type: strategic
growth:
  outlook: growing
actions:
  - title: Send the quote for the new server
    due: 2026-11-20
  - title: Renew anti-virus for all seats
    due: 2026-12-15
    every: 1 year
  - title: Test a restore
    due: 2026-12-09
assets:
  - name: ESET PROTECT Entry
    kind: licence
    expires: 2026-12-15
roadmap:
  - title: Replace the main server
    when: 2027-Q2
    cost: 6500
    status: proposed`;

/** A repository with three clients on main, committed on fixed dates. */
function portfolio(): TempRepo {
  const repo = newRepo();
  repo.write({
    'clients/hanks-hardware.md': client(HANK),
    'clients/lakeside-dental.md': client('name: Lakeside Dental'),
    'clients/two-mile-auto.md': client('name: Two Mile Auto'),
    'README.md': '# Our clients\n',
  });
  repo.commit('Add the portfolio', '2026-11-01T09:00:00-07:00');
  return repo;
}

const diff = (repo: TempRepo, ...args: string[]) => run(['diff', ...args], repo.root);

describe('clientbook diff', () => {
  test('default range: from where the branch left main to the working tree, as a pull-request comment', async () => {
    const repo = portfolio();
    repo.git('checkout', '-q', '-b', 'november-visits');
    repo.write({
      'clients/hanks-hardware.md': client(
        HANK.replace('due: 2026-11-20', 'due: 2026-11-20\n    done: 2026-11-18')
          .replace('due: 2026-12-15\n    every', 'due: 2027-12-15\n    every')
          .replace('due: 2026-12-09', 'due: 2027-01-09')
          .replace('expires: 2026-12-15', 'expires: 2027-12-15')
          .replace('status: proposed', 'status: agreed')
          .replace('outlook: growing', 'outlook: stable'),
      ),
    });
    repo.commit('November visit to Hank', '2026-11-20T10:00:00-07:00');
    // main moved on meanwhile: its changes are not this branch's.
    const branchHead = repo.git('rev-parse', 'HEAD');
    repo.git('checkout', '-q', 'main');
    repo.write({ 'clients/lakeside-dental.md': client('name: Lakeside Dental\ntype: strategic') });
    repo.commit('Lakeside goes strategic', '2026-11-21T10:00:00-07:00');
    repo.git('checkout', '-q', 'november-visits');
    expect(repo.git('rev-parse', 'HEAD')).toBe(branchHead);
    // Uncommitted: a new client, a removed one, and notes only (not a change in commitments).
    repo.write({
      'clients/prospects/spruce-hill.md': client('name: Spruce Hill Veterinary\nstatus: prospect'),
      'clients/lakeside-dental.md': client('name: Lakeside Dental', { body: 'Met Ann; all well.\n' }),
    });
    repo.remove('clients/two-mile-auto.md');

    const base = repo.git('merge-base', 'HEAD', 'main').slice(0, 7);
    const result = await diff(repo);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout.replace(base, 'BASE')).toBe(`**Client commitments** from the merge base of HEAD and main (BASE) to the working tree: 1 client changed, 1 new, 1 removed.

#### Hank's Hardware

- Outlook: growing → stable
- Done: Send the quote for the new server (2026-11-18)
- Done (recurring): Renew anti-virus for all seats, next due 2027-12-15 (was 2026-12-15)
- Slipped: Test a restore, due 2026-12-09 → 2027-01-09
- Roadmap: Replace the main server, proposed → agreed
- Renewed: ESET PROTECT Entry, expires 2026-12-15 → 2027-12-15

#### New client: Spruce Hill Veterinary

- basic, prospect, contact Ann Lee (clients/prospects/spruce-hill.md)
- 1 open action; next: Call Ann, due 2026-12-15

#### Removed client: Two Mile Auto

- basic, active, contact Ann Lee (clients/two-mile-auto.md)
- Had 1 open action; next: Call Ann, due 2026-12-15
`);
  });

  test('on main with nothing to compare with, the default is HEAD: the uncommitted changes', async () => {
    const repo = portfolio();
    repo.write({ 'clients/lakeside-dental.md': client('name: Lakeside Dental\ngrowth:\n  outlook: growing') });
    const result = await diff(repo);
    const head = repo.git('rev-parse', '--short=7', 'HEAD');
    expect(result.stdout).toBe(
      `**Client commitments** from \`HEAD\` (${head}) to the working tree: 1 client changed.\n\n#### Lakeside Dental\n\n- Outlook: stable → growing\n`,
    );
  });

  test('an empty range, and a range where only notes changed: "No changes to client commitments."', async () => {
    const repo = portfolio();
    repo.write({ 'clients/hanks-hardware.md': client(HANK, { body: '## 2026-11-03 Monthly meeting\nAll quiet.\n' }) });
    repo.commit('Notes', '2026-11-03T17:00:00-07:00');
    for (const args of [['HEAD', 'HEAD'], ['HEAD~1', 'HEAD']]) {
      const result = await diff(repo, ...args);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^\*\*Client commitments\*\* from `HEAD(~1)?` \([0-9a-f]{7}\) to `HEAD` \([0-9a-f]{7}\)\.\n\nNo changes to client commitments\.\n$/);
    }
  });

  test('a revision in which a file does not validate is reported, and the other clients are still compared', async () => {
    const repo = portfolio();
    repo.write({
      'clients/lakeside-dental.md': client('name: Lakeside Dental\ntype: dentist\nactons: []', { omit: ['actions'] }),
      'clients/two-mile-auto.md': client('name: Two Mile Auto\ngrowth:\n  outlook: shrinking'),
    });
    repo.commit('A bad edit', '2026-11-02T09:00:00-07:00');
    const result = await diff(repo, 'HEAD~1', 'HEAD');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('⚠ clients/lakeside-dental.md does not validate at `HEAD` (');
    expect(result.stdout).toMatch(/: 2 errors\n {2}- line 3: .*\n {2}- line 4: .*\n/);
    expect(result.stdout).toContain('#### Two Mile Auto\n\n- Outlook: stable → shrinking\n');
    expect(result.stdout).not.toContain('Lakeside Dental');
    const [from, to] = [repo.git('rev-parse', '--short=7', 'HEAD~1'), repo.git('rev-parse', '--short=7', 'HEAD')];
    expect(result.stdout.replaceAll(from, 'FROM').replaceAll(to, 'TO')).toMatchInlineSnapshot(`
      "**Client commitments** from \`HEAD~1\` (FROM) to \`HEAD\` (TO): 1 client changed, 1 file does not validate.

      ⚠ clients/lakeside-dental.md does not validate at \`HEAD\` (TO): 2 errors
        - line 3: \\\`type: dentist\\\` is not a valid type.
        - line 4: Unknown key \\\`actons\\\`. Did you mean \\\`actions\\\`?

      #### Two Mile Auto

      - Outlook: stable → shrinking
      "
    `);
  });

  test('two files with one id: both are reported, and the client is not compared', async () => {
    const repo = portfolio();
    repo.write({
      'clients/north/lakeside-dental.md': client('name: Lakeside Dental North'),
      'clients/lakeside-dental.md': client('name: Lakeside Dental\ntype: strategic'),
    });
    const result = await diff(repo, 'HEAD');
    expect(result.stdout.split('\n').filter((l) => l.startsWith('⚠'))).toEqual([
      '⚠ clients/lakeside-dental.md does not validate in the working tree: 1 error',
      '⚠ clients/north/lakeside-dental.md does not validate in the working tree: 1 error',
    ]);
    expect(result.stdout).toContain('  - line 1: The client id \\`lakeside-dental\\` is used by more than one file');
    expect(result.stdout).not.toContain('####');
    expect(result.stdout.replace(repo.git('rev-parse', '--short=7', 'HEAD'), 'HEAD7')).toMatchInlineSnapshot(`
      "**Client commitments** from \`HEAD\` (HEAD7) to the working tree: 2 files do not validate.

      ⚠ clients/lakeside-dental.md does not validate in the working tree: 1 error
        - line 1: The client id \\\`lakeside-dental\\\` is used by more than one file (also clients/north/lakeside-dental.md).

      ⚠ clients/north/lakeside-dental.md does not validate in the working tree: 1 error
        - line 1: The client id \\\`lakeside-dental\\\` is used by more than one file (also clients/lakeside-dental.md).
      "
    `);
  });

  test('a renamed file is a new id: one client removed, one added; a file moved to a subfolder is the same client', async () => {
    const repo = portfolio();
    repo.move('clients/lakeside-dental.md', 'clients/lakeside-dental-clinic.md');
    repo.move('clients/two-mile-auto.md', 'clients/former/two-mile-auto.md');
    repo.write({ 'clients/former/two-mile-auto.md': client('name: Two Mile Auto\nstatus: former', { omit: ['contact'] }) });
    repo.commit('Renames', '2026-11-02T09:00:00-07:00');
    const result = await diff(repo, 'HEAD~1', 'HEAD', '--json');
    const json = JSON.parse(result.stdout);
    expect(json.summary).toEqual({ changed: 1, added: 1, removed: 1, invalid: 0 });
    expect(json.clients.map((c: { status: string; id: string }) => `${c.status} ${c.id}`)).toEqual([
      'changed two-mile-auto',
      'added lakeside-dental-clinic',
      'removed lakeside-dental',
    ]);
    expect(json.clients[0].changes).toEqual([
      { kind: 'file-moved', from: 'clients/two-mile-auto.md', to: 'clients/former/two-mile-auto.md' },
      { kind: 'field', field: 'status', from: 'active', to: 'former' },
      { kind: 'field', field: 'contact', from: 'Ann Lee', to: null },
    ]);
  });

  test('across a merge commit: what the merged branch changed, and deleted files as removed clients', async () => {
    const repo = portfolio();
    const start = repo.git('rev-parse', 'HEAD');
    repo.git('checkout', '-q', '-b', 'drop-two-mile');
    repo.remove('clients/two-mile-auto.md');
    repo.commit('Two Mile Auto left', '2026-11-05T09:00:00-07:00');
    repo.git('checkout', '-q', 'main');
    repo.write({ 'clients/lakeside-dental.md': client('name: Lakeside Dental\ninvolvement: hands-on') });
    repo.commit('Lakeside involvement', '2026-11-06T09:00:00-07:00');
    repo.git('merge', '-q', '--no-ff', '-m', 'Merge drop-two-mile', 'drop-two-mile');

    const json = JSON.parse((await diff(repo, start, 'HEAD', '--json')).stdout);
    expect(json.from).toEqual({ rev: start, commit: start, label: start.slice(0, 7) });
    expect(json.to).toMatchObject({ rev: 'HEAD', label: `HEAD (${repo.git('rev-parse', '--short=7', 'HEAD')})` });
    expect(json.clients.map((c: { status: string; id: string }) => `${c.status} ${c.id}`)).toEqual(['changed lakeside-dental', 'removed two-mile-auto']);
    expect((await diff(repo, 'HEAD^2', 'HEAD')).stdout).toContain('#### Lakeside Dental\n\n- Involvement: none → hands-on\n');
  });

  test('the portfolio may live anywhere: git acts on the repository that holds --dir', async () => {
    const repo = newRepo();
    repo.write({ 'books/north/acme.md': client('name: Acme') });
    repo.commit('Add', '2026-11-01T09:00:00Z');
    repo.write({ 'books/north/acme.md': client('name: Acme\ntype: strategic') });
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'clientbook-elsewhere-'));
    afterAll(() => rmSync(elsewhere, { recursive: true, force: true }));
    const result = await run(['diff', 'HEAD', '--dir', path.join(repo.root, 'books', 'north')], elsewhere);
    expect(result.stdout).toContain('#### Acme\n\n- Type: basic → strategic\n');
  });

  test('failures: not a repository, an unknown revision (exit 1 with a hint); bad usage (exit 2)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'clientbook-nogit-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    expect(await run(['diff', '--dir', '.'], dir)).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'error: The portfolio folder . is not in a git repository.\n  hint: This command works on git history: run `git init` and commit the portfolio, or pass --dir to a portfolio inside a repository.\n',
    });
    const repo = portfolio();
    const unknown = await diff(repo, 'no-such-branch');
    expect(unknown).toMatchObject({ code: 1, stdout: '' });
    expect(unknown.stderr).toMatch(/^error: Unknown revision `no-such-branch`\.\n {2}hint: Give a branch, tag or commit/);
    expect(unknown.stderr).toMatchInlineSnapshot(`
      "error: Unknown revision \`no-such-branch\`.
        hint: Give a branch, tag or commit of this repository (see \`git branch -a\` and \`git log --oneline\`). In GitHub Actions, check out with \`fetch-depth: 0\` so that the base branch is there.
      "
    `);
    expect((await diff(repo, 'HEAD', 'HEAD', 'HEAD')).code).toBe(2);
    expect((await diff(repo, '--nope')).code).toBe(2);
  });

  test('before the first commit every client is new', async () => {
    const repo = newRepo();
    repo.write({ 'clients/acme.md': client('name: Acme') });
    const result = await diff(repo);
    expect(result.stderr).toBe('note: No commit yet: every client counts as new.\n');
    expect(result.stdout).toContain('from the start of history to the working tree: 1 new.');
    expect(result.stdout).toMatchInlineSnapshot(`
      "**Client commitments** from the start of history to the working tree: 1 new.

      #### New client: Acme

      - basic, active, contact Ann Lee (clients/acme.md)
      - 1 open action; next: Call Ann, due 2026-12-15
      "
    `);
  });
});
