/**
 * The CLI's bundle (scripts/bundle/build.ts) and when the executable uses it (scripts/bin/bundled.js):
 * it must do exactly what the sources do, and never run once the sources have changed.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_DIR, bundleServes, COMMANDS, freshBundle, installedBundle, MANIFEST, PACKED_BUNDLE, SITE_COMMANDS } from '../../scripts/bin/bundled.js';
import { createProgram } from '#cli/program';
import { bundleCli, packageJsonOf, type BundleResult } from '../../scripts/bundle/build.ts';
import { client, tempPortfolios } from '../helpers/portfolio.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'scripts/bin/clientbook.js');
const portfolio = tempPortfolios();

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(args: string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, args, { cwd, env: { ...process.env, NO_COLOR: '1', ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as Run;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('the bundle', () => {
  let out: string;
  let bundle: BundleResult;
  beforeAll(async () => {
    // Inside the package, as the real one is: the bundle finds the package above itself.
    await mkdir(path.join(ROOT, 'node_modules/.cache/clientbook'), { recursive: true });
    out = await mkdtemp(path.join(ROOT, 'node_modules/.cache/clientbook/test-'));
    bundle = await bundleCli(out);
  }, 60_000);
  afterAll(() => rm(out, { recursive: true, force: true }));

  /** The CLI from the bundle just built, as the executable runs it, as a process. */
  const fromBundle = (args: string[], cwd: string) =>
    run(['--input-type=module', '-e', `const { runBundle } = await import(${JSON.stringify(pathToFileURL(path.join(ROOT, 'scripts/bin/bundled.js')).href)}); process.exitCode = await runBundle(${JSON.stringify(bundle.entry)}, ${JSON.stringify(args)});`], cwd);
  /** The CLI from the sources. */
  const fromSources = (args: string[], cwd: string) => run([BIN, ...args], cwd, { CLIENTBOOK_NO_BUNDLE: '1' });

  it('lists what it was built from: our sources one by one, each library by its package.json', async () => {
    const manifest = JSON.parse(await readFile(path.join(out, MANIFEST), 'utf8')) as { entry: string; inputs: [string, number, number][] };
    const files = manifest.inputs.map(([file]) => file);
    expect(files).toContain('scripts/cli/main.ts');
    expect(files).toContain('scripts/core/validate/rules.ts');
    expect(files).toContain('node_modules/zod/package.json');
    expect(files).toContain('node_modules/yaml/package.json');
    expect(files.filter((f) => f.startsWith('node_modules/') && !f.endsWith('/package.json'))).toEqual([]);
    // The site's libraries stay out: `build` and `dev` run from the sources.
    expect(files.some((f) => f.startsWith('node_modules/astro/'))).toBe(false);
    expect(manifest.entry).toBe('main.cjs');
  });

  it("keeps V8's code for each command after its first run, and runs the same with it, without it, or with a broken one", async () => {
    const cwd = await portfolio({ 'clients/acme.md': client('type: vip'), 'clients/bolt.md': client('name: Bolt') });
    const cache = path.join(out, `validate.${process.version}-${process.arch}.v8cache`);
    await rm(cache, { force: true });
    const sources = await fromSources(['validate', '--as-of', '2026-12-01'], cwd);
    expect(sources.stdout).toContain('clients/acme.md:2:7: error: `type: vip` is not a valid type.');
    expect(await fromBundle(['validate', '--as-of', '2026-12-01'], cwd)).toEqual(sources);
    const kept = await readFile(cache);
    expect(kept.length).toBeGreaterThan(100_000);
    // Used as it is: not written again.
    expect(await fromBundle(['validate', '--as-of', '2026-12-01'], cwd)).toEqual(sources);
    expect((await readFile(cache)).equals(kept)).toBe(true);
    // A cache V8 rejects (damaged, or from another bundle) changes nothing the user sees and is replaced.
    await writeFile(cache, kept.subarray(0, 5000));
    expect(await fromBundle(['validate', '--as-of', '2026-12-01'], cwd)).toEqual(sources);
    expect((await readFile(cache)).length).toBeGreaterThan(100_000);
    // Each command has its own.
    expect(await fromBundle(['due', '--as-of', '2026-12-01', '--dir', 'clients'], cwd)).toEqual(await fromSources(['due', '--as-of', '2026-12-01', '--dir', 'clients'], cwd));
    expect((await readFile(path.join(out, `due.${process.version}-${process.arch}.v8cache`))).length).toBeGreaterThan(100_000);
  });

  it('leaves the site and every language of zod but English out', async () => {
    const text = await readFile(bundle.entry, 'utf8');
    expect(text).not.toMatch(/node_modules\/astro\//);
    expect(text).toContain('// node_modules/zod/v4/locales/en.js');
    expect(text).not.toContain('// node_modules/zod/v4/locales/de.js');
  });

  it('reports a broken portfolio exactly as the sources do, exit code and all', async () => {
    const cwd = await portfolio({
      'clients/acme.md': client('type: vip'),
      'clients/bolt.md': client('name: Bolt\nreferred_by: nobody'),
    });
    const sources = await fromSources(['validate', '--as-of', '2026-12-01'], cwd);
    expect(sources.code).toBe(1);
    expect(sources.stdout).toMatch(/^clients\/acme\.md:2:7: error: `type: vip` is not a valid type\./);
    expect(await fromBundle(['validate', '--as-of', '2026-12-01'], cwd)).toEqual(sources);
  });

  it('prints the same agenda as the sources', async () => {
    const cwd = await portfolio({ 'clients/acme.md': client(), 'clients/bolt.md': client('name: Bolt\nactions:\n  - title: Renew the firewall licence\n    due: 2026-11-20') });
    const sources = await fromSources(['due', '--json', '--as-of', '2026-12-01'], cwd);
    expect(JSON.parse(sources.stdout).items).toHaveLength(4);
    expect(await fromBundle(['due', '--json', '--as-of', '2026-12-01'], cwd)).toEqual(sources);
  });

  it('finds the templates beside the package, not beside the bundle', async () => {
    const [one, two] = [await portfolio({ 'clients/acme.md': client() }), await portfolio({ 'clients/acme.md': client() })];
    const sources = await fromSources(['new', 'Hank’s Hardware'], one);
    expect(sources).toMatchObject({ code: 0, stderr: expect.stringMatching(/^Created clients\/hanks-hardware\.md for Hank’s Hardware\./) });
    expect(await fromBundle(['new', 'Hank’s Hardware'], two)).toEqual(sources);
    const written = await readFile(path.join(two, 'clients/hanks-hardware.md'), 'utf8');
    expect(written).toBe(await readFile(path.join(one, 'clients/hanks-hardware.md'), 'utf8'));
    // The built-in template's words, read from templates/ in the package.
    const line = 'Who called, how they found us, what they asked for and what we promised.';
    expect(await readFile(path.join(ROOT, 'templates/client.md'), 'utf8')).toContain(line);
    expect(written).toContain(line);
  });
});

