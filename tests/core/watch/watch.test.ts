/**
 * `clientbook dev` without the site: real files are written and the watcher's re-checked diagnostics
 * are awaited. A save re-checks that file and the cross-file rules; other files are not re-read.
 */
import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { outdent } from 'outdent';
import { afterEach, describe, expect, test } from 'vitest';
import { formatUpdate } from '#cli/commands/dev';
import { paint } from '#cli/io';
import type { LiveUpdate } from '#core/watch/live-portfolio';
import { watchPortfolio, type PortfolioWatcher } from '#core/watch/portfolio-watcher';
import { run } from '../../helpers/cli.ts';
import { tempPortfolios } from '../../helpers/portfolio.ts';

const portfolio = tempPortfolios();

const client = (name: string, extra = '') => outdent`
  ---
  name: ${name}
  type: basic
  contact:
    name: Someone
  growth:
    outlook: stable
  actions:
    - title: Call
      due: 2026-12-15
  ${extra}
  ---

`;

let watcher: PortfolioWatcher | undefined;
afterEach(async () => {
  await watcher?.close();
  watcher = undefined;
});

/** Starts watching `dir`; `next()` resolves with the next update (or fails after a while). */
async function watching(dir: string) {
  const queue: LiveUpdate[] = [];
  let wake: (() => void) | undefined;
  watcher = await watchPortfolio({
    dir,
    cwd: dir,
    asOf: '2026-11-24',
    onUpdate: (u) => {
      queue.push(u);
      wake?.();
    },
  });
  await watcher.ready;
  const next = async (): Promise<LiveUpdate> => {
    const deadline = Date.now() + 10_000;
    while (queue.length === 0) {
      if (Date.now() > deadline) throw new Error('no update from the watcher within 10 s');
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 100);
      });
    }
    return queue.shift()!;
  };
  return { next, queue, live: watcher.live };
}

const brief = (u: LiveUpdate) => ({ relPath: u.relPath, kind: u.kind, codes: u.diagnostics.map((d) => `${d.line}:${d.code}`) });

