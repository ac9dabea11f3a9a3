/**
 * `clientbook dev` as a user runs it, with the site, in headless Chromium: a save reloads the page,
 * and a portfolio with errors shows them in the browser as well as in the terminal. The command runs
 * as a child process (Astro does not serve pages inside Vitest).
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { CONTEXT_DEFAULTS, browserTestsSkipped, launch } from '../e2e/browser.ts';
import { client, tempPortfolios } from '../helpers/portfolio.ts';
import { runDev } from './run-dev.ts';

const portfolio = tempPortfolios();

// Skips without Chromium outside CI only; in CI `launch` fails the test instead (tests/e2e/browser.ts).
describe.skipIf(browserTestsSkipped())('dev with the site', () => {
  test('live reload, and errors in the browser', { timeout: 180_000 }, async () => {
    const dir = await portfolio({
      'clientbook.yaml': 'title: Dev test book\ntime_zone: America/Whitehorse\n',
      'acme.md': client('name: Acme Plumbing'),
      'bolt.md': client('name: Bolt Electric'),
    });
    // The browser first: where it cannot start, no dev server is left running.
    const browser = await launch();
    const dev = runDev(dir);
    try {
      const url = await dev.url;
      const page = await (await browser.newContext(CONTEXT_DEFAULTS)).newPage();
      // The pages run under the built site's CSP: nothing they need (scripts, styles, live reload) is refused.
      const refused: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(`${m.text()} at ${JSON.stringify(m.location())} on ${page.url()}`);
      });
      // Live reload needs the page's Vite client connected to the dev server first.
      const connected = page.waitForEvent('console', { predicate: (m) => m.text().includes('[vite] connected'), timeout: 60_000 });
      await page.goto(url);
      await connected;
      expect(await page.title()).toContain('Dev test book');
      expect(await page.locator('body').innerText()).toContain('Acme Plumbing');

      const file = path.join(dir, 'acme.md');
      const good = await readFile(file, 'utf8');
      const before = dev.output().length;
      // A value that would be markup if it were not escaped, in the message and in the code frame.
      await writeFile(file, good.replace('due: 2026-12-15', 'due: 12/15/2026').replace('name: Acme Plumbing', 'name: Acme Plumbing\nvisit: "<b>Tuesdays</b>"'));
      // The page reloads into clientbook's diagnostics, and only them.
      const heading = page.locator('h1');
      await expect.poll(() => heading.innerText().catch(() => ''), { timeout: 60_000 }).toBe('The portfolio has 2 errors');
      // (A save may reload the page twice: every read is tried again until the page is there.)
      const settled = async <T>(read: () => Promise<T>, fallback: T) => read().catch(() => fallback);
      await expect.poll(() => settled(() => page.locator('pre.diagnostics').innerText(), ''), { timeout: 30_000 }).toContain('is not a date');
      const shown = await page.locator('pre.diagnostics').innerText();
      expect(shown).toContain(
        [
          'acme.md:3:1: error: Unknown key `visit`. [unknown-key]',
          '  2 | name: Acme Plumbing',
          '> 3 | visit: "<b>Tuesdays</b>"',
          '    | ^^^^^',
        ].join('\n'),
      );
      expect(shown).toContain('acme.md:11:10: error: `due: 12/15/2026` is not a date. [bad-date]\n');
      expect(shown).toContain('> 11 |     due: 12/15/2026\n     |          ^^^^^^^^^^\n');
      expect(shown).toMatch(/\n {2}hint: Dates are written year first/);
      expect(await page.locator('pre.diagnostics b').count()).toBe(0);
      const body = await page.locator('body').innerText();
      expect(body).not.toMatch(/An error occurred|PortfolioErrorsError|node_modules|at async|\.astro:\d+/);
      expect(await page.locator('vite-error-overlay').count()).toBe(0);
      expect(await page.title()).toBe('The portfolio has 2 errors · clientbook');
      // Every page says so, however often it is asked for; the terminal printed the change once, and no stack trace.
      for (const p of ['clients/', 'clients/acme/', 'health/']) {
        const visit = async () => {
          await page.goto(`${url}${p}`);
          return heading.innerText();
        };
        await expect.poll(() => settled(visit, ''), { timeout: 60_000 }).toBe('The portfolio has 2 errors');
      }
      await expect.poll(dev.output, { timeout: 30_000 }).toContain('acme.md:11:10: error: `due: 12/15/2026` is not a date. [bad-date]');
      const printed = dev.output().slice(before);
      expect(printed).not.toMatch(/PortfolioErrorsError|\n\s+at |An error occurred|\[ERROR\]/);
      expect(printed.split('is not a date. [bad-date]').length - 1).toBe(1);
      expect(printed).toMatch(/acme\.md saved: 2 errors/);

      // The next good save reloads the open page into the site.
      const reconnected = page.waitForEvent('console', { predicate: (m) => m.text().includes('[vite] connected'), timeout: 60_000 });
      await page.goto(url);
      await reconnected;
      await writeFile(file, good.replace('name: Acme Plumbing', 'name: Acme Plumbing and Heating'));
      await expect.poll(() => page.locator('body').innerText().catch(() => ''), { timeout: 60_000 }).toContain('Acme Plumbing and Heating');
      expect(await page.title()).toContain('Dev test book');
      await expect.poll(dev.output, { timeout: 30_000 }).toMatch(/acme\.md saved: no problems/);

      // Every page follows the live portfolio: a client page's own data, a new client, the settings.
      await page.goto(`${url}clients/acme/`);
      await writeFile(file, good.replace('name: Acme Plumbing', 'name: Acme Mechanical'));
      await expect.poll(() => page.locator('h1').innerText(), { timeout: 60_000 }).toContain('Acme Mechanical');
      await writeFile(path.join(dir, 'cedar.md'), client('name: Cedar Dental'));
      await expect.poll(dev.output, { timeout: 30_000 }).toMatch(/cedar\.md added: no problems/);
      // A save may reload the open page more than once (the file created, then written): a navigation
      // that such a reload interrupts is tried again.
      const cedar = async () => {
        try {
          await page.goto(`${url}clients/cedar/`);
          return await page.locator('h1').innerText();
        } catch {
          return '';
        }
      };
      await expect.poll(cedar, { timeout: 60_000 }).toContain('Cedar Dental');
      await writeFile(path.join(dir, 'clientbook.yaml'), 'title: Renamed book\ntime_zone: America/Whitehorse\n');
      await expect.poll(() => page.title(), { timeout: 60_000 }).toContain('Renamed book');
      expect(refused.join("\n")).toBe("");
    } finally {
      await browser.close();
      await dev.stop();
    }
  });
});
