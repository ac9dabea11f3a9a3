/**
 * When the browser tests may skip (issue 10 §13): outside CI, without Chromium or with
 * CLIENTBOOK_SKIP_BROWSER=1, with a warning; in CI never: there they run and fail with the reason.
 */
import { describe, expect, test, vi } from 'vitest';
import { browserTestsSkipped, browserUnavailable, launch } from './browser.ts';

const MISSING = '/nonexistent/chromium';

describe('the browser tests', () => {
  test('skip outside CI, with a warning naming the reason', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      expect(browserTestsSkipped({ CLIENTBOOK_SKIP_BROWSER: '1' })).toBe(true);
      expect(browserTestsSkipped({ CHROMIUM_PATH: MISSING })).toBe(true);
      expect(warn.mock.calls.map((c) => c[0])).toEqual([
        'Browser tests skipped: CLIENTBOOK_SKIP_BROWSER=1 is set.',
        `Browser tests skipped: there is no Chromium at ${MISSING} (apt-get install chromium, or set CHROMIUM_PATH).`,
      ]);
    } finally {
      warn.mockRestore();
    }
  });

  test('never skip in CI, with or without Chromium, whatever CLIENTBOOK_SKIP_BROWSER says', () => {
    expect(browserTestsSkipped({ CI: 'true', CLIENTBOOK_SKIP_BROWSER: '1' })).toBe(false);
    expect(browserTestsSkipped({ CI: '1', CHROMIUM_PATH: MISSING })).toBe(false);
    expect(browserTestsSkipped({ CI: 'true', CHROMIUM_PATH: MISSING, CLIENTBOOK_SKIP_BROWSER: '1' })).toBe(false);
  });

  test('in CI, fail at launch with the reason instead', async () => {
    await expect(launch({ CI: 'true', CLIENTBOOK_SKIP_BROWSER: '1' })).rejects.toThrow(
      'The browser tests cannot run: CLIENTBOOK_SKIP_BROWSER=1 is set. In CI (CI is set) they fail rather than skip.',
    );
    await expect(launch({ CI: 'true', CHROMIUM_PATH: MISSING })).rejects.toThrow(
      `The browser tests cannot run: there is no Chromium at ${MISSING} (apt-get install chromium, or set CHROMIUM_PATH). In CI (CI is set) they fail rather than skip.`,
    );
  });

  test('run where Chromium is, and nothing says to skip', () => {
    expect(browserUnavailable({ CHROMIUM_PATH: process.execPath })).toBeNull();
    expect(browserTestsSkipped({ CHROMIUM_PATH: process.execPath })).toBe(false);
    expect(browserUnavailable({ CHROMIUM_PATH: process.execPath, CLIENTBOOK_SKIP_BROWSER: '0' })).toBeNull();
  });
});
