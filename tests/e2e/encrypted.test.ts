/**
 * `clientbook build --encrypt` in headless Chromium: the files on the host hold no client text, a
 * wrong passphrase shows nothing, the right one opens and navigates every page type (from disk and
 * served), "remember on this device" and "lock" do what they say, and the strict CSP holds.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadPortfolio } from '#core/portfolio';
import { run } from '../helpers/cli.ts';
import { CHROMIUM, CONTEXT_DEFAULTS, hasChromium, launch } from './browser.ts';
import { serve, type StaticServer } from './serve.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PASSPHRASE = 'lantern spruce orbit canoe';
const LONG = 180_000;

let tmp: string;
let site: string;
let browser: Browser;
let server: StaticServer;
/** Text of the sample that must never be readable on the host. */
let secrets: string[];

const files = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();

beforeAll(async () => {
  if (!hasChromium()) throw new Error(`No Chromium at ${CHROMIUM}: run \`apt-get install chromium\` (or set CHROMIUM_PATH).`);
  tmp = await mkdtemp(path.join(os.tmpdir(), 'clientbook-encrypted-'));
  site = path.join(tmp, 'site');
  const built = await run(['build', '--dir', 'clients', '--out', site, '--as-of', '2026-12-01', '--encrypt'], ROOT, { CLIENTBOOK_PASSWORD: PASSPHRASE });
  expect(built.code, built.stderr).toBe(0);
  const portfolio = await loadPortfolio({ dir: path.join(ROOT, 'clients'), cwd: ROOT, asOf: '2026-12-01' });
  secrets = portfolio.clients.flatMap((c) => [
    c.data.name,
    c.id,
    ...(c.data.contact ? [c.data.contact.name] : []),
    ...c.data.actions.map((a) => a.title),
    // A line of each client's notes.
    ...c.body.split('\n').filter((l) => l.trim().length > 30).slice(0, 1).map((l) => l.trim().slice(0, 30)),
  ]);
  browser = await launch();
  server = await serve(site);
}, LONG);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('the files on the host', () => {
  test('hold no client name, id, contact, action title or note, in any content or file name', () => {
    expect(secrets.length).toBeGreaterThan(60);
    const all = files(site);
    expect(all).not.toContain('calendar.ics');
    for (const file of all) {
      const text = readFileSync(path.join(site, file), 'utf8');
      for (const secret of secrets) {
        expect(text.includes(secret), `${secret} in ${file}`).toBe(false);
        expect(file.includes(secret), `${secret} names ${file}`).toBe(false);
      }
    }
  });

  test('every page is locked with its own IV, under one salt of this build', () => {
    const pages = files(site).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(40);
    const ivs = new Set<string>();
    const salts = new Set<string>();
    for (const page of pages) {
      const html = readFileSync(path.join(site, page), 'utf8');
      const locked = JSON.parse(/<script type="application\/json" id="clientbook-locked">(.*?)<\/script>/s.exec(html)![1]!);
      expect(locked.page).toBe(page);
      expect(locked.bookIterations + locked.siteIterations).toBeGreaterThanOrEqual(600_000);
      ivs.add(locked.iv);
      salts.add(locked.salt);
      expect(html).toContain('<title>Locked</title>');
    }
    expect(ivs.size).toBe(pages.length);
    expect(salts.size).toBe(1);
  });
});

/** A page of the locked site, watching for console errors (CSP violations among them) and requests. */
async function open(context: BrowserContext, url: string): Promise<{ page: Page; errors: string[]; outside: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  const outside: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith('file://') && !u.startsWith(server.url) && !u.startsWith('data:')) outside.push(u);
  });
  await page.goto(url);
  return { page, errors, outside };
}

async function unlock(page: Page, passphrase: string, remember = false) {
  await page.locator('#passphrase').fill(passphrase);
  if (remember) await page.locator('#remember').check();
  await page.locator('#unlock button').click();
}

