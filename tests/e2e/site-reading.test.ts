/**
 * What a reader of the sample site sees, read the way a person reads it: every link goes
 * somewhere, dates are written in the portfolio's locale (en-CA), counts agree in number with
 * their words, and a badge is a word of its own, not glued to the one before it.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { run } from '../helpers/cli.ts';
import { client } from '../helpers/portfolio.ts';
import { CONTEXT_DEFAULTS, browserTestsSkipped, launch } from './browser.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const AS_OF = '2026-12-01';
const READ_ON_AS_OF = new Date('2026-12-01T12:00:00-07:00');
const LONG = 120_000;
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;

const skipBrowser = browserTestsSkipped();
const browserTest = test.skipIf(skipBrowser);

let tmp: string;
let dist: string;
let browser: Browser;
/** A book of one client, one employee, one roadmap item far ahead and a window of one day. */
let single: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'clientbook-reading-'));
  dist = path.join(tmp, 'dist');
  const built = await run(['build', '--dir', 'clients', '--out', dist, '--as-of', AS_OF], ROOT);
  expect(built.code, built.stderr).toBe(0);
  const book = path.join(tmp, 'one');
  await mkdir(book);
  await writeFile(path.join(book, 'clientbook.yaml'), 'time_zone: America/Whitehorse\ndue_window: 1\n');
  await writeFile(
    path.join(book, 'solo.md'),
    client(`name: Solo Sawmill
employees: 1
growth:
  outlook: stable
  asked: 2026-11-02
actions:
  - title: Call Ann
    due: 2027-03-01
roadmap:
  - title: New saw controller
    when: 2035
    cost: 900`),
  );
  single = path.join(tmp, 'one-site');
  const one = await run(['build', '--dir', book, '--out', single, '--as-of', AS_OF], ROOT);
  expect(one.code, one.stderr).toBe(0);
  if (!skipBrowser) browser = await launch();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await rm(tmp, { recursive: true, force: true });
});

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => path.join(dir, f));
}

const unescape = (s: string) => s.replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"');

describe('every link of the built site', () => {
  test('leads to a file of the site, and every #anchor to an element of that page', () => {
    const ids = new Map<string, Set<string>>();
    const idsOf = (file: string) => {
      let set = ids.get(file);
      if (!set) {
        set = new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]*)"/g)].map((m) => unescape(m[1]!)));
        ids.set(file, set);
      }
      return set;
    };
    const broken: string[] = [];
    let checked = 0;
    for (const file of htmlFiles(dist)) {
      const html = readFileSync(file, 'utf8');
      for (const match of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
        const url = unescape(match[1]!);
        if (/^(?:tel|mailto|data):/.test(url)) continue;
        const from = path.relative(dist, file);
        checked++;
        if (url === '' || /^[a-z]+:/i.test(url) || url.startsWith('/')) {
          broken.push(`${from}: ${url || '(empty)'}`);
          continue;
        }
        const [target, hash] = url.split('#') as [string, string | undefined];
        let resolved = target === '' ? file : path.resolve(path.dirname(file), decodeURIComponent(target));
        if (existsSync(resolved) && statSync(resolved).isDirectory()) resolved = path.join(resolved, 'index.html');
        if (!existsSync(resolved)) broken.push(`${from}: ${url} (no such file)`);
        else if (hash && resolved.endsWith('.html') && !idsOf(resolved).has(decodeURIComponent(hash))) broken.push(`${from}: ${url} (no such anchor)`);
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect(broken).toEqual([]);
  });
});

