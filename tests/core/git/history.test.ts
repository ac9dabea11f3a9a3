import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, utimesSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readHistory, type History } from '#core/git/history';
import { parseLog } from '#core/git/log';
import { client, date } from '../../helpers/portfolio.ts';
import { gitEnv, tempRepos } from '../../helpers/git-repo.ts';

const newRepo = tempRepos();
const WHITEHORSE = { timeZone: 'America/Whitehorse', today: date('2026-12-01') };

/** `date change author: subject (path)`, newest first, per client. */
function lines(history: History, id: string): string[] {
  return (history.byClient.get(id) ?? []).map(
    (e) => `${e.date} ${e.change} ${e.author}: ${e.subject} (${e.from ? `${e.from} -> ` : ''}${e.path})`,
  );
}

describe('readHistory', () => {
  test('one entry per commit that touched the file, newest first, dated in the portfolio time zone', async () => {
    const repo = newRepo();
    repo.write({ 'clients/acme.md': client('name: Acme'), 'clients/bolt.md': client('name: Bolt'), 'README.md': 'hi' });
    repo.commit('Add Acme and Bolt', '2026-03-01T02:30:00+00:00');
    repo.write({ 'clients/acme.md': client('name: Acme', { body: 'Met Ann.\n' }), 'README.md': 'hello' });
    repo.commit('Note the visit to Acme', '2026-03-05T23:00:00-07:00', { name: 'Bo Chan', email: 'bo@example.com' });
    repo.write({ 'README.md': 'hello again' });
    repo.commit('Only the README', '2026-04-01T10:00:00+00:00');

    const history = await readHistory(path.join(repo.root, 'clients'), WHITEHORSE);
    expect(history.available).toBe(true);
    expect(history.reason).toBeUndefined();
    // 02:30 UTC on March 1 is still February 28 in Whitehorse (UTC-7).
    expect(lines(history, 'acme')).toEqual([
      '2026-03-05 modified Bo Chan: Note the visit to Acme (clients/acme.md)',
      '2026-02-28 added Ann Lee: Add Acme and Bolt (clients/acme.md)',
    ]);
    expect(lines(history, 'bolt')).toEqual(['2026-02-28 added Ann Lee: Add Acme and Bolt (clients/bolt.md)']);
    expect(history.lastChanged.get('acme')?.toString()).toBe('2026-03-05');
    expect(history.lastChanged.get('bolt')?.toString()).toBe('2026-02-28');
    expect(history.byClient.get('acme')![0]!.time).toBe('2026-03-05T23:00:00-07:00');
  });

  test('follows renames and moves into subfolders, newest name first', async () => {
    const repo = newRepo();
    repo.write({ 'clients/acme.md': client('name: Acme') });
    repo.commit('Add Acme', '2026-01-10T12:00:00Z');
    repo.move('clients/acme.md', 'clients/acme-tools.md');
    repo.commit('Acme is now Acme Tools', '2026-02-10T12:00:00Z');
    repo.move('clients/acme-tools.md', 'clients/former/acme-tools.md');
    repo.write({ 'clients/former/acme-tools.md': client('name: Acme Tools\nstatus: former', { omit: ['contact'] }) });
    repo.commit('Acme Tools left', '2026-03-10T12:00:00Z');

    const history = await readHistory(path.join(repo.root, 'clients'), WHITEHORSE);
    expect(lines(history, 'acme-tools')).toEqual([
      '2026-03-10 renamed Ann Lee: Acme Tools left (clients/acme-tools.md -> clients/former/acme-tools.md)',
      '2026-02-10 renamed Ann Lee: Acme is now Acme Tools (clients/acme.md -> clients/acme-tools.md)',
      '2026-01-10 added Ann Lee: Add Acme (clients/acme.md)',
    ]);
    expect(history.byClient.has('acme')).toBe(false);
  });

  test('deleted files have no history; a client that comes back under the same id keeps its past', async () => {
    const repo = newRepo();
    repo.write({ 'clients/acme.md': client('name: Acme'), 'clients/bolt.md': client('name: Bolt') });
    repo.commit('Add two clients', '2026-01-10T12:00:00Z');
    repo.remove('clients/acme.md', 'clients/bolt.md');
    repo.write({ 'clients/cone.md': client('name: Cone') });
    repo.commit('Acme and Bolt left', '2026-02-10T12:00:00Z');
    repo.write({ 'clients/bolt.md': client('name: Bolt', { body: 'Back again.\n' }) });
    repo.commit('Bolt is back', '2026-03-10T12:00:00Z');

    const history = await readHistory(path.join(repo.root, 'clients'), WHITEHORSE);
    expect([...history.byClient.keys()].sort()).toEqual(['bolt', 'cone']);
    expect(lines(history, 'bolt')).toEqual([
      '2026-03-10 added Ann Lee: Bolt is back (clients/bolt.md)',
      '2026-02-10 deleted Ann Lee: Acme and Bolt left (clients/bolt.md)',
      '2026-01-10 added Ann Lee: Add two clients (clients/bolt.md)',
    ]);
  });

  test('merges: the commits of both sides count, the merge itself does not, and a rename on a branch claims edits made on main', async () => {
    const repo = newRepo();
    repo.write({ 'clients/acme.md': client('name: Acme'), 'clients/bolt.md': client('name: Bolt') });
    repo.commit('Add clients', '2026-01-01T12:00:00Z');
    repo.git('checkout', '-q', '-b', 'move-acme');
    repo.move('clients/acme.md', 'clients/north/acme-north.md');
    repo.commit('Rename Acme', '2026-01-02T12:00:00Z');
    repo.git('checkout', '-q', 'main');
    repo.write({ 'clients/acme.md': client('name: Acme\nlocation: Whitehorse'), 'clients/bolt.md': client('name: Bolt', { body: 'x\n' }) });
    repo.commit('Edit Acme and Bolt on main', '2026-01-03T12:00:00Z');
    repo.git('merge', '-q', '--no-ff', '-m', 'Merge branch move-acme', 'move-acme');
    expect(repo.git('show', '-s', '--format=%P', 'HEAD').split(' ')).toHaveLength(2);

    const history = await readHistory(path.join(repo.root, 'clients'), WHITEHORSE);
    expect(lines(history, 'acme-north')).toEqual([
      '2026-01-03 modified Ann Lee: Edit Acme and Bolt on main (clients/acme.md)',
      '2026-01-02 renamed Ann Lee: Rename Acme (clients/acme.md -> clients/north/acme-north.md)',
      '2026-01-01 added Ann Lee: Add clients (clients/acme.md)',
    ]);
    expect(lines(history, 'bolt').map((l) => l.split(': ')[1])).toEqual(['Edit Acme and Bolt on main (clients/bolt.md)', 'Add clients (clients/bolt.md)']);
  });

  test('uncommitted changes come first and date the last change to the day the file was saved', async () => {
    const repo = newRepo();
    repo.write({ 'clients/acme.md': client('name: Acme'), 'clients/bolt.md': client('name: Bolt') });
    repo.commit('Add clients', '2026-01-01T12:00:00Z');
    repo.write({ 'clients/acme.md': client('name: Acme', { body: 'Met.\n' }), 'clients/new/cone.md': client('name: Cone') });
    const saved = new Date('2026-11-20T20:00:00Z');
    utimesSync(path.join(repo.root, 'clients/acme.md'), saved, saved);
    utimesSync(path.join(repo.root, 'clients/new/cone.md'), saved, saved);

    const history = await readHistory(path.join(repo.root, 'clients'), WHITEHORSE);
    expect(lines(history, 'acme')).toEqual([
      '2026-11-20 uncommitted : Changed since the last commit (clients/acme.md)',
      '2026-01-01 added Ann Lee: Add clients (clients/acme.md)',
    ]);
    expect(lines(history, 'cone')).toEqual(['2026-11-20 uncommitted : Not committed yet (clients/new/cone.md)']);
    expect(history.lastChanged.get('acme')?.toString()).toBe('2026-11-20');
    expect(history.lastChanged.get('bolt')?.toString()).toBe('2026-01-01');
  });

  test('a portfolio in a subfolder, read from anywhere; files outside it and non-client files do not count', async () => {
    const repo = newRepo();
    // Spaces, brackets and accents: paths are passed literally and read NUL-separated.
    repo.write({
      'work/Böok [old]/acme.md': client('name: Acme'),
      'work/Böok [old]/_template.md': client('name: Template'),
      'work/Böok o/other.md': client('name: Other'),
    });
    repo.commit('Add Acme', '2026-01-01T12:00:00Z', { name: 'Zoë Ünal', email: 'zoe@example.com' });
    const history = await readHistory(path.join(repo.root, 'work', 'Böok [old]'), WHITEHORSE);
    expect(lines(history, 'acme')).toEqual(['2026-01-01 added Zoë Ünal: Add Acme (work/Böok [old]/acme.md)']);
    expect([...history.byClient.keys()]).toEqual(['acme']);
  });

  test('a shallow clone says its history is incomplete and does not count its boundary as a change', async () => {
    const repo = newRepo();
    repo.write({ 'clients/acme.md': client('name: Acme'), 'clients/bolt.md': client('name: Bolt') });
    repo.commit('Add clients', '2026-01-01T12:00:00Z');
    repo.write({ 'clients/acme.md': client('name: Acme', { body: 'Met.\n' }) });
    repo.commit('Note', '2026-02-01T12:00:00Z');
    const clone = mkdtempSync(path.join(os.tmpdir(), 'clientbook-shallow-'));
    afterAll(() => rmSync(clone, { recursive: true, force: true }));
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo.root}`, clone], { env: gitEnv() });

    const history = await readHistory(path.join(clone, 'clients'), WHITEHORSE);
    expect(history).toMatchObject({ available: true, shallow: true });
    expect(history.reason).toMatch(/shallow clone.*fetch-depth: 0/);
    expect(lines(history, 'acme')).toEqual([]);
    expect(history.lastChanged.size).toBe(0);
  });

  test('outside a git repository: no history, and a reason the page can show', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'clientbook-nogit-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const history = await readHistory(dir, WHITEHORSE);
    expect(history).toMatchObject({ available: false, shallow: false });
    expect(history.reason).toBe(
      'History is not shown: the portfolio is not in a git repository. Commit it to git to see who changed each client, and when.',
    );
    expect(history.byClient.size).toBe(0);
  });

  test('without git: no history, and the page says why', async () => {
    const repo = newRepo();
    repo.write({ 'clients/acme.md': client('name: Acme') });
    const saved = process.env.PATH;
    process.env.PATH = path.join(repo.root, 'no-such-bin');
    try {
      const history = await readHistory(path.join(repo.root, 'clients'), WHITEHORSE);
      expect(history).toMatchObject({
        available: false,
        reason: 'History is not shown: git is not installed on the computer that built this site.',
      });
    } finally {
      process.env.PATH = saved;
    }
  });

  test('a repository without a commit yet: every file is uncommitted', async () => {
    const repo = newRepo();
    repo.write({ 'clients/acme.md': client('name: Acme') });
    const history = await readHistory(path.join(repo.root, 'clients'), WHITEHORSE);
    expect(history.available).toBe(true);
    expect(history.byClient.get('acme')?.map((e) => e.change)).toEqual(['uncommitted']);
  });
});

describe('parseLog', () => {
  test('reads -z name-status output, including renames and subjects with odd characters', () => {
    const text =
      '\x1ebbb\x1f2026-01-02T00:00:00+00:00\x1fBo\x1fFix: a\x1fb "c"\0\nR087\0clients/a.md\0clients/b.md\0M\0clients/c d.md\0' +
      '\x1eaaa\x1f2026-01-01T00:00:00+00:00\x1fAnn\x1fFirst\0\nA\0clients/a.md\0D\0clients/x.md\0';
    expect(parseLog(text)).toEqual([
      {
        hash: 'bbb', time: '2026-01-02T00:00:00+00:00', author: 'Bo', subject: 'Fix: a\x1fb "c"',
        files: [{ change: 'renamed', from: 'clients/a.md', path: 'clients/b.md' }, { change: 'modified', path: 'clients/c d.md' }],
      },
      {
        hash: 'aaa', time: '2026-01-01T00:00:00+00:00', author: 'Ann', subject: 'First',
        files: [{ change: 'added', path: 'clients/a.md' }, { change: 'deleted', path: 'clients/x.md' }],
      },
    ]);
  });
});
