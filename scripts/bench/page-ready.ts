/**
 * The browser part of the bench: how long a built page keeps a phone busy. Debian's Chromium
 * (as the e2e tests use it) at 390×844 with the CPU slowed 4× (CDP `Emulation.setCPUThrottlingRate`,
 * a mid-range phone on this machine), opened from disk. "Ready" is when the main thread is free:
 * the later of the load event's end (parsing, style, layout and the page's own module scripts, which
 * run before it) and the end of the last long task after it, once the page has been quiet for a second.
 *
 * Also the weight of every page of the build: no page may exceed 1 MB at 1,000 clients.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-dev-shm-usage'];

export const PAGE_LIMIT_BYTES = 1_000_000;
export const THROTTLE = 4;
export const VIEWPORT = { width: 390, height: 844 } as const;

export interface ReadyTimes {
  /** Median milliseconds from navigation start to a free main thread, per page. */
  ms: Record<string, number>;
  runs: Record<string, number[]>;
}

/**
 * The pages to time: the agenda and the clients table, the two that grow with the portfolio, and a
 * floor: robots.txt, a page with nothing to do, whose time is the browser's own start on this
 * machine at that moment (on a busy machine it moves by a second).
 */
export const FLOOR_PAGE = 'floor (robots.txt)';
export const TIMED_PAGES: Record<string, string> = process.env.BENCH_PAGES
  ? JSON.parse(process.env.BENCH_PAGES)
  : { [FLOOR_PAGE]: 'robots.txt', agenda: 'index.html', clients: 'clients/index.html' };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/**
 * Each page `runs` times, each in a fresh context (nothing cached). The browser's clock is left
 * alone (Playwright's would freeze the timers the measure waits on): the bench builds for a fixed
 * past date, so the agenda regroups its rows, as it does for a reader who opens it days later.
 */
export async function pageReadyTimes(site: string, runs: number): Promise<ReadyTimes> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  const result: ReadyTimes = { ms: {}, runs: {} };
  try {
    // The pages in turn (A B C A B C ...), so that a machine that gets busier moves them alike.
    const times: Record<string, number[]> = Object.fromEntries(Object.keys(TIMED_PAGES).map((name) => [name, []]));
    for (let i = 0; i < runs; i++) {
      for (const [name, file] of Object.entries(TIMED_PAGES)) {
        const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US', timezoneId: 'America/Whitehorse' });
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
        await page.addInitScript(() => {
          const w = window as unknown as { __busyUntil: number };
          w.__busyUntil = 0;
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) w.__busyUntil = Math.max(w.__busyUntil, e.startTime + e.duration);
          }).observe({ type: 'longtask', buffered: true });
        });
        await page.goto(pathToFileURL(path.join(site, file)).href, { waitUntil: 'load', timeout: 600_000 });
        const ms = await page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              const w = window as unknown as { __busyUntil: number };
              // Pages opened from disk have no navigation entry: the older timing API has the load event.
              const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
              const loaded = nav ? nav.loadEventEnd : performance.timing.loadEventEnd - performance.timeOrigin;
              // Quiet for a second (throttled timers still fire) after the last long task.
              const check = () => {
                if (performance.now() - Math.max(w.__busyUntil, loaded) > 1000) resolve(Math.max(w.__busyUntil, loaded));
                else setTimeout(check, 100);
              };
              check();
            }),
        );
        times[name]!.push(Math.round(ms));
        await context.close();
      }
    }
    for (const [name, list] of Object.entries(times)) {
      result.runs[name] = list;
      result.ms[name] = median(list);
    }
  } finally {
    await browser.close();
  }
  return result;
}

/** The largest pages of a build, largest first. */
export async function pageWeights(site: string): Promise<{ file: string; bytes: number }[]> {
  const pages: { file: string; bytes: number }[] = [];
  for (const entry of await readdir(site, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const full = path.join(entry.parentPath, entry.name);
    pages.push({ file: path.relative(site, full).split(path.sep).join('/'), bytes: (await stat(full)).size });
  }
  return pages.sort((a, b) => b.bytes - a.bytes);
}
