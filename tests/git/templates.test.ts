import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
  const text = readFileSync('templates/github-workflow.yml', 'utf8');
  const workflow = parse(text) as {
    on: Record<string, unknown>;
    permissions: Record<string, string>;
    jobs: Record<string, { needs?: string; if?: string; permissions: Record<string, string>; outputs?: Record<string, string>; steps: Step[] }>;
  };
  const check = workflow.jobs.check!;
  const comment = workflow.jobs.comment!;
  const step = (steps: Step[], text: string) => steps.find((s) => (s.run ?? s.uses ?? '').includes(text));
  const names = (steps: Step[]) => steps.map((s) => s.run?.split('\n')[0] ?? s.uses?.replace(/@.*/, ''));

  test('every action is pinned to a full commit, with its release tag in a comment', () => {
    const uses = [...text.matchAll(/^\s*(?:- )?uses: (\S+)(.*)$/gm)];
    expect(uses.length).toBe(6);
    for (const [line, action, comment] of uses) {
      expect(action, line).toMatch(/^actions\/[a-z-]+@[0-9a-f]{40}$/);
      expect(comment, line).toMatch(/^ # v\d+\.\d+\.\d+$/);
    }
  });

  test('the workflow grants nothing; the check job reads, only the job that comments writes to pull requests', () => {
    expect(workflow.permissions).toEqual({});
    expect(check.permissions).toEqual({ contents: 'read' });
    expect(comment.permissions).toEqual({ 'pull-requests': 'write' });
    expect(Object.keys(workflow.jobs)).toEqual(['check', 'comment']);
    // The writing job runs nothing of the repository's: it downloads the diff and posts it.
    expect(names(comment.steps)).toEqual(['actions/download-artifact', 'actions/github-script']);
    expect(comment.needs).toBe('check');
    expect(comment.if).toContain("needs.check.outputs.diff == 'success'");
    expect(comment.if).toContain('github.event.pull_request.head.repo.full_name == github.repository');
  });

  test('checks out all of history without keeping the token, with Node 24, and installs with npm ci', () => {
    expect(step(check.steps, 'actions/checkout@')?.with).toEqual({ 'fetch-depth': 0, 'persist-credentials': false });
    expect(step(check.steps, 'actions/setup-node@')?.with).toMatchObject({ 'node-version': 24 });
    expect(Object.keys(workflow.on)).toEqual(['push', 'pull_request']);
  });

  test('validates with annotations, posts the diff even when validation fails, then builds and keeps the site', () => {
    expect(names(check.steps)).toEqual([
      'actions/checkout',
      'if [ ! -f package-lock.json ]; then',
      'actions/setup-node',
      'npm ci',
      'npx clientbook validate --format github',
      'npx clientbook diff "origin/$BASE_REF" HEAD > diff.md',
      'actions/upload-artifact',
      'npx clientbook build',
      'actions/upload-artifact',
    ]);
    const diff = step(check.steps, 'clientbook diff')!;
    expect(diff.if).toContain('!cancelled()');
    expect(check.outputs).toEqual({ diff: '${{ steps.diff.outcome }}' });
    // The branch name reaches the shell as a variable, never pasted into the script.
    expect(diff.env).toEqual({ BASE_REF: '${{ github.base_ref }}' });
    expect(check.steps[6]!.with).toMatchObject({ name: 'diff', path: 'diff.md' });
    expect(check.steps[6]!.if).toContain("steps.diff.outcome == 'success'");
    expect(String(step(comment.steps, 'github-script')!.with!.script)).toContain("'<!-- clientbook diff -->'");
    expect(check.steps[8]!.with).toMatchObject({ name: 'site', path: 'dist' });
  });

  test('a book pushed without its package-lock.json is told to commit it, in both workflows, before setup-node fails on it', () => {
    const pages = parse(readFileSync('templates/github-pages.yml', 'utf8')) as { jobs: Record<string, { steps: Step[] }> };
    for (const steps of [check.steps, pages.jobs.build!.steps]) {
      const lock = steps.findIndex((s) => s.name === 'Is package-lock.json committed?');
      expect(steps.findIndex((s) => s.uses?.startsWith('actions/setup-node@'))).toBe(lock + 1);
      const dir = mkdtempSync(path.join(os.tmpdir(), 'clientbook-lock-'));
      try {
        const run = () => spawnSync('bash', ['-e', '-c', steps[lock]!.run!], { cwd: dir, encoding: 'utf8' });
        expect(run()).toMatchObject({
          status: 1,
          stdout:
            "::error title=package-lock.json is not committed::Run npm install in the book, then commit its lock file: git add package-lock.json && git commit -m 'Lock clientbook' && git push\n",
        });
        writeFileSync(path.join(dir, 'package-lock.json'), '{}\n');
        expect(run()).toMatchObject({ status: 0, stdout: '' });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });
});

describe('templates/pre-commit', () => {
  test('is a valid, executable sh script that clientbook recognises as its own', () => {
    execFileSync('sh', ['-n', 'templates/pre-commit']);
    expect(readFileSync('templates/pre-commit', 'utf8')).toMatch(/^#!\/bin\/sh\n# clientbook pre-commit hook/);
    expect(execFileSync('sh', ['-c', 'test -x templates/pre-commit && echo yes'], { encoding: 'utf8' })).toBe('yes\n');
  });

  test('every template is checked out with LF line ends, also by git on Windows (core.autocrlf)', () => {
    const files = execFileSync('git', ['ls-files', 'templates'], { encoding: 'utf8' }).trim().split('\n');
    expect(files).toContain('templates/pre-commit');
    const attributes = execFileSync('git', ['check-attr', 'eol', '--', ...files], { encoding: 'utf8' }).trim().split('\n');
    expect(attributes).toEqual(files.map((f) => `${f}: eol: lf`));
    for (const file of files) expect(readFileSync(file, 'utf8'), file).not.toContain('\r');
  });
});

describe('templates/github-pages.yml', () => {
  const text = readFileSync('templates/github-pages.yml', 'utf8');
  const workflow = parse(text) as {
    on: Record<string, unknown> & { schedule: { cron: string }[] };
    permissions: Record<string, string>;
    jobs: Record<string, { needs?: string; if?: string; permissions: Record<string, string>; outputs?: Record<string, string>; environment?: { name: string }; steps: Step[] }>;
  };
  const ready = workflow.jobs.ready!;
  const build = workflow.jobs.build!;
  const deploy = workflow.jobs.deploy!;

  test('a book without the passphrase secret yet gets a notice of what to set up, and no failing build or deploy', () => {
    expect(Object.keys(workflow.jobs)).toEqual(['ready', 'build', 'deploy']);
    expect(ready.permissions).toEqual({});
    expect(ready.outputs).toEqual({ passphrase: '${{ steps.check.outputs.passphrase }}' });
    const [check] = ready.steps;
    expect(check!.env).toEqual({ CLIENTBOOK_PASSWORD: '${{ secrets.CLIENTBOOK_PASSWORD }}' });
    expect(build.needs).toBe('ready');
    expect(build.if).toBe("${{ needs.ready.outputs.passphrase == 'set' }}");
    expect(deploy.needs).toBe('build');
    // The check's script, as the runner runs it, with and without the secret.
    const runCheck = (password: string) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'clientbook-pages-'));
      const output = path.join(dir, 'output');
      writeFileSync(output, '');
      try {
        const stdout = execFileSync('bash', ['-e', '-c', check!.run!], { env: { PATH: process.env.PATH, GITHUB_OUTPUT: output, CLIENTBOOK_PASSWORD: password }, encoding: 'utf8' });
        return { stdout, output: readFileSync(output, 'utf8') };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    };
    expect(runCheck('lantern spruce orbit canoe')).toEqual({ stdout: '', output: 'passphrase=set\n' });
    expect(runCheck('')).toEqual({
      stdout:
        '::notice title=The site is not published yet::Add the repository secret CLIENTBOOK_PASSWORD and choose GitHub Actions as the Pages source: the steps are at the top of .github/workflows/pages.yml.\n',
      output: '',
    });
  });

  test('every action is pinned to a full commit, with its release tag in a comment', () => {
    const uses = [...text.matchAll(/^\s*(?:- )?uses: (\S+)(.*)$/gm)];
    expect(uses.map(([, action]) => action!.replace(/@.*/, ''))).toEqual([
      'actions/checkout',
      'actions/setup-node',
      'actions/configure-pages',
      'actions/upload-pages-artifact',
      'actions/deploy-pages',
    ]);
    for (const [line, action, comment] of uses) {
      expect(action, line).toMatch(/^actions\/[a-z-]+@[0-9a-f]{40}$/);
      expect(comment, line).toMatch(/^ # v\d+\.\d+\.\d+$/);
    }
  });

  test('builds encrypted with the passphrase from a secret, on pushes to main and every day', () => {
    const buildStep = build.steps.find((s) => s.run?.includes('clientbook build'))!;
    expect(buildStep.run).toBe('npx clientbook build --encrypt');
    expect(buildStep.env).toEqual({ CLIENTBOOK_PASSWORD: '${{ secrets.CLIENTBOOK_PASSWORD }}' });
    // The passphrase is never on a command line.
    expect(text).not.toMatch(/run:.*CLIENTBOOK_PASSWORD/);
    expect(workflow.on.push).toEqual({ branches: ['main'] });
    expect(workflow.on.schedule).toEqual([{ cron: '0 11 * * *' }]);
    expect(build.steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))?.with).toEqual({ path: 'dist' });
  });

  test('only the deploy job may write to Pages; the build job reads and keeps no token', () => {
    expect(workflow.permissions).toEqual({});
    expect(build.permissions).toEqual({ contents: 'read' });
    expect(build.steps[0]!.with).toEqual({ 'fetch-depth': 0, 'persist-credentials': false });
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy.needs).toBe('build');
    expect(deploy.environment?.name).toBe('github-pages');
  });
});
