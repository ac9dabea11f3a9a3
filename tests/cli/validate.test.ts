/** `clientbook validate`, in-process: what a user sees, and the exit codes. */
import { outdent } from 'outdent';
import { describe, expect, it } from 'vitest';
import { client, tempPortfolios } from '../helpers/portfolio.ts';
import { run } from '../helpers/cli.ts';

const portfolio = tempPortfolios();

/** A working folder holding `clients/` with the given files. */
const workspace = (files: Record<string, string | Uint8Array>) =>
  portfolio(Object.fromEntries(Object.entries(files).map(([rel, text]) => [`clients/${rel}`, text])));

const BROKEN = {
  'acme.md': client('since: 2016\ntype: strategc'),
  'north/bonanza.md': client('name: Bonanza Lodge\nactions: []', { body: '\nWi-Fi password: Tundra-2019!\n' }),
  'zeta.md': client('name: Zeta'),
};

describe('validate', () => {
  it('a clean portfolio: one line, exit 0', async () => {
    const cwd = await workspace({ 'acme.md': client() });
    expect(await run(['validate', '--as-of', '2026-12-01'], cwd)).toEqual({ code: 0, stdout: '1 file checked: no problems.\n', stderr: '' });
  });

  it('errors: like a compiler, with a code frame, a caret and a hint; exit 1', async () => {
    const cwd = await workspace(BROKEN);
    const { code, stdout, stderr } = await run(['validate', '--as-of', '2026-12-01'], cwd);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(stdout).toMatchInlineSnapshot(`
      "clients/acme.md:2:8: error: \`since: 2016\` is not a date or a month. [bad-date]
        1 | ---
      > 2 | since: 2016
          |        ^^^^
        3 | type: strategc
        hint: A year alone is not enough here: write the month, e.g. 2016-01.

      clients/acme.md:3:7: error: \`type: strategc\` is not a valid type. Did you mean \`strategic\`? [bad-enum]
        2 | since: 2016
      > 3 | type: strategc
          |       ^^^^^^^^
        4 | name: Acme
        hint: Write one of basic, strategic or break-fix.

      clients/north/bonanza.md:3:1: warning: This client has no open action: every client should have a next action. [no-next-action]
        2 | name: Bonanza Lodge
      > 3 | actions: []
          | ^^^^^^^
        4 | type: basic
        hint: Add what comes next, even a small step, e.g.
                - title: Call to book the next roadmap meeting
                  due: 2026-12-15

      clients/north/bonanza.md:11:7: warning: This looks like a password. [secret]
        10 |
      > 11 | Wi-Fi password: Tundra-2019!
           |       ^^^^^^^^^^^^^^^^^^^^^^
        hint: Client files are shared through git and its history: keep secrets in a password manager and write only where to find them (e.g. "Wi-Fi password: in the vault, entry Hank's Hardware").

      3 files checked: 2 errors, 2 warnings.
      "
    `);
  });

  it('warnings only: exit 0', async () => {
    const cwd = await workspace({ 'acme.md': client('actions: []') });
    const { code, stdout } = await run(['validate', '--as-of', '2026-12-01'], cwd);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^clients\/acme\.md:2:1: warning: This client has no open action/);
    expect(stdout).toMatch(/\n1 file checked: 0 errors, 1 warning\.\n$/);
  });

  it('a file with CRLF line ends: the frame shows the lines without their \\r', async () => {
    const cwd = await workspace({ 'acme.md': client('type: vip').replaceAll('\n', '\r\n') });
    const { stdout } = await run(['validate', '--as-of', '2026-12-01'], cwd);
    expect(stdout).not.toContain('\r');
    expect(stdout.split('\n').slice(0, 6).join('\n')).toMatchInlineSnapshot(`
      "clients/acme.md:2:7: error: \`type: vip\` is not a valid type. [bad-enum]
        1 | ---
      > 2 | type: vip
          |       ^^^
        3 | name: Acme
        hint: Write one of basic, strategic or break-fix."
    `);
  });

  it('--dir anywhere, shown relative to the working directory', async () => {
    const dir = await portfolio({ 'deep/book/acme.md': client('type: vip') });
    const { code, stdout } = await run(['validate', '--dir', 'deep/book', '--as-of', '2026-12-01'], dir);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^deep\/book\/acme\.md:2:7: error: /);
  });

  it('--format json prints { files, diagnostics } and nothing else', async () => {
    const cwd = await workspace(BROKEN);
    const { code, stdout, stderr } = await run(['validate', '--format', 'json', '--as-of', '2026-12-01'], cwd);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    const json = JSON.parse(stdout) as { files: number; diagnostics: Record<string, unknown>[] };
    expect(Object.keys(json)).toEqual(['files', 'diagnostics']);
    expect(json.files).toBe(3);
    expect(json.diagnostics.map((d) => `${String(d.file)}:${String(d.line)}:${String(d.column)} ${String(d.code)}`)).toEqual([
      'clients/acme.md:2:8 bad-date',
      'clients/acme.md:3:7 bad-enum',
      'clients/north/bonanza.md:3:1 no-next-action',
      'clients/north/bonanza.md:11:7 secret',
    ]);
    expect(json.diagnostics[0]).toEqual({
      file: 'clients/acme.md',
      line: 2,
      column: 8,
      endLine: 2,
      endColumn: 12,
      severity: 'error',
      code: 'bad-date',
      message: '`since: 2016` is not a date or a month.',
      hint: 'A year alone is not enough here: write the month, e.g. 2016-01.',
    });
  });

  it('--format json on a clean portfolio', async () => {
    const cwd = await workspace({ 'acme.md': client() });
    const { code, stdout } = await run(['validate', '--format', 'json', '--as-of', '2026-12-01'], cwd);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ files: 1, diagnostics: [] });
  });

  it('--format github prints workflow annotations, the summary on stderr', async () => {
    const cwd = await workspace(BROKEN);
    const { code, stdout, stderr } = await run(['validate', '--format', 'github', '--as-of', '2026-12-01'], cwd);
    expect(code).toBe(1);
    expect(stdout).toMatchInlineSnapshot(`
      "::error file=clients/acme.md,line=2,col=8,endLine=2,endColumn=12,title=clientbook bad-date::\`since: 2016\` is not a date or a month.%0AA year alone is not enough here: write the month, e.g. 2016-01.
      ::error file=clients/acme.md,line=3,col=7,endLine=3,endColumn=15,title=clientbook bad-enum::\`type: strategc\` is not a valid type. Did you mean \`strategic\`?%0AWrite one of basic, strategic or break-fix.
      ::warning file=clients/north/bonanza.md,line=3,col=1,endLine=3,endColumn=8,title=clientbook no-next-action::This client has no open action: every client should have a next action.%0AAdd what comes next, even a small step, e.g.%0A  - title: Call to book the next roadmap meeting%0A    due: 2026-12-15
      ::warning file=clients/north/bonanza.md,line=11,col=7,endLine=11,endColumn=29,title=clientbook secret::This looks like a password.%0AClient files are shared through git and its history: keep secrets in a password manager and write only where to find them (e.g. "Wi-Fi password: in the vault, entry Hank's Hardware").
      "
    `);
    expect(stderr).toBe('3 files checked: 2 errors, 2 warnings.\n');
  });

  it('never prints a stack trace for bad input', async () => {
    const cwd = await workspace({
      'empty.md': '',
      'junk.md': new Uint8Array([0, 1, 2, 0xff]),
      'tabs.md': '---\nname: A\n\ttype: basic\n---\n',
      'bomb.md': client('x-a: &a [1,1,1,1,1,1,1,1,1,1]\nx-b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nx-c: [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]'),
      'js.md': '---js\nprocess.exit(3)\n---\n',
    });
    const { code, stdout, stderr } = await run(['validate', '--as-of', '2026-12-01'], cwd);
    expect(code).toBe(1);
    expect(stdout + stderr).not.toMatch(/^\s+at /m);
    expect(stdout).toMatch(/5 files checked: 5 errors, 0 warnings\.\n$/);
  });
});

