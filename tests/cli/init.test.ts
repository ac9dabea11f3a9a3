/** `clientbook init`: a new client book, in-process (the packed, installed one: tests/package/). */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { init } from '#cli/commands/init';
import type { Io } from '#cli/io';
import { run } from '../helpers/cli.ts';
import { client, tempPortfolios } from '../helpers/portfolio.ts';
import { gitEnv, tempRepos } from '../helpers/git-repo.ts';

tempRepos(); // git with a fixed author and no user configuration, for this file
const folder = tempPortfolios();
const pkg = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string; devDependencies: Record<string, string> };
const FLAGS = ['--time-zone', 'America/Whitehorse', '--currency', 'CAD', '--locale', 'en-CA', '--title', 'Northern Lights IT: clients'];
const gitIn = (dir: string, ...args: string[]) => execFileSync('git', args, { cwd: dir, env: gitEnv(), encoding: 'utf8' }).trim();
const files = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !path.relative(dir, e.parentPath).split(path.sep).includes('.git'))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();

describe('clientbook init', () => {
  test('a new book: settings, an example client that validates, package.json pinned to this clientbook and Node 24, README, workflow, first commit, hook', async () => {
    const cwd = await folder({});
    const result = await run(['init', 'my-book', ...FLAGS], cwd);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const book = path.join(cwd, 'my-book');
    expect(files(book)).toEqual(['.github/workflows/clientbook.yml', '.github/workflows/pages.yml', '.gitignore', 'README.md', 'clients/clientbook.yaml', 'clients/example-dental-clinic.md', 'package.json']);
    const settings = readFileSync(path.join(book, 'clients/clientbook.yaml'), 'utf8');
    expect(settings).toContain('\nformat: 1.1\n');
    expect(settings).toContain('\ntitle: "Northern Lights IT: clients"\n');
    expect(settings).toContain('\ntime_zone: America/Whitehorse\n');
    expect(settings).toContain('\ncurrency: CAD\n');
    expect(settings).toContain('\nlocale: en-CA\n');
    const json = JSON.parse(readFileSync(path.join(book, 'package.json'), 'utf8'));
    expect(json).toMatchObject({
      name: 'my-book',
      private: true,
      dependencies: { clientbook: pkg.version, node: pkg.devDependencies.node },
      scripts: { due: 'clientbook due', validate: 'clientbook validate', build: 'clientbook build', dev: 'clientbook dev' },
    });
    expect(readFileSync(path.join(book, '.github/workflows/clientbook.yml'), 'utf8')).toBe(readFileSync('templates/github-workflow.yml', 'utf8'));
    const readme = readFileSync(path.join(book, 'README.md'), 'utf8');
    expect(readme).toMatch(/^# Northern Lights IT: clients\n/);
    for (const command of ['clientbook due', 'clientbook add', 'clientbook done', 'clientbook note', 'npm run build']) expect(readme).toContain(command);
    expect(readFileSync(path.join(book, '.gitignore'), 'utf8')).toBe('node_modules/\ndist/\n.astro/\n*.log\n');
    // One commit of every file, on main; the hook validates clients/ through the book's own clientbook.
    expect(gitIn(book, 'log', '--format=%s')).toBe('A new client book (clientbook init)');
    expect(gitIn(book, 'branch', '--show-current')).toBe('main');
    expect(gitIn(book, 'ls-files').split('\n').sort()).toEqual(files(book));
    expect(gitIn(book, 'status', '--porcelain')).toBe('');
    const hook = readFileSync(path.join(book, '.git/hooks/pre-commit'), 'utf8');
    expect(hook).toContain('\nCLIENTBOOK_DIR=clients\n');
    expect(hook).toContain('\nclientbook() { npx --no-install clientbook "$@"; }\n');
    expect(statSync(path.join(book, '.git/hooks/pre-commit')).mode & 0o111).not.toBe(0);
    // The example is added as of today: it validates cleanly and has what is due in the next weeks.
    expect(await run(['validate'], book)).toEqual({ code: 0, stdout: '1 file checked: no problems.\n', stderr: '' });
    const due = JSON.parse((await run(['due', '--json'], book)).stdout);
    expect(due.items.map((i: { title: string; status: string }) => `${i.status} ${i.title}`)).toEqual([
      'upcoming Send the quote for the new front-desk PCs',
      'upcoming Test a restore from the backup',
    ]);
    expect(result.stdout).toContain('\nNext:\n  cd my-book\n  npm install ');
    expect(result.stdout.replaceAll(cwd, 'CWD').replaceAll(pkg.version, 'VERSION')).toMatchInlineSnapshot(`
      "Created the client book my-book:
        clients/clientbook.yaml
        clients/example-dental-clinic.md
        package.json
        README.md
        .gitignore
        .github/workflows/clientbook.yml
        .github/workflows/pages.yml
        Settings: Northern Lights IT: clients; time zone America/Whitehorse, currency CAD, locale en-CA (clients/clientbook.yaml).
      Made the git repository and its first commit (branch main).
      Installed the pre-commit hook: it validates clients/ before each commit that changes it (once \`npm install\` has run).

      Next:
        cd my-book
        npm install          # clientbook VERSION and the Node it runs on
        git add package-lock.json && git commit -m "Lock clientbook"   # the workflow installs it with npm ci
        npx clientbook due   # the agenda
        npm run build        # the report site, in dist/
      The book's README.md lists the daily commands.
      "
    `);
  });

  test('before `npm install`, the hook stops a commit of the clients and says why', async () => {
    const cwd = await folder({});
    expect((await run(['init', 'book', '--empty', ...FLAGS], cwd)).code).toBe(0);
    const book = path.join(cwd, 'book');
    writeFileSync(path.join(book, 'clients/acme.md'), client());
    gitIn(book, 'add', '-A');
    let stderr = '';
    try {
      // Offline: npx answers at once that clientbook is not installed, without asking the registry.
      execFileSync('git', ['commit', '-q', '-m', 'Acme'], { cwd: book, env: gitEnv({ npm_config_offline: 'true' }), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      stderr = (error as { stderr: string }).stderr;
    }
    expect(stderr).toBe(
      'clientbook: the commit was stopped because clientbook cannot run here.\n  In a client book, run npm install first; or commit anyway with: git commit --no-verify\n',
    );
    expect(gitIn(book, 'log', '--format=%s')).toBe('A new client book (clientbook init)');
  });

  test('a folder with files is refused, and nothing is written', async () => {
    const cwd = await folder({ 'notes.txt': 'mine' });
    const result = await run(['init', ...FLAGS], cwd);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'error: . already has files (notes.txt): a new client book goes into a new or empty folder. Nothing was written.\n' +
        "  hint: Name a new folder, e.g. `clientbook init my-client-book`; or add the book's files beside these with --force (no file is written over).\n",
    );
    expect(files(cwd)).toEqual(['notes.txt']);
    expect(existsSync(path.join(cwd, '.git'))).toBe(false);
  });

  test('what stands in the way of the folder or of its files is said, never an internal error nor "kept"', async () => {
    const cwd = await folder({ 'afile': 'mine', 'book/clients': 'a file, not a folder' });
    symlinkSync(path.join(cwd, 'nowhere'), path.join(cwd, 'dangling'));
    expect(await run(['init', 'dangling', ...FLAGS], cwd)).toEqual({
      code: 1,
      stdout: '',
      stderr: `error: dangling is a symbolic link to ${path.join(cwd, 'nowhere')}, which does not exist.\n  hint: Make the folder it points to first, or name a new folder for the client book.\n`,
    });
    expect(await run(['init', 'afile', ...FLAGS], cwd)).toMatchObject({ code: 1, stderr: 'error: afile is a file, not a folder.\n  hint: Name a new folder for the client book.\n' });
    expect(await run(['init', 'afile/book', ...FLAGS], cwd)).toMatchObject({ code: 1, stderr: 'error: afile/book cannot be a folder: afile is a file.\n  hint: Name a new folder for the client book.\n' });
    expect(await run(['init', 'book', '--force', '--no-git', ...FLAGS], cwd)).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'error: book/clients cannot be made a folder for clients/clientbook.yaml (EEXIST).\n' +
        '  hint: Move what is in the way or make the folder writable (or name another folder), then run init again: files already there are kept.\n',
    });
    expect(files(cwd)).toEqual(['afile', 'book/clients']);
    expect(existsSync(path.join(cwd, 'nowhere'))).toBe(false);
  });

  test('--force adds what is missing and writes over nothing; a book with clients gets no example', async () => {
    const cwd = await folder({
      'README.md': '# My own notes\n',
      'clients/example-dental-clinic.md': client('name: My Real Dentist'),
    });
    const result = await run(['init', '.', '--force', '--empty', ...FLAGS], cwd);
    expect(result.code).toBe(0);
    expect(readFileSync(path.join(cwd, 'README.md'), 'utf8')).toBe('# My own notes\n');
    expect(readFileSync(path.join(cwd, 'clients/example-dental-clinic.md'), 'utf8')).toBe(client('name: My Real Dentist'));
    expect(result.stdout).toContain('  kept README.md (already there)\n');
    expect(result.stdout.replaceAll(cwd, 'CWD').replaceAll(pkg.version, 'VERSION')).toMatchInlineSnapshot(`
      "Created the client book here:
        clients/clientbook.yaml
        package.json
        .gitignore
        .github/workflows/clientbook.yml
        .github/workflows/pages.yml
        kept README.md (already there)
        Settings: Northern Lights IT: clients; time zone America/Whitehorse, currency CAD, locale en-CA (clients/clientbook.yaml).
      Made the git repository and its first commit (branch main).
      Installed the pre-commit hook: it validates clients/ before each commit that changes it (once \`npm install\` has run).

      Next:
        npm install          # clientbook VERSION and the Node it runs on
        git add package-lock.json && git commit -m "Lock clientbook"   # the workflow installs it with npm ci
        npx clientbook due   # the agenda
        npm run build        # the report site, in dist/
      The book's README.md lists the daily commands.
      "
    `);
    expect(files(cwd)).toEqual(['.github/workflows/clientbook.yml', '.github/workflows/pages.yml', '.gitignore', 'README.md', 'clients/clientbook.yaml', 'clients/example-dental-clinic.md', 'package.json']);

    const withClients = await folder({ 'clients/acme.md': client() });
    const forced = await run(['init', '.', '--force', ...FLAGS], withClients);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('  kept clients/example-dental-clinic.md (the book has clients already)\n');
    expect(forced.stdout.replaceAll(withClients, 'CWD').replaceAll(pkg.version, 'VERSION')).toMatchInlineSnapshot(`
      "Created the client book here:
        clients/clientbook.yaml
        package.json
        README.md
        .gitignore
        .github/workflows/clientbook.yml
        .github/workflows/pages.yml
        kept clients/example-dental-clinic.md (the book has clients already)
        Settings: Northern Lights IT: clients; time zone America/Whitehorse, currency CAD, locale en-CA (clients/clientbook.yaml).
      Made the git repository and its first commit (branch main).
      Installed the pre-commit hook: it validates clients/ before each commit that changes it (once \`npm install\` has run).

      Next:
        npm install          # clientbook VERSION and the Node it runs on
        git add package-lock.json && git commit -m "Lock clientbook"   # the workflow installs it with npm ci
        npx clientbook due   # the agenda
        npm run build        # the report site, in dist/
      The book's README.md lists the daily commands.
      "
    `);
    expect(existsSync(path.join(withClients, 'clients/example-dental-clinic.md'))).toBe(false);
    // The first commit holds only what init wrote: the user's own files are theirs to commit.
    expect(gitIn(withClients, 'show', '--name-only', '--format=', 'HEAD').split('\n').sort()).toEqual([
      '.github/workflows/clientbook.yml', '.github/workflows/pages.yml', '.gitignore', 'README.md', 'clients/clientbook.yaml', 'package.json',
    ]);
  });

  test('--empty: no client; --no-git: no repository; a lone .git (an empty clone) counts as empty', async () => {
    const cwd = await folder({});
    expect((await run(['init', 'a', '--empty', '--no-git', ...FLAGS], cwd)).code).toBe(0);
    expect(files(path.join(cwd, 'a'))).not.toContain('clients/example-dental-clinic.md');
    expect(existsSync(path.join(cwd, 'a/.git'))).toBe(false);
    expect(await run(['validate'], path.join(cwd, 'a'))).toEqual({ code: 0, stdout: '0 files checked: no problems.\n', stderr: '' });

    const clone = await folder({});
    gitIn(clone, 'init', '-q', '-b', 'main');
    expect((await run(['init', ...FLAGS], clone)).code).toBe(0);
    expect(gitIn(clone, 'log', '--format=%s')).toBe('A new client book (clientbook init)');
  });

  test('--force in a repository with commits: the files, no commit of them', async () => {
    const cwd = await folder({ 'notes.txt': 'mine' });
    gitIn(cwd, 'init', '-q', '-b', 'main');
    gitIn(cwd, 'add', '-A');
    gitIn(cwd, 'commit', '-q', '-m', 'Notes');
    const result = await run(['init', '--force', ...FLAGS], cwd);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('The repository has commits already: commit the new files yourself.\n');
    expect(result.stdout.replaceAll(cwd, 'CWD').replaceAll(pkg.version, 'VERSION')).toMatchInlineSnapshot(`
      "Created the client book here:
        clients/clientbook.yaml
        clients/example-dental-clinic.md
        package.json
        README.md
        .gitignore
        .github/workflows/clientbook.yml
        .github/workflows/pages.yml
        Settings: Northern Lights IT: clients; time zone America/Whitehorse, currency CAD, locale en-CA (clients/clientbook.yaml).
      The repository has commits already: commit the new files yourself.
      Installed the pre-commit hook: it validates clients/ before each commit that changes it (once \`npm install\` has run).

      Next:
        npm install          # clientbook VERSION and the Node it runs on
        git add package-lock.json && git commit -m "Lock clientbook"   # the workflow installs it with npm ci
        npx clientbook due   # the agenda
        npm run build        # the report site, in dist/
      The book's README.md lists the daily commands.
      "
    `);
    expect(gitIn(cwd, 'log', '--format=%s')).toBe('Notes');
    expect(existsSync(path.join(cwd, '.git/hooks/pre-commit'))).toBe(true);
  });

  test('inside another repository: the files, but no repository of its own and no commit', async () => {
    const cwd = await folder({});
    gitIn(cwd, 'init', '-q', '-b', 'main');
    const result = await run(['init', 'books/mine', ...FLAGS], cwd);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('The folder is inside the git repository .: commit the new files there yourself.\n');
    expect(result.stdout.replaceAll(cwd, 'CWD').replaceAll(pkg.version, 'VERSION')).toMatchInlineSnapshot(`
      "Created the client book books/mine:
        clients/clientbook.yaml
        clients/example-dental-clinic.md
        package.json
        README.md
        .gitignore
        .github/workflows/clientbook.yml
        .github/workflows/pages.yml
        Settings: Northern Lights IT: clients; time zone America/Whitehorse, currency CAD, locale en-CA (clients/clientbook.yaml).
      The folder is inside the git repository .: commit the new files there yourself.

      Next:
        cd books/mine
        npm install          # clientbook VERSION and the Node it runs on
        git add package-lock.json && git commit -m "Lock clientbook"   # the workflow installs it with npm ci
        npx clientbook due   # the agenda
        npm run build        # the report site, in dist/
      The book's README.md lists the daily commands.
      "
    `);
    expect(existsSync(path.join(cwd, 'books/mine/.git'))).toBe(false);
    expect(gitIn(cwd, 'status', '--porcelain')).toBe('?? books/');
  });

  test('bad values are bad usage (exit 2) and write nothing', async () => {
    const cwd = await folder({});
    for (const [flag, value, message] of [
      ['--currency', 'dollars', 'error: --currency "dollars": not a three-letter ISO 4217 currency code.\n'],
      ['--time-zone', 'Mars/Olympus', 'error: --time-zone "Mars/Olympus": not an IANA time zone.\n'],
      ['--locale', 'english please', 'error: --locale "english please": not a BCP 47 language tag.\n'],
    ] as const) {
      const result = await run(['init', 'b', ...FLAGS, flag, value], cwd);
      expect(result.code, flag).toBe(2);
      expect(result.stderr.split('\n')[0] + '\n').toBe(message);
    }
    expect(existsSync(path.join(cwd, 'b'))).toBe(false);
  });

  test('on a terminal, what no flag gives is asked, with the machine\'s answer as the default', async () => {
    const cwd = await folder({});
    const asked: string[] = [];
    const answers: Record<string, string> = { Locale: 'fr-ca', Currency: '', 'Time zone': 'Nowhere/Land', Title: 'Mes clients' };
    const io: Io = { cwd, env: {}, stdout: () => {}, stderr: () => {}, color: false };
    const code = await init(io, 'c', {
      git: false,
      ask: async (question, answer) => {
        asked.push(`${question} [${answer}]`);
        if (question.startsWith('  ')) return '';
        const reply = answers[question] ?? '';
        if (question === 'Time zone') answers[question] = 'America/Montreal';
        return reply;
      },
    });
    expect(code).toBe(0);
    expect(asked[0]).toMatch(/^Locale \[.+\]$/);
    expect(asked[1]).toBe('Currency [CAD]');
    expect(asked[2]).toMatch(/^Time zone \[.+\]$/);
    expect(asked[3]).toBe('  not an IANA time zone. e.g. --time-zone America/Whitehorse, Europe/Berlin or UTC. (press Enter) []');
    expect(asked.at(-1)).toBe('Title [Client book]');
    const settings = readFileSync(path.join(cwd, 'c/clients/clientbook.yaml'), 'utf8');
    expect(settings).toContain('\nlocale: fr-CA\n');
    expect(settings).toContain('\ntime_zone: America/Montreal\n');
    expect(settings).toContain('\ncurrency: CAD\n');
    expect(settings).toContain('\ntitle: Mes clients\n');
  });
});
