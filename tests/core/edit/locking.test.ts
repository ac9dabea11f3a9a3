/**
 * The lock beside a file being edited: taken by exclusive create, waited for while its owner runs,
 * removed when its owner is gone; and what a killed edit leaves behind is cleaned by the next one.
 */
import { spawn } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { outdent } from 'outdent';
import { describe, expect, test } from 'vitest';
import { completeAction } from '#core/edit/complete-action';
import { ConcurrentEditError } from '#core/edit/errors';
import { lockFile } from '#core/edit/file-lock';
import { editClient, openFolder } from '#core/edit/session';
import { lockPathFor, sideName, tempPathFor } from '#core/edit/side-files';
import { Temporal } from '#core/dates';
import { run } from '../../helpers/cli.ts';
import { tempPortfolios } from '../../helpers/portfolio.ts';

const portfolio = tempPortfolios();
const ON = Temporal.PlainDate.from('2026-11-24');

const acme = outdent`
  ---
  name: Acme
  type: basic
  contact:
    name: Ann Lee
  growth:
    outlook: stable
  actions:
    - title: Call Ann
      due: 2026-12-15
  ---

`;

const dotFiles = async (dir: string) => (await readdir(dir)).filter((f) => f.startsWith('.')).sort();

/** A process that is gone: its pid, once it has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

/** A process that runs until killed. */
function liveProcess() {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
  return { pid: child.pid!, kill: () => new Promise((resolve) => (child.on('exit', resolve), child.kill('SIGKILL'))) };
}


