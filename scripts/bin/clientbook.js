#!/usr/bin/env node
// The entry point runs the TypeScript sources directly (Node's type stripping): no build step. For the
// commands without the site, a bundle of the same sources starts faster (see ./bundled.js).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(
    `clientbook needs Node.js 22.18 or later; this is ${process.version}.\n` +
      '  hint: run it through npm (`npx clientbook ...`, `npm run build`): the project brings Node 24 in node_modules/.bin.\n',
  );
  process.exit(1);
}
// Node keeps the stripped TypeScript and V8's compiled code of every module on disk (in the system's
// temporary folder, or NODE_COMPILE_CACHE): every command after the first starts in about half the time.
// A cache that cannot be written is silently not used; NODE_DISABLE_COMPILE_CACHE=1 turns it off.
const { enableCompileCache } = await import('node:module');
enableCompileCache?.();
const argv = process.argv.slice(2);
const { bundleServes, freshBundle } = await import('./bundled.js');
const { fileURLToPath, pathToFileURL } = await import('node:url');
const bundle = bundleServes(argv) ? freshBundle(fileURLToPath(new URL('../..', import.meta.url))) : undefined;
const { main } = await import(bundle ? pathToFileURL(bundle).href : '../cli/main.ts');
process.exitCode = await main(argv);
