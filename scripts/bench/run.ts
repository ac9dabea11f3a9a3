/**
 * `npm run bench`: validate, due, the site build and `dev` revalidation at 100, 1,000 and 10,000
 * clients, side by side with their floors on the same files: a bare `yaml` parse of every front
 * matter, and a bare Astro build (glob loader, plain pages, each client's Markdown rendered once).
 * Medians of several runs, each measure run alternately with its floor so that a busy machine slows
 * both alike; peak memory and CPU time of each process; a table with ratios and the growth from the
 * smallest size to the largest; the targets, met or not; JSON in bench/results/.
 *
 *   npm run bench [-- --sizes 100,1000 --runs 3 --site-runs 1 --only core,site,dev,browser --update-docs]
 *
 * `browser`: the agenda and the clients table opened in Chromium at 390 px with the CPU slowed 4×,
 * the time until the main thread is free, and the weight of the largest page (scripts/bench/page-ready.ts).
 *
 * Not a test: nothing here fails a build. `docs/performance.md` says how to read the figures.
 */
import { spawn } from 'node:child_process';
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { freshBundle } from '../bin/bundled.js';
import { bundleCli } from '../bundle/build.ts';
import { generatePortfolio } from './generate.ts';
import { FLOOR_PAGE, PAGE_LIMIT_BYTES, THROTTLE, TIMED_PAGES, VIEWPORT, pageReadyTimes, pageWeights } from './page-ready.ts';

/** The name of a page's "ready" figure in the tables. */
const readyName = (page: string) => `${page} ready (phone, ${THROTTLE}× CPU)`;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'scripts/bin/clientbook.js');
const astroBin = path.join(root, 'node_modules/astro/bin/astro.mjs');
const AS_OF = '2026-11-24';
/** The real site's pages per client (client page, roadmap, meeting sheet): the floor builds as many. */
const PAGES_PER_CLIENT = 3;

const FLOOR_PARSE = 'yaml parse (floor)';
const FLOOR_SITE = 'astro build (floor)';

interface Sample {
  ms: number;
  cpuMs: number;
  rss: number;
}

/** One measure at one size: medians over its runs. */
interface Figure {
  name: string;
  floor?: string;
  /** Median wall time. */
  ms: number;
  /** Median CPU time (user + system, all threads, all processes). */
  cpuMs: number;
  /** Wall time of each run, in order. */
  runs: number[];
  /** Peak RSS of any one process, over all runs; 0 when not measured. */
  rss: number;
  /** What the run produced, where it says something (pages built, bytes written). */
  output?: { pages: number; bytes: number };
  /** Extra figures (dev revalidation). */
  detail?: Record<string, number>;
  /** The largest page of the build (the browser part). */
  largest?: { file: string; bytes: number };
}

