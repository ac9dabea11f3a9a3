/**
 * Installable and offline, in Chromium over localhost: the manifest and icons are there, the
 * service worker precaches the build, and with the network gone every page type still opens. A
 * new build is taken on the next visit.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { bundleWorker, WORKER_BUNDLE } from '#site-integration/offline/bundle-worker';
import { run } from '../helpers/cli.ts';
import { CHROMIUM, CONTEXT_DEFAULTS, hasChromium, launch } from './browser.ts';
import { serve, type StaticServer } from './serve.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LONG = 180_000;
const PAGES = {
  agenda: ['index.html', 'Agenda'],
  clients: ['clients/index.html', 'Clients'],
  client: ['clients/hanks-hardware/index.html', "Hank's Hardware"],
  'client roadmap': ['clients/hanks-hardware/roadmap/index.html', "IT roadmap for Hank's Hardware"],
  'meeting sheet': ['clients/hanks-hardware/meeting-sheet/index.html', "Roadmap questions: Hank's Hardware"],
  roadmap: ['roadmap/index.html', 'Roadmap'],
  health: ['health/index.html', 'Health'],
} as const;

let tmp: string;
let site: string;
let browser: Browser;
let server: StaticServer;
const base = () => (server.url.endsWith('/') ? server.url : `${server.url}/`);

beforeAll(async () => {
  if (!hasChromium()) throw new Error(`No Chromium at ${CHROMIUM}: run \`apt-get install chromium\` (or set CHROMIUM_PATH).`);
  tmp = await mkdtemp(path.join(os.tmpdir(), 'clientbook-offline-'));
  site = path.join(tmp, 'site');
  const built = await run(['build', '--dir', 'clients', '--out', site, '--as-of', '2026-12-01'], ROOT);
  expect(built.code, built.stderr).toBe(0);
  browser = await launch();
  server = await serve(site);
}, LONG);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

test('the committed service worker is the bundle of its source (npm run bundle:worker)', async () => {
  expect(readFileSync(WORKER_BUNDLE, 'utf8')).toBe(await bundleWorker());
});

test('the manifest names the site, starts at the agenda and has its icons', () => {
  const manifest = JSON.parse(readFileSync(path.join(site, 'manifest.webmanifest'), 'utf8'));
  expect(manifest).toMatchObject({ name: 'Northern Lights IT — client book', start_url: './index.html', scope: './', display: 'standalone' });
  for (const icon of manifest.icons) expect(readFileSync(path.join(site, icon.src)).subarray(1, 4).toString()).toBe('PNG');
  expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(['192x192', '512x512', '512x512']);
  const worker = readFileSync(path.join(site, 'sw.js'), 'utf8');
  for (const [file] of Object.values(PAGES)) expect(worker).toContain(`"url":"${file}"`);
});

async function controlled(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  // The first visit installs the worker; it claims the page, and the next loads come from it.
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 30_000 }).toBe(true);
}

test(
  'after one visit, every page type opens with the network gone',
  async () => {
    const context = await browser.newContext(CONTEXT_DEFAULTS);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base()}index.html`);
    await controlled(page);
    await context.setOffline(true);
    for (const [name, [file, heading]] of Object.entries(PAGES)) {
      const response = await page.goto(`${base()}${file}`);
      expect(response?.status(), name).toBe(200);
      await page.locator('h1', { hasText: heading }).first().waitFor({ timeout: 10_000 });
      // The stylesheet came from the cache too: the page is styled.
      expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily), name).not.toBe('');
    }
    expect(errors).toEqual([]);
    await context.close();
  },
  LONG,
);

test(
  'a new build is taken on the next visit',
  async () => {
    const context = await browser.newContext(CONTEXT_DEFAULTS);
    const page = await context.newPage();
    await page.goto(`${base()}index.html`);
    await controlled(page);
    // Rebuild the same folder for a later day: every page and the worker change.
    const again = await run(['build', '--dir', 'clients', '--out', site, '--as-of', '2026-12-02'], ROOT);
    expect(again.code, again.stderr).toBe(0);
    // The next visit: the browser checks the worker on navigation (here asked for at once, as a
    // browser does at most once a day on its own), finds a new one, and it takes over.
    await page.goto(`${base()}clients/index.html`);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await expect
      .poll(
        async () => {
          await page.goto(`${base()}index.html`);
          return page.locator('footer time').getAttribute('datetime');
        },
        { timeout: 60_000, interval: 1_000 },
      )
      .toBe('2026-12-02');
    await context.setOffline(true);
    await page.goto(`${base()}health/index.html`);
    expect(await page.locator('footer time').getAttribute('datetime')).toBe('2026-12-02');
    await context.close();
  },
  LONG,
);
