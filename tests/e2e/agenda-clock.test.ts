/**
 * The browser's copy of the due rule (site/lib/day-math.ts, run by site/scripts/agenda-regroup.ts) in
 * headless Chromium, in time zones far from UTC (issue 10 §13): "today" is the reader's own calendar
 * date, not UTC's, on both sides of local midnight, and the window's last day is still upcoming.
 * The real script, bundled by esbuild, runs on a page with the agenda's markup (site/pages/index.astro,
 * site/components/AgendaRow.astro); tests/e2e/site.test.ts runs it in the built site.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CONTEXT_DEFAULTS, browserTestsSkipped, launch } from './browser.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const skip = browserTestsSkipped();
const browserTest = test.skipIf(skip);

/** Built for 2026-12-01 with a 30-day window; one item per interesting day. */
const BUILT = '2026-12-01';
const ITEMS: [due: string, status: string][] = [
  ['2026-11-30', 'overdue'],
  ['2026-12-01', 'today'],
  ['2026-12-02', 'upcoming'],
  ['2026-12-31', 'upcoming'],
  ['2027-01-01', 'later'],
  ['2027-01-02', 'later'],
];

const row = ([due, status]: [string, string]) =>
  `<li class="item" data-due="${due}" data-status="${status}" data-client="acme" data-client-name="Acme" data-kind="action" data-title="Due ${due}">` +
  `<span class="when"><span class="rel" data-rel></span></span><span class="what">Due ${due}</span></li>`;

const group = (status: string) => {
  const rows = ITEMS.filter(([, s]) => s === status).map(row).join('');
  return `<section data-group="${status}" id="${status}"><h2>${status} <span data-group-count></span></h2><p data-empty hidden></p><ol data-list>${rows}</ol></section>`;
};

const PAGE = `<!doctype html><html lang="en-US"><head><meta charset="utf-8"><title>Agenda</title></head><body>
<div id="agenda" data-as-of="${BUILT}" data-window="30" data-horizon="60">
<p class="notice" data-regrouped hidden></p>
${['overdue', 'today', 'upcoming', 'later'].map(group).join('\n')}
</div></body></html>`;

let script: string;
let browser: Browser;

