/**
 * The CLI's fast start: the commands that need no site (`validate`, `due`, `new`, `done`, ...) can
 * run from one bundle of clientbook and its libraries (`npm run bundle`, which `npm install` runs),
 * which starts sooner than the 150 modules it is made of, and sooner again with V8's code kept from
 * the command's last run (`runBundle`). The bundle is used only
 * while it matches the sources byte for byte in size and time: edit a file under scripts/, or
 * install other versions of the libraries, and the CLI runs from the sources until the next bundle.
 * Plain JavaScript, read on every start: it must cost nothing.
 */
import { readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
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
export async function runBundle(entry, argv) {
  const command = argv.find((arg) => COMMANDS.has(arg)) ?? 'help';
  const cacheFile = path.join(path.dirname(entry), `${command}.${process.version}-${process.arch}.v8cache`);
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

/** Commands by name, one code cache each: `help` for any other command line. */
const COMMANDS = new Set(['validate', 'due', 'diff', 'hooks', 'add', 'done', 'met', 'new', 'note', 'init', 'import']);

/** Writes `bytes` whole (a reader never sees half a file) or not at all. */
function saveQuietly(file, bytes) {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
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
const SITE_COMMANDS = new Set(['build', 'dev']);

/** Whether this command line may run from the bundle. */
export function bundleServes(argv, env = process.env) {
  if (env.CLIENTBOOK_NO_BUNDLE === '1') return false;
  return !argv.some((arg) => SITE_COMMANDS.has(arg));
}
