/**
 * Bundles the CLI (scripts/cli/main.ts, clientbook's core and its libraries) for a fast start: one
 * file instead of 150 modules (see scripts/bin/bundled.js, which decides when it is used and runs
 * it). `npm install` runs it (the `prepare` script); `npm run bundle` runs it by hand.
 *
 *   node scripts/bundle/build.ts [--out DIR] [--packages external]
 */
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BUNDLE_DIR, MANIFEST, MANIFEST_VERSION, PACKED_BUNDLE } from '../bin/bundled.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ENTRY = 'main.js';
const ENTRY_CJS = 'main.cjs';

/** The site's commands run from the sources (bundled.js): what only they load stays out. */
const EXTERNAL = ['astro', 'astro/*', 'vite', 'chokidar', 'workbox-build'];

/**
 * zod exports every language of its messages (`z.locales`, half of its code); clientbook words its
 * own messages and uses none of them, and English is zod's default, which its schemas import
 * themselves. Left out of the bundle, they are not read and compiled at every start.
 */
const englishOnly: import('esbuild').Plugin = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${path.sep}node_modules${path.sep}zod${path.sep}`) ? { path: path.join(path.dirname(args.importer), '../locales/en.js'), namespace: 'zod-locales' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({ contents: `export { default as en } from ${JSON.stringify(args.path)};`, resolveDir: ROOT }));
  },
};

/**
 * `build` and `dev` run Astro from the sources (scripts/bin/bundled.js never gives them the bundle):
 * their modules, with the site's, stay out of it.
 */
const noSiteCommands: import('esbuild').Plugin = {
  name: 'no-site-commands',
  setup(build) {
    build.onResolve({ filter: /^\.\/commands\/(build|dev)\.ts$/ }, (args) => ({ path: args.path, namespace: 'site-command' }));
    build.onLoad({ filter: /.*/, namespace: 'site-command' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`${args.path} is not in the CLI's bundle: build and dev run from the sources`)});`,
    }));
  },
};

export interface BundleResult {
  dir: string;
  entry: string;
  inputs: number;
  bytes: number;
}

/** `node_modules/zod/v4/core/api.js` -> `node_modules/zod/package.json`; a file of ours stays itself. */
export function packageJsonOf(file: string): string {
  const at = file.lastIndexOf('node_modules/');
  if (at < 0) return file;
  const parts = file.slice(at + 'node_modules/'.length).split('/');
  const name = parts[0]!.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1);
  return `${file.slice(0, at)}node_modules/${name.join('/')}/package.json`;
}

/**
 * Two builds.
 *
 * The default is this repository's fast start (scripts/bin/bundled.js): the commands that need no
 * site in one CommonJS file, `main.cjs`, with its libraries. CommonJS because Node can then keep V8's
 * code for it after a run (bundled.js's `runBundle`), lazily compiled functions included, where its
 * ES module cache holds only what is compiled before a module runs: at 100 clients most of
 * `validate`'s time is that compiling (docs/performance.md). The worker that checks files on a
 * second core (scripts/core/validate/check-many.ts) is its own ES module beside it.
 *
 * `packages: 'external'` is the package's build (`npm pack`, into `dist-js/`): an installed
 * clientbook cannot run TypeScript from node_modules, and its libraries are installed beside it, so
 * only clientbook's own code is compiled, as ES modules, every command included; the libraries are
 * the very copies the site's pages use.
 */