describe('when the executable uses the bundle', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'clientbook-fresh-'));
    await mkdir(path.join(root, 'scripts'), { recursive: true });
    await mkdir(path.join(root, BUNDLE_DIR), { recursive: true });
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  /** A source file and a manifest that lists it as it is now. */
  async function setUp(manifest: Record<string, unknown> = {}) {
    const source = path.join(root, 'scripts/a.ts');
    await writeFile(source, 'export const a = 1;\n');
    const when = new Date('2026-11-01T10:00:00Z');
    await utimes(source, when, when);
    const inputs = [['scripts/a.ts', 20, when.getTime()]];
    await writeFile(path.join(root, BUNDLE_DIR, MANIFEST), JSON.stringify({ version: 1, entry: 'main.js', inputs, ...manifest }));
    return source;
  }

  it('while every source is as the manifest says', async () => {
    await setUp();
    expect(freshBundle(root)).toBe(path.join(root, BUNDLE_DIR, 'main.js'));
  });

  it('not once a source was saved again, even with the same bytes', async () => {
    const source = await setUp();
    const later = new Date('2026-11-02T10:00:00Z');
    await utimes(source, later, later);
    expect(freshBundle(root)).toBeUndefined();
  });

  it('not once a source changed size, or is gone', async () => {
    const source = await setUp();
    await writeFile(source, 'export const a = 22;\n');
    expect(freshBundle(root)).toBeUndefined();
    await rm(source);
    expect(freshBundle(root)).toBeUndefined();
  });

  it('not without a manifest it understands', async () => {
    await setUp({ version: 99 });
    expect(freshBundle(root)).toBeUndefined();
    await writeFile(path.join(root, BUNDLE_DIR, MANIFEST), '{"version": 1, "entry": "main.js", "inpu');
    expect(freshBundle(root)).toBeUndefined();
    await rm(path.join(root, BUNDLE_DIR, MANIFEST));
    expect(freshBundle(root)).toBeUndefined();
  });

  it('knows every command of the CLI, as one that runs from the bundle or one of the site', () => {
    const program = createProgram({ cwd: root, env: {}, stdout: () => {}, stderr: () => {}, color: false }, { exitCode: 0 });
    const names = program.commands.map((c) => c.name()).sort();
    expect([...COMMANDS, ...SITE_COMMANDS].sort()).toEqual(names);
  });

  it('not for the commands that build the site, nor when told not to', () => {
    expect(bundleServes(['validate'], {})).toBe(true);
    expect(bundleServes(['due', '--json'], {})).toBe(true);
    expect(bundleServes(['build'], {})).toBe(false);
    expect(bundleServes(['--dir', 'clients', 'dev'], {})).toBe(false);
    expect(bundleServes(['validate'], { CLIENTBOOK_NO_BUNDLE: '1' })).toBe(false);
  });

  it('a library stands for its files by its package.json', () => {
    expect(packageJsonOf('node_modules/zod/v4/core/api.js')).toBe('node_modules/zod/package.json');
    expect(packageJsonOf('node_modules/@scope/lib/dist/index.js')).toBe('node_modules/@scope/lib/package.json');
    expect(packageJsonOf('node_modules/a/node_modules/b/x.js')).toBe('node_modules/a/node_modules/b/package.json');
    expect(packageJsonOf('scripts/core/dates.ts')).toBe('scripts/core/dates.ts');
  });
});