describe('the lock', () => {
  test('is a dot-file beside the file while the edit runs, and is gone after it', async () => {
    const dir = await portfolio({ 'acme.md': acme });
    const folder = await openFolder(dir, dir);
    let during: string[] = [];
    let owner: unknown;
    await editClient({
      folder,
      client: 'acme',
      plan: (f, n) => completeAction(f, 'Call Ann', ON, n),
      beforeWrite: async () => {
        during = await dotFiles(dir);
        owner = JSON.parse(await readFile(path.join(dir, '.acme.md.clientbook.lock'), 'utf8'));
      },
    });
    expect(during).toEqual(['.acme.md.clientbook.lock']);
    expect(owner).toMatchObject({ pid: process.pid, host: (await import('node:os')).hostname() });
    expect(await dotFiles(dir)).toEqual([]);
    expect(await readFile(path.join(dir, 'acme.md'), 'utf8')).toContain('done: 2026-11-24');
  });

  test('of a running process makes an edit wait, then refuse with a message; the file is untouched', async () => {
    const dir = await portfolio({ 'acme.md': acme });
    const other = liveProcess();
    try {
      await writeFile(path.join(dir, '.acme.md.clientbook.lock'), JSON.stringify({ pid: other.pid, host: (await import('node:os')).hostname() }));
      const folder = await openFolder(dir, dir);
      const started = Date.now();
      const edit = editClient({ folder, client: 'acme', plan: (f, n) => completeAction(f, 'Call Ann', ON, n), lockWaitMs: 300 });
      await expect(edit).rejects.toThrow(ConcurrentEditError);
      await expect(edit).rejects.toThrow(`acme.md is being edited by another clientbook command (process ${other.pid}), which did not finish within 0.3 seconds.`);
      expect(Date.now() - started).toBeGreaterThanOrEqual(300);
      expect(await readFile(path.join(dir, 'acme.md'), 'utf8')).toBe(acme);
      // Its lock is not ours to remove.
      expect(await dotFiles(dir)).toEqual(['.acme.md.clientbook.lock']);
    } finally {
      await other.kill();
    }
  });

  test('is taken over as soon as its owner releases it', async () => {
    const dir = await portfolio({ 'acme.md': acme });
    const file = path.join(dir, 'acme.md');
    const first = await lockFile(file, { display: 'acme.md' });
    const second = lockFile(file, { display: 'acme.md', waitMs: 5_000 });
    let taken = false;
    void second.then(() => (taken = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(taken).toBe(false);
    await first.release();
    await (await second).release();
    expect(await dotFiles(dir)).toEqual([]);
  });

  test('of a process that is gone is removed, and the edit is made', async () => {
    const dir = await portfolio({ 'acme.md': acme });
    await writeFile(path.join(dir, '.acme.md.clientbook.lock'), JSON.stringify({ pid: await deadPid(), host: (await import('node:os')).hostname() }));
    const r = await run(['note', 'acme', 'The lock was stale.', '--on', '2026-11-24', '--dir', dir], dir);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(await readFile(path.join(dir, 'acme.md'), 'utf8')).toContain('The lock was stale.');
    expect(await dotFiles(dir)).toEqual([]);
  });

  test('of a process killed while it held it is recovered by the next edit', async () => {
    const dir = await portfolio({ 'acme.md': acme });
    const file = path.join(dir, 'acme.md');
    const module = new URL('../../../scripts/core/edit/file-lock.ts', import.meta.url).pathname;
    const child = spawn(process.execPath, ['--input-type=module', '-e', `
      const { lockFile } = await import(${JSON.stringify(module)});
      await lockFile(${JSON.stringify(file)}, { display: 'acme.md' });
      process.stdout.write('locked\\n');
      setInterval(() => {}, 1000);
    `]);
    await new Promise<void>((resolve) => child.stdout.on('data', (d: Buffer) => d.toString().includes('locked') && resolve()));
    expect(await dotFiles(dir)).toEqual(['.acme.md.clientbook.lock']);
    await new Promise((resolve) => (child.on('exit', resolve), child.kill('SIGKILL')));
    const r = await run(['note', 'acme', 'After the crash.', '--on', '2026-11-24', '--dir', dir], dir);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(await readFile(file, 'utf8')).toContain('After the crash.');
    expect(await dotFiles(dir)).toEqual([]);
  });

  test('of another machine (a shared folder) is never taken for dead', async () => {
    const dir = await portfolio({ 'acme.md': acme });
    await writeFile(path.join(dir, '.acme.md.clientbook.lock'), JSON.stringify({ pid: await deadPid(), host: 'some-other-laptop' }));
    const folder = await openFolder(dir, dir);
    await expect(editClient({ folder, client: 'acme', plan: (f, n) => completeAction(f, 'Call Ann', ON, n), lockWaitMs: 100 })).rejects.toThrow(/being edited by another clientbook command \(process \d+ on some-other-laptop\)/);
    expect(await readFile(path.join(dir, 'acme.md'), 'utf8')).toBe(acme);
  });
});

describe('leftovers of a killed edit', () => {
  test('temporary files and locks of processes that are gone are removed by the next edit in the folder; those of running ones stay', async () => {
    const dir = await portfolio({ 'acme.md': acme, 'other.md': acme.replace('Acme', 'Other') });
    const dead = await deadPid();
    const live = liveProcess();
    try {
      const os = await import('node:os');
      const files = {
        deadTemp: `.other.md.clientbook-${dead}-0a1b2c3d.tmp`,
        oldStyleTemp: `.acme.md.clientbook-${dead}-ffffffff.tmp`,
        deadLock: '.other.md.clientbook.lock',
        liveTemp: `.other.md.clientbook-${live.pid}-12345678.tmp`,
        someoneElses: '.other.md.swp',
      };
      for (const name of Object.values(files)) await writeFile(path.join(dir, name), 'x');
      await writeFile(path.join(dir, files.deadLock), JSON.stringify({ pid: dead, host: os.hostname() }));
      const r = await run(['note', 'acme', 'Cleaned.', '--on', '2026-11-24', '--dir', dir], dir);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(await dotFiles(dir)).toEqual([files.someoneElses, files.liveTemp].sort());
    } finally {
      await live.kill();
    }
  });
});

describe('names of the files beside a client file', () => {
  test('fit in a file name for the longest id', () => {
    const base = `${'a'.repeat(252)}.md`;
    for (const name of [path.basename(tempPathFor(`/x/${base}`)), path.basename(lockPathFor(`/x/${base}`))]) {
      expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255);
      expect(name.startsWith('.aaaa')).toBe(true);
    }
    expect(path.basename(tempPathFor(`/x/${base}`))).toMatch(/^\.a+~[0-9a-f]{8}\.clientbook-\d+-[0-9a-f]{8}\.tmp$/);
    // Two long names that share their beginning still get two locks.
    expect(sideName(`${'a'.repeat(251)}b.md`, '.clientbook.lock')).not.toBe(sideName(`${'a'.repeat(251)}c.md`, '.clientbook.lock'));
    expect(sideName('acme.md', '.clientbook.lock')).toBe('.acme.md.clientbook.lock');
  });
});

test('a lock that cannot be read (a folder of that name) is waited for and reported, never a hang', async () => {
  const { mkdir } = await import('node:fs/promises');
  const dir = await portfolio({ 'acme.md': acme });
  await mkdir(path.join(dir, '.acme.md.clientbook.lock'));
  const folder = await openFolder(dir, dir);
  const edit = editClient({ folder, client: 'acme', plan: (f, n) => completeAction(f, 'Call Ann', ON, n), lockWaitMs: 200 });
  await expect(edit).rejects.toThrow('acme.md is being edited by another clientbook command (another process), which did not finish within 0.2 seconds.');
  expect(await readFile(path.join(dir, 'acme.md'), 'utf8')).toBe(acme);
});
