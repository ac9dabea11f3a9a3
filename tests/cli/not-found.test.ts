/** Every command that opens the portfolio folder says the same when it is not there (portfolio-folder.ts). */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.ts';

let cwd: string;
beforeAll(async () => {
  cwd = await mkdtemp(path.join(os.tmpdir(), 'clientbook-not-found-'));
});
afterAll(() => rm(cwd, { recursive: true, force: true }));

const NOT_FOUND = 'error: The portfolio folder gone does not exist.\n  hint: Run clientbook in the folder that holds clients/, or pass --dir PATH.\n';

describe('a portfolio folder that is not there', () => {
  it.each([
    ['validate', ['validate', '--dir', 'gone']],
    ['due', ['due', '--dir', 'gone']],
    ['done', ['done', 'acme', 'Call Ann', '--dir', 'gone']],
    ['note', ['note', 'acme', 'Called Ann', '--dir', 'gone']],
    ['met', ['met', 'acme', '--dir', 'gone']],
    ['dev', ['dev', '--no-site', '--dir', 'gone']],
  ])('%s: one error, the same everywhere, exit 1', async (_name, argv) => {
    const result = await run(argv, cwd);
    expect(result.stderr).toBe(NOT_FOUND);
    expect(result.code).toBe(1);
  });
});
