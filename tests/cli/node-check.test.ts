/** The message for a Node.js too old to run clientbook (scripts/bin/node-check.js), before anything else runs. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { nodeProblem } from '../../scripts/bin/node-check.js';

const problem = nodeProblem as (version: string, installed: boolean, argv: string[]) => string | undefined;

describe('a Node.js too old for clientbook', () => {
  test('is 22.12 for the package, 22.18 for the TypeScript sources of this repository', () => {
    expect(problem('22.12.0', true, ['due'])).toBeUndefined();
    expect(problem('24.0.0', false, ['due'])).toBeUndefined();
    expect(problem('23.0.0', true, ['due'])).toBeUndefined();
    expect(problem('22.11.9', true, ['due'])).toMatch(/^clientbook needs Node\.js 22\.12 or later; this is v22\.11\.9\.\n/);
    expect(problem('22.17.1', false, ['due'])).toMatch(/^clientbook needs Node\.js 22\.18 or later; this is v22\.17\.1\.\n/);
    expect(problem('v20.20.2', false, ['due'])).toMatch(/^clientbook needs Node\.js 22\.18 or later; this is v20\.20\.2\.\n/);
  });

  test('in a book, it says to run clientbook through npm, which brings Node 24', () => {
    expect(problem('20.20.2', true, ['due'])).toBe(
      'clientbook needs Node.js 22.12 or later; this is v20.20.2.\n' +
        '  hint: run it through npm (`npx clientbook ...`, `npm run due`): a client book made by `clientbook init` brings Node 24 in node_modules/.bin (its `node` dependency); or install Node 24.\n',
    );
  });

  test('for `init`, where there is no book yet to bring Node 24, it gives the command that brings it, with the folder asked for', () => {
    expect(problem('20.20.2', true, ['init', 'my-book', '--currency', 'CAD'])).toBe(
      'clientbook needs Node.js 22.12 or later; this is v20.20.2.\n' +
        '  hint: make the book with Node 24 from npm: `npx -p node@24 -p clientbook clientbook init my-book`. The book depends on Node 24 (its `node` dependency), so after `npm install` every `npx clientbook` and `npm run` in it uses that one.\n',
    );
    expect(problem('20.20.2', true, ['init'])).toContain('`npx -p node@24 -p clientbook clientbook init my-client-book`');
    expect(problem('20.20.2', true, ['--yes', 'init', 'Client book $HOME'])).toContain('`npx -p node@24 -p clientbook clientbook init "Client book \\$HOME"`');
  });

  test('the executable prints it and exits 1 on a Node that old (where this machine has one)', () => {
    let version: string;
    try {
      version = execFileSync('/usr/bin/node', ['--version'], { encoding: 'utf8' }).trim();
    } catch {
      return;
    }
    if (problem(version, false, []) === undefined) return;
    const bin = path.resolve(import.meta.dirname, '../../scripts/bin/clientbook.js');
    let result: { status: number; stderr: string } = { status: 0, stderr: '' };
    try {
      execFileSync('/usr/bin/node', [bin, 'due'], { encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      result = error as { status: number; stderr: string };
    }
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(problem(version, false, ['due']));
  });
});
