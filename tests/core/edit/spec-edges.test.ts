/**
 * FORMAT.md "Any due item can be completed" at its edges, as a user runs the commands: the exact
 * dates written, the bytes on disk, the exit codes. Each case is a defect once found.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { outdent } from 'outdent';
import { describe, expect, test } from 'vitest';
import { INTERVAL_MAX, parseInterval } from '#core/dates';
import { run } from '../../helpers/cli.ts';
import { tempPortfolios } from '../../helpers/portfolio.ts';

const portfolio = tempPortfolios();

async function setup(text: string) {
  const dir = await portfolio({ 'clientbook.yaml': 'time_zone: UTC\n', 'acme.md': text });
  const read = () => readFile(path.join(dir, 'acme.md'), 'utf8');
  const cli = (...argv: string[]) => run([...argv, '--dir', dir], dir);
  return { dir, read, cli };
}

describe('intervals the validator passes are the intervals an edit reads', () => {
  const longCycles = outdent`
    ---
    name: Acme
    type: basic
    contact:
      name: Ann
    growth:
      outlook: stable
    actions:
      - title: Check the time capsule
        due: 2026-11-01
        every: 10000 days
    assets:
      - name: Domain
        kind: domain
        expires: 2026-11-01
        renew: 36525 days
    ---
  `;

  test('a recurring action with `every: 10000 days` moves forward', async () => {
    const { cli, read } = await setup(longCycles);
    expect((await cli('validate')).code).toBe(0);
    const r = await cli('done', 'acme', 'Check the time capsule', '--on', '2026-11-30');
    expect(r).toEqual({ code: 0, stdout: 'acme.md: Done on 2026-11-30: "Check the time capsule". It recurs every 10000 days: next due 2054-03-19.\n', stderr: '' });
    expect(await read()).toBe(longCycles.replace('due: 2026-11-01', 'due: 2054-03-19'));
  });

  test('an asset renewed every 36525 days moves its expiry (2100 is no leap year: one day past 100 years)', async () => {
    const { cli, read } = await setup(longCycles);
    const r = await cli('done', 'acme', 'Domain', '--on', '2026-11-30');
    expect(r.code).toBe(0);
    expect(await read()).toBe(longCycles.replace('expires: 2026-11-01', 'expires: 2126-11-02'));
  });

  test('parseInterval: up to 100 years in any unit, never a leading zero', () => {
    expect(parseInterval('36525 days')).toEqual({ count: 36525, unit: 'day', text: '36525 days' });
    expect(parseInterval('36526 days')).toBeUndefined();
    expect(parseInterval('5217 weeks')?.count).toBe(5217);
    expect(parseInterval('5218 weeks')).toBeUndefined();
    expect(parseInterval('1200 months')?.count).toBe(1200);
    expect(parseInterval('1201 months')).toBeUndefined();
    expect(parseInterval('100 years')?.count).toBe(100);
    expect(parseInterval('101 years')).toBeUndefined();
    expect(parseInterval('07 days')).toBeUndefined();
    expect(INTERVAL_MAX).toEqual({ day: 36_525, week: 5_217, month: 1_200, year: 100 });
  });
});

describe('add: an interval longer than 100 years is bad usage', () => {
  const text = outdent`
    ---
    name: Acme
    type: basic
    contact:
      name: Ann
    growth:
      outlook: stable
    actions: []
    ---
  `;

  test('--every and --notice: exit 2 with the limit, the file untouched', async () => {
    const { cli, read } = await setup(text);
    let r = await cli('add', 'acme', 'Renew', '--due', '2026-12-01', '--every', '200 years');
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: --every 200 years is longer than 100 years.\n  hint: Intervals are at most 100 years (100 years), e.g. --every "1 year".\n',
    });
    r = await cli('add', 'acme', 'Renew', '--notice', '5218 weeks');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('hint: Intervals are at most 100 years (5217 weeks), e.g. --notice "1 year".');
    r = await cli('add', 'acme', 'Renew', '--due', '2026-12-01', '--every', '007 days');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: --every 007 days is not an interval.');
    expect(await read()).toBe(text);
  });
});

describe('add keeps the user\'s comments where they were', () => {
  const head = outdent`
    ---
    name: Acme
    type: basic
    contact:
      name: Ann
    growth:
      outlook: stable
  `;

  test('`actions:` with only a comment after it becomes a list below it, the comment kept', async () => {
    const text = `${head}\nactions:   # none yet\n---\n`;
    const { cli, read } = await setup(text);
    const r = await cli('add', 'acme', 'Call Ann', '--due', '2026-12-15');
    expect(r).toEqual({ code: 0, stdout: 'acme.md: Action added: "Call Ann", due 2026-12-15.\n', stderr: '' });
    expect(await read()).toBe(`${head}\nactions:   # none yet\n  - title: Call Ann\n    due: 2026-12-15\n---\n`);
  });

  test('comments indented under the last action stay with it; the list\'s and the next key\'s stay after the new one', async () => {
    const list = (added: string) => outdent`
      ${head}
      actions:
          -   title: Send the quote
              due: 2026-12-01
              # Hank wants it on paper
            # and by mail
      ${added}    # the list ends here
      # Assets below
      assets:
        - name: Router
          kind: network
      ---

    `;
    const { cli, read } = await setup(list(''));
    expect((await cli('add', 'acme', 'Call Ann')).code).toBe(0);
    expect(await read()).toBe(list('    -   title: Call Ann\n'));
  });
});

describe('done: a unique beginning of what `due` shows is enough', () => {
  const text = outdent`
    ---
    name: Acme
    type: basic
    contact:
      name: Ann
    growth:
      outlook: stable
    actions:
      - title: Call Ann
    assets:
      - name: Main server
        kind: server
        expires: 2021-05-01
        replace: 2027-Q2
    ---
  `;

  test('"main" is the replacement: the expiry of an asset with a replacement planned is no item', async () => {
    const { cli, read } = await setup(text);
    const r = await cli('done', 'acme', 'main', '--on', '2026-11-30');
    expect(r.code).toBe(0);
    expect(await read()).toBe(text.replace('    replace: 2027-Q2\n', '    replace: 2027-Q2\n    status: retired\n'));
  });

  test('with --until, "main" moves the expiry; named in full, the expiry can still be moved', async () => {
    let { cli, read } = await setup(text);
    expect((await cli('done', 'acme', 'main', '--until', '2027-06-30', '--on', '2026-11-30')).code).toBe(0);
    expect(await read()).toBe(text.replace('expires: 2021-05-01', 'expires: 2027-06-30'));
    ({ cli, read } = await setup(text));
    expect((await cli('done', 'acme', 'Main server expires', '--until', '2027-06-30', '--on', '2026-11-30')).code).toBe(0);
    expect(await read()).toBe(text.replace('expires: 2021-05-01', 'expires: 2027-06-30'));
  });

  test('the open items listed for a name that matches nothing are those `due` shows', async () => {
    const { cli } = await setup(text);
    const r = await cli('done', 'acme', 'printer');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('    Replace Main server  (replacement)\n');
    expect(r.stderr).not.toContain('Main server expires');
  });
});

describe('done --until', () => {
  const text = outdent`
    ---
    name: Acme
    type: basic
    contact:
      name: Ann
    growth:
      outlook: stable
    actions:
      - title: Call Ann
    assets:
      - name: Router
        kind: network
        expires: 2025-01-01
    ---
  `;

  test('a new expiry that is not after the completion day is written, and said to be still due', async () => {
    const { cli, read } = await setup(text);
    const r = await cli('done', 'acme', 'Router', '--until', '2026-01-01', '--on', '2026-11-30');
    expect(r).toEqual({
      code: 0,
      stdout: 'acme.md: Renewed on 2026-11-30: "Router"; now expires 2026-01-01, which is not after 2026-11-30: it is still due (check the year).\n',
      stderr: '',
    });
    expect(await read()).toBe(text.replace('expires: 2025-01-01', 'expires: 2026-01-01'));
  });
});

describe('a client named by a word further in', () => {
  const file = (name: string) => `---\nname: ${name}\ntype: basic\ncontact:\n  name: Ann\ngrowth:\n  outlook: stable\nactions:\n  - title: Call Ann\n---\n`;

  test('is not guessed, but the clients with that word are listed', async () => {
    const dir = await portfolio({ 'hanks-hardware.md': file("Hank's Hardware"), 'hanks-bakery.md': file('Hanks Bakery'), 'lakeside-dental.md': file('Lakeside Dental') });
    const r = await run(['done', 'hardware', 'meeting', '--dir', dir], dir);
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error: No client matches "hardware".\n  hint: Name the client by its id, or by a unique beginning of its id or name. Clients with "hardware" further in:\n    hanks-hardware  (Hank\'s Hardware)\n',
    });
    const none = await run(['done', 'zzz', 'meeting', '--dir', dir], dir);
    expect(none.stderr).toBe('error: No client matches "zzz".\n  hint: Name the client by its id (the file name without .md, e.g. hanks-hardware), or by a unique beginning of its id or name.\n');
  });
});

describe('note', () => {
  test('a secret in the first sentence is not copied into the heading (it still warns, once)', async () => {
    const text = '---\nname: Acme\ntype: basic\ncontact:\n  name: Ann\ngrowth:\n  outlook: stable\nactions:\n  - title: Call Ann\n---\n';
    const { cli, read } = await setup(text);
    const r = await cli('note', 'acme', 'Wi-Fi password: Hunter2024. Reset it next visit.', '--on', '2026-11-30');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('acme.md: Note added under "## 2026-11-30 Note".\n');
    expect(r.stderr.match(/warning: This looks like a password\./g)).toHaveLength(1);
    expect(await read()).toBe(`${text}\n## 2026-11-30 Note\nWi-Fi password: Hunter2024. Reset it next visit.\n`);
  });
});

describe('add', () => {
  test('an action due before today is added, and said to be overdue already', async () => {
    const text = '---\nname: Acme\ntype: basic\ncontact:\n  name: Ann\ngrowth:\n  outlook: stable\nactions:\n  - title: Call Ann\n---\n';
    const { cli, read } = await setup(text);
    const r = await cli('add', 'acme', 'Send the quote', '--due', '2025-11-20', '--on', '2026-11-30');
    expect(r).toEqual({ code: 0, stdout: 'acme.md: Action added: "Send the quote", due 2025-11-20. 2025-11-20 is before 2026-11-30: it is overdue already.\n', stderr: '' });
    expect(await read()).toBe(text.replace('  - title: Call Ann\n', '  - title: Call Ann\n  - title: Send the quote\n    due: 2025-11-20\n'));
  });
});

test('--next-due before the day of the edit: the follow-up is added, and said to be overdue already', async () => {
  const text = '---\nname: Acme\ntype: basic\ncontact:\n  name: Ann\ngrowth:\n  outlook: stable\nactions:\n  - title: Call Ann\n    due: 2026-11-20\n---\n';
  const { cli, read } = await setup(text);
  const r = await cli('done', 'acme', 'Call Ann', '--on', '2026-11-30', '--next', 'Send the quote', '--next-due', '2025-12-01');
  expect(r).toEqual({
    code: 0,
    stdout: 'acme.md: Done on 2026-11-30: "Call Ann". Action added: "Send the quote", due 2025-12-01. 2025-12-01 is before 2026-11-30: it is overdue already.\n',
    stderr: '',
  });
  expect(await read()).toBe(text.replace('    due: 2026-11-20\n', '    due: 2026-11-20\n    done: 2026-11-30\n  - title: Send the quote\n    due: 2025-12-01\n'));
});

test('a done action named exactly, with open ones beginning the same: refused, and the open ones shown', async () => {
  const text = '---\nname: Acme\ntype: basic\ncontact:\n  name: Ann\ngrowth:\n  outlook: stable\nactions:\n  - title: Call\n    done: 2026-10-01\n  - title: Call Bob\n    due: 2026-12-01\n---\n';
  const { cli, read } = await setup(text);
  const r = await cli('done', 'acme', 'Call');
  expect(r).toEqual({
    code: 1,
    stdout: '',
    stderr: 'error: "Call" is already done (done: 2026-10-01).\n  hint: Nothing was changed. Items that begin with "Call" and are open:\n    Call Bob  (action)\n',
  });
  expect(await read()).toBe(text);
});

test('the open items listed leave out the meeting without a rhythm and the outlook check of a prospect', async () => {
  const text = '---\nname: Acme\ntype: basic\nstatus: prospect\ncontact:\n  name: Ann\ngrowth:\n  outlook: unknown\nactions:\n  - title: Send the proposal\n    due: 2026-12-04\n---\n';
  const { cli, read } = await setup(text);
  const r = await cli('done', 'acme', 'invoice');
  expect(r.code).toBe(1);
  expect(r.stderr).toBe(outdent`
    error: No due item of Acme matches "invoice".
      hint: Name an action by its title, an asset by its name, "meeting" or "outlook" (or the title \`clientbook due\` prints), exactly or by a unique beginning. Open items:
        Send the proposal  (action)

  `);
  // Both can still be recorded by name.
  expect((await cli('done', 'acme', 'meeting', '--on', '2026-11-30')).code).toBe(0);
  expect((await cli('done', 'acme', 'outlook', '--on', '2026-11-30')).code).toBe(0);
  expect(await read()).toBe(text.replace('  outlook: unknown\n', '  outlook: unknown\n  asked: 2026-11-30\n').replace(/    due: 2026-12-04\n/, '    due: 2026-12-04\nmeetings:\n  cadence: none\n  last: 2026-11-30\n'));
});