beforeAll(async () => {
  const out = await build({
    entryPoints: [path.join(ROOT, 'site/scripts/agenda-regroup.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'agenda',
    target: 'es2022',
  });
  script = out.outputFiles[0]!.text;
  if (!skip) browser = await launch();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

interface Shown {
  regrouped: boolean;
  notice: string;
  groups: Record<string, { due: string; rel: string }[]>;
}

/** Opens the agenda in `timezoneId` at `instant`, lets the script regroup it, and reads what shows. */
async function readAt(timezoneId: string, instant: string): Promise<Shown> {
  const context = await browser.newContext({ ...CONTEXT_DEFAULTS, timezoneId });
  await context.clock.setFixedTime(new Date(instant));
  const page: Page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setContent(PAGE);
  await page.addScriptTag({ content: `${script}\nagenda.regroupAgenda(document, new Date());` });
  const shown = await page.evaluate(() => {
    const groups: Record<string, { due: string; rel: string }[]> = {};
    for (const section of document.querySelectorAll<HTMLElement>('[data-group]')) {
      groups[section.dataset.group!] = [...section.querySelectorAll<HTMLElement>('li.item')].map((li) => ({
        due: li.dataset.due!,
        rel: li.querySelector('[data-rel]')!.textContent!,
      }));
    }
    const notice = document.querySelector<HTMLElement>('[data-regrouped]')!;
    return { regrouped: !notice.hidden, notice: notice.textContent ?? '', groups };
  });
  expect(errors).toEqual([]);
  await context.close();
  return shown;
}

const dues = (shown: Shown, status: string) => shown.groups[status]!.map((r) => r.due);

describe('the agenda\'s "today" is the reader\'s date', () => {
  browserTest('in Kiritimati (UTC+14), half past midnight on the 2nd is the 2nd, while UTC is still on the 1st', async () => {
    const shown = await readAt('Pacific/Kiritimati', '2026-12-01T10:30:00Z');
    expect(shown.regrouped).toBe(true);
    expect(shown.notice).toContain('Today is Wednesday, December 2, 2026');
    expect(dues(shown, 'overdue')).toEqual(['2026-11-30', '2026-12-01']);
    expect(dues(shown, 'today')).toEqual(['2026-12-02']);
    // The window runs 30 days from the reader's today: 2027-01-01 is its last day.
    expect(dues(shown, 'upcoming')).toEqual(['2026-12-31', '2027-01-01']);
    expect(dues(shown, 'later')).toEqual(['2027-01-02']);
    expect(shown.groups.overdue!.map((r) => r.rel)).toEqual(['2 days ago', 'yesterday']);
    expect(shown.groups.today!.map((r) => r.rel)).toEqual(['today']);
    expect(shown.groups.upcoming!.map((r) => r.rel)).toEqual(['in 4 weeks', 'in 4 weeks']);
  });

  browserTest('in Kiritimati, a minute before local midnight is still the day the page was built for', async () => {
    const shown = await readAt('Pacific/Kiritimati', '2026-12-01T09:59:00Z');
    expect(shown.regrouped).toBe(false);
    expect(dues(shown, 'today')).toEqual(['2026-12-01']);
  });

  browserTest('in Whitehorse (UTC-7), 23:30 on the 1st is the 1st, though UTC is already on the 2nd', async () => {
    const shown = await readAt('America/Whitehorse', '2026-12-02T06:30:00Z');
    expect(shown.regrouped).toBe(false);
    expect(shown.notice).toBe('');
    expect(dues(shown, 'today')).toEqual(['2026-12-01']);
  });

  browserTest('in Whitehorse, half past midnight on the 2nd moves the agenda to the 2nd', async () => {
    const shown = await readAt('America/Whitehorse', '2026-12-02T07:30:00Z');
    expect(shown.regrouped).toBe(true);
    expect(shown.notice).toContain('Today is Wednesday, December 2, 2026');
    expect(dues(shown, 'today')).toEqual(['2026-12-02']);
    expect(dues(shown, 'upcoming')).toEqual(['2026-12-31', '2027-01-01']);
  });

  browserTest('in Kolkata (UTC+5:30), on the night daylight saving starts in Berlin, and in UTC: each its own date', async () => {
    // 2026-12-01T18:45Z: 00:15 on the 2nd in Kolkata, 19:45 on the 1st in Berlin, 18:45 on the 1st in UTC.
    expect((await readAt('Asia/Kolkata', '2026-12-01T18:45:00Z')).regrouped).toBe(true);
    expect((await readAt('Europe/Berlin', '2026-12-01T18:45:00Z')).regrouped).toBe(false);
    expect((await readAt('UTC', '2026-12-01T18:45:00Z')).regrouped).toBe(false);
    // 2027-03-28T01:30Z is 03:30 on 28 March in Berlin (clocks went forward at 02:00): days are still whole.
    const spring = await readAt('Europe/Berlin', '2027-03-28T01:30:00Z');
    expect(spring.notice).toContain('Today is Sunday, March 28, 2027');
    expect(dues(spring, 'overdue')).toEqual(ITEMS.map(([due]) => due));
    expect(spring.groups.overdue!.map((r) => r.rel)).toEqual(['4 months', '4 months', '4 months', '3 months', '3 months', '3 months'].map((s) => `${s} ago`));
  });
});

describe('the window\'s edge, read a day after the build', () => {
  browserTest('the 30th day after today is upcoming, the 31st is later (UTC and far from it)', async () => {
    for (const [zone, instant] of [
      ['UTC', '2026-12-02T12:00:00Z'],
      ['Pacific/Kiritimati', '2026-12-01T12:00:00Z'],
      ['America/Whitehorse', '2026-12-03T06:00:00Z'],
    ] as const) {
      const shown = await readAt(zone, instant);
      expect(dues(shown, 'upcoming'), zone).toEqual(['2026-12-31', '2027-01-01']);
      expect(dues(shown, 'later'), zone).toEqual(['2027-01-02']);
    }
  });
});