describe('revalidation driven by real file changes', () => {
  test('a save with an error, then the fix', async () => {
    const dir = await portfolio({ 'acme.md': client('Acme'), 'north/bravo.md': client('Bravo') });
    const { next, live } = await watching(dir);
    expect(live.portfolio.files).toBe(2);

    await writeFile(path.join(dir, 'north/bravo.md'), client('Bravo').replace('due: 2026-12-15', 'due: 12/15/2026'));
    const broken = await next();
    expect(brief(broken)).toEqual({ relPath: 'north/bravo.md', kind: 'changed', codes: ['10:bad-date'] });
    expect(broken.diagnostics[0]!.file).toBe('north/bravo.md');
    expect(broken.portfolio.hasErrors).toBe(true);
    expect(broken.portfolio.clients.map((c) => c.id)).toEqual(['acme']);

    await writeFile(path.join(dir, 'north/bravo.md'), client('Bravo'));
    const fixed = await next();
    expect(brief(fixed)).toEqual({ relPath: 'north/bravo.md', kind: 'changed', codes: [] });
    expect(fixed.portfolio.hasErrors).toBe(false);
    expect(fixed.portfolio.clients.map((c) => c.id)).toEqual(['acme', 'bravo']);
  });

  test('cross-file rules are re-checked: a referral breaks and heals as its target goes and comes back', async () => {
    const dir = await portfolio({ 'acme.md': client('Acme', 'referred_by: bravo'), 'bravo.md': client('Bravo') });
    const { next } = await watching(dir);

    await rename(path.join(dir, 'bravo.md'), path.join(dir, 'bravo.txt'));
    const gone = await next();
    expect(brief(gone)).toEqual({ relPath: 'bravo.md', kind: 'removed', codes: [] });
    expect(gone.appeared.map((d) => `${d.file}:${d.code}`)).toEqual(['acme.md:unknown-client']);

    await rename(path.join(dir, 'bravo.txt'), path.join(dir, 'bravo.md'));
    const back = await next();
    expect(brief(back)).toEqual({ relPath: 'bravo.md', kind: 'added', codes: [] });
    expect(back.resolved.map((d) => `${d.file}:${d.code}`)).toEqual(['acme.md:unknown-client']);
    expect(back.portfolio.hasErrors).toBe(false);
  });

  test('a file created and then written in pieces is read whole: no "empty file" report first', async () => {
    const dir = await portfolio({ 'acme.md': client('Acme') });
    const { next } = await watching(dir);
    const text = client('Bolt');
    const handle = await open(path.join(dir, 'bolt.md'), 'w');
    await handle.write(text.slice(0, 12));
    await new Promise((resolve) => setTimeout(resolve, 5));
    await handle.write(text.slice(12));
    await handle.close();
    const added = await next();
    expect(brief(added)).toEqual({ relPath: 'bolt.md', kind: 'added', codes: [] });
    expect(added.portfolio.clients.map((c) => c.data.name)).toEqual(['Acme', 'Bolt']);
  });

  test('a second file with the same id is an error in both, until it goes', async () => {
    const dir = await portfolio({ 'acme.md': client('Acme') });
    const { next } = await watching(dir);
    await mkdir(path.join(dir, 'north'));
    await writeFile(path.join(dir, 'north/acme.md'), client('Acme North'));
    const twin = await next();
    expect(brief(twin)).toEqual({ relPath: 'north/acme.md', kind: 'added', codes: ['1:duplicate-id'] });
    expect(twin.appeared.map((d) => `${d.file}:${d.code}`)).toEqual(['acme.md:duplicate-id']);
    await rm(path.join(dir, 'north/acme.md'));
    const gone = await next();
    expect(brief(gone)).toEqual({ relPath: 'north/acme.md', kind: 'removed', codes: [] });
    expect(gone.resolved.map((d) => `${d.file}:${d.code}`)).toEqual(['acme.md:duplicate-id']);
  });

  test('an edit by `clientbook done` (temporary file, then rename) is one change; dot-files and _ files are ignored', async () => {
    const dir = await portfolio({ 'acme.md': client('Acme') });
    const { next, queue } = await watching(dir);
    await writeFile(path.join(dir, '_template.md'), 'not a client');
    await writeFile(path.join(dir, '.acme.md.swp'), 'editor swap');
    expect((await run(['done', 'acme', 'Call', '--on', '2026-11-24', '--dir', dir], dir)).code).toBe(0);
    const done = await next();
    expect(brief(done)).toMatchObject({ relPath: 'acme.md', kind: 'changed' });
    expect(done.portfolio.clients[0]!.data.actions[0]!.done?.toString()).toBe('2026-11-24');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(queue.map((u) => u.relPath)).toEqual([]);
  });

  test('a change to clientbook.yaml re-reads everything', async () => {
    const dir = await portfolio({ 'acme.md': client('Acme') });
    const { next } = await watching(dir);
    await writeFile(path.join(dir, 'clientbook.yaml'), 'due_window: 0\n');
    const reloaded = await next();
    expect(reloaded.kind).toBe('reloaded');
    expect(reloaded.diagnostics.map((d) => d.code)).toEqual(['bad-number']);
    expect(reloaded.portfolio.hasErrors).toBe(true);
  });
});

test('what the terminal shows after a save', async () => {
  const dir = await portfolio({ 'acme.md': client('Acme', 'referred_by: acme') });
  const { next } = await watching(dir);
  await writeFile(path.join(dir, 'acme.md'), client('Acme', 'referred_by: acme').replace('due: 2026-12-15', 'due: 2026-02-30'));
  const text = formatUpdate(await next(), dir, paint(false)).replace(/^\d\d:\d\d:\d\d/, 'HH:MM:SS').replace(/\(\d+ ms\)/, '(N ms)');
  expect(text).toMatchInlineSnapshot(`
    "HH:MM:SS acme.md saved: 2 errors (N ms)
    acme.md:10:10: error: \`due: 2026-02-30\` is not a date. [bad-date]
       9 |   - title: Call
    > 10 |     due: 2026-02-30
         |          ^^^^^^^^^^
      11 | referred_by: acme
      hint: February 2026 has 28 days.

    acme.md:11:14: error: \`referred_by: acme\` names this client itself. [self-referral]
      10 |     due: 2026-02-30
    > 11 | referred_by: acme
         |              ^^^^
      12 | ---
      hint: Name the client who referred this one, or delete the line.

    1 file checked: 2 errors, 0 warnings.
    "
  `);
});

test('a folder deleted whole takes its clients with it', async () => {
  const dir = await portfolio({ 'acme.md': client('Acme'), 'former/bravo.md': client('Bravo'), 'former/charlie.md': client('Charlie') });
  const { next } = await watching(dir);
  await rm(path.join(dir, 'former'), { recursive: true });
  const seen = new Set<string>();
  let last: LiveUpdate | undefined;
  while (seen.size < 2) {
    last = await next();
    seen.add(`${last.relPath} ${last.kind}`);
  }
  expect([...seen].sort()).toEqual(['former/bravo.md removed', 'former/charlie.md removed']);
  expect(last!.portfolio.clients.map((c) => c.id)).toEqual(['acme']);
});
