/** Every command that opens the portfolio folder says the same when it is not there (portfolio-folder.ts). */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
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

describe('run from inside a book, where `npx clientbook` looks for clients/ in the wrong folder', () => {
  it('from clients/ itself: it is the portfolio, and --dir . uses it', async () => {
    const book = path.join(cwd, 'book');
    await mkdir(path.join(book, 'clients', 'north'), { recursive: true });
    await writeFile(path.join(book, 'clients', 'clientbook.yaml'), 'title: Book\n');
    expect(await run(['due'], path.join(book, 'clients'))).toMatchObject({
      code: 1,
      stderr:
        'error: The portfolio folder clients does not exist.\n' +
        '  hint: This folder holds clientbook.yaml: it is a portfolio itself. Pass --dir . to use it, or run clientbook in the folder above it.\n',
    });
    expect(await run(['validate'], path.join(book, 'clients', 'north'))).toMatchObject({
      code: 1,
      stderr:
        'error: The portfolio folder clients does not exist.\n' +
        '  hint: There is a clients folder in ../..: run clientbook there (`npm run` scripts always do), or pass --dir ../../clients.\n',
    });
    // Nothing like it near: the usual hint.
    expect((await run(['validate', '--dir', 'elsewhere'], path.join(book, 'clients', 'north'))).stderr).toBe(
      'error: The portfolio folder elsewhere does not exist.\n  hint: Run clientbook in the folder that holds clients/, or pass --dir PATH.\n',
    );
  });
});
