#!/usr/bin/env node
// In this repository the entry point runs the TypeScript sources directly (Node's type stripping): no
// build step. For the commands without the site, a bundle of the same sources starts faster (see
// ./bundled.js). Installed as a package (under node_modules, where Node strips no types), it runs the
// JavaScript that `npm pack` compiled into dist-js/: the same bundle for those commands, and ES
// modules for the site's.
const { fileURLToPath } = await import('node:url');
const path = await import('node:path');
const here = fileURLToPath(import.meta.url);
const installed = here.split(path.sep).includes('node_modules');
const { nodeProblem } = await import('./node-check.js');
const tooOld = nodeProblem(process.versions.node, installed, process.argv.slice(2));
if (tooOld) {
  process.stderr.write(tooOld);
  process.exit(1);
}
// Node keeps the stripped TypeScript and V8's compiled code of every module on disk (in the system's
// temporary folder, or NODE_COMPILE_CACHE): every command after the first starts in about half the time.
// A cache that cannot be written is silently not used; NODE_DISABLE_COMPILE_CACHE=1 turns it off.
const { enableCompileCache } = await import('node:module');
enableCompileCache?.();
const argv = process.argv.slice(2);
if (installed) {
  // The commands without the site run from the packed bundle as in this repository; `build` and
  // `dev` from the ES modules, which share their libraries with the site's pages.
  const { bundleServes, installedBundle, runBundle } = await import('./bundled.js');
  const bundle = bundleServes(argv) ? installedBundle(fileURLToPath(new URL('../..', import.meta.url))) : undefined;
  if (bundle) process.exitCode = await runBundle(bundle.entry, argv, bundle.cacheDir);
  else process.exitCode = await (await import(new URL('../../dist-js/main.js', import.meta.url).href)).main(argv);
} else {
  const { bundleServes, freshBundle, runBundle } = await import('./bundled.js');
  const bundle = bundleServes(argv) ? freshBundle(fileURLToPath(new URL('../..', import.meta.url))) : undefined;
  if (bundle) process.exitCode = await runBundle(bundle, argv);
  else process.exitCode = await (await import('../cli/main.ts')).main(argv);
}
