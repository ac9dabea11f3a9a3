/**
 * Nothing is read from outside the portfolio (issue 10 §3): a symbolic link to a file is reported at
 * its path with where it points, never followed; a FIFO, a socket or a device named like a client is
 * reported, never opened (a FIFO would block for ever); a file or folder without read permission is
 * reported even for root (CI runs as root); a code frame never shows a binary file's content.
 */
import { execFileSync } from 'node:child_process';
import { chmod, readFile, rm, symlink } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatText } from '#core/diagnostics/format-text';
import { paint } from '#core/text/paint';
import { LivePortfolio } from '#core/watch/live-portfolio';
import { loadPortfolio } from '#core/portfolio';
import { run } from '../../helpers/cli.ts';
import { AS_OF, brief, client, tempPortfolios } from '../../helpers/portfolio.ts';

const portfolio = tempPortfolios();
const SECRET = 'TOP-SECRET-OUTSIDE-THE-PORTFOLIO';

/** A working folder with `clients/acme.md` and, beside the portfolio, `outside/secret.md`. */
async function workspace(files: Record<string, string | Uint8Array> = {}): Promise<{ cwd: string; dir: string; secret: string }> {
  const cwd = await portfolio({
    'clients/acme.md': client(),
    'outside/secret.md': client(`name: ${SECRET}`, { body: `${SECRET}\n` }),
    ...Object.fromEntries(Object.entries(files).map(([rel, text]) => [`clients/${rel}`, text])),
  });
  return { cwd, dir: path.join(cwd, 'clients'), secret: path.join(cwd, 'outside/secret.md') };
}

const diagnosticsOf = async (dir: string) => (await loadPortfolio({ dir, cwd: dir, asOf: AS_OF })).diagnostics.map((d) => `${d.file}:${brief(d)}`);

describe('symbolic links to files', () => {
  it('a link to a file outside the portfolio is an error at the link, saying where it points; its bytes are never printed', async () => {
    const { cwd, dir, secret } = await workspace();
    await symlink(secret, path.join(dir, 'bolt.md'));
    expect(await diagnosticsOf(dir)).toEqual([
      `bolt.md:1:1 error symbolic-link: The file is a symbolic link to ${secret}: clientbook never follows a link to a file, so that nothing outside the portfolio is read.`,
    ]);
    const asOf = ['--as-of', '2026-12-01'];
    for (const argv of [['validate', ...asOf], ['validate', '--format', 'json', ...asOf], ['validate', '--format', 'github', ...asOf], ['due', ...asOf], ['diff']]) {
      const r = await run(argv, cwd);
      expect(`${r.stdout}${r.stderr}`, argv.join(' ')).not.toContain(SECRET);
    }
  });

  it('a link to /proc/self/environ prints nothing of the environment', async () => {
    const { cwd, dir } = await workspace();
    await symlink('/proc/self/environ', path.join(dir, 'env.md'));
    const r = await run(['validate', '--as-of', '2026-12-01'], cwd);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('clients/env.md:1:1: error: The file is a symbolic link to /proc/self/environ');
    expect(r.stdout).not.toMatch(/PATH=|HOME=/);
  });

  it('a link to a client inside the portfolio is not followed either; a broken link says it points nowhere', async () => {
    const { dir } = await workspace({ 'real/bolt.md': client('name: Bolt') });
    await symlink('real/bolt.md', path.join(dir, 'bolt-link.md'));
    await symlink('gone/ghost.md', path.join(dir, 'ghost.md'));
    expect(await diagnosticsOf(dir)).toEqual([
      'bolt-link.md:1:1 error symbolic-link: The file is a symbolic link to real/bolt.md: clientbook never follows a link to a file, so that nothing outside the portfolio is read.',
      'ghost.md:1:1 error unreadable-file: The file is a link to gone/ghost.md, which does not exist.',
    ]);
  });

  it('a link to a folder is not followed and is no client', async () => {
    const { cwd, dir } = await workspace();
    await symlink(path.join(cwd, 'outside'), path.join(dir, 'linked.md'));
    await symlink(path.join(cwd, 'outside'), path.join(dir, 'linked'));
    const result = await loadPortfolio({ dir, cwd: dir, asOf: AS_OF });
    expect(result.diagnostics).toEqual([]);
    expect(result.files).toBe(1);
  });

  it('the edit commands refuse a linked client file and leave the file it points to alone', async () => {
    const { cwd, dir, secret } = await workspace();
    await symlink(secret, path.join(dir, 'bolt.md'));
    const before = await readFile(secret, 'utf8');
    for (const argv of [['note', 'bolt', 'Called'], ['met', 'bolt'], ['done', 'bolt', 'Call Ann']]) {
      const r = await run([...argv, '--on', '2026-12-01'], cwd);
      expect(r.code, argv.join(' ')).toBe(1);
      expect(r.stderr).toContain(`clients/bolt.md is a symbolic link (to ${secret})`);
      expect(`${r.stdout}${r.stderr}`).not.toContain(SECRET);
    }
    expect(await readFile(secret, 'utf8')).toBe(before);
  });

  it('the dev watcher reports a link, never reading through it', async () => {
    const { dir, secret } = await workspace();
    const live = await LivePortfolio.open({ dir, cwd: dir, asOf: AS_OF.toString() });
    await symlink(secret, path.join(dir, 'bolt.md'));
    const update = await live.update('bolt.md');
    expect(update.diagnostics.map(brief)).toEqual([
      `1:1 error symbolic-link: The file is a symbolic link to ${secret}: clientbook never follows a link to a file, so that nothing outside the portfolio is read.`,
    ]);
  });

  it('a template that is a link is refused by `new`', async () => {
    const { cwd, dir, secret } = await workspace();
    await symlink(secret, path.join(dir, '_template.md'));
    const r = await run(['new', 'Bolt Co'], cwd);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`_template.md is a symbolic link (to ${secret})`);
    expect(`${r.stdout}${r.stderr}`).not.toContain(SECRET);
  });
});

