/**
 * The built site in headless Chromium, opened from disk (file://) and served over HTTP: the way a
 * consultant goes through it (agenda -> client -> roadmap), with no console error, no request
 * outside the site, no script from a client file, and no accessibility violation on any page type.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ICAL from 'ical.js';
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { run } from '../helpers/cli.ts';
import { client } from '../helpers/portfolio.ts';
import { CONTEXT_DEFAULTS, browserTestsSkipped, launch } from './browser.ts';
import { serve, type StaticServer } from './serve.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const AS_OF = '2026-12-01';
/** Noon on the as-of day in Whitehorse, the browser's zone: the reader's date is the build's. */
const READ_ON_AS_OF = new Date('2026-12-01T12:00:00-07:00');
const AXE = readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const LONG = 120_000;

const PAGE_TYPES = {
  agenda: 'index.html',
  clients: 'clients/index.html',
  client: 'clients/hanks-hardware/index.html',
  'client roadmap': 'clients/hanks-hardware/roadmap/index.html',
  'meeting sheet': 'clients/hanks-hardware/meeting-sheet/index.html',
  roadmap: 'roadmap/index.html',
  health: 'health/index.html',
} as const;

/**
 * Without Chromium the browser tests are skipped with a message, except in CI (`CI` set), where a
 * skipped test would pass unseen: there they fail (tests/e2e/browser.ts). `.ci/run` installs Debian's chromium.
 */
const skipBrowser = browserTestsSkipped();
const browserTest = test.skipIf(skipBrowser);

let tmp: string;
let sampleDir: string;
let hostileDir: string;
let browser: Browser;
let server: StaticServer;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'clientbook-e2e-'));
  sampleDir = path.join(tmp, 'sample');
  hostileDir = path.join(tmp, 'hostile');
  const sample = await run(['build', '--dir', 'clients', '--out', sampleDir, '--as-of', AS_OF], ROOT);
  expect(sample.code, sample.stderr).toBe(0);
  const hostile = await run(['build', '--dir', 'tests/fixtures/hostile', '--out', hostileDir, '--as-of', AS_OF], ROOT);
  expect(hostile.code, hostile.stderr).toBe(0);
  if (!skipBrowser) {
    browser = await launch();
  }
  server = await serve(sampleDir);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(tmp, { recursive: true, force: true });
});

