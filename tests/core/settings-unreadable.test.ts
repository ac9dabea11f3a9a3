/**
 * A `clientbook.yaml` that is there but cannot be used is an error located like a client file's, and
 * every command exits 1: never silently replaced by the defaults (issue 10 §7). Root reads files
 * whatever their mode (CI runs as root), so the permission is checked by the mode bits too.
 */
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings } from '#core/settings';
import { run } from '../helpers/cli.ts';
import { brief, client, tempPortfolios } from '../helpers/portfolio.ts';

const portfolio = tempPortfolios();

type Make = (file: string, cwd: string) => Promise<void>;

const CASES: [string, Make, string][] = [
  [
    'without read permission',
    async (file) => {
      await writeFile(file, 'time_zone: UTC\n');
      await chmod(file, 0o000);
    },
    '1:1 error unreadable-file: The settings file cannot be read: permission denied.',
  ],
  ['a folder of that name', (file) => mkdir(file), '1:1 error not-a-file: The settings file is a folder, not a file: it was not opened.'],
  ['invalid UTF-8', (file) => writeFile(file, new Uint8Array([...new TextEncoder().encode('title: Caf'), 0xe9, 0x0a])), '1:11 error not-utf8: This file is not valid UTF-8 (byte 0xe9 at byte offset 10).'],
  ['a NUL byte', (file) => writeFile(file, new Uint8Array([...new TextEncoder().encode('title: A\ncurrency: '), 0, 0x0a])), '2:11 error binary-file: This file is not text: it contains a NUL byte.'],
  [
    'a symbolic link',
    async (file, cwd) => {
      await writeFile(path.join(cwd, 'elsewhere.yaml'), 'time_zone: UTC\n');
      await symlink(path.join(cwd, 'elsewhere.yaml'), file);
    },
    'LINK',
  ],
  ['a FIFO', async (file) => void execFileSync('mkfifo', [file]), '1:1 error not-a-file: The settings file is a named pipe (FIFO), not a file: it was not opened.'],
  ['old Mac line ends', (file) => writeFile(file, 'time_zone: UTC\rcurrency: CAD\r'), '1:15 error old-mac-line-ends: This file ends its lines with a carriage return (CR) alone, the line end of classic Mac OS: clientbook reads LF or CRLF line ends only.'],
];

async function book(make: Make): Promise<{ cwd: string; dir: string; expected: (line: string) => string }> {
  const cwd = await portfolio({ 'clients/acme.md': client() });
  const dir = path.join(cwd, 'clients');
  await make(path.join(dir, 'clientbook.yaml'), cwd);
  return {
    cwd,
    dir,
    expected: (line) =>
      line === 'LINK'
        ? `1:1 error symbolic-link: The settings file is a symbolic link to ${path.join(cwd, 'elsewhere.yaml')}: clientbook never follows a link to a file, so that nothing outside the portfolio is read.`
        : line,
  };
}

describe('a settings file that cannot be used', () => {
  it.each(CASES)('%s: a located error, with the defaults standing in only so the rest can be checked', async (_what, make, line) => {
    const { dir, expected } = await book(make);
    const { diagnostics } = await loadSettings(dir, 'clients');
    expect(diagnostics.map(brief)).toEqual([expected(line)]);
    expect(diagnostics[0]!.file).toBe('clients/clientbook.yaml');
    expect(diagnostics[0]!.hint).toBeTruthy();
  });

  it.each(CASES)('%s: every command exits 1 and names the file', async (_what, make, line) => {
    const { cwd, expected } = await book(make);
    const where = `clients/clientbook.yaml:${expected(line).split(' ')[0]}`;
    const validate = await run(['validate', '--as-of', '2026-12-01'], cwd);
    expect([validate.code, validate.stdout.includes(`${where}: error: `)]).toEqual([1, true]);
    expect(validate.stdout).not.toContain('no problems');
    const due = await run(['due', '--as-of', '2026-12-01'], cwd);
    expect([due.code, `${due.stdout}${due.stderr}`.includes(where)]).toEqual([1, true]);
    for (const argv of [['note', 'acme', 'Called'], ['met', 'acme'], ['done', 'acme', 'Call Ann'], ['new', 'Bolt Co']]) {
      const r = await run([...argv, '--on', '2026-12-01'].slice(0, argv[0] === 'new' ? 2 : undefined), cwd);
      expect(r.code, argv.join(' ')).toBe(1);
      expect(r.stderr, argv.join(' ')).toContain(`error: ${where}: `);
    }
    execFileSync('git', ['init', '-q'], { cwd });
    const diff = await run(['diff'], cwd);
    expect([diff.code, diff.stderr.includes(`error: ${where}: `)]).toEqual([1, true]);
    // The client file was not touched by any of the edits.
    await rm(path.join(cwd, 'clients/clientbook.yaml'), { recursive: true, force: true });
    expect((await run(['validate', '--as-of', '2026-12-01'], cwd)).stdout).toBe('1 file checked: no problems.\n');
  });

  it('no settings file is no problem: the defaults', async () => {
    const cwd = await portfolio({ 'clients/acme.md': client() });
    expect(await loadSettings(path.join(cwd, 'clients'), 'clients')).toMatchObject({ diagnostics: [], settings: { currency: 'USD', dueWindow: 30 } });
  });
});
