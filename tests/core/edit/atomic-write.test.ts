/**
 * Writes are all or nothing: a file that changed on disk after it was read is not overwritten, and a
 * write interrupted at any step leaves the original file whole and no temporary file behind.
 */
import { spawn } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { outdent } from 'outdent';
import { describe, expect, test } from 'vitest';
import { writeFileAtomic, type AtomicFs } from '#core/edit/atomic-write';
import { ConcurrentEditError } from '#core/edit/errors';
import { editClient, openFolder } from '#core/edit/session';
import { completeAction } from '#core/edit/complete-action';
import { listClientFiles } from '#core/load/walk';
import { Temporal } from '#core/dates';
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
    - title: Renew the domain
      due: 2026-12-01
  ---

`;

const tempFiles = async (dir: string) => (await readdir(dir)).filter((f) => f.startsWith('.'));

describe('a concurrent edit', () => {
  test('a file saved by someone else between read and write is kept, and the edit refused', async () => {
    const dir = await portfolio({ 'acme.md': acme });
    const file = path.join(dir, 'acme.md');
    const theirs = acme.replace('Call Ann', 'Call Ann Lee');
    const folder = await openFolder(dir, dir);
    const edit = editClient({
      folder,
      client: 'acme',
      plan: (f, name) => completeAction(f, 'Call Ann', ON, name),
      beforeWrite: () => writeFile(file, theirs),
    });
    await expect(edit).rejects.toThrow(ConcurrentEditError);
    await expect(edit).rejects.toThrow('acme.md changed on disk while clientbook was editing it');
    expect(await readFile(file, 'utf8')).toBe(theirs);
    expect(await tempFiles(dir)).toEqual([]);
  });

  test('a file deleted meanwhile is not recreated', async () => {
    const dir = await portfolio({ 'acme.md': acme });
    const file = path.join(dir, 'acme.md');
    const folder = await openFolder(dir, dir);
    const edit = editClient({ folder, client: 'acme', plan: (f, n) => completeAction(f, 'Call', ON, n), beforeWrite: () => fsp.rm(file) });
    await expect(edit).rejects.toThrow('acme.md was deleted or moved while clientbook was editing it.');
    expect(await readdir(dir)).toEqual([]);
  });

  test('a new file does not replace one that appeared meanwhile', async () => {
    const dir = await portfolio({});
    const file = path.join(dir, 'acme.md');
    const link: AtomicFs['link'] = async (from, to) => {
      await writeFile(file, 'theirs');
      return fsp.link(from, to);
    };
    await expect(writeFileAtomic(file, new TextEncoder().encode(acme), { expected: null, fs: { link } })).rejects.toThrow('acme.md already exists');
    expect(await readFile(file, 'utf8')).toBe('theirs');
    expect(await tempFiles(dir)).toEqual([]);
  });
});

describe('an interrupted write', () => {
  const newBytes = new TextEncoder().encode(acme.replace('2026-12-15', '2027-12-15'));

  test.each<[string, Partial<AtomicFs>]>([
    ['the rename fails', { rename: async () => Promise.reject(Object.assign(new Error('EIO: i/o error'), { code: 'EIO' })) }],
    [
      'the disk fills up half way through the write',
      {
        open: (async (file: string, flags: string, mode: number) => {
          const handle = await fsp.open(file, flags, mode);
          handle.writeFile = async (data: Uint8Array) => {
            await handle.write(data.subarray(0, 40));
            throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
          };
          return handle;
        }) as AtomicFs['open'],
      },
    ],
    ['flushing to disk fails', {
      open: (async (file: string, flags: string, mode: number) => {
        const handle = await fsp.open(file, flags, mode);
        handle.sync = async () => Promise.reject(Object.assign(new Error('EIO'), { code: 'EIO' }));
        return handle;
      }) as AtomicFs['open'],
    }],
  ])('when %s, the original is whole and no temporary file is left', async (_, fs) => {
    const dir = await portfolio({ 'acme.md': acme });
    const file = path.join(dir, 'acme.md');
    const original = await readFile(file);
    await expect(writeFileAtomic(file, newBytes, { expected: original, fs })).rejects.toThrow();
    expect(await readFile(file, 'utf8')).toBe(acme);
    expect(await tempFiles(dir)).toEqual([]);
  });

  test('a process killed between write and rename leaves the original whole; its temporary file is never read as a client', async () => {
    const dir = await portfolio({ 'acme.md': acme });
    const file = path.join(dir, 'acme.md');
    const module = fileURLToPath(new URL('../../../scripts/core/edit/atomic-write.ts', import.meta.url));
    // The child writes the new bytes, announces it is about to rename, and waits (alive) to be killed.
    const script = outdent`
      setInterval(() => {}, 1000);
      import { readFile } from 'node:fs/promises';
      import { writeFileAtomic } from ${JSON.stringify(module)};
      const file = ${JSON.stringify(file)};
      await writeFileAtomic(file, new TextEncoder().encode('NEW CONTENT'), {
        expected: await readFile(file),
        fs: { rename: () => { process.stdout.write('renaming\\n'); return new Promise(() => {}); } },
      });
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('renaming') && resolve());
      child.on('exit', (code) => reject(new Error(`child exited early with ${code}`)));
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(await readFile(file, 'utf8')).toBe(acme);
    const temps = await tempFiles(dir);
    expect(temps).toHaveLength(1);
    expect(temps[0]).toMatch(/^\.acme\.md\.clientbook-\d+-[0-9a-f]{8}\.tmp$/);
    expect(await readFile(path.join(dir, temps[0]!), 'utf8')).toBe('NEW CONTENT');
    expect(await listClientFiles(dir)).toEqual(['acme.md']);
  });
});

test('the written file keeps its permissions', async () => {
  const dir = await portfolio({ 'acme.md': acme });
  const file = path.join(dir, 'acme.md');
  await fsp.chmod(file, 0o600);
  await writeFileAtomic(file, new TextEncoder().encode('x'), { expected: await readFile(file) });
  expect((await fsp.stat(file)).mode & 0o777).toBe(0o600);
});
