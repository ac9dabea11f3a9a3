/** A bug inside clientbook: a short message and what to do; the stack trace only with --debug. */
import { describe, expect, it, vi } from 'vitest';
import { run } from '../helpers/cli.ts';

vi.mock('../../scripts/core/portfolio.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('#core/portfolio')>()),
  loadPortfolio: () => Promise.reject(new TypeError('boom in the core')),
}));

describe('an internal error', () => {
  it('prints no stack trace without --debug, and exits 1', async () => {
    const { code, stdout, stderr } = await run(['validate'], '/');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'internal error: boom in the core\n  This is a bug in clientbook. Run the command again with --debug and report the stack trace.\n',
    );
  });

  it('prints the stack trace with --debug', async () => {
    const { code, stderr } = await run(['--debug', 'due'], '/');
    expect(code).toBe(1);
    expect(stderr).toMatch(/^internal error: boom in the core\nTypeError: boom in the core\n\s+at /);
  });
});