export async function bundleCli(outDir = path.join(ROOT, BUNDLE_DIR), { packages = 'bundle' }: { packages?: 'bundle' | 'external' } = {}): Promise<BundleResult> {
  // Loaded here, so that an install without esbuild (without devDependencies) still runs this
  // script to its message instead of failing.
  const { build } = await import('esbuild');
  // The manifest goes last: a bundle without one (a build cut short) is never used.
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const common = { absWorkingDir: ROOT, outdir: outDir, bundle: true, platform: 'node', target: 'node22', metafile: true, logLevel: 'warning' } as const;
  // Libraries written as CommonJS (yaml, commander) `require` Node's modules.
  const esmRequire = { js: "import { createRequire as __clientbookRequire } from 'node:module'; const require = __clientbookRequire(import.meta.url);" };
  const results =
    packages === 'external'
      ? [
          await build({
            ...common,
            entryPoints: { main: 'scripts/cli/main.ts', 'check-worker': 'scripts/core/validate/check-worker.ts' },
            // The commands stay lazy: `validate` loads neither `diff` nor `new`.
            splitting: true,
            format: 'esm',
            packages: 'external',
            banner: esmRequire,
          }),
        ]
      : [
          await build({
            ...common,
            entryPoints: { main: 'scripts/cli/main.ts' },
            outExtension: { '.js': '.cjs' },
            format: 'cjs',
            external: EXTERNAL,
            plugins: [englishOnly, noSiteCommands],
            // Where the module is, for the two modules that ask (the package root, the worker beside it).
            define: { 'import.meta.url': '__clientbookUrl' },
            banner: { js: "var __clientbookUrl = require('node:url').pathToFileURL(__filename).href;" },
          }),
          await build({ ...common, entryPoints: { 'check-worker': 'scripts/core/validate/check-worker.ts' }, format: 'esm', external: EXTERNAL, plugins: [englishOnly], banner: esmRequire }),
        ];
  const inputs: [string, number, number][] = [];
  // A library's files change with its version, so its package.json stands for them all: the check
  // at every start stats some 80 files, not 260.
  const files = new Set(results.flatMap((r) => Object.keys(r.metafile.inputs)).filter((file) => !file.includes(':')).map(packageJsonOf));
  for (const file of [...files].sort()) {
    const stats = await stat(path.join(ROOT, file)).catch(() => undefined);
    if (stats?.isFile()) inputs.push([file, stats.size, stats.mtimeMs]);
  }
  // Under node_modules no package.json of ours says `"type": "module"`: without this one, Node would
  // first try each ES module as CommonJS.
  await writeFile(path.join(outDir, 'package.json'), '{ "type": "module" }\n');
  const bytes = results.flatMap((r) => Object.values(r.metafile.outputs)).reduce((sum, o) => sum + o.bytes, 0);
  const entry = packages === 'external' ? ENTRY : ENTRY_CJS;
  await writeFile(path.join(outDir, MANIFEST), `${JSON.stringify({ version: MANIFEST_VERSION, entry, inputs })}\n`);
  return { dir: outDir, entry: path.join(outDir, entry), inputs: inputs.length, bytes };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { out: { type: 'string' }, packages: { type: 'string' } } });
  try {
    const packages = values.packages === 'external' ? 'external' : 'bundle';
    const r = await bundleCli(values.out ? path.resolve(values.out) : undefined, { packages });
    if (packages === 'external') {
      // The package's fast start (scripts/bin/clientbook.js): the same bundle as this repository's, in
      // dist-js/fast, for the commands without the site.
      const fast = await bundleCli(path.join(r.dir, path.relative('dist-js', path.dirname(PACKED_BUNDLE))));
      process.stdout.write(`clientbook: the package's CLI compiled into ${path.relative(process.cwd(), r.dir) || '.'} (${(r.bytes / 1024).toFixed(0)} KiB), and bundled for a fast start (${(fast.bytes / 1024).toFixed(0)} KiB).\n`);
    } else {
      process.stdout.write(`clientbook: CLI bundled into ${path.relative(process.cwd(), r.dir) || '.'} (${(r.bytes / 1024).toFixed(0)} KiB), used while its ${r.inputs} sources stay as they are.\n`);
    }
  } catch (error) {
    // The CLI runs from the sources without a bundle: an install must not fail for want of one.
    // A package without its JavaScript would not run at all: packing fails.
    if (values.packages === 'external') process.exitCode = 1;
    process.stderr.write(`clientbook: the CLI was not bundled (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); it runs from the sources.\n`);
  }
}
