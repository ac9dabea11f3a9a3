/**
 * What an edit refuses to touch and how it says so: read-only files and folders (by their mode bits,
 * since root writes anything), very long ids, YAML aliases, a template that is not UTF-8. Every
 * refusal names the file, exits 1 or 2, and leaves the files as they were.
 */
import { execFileSync } from 'node:child_process';
import { chmod, link, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { outdent } from 'outdent';
import { describe, expect, test } from 'vitest';
import { run } from '../../helpers/cli.ts';
import { tempPortfolios } from '../../helpers/portfolio.ts';

const portfolio = tempPortfolios();

const acme = outdent`
  ---
  name: Acme
  type: basic
  contact:
    name: Ann Lee
  growth:
    outlook: stable
  meetings:
    cadence: monthly
    last: 2026-10-01
  actions:
    - title: Call Ann
      due: 2026-12-15
    - title: Renew the domain
      due: 2026-12-01
      every: 1 year
  ---

`;

const cli = (dir: string, ...argv: string[]) => run([...argv, '--dir', dir], dir);
const everything = async (dir: string) => {
  const names = (await readdir(dir, { recursive: true })).sort();
  return Promise.all(names.map(async (n) => [n, (await stat(path.join(dir, n))).isFile() ? await readFile(path.join(dir, n), 'utf8') : 'dir']));
};

describe('a read-only client file', () => {
  test.each([
    ['done', 'Call Ann'],
    ['note', 'Visited.'],
    ['met'],
    ['add', 'Call Bob'],
  ])('is refused by %s: named, exit 1, untouched', async (...argv) => {
    const dir = await portfolio({ 'acme.md': acme });
    await chmod(path.join(dir, 'acme.md'), 0o444);
    const before = await everything(dir);
    const r = await cli(dir, argv[0]!, 'acme', ...argv.slice(1), '--on', '2026-11-24');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(outdent`
      error: acme.md is read-only (mode 0444), so clientbook did not edit it.
        hint: Nothing was written. If it should be edited, make it writable first: chmod u+w acme.md

    `);
    expect(await everything(dir)).toEqual(before);
    expect((await stat(path.join(dir, 'acme.md'))).mode & 0o777).toBe(0o444);
  });

  test('any write bit is enough (a file only its group may write)', async () => {
    const dir = await portfolio({ 'acme.md': acme });
    await chmod(path.join(dir, 'acme.md'), 0o464);
    expect((await cli(dir, 'note', 'acme', 'Visited.', '--on', '2026-11-24')).code).toBe(0);
    expect((await stat(path.join(dir, 'acme.md'))).mode & 0o777).toBe(0o464);
  });
});

describe('a read-only folder', () => {
  test('is refused with a message that names it, not an internal error', async () => {
    const dir = await portfolio({ 'north/acme.md': acme });
    await chmod(path.join(dir, 'north'), 0o555);
    try {
      const before = await everything(dir);
      const r = await cli(dir, 'note', 'acme', 'Visited.', '--on', '2026-11-24');
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(outdent`
        error: The folder north is read-only (mode 0555), so clientbook cannot edit north/acme.md in it.
          hint: Nothing was written. An edit writes a new copy beside the file and renames it over the old one, so the folder must be writable: chmod u+w north

      `);
      expect(await everything(dir)).toEqual(before);
    } finally {
      await chmod(path.join(dir, 'north'), 0o755);
    }
  });

  test('new says so too', async () => {
    const dir = await portfolio({ 'acme.md': acme });
    await chmod(dir, 0o555);
    try {
      const r = await cli(dir, 'new', 'Bolt Bikes');
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('is read-only (mode 0555), so clientbook cannot create bolt-bikes.md in it.');
      expect(r.stderr).not.toContain('internal error');
    } finally {
      await chmod(dir, 0o755);
    }
    expect(await readdir(dir)).toEqual(['acme.md']);
  });
});

describe('a hard-linked client file', () => {
  test('is edited under its name; the other name keeps the old content, and the user is told', async () => {
    const dir = await portfolio({ 'acme.md': acme });
    const outside = `${dir}-acme-copy.md`;
    await link(path.join(dir, 'acme.md'), outside);
    const r = await cli(dir, 'note', 'acme', 'Visited.', '--on', '2026-11-24');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('note: acme.md had 2 hard links: the edit wrote a new file under this name, and the other names keep the old content.\n');
    expect(await readFile(path.join(dir, 'acme.md'), 'utf8')).toContain('Visited.');
    expect(await readFile(outside, 'utf8')).toBe(acme);
  });
});

describe('long names', () => {
  const id = `a${'-b'.repeat(114)}c`; // 230 characters: a valid id

  test.each([
    ['done', 'Call Ann'],
    ['note', 'Visited.'],
    ['met'],
    ['add', 'Call Bob'],
  ])('a 230-character id: %s works', async (...argv) => {
    expect(id).toHaveLength(230);
    const dir = await portfolio({ [`${id}.md`]: acme });
    const r = await cli(dir, argv[0]!, id, ...argv.slice(1), '--on', '2026-11-24');
    expect(r).toMatchObject({ code: 0 });
    expect(r.stderr).not.toContain('error');
    expect(await readFile(path.join(dir, `${id}.md`), 'utf8')).not.toBe(acme);
    expect(await readdir(dir)).toEqual([`${id}.md`]);
  });

  test('new with a 1,000-character name makes a short id from its first words', async () => {
    const dir = await portfolio({});
    const name = `Northern ${'Very Long Trading Company '.repeat(40)}`.trim().slice(0, 1000);
    const r = await cli(dir, 'new', name);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('northern-very-long-trading-company-very-long-trading-company.md\n');
    expect(await readFile(path.join(dir, 'northern-very-long-trading-company-very-long-trading-company.md'), 'utf8')).toContain(`name: ${name}\n`);
  });

  test('new with a 240-character --id works; one longer than a file name allows is refused', async () => {
    const dir = await portfolio({});
    const ok = 'x'.repeat(240);
    expect(await cli(dir, 'new', 'Acme', '--id', ok)).toMatchObject({ code: 0, stdout: `${ok}.md\n` });
    const r = await cli(dir, 'new', 'Acme', '--id', 'y'.repeat(300));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(outdent`
      error: --id is 300 characters long; a client id has at most 252, so that its file name (ID.md) fits the file system.
        hint: Choose a short id, the name people use for the client, e.g. --id hanks-hardware.

    `);
    expect(await readdir(dir)).toEqual([`${ok}.md`]);
  });
});

describe('YAML aliases', () => {
  const aliased = outdent`
    ---
    name: Acme
    type: basic
    contact:
      name: Ann Lee
    growth:
      outlook: stable
    x-template: &call
      title: Call Ann
      due: 2026-12-15
    actions:
      - *call
      - title: Renew the domain
        due: &d 2026-12-01
        every: 1 year
      - title: Renew the certificate
        due: *d
        every: 1 year
      - title: Plain one
        due: 2026-12-20
    ---

  `;

  test.each([
    ['an action written as an alias', 'Call Ann', 'The action "Call Ann" is written with a YAML alias'],
    ['a due date that an alias repeats', 'Renew the domain', 'The `due` of "Renew the domain" (line 14) is written with a YAML alias'],
    ['a due date written as an alias', 'Renew the certificate', 'The `due` of "Renew the certificate" (line 17) is written with a YAML alias'],
  ])('done refuses %s, and says to edit it by hand', async (_, title, message) => {
    const dir = await portfolio({ 'acme.md': aliased });
    const r = await cli(dir, 'done', 'acme', title, '--on', '2026-11-24');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`error: ${message}, or shares an anchored value (\`&name\` ... \`*name\`), so clientbook cannot edit it safely`);
    expect(r.stderr).toContain('hint: Nothing was written. Edit the file by hand');
    expect(await readFile(path.join(dir, 'acme.md'), 'utf8')).toBe(aliased);
  });

  test('an action that shares nothing is edited as usual', async () => {
    const dir = await portfolio({ 'acme.md': aliased });
    expect((await cli(dir, 'done', 'acme', 'Plain one', '--on', '2026-11-24')).code).toBe(0);
    expect(await readFile(path.join(dir, 'acme.md'), 'utf8')).toBe(aliased.replace('    due: 2026-12-20\n', '    due: 2026-12-20\n    done: 2026-11-24\n'));
  });

  test('an anchored action that an alias repeats is refused too', async () => {
    const text = acme.replace('  - title: Call Ann\n', '  - &a\n    title: Call Ann\n').replace(/---\n$/, 'x-copy: *a\n---\n');
    const dir = await portfolio({ 'acme.md': text });
    const r = await cli(dir, 'done', 'acme', 'Call Ann', '--on', '2026-11-24');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: The action "Call Ann" is written with a YAML alias');
    expect(await readFile(path.join(dir, 'acme.md'), 'utf8')).toBe(text);
  });

  test('met refuses meetings written as an alias', async () => {
    const text = acme.replace('meetings:\n  cadence: monthly\n  last: 2026-10-01\n', 'x-m: &m\n  cadence: monthly\n  last: 2026-10-01\nmeetings: *m\n');
    const dir = await portfolio({ 'acme.md': text });
    const r = await cli(dir, 'met', 'acme', '--on', '2026-11-24');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: `meetings` (line 11) is written with a YAML alias');
    expect(await readFile(path.join(dir, 'acme.md'), 'utf8')).toBe(text);
  });
});

