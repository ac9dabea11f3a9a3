/**
 * Astro's work folder for `build` and `dev` (site-integration/work-dir.ts): outside the clientbook
 * package, private to the run, and resolving libraries exactly as the package does. An installed
 * package laid out in a temporary folder stands in for a book.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { cacheBase, makeWorkDir } from '#site-integration/work-dir';

let book: string;
let pkg: string;

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

beforeEach(async () => {
  book = realpathSync(await mkdtemp(path.join(os.tmpdir(), 'clientbook-work-dir-')));
  pkg = path.join(book, 'node_modules', 'clientbook');
  write(path.join(pkg, 'package.json'), '{ "name": "clientbook" }\n');
  // A library in a version only clientbook uses (the book holds another), and one hoisted beside it.
  write(path.join(pkg, 'node_modules', 'zod', 'index.js'), 'module.exports = 4;\n');
  write(path.join(book, 'node_modules', 'zod', 'index.js'), 'module.exports = 3;\n');
  write(path.join(book, 'node_modules', 'yaml', 'index.js'), 'module.exports = "yaml";\n');
});

afterEach(async () => {
  await rm(book, { recursive: true, force: true });
});

/** What a module in `dir` (Astro's page bundle, say) gets for `name`. */
const resolvedFrom = (dir: string, name: string) => realpathSync(createRequire(path.join(dir, '.astro', '.prerender', 'entry.mjs')).resolve(name));

describe('the work folder of a build', () => {
  test("is in the book's node_modules/.cache/clientbook, and finds the package's own libraries before the book's", async () => {
    expect(cacheBase(pkg)).toBe(path.join(book, 'node_modules', '.cache', 'clientbook'));
    const work = await makeWorkDir('build', pkg);
    expect(path.relative(book, work.dir).split(path.sep).slice(0, 4)).toEqual(['node_modules', '.cache', 'clientbook', readdirSync(cacheBase(pkg))[0]]);
    expect(readdirSync(cacheBase(pkg))).toEqual([expect.stringMatching(new RegExp(`^build-${process.pid}-\\w{6}$`))]);
    expect(resolvedFrom(work.dir, 'zod')).toBe(path.join(pkg, 'node_modules', 'zod', 'index.js'));
    expect(resolvedFrom(work.dir, 'yaml')).toBe(path.join(book, 'node_modules', 'yaml', 'index.js'));
    // Vite's cache outlives the run, beside the work folders.
    expect(work.viteCache).toBe(path.join(cacheBase(pkg), 'vite'));
    // Private to the user.
    const top = path.join(cacheBase(pkg), path.relative(cacheBase(pkg), work.dir).split(path.sep)[0]!);
    expect(statSync(top).mode & 0o077).toBe(0);
    await work.remove();
    expect(readdirSync(cacheBase(pkg))).toEqual([]);
    // Nothing was written into the package.
    expect(readdirSync(pkg).sort()).toEqual(['node_modules', 'package.json']);
  });

  test('is in the temporary folder when the book cannot hold it, and still finds the same libraries', async () => {
    // node_modules/.cache is a file: no folder can be made there.
    writeFileSync(path.join(book, 'node_modules', '.cache'), '');
    const work = await makeWorkDir('dev', pkg);
    try {
      expect(realpathSync(work.dir).startsWith(realpathSync(os.tmpdir()) + path.sep)).toBe(true);
      expect(path.basename(path.dirname(path.dirname(work.dir)))).toMatch(new RegExp(`^clientbook-dev-${process.pid}-`));
      expect(resolvedFrom(work.dir, 'zod')).toBe(path.join(pkg, 'node_modules', 'zod', 'index.js'));
      expect(resolvedFrom(work.dir, 'yaml')).toBe(path.join(book, 'node_modules', 'yaml', 'index.js'));
      expect(lstatSync(path.join(path.dirname(work.dir), 'node_modules')).isSymbolicLink()).toBe(true);
      expect(work.viteCache).toBe(path.join(work.dir, '.astro', 'vite'));
    } finally {
      await work.remove();
    }
    expect(existsSync(work.dir)).toBe(false);
  });

  test("removes the folders of runs that were killed, and leaves a running one's", async () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const base = cacheBase(pkg);
    mkdirSync(path.join(base, `build-${gone}-abcdef`, 'node_modules'), { recursive: true });
    mkdirSync(path.join(base, `build-${process.ppid}-ghijkl`), { recursive: true });
    mkdirSync(path.join(base, 'cli'), { recursive: true });
    const work = await makeWorkDir('build', pkg);
    expect(readdirSync(base).sort()).toEqual([`build-${process.pid}-${path.relative(base, work.dir).split(path.sep)[0]!.slice(-6)}`, `build-${process.ppid}-ghijkl`, 'cli'].sort());
    await work.remove();
  });
});