for (const [how, base] of [
  ['from disk', () => pathToFileURL(site).href + '/'],
  ['served', () => (server.url.endsWith('/') ? server.url : `${server.url}/`)],
] as const) {
  describe(`the reader, ${how}`, () => {
    test(
      'a wrong passphrase shows nothing; the right one opens every page type, and it is asked once per session',
      async () => {
        const context = await browser.newContext(CONTEXT_DEFAULTS);
        const { page, errors, outside } = await open(context, `${base()}index.html`);
        await expect.poll(() => page.locator('#unlock').isVisible()).toBe(true);
        await unlock(page, 'not the passphrase at all');
        await expect.poll(() => page.locator('#unlock-error').isVisible(), { timeout: 20_000 }).toBe(true);
        const lockedText = await page.locator('body').innerText();
        for (const secret of secrets) expect(lockedText.includes(secret), secret).toBe(false);

        await unlock(page, PASSPHRASE);
        await page.locator('h1', { hasText: 'Agenda' }).waitFor({ timeout: 30_000 });
        expect(await page.title()).toMatch(/^Agenda · /);
        await expect.poll(() => page.locator('.lock-button').isVisible()).toBe(true);

        // Through the site by its links, never asked again: clients, a client, its roadmap and meeting sheet, roadmap, health.
        await page.locator('.site-nav a', { hasText: 'Clients' }).click();
        await page.locator('h1', { hasText: 'Clients' }).waitFor();
        await page.locator('table a', { hasText: "Hank's Hardware" }).first().click();
        await page.locator('h1', { hasText: "Hank's Hardware" }).waitFor();
        expect(page.url()).not.toContain('hanks-hardware');
        await page.locator('a', { hasText: 'Printable roadmap' }).first().click();
        await page.locator('h1', { hasText: "IT roadmap for Hank's Hardware" }).waitFor();
        await page.goBack();
        await page.locator('a', { hasText: 'Meeting sheet' }).first().click();
        await page.locator('h1', { hasText: "Roadmap questions: Hank's Hardware" }).waitFor();
        await page.locator('.site-nav a', { hasText: 'Roadmap' }).click();
        await page.locator('h1', { hasText: 'Roadmap' }).waitFor();
        await page.locator('.site-nav a', { hasText: 'Health' }).click();
        await page.locator('h1', { hasText: 'Health' }).waitFor();
        expect(await page.locator('.site-nav a', { hasText: 'Calendar' }).count()).toBe(0);

        // Lock: the passphrase is asked again.
        await page.locator('.lock-button').click();
        await expect.poll(() => page.locator('#unlock').isVisible()).toBe(true);
        await page.goto(`${base()}roadmap/index.html`);
        await expect.poll(() => page.locator('#unlock').isVisible()).toBe(true);
        expect(errors).toEqual([]);
        expect(outside).toEqual([]);
        await context.close();
      },
      LONG,
    );

    test(
      '"remember on this device" opens a new tab without asking; without it a new tab asks',
      async () => {
        const context = await browser.newContext(CONTEXT_DEFAULTS);
        const first = await open(context, `${base()}health/index.html`);
        await unlock(first.page, PASSPHRASE);
        await first.page.locator('h1', { hasText: 'Health' }).waitFor({ timeout: 30_000 });
        const second = await open(context, `${base()}index.html`);
        await expect.poll(() => second.page.locator('#unlock').isVisible()).toBe(true);

        await unlock(second.page, PASSPHRASE, true);
        await second.page.locator('h1', { hasText: 'Agenda' }).waitFor({ timeout: 30_000 });
        const third = await open(context, `${base()}clients/index.html`);
        await third.page.locator('h1', { hasText: 'Clients' }).waitFor({ timeout: 30_000 });
        expect([...first.errors, ...second.errors, ...third.errors]).toEqual([]);
        await context.close();
      },
      LONG,
    );
  });
}

test('without a passphrase there is no encrypted build, and a short one is refused', async () => {
  const out = path.join(tmp, 'none');
  const none = await run(['build', '--dir', 'clients', '--out', out, '--encrypt'], ROOT);
  expect(none.code).toBe(1);
  expect(none.stderr).toContain('`--encrypt` needs a passphrase, and there is no terminal to ask for one.');
  const short = await run(['build', '--dir', 'clients', '--out', out, '--encrypt'], ROOT, { CLIENTBOOK_PASSWORD: 'hunter2' });
  expect(short.code).toBe(1);
  expect(short.stderr).toContain('The passphrase is shorter than 12 characters');
  expect(existsSync(path.join(out, 'index.html'))).toBe(false);
});