/** Runs a command to completion; its wall time, and the CPU time and peak RSS its node processes report. */
async function measure(cmd: string, args: string[], env: Record<string, string> = {}): Promise<Sample> {
  const usageFile = path.join(os.tmpdir(), `clientbook-bench-usage-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const preload = path.join(root, 'scripts/bench/report-rss.mjs');
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, ...env, CLIENTBOOK_BENCH_RSS: usageFile, NODE_OPTIONS: `--import=${preload}`, NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1' },
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.on('error', reject);
    child.on('close', (c) => (c === 0 ? resolve() : reject(new Error(`${path.basename(cmd)} ${args.join(' ')} exited ${c}\n${stderr.slice(-3000)}`))));
  });
  const ms = performance.now() - started;
  const usage = (await readFile(usageFile, 'utf8').catch(() => ''))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { rss: number; cpuMs: number });
  await rm(usageFile, { force: true });
  return { ms, cpuMs: usage.reduce((sum, u) => sum + u.cpuMs, 0), rss: Math.max(0, ...usage.map((u) => u.rss)) };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Pages (HTML files) and bytes under a folder. */
async function outputOf(dir: string): Promise<{ pages: number; bytes: number }> {
  let pages = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    if (entry.name.endsWith('.html')) pages++;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return { pages, bytes };
}

interface Step {
  name: string;
  floor?: string;
  /** Prepares a run (not timed): e.g. removes the last run's output. */
  before?: () => Promise<void>;
  run: () => Promise<Sample>;
  /** Inspects the last run's output. */
  after?: () => Promise<Figure['output']>;
}

/**
 * Runs each step `runs` times, the steps in turn (A B C A B C ...), so that a machine that gets busier
 * or quieter during the bench moves a measure and its floor alike.
 */
async function alternate(n: number, runs: number, steps: Step[]): Promise<Figure[]> {
  const samples = steps.map(() => [] as Sample[]);
  const outputs: (Figure['output'] | undefined)[] = steps.map(() => undefined);
  for (let i = 0; i < runs; i++) {
    for (const [k, step] of steps.entries()) {
      await step.before?.();
      const sample = await step.run();
      samples[k]!.push(sample);
      outputs[k] = await step.after?.();
      process.stderr.write(`  ${n.toLocaleString('en-US')} clients, ${step.name}, run ${i + 1}/${runs}: ${fmtMs(sample.ms)}, ${fmtMb(sample.rss)}\n`);
    }
  }
  return steps.map((step, k) => ({
    name: step.name,
    ...(step.floor ? { floor: step.floor } : {}),
    ms: median(samples[k]!.map((s) => s.ms)),
    cpuMs: median(samples[k]!.map((s) => s.cpuMs)),
    runs: samples[k]!.map((s) => Math.round(s.ms)),
    rss: Math.max(...samples[k]!.map((s) => s.rss)),
    ...(outputs[k] ? { output: outputs[k] } : {}),
  }));
}

type Part = 'core' | 'site' | 'dev' | 'browser';

async function benchSize(n: number, options: { runs: number; siteRuns: number; parts: Set<Part> }, work: string): Promise<Figure[]> {
  const dir = path.join(work, `portfolio-${n}`);
  process.stderr.write(`${n.toLocaleString('en-US')} clients: generating ${dir}\n`);
  await generatePortfolio({ count: n, out: dir });
  const node = process.execPath;
  const figures: Figure[] = [];

  if (options.parts.has('core')) {
    figures.push(
      ...(await alternate(n, options.runs, [
        { name: FLOOR_PARSE, run: () => measure(node, ['scripts/bench/floor-parse.mjs', dir]) },
        { name: 'validate', floor: FLOOR_PARSE, run: () => measure(node, [bin, 'validate', '--dir', dir, '--as-of', AS_OF, '--format', 'json']) },
        { name: 'due', floor: FLOOR_PARSE, run: () => measure(node, [bin, 'due', '--dir', dir, '--as-of', AS_OF, '--json']) },
      ])),
    );
  }

  if (options.parts.has('site')) {
    const floorOut = path.join(work, `dist-${n}-floor`);
    const floorCache = path.join(work, `cache-${n}-floor`);
    const siteOut = path.join(work, `dist-${n}`);
    figures.push(
      ...(await alternate(n, options.siteRuns, [
        {
          name: FLOOR_SITE,
          // A cold start every time: no Markdown cached by the last run, no output to clear.
          before: async () => {
            await rm(floorOut, { recursive: true, force: true });
            await rm(floorCache, { recursive: true, force: true });
          },
          run: () =>
            measure(node, [astroBin, 'build', '--root', 'scripts/bench/floor-site', '--silent'], {
              BENCH_DIR: dir,
              BENCH_OUT: floorOut,
              BENCH_CACHE: floorCache,
              BENCH_PAGES_PER_CLIENT: String(PAGES_PER_CLIENT),
            }),
          after: () => outputOf(floorOut),
        },
        {
          name: 'site build',
          floor: FLOOR_SITE,
          before: () => rm(siteOut, { recursive: true, force: true }),
          run: () => measure(node, [bin, 'build', '--dir', dir, '--out', siteOut, '--as-of', AS_OF]),
          after: () => outputOf(siteOut),
        },
      ])),
    );
    await rm(floorOut, { recursive: true, force: true });
    await rm(floorCache, { recursive: true, force: true });
    await rm(siteOut, { recursive: true, force: true });
  }

  if (options.parts.has('dev')) {
    const results: Record<string, number>[] = [];
    for (let i = 0; i < options.runs; i++) {
      results.push(await devRevalidate(dir));
      process.stderr.write(`  ${n.toLocaleString('en-US')} clients, dev: one edit revalidated, run ${i + 1}/${options.runs}: ${results.at(-1)!.medianMs} ms\n`);
    }
    const med = (key: string) => median(results.map((r) => r[key]!));
    figures.push({
      name: 'dev: one edit revalidated',
      ms: med('medianMs'),
      cpuMs: NaN,
      runs: results.map((r) => r.medianMs!),
      rss: 0,
      detail: { p95Ms: med('p95Ms'), maxMs: Math.max(...results.map((r) => r.maxMs!)), startupMs: med('startupMs') },
    });
  }
  if (options.parts.has('browser')) {
    // One build, not timed; then each timed page opened afresh `runs` times (fewer at 10,000:
    // a throttled phone takes a while over a page of that size).
    const siteOut = path.join(work, `dist-${n}-browser`);
    await rm(siteOut, { recursive: true, force: true });
    await measure(node, [bin, 'build', '--dir', dir, '--out', siteOut, '--as-of', AS_OF]);
    const pages = await pageWeights(siteOut);
    const ready = await pageReadyTimes(siteOut, n >= 10_000 ? Math.min(options.runs, 2) : Math.min(options.runs, 3));
    for (const [page, file] of Object.entries(TIMED_PAGES)) {
      const bytes = pages.find((p) => p.file === file)?.bytes ?? 0;
      process.stderr.write(`  ${n.toLocaleString('en-US')} clients, ${page} ready on a phone: ${ready.runs[page]!.map(fmtMs).join(', ')} (${fmtKb(bytes)})\n`);
      const floor = page === FLOOR_PAGE ? {} : { floor: readyName(FLOOR_PAGE) };
      figures.push({ name: readyName(page), ...floor, ms: ready.ms[page]!, cpuMs: NaN, runs: ready.runs[page]!, rss: 0 });
    }
    figures.push({ name: 'largest page', ms: NaN, cpuMs: NaN, runs: [], rss: 0, largest: pages[0]! });
    await rm(siteOut, { recursive: true, force: true });
  }
  return figures;
}

/** Median time from a save to re-printed diagnostics, over 20 saves, on a copy of the portfolio. */
async function devRevalidate(dir: string): Promise<Record<string, number>> {
  const script = path.join(root, 'scripts/bench/dev-revalidate.ts');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, '--dir', dir, '--rounds', '20', '--baseline', '0', '--json'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.on('close', (code) => {
      try {
        if (code !== 0) throw new Error(`dev-revalidate exited ${code}`);
        resolve(JSON.parse(stdout) as Record<string, number>);
      } catch (error) {
        reject(error);
      }
    });
  });
}

const fmtMs = (ms: number) =>
  Number.isNaN(ms) ? '–' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : ms >= 10 ? `${Math.round(ms)} ms` : `${ms.toFixed(1)} ms`;
const fmtKb = (b: number) => `${Math.round(b / 1000).toLocaleString('en-US')} kB`;
const fmtMb = (b: number) =>
  !b ? '' : b < 10 * 2 ** 20 ? `${(b / 2 ** 20).toFixed(1)} MiB` : `${Math.round(b / 2 ** 20).toLocaleString('en-US')} MiB`;

/**
 * The same figures in CPU time (user + system, every thread): on a machine shared with other work,
 * wall time waits for a free core and CPU time does not, so its ratios move less from run to run.
 */
function cpuTable(results: Record<number, Figure[]>): string {
  const sizes = Object.keys(results).map(Number);
  const names = [...new Set(sizes.flatMap((n) => results[n]!.filter((f) => !Number.isNaN(f.cpuMs)).map((f) => f.name)))];
  // The browser part alone has no CPU times of its own.
  if (names.length === 0) return '';
  const head = `| CPU time | ${sizes.map((n) => `${n.toLocaleString('en-US')} clients`).join(' | ')} |`;
  const rule = `|---|${sizes.map(() => '---:').join('|')}|`;
  const rows = names.map((name) => {
    const cells = sizes.map((n) => {
      const f = results[n]!.find((x) => x.name === name);
      if (!f) return '';
      const floor = f.floor ? results[n]!.find((x) => x.name === f.floor) : undefined;
      return `${fmtMs(f.cpuMs)}${floor ? ` **${(f.cpuMs / floor.cpuMs).toFixed(2)}×**` : ''}`;
    });
    return `| ${name} | ${cells.join(' | ')} |`;
  });
  return [head, rule, ...rows].join('\n');
}

function table(results: Record<number, Figure[]>): string {
  const sizes = Object.keys(results).map(Number);
  const names = [...new Set(sizes.flatMap((n) => results[n]!.map((f) => f.name)))];
  const first = sizes[0]!;
  const last = sizes[sizes.length - 1]!;
  const growth = sizes.length > 1;
  const head = `| measure | ${sizes.map((n) => `${n.toLocaleString('en-US')} clients`).join(' | ')} |${growth ? ` growth ${first.toLocaleString('en-US')} → ${last.toLocaleString('en-US')} |` : ''}`;
  const rule = `|---|${sizes.map(() => '---:').join('|')}|${growth ? '---:|' : ''}`;
  const rows = names.map((name) => {
    const cells = sizes.map((n) => {
      const f = results[n]!.find((x) => x.name === name);
      if (!f) return '';
      if (f.largest) return `${fmtKb(f.largest.bytes)} (${f.largest.file})`;
      const floor = f.floor ? results[n]!.find((x) => x.name === f.floor) : undefined;
      const ratio = floor ? ` **${(f.ms / floor.ms).toFixed(2)}×**` : '';
      const mem = f.rss ? `, ${fmtMb(f.rss)}` : '';
      return `${fmtMs(f.ms)}${ratio}${mem}`;
    });
    const a = results[first]!.find((x) => x.name === name);
    const b = results[last]!.find((x) => x.name === name);
    const g = growth && a && b && !Number.isNaN(a.ms) ? ` ×${(b.ms / a.ms).toFixed(1)} |` : growth ? ' |' : '';
    return `| ${name} | ${cells.join(' | ')} |${g}`;
  });
  const pages = sizes
    .flatMap((n) => results[n]!.filter((f) => f.output).map((f) => `${f.name} at ${n.toLocaleString('en-US')}: ${f.output!.pages.toLocaleString('en-US')} pages, ${fmtMb(f.output!.bytes)}`))
    .join('; ');
  return [head, rule, ...rows].join('\n') + (pages ? `\n\nOutput: ${pages}.` : '');
}

/** The issue's targets, each met or missed on this run. */
function targets(results: Record<number, Figure[]>): string {
  const get = (n: number, name: string) => results[n]?.find((f) => f.name === name);
  const lines: string[] = [];
  const check = (ok: boolean, text: string) => lines.push(`- ${ok ? 'met' : '**missed**'}: ${text}`);
  for (const n of Object.keys(results).map(Number)) {
    const v = get(n, 'validate');
    const p = get(n, FLOOR_PARSE);
    if (v && p) check(v.ms <= 1.5 * p.ms, `validate ≤ 1.5× the bare parse at ${n.toLocaleString('en-US')} clients (${(v.ms / p.ms).toFixed(2)}×)`);
    const s = get(n, 'site build');
    const a = get(n, FLOOR_SITE);
    if (s && a) check(s.ms <= 1.5 * a.ms, `site build ≤ 1.5× the bare Astro build at ${n.toLocaleString('en-US')} clients (${(s.ms / a.ms).toFixed(2)}×)`);
  }
  const big = get(10_000, 'site build');
  if (big) check(big.ms < 60_000 && big.rss < 2 * 2 ** 30, `10,000 clients built in under 60 s within 2 GiB (${fmtMs(big.ms)}, ${fmtMb(big.rss)})`);
  for (const page of Object.keys(TIMED_PAGES).filter((p) => p !== FLOOR_PAGE)) {
    const ready = get(1000, readyName(page));
    if (ready) check(ready.ms < 1500, `the ${page} page's main thread free in < 1.5 s at 1,000 clients, ${VIEWPORT.width} px, ${THROTTLE}× CPU throttling (${fmtMs(ready.ms)})`);
  }
  const largest = get(1000, 'largest page')?.largest;
  if (largest) check(largest.bytes <= PAGE_LIMIT_BYTES, `no page over 1 MB at 1,000 clients (largest: ${largest.file}, ${fmtKb(largest.bytes)})`);
  const dev = get(1000, 'dev: one edit revalidated');
  if (dev) check(dev.ms < 200, `one edit revalidated in < 200 ms at 1,000 clients (median ${fmtMs(dev.ms)}, slowest ${fmtMs(dev.detail!.maxMs!)})`);
  return lines.join('\n');
}

