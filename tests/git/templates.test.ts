import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}

describe('templates/github-workflow.yml', () => {
  const workflow = parse(readFileSync('templates/github-workflow.yml', 'utf8')) as {
    on: Record<string, unknown>;
    permissions: Record<string, string>;
    jobs: { check: { steps: Step[] } };
  };
  const steps = workflow.jobs.check.steps;
  const step = (text: string) => steps.find((s) => (s.run ?? s.uses ?? '').includes(text));

  test('checks out all of history with Node 24, and installs with npm ci', () => {
    expect(step('actions/checkout@v4')?.with).toEqual({ 'fetch-depth': 0 });
    expect(step('actions/setup-node@v4')?.with).toMatchObject({ 'node-version': 24 });
    expect(step('npm ci')).toBeDefined();
    expect(Object.keys(workflow.on)).toEqual(['push', 'pull_request']);
    expect(workflow.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
  });

  test('validates with annotations, posts the diff even when validation fails, then builds and keeps the site', () => {
    const names = steps.map((s) => s.run?.split('\n')[0] ?? s.uses);
    expect(names).toEqual([
      'actions/checkout@v4',
      'actions/setup-node@v4',
      'npm ci',
      'npx clientbook validate --format github',
      'npx clientbook diff "origin/$BASE_REF" HEAD > diff.md',
      'actions/github-script@v8',
      'npx clientbook build',
      'actions/upload-artifact@v4',
    ]);
    const diff = step('clientbook diff')!;
    expect(diff.if).toContain('!cancelled()');
    // The branch name reaches the shell as a variable, never pasted into the script.
    expect(diff.env).toEqual({ BASE_REF: '${{ github.base_ref }}' });
    expect(String(step('github-script')!.with!.script)).toContain("'<!-- clientbook diff -->'");
    expect(step('upload-artifact')!.with).toMatchObject({ name: 'site', path: 'dist' });
  });
});

describe('templates/pre-commit', () => {
  test('is a valid, executable sh script that clientbook recognises as its own', () => {
    execFileSync('sh', ['-n', 'templates/pre-commit']);
    expect(readFileSync('templates/pre-commit', 'utf8')).toMatch(/^#!\/bin\/sh\n# clientbook pre-commit hook/);
    expect(execFileSync('sh', ['-c', 'test -x templates/pre-commit && echo yes'], { encoding: 'utf8' })).toBe('yes\n');
  });
});
