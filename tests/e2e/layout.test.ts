/**
 * Every page type read on a phone (390×844) and at a desk (1280×900): no text lies outside the
 * window sideways, the fields a reader comes for are on screen, tables became cards on the phone,
 * and the agenda's first screen reaches the first overdue item with a way to call the client.
 * Each page is kept as a screenshot in .tmp/screenshots/ (git-ignored) to look at.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { run } from '../helpers/cli.ts';
import { client, tempPortfolios } from '../helpers/portfolio.ts';
import { CONTEXT_DEFAULTS, browserTestsSkipped, launch } from './browser.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHOTS = path.join(ROOT, '.tmp/screenshots');
const AS_OF = '2026-12-01';
const READ_ON_AS_OF = new Date('2026-12-01T12:00:00-07:00');
const LONG = 180_000;

const skipBrowser = browserTestsSkipped();
const browserTest = test.skipIf(skipBrowser);

const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 900 },
} as const;

/** The fields a reader comes to each page for: each selector must match, and its first matches must be on screen. */
const PAGES: Record<string, { file: string; key: string[] }> = {
  agenda: {
    file: 'index.html',
    key: ['#overdue li.item .who > a', '#overdue li.item .when time', '#overdue li.item .what', '#upcoming li.item .what', '#checks li.item:not([hidden]) .what'],
  },
  clients: {
    file: 'clients/index.html',
    key: ['table[data-clients] tbody th a', 'table[data-clients] td.next-due', 'table[data-clients] tbody td:last-child'],
  },
  client: {
    file: 'clients/hanks-hardware/index.html',
    key: [
      '.contact-links a[href^="tel:"]',
      '#due tbody th[scope="row"]',
      '#due tbody td.date time',
      '#due tbody .badge',
      '#actions tbody th[scope="row"]',
      '#actions tbody td.date',
      '#assets tbody th[scope="row"]',
      '#assets tbody td:nth-child(4)',
      '#assets tbody td:nth-child(6)',
      '#roadmap tbody th[scope="row"]',
      '#roadmap tbody td.num',
      '#roadmap tbody td:last-child:not(:empty)',
    ],
  },
  'client roadmap': {
    file: 'clients/hanks-hardware/roadmap/index.html',
    key: ['.sheet tbody th[scope="row"]', '.sheet tbody td.date', '.sheet tbody td.num'],
  },
  'meeting sheet': {
    file: 'clients/hanks-hardware/meeting-sheet/index.html',
    key: ['.question-text', '.answer li', 'tbody th[scope="row"]', 'tbody td.num'],
  },
  roadmap: {
    file: 'roadmap/index.html',
    key: ['table.quarters tbody th[scope="row"] a', 'table.quarters tbody td.num', 'table.quarters tbody td.clients-cell', '.client-section tbody th[scope="row"]', '.client-section tbody td a'],
  },
  health: {
    file: 'health/index.html',
    key: ['.client-section h2 a', '.signal .label', '.signal .why'],
  },
};

interface Offender {
  tag: string;
  text: string;
  left: number;
  right: number;
}

/**
 * Elements that carry text of their own (a non-blank text node as a child), rendered, and not
 * inside a chart (which scrolls within its own region, so its labels stay readable): those whose
 * box leaves the window on either side, or is cut off by a box that scrolls sideways (a table
 * wider than its frame), or is squeezed into a sliver (a word a letter per line).
 */
async function textOutside(page: Page): Promise<Offender[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found: Offender[] = [];
    const clippers = (el: Element) => {
      const boxes: DOMRect[] = [];
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const overflow = getComputedStyle(p).overflowX;
        if (overflow !== 'visible' && overflow !== 'clip') boxes.push(p.getBoundingClientRect());
      }
      return boxes;
    };
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      if (el.closest('.chart-scroll')) continue;
      const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent!.trim()).join(' ').trim();
      if (!own) continue;
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      const r = el.getBoundingClientRect();
      // Visually hidden text (a 1 px clipped box) is for screen readers.
      if (r.width <= 1 || r.height <= 1) continue;
      const clips = clippers(el);
      // Inside a visually hidden box (1 px, clipped): for screen readers.
      if (clips.some((c) => c.width <= 1 || c.height <= 1)) continue;
      const outside = r.left < -0.5 || r.right > width + 0.5 || clips.some((c) => r.left < c.left - 0.5 || r.right > c.right + 0.5);
      const squeezed = own.length >= 6 && r.width < 48 && r.height > 60;
      if (outside || squeezed) {
        found.push({ tag: el.tagName.toLowerCase(), text: el.textContent!.trim().slice(0, 40), left: Math.round(r.left), right: Math.round(r.right) });
      }
    }
    return found;
  }) as Promise<Offender[]>;
}

