/**
 * Writers of one file in separate processes, started in step for 50 rounds: every edit a command
 * reports as done is on disk, and a command that could not make its edit says so (it never exits 0).
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { outdent } from 'outdent';
import { afterAll, describe, expect, test } from 'vitest';
import { tempPortfolios } from '../../helpers/portfolio.ts';
import { startWorker, type Reply, type Worker } from './helpers/workers.ts';

const portfolio = tempPortfolios();
const ROUNDS = 50;

const acme = outdent`
  ---
  name: Acme
  type: basic
  contact:
    name: Ann Lee
  growth:
    outlook: stable
  actions:
    - title: Check the backups
      due: 2027-01-01
      every: 1 day
  ---

`;

const workers: Worker[] = [];
afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
});

async function workersFor(dir: string, n: number): Promise<Worker[]> {
  const started = await Promise.all(Array.from({ length: n }, () => startWorker(dir)));
  workers.push(...started);
  return started;
}

/** Runs `argvOf(writer, round)` in every writer at once, round after round; all replies, in order. */
async function rounds(ws: readonly Worker[], argvOf: (writer: number, round: number) => string[]): Promise<{ writer: number; round: number; reply: Reply }[]> {
  const out: { writer: number; round: number; reply: Reply }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const replies = await Promise.all(ws.map((w, writer) => w.run(argvOf(writer, round))));
    replies.forEach((reply, writer) => out.push({ writer, round, reply }));
  }
  return out;
}

const count = (text: string, part: string) => text.split(part).length - 1;

describe('processes writing one file at once, 50 rounds', () => {
  test.each([2, 8])('%i writers of notes: every note reported as added is in the file, once', { timeout: 120_000 }, async (n) => {
    const dir = await portfolio({ 'acme.md': acme });
    const ws = await workersFor(dir, n);
    const results = await rounds(ws, (w, r) => ['note', 'acme', `Writer ${w} round ${r} was here.`, '--on', '2026-11-24', '--dir', dir]);
    await Promise.all(ws.map((w) => w.stop()));
    const text = await readFile(path.join(dir, 'acme.md'), 'utf8');
    for (const { writer, round, reply } of results) {
      const note = `Writer ${writer} round ${round} was here.`;
      if (reply.code === 0) expect(count(text, `${note}\n`), note).toBe(1);
      else {
        // Refused, never half-done: a clear message, and the note is not there.
        expect(reply.stderr).toContain('acme.md is being edited by another clientbook command');
        expect(count(text, note)).toBe(0);
      }
    }
    expect(results.filter((r) => r.reply.code !== 0).length).toBeLessThanOrEqual(results.length / 20);
    expect((await readdir(dir)).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  test('8 writers of notes, of actions added, and of completions of a daily action: none is lost', { timeout: 120_000 }, async () => {
    const dir = await portfolio({ 'acme.md': acme });
    const ws = await workersFor(dir, 8);
    // Completed long before it is due, a daily action moves exactly one day per `done`.
    const results = await rounds(ws, (w, r) =>
      w % 3 === 0
        ? ['note', 'acme', `Writer ${w} round ${r} was here.`, '--on', '2026-11-24', '--dir', dir]
        : w % 3 === 1
          ? ['done', 'acme', 'Check the backups', '--on', '2026-11-24', '--dir', dir]
          : ['add', 'acme', `Follow-up ${w}.${r}`, '--on', '2026-11-24', '--dir', dir],
    );
    await Promise.all(ws.map((w) => w.stop()));
    const text = await readFile(path.join(dir, 'acme.md'), 'utf8');
    const dones = results.filter((r) => r.writer % 3 === 1 && r.reply.code === 0).length;
    const expected = new Date(Date.UTC(2027, 0, 1 + dones)).toISOString().slice(0, 10);
    expect(text).toContain(`    due: ${expected}\n`);
    for (const { writer, round, reply } of results) {
      if (writer % 3 === 1) continue;
      const written = writer % 3 === 0 ? `Writer ${writer} round ${round} was here.\n` : `  - title: Follow-up ${writer}.${round}\n`;
      expect(count(text, written), written).toBe(reply.code === 0 ? 1 : 0);
    }
    for (const { reply } of results) if (reply.code !== 0) expect(reply.stderr).toContain('is being edited by another clientbook command');
    expect(results.filter((r) => r.reply.code !== 0).length).toBeLessThanOrEqual(results.length / 20);
  });
});
