/**
 * Git history on the site (issue 4): a client page lists its file's commits, renames followed, and
 * "Last changed" appears in the clients table; outside a repository the site still builds and says
 * why there is no history.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { run } from '../helpers/cli.ts';
import { client, tempPortfolios } from '../helpers/portfolio.ts';
import { tempRepos } from '../helpers/git-repo.ts';

const repo = tempRepos();
const portfolio = tempPortfolios();
const LONG = 240_000;

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('history on the site', () => {
  test('a client page lists the commits of its file, renames followed, and the table shows the last change', async () => {
    const r = repo();
    r.write({ 'clients/acme.md': client('name: Acme Ltd') });
    r.commit('Add Acme', '2026-03-02T10:00:00-07:00', { name: 'Bea Roy', email: 'bea@example.com' });
    r.move('clients/acme.md', 'clients/former/acme.md');
    r.commit('File Acme under former', '2026-09-15T10:00:00-07:00');
    const out = path.join(r.root, 'dist');
    const result = await run(['build', '--as-of', '2026-12-01', '--out', out], r.root);
    expect(result.code, result.stderr).toBe(0);
    const page = text(readFileSync(path.join(out, 'clients/acme/index.html'), 'utf8'));
    expect(page).toContain('History');
    expect(page).toMatch(/Sep 15, 2026 File Acme under former · Ann Lee/);
    expect(page).toMatch(/Mar 2, 2026 Add Acme · Bea Roy/);
    const table = text(readFileSync(path.join(out, 'clients/index.html'), 'utf8'));
    expect(table).toContain('Last changed');
    expect(table).toMatch(/Sep 15, 2026/);
  }, LONG);

  test('outside a git repository the site builds and says why there is no history', async () => {
    const dir = await portfolio({ 'clients/acme.md': client('name: Acme Ltd'), 'clients/bolt.md': client('name: Bolt') });
    const out = path.join(dir, 'dist');
    const result = await run(['build', '--as-of', '2026-12-01', '--out', out], dir);
    expect(result.code, result.stderr).toBe(0);
    // What build says on success, with the temporary folder and the times normalised.
    const said = (t: string) => t.replaceAll(dir, 'DIR').replace(/\d+(\.\d+)?\s?(ms|s)\b/g, 'N s');
    expect(said(result.stdout)).toMatchInlineSnapshot(`
      "Built the site for 2026-12-01 from 2 clients in N s: dist/index.html
        Open it straight from disk, or serve the folder with any static web server.
      "
    `);
    expect(said(result.stderr)).toMatchInlineSnapshot(`""`);
    const page = text(readFileSync(path.join(out, 'clients/acme/index.html'), 'utf8'));
    expect(page).toContain('History is not shown: the portfolio is not in a git repository.');
  }, LONG);
});
