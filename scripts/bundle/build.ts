/**
 * Bundles the CLI (scripts/cli/main.ts, clientbook's core and its libraries) for a fast start: one
 * file per command instead of 150 modules (see scripts/bin/bundled.js, which decides when it is
 * used). `npm install` runs it (the `prepare` script); `npm run bundle` runs it by hand.
 *
 *   node scripts/bundle/build.ts [--out DIR] [--packages external]
 */
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BUNDLE_DIR, MANIFEST, MANIFEST_VERSION } from '../bin/bundled.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ENTRY = 'main.js';

/** The site's commands run from the sources (bundled.js): what only they load stays out. */
const EXTERNAL = ['astro', 'astro/*', 'vite', 'chokidar', 'workbox-build'];

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
 * `packages: 'external'` is the package's build (`npm pack`, into `dist-js/`): an installed
 * clientbook cannot run TypeScript from node_modules, and its libraries are installed beside it, so
 * only clientbook's own code is compiled, and the libraries are the very copies the site's pages
 * use. The default bundles the libraries too, for the fastest start in this repository.
 */
export async function bundleCli(outDir = path.join(ROOT, BUNDLE_DIR), { packages = 'bundle' }: { packages?: 'bundle' | 'external' } = {}): Promise<BundleResult> {
  // Loaded here, so that an install without esbuild (without devDependencies) still runs this
  // script to its message instead of failing.
  const { build } = await import('esbuild');
  // The manifest goes last: a bundle without one (a build cut short) is never used.
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const result = await build({
    absWorkingDir: ROOT,
    // The worker that checks files on a second core (scripts/core/validate/check-many.ts) sits beside main.js.
    entryPoints: { main: 'scripts/cli/main.ts', 'check-worker': 'scripts/core/validate/check-worker.ts' },
    outdir: outDir,
    bundle: true,
    // The commands stay lazy: `validate` loads neither `diff` nor `new`.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    ...(packages === 'external' ? { packages: 'external' as const } : { external: EXTERNAL }),
    metafile: true,
    logLevel: 'warning',
    // Libraries written as CommonJS (yaml, commander) `require` Node's modules.
    banner: { js: "import { createRequire as __clientbookRequire } from 'node:module'; const require = __clientbookRequire(import.meta.url);" },
  });
  const inputs: [string, number, number][] = [];
  // A library's files change with its version, so its package.json stands for them all: the check
  // at every start stats some 80 files, not 260.
  const files = new Set(Object.keys(result.metafile.inputs).map(packageJsonOf));
  for (const file of [...files].sort()) {
    const stats = await stat(path.join(ROOT, file)).catch(() => undefined);
    if (stats?.isFile()) inputs.push([file, stats.size, stats.mtimeMs]);
  }
  const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
  await writeFile(path.join(outDir, MANIFEST), `${JSON.stringify({ version: MANIFEST_VERSION, entry: ENTRY, inputs })}\n`);
  return { dir: outDir, entry: path.join(outDir, ENTRY), inputs: inputs.length, bytes };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { out: { type: 'string' }, packages: { type: 'string' } } });
  try {
    const packages = values.packages === 'external' ? 'external' : 'bundle';
    const r = await bundleCli(values.out ? path.resolve(values.out) : undefined, { packages });
    process.stdout.write(`clientbook: CLI bundled into ${path.relative(process.cwd(), r.dir) || '.'} (${(r.bytes / 1024).toFixed(0)} KiB), used while its ${r.inputs} sources stay as they are.\n`);
  } catch (error) {
    // The CLI runs from the sources without a bundle: an install must not fail for want of one.
    // A package without its JavaScript would not run at all: packing fails.
    if (values.packages === 'external') process.exitCode = 1;
    process.stderr.write(`clientbook: the CLI was not bundled (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); it runs from the sources.\n`);
  }
}