describe('exit codes for bad usage and a missing folder', () => {
  it.each([
    [['validate', '--bogus'], 2, "error: unknown option '--bogus'"],
    [['validate', '--as-of', '2026-02-30'], 2, 'error: --as-of 2026-02-30 is not a date.'],
    [['validate', '--as-of', '12/01/2026'], 2, 'error: --as-of 12/01/2026 is not a date.'],
    [['validate', '--format', 'xml'], 2, "error: option '--format <format>' argument 'xml' is invalid. Allowed choices are text, json, github."],
    [['frobnicate'], 2, "error: unknown command 'frobnicate'"],
    [['validate', '--dir', 'nowhere'], 1, 'error: The portfolio folder nowhere does not exist.'],
    [['validate', '--dir', 'clients/acme.md'], 1, 'error: The portfolio folder clients/acme.md is not a folder.'],
  ])('%j exits %i', async (argv, exitCode, firstLine) => {
    const cwd = await workspace({ 'acme.md': client() });
    const { code, stdout, stderr } = await run(argv, cwd);
    expect(code).toBe(exitCode);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toBe(firstLine);
  });

  it('a missing folder says what to do', async () => {
    const cwd = await portfolio({});
    expect((await run(['validate'], cwd)).stderr).toBe(outdent`
      error: The portfolio folder clients does not exist.
        hint: Run clientbook in the folder that holds clients/, or pass --dir PATH.

    `);
  });
});
