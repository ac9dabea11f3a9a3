/**
 * DESIGN.md "The CLI": every command takes --dir (default `clients`), every report --as-of; exit
 * codes 0 / 1 / 2; the machine formats of validate and due; control characters shown as escapes.
 */
import { outdent } from 'outdent';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.ts';
import { client, tempPortfolios } from '../helpers/portfolio.ts';

const portfolio = tempPortfolios();

describe('DESIGN The CLI: exit codes', () => {
  it.each(['validate', 'due', 'build', 'dev'])('%s takes --as-of, and a date that does not exist is bad usage (2)', async (command) => {
    const dir = await portfolio({ 'clients/acme.md': client() });
    const result = await run([command, '--as-of', '2026-02-30'], dir);
    expect(result.stderr).toContain('--as-of 2026-02-30 is not a date.');
    expect(result.code).toBe(2);
  });

  it.each([
    ['validate', []],
    ['due', []],
    ['new', ['Acme Two']],
    ['add', ['acme', 'Call']],
    ['done', ['acme', 'Call Ann']],
    ['note', ['acme', 'Met']],
    ['met', ['acme']],
    ['diff', []],
  ])('%s: an unknown option is bad usage (2) and changes nothing', async (command, args) => {
    const dir = await portfolio({ 'clients/acme.md': client() });
    const result = await run([command, ...args, '--bogus'], dir);
    expect(result.stderr).toContain("unknown option '--bogus'");
    expect(result.code).toBe(2);
  });

  it('warnings and overdue items leave the exit code at 0; an error makes it 1', async () => {
    const dir = await portfolio({
      'clients/acme.md': client('actions:\n  - title: Call Ann\n    due: 2026-11-01\n    done: 2026-12-05\n  - title: Late\n    due: 2026-11-01'),
    });
    const validate = await run(['validate', '--as-of', '2026-12-01'], dir);
    expect(validate.stdout + validate.stderr).toContain('[done-in-future]');
    expect(validate.code).toBe(0);
    const due = await run(['due', '--as-of', '2026-12-01'], dir);
    expect(due.stdout).toContain('Overdue');
    expect(due.code).toBe(0);
    const broken = await portfolio({ 'clients/acme.md': client('type: huge') });
    expect((await run(['validate'], broken)).code).toBe(1);
  });
});

describe('DESIGN The CLI: --dir', () => {
  it('defaults to clients/ under the folder the CLI runs in', async () => {
    const dir = await portfolio({ 'clients/acme.md': client() });
    const { code, stdout } = await run(['validate', '--format', 'json'], dir);
    expect(JSON.parse(stdout)).toEqual({ files: 1, diagnostics: [] });
    expect(code).toBe(0);
  });

  it('reads a portfolio anywhere, whatever the folder the CLI runs in', async () => {
    const elsewhere = await portfolio({ 'notes.txt': 'not a portfolio' });
    const dir = await portfolio({ 'book/clients/acme.md': client() });
    const { code, stdout } = await run(['due', '--dir', `${dir}/book/clients`, '--as-of', '2026-12-01', '--json'], elsewhere);
    expect(JSON.parse(stdout).items.map((i: { client: string }) => i.client)).toContain('acme');
    expect(code).toBe(0);
  });
});

describe('DESIGN The CLI: validate --format', () => {
  it('json is { files, diagnostics } with each diagnostic located, and nothing else on stdout', async () => {
    const dir = await portfolio({ 'clients/acme.md': client('type: huge'), 'clients/zed.md': client() });
    const { code, stdout } = await run(['validate', '--format', 'json'], dir);
    expect(JSON.parse(stdout)).toEqual({
      files: 2,
      diagnostics: [
        {
          file: 'clients/acme.md',
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 11,
          severity: 'error',
          code: 'bad-enum',
          message: '`type: huge` is not a valid type.',
          hint: 'Write one of basic, strategic or break-fix.',
        },
      ],
    });
    expect(code).toBe(1);
  });

  it('github escapes %, CR and LF in the message and also , and : in the file property', async () => {
    const dir = await portfolio({ 'we,ird:dir/acme.md': client('type: 50%') });
    const { stdout } = await run(['validate', '--dir', 'we,ird:dir', '--format', 'github'], dir);
    expect(stdout).toBe(
      '::error file=we%2Cird%3Adir/acme.md,line=2,col=7,endLine=2,endColumn=10,title=clientbook bad-enum::' +
        '`type: 50%25` is not a valid type.%0AWrite one of basic, strategic or break-fix.\n',
    );
  });
});

describe('DESIGN The CLI: due --json', () => {
  it('is { asOf, within, items: [{ client, clientName, kind, title, due, status }] }; due is a date or null', async () => {
    const dir = await portfolio({
      'clients/acme.md': client(outdent`
        meetings:
          cadence: monthly
        actions:
          - title: Call Ann
            due: 2026-12-31
      `),
    });
    const { code, stdout } = await run(['due', '--as-of', '2026-12-01', '--within', '30', '--json'], dir);
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual(['asOf', 'within', 'items']);
    expect(report.asOf).toBe('2026-12-01');
    expect(report.within).toBe(30);
    expect(report.items).toContainEqual({ client: 'acme', clientName: 'Acme', kind: 'action', title: 'Call Ann', due: '2026-12-31', status: 'upcoming' });
    expect(report.items).toContainEqual({ client: 'acme', clientName: 'Acme', kind: 'meeting', title: 'Monthly meeting', due: null, status: 'overdue' });
    for (const item of report.items) expect(Object.keys(item)).toEqual(['client', 'clientName', 'kind', 'title', 'due', 'status']);
    expect(code).toBe(0);
  });
});

describe('DESIGN The CLI: control characters', () => {
  const hostile = client(outdent`
    name: "Acme\\e[31m\\u0007"
    actions:
      - title: "Call\\r\\n  2026-12-01 Tue  today  Evil  action  fake\\e]52;c;aGk=\\u0007"
        due: 2026-12-10
  `);

  it('due text shows them as visible escapes; --json keeps the exact strings', async () => {
    const dir = await portfolio({ 'clients/acme.md': hostile });
    const text = await run(['due', '--as-of', '2026-12-01'], dir);
    expect(text.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(text.stdout).toContain('Acme\\x1b[31m\\x07');
    const json = await run(['due', '--as-of', '2026-12-01', '--json'], dir);
    const titles = JSON.parse(json.stdout).items.map((i: { title: string }) => i.title);
    expect(titles).toContain('Call\r\n  2026-12-01 Tue  today  Evil  action  fake\u001b]52;c;aGk=\u0007');
  });

  it('validate text and github formats show them as visible escapes', async () => {
    const dir = await portfolio({ 'clients/acme.md': client('name: B\u001b[2J\ntype: bogus\u0007') });
    for (const format of ['text', 'github']) {
      const { stdout, stderr } = await run(['validate', '--format', format], dir);
      expect(stdout + stderr, format).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    }
  });
});