describe('a portfolio template that is not UTF-8', () => {
  test('new names it, with the line and column of the bad byte', async () => {
    const template = Buffer.concat([Buffer.from('---\nname: Template\ntype: basic\ncontact:\n  name: Caf'), Buffer.from([0xe9]), Buffer.from('\n---\n')]);
    const dir = await portfolio({ '_template.md': template });
    const r = await cli(dir, 'new', 'Bolt Bikes');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(outdent`
      error: The client template ${path.relative(dir, path.join(dir, '_template.md'))} is not valid UTF-8 (line 5, column 12: byte 0xe9), so no client was created.
        hint: Save the template as UTF-8 in your editor (or delete your portfolio's _template.md to use the built-in one).

    `);
    expect(await readdir(dir)).toEqual(['_template.md']);
  });
});

test('writable files are written with their mode kept', async () => {
  const dir = await portfolio({ 'acme.md': acme });
  await chmod(path.join(dir, 'acme.md'), 0o640);
  await writeFile(path.join(dir, 'x'), '');
  expect((await cli(dir, 'met', 'acme', '--on', '2026-11-24')).code).toBe(0);
  expect((await stat(path.join(dir, 'acme.md'))).mode & 0o777).toBe(0o640);
});

describe('a client file that is a symbolic link', () => {
  test('is not followed: done, note and met refuse it, and say where it points', async () => {
    const { symlink } = await import('node:fs/promises');
    const dir = await portfolio({ 'real/acme.md': acme });
    const outside = path.join(dir, 'real', 'acme.md');
    const folder = path.join(dir, 'clients');
    await (await import('node:fs/promises')).mkdir(folder);
    await symlink(outside, path.join(folder, 'acme.md'));
    for (const argv of [['done', 'acme', 'Call Ann'], ['note', 'acme', 'Visited.'], ['met', 'acme']]) {
      const r = await run([...argv, '--dir', folder, '--on', '2026-11-24'], folder);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(outdent`
        error: acme.md is a symbolic link (to ${outside}), so clientbook did not edit it: commands never follow a link to a file, which may lie outside the portfolio.
          hint: Nothing was read or written. Put the file itself in the portfolio in place of the link, then run the command again.

      `);
    }
    expect(await readFile(outside, 'utf8')).toBe(acme);
    expect((await readdir(folder)).sort()).toEqual(['acme.md']);
  });
});