const text = async (locator: Locator) => ((await locator.first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

async function open(file: string, viewport = CONTEXT_DEFAULTS.viewport): Promise<Page> {
  const context = await browser.newContext({ ...CONTEXT_DEFAULTS, viewport });
  await context.clock.setFixedTime(READ_ON_AS_OF);
  const page = await context.newPage();
  await page.goto(pathToFileURL(path.join(dist, file)).href);
  return page;
}

describe('the health page', () => {
  browserTest(
    'writes each date as the other pages do, and counts clients in words that agree with the number',
    async () => {
      const page = await open('health/index.html');
      const signals = await page.locator('.signal').allTextContents();
      expect(signals.length).toBeGreaterThan(5);
      for (const s of signals) expect(s, 'a signal with an ISO date').not.toMatch(ISO_DATE);
      // Patterson Realty met last on 2025-11-18, yearly: due 2026-11-18, 13 days before 2026-12-01.
      expect(await text(page.locator('#patterson-realty .signal.meeting-overdue'))).toContain('The yearly meeting was due Nov 18, 2026, 13 days ago.');
      const chips = (await page.locator('ul.chips .chip').allTextContents()).map((c) => c.replace(/\s+/g, ' ').trim());
      expect(chips).toEqual([
        '6 of 14 clients with a signal',
        '3 with a meeting overdue',
        '1 without a meeting rhythm',
        '3 with the outlook not asked for a year',
        '1 without a next action',
        '3 with an action overdue for months',
        '1 shrinking',
      ]);
      // Why each signal matters and what to do, said once for the page, where each label leads.
      expect(await page.locator('.signal-meanings .signal').count()).toBe(6);
      expect(await page.getByText('Why it matters:').count()).toBe(6);
      await page.locator('#patterson-realty .signal.meeting-overdue a.label').click();
      await expect.poll(() => page.evaluate(() => location.hash)).toBe('#why_meeting-overdue');
      const meaning = page.locator('#why_meeting-overdue');
      expect(await text(meaning)).toContain('What to do: Call today and book the meeting');
      const box = (await meaning.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeLessThan(CONTEXT_DEFAULTS.viewport.height);
      await page.context().close();
    },
    LONG,
  );
});

describe('a client page', () => {
  browserTest(
    'writes planned replacements in the locale, and keeps each badge a word apart',
    async () => {
      const page = await open('clients/bonanza-lodge/index.html');
      const row = page.locator('#assets tbody tr', { hasText: 'Front desk workstation (HP EliteDesk 800 G4)' });
      expect(await text(row.locator('td[data-label="Replace"]'))).toBe('Apr 2027');
      await page.context().close();

      const hank = await open('clients/hanks-hardware/index.html');
      const replaces = (await hank.locator('#assets tbody td[data-label="Replace"]').allTextContents()).map((t) => t.trim());
      expect(replaces).toContain('Q2 2027');
      expect(replaces).toContain('Nov 2027');
      expect(replaces).toContain('2028');
      for (const r of replaces) expect(r).not.toMatch(/^\d{4}-(?:Q\d|\d{2})/);
      // Tags read as words of their own ("quote server", not "quoteserver").
      const action = hank.locator('#actions tbody th', { hasText: 'Send the quote for the new server' });
      expect((await action.locator('.tags').textContent())!.trim()).toMatch(/^quote\s+server$/);
      await hank.context().close();
    },
    LONG,
  );

  browserTest('a meeting overdue says so after the date, with a space between them', async () => {
    // Patterson Realty's yearly meeting was due 2026-11-18.
    const page = await open('clients/patterson-realty/index.html');
    expect(await page.locator('#meetings').innerText()).toMatch(/Next due Nov 18, 2026 overdue\.$/);
    await page.context().close();
  });
});

describe('the agenda', () => {
  test('links a full list only when the list has a page', () => {
    const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
    for (const [, list] of html.matchAll(/href="agenda\/([a-z]+)\/index\.html"/g)) {
      expect(existsSync(path.join(dist, 'agenda', list!, 'index.html')), list).toBe(true);
    }
  });
});

describe('on paper', () => {
  browserTest(
    'every page type fits the width of a Letter page: no table runs past its edge',
    async () => {
      // 8.5 in less the print margins of 14 mm each side, in CSS pixels (96 to the inch).
      const width = Math.floor(8.5 * 96 - (2 * 14 * 96) / 25.4);
      const context = await browser.newContext({ ...CONTEXT_DEFAULTS, viewport: { width, height: 1000 } });
      await context.clock.setFixedTime(READ_ON_AS_OF);
      const page = await context.newPage();
      await page.emulateMedia({ media: 'print' });
      const pages = ['index.html', 'clients/index.html', 'clients/hanks-hardware/index.html', 'clients/hanks-hardware/roadmap/index.html', 'clients/hanks-hardware/meeting-sheet/index.html', 'roadmap/index.html', 'roadmap/2027-Q2/index.html', 'health/index.html'];
      for (const file of pages) {
        await page.goto(pathToFileURL(path.join(dist, file)).href);
        const wide = await page.evaluate((width) =>
          [...document.querySelectorAll('table')]
            .filter((t) => t.getBoundingClientRect().width > 0 && t.getBoundingClientRect().right > width + 0.5)
            .map((t) => `${t.className || t.getAttribute('aria-label') || 'table'}: ${Math.round(t.getBoundingClientRect().right)} px`), width);
        expect(wide, file).toEqual([]);
      }
      await context.close();
    },
    LONG,
  );
});

describe('a count of one', () => {
  browserTest(
    'is said in the singular on every page that counts',
    async () => {
      const context = await browser.newContext({ ...CONTEXT_DEFAULTS });
      await context.clock.setFixedTime(READ_ON_AS_OF);
      const page = await context.newPage();
      const at = (file: string) => page.goto(pathToFileURL(path.join(single, file)).href);
      await at('clients/solo/roadmap/index.html');
      expect(await text(page.locator('h2:has-text("Where the business is heading") + p'))).toMatch(/^Stable, 1 person today\./);
      await at('roadmap/later/index.html');
      expect(await text(page.locator('h1'))).toBe('Later: 1 item');
      await at('clients/solo/index.html');
      expect(await text(page.locator('#due .empty'))).toBe('Nothing due in the next 1 day.');
      await at('clients/index.html');
      expect(await text(page.locator('[data-shown]'))).toBe('The only client.');
      const body = await page.locator('body').innerText();
      expect(body).not.toMatch(/\b1 (?:items|people|days|clients)\b/);
      await context.close();
    },
    LONG,
  );
});

describe('the portfolio roadmap', () => {
  browserTest(
    'writes every amount of its totals and quarter table with cents when any has cents, so that the figures line up',
    async () => {
      // Copper Ridge's 2800.50 and Fireweed's 149.99 give some sums cents.
      const page = await open('roadmap/index.html');
      const amounts = await page.locator('table.quarters td.num:not([data-label="Items"])').allTextContents();
      const chips = await page.locator('ul.chips .chip strong').allTextContents();
      const money = [...amounts, ...chips].map((a) => a.trim()).filter((a) => a.startsWith('$'));
      expect(money.length).toBeGreaterThan(40);
      for (const a of money) expect(a).toMatch(/^\$[\d,]+\.\d\d$/);
      await page.context().close();
    },
    LONG,
  );
});
