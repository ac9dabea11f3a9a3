import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { run } from '../helpers/cli.ts';
import { client, tempPortfolios } from '../helpers/portfolio.ts';

const portfolio = tempPortfolios();

// These stop before Astro runs; tests/e2e/site.test.ts builds real sites.
describe('clientbook build refuses', () => {
  test('a portfolio with errors: the diagnostics as `validate` prints them, exit 1, nothing built', async () => {
    const dir = await portfolio({
      'clients/acme.md': client('name: Acme\ntype: basic\ngrowth:\n  outlook: stable\n  asked: 12/01/2026'),
      'clients/bolt.md': client('name: Bolt'),
    });
    const result = await run(['build', '--as-of', '2026-12-01'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('clients/acme.md:6:10: error: `asked: 12/01/2026` is not a date');
    expect(result.stderr).toContain('2 files checked: 1 error, 0 warnings.');
    expect(result.stderr).toMatchInlineSnapshot(`
      "clients/acme.md:6:10: error: \`asked: 12/01/2026\` is not a date. [bad-date]
        5 |   outlook: stable
      > 6 |   asked: 12/01/2026
          |          ^^^^^^^^^^
        7 | contact:
        hint: Dates are written year first. For December 1 write 2026-12-01; for January 12 write 2026-01-12.

      2 files checked: 1 error, 0 warnings.
      error: The portfolio has errors, so the site was not built.
        hint: Fix this file (\`npx clientbook validate\` lists every error), then build again:
        clients/acme.md
      "
    `);
    expect(result.stdout).toBe('');
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  test('counts warnings exactly as `validate` does, also when errors stop it', async () => {
    const dir = await portfolio({
      'clients/acme.md': client('name: Acme\ntype: vip'),
      'clients/bolt.md': client('name: Bolt\nactions: []\nmeetings:\n  cadence: monthly\n  last: 2026-12-24'),
    });
    const validated = await run(['validate', '--as-of', '2026-12-01'], dir);
    const line = validated.stdout.trimEnd().split('\n').at(-1)!;
    expect(line).toBe('2 files checked: 1 error, 2 warnings.');
    const built = await run(['build', '--as-of', '2026-12-01'], dir);
    expect(built.code).toBe(1);
    expect(built.stderr).toContain(`\n${line}\n`);
    const due = await run(['due', '--as-of', '2026-12-01'], dir);
    expect(due.stderr).toContain(`\n${line}\n`);
    const { PortfolioErrorsError, assertNoErrors } = await import('../../scripts/site-integration/load.ts');
    const { loadPortfolio } = await import('../../scripts/core/portfolio.ts');
    const loaded = await loadPortfolio({ dir: path.join(dir, 'clients'), cwd: dir, asOf: '2026-12-01' });
    expect(() => assertNoErrors(loaded, dir)).toThrow(PortfolioErrorsError);
    expect(() => assertNoErrors(loaded, dir)).toThrow(line);
    // `dev` shows the same error in the browser, with the same count.
    const { devErrorPage } = await import('../../scripts/site-integration/dev-error-page.ts');
    const { portfolioErrors } = await import('../../scripts/site-integration/load.ts');
    expect(devErrorPage(portfolioErrors(loaded, dir)!)).toContain(line);
  });

  test('an output folder that holds the portfolio (building empties it first)', async () => {
    const dir = await portfolio({ 'clients/acme.md': client() });
    const result = await run(['build', '--out', '.'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/holds .*clients, and building the site empties its output folder first/);
    expect(result.stderr.replaceAll(dir, 'DIR')).toMatchInlineSnapshot(`
      "error: DIR holds DIR/clients, and building the site empties its output folder first.
        hint: Choose a new or empty folder with --out, e.g. --out dist.
      "
    `);
    expect(existsSync(path.join(dir, 'clients/acme.md'))).toBe(true);
  });

  test('an output folder that holds the portfolio through a symbolic link', async () => {
    // A folder built before (it has the marker) that the portfolio was then moved into, reached by a link.
    const dir = await portfolio({ 'site/.clientbook-site': '', 'site/clients/acme.md': client() });
    symlinkSync('site', path.join(dir, 'book'));
    const result = await run(['build', '--dir', 'book/clients', '--out', 'site'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr.replaceAll(dir, 'DIR')).toBe(
      'error: DIR/site holds DIR/book/clients, and building the site empties its output folder first.\n' +
        '  hint: Choose a new or empty folder with --out, e.g. --out dist.\n',
    );
    expect(readFileSync(path.join(dir, 'site/clients/acme.md'), 'utf8')).toBe(client());
    // And an output folder that is a link to the portfolio's parent.
    symlinkSync(dir, path.join(dir, 'here'));
    expect(await run(['build', '--dir', 'site/clients', '--out', 'here/site'], dir)).toMatchObject({ code: 2 });
    expect(existsSync(path.join(dir, 'site/clients/acme.md'))).toBe(true);
  });

  test('an output folder with files clientbook did not build', async () => {
    const dir = await portfolio({ 'clients/acme.md': client(), 'site-notes/todo.txt': 'keep me' });
    const result = await run(['build', '--out', 'site-notes'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('site-notes already exists and holds files that clientbook did not build');
    expect(result.stderr.replaceAll(dir, 'DIR')).toMatchInlineSnapshot(`
      "error: DIR/site-notes already exists and holds files that clientbook did not build; building the site would delete them.
        hint: Choose a new or empty folder with --out, e.g. --out dist.
      "
    `);
    expect(readFileSync(path.join(dir, 'site-notes/todo.txt'), 'utf8')).toBe('keep me');
  });

  test('a date that is not a date', async () => {
    const dir = await portfolio({ 'clients/acme.md': client() });
    const result = await run(['build', '--as-of', '2026-13-01'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--as-of 2026-13-01 is not a date.');
    expect(result.stderr).toMatchInlineSnapshot(`
      "error: --as-of 2026-13-01 is not a date.
        hint: Write --as-of YYYY-MM-DD, e.g. --as-of 2026-12-01.
      "
    `);
  });
});

describe('clientbook build of one client with a one-day window', () => {
  test('says "1 client" and "1 day", never "1 clients" or "1 days"', async () => {
    const dir = await portfolio({
      'clients/clientbook.yaml': 'due_window: 1\n',
      'clients/acme.md': client('assets:\n  - name: Firewall licence\n    kind: licence\n    expires: 2026-12-02'),
    });
    const result = await run(['build', '--as-of', '2026-12-01'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Built the site for 2026-12-01 from 1 client in [\d.]+ s: dist\/index\.html\n/);
    const agenda = readFileSync(path.join(dir, 'dist/index.html'), 'utf8');
    expect(agenda).toContain('the next 1 day');
    const page = readFileSync(path.join(dir, 'dist/clients/acme/index.html'), 'utf8');
    expect(page).toContain('1 expiring within 1 day<');
    for (const html of [agenda, page]) expect(html).not.toMatch(/\b1 days\b/);
  }, 180_000);
});