describe('the bundle of an installed clientbook', () => {
  let book: string;
  beforeAll(async () => {
    book = await mkdtemp(path.join(os.tmpdir(), 'clientbook-installed-'));
  });
  afterAll(() => rm(book, { recursive: true, force: true }));

  async function install(version: string, bundleText: string): Promise<string> {
    const pkg = path.join(book, 'node_modules', 'clientbook');
    await mkdir(path.join(pkg, 'dist-js', 'fast'), { recursive: true });
    await writeFile(path.join(pkg, 'package.json'), JSON.stringify({ name: 'clientbook', version }));
    await writeFile(path.join(pkg, PACKED_BUNDLE), bundleText);
    const when = new Date('1985-10-26T08:15:00Z');
    await utimes(path.join(pkg, PACKED_BUNDLE), when, when);
    return pkg;
  }

  it("keeps V8's code in the book's node_modules/.cache, in a folder of this very bundle, never in the package", async () => {
    const pkg = await install('1.2.0', 'module.exports = {};\n');
    const found = installedBundle(pkg)!;
    expect(found.entry).toBe(path.join(pkg, 'dist-js', 'fast', 'main.cjs'));
    expect(found.cacheDir).toBe(path.join(book, 'node_modules', '.cache', 'clientbook', 'cli-code', `1.2.0-21-${Date.parse('1985-10-26T08:15:00Z')}`));
  });

  it("forgets another bundle's code when a new one is installed: V8 would take code of the same length as its own", async () => {
    const codes = path.join(book, 'node_modules', '.cache', 'clientbook', 'cli-code');
    const pkg = await install('1.2.0', 'module.exports = {};\n');
    await mkdir(installedBundle(pkg)!.cacheDir, { recursive: true });
    await writeFile(path.join(installedBundle(pkg)!.cacheDir, 'validate.v8cache'), 'code');
    // The same bundle again: its code stays.
    expect(await readdir(path.join(installedBundle(pkg)!.cacheDir))).toEqual(['validate.v8cache']);
    const upgraded = await install('1.3.0', 'module.exports = {};\n');
    const next = installedBundle(upgraded)!;
    expect(path.basename(next.cacheDir)).toMatch(/^1\.3\.0-21-/);
    expect(await readdir(codes).catch(() => [])).toEqual([]);
  });

  it('is not there in a package without it (packed before it existed): the ES modules run', async () => {
    const pkg = path.join(book, 'old', 'node_modules', 'clientbook');
    await mkdir(pkg, { recursive: true });
    expect(installedBundle(pkg)).toBeUndefined();
  });
});