describe('what is not a regular file', () => {
  it('a FIFO named like a client is reported, never opened: no command blocks on it', async () => {
    const { cwd, dir } = await workspace();
    execFileSync('mkfifo', [path.join(dir, 'pipe.md')]);
    expect(await diagnosticsOf(dir)).toEqual(['pipe.md:1:1 error not-a-file: This is a named pipe (FIFO), not a file: it was not opened.']);
    const r = await run(['validate', '--as-of', '2026-12-01'], cwd);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('clients/pipe.md:1:1: error: This is a named pipe (FIFO), not a file');
    for (const argv of [['due', '--as-of', '2026-12-01'], ['note', 'pipe', 'Called'], ['note', 'acme', 'Called'], ['diff']])
      expect((await run(argv, cwd)).code, argv.join(' ')).toBeLessThanOrEqual(1);
    const live = await LivePortfolio.open({ dir, cwd: dir, asOf: AS_OF.toString() });
    expect((await live.update('pipe.md')).diagnostics.map((d) => d.code)).toEqual(['not-a-file']);
  });

  it('a socket named like a client is reported', async () => {
    const { dir } = await workspace();
    const server = net.createServer().listen(path.join(dir, 'sock.md'));
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      expect(await diagnosticsOf(dir)).toEqual(['sock.md:1:1 error not-a-file: This is a socket, not a file: it was not opened.']);
    } finally {
      server.close();
    }
  });

  it('a link to a device is a link, never read', async () => {
    const { dir } = await workspace();
    await symlink('/dev/zero', path.join(dir, 'zero.md'));
    expect(await diagnosticsOf(dir)).toEqual([
      'zero.md:1:1 error symbolic-link: The file is a symbolic link to /dev/zero: clientbook never follows a link to a file, so that nothing outside the portfolio is read.',
    ]);
  });
});

describe('permissions (checked by mode bits too: root reads everything)', () => {
  it('a client file nobody may read is an error, even for root', async () => {
    const { dir } = await workspace({ 'bolt.md': client('name: Bolt') });
    await chmod(path.join(dir, 'bolt.md'), 0o000);
    expect(await diagnosticsOf(dir)).toEqual(['bolt.md:1:1 error unreadable-file: The file cannot be read: permission denied.']);
  });

  it('an unreadable subfolder is named, located, and the rest is still checked', async () => {
    const { cwd, dir } = await workspace({ 'north/bolt.md': client('name: Bolt'), 'south/zeta.md': client('name: Zeta\ntype: vip') });
    await chmod(path.join(dir, 'north'), 0o000);
    try {
      expect(await diagnosticsOf(dir)).toEqual([
        'north:1:1 error unreadable-folder: This folder cannot be read (permission denied), so the clients in it are left out.',
        'south/zeta.md:3:7 error bad-enum: `type: vip` is not a valid type.',
      ]);
      const r = await run(['validate', '--as-of', '2026-12-01'], cwd);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('clients/north:1:1: error: This folder cannot be read (permission denied), so the clients in it are left out. [unreadable-folder]');
      expect(r.stdout).not.toMatch(/internal error/i);
    } finally {
      await chmod(path.join(dir, 'north'), 0o755);
    }
  });

  it('a folder that can be listed but not entered is unreadable too', async () => {
    const { dir } = await workspace({ 'north/bolt.md': client('name: Bolt') });
    await chmod(path.join(dir, 'north'), 0o444);
    try {
      expect((await diagnosticsOf(dir)).map((d) => d.split(' ').slice(0, 3).join(' '))).toEqual(['north:1:1 error unreadable-folder:']);
    } finally {
      await chmod(path.join(dir, 'north'), 0o755);
    }
  });
});

describe('code frames', () => {
  it('a binary file\'s frame prints none of its content', async () => {
    const { cwd } = await workspace({ 'blob.md': new Uint8Array([...new TextEncoder().encode(`---\nname: ${SECRET}\n`), 0, 1, 2]) });
    const r = await run(['validate', '--as-of', '2026-12-01'], cwd);
    expect(r.stdout).toContain('clients/blob.md:3:1: error: This file is not text: it contains a NUL byte. [binary-file]\n  hint:');
    expect(r.stdout).not.toContain(SECRET);
  });

  it('a file replaced by a link after it was checked shows no frame from the link\'s target', async () => {
    const { cwd, dir, secret } = await workspace({ 'bolt.md': client('name: Bolt\ntype: vip') });
    const result = await loadPortfolio({ dir: 'clients', cwd, asOf: AS_OF });
    await rm(path.join(dir, 'bolt.md'));
    await symlink(secret, path.join(dir, 'bolt.md'));
    const text = formatText(result.diagnostics, cwd, paint(false));
    expect(text).toContain('clients/bolt.md:3:7: error: `type: vip` is not a valid type.');
    expect(text).not.toContain(SECRET);
  });
});