describe('the built files', () => {
  test('every page is private and self-contained: CSP, noindex, no external script, style or image', () => {
    const files = htmlFiles(sampleDir);
    expect(files).toEqual(
      expect.arrayContaining(['index.html', 'clients/index.html', 'roadmap/index.html', 'health/index.html', 'clients/hanks-hardware/meeting-sheet/index.html']),
    );
    for (const file of files) {
      const html = readFileSync(path.join(sampleDir, file), 'utf8');
      expect(html, file).toContain('<meta name="robots" content="noindex, nofollow, noarchive">');
      expect(html, file).toMatch(/<meta http-equiv="content-security-policy" content="default-src 'none';/);
      expect(html, file).not.toMatch(/<script[^>]+src=/);
      // One stylesheet, the site's own, linked relatively (no other origin, no absolute path).
      const depth = file.split('/').length - 1;
      expect([...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*>/g)].map((m) => m[0]), file).toEqual([
        `<link rel="stylesheet" href="${'../'.repeat(depth)}site.css">`,
      ]);
      expect(html, file).not.toMatch(/<style[\s>]/);
      expect(html, file).not.toMatch(/\ssrc="(?!data:)/);
      // Links are relative: nothing starts at the server's root, which does not exist on disk.
      expect(html, file).not.toMatch(/\s(?:href|src|action)="\//);
    }
    expect(readFileSync(path.join(sampleDir, 'robots.txt'), 'utf8')).toBe('User-agent: *\nDisallow: /\n');
    expect(readdirSync(sampleDir)).not.toContain('_astro');
  });

  test('the calendar is valid iCalendar: all-day events with unique, stable UIDs', async () => {
    const text = readFileSync(path.join(sampleDir, 'calendar.ics'), 'utf8');
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.length).toBeGreaterThan(50);
    const uids = events.map((e) => e.uid);
    expect(new Set(uids).size).toBe(uids.length);
    for (const event of events) {
      expect(event.startDate.isDate, event.summary).toBe(true);
      expect(event.endDate.toString()).toBe(event.startDate.clone().adjust(1, 0, 0, 0).toString());
    }
    const renewal = events.find((e) => e.summary === "Hank's Hardware: ESET PROTECT Entry expires")!;
    expect(renewal.startDate.toString()).toBe('2026-12-15');
    // The same item built for another day keeps its UID, so a subscribed calendar moves it, not doubles it.
    const later = path.join(tmp, 'later');
    const again = await run(['build', '--dir', 'clients', '--out', later, '--as-of', '2026-12-20'], ROOT);
    expect(again.code, again.stderr).toBe(0);
    const laterEvents = new ICAL.Component(ICAL.parse(readFileSync(path.join(later, 'calendar.ics'), 'utf8')))
      .getAllSubcomponents('vevent')
      .map((e) => new ICAL.Event(e));
    // Overdue by then: shown on the day the feed was built for, under the same UID.
    const overdue = laterEvents.find((e) => e.summary.startsWith(renewal.summary))!;
    expect(overdue.uid).toBe(renewal.uid);
    expect([overdue.summary, overdue.startDate.toString()]).toEqual([`${renewal.summary} (overdue since 2026-12-15)`, '2026-12-20']);
  }, LONG);
});

describe('the Astro integration on its own (`npx astro build`)', () => {
  test('refuses a portfolio with errors and prints its diagnostics; nothing is built', async () => {
    const broken = path.join(tmp, 'broken');
    await mkdir(broken, { recursive: true });
    await writeFile(path.join(broken, 'acme.md'), client('name: Acme\ngrowth:\n  outlook: booming'));
    const out = path.join(tmp, 'broken-site');
    process.env.ASTRO_TELEMETRY_DISABLED = '1';
    const [{ build }, { clientbook }] = await Promise.all([import('astro'), import('#site-integration/index')]);
    const building = build({
      root: ROOT,
      configFile: false,
      srcDir: './site',
      outDir: out,
      logLevel: 'silent',
      integrations: [clientbook({ dir: broken, asOf: AS_OF })],
    });
    await expect(building).rejects.toThrow(/acme\.md:4:12: error: .*booming/);
    expect(existsSync(path.join(out, 'index.html'))).toBe(false);
  }, LONG);
});

interface Watch {
  outside: string[];
  errors: string[];
  dialogs: string[];
}

/** Records what must never happen: requests outside the site, console errors, dialogs. */
async function watchedContext(base: string, options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; watch: Watch }> {
  const context = await browser.newContext({ ...CONTEXT_DEFAULTS, ...options });
  await context.clock.setFixedTime(READ_ON_AS_OF);
  const watch: Watch = { outside: [], errors: [], dialogs: [] };
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(base) && !url.startsWith('data:')) watch.outside.push(url);
  });
  context.on('page', (page) => watchPage(page, watch));
  return { context, watch };
}

