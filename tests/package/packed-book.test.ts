/**
 * The slow one (a minute or two, offline): clientbook as a user gets it. `npm pack`, a new book made
 * by `clientbook init`, the tarball installed into it (with the Node 24 it depends on) from npm's
 * cache, then `validate`, `due` and `build` run there, from node_modules, as JavaScript.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { gitEnv } from '../helpers/git-repo.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

/** The environment of a user's shell: none of the npm variables of the `npm test` that runs this. */
function userEnv(): NodeJS.ProcessEnv {
  const env = gitEnv({ NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1' });
  for (const key of Object.keys(env)) if (/^npm_/i.test(key) || key === 'CLIENTBOOK_NO_BUNDLE' || key === 'INIT_CWD') delete env[key];
  return env;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function sh(command: string, args: string[], cwd: string): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(command, args, { cwd, env: userEnv(), maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as Run & { code: number | string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? String(error) };
  }
}

async function ok(command: string, args: string[], cwd: string): Promise<Run> {
  const result = await sh(command, args, cwd);
  if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.code}:\n${result.stdout}\n${result.stderr}`);
  return result;
}

let tmp: string;
let tarball: string;
let packed: string[];
let book: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'clientbook-pack-'));
  // The package's own prepack, then the pack itself without `prepare` (which would rebuild this
  // repository's CLI bundle under the feet of the tests running beside this one), then postpack.
  await ok('npm', ['run', '--silent', 'prepack'], ROOT);
  try {
    const { stdout } = await ok('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], ROOT);
    const [info] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
    tarball = path.join(tmp, info!.filename);
    packed = info!.files.map((f) => f.path).sort();
  } finally {
    await ok('npm', ['run', '--silent', 'postpack'], ROOT);
  }
  // A new book, made by this repository's clientbook as `npx clientbook init` would.
  await ok(process.execPath, [path.join(ROOT, 'scripts/bin/clientbook.js'), 'init', 'book', '--yes', '--time-zone', 'America/Whitehorse', '--currency', 'CAD', '--locale', 'en-CA'], tmp);
  book = path.join(tmp, 'book');
  await ok('npm', ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund'], book);
}, 600_000);

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('the packed clientbook', () => {
  test('ships the compiled CLI, the site, the templates and the licence; not the tests, the sample or the benchmarks', () => {
    for (const file of ['LICENSE', 'README.md', 'package.json', 'dist-js/main.js', 'dist-js/check-worker.js', 'scripts/bin/clientbook.js', 'site/layouts/Base.astro', 'site/pages/index.astro', 'templates/book/gitignore', 'templates/github-workflow.yml', 'templates/pre-commit', 'docs/format.md'])
      expect(packed).toContain(file);
    for (const prefix of ['tests/', 'clients/', 'scripts/bench/', 'scripts/bundle/', '.ci/', 'node_modules/'])
      expect(packed.filter((f) => f.startsWith(prefix)), prefix).toEqual([]);
    expect(existsSync(path.join(ROOT, 'dist-js'))).toBe(false);
  });

  test('installed into a book with the Node it depends on, it validates and reports as JavaScript from node_modules', async () => {
    expect(JSON.parse(readFileSync(path.join(book, 'package.json'), 'utf8')).dependencies.clientbook).toMatch(/^file:.*clientbook-\d+\.\d+\.\d+\.tgz$/);
    expect((await ok('npx', ['node', '--version'], book)).stdout).toMatch(/^v24\./);
    expect((await ok('npx', ['clientbook', '--version'], book)).stdout).toBe(`${pkg.version}\n`);
    expect(await sh('npx', ['clientbook', 'validate'], book)).toEqual({ code: 0, stdout: '1 file checked: no problems.\n', stderr: '' });
    const due = JSON.parse((await ok('npx', ['clientbook', 'due', '--json'], book)).stdout) as { items: { client: string; kind: string }[] };
    expect(due.items.map((i) => `${i.client} ${i.kind}`)).toEqual(['example-dental-clinic action', 'example-dental-clinic action']);
    // The daily edits of the book's README, from the installed package.
    expect(await sh('npx', ['clientbook', 'add', 'example', 'Call Ann about the backup', '--due', '2030-01-15'], book)).toMatchObject({ code: 0, stderr: '' });
    expect(await sh('npx', ['clientbook', 'done', 'example', 'Call Ann'], book)).toMatchObject({ code: 0, stderr: '' });
    expect(await sh('npx', ['clientbook', 'note', 'example', 'Replaced the router.'], book)).toMatchObject({ code: 0, stderr: '' });
    const example = readFileSync(path.join(book, 'clients/example-dental-clinic.md'), 'utf8');
    expect(example).toMatch(/\n {2}- title: Call Ann about the backup\n {4}due: 2030-01-15\n {4}done: \d{4}-\d{2}-\d{2}\n/);
    expect(example).toMatch(/\n## \d{4}-\d{2}-\d{2} Replaced the router\n/);
    expect(await sh('npx', ['clientbook', 'validate'], book)).toMatchObject({ code: 0, stdout: '1 file checked: no problems.\n' });
    // A book in a newer format than this clientbook: one error, with the upgrade to make.
    const newer = await sh('npx', ['clientbook', 'validate', '--dir', 'newer'], await withFiles({ 'newer/clientbook.yaml': 'format: 9.0\n' }));
    expect(newer.code).toBe(1);
    expect(newer.stdout).toContain('newer/clientbook.yaml:1:9: error: This book is written in format 9.0');
  }, 180_000);

  test('`npm run build` builds the site from the book into dist/ beside it; another portfolio with --dir and --out', async () => {
    const built = await ok('npm', ['run', '--silent', 'build'], book);
    expect(built.stdout).toMatch(/^Built the site for \d{4}-\d{2}-\d{2} from 1 client in [\d.]+ s: dist\/index\.html\n/);
    const home = readFileSync(path.join(book, 'dist/index.html'), 'utf8');
    expect(home).toContain('Send the quote for the new front-desk PCs');
    expect(existsSync(path.join(book, 'dist/clients/example-dental-clinic/index.html'))).toBe(true);
    // No URL in a page has a raw space (the favicon's data: URI had some: an HTML error).
    const pages = readdirSync(path.join(book, 'dist'), { recursive: true }).map(String).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(3);
    for (const page of pages) {
      const html = readFileSync(path.join(book, 'dist', page), 'utf8');
      for (const [, url] of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) expect(url, page).not.toMatch(/\s/);
    }

    const elsewhere = path.join(tmp, 'elsewhere');
    await ok('npx', ['clientbook', 'init', elsewhere, '--empty', '--no-git', '--yes'], book);
    const other = await ok('npx', ['clientbook', 'build', '--dir', path.join(elsewhere, 'clients'), '--out', path.join(elsewhere, 'site')], book);
    expect(other.stdout).toMatch(/from 0 clients/);
    expect(existsSync(path.join(elsewhere, 'site/index.html'))).toBe(true);
  }, 300_000);
});

async function withFiles(files: Record<string, string>): Promise<string> {
  const { mkdir, writeFile } = await import('node:fs/promises');
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(book, rel)), { recursive: true });
    await writeFile(path.join(book, rel), text);
  }
  return book;
}
