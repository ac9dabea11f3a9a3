/**
 * The closing line of `.ci/run` from Vitest's JSON reports (one per run): "N passed, N failed", with
 * ", N skipped" when some were. Exits 1 when anything failed or a report is missing.
 *
 * A test that never ran because its file failed outside any test (a `beforeAll` that throws, as the
 * browser tests do in CI without Chromium, or a file that does not load) is reported by Vitest as
 * skipped, with no failed test: it counts as failed here, or the run would read as a pass.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface Report {
  testResults: { status: string; assertionResults: { status: string }[] }[];
}

export function summarize(reports: readonly (Report | null)[]): { passed: number; failed: number; skipped: number; line: string } {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const report of reports) {
    // A run that wrote no report did not finish.
    if (report === null) {
      failed++;
      continue;
    }
    for (const file of report.testResults) {
      const tests = file.assertionResults;
      const failedOutside = file.status === 'failed' && !tests.some((t) => t.status === 'failed');
      if (failedOutside && tests.length === 0) failed++;
      for (const t of tests) {
        if (t.status === 'passed') passed++;
        else if (t.status === 'failed' || failedOutside) failed++;
        else skipped++;
      }
    }
  }
  return { passed, failed, skipped, line: `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}` };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = process.argv.slice(2);
  for (const file of files) if (!existsSync(file)) console.log(`No report at ${file}: that run did not finish.`);
  const { failed, line } = summarize(files.map((file) => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Report) : null)));
  console.log(line);
  process.exitCode = failed > 0 ? 1 : 0;
}