function watchPage(page: Page, watch: Watch): void {
  page.on('console', (message) => {
    if (message.type() === 'error') watch.errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => watch.errors.push(`${page.url()}: ${error.message}`));
  page.on('dialog', (dialog) => {
    watch.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
}


/** The trimmed text of the first match, once it is there. */
const text = async (locator: Locator) => ((await locator.first().textContent()) ?? '').trim();

/** Clicks a link and waits for the page it leads to. */
async function follow(page: Page, link: Locator): Promise<void> {
  const before = page.url();
  await link.first().click();
  await page.waitForURL((url) => url.href !== before);
  await page.waitForLoadState('load');
}

const modes = [
  ['from disk (file://)', () => `${pathToFileURL(sampleDir).href}/`],
  ['served over HTTP', () => server.url],
] as const;

describe.each(modes)('the sample site %s', (_mode, baseOf) => {
  browserTest(
    'agenda -> client -> roadmap, and round the navigation, with no console error and no request outside the site',
    async () => {
      const base = baseOf();
      const { context, watch } = await watchedContext(base);
      const page = await context.newPage();
      await page.goto(`${base}index.html`);
      expect(await text(page.locator('h1'))).toBe('Agenda');
      expect(await page.locator('#agenda').getAttribute('data-as-of')).toBe(AS_OF);
      expect(await page.locator('[data-regrouped]').isHidden()).toBe(true);
      // The shared stylesheet loads, from disk as served, under the page's Content-Security-Policy.
      expect(await page.locator('.skip-link').evaluate((el) => getComputedStyle(el).position)).toBe('absolute');

      const first = page.locator('#overdue li.item .who a').first();
      const name = (await first.textContent())!.trim();
      await follow(page, first);
      expect(await text(page.locator('h1'))).toBe(name);
      expect(await page.locator('.contact-links a[href^="tel:"]').count()).toBe(1);

      await follow(page, page.getByRole('link', { name: 'Printable roadmap' }));
      expect(await text(page.locator('h1'))).toBe(`IT roadmap for ${name}`);

      await follow(page, page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Roadmap' }));
      expect(await text(page.locator('h1'))).toBe('Roadmap');
      expect(await page.locator('svg.roadmap-chart g.quarter').count()).toBe(12);

      for (const [label, heading] of [
        ['Health', 'Health'],
        ['Clients', 'Clients'],
        ['Agenda', 'Agenda'],
      ] as const) {
        await follow(page, page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: label }));
        expect(await text(page.locator('h1'))).toBe(heading);
      }
      await follow(page, page.getByRole('link', { name: "Hank's Hardware" }));
      await follow(page, page.getByRole('link', { name: 'Meeting sheet' }));
      expect(await text(page.locator('h1'))).toBe("Roadmap questions: Hank's Hardware");
      expect(await text(page.locator('#q-outlook .answer'))).toContain('Growing');

      expect(watch.errors).toEqual([]);
      expect(watch.outside).toEqual([]);
      if (base === server.url) expect(server.missing).toEqual([]);
      await context.close();
    },
    LONG,
  );
});

describe('the agenda on a later day', () => {
  browserTest(
    'moves items to the groups of the reader\'s date and says so; the page is complete without script',
    async () => {
      const base = `${pathToFileURL(sampleDir).href}/`;
      const { context, watch } = await watchedContext(base);
      await context.clock.setFixedTime(new Date('2026-12-10T08:00:00-07:00'));
      const page = await context.newPage();
      await page.goto(`${base}index.html`);
      expect(await text(page.locator('[data-regrouped]'))).toContain('Today is Thursday, December 10, 2026');
      // Due 2026-12-05: upcoming when built, overdue on the 10th.
      expect(await page.locator('#overdue li[data-title="Send a thank-you for the referrals"]').count()).toBe(1);
      expect(await page.locator('#today li[data-title="Send the booking system comparison"]').count()).toBe(1);
      const groups = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('[data-group]')].map((g) => ({
          group: g.dataset.group,
          // A check due later than the window stays in the page, hidden and not counted.
          dues: [...g.querySelectorAll<HTMLElement>('li.item:not([hidden])')].map((li) => li.dataset.due ?? ''),
          from: [...g.querySelectorAll<HTMLElement>('li.item:not([hidden])')].map((li) => li.dataset.upcomingFrom ?? ''),
          count: g.querySelector('[data-group-count]')?.textContent,
        })),
      );
      for (const g of groups) {
        expect(g.count).toBe(String(g.dues.length));
        g.dues.forEach((due, i) => {
          if (!due) return;
          if (g.group === 'overdue') expect(due < '2026-12-10').toBe(true);
          if (g.group === 'today') expect(due).toBe('2026-12-10');
          // Within the window, or within the item's notice (the sample's asset_notice is 45 days).
          if (g.group === 'upcoming') expect(due > '2026-12-10' && (due <= '2027-01-09' || g.from[i]! <= '2026-12-10'), due).toBe(true);
        });
      }
      const upcoming = groups.find((g) => g.group === 'upcoming')!;
      expect(upcoming.dues.some((due) => due > '2027-01-09'), 'an asset upcoming by its notice').toBe(true);
      expect(await text(page.locator('[data-count="overdue"]'))).toBe(String(groups.find((g) => g.group === 'overdue')!.dues.length));
      expect(await text(page.locator('[data-count="checks"]'))).toBe(String(groups.find((g) => g.group === 'checks')!.dues.length));
      expect(watch.errors).toEqual([]);
      await context.close();

      // Read under UTC at 05:30 on Monday 7 December: in the portfolio's zone (Whitehorse) it is
      // still Sunday the 6th, and the agenda is the portfolio's.
      const utc = await watchedContext(base, { timezoneId: 'UTC' });
      await utc.context.clock.setFixedTime(new Date('2026-12-07T05:30:00Z'));
      const early = await utc.context.newPage();
      await early.goto(`${base}index.html`);
      expect(await text(early.locator('[data-regrouped]'))).toContain('Today is Sunday, December 6, 2026');
      expect(await early.locator('#overdue li[data-title="Send a thank-you for the referrals"]').count()).toBe(1);
      expect(utc.watch.errors).toEqual([]);
      await utc.context.close();

      const still = await browser.newContext({ ...CONTEXT_DEFAULTS, javaScriptEnabled: false });
      const plain = await still.newPage();
      await plain.goto(`${base}index.html`);
      expect(await plain.locator('#overdue li.item').first().isVisible()).toBe(true);
      expect(await plain.locator('#upcoming li.item').first().isVisible()).toBe(true);
      await plain.goto(`${base}clients/index.html`);
      expect(await plain.locator('table[data-clients] tbody tr').count()).toBe(15);
      expect(await plain.locator('form[data-filters]').isHidden()).toBe(true);
      await still.close();
    },
    LONG,
  );
});

