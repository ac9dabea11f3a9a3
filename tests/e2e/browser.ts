/**
 * Headless Chromium for the end-to-end tests: Debian's `chromium` package driven by
 * playwright-core, with everything that could reach the network switched off.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser as PwBrowser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const hasChromium = () => existsSync(CHROMIUM);

type Env = Record<string, string | undefined>;

/** Why the browser tests cannot run here, or null when they can. */
export function browserUnavailable(env: Env = process.env): string | null {
  if (env.CLIENTBOOK_SKIP_BROWSER === '1') return 'CLIENTBOOK_SKIP_BROWSER=1 is set';
  const chromium = env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) return `there is no Chromium at ${chromium} (apt-get install chromium, or set CHROMIUM_PATH)`;
  return null;
}

/**
 * Whether the browser tests skip. Outside CI, without Chromium (or with CLIENTBOOK_SKIP_BROWSER=1),
 * they skip with a warning. In CI (`CI` set) a skipped test would pass unseen: they never skip there,
 * and `launch` fails each of them with the reason.
 */
export function browserTestsSkipped(env: Env = process.env): boolean {
  const reason = browserUnavailable(env);
  if (reason === null || env.CI) return false;
  console.warn(`Browser tests skipped: ${reason}.`);
  return true;
}

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * Chromium with a fresh temporary profile (Playwright makes one per launch and removes it): each
 * test makes its own contexts (viewport, script on or off, clock) with `browser.newContext`.
 */
export async function launch(env: Env = process.env): Promise<PwBrowser> {
  // CLIENTBOOK_SKIP_BROWSER only stops a launch in CI (outside CI, the tests that honour it skipped).
  const reason = browserUnavailable(env);
  if (reason !== null && (env.CI || env.CLIENTBOOK_SKIP_BROWSER !== '1')) {
    throw new Error(`The browser tests cannot run: ${reason}.${env.CI ? ' In CI (CI is set) they fail rather than skip.' : ''}`);
  }
  return chromium.launch({ executablePath: env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ARGS });
}

/** The context every test starts from: a desktop window in Whitehorse, English. */
export const CONTEXT_DEFAULTS = {
  viewport: { width: 1280, height: 900 },
  locale: 'en-US',
  timezoneId: 'America/Whitehorse',
} as const;
