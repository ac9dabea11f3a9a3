// Mutation testing of the core and the site's view models: `npm run mutate` (by hand, not in CI;
// docs/reliability.md has the last score and the equivalent survivors).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // Forks, as `npm test`: some tests change the working folder, which worker threads cannot.
  vitest: { configFile: 'vitest.mutate.config.ts', related: true, pool: 'forks' },
  mutate: ['scripts/core/**/*.ts', 'site/lib/**/*.ts'],
  // Only the tests that reach a mutant run against it.
  coverageAnalysis: 'perTest',
  // A mutant that runs while a module loads (a constant, a pattern, a table) is "static": every test
  // of the module's importers runs against it, and those were 86% of the time on a first try. They
  // are left out by default (counted as ignored); `npm run mutate -- --ignoreStatic false` for all.
  ignoreStatic: true,
  // Two cores are shared with other work: one mutant at a time by default (`--concurrency 2` to go faster).
  concurrency: 1,
  // Reruns test only the mutants whose code or tests changed since the last run. The file is kept
  // out of git: it is several megabytes, changes with every run and is only valid for the tree it
  // was made from (reports/ is ignored).
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  // TypeScript 7 has no JavaScript API for Stryker to rewrite tsconfig.json with, and ours needs no
  // rewriting (no `extends` or `references` outside the folder): point Stryker at no file.
  tsconfigFile: 'no-tsconfig-rewrite.json',
  cleanTempDir: 'always',
  timeoutMS: 10_000,
  // The first run of every test, with coverage, on a busy machine.
  dryRunTimeoutMinutes: 30,
  thresholds: { high: 90, low: 85, break: null },
};