/** The first few matches of a selector: how many there are, and those not wholly on screen sideways or not shown. */
async function keyFieldsOff(page: Page, selector: string): Promise<{ count: number; off: string[] }> {
  return page.evaluate((selector) => {
    const width = document.documentElement.clientWidth;
    const all = [...document.querySelectorAll<HTMLElement>(selector)];
    const off = all.slice(0, 5).flatMap((el) => {
      const r = el.getBoundingClientRect();
      const shown = el.checkVisibility({ visibilityProperty: true }) && r.width > 1 && r.height > 1;
      return shown && r.left >= -0.5 && r.right <= width + 0.5 ? [] : [`${el.textContent!.trim().slice(0, 40)} (${Math.round(r.left)}..${Math.round(r.right)})`];
    });
    return { count: all.length, off };
  }, selector);
}

let tmp: string;
let dist: string;
let browser: Browser;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'clientbook-layout-'));
  dist = path.join(tmp, 'site');
  const built = await run(['build', '--dir', 'clients', '--out', dist, '--as-of', AS_OF], ROOT);
  expect(built.code, built.stderr).toBe(0);
  await mkdir(SHOTS, { recursive: true });
  if (!skipBrowser) browser = await launch();
}, LONG);

afterAll(async () => {
  await browser?.close();
  await rm(tmp, { recursive: true, force: true });
});

describe.each(Object.entries(VIEWPORTS))('every page type at %s width', (name, viewport) => {
  browserTest(
    'keeps its text inside the window and its key fields on screen (screenshots in .tmp/screenshots)',
    async () => {
      const context = await browser.newContext({ ...CONTEXT_DEFAULTS, viewport });
      await context.clock.setFixedTime(READ_ON_AS_OF);
      const page = await context.newPage();
      for (const [type, { file, key }] of Object.entries(PAGES)) {
        await page.goto(pathToFileURL(path.join(dist, file)).href);
        await page.screenshot({ path: path.join(SHOTS, `${type.replace(' ', '-')}-${viewport.width}.png`), fullPage: true });
        expect(await textOutside(page), `${type} at ${name} width: text outside the window`).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `${type} scrolls sideways`).toBe(0);
        for (const selector of key) {
          const { count, off } = await keyFieldsOff(page, selector);
          expect(count, `${type}: ${selector} is on the page`).toBeGreaterThan(0);
          expect(off, `${type} at ${name} width: ${selector} off screen`).toEqual([]);
        }
      }
      await context.close();
    },
    LONG,
  );
});

describe('on a phone', () => {
  browserTest(
    'the tables that matter are cards: no table row wider than the window, the headers hidden, each value under its label',
    async () => {
      const context = await browser.newContext({ ...CONTEXT_DEFAULTS, viewport: VIEWPORTS.phone });
      await context.clock.setFixedTime(READ_ON_AS_OF);
      const page = await context.newPage();
      await page.goto(pathToFileURL(path.join(dist, PAGES.client!.file)).href);
      for (const section of ['due', 'actions', 'assets', 'roadmap']) {
        const table = page.locator(`#${section} table`);
        expect(await table.locator('thead').boundingBox().then((b) => b!.height), section).toBeLessThanOrEqual(1);
        expect(await table.evaluate((t) => getComputedStyle(t.querySelector('tbody tr')!).display), section).toBe('flex');
      }
      // A due item's card: the title first, then its date under the label "When".
      const card = page.locator('#due tbody tr').first();
      const [title, when] = await Promise.all([card.locator('th').boundingBox(), card.locator('td.date').boundingBox()]);
      expect(title!.y).toBeLessThan(when!.y);
      expect(await card.locator('td.date').evaluate((td) => getComputedStyle(td, '::before').content)).toBe('"When"');
      expect(await page.locator('#assets tbody tr').first().locator('td:nth-child(4)').evaluate((td) => getComputedStyle(td, '::before').content)).toBe('"Ends"');

      // The portfolio roadmap: a quarter is a short card, not a column of client names.
      await page.goto(pathToFileURL(path.join(dist, PAGES.roadmap!.file)).href);
      const heights = await page.locator('table.quarters tbody tr').evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().height));
      expect(heights).toHaveLength(12);
      expect(Math.max(...heights)).toBeLessThan(260);
      await context.close();
    },
    LONG,
  );

  browserTest(
    'the agenda shows the first overdue item on the first screen, with the client\'s phone and e-mail, also when regrouped on a later day',
    async () => {
      for (const day of [READ_ON_AS_OF, new Date('2026-12-10T08:00:00-07:00')]) {
        const context = await browser.newContext({ ...CONTEXT_DEFAULTS, viewport: VIEWPORTS.phone });
        await context.clock.setFixedTime(day);
        const page = await context.newPage();
        await page.goto(pathToFileURL(path.join(dist, 'index.html')).href);
        if (day !== READ_ON_AS_OF) expect(await page.locator('[data-regrouped]').isVisible()).toBe(true);
        const first = page.locator('#overdue li.item').first();
        const box = (await first.boundingBox())!;
        expect(box.y + box.height, `first overdue row on ${day.toISOString()}`).toBeLessThanOrEqual(844);
        const tel = first.locator('.contact-line a[href^="tel:"]');
        expect(await tel.isVisible()).toBe(true);
        expect((await tel.boundingBox())!.y).toBeLessThan(844);
        // The first client of the sample's agenda has no e-mail (Barry: "call the shop line"); the
        // first client that has one shows it, on the first screen too.
        const mail = page.locator('#overdue li.item .contact-line a[href^="mailto:"]').first();
        expect(await mail.isVisible()).toBe(true);
        expect((await mail.boundingBox())!.y).toBeLessThan(844);
        await page.screenshot({ path: path.join(SHOTS, `agenda-first-screen-${day === READ_ON_AS_OF ? 'as-of' : 'later-day'}-390.png`) });
        await context.close();
      }
    },
    LONG,
  );
});