describe('the clients table', () => {
  browserTest(
    'sorts by a column and filters by type, outlook and text, from disk',
    async () => {
      const base = `${pathToFileURL(sampleDir).href}/`;
      const { context, watch } = await watchedContext(base);
      const page = await context.newPage();
      await page.goto(`${base}clients/index.html`);
      const names = () => page.locator('table[data-clients] tbody tr:not([hidden]) th a').allTextContents();

      await page.getByRole('button', { name: 'Referrals' }).click();
      await page.getByRole('button', { name: 'Referrals' }).click();
      expect(await text(page.locator('th[aria-sort="descending"]'))).toMatch(/Referrals/);
      expect((await names())[0]).toBe('Patterson Realty');

      await page.getByLabel('Outlook').selectOption('shrinking');
      expect(await names()).toEqual(['Tintina Exploration Services']);
      expect(await text(page.locator('[data-shown]'))).toBe('1 of 15 clients.');
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await page.getByLabel('Search').fill('whitehorse dental');
      expect(await names()).toEqual(['Lakeside Dental Centre']);
      expect(watch.errors).toEqual([]);
      await context.close();
    },
    LONG,
  );

  browserTest(
    'on a phone, where the column headings are gone, sorts from a list and filters by next due and last meeting',
    async () => {
      const base = `${pathToFileURL(sampleDir).href}/`;
      const { context, watch } = await watchedContext(base, { viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      await page.goto(`${base}clients/index.html`);
      const names = () => page.locator('table[data-clients] tbody tr:not([hidden]) th a').allTextContents();
      // The headings are there for screen readers only (one pixel, clipped).
      expect((await page.locator('table[data-clients] thead').boundingBox())!.height).toBeLessThanOrEqual(1);
      const sortBy = page.getByLabel('Sort by');
      expect(await sortBy.isVisible()).toBe(true);
      const box = (await sortBy.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(390);

      // As of 2026-12-01: Two Mile Hill's outlook was never asked (undated, so first), then the
      // oldest overdue items; the former client has nothing due and comes last.
      await sortBy.selectOption({ label: 'Next due, soonest first' });
      const sorted = await names();
      expect(sorted.slice(0, 4)).toEqual(['Two Mile Hill Auto Repair', 'Northern Hearth Family Services Society', 'Tintina Exploration Services', 'Patterson Realty']);
      expect(sorted.at(-1)).toBe('Midnight Sun Coffee Roasters');
      const first = (await page.locator('table[data-clients] tbody tr').first().boundingBox())!;
      expect(first.x + first.width).toBeLessThanOrEqual(390);

      await page.getByLabel('Next due').selectOption({ label: 'Due today' });
      expect(await names()).toEqual(['Bonanza Creek Lodge', 'Boreal Engineering Ltd.']);
      await page.getByLabel('Next due').selectOption({ label: 'Overdue' });
      await page.getByLabel('Last meeting').selectOption({ label: '1 to 3 months ago' });
      expect(await names()).toEqual(['Copper Ridge Accounting']);
      expect(await text(page.locator('[data-shown]'))).toBe('1 of 15 clients.');
      await page.getByLabel('Last meeting').selectOption({ label: 'Over a year ago' });
      expect(await names()).toEqual(['Patterson Realty']);
      await page.getByLabel('Next due').selectOption({ label: 'All' });
      await page.getByLabel('Last meeting').selectOption({ label: 'Never recorded' });
      expect(await names()).toEqual(['Two Mile Hill Auto Repair', 'Spruce Hill Veterinary Clinic', 'Midnight Sun Coffee Roasters']);
      await page.getByRole('button', { name: 'Clear filters' }).click();
      // The form's reset event comes before its fields are cleared: the table follows a moment later.
      await expect.poll(async () => (await names()).length).toBe(15);
      // Clearing the filters keeps the order chosen.
      expect(await sortBy.inputValue()).toBe('6:ascending');
      expect((await names())[0]).toBe('Two Mile Hill Auto Repair');
      expect(watch.errors).toEqual([]);
      await context.close();
    },
    LONG,
  );

  browserTest(
    'opened nine days after its build, each next item has the status it has that day, as in the agenda',
    async () => {
      const base = `${pathToFileURL(sampleDir).href}/`;
      const { context, watch } = await watchedContext(base);
      // Noon on 2026-12-10 in Whitehorse; the build was for 2026-12-01.
      await context.clock.setFixedTime(new Date('2026-12-10T12:00:00-07:00'));
      const page = await context.newPage();
      await page.goto(`${base}clients/index.html`);
      const names = () => page.locator('table[data-clients] tbody tr:not([hidden]) th a').allTextContents();
      const row = (name: string) => page.locator('table[data-clients] tbody tr', { hasText: name });
      // Kluane's next item is due 2026-12-10: upcoming at the build, today now.
      expect(await text(row('Kluane Wilderness Outfitters').locator('td.next-due .badge'))).toBe('Today');
      await page.getByLabel('Next due').selectOption({ label: 'Due today' });
      expect(await names()).toEqual(['Kluane Wilderness Outfitters']);
      // Due 2026-12-01 to 2026-12-05: overdue now, with the seven overdue at the build.
      await page.getByLabel('Next due').selectOption({ label: 'Overdue' });
      const overdue = await names();
      expect(overdue).toHaveLength(12);
      for (const name of ['Bonanza Creek Lodge', 'Boreal Engineering Ltd.', 'Lakeside Dental Centre', 'Spruce Hill Veterinary Clinic', 'Fireweed Translation']) {
        expect(overdue).toContain(name);
        expect(await text(row(name).locator('td.next-due .badge'))).toBe('Overdue');
      }
      await page.getByLabel('Next due').selectOption({ label: 'Upcoming' });
      expect(await names()).toEqual(['Takhini Transport']);
      expect(watch.errors).toEqual([]);
      await context.close();
    },
    LONG,
  );

  browserTest(
    'a column heading and the sort list show the same order',
    async () => {
      const base = `${pathToFileURL(sampleDir).href}/`;
      const { context } = await watchedContext(base);
      const page = await context.newPage();
      await page.goto(`${base}clients/index.html`);
      const sortBy = page.getByLabel('Sort by');
      expect(await sortBy.locator('option:checked').textContent()).toBe('Client, A to Z');
      await page.getByRole('button', { name: 'Signals' }).click();
      await page.getByRole('button', { name: 'Signals' }).click();
      expect(await sortBy.locator('option:checked').textContent()).toBe('Signals, most first');
      await sortBy.selectOption({ label: 'Last meeting, most recent first' });
      expect(await text(page.locator('th[aria-sort="descending"]'))).toMatch(/Last meeting/);
      expect(await page.locator('table[data-clients] caption').textContent()).toBe('Clients, sorted by last meeting, descending');
      // Patterson Realty was last met in 2025, the longest ago of those with a meeting on record.
      await sortBy.selectOption({ label: 'Last meeting, longest ago first' });
      expect(await text(page.locator('table[data-clients] tbody tr th a'))).toBe('Patterson Realty');
      await context.close();
    },
    LONG,
  );
});

describe('every page type', () => {
  browserTest(
    'has no accessibility violation (axe-core), reads on a phone without sideways scrolling, and prints without the navigation',
    async () => {
      const base = server.url;
      const { context, watch } = await watchedContext(base);
      const page = await context.newPage();
      const phone = await browser.newContext({ ...CONTEXT_DEFAULTS, viewport: { width: 375, height: 740 } });
      await phone.clock.setFixedTime(READ_ON_AS_OF);
      const small = await phone.newPage();
      for (const [type, file] of Object.entries(PAGE_TYPES)) {
        await page.goto(`${base}${file}`);
        await page.evaluate(AXE);
        const violations = await page.evaluate(async () => {
          const result = await (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, {
            resultTypes: ['violations'],
          });
          return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
        });
        expect(violations, type).toEqual([]);

        await page.emulateMedia({ media: 'print' });
        expect(await page.locator('.site-header').isVisible(), `${type} prints the header`).toBe(false);
        await page.emulateMedia({ media: 'screen' });

        await small.goto(`${base}${file}`);
        const overflow = await small.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${type} is wider than a phone`).toBeLessThanOrEqual(0);
      }
      await page.goto(`${base}index.html`);
      await page.keyboard.press('Tab');
      expect(await text(page.locator(':focus'))).toBe('Skip to content');
      expect(watch.errors).toEqual([]);
      await phone.close();
      await context.close();
    },
    LONG,
  );
});

describe('a hostile client file', () => {
  browserTest(
    'stays text on every page: nothing runs, nothing is fetched, even with the Content-Security-Policy switched off',
    async () => {
      const base = `${pathToFileURL(hostileDir).href}/`;
      const pages = htmlFiles(hostileDir);
      expect(pages.length).toBeGreaterThanOrEqual(10);
      for (const bypassCSP of [false, true]) {
        const { context, watch } = await watchedContext(base, { bypassCSP });
        const page = await context.newPage();
        for (const file of pages) {
          await page.goto(`${base}${file}`);
          // The site's own stylesheet is the one link allowed: a client file cannot add one.
          const siteCss = new URL('site.css', base).href;
          const found = await page.evaluate((siteCss) => {
            const w = window as unknown as { __pwned?: unknown };
            const handlers = [...document.querySelectorAll('*')].flatMap((el) =>
              [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName}[${a.name}]`),
            );
            return {
              pwned: w.__pwned ?? null,
              handlers,
              javascriptLinks: document.querySelectorAll('[href^="javascript:" i], [src^="javascript:" i]').length,
              embeds: [
                ...document.querySelectorAll('iframe, object, embed, form:not([data-filters]), img:not([src^="data:"]), link[rel="stylesheet"]'),
              ].filter((el) => !(el instanceof HTMLLinkElement && el.href === siteCss)).length,
              scripts: [...document.scripts].filter((s) => s.textContent!.includes('__pwned')).length,
            };
          }, siteCss);
          expect(found, file).toEqual({ pwned: null, handlers: [], javascriptLinks: 0, embeds: 0, scripts: 0 });
        }
        // The hostile text is on the page, as text.
        await page.goto(`${base}clients/evil-corp/index.html`);
        expect(await text(page.locator('h1'))).toContain("<script>window.__pwned = 'name'</script>Evil & Co");
        expect(await text(page.locator('#fields'))).toContain("javascript:window.__pwned='x-link'");
        expect(watch.dialogs, `bypassCSP ${bypassCSP}`).toEqual([]);
        expect(watch.outside, `bypassCSP ${bypassCSP}`).toEqual([]);
        expect(watch.errors, `bypassCSP ${bypassCSP}`).toEqual([]);
        await context.close();
      }
    },
    LONG,
  );
});

describe('a former client', () => {
  test('keeps its page and printable roadmap, without coaching or a meeting sheet', () => {
    const page = readFileSync(path.join(sampleDir, 'clients/midnight-sun-coffee/index.html'), 'utf8');
    expect(page).toContain('Former client');
    expect(page).not.toContain('How to work with them');
    expect(page).not.toContain('Every client should have a next step');
    expect(page).not.toContain('meeting-sheet');
    const roadmap = readFileSync(path.join(sampleDir, 'clients/midnight-sun-coffee/roadmap/index.html'), 'utf8');
    expect(roadmap).not.toContain('meeting-sheet');
    expect(existsSync(path.join(sampleDir, 'clients/midnight-sun-coffee/meeting-sheet/index.html'))).toBe(false);
    // An active client keeps both.
    const hank = readFileSync(path.join(sampleDir, 'clients/hanks-hardware/index.html'), 'utf8');
    expect(hank).toContain('How to work with them');
    expect(hank).toContain('meeting-sheet/');
  });
});
