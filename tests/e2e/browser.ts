/**
 * Headless Chromium for the end-to-end tests: Debian's `chromium` package driven by
 * playwright-core, with everything that could reach the network switched off.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser as PwBrowser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const hasChromium = () => existsSync(CHROMIUM);

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
export async function launch(): Promise<PwBrowser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

/** The context every test starts from: a desktop window in Whitehorse, English. */
export const CONTEXT_DEFAULTS = {
  viewport: { width: 1280, height: 900 },
  locale: 'en-US',
  timezoneId: 'America/Whitehorse',
} as const;
