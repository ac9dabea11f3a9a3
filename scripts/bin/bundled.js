/**
 * The CLI's fast start: the commands that need no site (`validate`, `due`, `new`, `done`, ...) can
 * run from one bundle of clientbook and its libraries (`npm run bundle`, which `npm install` runs),
 * which starts sooner than the 150 modules it is made of, and sooner again with V8's code kept from
 * the command's last run (`runBundle`). The bundle is used only
 * while it matches the sources byte for byte in size and time: edit a file under scripts/, or
 * install other versions of the libraries, and the CLI runs from the sources until the next bundle.
 * Plain JavaScript, read on every start: it must cost nothing.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { Script, constants } from 'node:vm';

/** Where `scripts/bundle/build.ts` writes the bundle, under the package root. */
export const BUNDLE_DIR = path.join('node_modules', '.cache', 'clientbook', 'cli');
export const MANIFEST = 'manifest.json';
export const MANIFEST_VERSION = 1;

/**
 * The bundle's entry module (absolute path) when it is there and was built from the files that are
 * here now; otherwise undefined. `root` is the package root.
 */
export function freshBundle(root) {
  const dir = path.join(root, BUNDLE_DIR);
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(dir, MANIFEST), 'utf8'));
  } catch {
    return undefined;
  }
  if (manifest?.version !== MANIFEST_VERSION || !Array.isArray(manifest.inputs) || typeof manifest.entry !== 'string') return undefined;
  for (const [file, size, mtimeMs] of manifest.inputs) {
    const stats = statSync(path.join(root, file), { throwIfNoEntry: false });
    if (!stats || stats.size !== size || stats.mtimeMs !== mtimeMs) return undefined;
  }
  return path.join(dir, manifest.entry);
}

/**
 * Runs the CLI's bundle (`main.cjs`) with `argv`; resolves to the exit code.
 *
 * V8's code for it is kept beside it, one file per command, as it stands after a run: every function
 * the command compiled on the way, which Node's own compile cache (enabled in clientbook.js) cannot
 * hold, as it keeps only what is compiled before a module runs. At 100 clients that compiling is a
 * third of `validate`'s time (docs/performance.md). V8 checks the code against the source and its
 * own version and flags and rejects what does not fit; the bundle's folder is emptied at every new
 * bundle. A cache that cannot be written is not used, and never fails a command.
 */
export async function runBundle(entry, argv, cacheDir = path.dirname(entry)) {
  const command = argv.find((arg) => COMMANDS.has(arg)) ?? 'help';
  const cacheFile = path.join(cacheDir, `${command}.${process.version}-${process.arch}.v8cache`);
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(Module.wrap(readFileSync(entry, 'utf8')), {
    filename: entry,
    cachedData,
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(entry), module, entry, path.dirname(entry));
  const exitCode = await module.exports.main(argv);
  if (!cachedData || script.cachedDataRejected) saveQuietly(cacheFile, script.createCachedData());
  return exitCode;
}

/** Where `npm pack` puts the same bundle in the package (scripts/bundle/build.ts). */
export const PACKED_BUNDLE = path.join('dist-js', 'fast', 'main.cjs');

/**
 * The packed bundle of an installed clientbook (`packageRoot` under node_modules), and where its V8
 * code is kept: not in the package (an install may be read-only, and is npm's to replace), but in
 * `node_modules/.cache/clientbook/` beside it, in a folder named for this very bundle (its version,
 * size and time), emptied of any other bundle's code when it is first made. Where that cannot be
 * written, nothing is kept and every command compiles as it goes. Undefined without the bundle.
 */
export function installedBundle(packageRoot) {
  const entry = path.join(packageRoot, PACKED_BUNDLE);
  const stats = statSync(entry, { throwIfNoEntry: false });
  if (!stats?.isFile()) return undefined;
  let version = '';
  try {
    version = JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')).version ?? '';
  } catch {
    // Named by size and time alone.
  }
  const parent = path.dirname(packageRoot);
  const holder = path.basename(parent).startsWith('@') ? path.dirname(parent) : parent;
  const codes = path.join(holder, '.cache', 'clientbook', 'cli-code');
  const cacheDir = path.join(codes, `${version}-${stats.size}-${Math.trunc(stats.mtimeMs)}`.replace(/[^\w.-]/g, '_'));
  if (!statSync(cacheDir, { throwIfNoEntry: false })) {
    try {
      // V8 checks a cache against its source by length only: another bundle's code must never be found.
      rmSync(codes, { recursive: true, force: true });
    } catch {
      // Read-only: nothing is kept there either.
    }
  }
  return { entry, cacheDir };
}

/** Commands by name, one code cache each: `help` for any other command line. */
export const COMMANDS = new Set(['validate', 'due', 'diff', 'hooks', 'add', 'done', 'met', 'new', 'note', 'init', 'import']);

/** Writes `bytes` whole (a reader never sees half a file) or not at all. */
function saveQuietly(file, bytes) {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temporary, bytes);
    renameSync(temporary, file);
  } catch {
    try {
      unlinkSync(temporary);
    } catch {
      // Never written.
    }
  }
}

/** Commands that run the Astro site, which loads clientbook from the sources: they run from the sources too. */
export const SITE_COMMANDS = new Set(['build', 'dev']);

/** Whether this command line may run from the bundle. */
export function bundleServes(argv, env = process.env) {
  if (env.CLIENTBOOK_NO_BUNDLE === '1') return false;
  return !argv.some((arg) => SITE_COMMANDS.has(arg));
}
