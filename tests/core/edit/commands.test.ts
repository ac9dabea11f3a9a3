/** `done`, `note`, `met` and `new` as a user runs them: messages, exit codes, and files left alone on failure. */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { outdent } from 'outdent';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { runEdit } from '#cli/commands/edit-session';
import { ClientbookError } from '#core/errors';
import { checkClientFile } from '#core/validate/client-file';
import { Temporal } from '#core/dates';
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
  meetings:
    cadence: monthly
    last: 2026-11-03
  actions:
    - title: Send the quote for the new server
      due: 2026-11-20
    - title: Renew anti-virus for all seats
      due: 2026-12-15
      every: 1 year
    - title: Renew the domain
      due: 2027-08-11
    - title: Replace the store switch
      due: 2026-10-15
      done: 2026-10-22
  ---

  ## 2026-11-03 Monthly meeting
  Hank confirmed the contractor desk.

`;
const other = (name: string) => outdent`
  ---
  name: ${name}
  type: basic
  contact:
    name: Someone
  growth:
    outlook: stable
  actions:
    - title: Call
  ---

`;

const files = () => ({
  'clientbook.yaml': 'time_zone: America/Whitehorse\n',
  'hanks-hardware.md': hanks,
  'north/hanover-dental.md': other('Hanover Dental'),
  'lakeside-dental.md': other('Lakeside Dental'),
});

async function setup() {
  const dir = await portfolio(files());
  const read = (rel = 'hanks-hardware.md') => readFile(path.join(dir, rel), 'utf8');
  const cli = (...argv: string[]) => run([...argv, '--dir', dir], dir);
  return { dir, read, cli };
}

async function leftovers(dir: string) {
  return (await readdir(dir, { recursive: true })).filter((f) => f.includes('.clientbook-'));
}

describe('done', () => {
  test('completes a one-off action by a unique beginning of its title', async () => {
    const { cli, read, dir } = await setup();
    const r = await cli('done', 'hanks', 'send', '--on', '2026-11-24');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout.replace(dir, 'DIR')).toMatchInlineSnapshot(`
      "hanks-hardware.md: Done on 2026-11-24: "Send the quote for the new server".
      "
    `);
    expect(await read()).toBe(hanks.replace('due: 2026-11-20\n', 'due: 2026-11-20\n    done: 2026-11-24\n'));
  });

  test('moves a recurring action forward and records nothing else', async () => {
    const { cli, read, dir } = await setup();
    const r = await cli('done', 'hanks-hardware', 'Renew anti-virus for all seats', '--on', '2026-11-24');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('It recurs every 1 year: next due 2027-12-15.');
    expect(r.stdout.replaceAll(dir, 'DIR')).toMatchInlineSnapshot(`
      "hanks-hardware.md: Done on 2026-11-24: "Renew anti-virus for all seats". It recurs every 1 year: next due 2027-12-15.
      "
    `);
    expect(await read()).toBe(hanks.replace('due: 2026-12-15', 'due: 2027-12-15'));
  });

  test('an ambiguous title exits 1, lists the candidates and leaves the file alone', async () => {
    const { cli, read } = await setup();
    const r = await cli('done', 'hanks', 'renew', '--on', '2026-11-24');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatchInlineSnapshot(`
      "error: "renew" matches 2 items of Hank's Hardware.
        hint: Write more of the title, or all of it (as \`clientbook due\` prints it):
          Renew anti-virus for all seats  (action)
          Renew the domain  (action)
      "
    `);
    expect(await read()).toBe(hanks);
  });

  test('no matching title exits 1 and lists the open actions', async () => {
    const { cli, read } = await setup();
    const r = await cli('done', 'hanks', 'backup');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatchInlineSnapshot(`
      "error: No due item of Hank's Hardware matches "backup".
        hint: Name an action by its title, an asset by its name, "meeting" or "outlook" (or the title \`clientbook due\` prints), exactly or by a unique beginning. Open items:
          Send the quote for the new server  (action)
          Renew anti-virus for all seats  (action)
          Renew the domain  (action)
          Monthly meeting  (meeting)
          Ask about the growth outlook  (outlook check)
      "
    `);
    expect(await read()).toBe(hanks);
  });

  test('an action already done exits 1', async () => {
    const { cli, read, dir } = await setup();
    const r = await cli('done', 'hanks', 'Replace the store switch');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('"Replace the store switch" is already done (done: 2026-10-22).');
    expect(r.stderr.replaceAll(dir, 'DIR')).toMatchInlineSnapshot(`
      "error: "Replace the store switch" is already done (done: 2026-10-22).
        hint: Nothing was changed. To do it again, add a new action (or make it recurring with \`every\`).
      "
    `);
    expect(await read()).toBe(hanks);
  });

  test('a bad --on is bad usage (exit 2)', async () => {
    const { cli, read, dir } = await setup();
    const r = await cli('done', 'hanks', 'send', '--on', '24/11/2026');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--on 24/11/2026 is not a date.');
    expect(r.stderr.replaceAll(dir, 'DIR')).toMatchInlineSnapshot(`
      "error: --on 24/11/2026 is not a date.
        hint: Write --on YYYY-MM-DD, e.g. --on 2026-12-01.
      "
    `);
    expect(await read()).toBe(hanks);
  });

  test('--on defaults to today in the portfolio\'s time zone', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    // 03:00 UTC on the 25th is still the 24th in Whitehorse (UTC-7).
    vi.setSystemTime(new Date('2026-11-25T03:00:00Z'));
    try {
      const { cli, read } = await setup();
      expect((await cli('done', 'hanks', 'send')).code).toBe(0);
      expect(await read()).toContain('    done: 2026-11-24\n');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('naming the client', () => {
  test.each([
    ['its id', 'hanks-hardware'],
    ['a unique beginning of its id', 'hanks'],
    ['its name, any case', "hank's hardware"],
    ['a unique beginning of its name, punctuation aside', 'Hanks hard'],
  ])('by %s', async (_, query) => {
    const { cli } = await setup();
    const r = await cli('met', query, '--on', '2026-11-24');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('hanks-hardware.md: Meeting recorded on 2026-11-24');
  });

  test('an ambiguous name exits 1 and lists the clients', async () => {
    const { cli } = await setup();
    const r = await cli('met', 'han', '--on', '2026-11-24');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatchInlineSnapshot(`
      "error: "han" matches 2 clients.
        hint: Write more of the id or name, or the id itself:
          hanks-hardware  (Hank's Hardware)
          hanover-dental  (Hanover Dental)
      "
    `);
  });

  test('an unknown client exits 1 with a suggestion', async () => {
    const { cli, dir } = await setup();
    const r = await cli('note', 'lakesyde-dental', 'Hello');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('No client matches "lakesyde-dental". Did you mean `lakeside-dental`?');
    expect(r.stderr.replaceAll(dir, 'DIR')).toMatchInlineSnapshot(`
      "error: No client matches "lakesyde-dental". Did you mean \`lakeside-dental\`?
        hint: Name the client by its id (the file name without .md, e.g. hanks-hardware), or by a unique beginning of its id or name.
      "
    `);
  });
});

describe('met and note', () => {
  test('met keeps a later meeting already recorded, and writes nothing', async () => {
    const { cli, read, dir } = await setup();
    const r = await cli('met', 'hanks', '--on', '2026-10-01');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('The last meeting is already recorded as 2026-11-03, after 2026-10-01; it was kept. Nothing to change.');
    expect(r.stdout.replaceAll(dir, 'DIR')).toMatchInlineSnapshot(`
      "hanks-hardware.md: The last meeting is already recorded as 2026-11-03, after 2026-10-01; it was kept. Nothing to change.
      "
    `);
    expect(await read()).toBe(hanks);
  });

  test('met --cadence changes the rhythm too', async () => {
    const { cli, read } = await setup();
    expect((await cli('met', 'hanks', '--on', '2026-11-24', '--cadence', 'quarterly')).code).toBe(0);
    expect(await read()).toBe(hanks.replace('cadence: monthly\n  last: 2026-11-03', 'cadence: quarterly\n  last: 2026-11-24'));
    expect((await cli('met', 'hanks', '--cadence', 'fortnightly')).code).toBe(2);
  });

  test('note adds a dated section above the newest note', async () => {
    const { cli, read, dir } = await setup();
    const r = await cli('note', 'hanks', 'Swapped the switch. POS back in 40 minutes.', '--on', '2026-11-24');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Note added under "## 2026-11-24 Swapped the switch".');
    expect(r.stdout.replaceAll(dir, 'DIR')).toMatchInlineSnapshot(`
      "hanks-hardware.md: Note added under "## 2026-11-24 Swapped the switch".
      "
    `);
    expect(await read()).toBe(hanks.replace('## 2026-11-03', '## 2026-11-24 Swapped the switch\nSwapped the switch. POS back in 40 minutes.\n\n## 2026-11-03'));
  });

  test('note --title sets the heading; an empty note is bad usage', async () => {
    const { cli, read } = await setup();
    expect((await cli('note', 'hanks', 'Long text.', '--title', 'Server visit', '--on', '2026-11-24')).code).toBe(0);
    expect(await read()).toContain('## 2026-11-24 Server visit\nLong text.\n');
    expect((await cli('note', 'hanks', '  ')).code).toBe(2);
  });

  test('a note that looks like a password is written, with a warning', async () => {
    const { cli } = await setup();
    const r = await cli('note', 'hanks', 'Wi-Fi password: Tundra-2019!', '--on', '2026-11-24');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning: This looks like a password.');
  });
});

describe('an edit that would add an error is refused', () => {
  test('the file stays as it was, and the error is shown', async () => {
    const { dir, read } = await setup();
    let stderr = '';
    const io = { cwd: dir, env: {}, stdout: () => {}, stderr: (t: string) => void (stderr += t), color: false };
    const bad = runEdit(io, { dir, on: '2026-11-24' }, 'hanks', (file) => {
      const at = file.text.indexOf('due: 2026-11-20') + 5;
      return { splices: [{ start: at, end: at + 10, insert: '11/20/2026' }], changes: [{ path: ['actions', 0, 'due'], value: '11/20/2026' }], summary: '' };
    });
    await expect(bad).rejects.toThrow(ClientbookError);
    await expect(bad).rejects.toThrow('The edit would leave hanks-hardware.md with an error, so it was not made.');
    expect(stderr).toContain('hanks-hardware.md:13:10 (after the edit): error: `due: 11/20/2026` is not a date.');
    expect(stderr.replaceAll(dir, 'DIR')).toMatchInlineSnapshot(`
      "hanks-hardware.md:13:10 (after the edit): error: \`due: 11/20/2026\` is not a date. [bad-date]
        hint: Dates are written year first: 2026-11-20.

      "
    `);
    expect(await read()).toBe(hanks);
  });

  test('an edit that changes more than it says is refused', async () => {
    const { dir, read } = await setup();
    const io = { cwd: dir, env: {}, stdout: () => {}, stderr: () => {}, color: false };
    const sneaky = runEdit(io, { dir, on: '2026-11-24' }, 'hanks', (file) => {
      const at = file.text.indexOf('2026-11-20');
      return { splices: [{ start: at, end: at + 10, insert: '2026-11-21' }], changes: [], summary: '' };
    });
    await expect(sneaky).rejects.toThrow('would change more than it should');
    expect(await read()).toBe(hanks);
  });
});

describe('new', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-24T18:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  test('writes a valid file from the template, named by the folded name, and prints its path', async () => {
    const { cli, dir } = await setup();
    const r = await cli('new', 'Café Ürün & Sons, Ltd.', '--type', 'strategic');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('cafe-urun-sons-ltd.md\n');
    const bytes = await readFile(path.join(dir, 'cafe-urun-sons-ltd.md'));
    const checked = checkClientFile(bytes, 'cafe-urun-sons-ltd.md', 'cafe-urun-sons-ltd.md', Temporal.PlainDate.from('2026-11-24'));
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(checked.data).toMatchObject({ name: 'Café Ürün & Sons, Ltd.', type: 'strategic', since: '2026-11-24' });
    // The template's dates move with `since`: a new client is never born overdue.
    for (const action of checked.data!.actions) if (action.due) expect(Temporal.PlainDate.compare(action.due, Temporal.PlainDate.from('2026-11-24'))).toBeGreaterThanOrEqual(0);
    expect(checked.body).toContain('## 2026-11-24 ');
    expect(await leftovers(dir)).toEqual([]);
  });

  test('a name that needs quotes is quoted', async () => {
    const { cli, dir } = await setup();
    expect((await cli('new', 'A #1 Shop: "the best"')).code).toBe(0);
    const text = await readFile(path.join(dir, 'a-1-shop-the-best.md'), 'utf8');
    const checked = checkClientFile(new TextEncoder().encode(text), 'a-1-shop-the-best.md', 'x', Temporal.PlainDate.from('2026-11-24'));
    expect(checked.data?.name).toBe('A #1 Shop: "the best"');
  });

  test('an id already used anywhere in the portfolio is refused', async () => {
    const { cli, dir } = await setup();
    const r = await cli('new', 'Hanover Dental');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('A client with the id `hanover-dental` already exists: north/hanover-dental.md.');
    expect(r.stderr.replaceAll(dir, 'DIR')).toMatchInlineSnapshot(`
      "error: A client with the id \`hanover-dental\` already exists: north/hanover-dental.md.
        hint: Ids are unique across all subfolders. If this is another client, choose another id, e.g. --id hanover-dental-2; to add to the existing one, edit north/hanover-dental.md.
      "
    `);
    expect(await readdir(dir)).not.toContain('hanover-dental.md');
  });

  test('bad usage: a name without letters, a bad type, a bad id', async () => {
    const { cli, dir } = await setup();
    const noId = await cli('new', '東京商事');
    expect(noId.code).toBe(2);
    expect(noId.stderr).toContain('Give one with --id');
    expect(noId.stderr.replaceAll(dir, 'DIR')).toMatchInlineSnapshot(`
      "error: "東京商事" has no Latin letters or digits to make a client id (the file name) from.
        hint: Give one with --id, e.g. clientbook new "東京商事" --id tokyo-trading.
      "
    `);
    expect((await cli('new', '東京商事', '--id', 'tokyo-shoji')).code).toBe(0);
    const badType = await cli('new', 'Acme', '--type', 'strategc');
    expect(badType.code).toBe(2);
    expect(badType.stderr).toContain('--type strategc is not a client type. Did you mean `strategic`?');
    expect(badType.stderr.replaceAll(dir, 'DIR')).toMatchInlineSnapshot(`
      "error: --type strategc is not a client type. Did you mean \`strategic\`?
        hint: Write one of: basic, strategic, break-fix (basic: keep the basics running; strategic: use IT to grow; break-fix: "can you fix it?").
      "
    `);
    expect((await cli('new', 'Acme', '--id', 'Acme Inc')).code).toBe(2);
    expect((await cli('new', '')).code).toBe(2);
  });

  test("a portfolio's own _template.md is used", async () => {
    const dir = await portfolio({ ...files(), '_template.md': other('NAME HERE').replace('type: basic', "type: 'break-fix'\nsince: 2020-01-01") });
    const r = await run(['new', 'Own Template Co', '--dir', dir], dir);
    expect(r.code).toBe(0);
    expect(await readFile(path.join(dir, 'own-template-co.md'), 'utf8')).toContain("name: Own Template Co\ntype: 'break-fix'\nsince: 2026-11-24\n");
  });
});
