/**
 * `clientbook dev` as a user runs it, with the site, in headless Chromium: a save reloads the page,
 * and a portfolio with errors shows them in the browser as well as in the terminal. The command runs
 * as a child process (Astro does not serve pages inside Vitest).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { CONTEXT_DEFAULTS, hasChromium, launch } from '../e2e/browser.ts';
import { client, tempPortfolios } from '../helpers/portfolio.ts';

const portfolio = tempPortfolios();
const BIN = fileURLToPath(new URL('../../scripts/bin/clientbook.js', import.meta.url));

/** Runs `clientbook dev`; `output()` is everything it printed so far. */
function runDev(dir: string): { child: ChildProcess; output: () => string; url: Promise<string> } {
  const { VITEST: _v, VITEST_WORKER_ID: _w, VITEST_POOL_ID: _p, ...env } = process.env;
  const child = spawn(process.execPath, [BIN, 'dev', '--dir', '.'], { cwd: dir, env: { ...env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const url = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /The site is at (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`clientbook dev exited with ${code}:\n${out}`)));
  });
  return { child, output: () => out, url };
}

describe.skipIf(!hasChromium())('dev with the site', () => {
  test('live reload, and errors in the browser', { timeout: 180_000 }, async () => {
    const dir = await portfolio({
      'clientbook.yaml': 'title: Dev test book\ntime_zone: America/Whitehorse\n',
      'acme.md': client('name: Acme Plumbing'),
      'bolt.md': client('name: Bolt Electric'),
    });
    const dev = runDev(dir);
    const browser = await launch();
    try {
      const url = await dev.url;
      const page = await (await browser.newContext(CONTEXT_DEFAULTS)).newPage();
      // Live reload needs the page's Vite client connected to the dev server first.
      const connected = page.waitForEvent('console', { predicate: (m) => m.text().includes('[vite] connected'), timeout: 60_000 });
      await page.goto(url);
      await connected;
      expect(await page.title()).toContain('Dev test book');
      expect(await page.locator('body').innerText()).toContain('Acme Plumbing');

      const file = path.join(dir, 'acme.md');
      const good = await readFile(file, 'utf8');
      await writeFile(file, good.replace('due: 2026-12-15', 'due: 12/15/2026'));
      const overlay = page.locator('vite-error-overlay');
      await overlay.waitFor({ state: 'attached', timeout: 60_000 });
      // (In the error state any file change reloads the page, so the overlay may be re-created: poll.)
      await expect.poll(() => overlay.evaluate((el) => el.shadowRoot?.textContent ?? '').catch(() => ''), { timeout: 30_000 }).toContain('`due: 12/15/2026` is not a date');
      await expect.poll(dev.output, { timeout: 30_000 }).toContain('acme.md:10:10: error: `due: 12/15/2026` is not a date. [bad-date]');

      await writeFile(file, good.replace('name: Acme Plumbing', 'name: Acme Plumbing and Heating'));
      await overlay.waitFor({ state: 'detached', timeout: 60_000 });
      await expect.poll(() => page.locator('body').innerText(), { timeout: 60_000 }).toContain('Acme Plumbing and Heating');
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
    } finally {
      await browser.close();
      const exited = new Promise((resolve) => dev.child.once('exit', resolve));
      dev.child.kill('SIGINT');
      await exited;
    }
  });
});
