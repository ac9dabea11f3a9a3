/**
 * A portfolio of 1,000 clients (the bench generator's): no page weighs more than 1 MB, the agenda
 * shows the first rows of each group and links to full lists that hold every row, the roadmap's
 * quarters link to pages with all their items, and the agenda opened a week later counts every
 * item, those it shows and those it does not have, as `due` does for that day.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generatePortfolio } from '../../scripts/bench/generate.ts';
import { run } from '../helpers/cli.ts';
import { tempRepos } from '../helpers/git-repo.ts';
import { CONTEXT_DEFAULTS, browserTestsSkipped, launch } from './browser.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const AS_OF = '2026-11-24';
const LATER = '2026-12-01';
const LONG = 600_000;
const MB = 1_000_000;

const skipBrowser = browserTestsSkipped();
const browserTest = test.skipIf(skipBrowser);

let tmp: string;
let portfolio: string;
let dist: string;
let browser: Browser;

const newRepo = tempRepos();

const html = (file: string) => readFileSync(path.join(dist, file), 'utf8');
const count = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).length;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'clientbook-weight-'));
  dist = path.join(tmp, 'site');
  // In git, last changed in the spring: the heaviest pages there are, with a "Last changed" column
  // in the clients table and a "file not updated" signal for every client on the health page.
  const repo = newRepo();
  portfolio = path.join(repo.root, 'clients');
  await generatePortfolio({ count: 1000, out: portfolio });
  repo.commit('The portfolio, last touched in the spring', '2026-03-02T10:00:00-07:00');
  const built = await run(['build', '--dir', portfolio, '--out', dist, '--as-of', AS_OF], ROOT);
  expect(built.code, built.stderr).toBe(0);
  if (!skipBrowser) browser = await launch();
}, LONG);

afterAll(async () => {
  await browser?.close();
  await rm(tmp, { recursive: true, force: true });
});

describe('a site of 1,000 clients', () => {
  test('has no page over 1 MB', () => {
    const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.html'))
      .map((f) => ({ file: f, bytes: statSync(path.join(dist, f)).size }))
      .sort((a, b) => b.bytes - a.bytes);
    expect(pages.length).toBeGreaterThan(2000);
    expect(pages.filter((p) => p.bytes > MB)).toEqual([]);
    // The heaviest case was built: the clients table has its history column, health its stale files.
    expect(html('clients/index.html')).toContain('Last changed');
    // Counts in the portfolio's locale (en-CA), as its dates and amounts are.
    expect(html('clients/index.html')).toContain('<p>1,000 clients.');
    expect(html('index.html')).toContain('1,000 client files.');
    expect(count(html('health/index.html'), /class="signal file-stale"/g)).toBeGreaterThan(900);
    // The pages that grow with the portfolio are among those checked.
    for (const file of ['index.html', 'clients/index.html', 'roadmap/index.html', 'health/index.html']) expect(pages.some((p) => p.file === file)).toBe(true);
  });

  test('the agenda shows the first rows of each long group, and its full lists hold every row once', () => {
    const agenda = html('index.html');
    for (const group of ['overdue', 'upcoming', 'checks']) {
      const section = agenda.slice(agenda.indexOf(`id="${group}"`));
      const total = Number(/data-group-count>([\d,]+)</.exec(section)![1]!.replace(/,/g, ''));
      const href = /data-list-href="([^"]+)"/.exec(agenda.slice(agenda.lastIndexOf('<', agenda.indexOf(`id="${group}"`))))![1]!;
      expect(href).toBe(`agenda/${group}/index.html`);
      // Every page of the full list, following its pager.
      const first = html(href);
      const pageLinks = [...new Set([...first.matchAll(/href="(\d+\/index\.html)"/g)].map((m) => m[1]!))];
      const files = [href, ...pageLinks.map((p) => `agenda/${group}/${p}`)];
      const titles = files.flatMap((f) => [...html(f).matchAll(/<li class="item[^"]*"[^>]*data-status="(\w+)"[^>]*data-title="([^"]*)"/g)].map((m) => m[1]));
      const expected = group === 'checks' ? Number(/data-count="checks">([\d,]+)</.exec(agenda)![1]!.replace(/,/g, '')) : total;
      expect(titles.filter((s) => s !== 'later').length, group).toBe(expected);
      expect(total, group).toBeGreaterThan(40);
    }
    expect(count(agenda, /<li class="item/g)).toBeLessThanOrEqual(5 * 40);
  });

  test('each quarter of the roadmap links to its page, which has all its items', () => {
    const roadmap = html('roadmap/index.html');
    const quarters = [...roadmap.matchAll(/<a href="([^"]+\/index\.html)">All of (Q\d \d{4})<\/a>/g)].map((m) => ({ href: m[1]!, label: m[2]! }));
    expect(quarters.length).toBeGreaterThan(0);
    for (const q of quarters) {
      const page = html(`roadmap/${q.href}`);
      const items = Number(new RegExp(`Showing \\d+ of (\\d+) items?`).exec(roadmap.slice(roadmap.indexOf(`All of ${q.label}`) - 400))![1]);
      expect(page).toContain(`<h1 id="h-`);
      expect(count(page.slice(page.indexOf('<tbody>')), /<th scope="row"/g), q.label).toBe(items);
    }
  });
});

describe('the 1,000-client agenda opened a week after its build', () => {
  browserTest(
    'counts every item by its group for that day, as `due` does, though it shows only the first rows',
    async () => {
      const due = await run(['due', '--dir', portfolio, '--as-of', LATER, '--json'], ROOT);
      const items = (JSON.parse(due.stdout) as { items: { kind: string; status: string }[] }).items;
      const tasks = (status: string) => items.filter((i) => (i.kind === 'action' || i.kind === 'asset') && i.status === status).length;
      const calls = items.filter((i) => (i.kind === 'meeting' || i.kind === 'growth') && i.status !== 'later').length;

      const context = await browser.newContext(CONTEXT_DEFAULTS);
      await context.clock.setFixedTime(new Date(`${LATER}T12:00:00-07:00`));
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(pathToFileURL(path.join(dist, 'index.html')).href);
      expect(await page.locator('[data-regrouped]').isVisible()).toBe(true);
      const counts = await page.evaluate(() =>
        Object.fromEntries(
          [...document.querySelectorAll<HTMLElement>('[data-group], [data-checks]')].map((g) => [
            g.dataset.group ?? 'checks',
            {
              text: g.querySelector('[data-group-count]')!.textContent,
              count: Number(g.querySelector('[data-group-count]')!.textContent!.replace(/,/g, '')),
              shown: [...g.querySelectorAll<HTMLElement>('li.item')].filter((li) => !li.hidden).length,
              more: (g.querySelector<HTMLElement>('[data-more]')?.hidden ? '' : g.querySelector('[data-more]')?.textContent?.replace(/\s+/g, ' ').trim()) ?? '',
              links: [...g.querySelectorAll<HTMLAnchorElement>('[data-more] a')].map((a) => a.getAttribute('href')),
            },
          ]),
        ),
      );
      for (const status of ['overdue', 'today', 'upcoming']) expect(counts[status]!.count, status).toBe(tasks(status));
      expect(counts.checks!.count).toBe(calls);
      // Counts are written in the portfolio's locale (en-CA): "1,523", as `due` counts 1523.
      const inLocale = (n: number) => new Intl.NumberFormat('en-CA').format(n);
      expect(tasks('overdue')).toBeGreaterThan(999);
      expect(await page.locator('[data-count="overdue"]').textContent()).toBe(inLocale(tasks('overdue')));
      expect(counts.overdue!.text).toBe(inLocale(tasks('overdue')));
      // What is shown and what is not: "Showing 40 of 2,150." and links to the lists that hold the rest.
      const overdue = counts.overdue!;
      expect(overdue.shown).toBeLessThan(overdue.count);
      expect(overdue.more).toMatch(new RegExp(`^Showing ${overdue.shown} of ${inLocale(overdue.count)}\\. All overdue items`));
      for (const link of overdue.links) expect(existsSync(path.join(dist, link!)), link!).toBe(true);
      expect(errors).toEqual([]);

      // A full list opened on that day gives each row its status for the day.
      await page.goto(pathToFileURL(path.join(dist, 'agenda/upcoming/index.html')).href);
      const statuses = await page.locator('li.item').evaluateAll((rows) =>
        rows.map((li) => [(li as HTMLElement).dataset.due, li.querySelector('[data-status-label]')?.textContent]),
      );
      expect(statuses.length).toBeGreaterThan(0);
      for (const [dueDate, label] of statuses) expect(label, dueDate).toBe(dueDate! < LATER ? 'Overdue' : dueDate === LATER ? 'Today' : dueDate! <= '2026-12-31' ? 'Upcoming' : 'Later');
      await context.close();
    },
    LONG,
  );
});
