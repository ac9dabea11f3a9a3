/**
 * How long `clientbook dev` takes from a save to re-printed diagnostics, on a generated portfolio
 * (1,000 clients by default), without the site. Each round saves one file (alternately breaking and
 * fixing a date) and waits until the watcher has re-checked it and the terminal text is formatted.
 * The baseline is what re-validating everything on each save would cost: one `loadPortfolio`.
 *
 *   npx node scripts/bench/dev-revalidate.ts [--count 1000 | --dir PORTFOLIO] [--rounds 40] [--baseline 3] [--json]
 *
 * With `--dir`, a copy of that portfolio is edited (never the folder itself); `--json` prints the
 * figures for `npm run bench`.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatUpdate } from '#cli/commands/dev';
import { paint } from '#cli/io';
import { listClientFiles } from '#core/load/walk';
import { loadPortfolio } from '#core/portfolio';
import type { LiveUpdate } from '#core/watch/live-portfolio';
import { watchPortfolio } from '#core/watch/portfolio-watcher';
import { generatePortfolio } from './generate.ts';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '1000' },
    dir: { type: 'string' },
    rounds: { type: 'string', default: '40' },
    baseline: { type: 'string', default: '3' },
    json: { type: 'boolean', default: false },
  },
});
const rounds = Number(values.rounds);

const dir = await mkdtemp(path.join(os.tmpdir(), 'clientbook-dev-bench-'));
try {
  if (values.dir) await cp(values.dir, dir, { recursive: true });
  else await generatePortfolio({ count: Number(values.count), out: dir });
  const relPaths = await listClientFiles(dir);
  const count = relPaths.length;

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
  for (let i = 0; i < Number(values.baseline); i++) {
    const t0 = performance.now();
    await loadPortfolio({ dir, cwd: dir });
    baselineRuns.push(performance.now() - t0);
  }

  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const pct = (xs: number[], p: number) => sorted(xs)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const baseline = baselineRuns.length ? pct(baselineRuns, 50) : NaN;
  const median = pct(total, 50);
  if (values.json) {
    const round1 = (n: number) => Math.round(n * 10) / 10;
    process.stdout.write(
      `${JSON.stringify({
        clients: count,
        rounds,
        startupMs: round1(startup),
        medianMs: round1(median),
        p95Ms: round1(pct(total, 95)),
        maxMs: round1(Math.max(...total)),
        recheckMedianMs: round1(pct(recheck, 50)),
        ...(baselineRuns.length ? { baselineMs: round1(baseline) } : {}),
      })}\n`,
    );
  } else process.stdout.write(
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
