/** The closing line of `.ci/run`: a test that could not run in CI is a failure, never a pass. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { summarize } from '../../.ci/summary.ts';

const file = (status: string, ...tests: string[]) => ({ status, assertionResults: tests.map((s) => ({ status: s })) });
const report = (...files: ReturnType<typeof file>[]) => ({ testResults: files });

describe('the closing line', () => {
  test('counts passed and failed tests over every run, and says how many skipped', () => {
    expect(summarize([report(file('passed', 'passed', 'passed')), report(file('failed', 'passed', 'failed'))]).line).toBe('3 passed, 1 failed');
    expect(summarize([report(file('passed', 'passed', 'skipped', 'pending'))]).line).toBe('1 passed, 0 failed, 2 skipped');
  });

  test('tests of a file whose beforeAll failed (no browser in CI) are failures, not skips', () => {
    expect(summarize([report(file('failed', 'skipped', 'skipped', 'skipped'))])).toMatchObject({ passed: 0, failed: 3, skipped: 0 });
    // Where a test itself failed, the file's other skips are skips.
    expect(summarize([report(file('failed', 'failed', 'skipped'))])).toMatchObject({ failed: 1, skipped: 1 });
  });

  test('a file that did not load, or a run that wrote no report, is a failure', () => {
    expect(summarize([report(file('failed'))]).line).toBe('0 passed, 1 failed');
    expect(summarize([report(file('passed', 'passed')), null]).line).toBe('1 passed, 1 failed');
  });

  test('as a script: prints the line last and exits 1 on a failure', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'clientbook-ci-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const good = path.join(dir, 'good.json');
    writeFileSync(good, JSON.stringify(report(file('passed', 'passed', 'passed'))));
    const script = fileURLToPath(new URL('../../.ci/summary.ts', import.meta.url));
    expect(execFileSync(process.execPath, [script, good], { encoding: 'utf8' })).toBe('2 passed, 0 failed\n');
    let out = '';
    let code = 0;
    try {
      execFileSync(process.execPath, [script, good, path.join(dir, 'missing.json')], { encoding: 'utf8' });
    } catch (error) {
      ({ stdout: out, status: code } = error as { stdout: string; status: number });
    }
    expect(code).toBe(1);
    expect(out).toBe(`No report at ${path.join(dir, 'missing.json')}: that run did not finish.\n2 passed, 1 failed\n`);
  });
});