function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${os.type()} ${os.release()}`;
}

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000,10000' },
    runs: { type: 'string', default: '5' },
    'site-runs': { type: 'string' },
    only: { type: 'string', default: 'core,site,dev,browser' },
    'update-docs': { type: 'boolean', default: false },
  },
});
const sizes = values.sizes!.split(',').map((s) => Number(s.replace(/[_,]/g, '')));
const runs = Number(values.runs);
const parts = new Set(values.only!.split(',') as Part[]);
if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !(runs >= 1) || [...parts].some((p) => !['core', 'site', 'dev', 'browser'].includes(p))) {
  process.stderr.write('usage: npm run bench [-- --sizes 100,1000,10000 --runs 5 --site-runs 3 --only core,site,dev,browser --update-docs]\n');
  process.exit(2);
}
const work = path.join(os.tmpdir(), 'clientbook-bench');
await mkdir(work, { recursive: true });
// The CLI as `npm install` leaves it: bundled from the sources as they are now (see scripts/bin/bundled.js).
const bundled = await bundleCli();
if (!freshBundle(root)) throw new Error('The CLI bundle was built but is not used: a source changed meanwhile?');
process.stderr.write(`CLI bundled (${(bundled.bytes / 1024).toFixed(0)} KiB)\n`);
const started = performance.now();
const loadBefore = os.loadavg()[0]!;
const results: Record<number, Figure[]> = {};
const siteRunsAt = (n: number) => Number(values['site-runs'] ?? (n >= 10_000 ? Math.min(runs, 3) : runs));
for (const n of sizes) results[n] = await benchSize(n, { runs, siteRuns: siteRunsAt(n), parts }, work);
const minutes = (performance.now() - started) / 60_000;
// Other work on the machine slows every figure: say how busy it was.
const load = `${loadBefore.toFixed(1)} at the start, ${os.loadavg()[0]!.toFixed(1)} at the end`;

const runsNote = sizes.some((n) => siteRunsAt(n) !== runs) ? `${runs} runs (site builds: ${sizes.map((n) => siteRunsAt(n)).join(', ')})` : `${runs} runs`;
const text = [
  table(results),
  '',
  `Medians of ${runsNote}, each measure alternating with its floor. **Bold**: the ratio to the floor on the same files. Memory: peak RSS of the process.`,
  `Machine: ${machine()}; load average ${load}. Bench time: ${minutes.toFixed(1)} min. The CLI runs from its bundle, as after \`npm install\`.`,
  '',
  cpuTable(results),
  '',
  'Targets:',
  '',
  targets(results),
  '',
].join('\n');
process.stdout.write(`\n${text}`);

const stamp = new Date().toISOString();
const json = { date: stamp, machine: machine(), loadAverage: load, asOf: AS_OF, sizes, runs, siteRuns: Object.fromEntries(sizes.map((n) => [n, siteRunsAt(n)])), minutes, results };
const resultsDir = path.join(root, 'bench/results');
await mkdir(resultsDir, { recursive: true });
const body = `${JSON.stringify(json, null, 2)}\n`;
await writeFile(path.join(resultsDir, `${stamp.slice(0, 19).replace(/:/g, '-')}.json`), body);
await writeFile(path.join(resultsDir, 'latest.json'), body);
await writeFile(path.join(resultsDir, 'latest.md'), text);
process.stderr.write(`\nResults: ${path.relative(process.cwd(), path.join(resultsDir, 'latest.json'))}\n`);

if (values['update-docs']) {
  const doc = path.join(root, 'docs/performance.md');
  const current = await readFile(doc, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${doc} has no ${start} … ${end} block to replace.`);
  await writeFile(doc, `${current.slice(0, from + start.length)}\n${text}${current.slice(to)}`);
  process.stderr.write(`Updated ${path.relative(process.cwd(), doc)}\n`);
}