describe('a portfolio template that cannot be used', () => {
  test('a folder named _template.md is reported, never silently replaced by the built-in template', async () => {
    const { mkdir } = await import('node:fs/promises');
    const dir = await portfolio({});
    await mkdir(path.join(dir, '_template.md'));
    const r = await cli(dir, 'new', 'Bolt Bikes');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: _template.md is not a regular file, so clientbook did not use it.');
    expect(await readdir(dir)).toEqual(['_template.md']);
  });

  test('a symbolic link named _template.md is not followed', async () => {
    const { symlink } = await import('node:fs/promises');
    const dir = await portfolio({ 'elsewhere.txt': '---\nname: Template\n---\n' });
    await symlink(path.join(dir, 'elsewhere.txt'), path.join(dir, '_template.md'));
    const r = await cli(dir, 'new', 'Bolt Bikes');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`error: _template.md is a symbolic link (to ${path.join(dir, 'elsewhere.txt')}), so clientbook did not use it`);
  });
});

describe('a lock that is not one of ours (git commits links)', () => {
  test('a link to /dev/zero or to a FIFO, or a FIFO, where the lock goes: refused at once, nothing read or written', async () => {
    const dir = await portfolio({ 'acme.md': acme });
    const fifo = path.join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const lock = path.join(dir, '.acme.md.clientbook.lock');
    for (const [what, make] of [
      ['a link to /dev/zero', () => symlink('/dev/zero', lock)],
      ['a link to a FIFO', () => symlink(fifo, lock)],
      ['a FIFO', async () => void execFileSync('mkfifo', [lock])],
    ] as const) {
      await make();
      // Reading it used to take 2 GB from /dev/zero, or wait for ever on the FIFO.
      const result = await cli(dir, 'note', 'acme', 'Called Ann', '--on', '2026-11-30');
      const described = what === 'a FIFO' ? 'not a regular file' : `a symbolic link (to ${what === 'a link to a FIFO' ? fifo : '/dev/zero'})`;
      expect(result, what).toEqual({
        code: 1,
        stdout: '',
        stderr:
          `error: .acme.md.clientbook.lock beside acme.md is ${described}, not a lock clientbook made, so clientbook did not edit acme.md.\n` +
          '  hint: Nothing was written. Remove .acme.md.clientbook.lock (it holds nothing of the client), then run the command again.\n',
      });
      expect(await readFile(path.join(dir, 'acme.md'), 'utf8')).toBe(acme);
      await rm(lock);
    }
    expect((await cli(dir, 'note', 'acme', 'Called Ann', '--on', '2026-11-30')).code).toBe(0);
  }, 30_000);
});

describe('a date moved past 2200, the last year a client file holds', () => {
  test('done of a recurring action or a renewing asset says so, and changes nothing', async () => {
    const late = outdent`
      ---
      name: Acme
      type: basic
      contact:
        name: Ann Lee
      growth:
        outlook: stable
      actions:
        - title: Renew the domain
          due: 2200-12-01
          every: 1 year
      assets:
        - name: Licence
          kind: licence
          expires: 2200-06-01
          renew: 1 year
      ---

    `;
    const dir = await portfolio({ 'acme.md': late });
    expect(await cli(dir, 'done', 'acme', 'Renew the domain', '--on', '2200-12-15')).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'error: The next `due` of "Renew the domain" would be 2201-12-01, past 2200-12-31, the last date a client file holds.\n' +
        '  hint: Nothing was changed. If the action ends with this one: write `done:` under it by hand, or remove `every` and run the command again.\n',
    });
    expect(await cli(dir, 'done', 'acme', 'Licence', '--on', '2200-07-01')).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^error: The next `expires` of "Licence" would be 2201-06-01, past 2200-12-31, the last date a client file holds\.\n/),
    });
    expect(await readFile(path.join(dir, 'acme.md'), 'utf8')).toBe(late);
  });
});
