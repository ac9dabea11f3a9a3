/**
 * The slow one (a minute or two, offline): clientbook as a user gets it. `npm pack`, a new book made
 * by `clientbook init`, the tarball installed into it (with the Node 24 it depends on) from npm's
 * cache, then `validate`, `due` and `build` run there, from node_modules, as JavaScript.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
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
  for (const key of Object.keys(env)) if (/^(npm_|VITEST)/i.test(key) || key === 'CLIENTBOOK_NO_BUNDLE' || key === 'INIT_CWD') delete env[key];
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
/** Every file of the installed package, with its size and time, as installed. */
let installed: string;

/** `node_modules/clientbook`'s files, sizes and times, and whatever else is in it. */
function packageState(): string {
  const dir = path.join(book, 'node_modules', 'clientbook');
  return readdirSync(dir, { recursive: true })
    .map(String)
    .sort()
    .map((f) => {
      const stats = statSync(path.join(dir, f));
      return `${f} ${stats.isDirectory() ? 'dir' : stats.size} ${stats.mtimeMs}`;
    })
    .join('\n');
}

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
  // A folder name with a space and a letter beyond ASCII, as a consultant may well choose.
  await ok(process.execPath, [path.join(ROOT, 'scripts/bin/clientbook.js'), 'init', 'Client böok', '--yes', '--time-zone', 'America/Whitehorse', '--currency', 'CAD', '--locale', 'en-CA'], tmp);
  book = path.join(tmp, 'Client böok');
  await ok('npm', ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund'], book);
  installed = packageState();
}, 600_000);

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('the packed clientbook', () => {
  test('ships the compiled CLI, the site, the templates and the licence; not the tests, the sample or the benchmarks', () => {
    for (const file of ['LICENSE', 'README.md', 'package.json', 'dist-js/main.js', 'dist-js/check-worker.js', 'dist-js/fast/main.cjs', 'dist-js/fast/check-worker.js', 'scripts/bin/node-check.js', 'scripts/bin/clientbook.js', 'site/layouts/Base.astro', 'site/pages/index.astro', 'templates/book/gitignore', 'templates/github-workflow.yml', 'templates/pre-commit', 'docs/format.md'])
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
    // From the packed bundle, with V8's code kept in the book's cache after the first run (not in the
    // package); the ES modules give the same.
    const codes = path.join(book, 'node_modules', '.cache', 'clientbook', 'cli-code');
    // (`--version` above ran as `help`.)
    expect(readdirSync(codes, { recursive: true }).map(String).sort()).toEqual([
      expect.stringMatching(/^[\d.]+-\d+-\d+$/),
      expect.stringMatching(/^[\d.]+-\d+-\d+\/help\.v24\.\d+\.\d+-\w+\.v8cache$/),
      expect.stringMatching(/^[\d.]+-\d+-\d+\/validate\.v24\.\d+\.\d+-\w+\.v8cache$/),
    ]);
    expect(await sh('npx', ['clientbook', 'validate'], book)).toEqual({ code: 0, stdout: '1 file checked: no problems.\n', stderr: '' });
    const esm = await promisify(execFile)('npx', ['clientbook', 'validate'], { cwd: book, env: { ...userEnv(), CLIENTBOOK_NO_BUNDLE: '1' } });
    expect(esm).toEqual({ stdout: '1 file checked: no problems.\n', stderr: '' });
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

  test('`npm run dev` serves the site from the installed package, its scripts included; Ctrl-C stops it and leaves nothing behind', async () => {
    const port = await freePort();
    // Its own process group, as in a terminal, where Ctrl-C reaches npm and the clientbook it runs.
    const child = spawn('npm', ['run', '--silent', 'dev', '--', '--port', String(port)], { cwd: book, env: userEnv(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          const m = /The site is at (http:\/\/\S+)/.exec(output);
          if (m) resolve(m[1]!);
        };
        child.stdout!.on('data', onData);
        child.stderr!.on('data', onData);
        void exited.then((code) => reject(new Error(`dev exited with ${code}:\n${output}`)));
      });
      const page = await fetch(new URL('/clients/', url));
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('Example Dental Clinic');
      // The page's own script, from the package's site/ folder, and nothing else of the package.
      const script = /<script type="module" src="(\/@fs\/[^"]*\/components\/PageScript\.astro\?[^"]+)"/.exec(html)?.[1];
      expect(script, html).toBeDefined();
      expect(decodeURI(script!).startsWith(`/@fs${path.join(book, 'node_modules', 'clientbook', 'site')}/`)).toBe(true);
      expect((await fetch(new URL(script!, url))).status).toBe(200);
      expect((await fetch(new URL(`/@fs${path.join(book, 'node_modules', 'clientbook', 'package.json')}`, url))).status).toBe(404);
      expect((await fetch(new URL('/clients/example-dental-clinic.md', url))).status).toBe(404);
      expect(readdirSync(path.join(book, 'node_modules', '.cache', 'clientbook')).filter((f) => f.startsWith('dev-'))).toHaveLength(1);
    } finally {
      process.kill(-child.pid!, 'SIGINT');
    }
    // npm ends itself by the same signal; clientbook, its child, says 130 and removes its work folder.
    expect(await exited).toBe('SIGINT');
    const left = () => readdirSync(path.join(book, 'node_modules', '.cache', 'clientbook')).filter((f) => f.startsWith('dev-'));
    for (let i = 0; i < 50 && left().length > 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(left()).toEqual([]);
  }, 120_000);

  test('nothing the book ran wrote into the installed package', () => {
    expect(packageState()).toBe(installed);
    expect(existsSync(path.join(book, '.astro'))).toBe(false);
  });

  test('a read-only install builds: Astro works in the temporary folder, not in node_modules', async () => {
    const modules = path.join(book, 'node_modules');
    const out = path.join(tmp, 'read-only-site');
    const home = path.join(tmp, 'read-only-home');
    await mkdir(out);
    await mkdir(home);
    await rm(path.join(modules, '.cache'), { recursive: true, force: true });
    // Root writes anywhere: the build then runs as nobody, with the book and its node_modules theirs to read only.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) for (const dir of [out, home]) await chown(dir, 65534, 65534);
    // (mkdtemp made the test's folder for its owner only.)
    if (asRoot) await chmod(tmp, 0o755);
    await ok('chmod', ['-R', 'a-w', modules], book);
    try {
      const argv = [path.join(modules, '.bin', 'node'), path.join(modules, 'clientbook', 'scripts', 'bin', 'clientbook.js'), 'build', '--out', out];
      const [command, ...args] = asRoot ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--', ...argv] : argv;
      const env = { ...userEnv(), HOME: home };
      const result = await promisify(execFile)(command!, args, { cwd: book, env }).then(
        (r) => ({ code: 0, ...r }),
        (e: Run) => e,
      );
      expect(result.stderr).toBe('');
      // validate too, from the bundle, with nowhere to keep its code.
      const validated = await promisify(execFile)(command!, [...args.slice(0, -3), 'validate'], { cwd: book, env });
      expect(validated).toEqual({ stdout: '1 file checked: no problems.\n', stderr: '' });
      expect(result.stdout).toMatch(/^Built the site for \d{4}-\d{2}-\d{2} from 1 client in [\d.]+ s: \.\.\/read-only-site\/index\.html\n/);
      expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('Send the quote for the new front-desk PCs');
      expect(packageState()).toBe(installed);
      expect(existsSync(path.join(modules, '.cache'))).toBe(false);
    } finally {
      await ok('chmod', ['-R', 'u+w', modules], book);
    }
  }, 180_000);
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function withFiles(files: Record<string, string>): Promise<string> {
  const { mkdir, writeFile } = await import('node:fs/promises');
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(book, rel)), { recursive: true });
    await writeFile(path.join(book, rel), text);
  }
  return book;
}