describe('the agenda groups by client', () => {
  browserTest(
    'each client group shows its contact\'s phone and e-mail once, at the start of the group',
    async () => {
      const context = await browser.newContext({ ...CONTEXT_DEFAULTS, viewport: VIEWPORTS.desktop });
      await context.clock.setFixedTime(READ_ON_AS_OF);
      const page = await context.newPage();
      await page.goto(pathToFileURL(path.join(dist, 'index.html')).href);
      const groups = await page.locator('#overdue li.item').evaluateAll((rows) =>
        rows.map((li) => ({
          client: (li as HTMLElement).dataset.clientName,
          first: !li.classList.contains('same-client'),
          tel: [...li.querySelectorAll<HTMLAnchorElement>('.contact-line a[href^="tel:"]')].filter((a) => a.checkVisibility()).map((a) => a.getAttribute('href')),
          mail: [...li.querySelectorAll<HTMLAnchorElement>('.contact-line a[href^="mailto:"]')].filter((a) => a.checkVisibility()).map((a) => a.getAttribute('href')),
        })),
      );
      const hank = groups.filter((g) => g.client === "Hank's Hardware");
      expect(hank.length).toBeGreaterThan(1);
      expect(hank[0]).toMatchObject({ first: true, tel: ['tel:+18675550100'], mail: ['mailto:hank@hanks-hardware.example'] });
      for (const row of hank.slice(1)) expect(row).toMatchObject({ first: false, tel: [], mail: [] });
      await context.close();
    },
    LONG,
  );
});

describe('a client page with long values of your own fields, on a phone', () => {
  const portfolio = tempPortfolios();
  browserTest(
    'wraps a long address and a sentence inside the window instead of widening the page',
    async () => {
      const dir = await portfolio({
        'clients/acme.md': client(
          [
            'x-ticket-system: https://helpdesk.acme.example/queue/very/long/path/to/the/queue/that/keeps/going/and/going',
            'contact:',
            '  name: Ann Lee',
            '  x-billing-code: ACME-2026-SUPPORT-RETAINER-0001-WITH-A-SUFFIX-THAT-NEVER-BREAKS',
            'growth:',
            '  outlook: stable',
            '  x-board-notes: The board plans a second site in Dawson City in 2028, pending financing from the bank.',
          ].join('\n'),
        ),
      });
      const out = path.join(dir, 'site');
      const built = await run(['build', '--dir', 'clients', '--out', out, '--as-of', AS_OF], dir);
      expect(built.code, built.stderr).toBe(0);
      const context = await browser.newContext({ ...CONTEXT_DEFAULTS, viewport: VIEWPORTS.phone });
      const page = await context.newPage();
      await page.goto(pathToFileURL(path.join(out, 'clients/acme/index.html')).href);
      await expect.poll(() => page.locator('#fields dd').count()).toBe(3);
      expect(await textOutside(page), 'text outside the window').toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 'scrolls sideways').toBe(0);
      await context.close();
    },
    LONG,
  );
});
