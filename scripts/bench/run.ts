/**
 * `npm run bench`: validate, due, the site build and `dev` revalidation at 100, 1,000 and 10,000
 * clients, side by side with their floors on the same files (a bare `yaml` parse; a bare Astro
 * build with the glob loader and one plain page per client). Medians of several runs; peak memory
 * of each process; a table with ratios, and JSON in bench/results/.
 *
 *   npm run bench [-- --sizes 100,1000 --runs 3]
 */
import { spawn } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { generatePortfolio } from './generate.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'scripts/bin/clientbook.js');
const AS_OF = '2026-11-24';

interface Sample {
  ms: number;
  rss: number;
}

/** Runs a command to completion; returns its wall time and the peak RSS of its node processes. */
async function measure(cmd: string, args: string[], env: Record<string, string> = {}): Promise<Sample> {
  const rssFile = path.join(os.tmpdir(), `clientbook-bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const preload = path.join(root, 'scripts/bench/report-rss.mjs');
  const started = performance.now();
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, ...env, CLIENTBOOK_BENCH_RSS: rssFile, NODE_OPTIONS: `--import=${preload}`, NO_COLOR: '1' },
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.on('error', reject);
    child.on('close', (c) => (c === 0 ? resolve(0) : reject(new Error(`${cmd} ${args.join(' ')} exited ${c}\n${stderr.slice(-2000)}`))));
  });
  const ms = performance.now() - started;
  const rss = Math.max(0, ...(await readFile(rssFile, 'utf8').catch(() => '')).split('\n').filter(Boolean).map(Number));
  await rm(rssFile, { force: true });
  return { ms: code === 0 ? ms : NaN, rss };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

interface Figure {
  name: string;
  floor?: string;
  ms: number;
  runs: number[];
  rss: number;
}

async function repeat(runs: number, fn: () => Promise<Sample>): Promise<{ ms: number; runs: number[]; rss: number }> {
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i++) samples.push(await fn());
  return { ms: median(samples.map((s) => s.ms)), runs: samples.map((s) => Math.round(s.ms)), rss: Math.max(...samples.map((s) => s.rss)) };
}

async function benchSize(n: number, runs: number, work: string): Promise<Figure[]> {
  const dir = path.join(work, `portfolio-${n}`);
  await generatePortfolio({ count: n, out: dir });
  const out = path.join(work, `dist-${n}`);
  const node = process.execPath;
  const figures: Figure[] = [];
  const add = async (name: string, fn: () => Promise<Sample>, floor?: string, times = runs) => {
    process.stderr.write(`  ${n} ${name}…`);
    const r = await repeat(times, fn);
    process.stderr.write(` ${Math.round(r.ms)} ms\n`);
    figures.push({ name, ...(floor ? { floor } : {}), ...r });
  };
  await add('yaml parse (floor)', () => measure(node, ['scripts/bench/floor-parse.ts', dir]));
  await add('validate', () => measure(node, [bin, 'validate', '--dir', dir, '--as-of', AS_OF, '--format', 'json']), 'yaml parse (floor)');
  await add('due', () => measure(node, [bin, 'due', '--dir', dir, '--as-of', AS_OF, '--json']), 'yaml parse (floor)');
  const siteRuns = n >= 10_000 ? Math.min(runs, 3) : runs;
  await add(
    'astro build (floor)',
    () => measure(node, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', 'scripts/bench/floor-site', '--silent'], { BENCH_DIR: dir, BENCH_OUT: `${out}-floor` }),
    undefined,
    siteRuns,
  );
  await add('site build', () => measure(node, [bin, 'build', '--dir', dir, '--out', out, '--as-of', AS_OF]), 'astro build (floor)', siteRuns);
  const devBench = path.join(root, 'scripts/bench/dev-revalidate.ts');
  if (await readFile(devBench).then(() => true, () => false)) {
    // The dev benchmark prints the median time from save to re-printed diagnostics, in ms.
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) samples.push(await devRevalidate(devBench, dir));
    figures.push({ name: 'dev: one edit revalidated', ms: median(samples), runs: samples.map(Math.round), rss: 0 });
    process.stderr.write(`  ${n} dev revalidation ${median(samples).toFixed(1)} ms\n`);
  }
  return figures;
}

async function devRevalidate(script: string, dir: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, '--dir', dir, '--json'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.on('close', (code) => {
      try {
        if (code !== 0) throw new Error(`dev-revalidate exited ${code}`);
        resolve((JSON.parse(stdout) as { medianMs: number }).medianMs);
      } catch (error) {
        reject(error);
      }
    });
  });
}

const fmtMs = (ms: number) => (Number.isNaN(ms) ? 'failed' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
const fmtMb = (b: number) => (b ? `${Math.round(b / 2 ** 20)} MiB` : '');

function table(results: Record<number, Figure[]>): string {
  const sizes = Object.keys(results).map(Number);
  const names = results[sizes[0]!]!.map((f) => f.name);
  const head = `| measure | ${sizes.map((n) => `${n.toLocaleString('en-US')} clients`).join(' | ')} |`;
  const rule = `|---|${sizes.map(() => '---').join('|')}|`;
  const rows = names.map((name) => {
    const cells = sizes.map((n) => {
      const f = results[n]!.find((x) => x.name === name);
      if (!f) return '';
      const floor = f.floor ? results[n]!.find((x) => x.name === f.floor) : undefined;
      const ratio = floor ? ` (${(f.ms / floor.ms).toFixed(2)}×)` : '';
      const mem = f.rss ? `, ${fmtMb(f.rss)}` : '';
      return `${fmtMs(f.ms)}${ratio}${mem}`;
    });
    return `| ${name} | ${cells.join(' | ')} |`;
  });
  return [head, rule, ...rows].join('\n');
}

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '100,1000,10000' }, runs: { type: 'string', default: '5' } } });
const sizes = values.sizes!.split(',').map(Number);
const runs = Number(values.runs);
const work = path.join(os.tmpdir(), 'clientbook-bench');
await mkdir(work, { recursive: true });
const results: Record<number, Figure[]> = {};
for (const n of sizes) results[n] = await benchSize(n, runs, work);
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${process.version}, ${os.platform()} ${os.release()}`;
const text = `${table(results)}\n\nMedians of ${runs} runs (site builds at 10,000 clients: ${Math.min(runs, 3)}); ratios against the floor on the same files; memory is the peak RSS of the process.\nMachine: ${machine}\n`;
process.stdout.write(`\n${text}`);
await mkdir(path.join(root, 'bench/results'), { recursive: true });
const json = { date: new Date().toISOString(), machine, runs, results };
await writeFile(path.join(root, 'bench/results/latest.json'), `${JSON.stringify(json, null, 2)}\n`);
await writeFile(path.join(root, 'bench/results/latest.md'), text);
