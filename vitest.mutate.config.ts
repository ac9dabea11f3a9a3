/**
 * The tests Stryker runs against each mutant (`npm run mutate`, stryker.config.mjs): every test that
 * exercises scripts/core and site/lib in this process. Left out: tests that only reach that code
 * through a child process or a build (a mutant is switched on in this process only, so they could
 * not kill it, and they take most of the suite's time): the browser and dev-server tests, the Astro
 * build, the bundle and the bin script, the packed package, the benchmarks' generator.
 */
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

export default mergeConfig(
  base,
  defineConfig({
    test: {
      // Instrumented code runs several times slower: the property tests need more than the usual 30 s.
      testTimeout: 180_000,
      // One test process for every run: a mutant is switched on at run time, so nothing needs loading
      // again, and a new process per test file and mutant was most of the time.
      isolate: false,
      exclude: [
        'tests/e2e/**',
        'tests/dev/**',
        'tests/bench/**',
        'tests/site/build-command.test.ts',
        'tests/cli/bundle.test.ts',
        'tests/cli/bin.test.ts',
        'tests/package/**',
        // Mocks a core module (vi.mock), which one shared test process cannot undo for the others.
        'tests/cli/internal-error.test.ts',
        '**/node_modules/**',
      ],
    },
  }),
);
