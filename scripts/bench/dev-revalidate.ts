/**
 * How long `clientbook dev` takes from a save to re-printed diagnostics, on a generated portfolio
 * (1,000 clients by default), without the site. Each round saves one file (alternately breaking and
 * fixing a date) and waits until the watcher has re-checked it and the terminal text is formatted.
 * The baseline is what re-validating everything on each save would cost: one `loadPortfolio`.
 *
 *   npx node scripts/bench/dev-revalidate.ts [--count 1000] [--rounds 40]
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatUpdate } from '../cli/commands/dev.ts';
import { paint } from '../cli/io.ts';
import { listClientFiles } from '../core/load/walk.ts';
import { loadPortfolio } from '../core/portfolio.ts';
import type { LiveUpdate } from '../core/watch/live-portfolio.ts';
import { watchPortfolio } from '../core/watch/portfolio-watcher.ts';
import { generatePortfolio } from './generate.ts';

const { values } = parseArgs({ options: { count: { type: 'string', default: '1000' }, rounds: { type: 'string', default: '40' } } });
const count = Number(values.count);
const rounds = Number(values.rounds);

const dir = await mkdtemp(path.join(os.tmpdir(), 'clientbook-dev-bench-'));
try {
  await generatePortfolio({ count, out: dir });
  const relPaths = await listClientFiles(dir);

  const started = performance.now();
  let waiting: { relPath: string; resolve: (u: LiveUpdate) => void } | undefined;
  let printed = '';
  const watcher = await watchPortfolio({
    dir,
    cwd: dir,
    onUpdate: (update) => {
      printed = formatUpdate(update, dir, paint(false));
      if (waiting?.relPath === update.relPath) waiting.resolve(update);
    },
  });
  await watcher.ready;
  const startup = performance.now() - started;

  const total: number[] = [];
  const recheck: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const relPath = relPaths[(round * 7919) % relPaths.length]!;
    const file = path.join(dir, relPath);
    const text = await readFile(file, 'utf8');
    // Break a date in even rounds (an error to print), append a line in odd ones (a clean save).
    const next = round % 2 === 0 ? text.replace(/^(\s+due: )(\d{4})-(\d\d)-(\d\d)/m, '$1$3/$4/$2') : `${text}\nSaved again.\n`;
    const update = new Promise<LiveUpdate>((resolve) => (waiting = { relPath, resolve }));
    const t0 = performance.now();
    await writeFile(file, next);
    const u = await update;
    total.push(performance.now() - t0);
    recheck.push(u.ms);
    if (round % 2 === 0) {
      // Put the file back (and wait for that update too) so that every round starts from a clean file.
      const restored = new Promise<LiveUpdate>((resolve) => (waiting = { relPath, resolve }));
      await writeFile(file, text);
      await restored;
    }
  }
  await watcher.close();
  if (!printed) throw new Error('nothing was printed');

  const baselineRuns: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    await loadPortfolio({ dir, cwd: dir });
    baselineRuns.push(performance.now() - t0);
  }

  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const pct = (xs: number[], p: number) => sorted(xs)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const baseline = pct(baselineRuns, 50);
  const median = pct(total, 50);
  process.stdout.write(
    [
      `dev revalidation, ${count} clients, ${rounds} saves (Node ${process.version}, ${os.cpus().length} cores)`,
      `  watcher start (check every file):   ${ms(startup)}`,
      `  save -> diagnostics printed:        median ${ms(median)}, p95 ${ms(pct(total, 95))}, max ${ms(Math.max(...total))}`,
      `  of which re-check + cross-file:     median ${ms(pct(recheck, 50))}, max ${ms(Math.max(...recheck))}`,
      `  baseline, re-validate everything:   median ${ms(baseline)} (x${(baseline / median).toFixed(1)} the watcher's median)`,
      `  budget 200 ms: ${Math.max(...total) <= 200 ? 'met by every save' : `exceeded by ${total.filter((t) => t > 200).length} of ${rounds} saves`}`,
      '',
    ].join('\n'),
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
