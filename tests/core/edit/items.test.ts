/**
 * `done` on any due item, `add`, `--next` and future `--on` dates, as a user runs them: exact
 * messages, exit codes, the file on disk.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { outdent } from 'outdent';
import { describe, expect, test } from 'vitest';
import { run } from '../../helpers/cli.ts';
import { tempPortfolios } from '../../helpers/portfolio.ts';

const portfolio = tempPortfolios();

const hanks = outdent`
  ---
  name: Hank's Hardware
  type: strategic
  contact:
    name: Hank Miller
  growth:
    outlook: growing
    asked: 2025-11-02
  meetings:
    cadence: monthly
    last: 2026-10-03
  actions:
    - title: Renew anti-virus
      due: 2026-12-15
      every: 1 year
    - title: Send the quote
      due: 2026-11-20
  assets:
    - name: Main server
      kind: server
      expires: 2021-05-01
      replace: 2027-Q2
    - name: ESET PROTECT Entry
      kind: licence
      expires: 2026-12-10
      renew: 1 year
    - name: Router
      kind: network
      expires: 2026-12-20
    - name: Old printer
      kind: printer
      status: retired
  ---

`;

async function setup(text = hanks) {
  const dir = await portfolio({ 'clientbook.yaml': 'time_zone: UTC\n', 'hanks.md': text });
  const read = () => readFile(path.join(dir, 'hanks.md'), 'utf8');
  const cli = (...argv: string[]) => run([...argv, '--dir', dir], dir);
  return { dir, read, cli };
}

describe('done closes any due item', () => {
  test('an asset by its name: `expires` moves by `renew`', async () => {
    const { cli, read } = await setup();
    const r = await cli('done', 'hanks', 'eset', '--on', '2026-11-24');
    expect(r).toEqual({ code: 0, stdout: 'hanks.md: Renewed on 2026-11-24: "ESET PROTECT Entry"; it renews every 1 year: now expires 2027-12-10.\n', stderr: '' });
    expect(await read()).toBe(hanks.replace('expires: 2026-12-10', 'expires: 2027-12-10'));
  });

  test('an asset without `renew` needs --until; the date must be after its expiry', async () => {
    const { cli, read } = await setup();
    let r = await cli('done', 'hanks', 'Router expires', '--on', '2026-11-24');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(outdent`
      error: "Router" has no \`renew\` cycle, so clientbook cannot tell its new expiry date.
        hint: Give the date it now expires with --until, e.g. --until 2027-12-20; or add \`renew: 1 year\` to the asset if it renews on a cycle.

    `);
    r = await cli('done', 'hanks', 'Router', '--until', '2026-12-01');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: --until 2026-12-01 is not after the current expiry of "Router" (2026-12-20).');
    expect(await read()).toBe(hanks);
    r = await cli('done', 'hanks', 'Router', '--until', '2029-12-20', '--on', '2026-11-24');
    expect(r).toEqual({ code: 0, stdout: 'hanks.md: Renewed on 2026-11-24: "Router"; now expires 2029-12-20.\n', stderr: '' });
    expect(await read()).toBe(hanks.replace('expires: 2026-12-20', 'expires: 2029-12-20'));
  });

  test('a replacement retires the asset', async () => {
    const { cli, read } = await setup();
    const r = await cli('done', 'hanks', 'Replace Main server', '--on', '2026-11-24');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('hanks.md: Replaced on 2026-11-24: "Main server" is now retired (kept for history). Add its successor to `assets` to follow its warranty and age.\n');
    expect(await read()).toBe(hanks.replace('    replace: 2027-Q2\n', '    replace: 2027-Q2\n    status: retired\n'));
  });

  test('a retired asset is not due', async () => {
    const { cli, read } = await setup();
    const r = await cli('done', 'hanks', 'Old printer');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: "Replace Old printer" is not due: retired.');
    expect(await read()).toBe(hanks);
  });

  test('the meeting by the title due prints, as `met` would', async () => {
    const { cli, read } = await setup();
    const r = await cli('done', 'hanks', 'Monthly meeting', '--on', '2026-11-24');
    expect(r).toEqual({ code: 0, stdout: 'hanks.md: Meeting recorded on 2026-11-24 (the one before was 2026-10-03).\n', stderr: '' });
    expect(await read()).toBe(hanks.replace('last: 2026-10-03', 'last: 2026-11-24'));
  });

  test('the outlook check sets `growth.asked`, and --outlook the outlook, in one edit', async () => {
    const { cli, read } = await setup();
    const r = await cli('done', 'hanks', 'outlook', '--outlook', 'shrinking', '--on', '2026-11-24');
    expect(r).toEqual({ code: 0, stdout: 'hanks.md: Outlook checked on 2026-11-24 (asked before on 2025-11-02). Outlook changed from growing to shrinking.\n', stderr: '' });
    expect(await read()).toBe(hanks.replace('outlook: growing\n  asked: 2025-11-02', 'outlook: shrinking\n  asked: 2026-11-24'));
  });

  test('an ambiguous name lists the candidates of every kind', async () => {
    const { cli, read } = await setup();
    const r = await cli('done', 'hanks', 're');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(outdent`
      error: "re" matches 2 items of Hank's Hardware.
        hint: Write more of the title, or all of it (as \`clientbook due\` prints it):
          Renew anti-virus  (action)
          Replace Main server  (replacement)

    `);
    expect(await read()).toBe(hanks);
  });

  test('--outlook or --until with another item is refused', async () => {
    const { cli, read } = await setup();
    expect((await cli('done', 'hanks', 'Send the quote', '--outlook', 'stable')).stderr).toContain('error: --outlook records the client\'s growth outlook, and "Send the quote" is not the outlook check.');
    expect((await cli('done', 'hanks', 'meeting', '--until', '2027-01-01')).stderr).toContain('error: --until sets an asset\'s new expiry date, and "Monthly meeting" is the meeting.');
    expect((await cli('done', 'hanks', 'outlook', '--outlook', 'huge')).code).toBe(2);
    expect(await read()).toBe(hanks);
  });
});

describe('add', () => {
  test('appends an action with every option', async () => {
    const { cli, read } = await setup();
    const r = await cli('add', 'hanks', 'Renew the domain', '--due', '2027-08-11', '--every', '1 year', '--notice', '60 days', '--note', 'At the registrar.');
    expect(r).toEqual({ code: 0, stdout: 'hanks.md: Action added: "Renew the domain", due 2027-08-11, every 1 year, notice 60 days.\n', stderr: '' });
    expect(await read()).toBe(hanks.replace('    due: 2026-11-20\n', '    due: 2026-11-20\n  - title: Renew the domain\n    due: 2027-08-11\n    every: 1 year\n    notice: 60 days\n    note: At the registrar.\n'));
  });

  test.each([
    [['Send the quote'], 1, 'error: Hank\'s Hardware already has an action "Send the quote".'],
    [['X', '--every', '1 year'], 2, 'error: --every needs --due: a recurring action needs its first due date.'],
    [['X', '--due', '2027-01-01', '--every', 'yearly'], 2, 'error: --every yearly is not an interval.'],
    [['X', '--notice', '2 fortnights'], 2, 'error: --notice 2 fortnights is not an interval.'],
    [['X', '--due', '2027-02-30'], 2, 'error: --due 2027-02-30 is not a date.'],
    [['  '], 2, 'error: The action has no title.'],
  ])('refuses %j (exit %i)', async (args, code, message) => {
    const { cli, read } = await setup();
    const r = await cli('add', 'hanks', ...args);
    expect(r.code).toBe(code);
    expect(r.stderr.split('\n')[0]).toBe(message);
    expect(await read()).toBe(hanks);
  });

  test('to a client with no `actions` at all', async () => {
    const text = hanks.replace(/actions:\n(?: {2}.*\n)+/, '');
    const { cli, read } = await setup(text);
    expect((await cli('add', 'hanks', 'First step')).code).toBe(0);
    expect(await read()).toBe(text.replace('    status: retired\n', '    status: retired\nactions:\n  - title: First step\n'));
  });
});

describe('--next records the follow-up in the same edit', () => {
  test.each([
    [['done', 'hanks', 'Send the quote'], '    due: 2026-11-20\n    done: 2026-11-24\n'],
    [['met', 'hanks'], '    due: 2026-11-20\n'],
    [['note', 'hanks', 'Met Hank.'], '    due: 2026-11-20\n'],
  ])('%j --next', async (argv, before) => {
    const { cli, read } = await setup();
    const r = await cli(...argv, '--on', '2026-11-24', '--next', 'Call Hank about the quote', '--next-due', '2026-12-01');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ Action added: "Call Hank about the quote", due 2026-12-01\.\n$/);
    expect(await read()).toContain(`${before}  - title: Call Hank about the quote\n    due: 2026-12-01\nassets:`);
  });

  test('if the follow-up cannot be added, nothing is written', async () => {
    const { cli, read } = await setup();
    const r = await cli('done', 'hanks', 'Send the quote', '--next', 'Renew anti-virus');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('already has an action "Renew anti-virus"');
    expect(r.stderr).toMatchInlineSnapshot(`
      "error: Hank's Hardware already has an action "Renew anti-virus".
        hint: Titles are unique within a client. Use another title, e.g. with the month or the detail that tells them apart.
      "
    `);
    expect(await read()).toBe(hanks);
  });

  test('--next-due alone is bad usage', async () => {
    const { cli, read } = await setup();
    const r = await cli('met', 'hanks', '--next-due', '2026-12-01');
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('error: --next-due is the due date of the follow-up action given with --next.');
    expect(r.stderr).toMatchInlineSnapshot(`
      "error: --next-due is the due date of the follow-up action given with --next.
        hint: Give both, e.g. --next "Send the quote" --next-due 2026-12-15.
      "
    `);
    expect(await read()).toBe(hanks);
  });
});

describe('a future --on date', () => {
  const tomorrow = () => new Date(Date.now() + 86_400_000 * 2).toISOString().slice(0, 10);
  test.each([
    [['done', 'hanks', 'Send the quote']],
    [['met', 'hanks']],
    [['note', 'hanks', 'Visit.']],
    [['add', 'hanks', 'Something']],
  ])('%j warns, and still makes the edit', async (argv) => {
    const { cli, read } = await setup();
    const on = tomorrow();
    const r = await cli(...argv, '--on', on);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`warning: --on ${on} is in the future (today is `);
    expect(r.stderr).toContain("in the portfolio's time zone, UTC); the edit used it as given.\n  hint: If it is a typo, correct the date in hanks.md by hand.\n");
    expect(await read()).not.toBe(hanks);
  });

  test('today is no warning', async () => {
    const { cli } = await setup();
    const r = await cli('note', 'hanks', 'Visit.');
    expect(r).toMatchObject({ code: 0, stderr: '' });
  });
});
