/** `clientbook init` on a real terminal (a pseudo-terminal made by util-linux `script`): it asks, and Ctrl+D stops it. */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { tempPortfolios } from '../helpers/portfolio.ts';

const BIN = path.resolve(import.meta.dirname, '../../scripts/bin/clientbook.js');
const hasScript = spawnSync('script', ['--version']).status === 0;
const folder = tempPortfolios();

/** Runs `init` on a terminal, typing `input` at once; stdin closes (Ctrl+D) once `until` is printed, or at once. */
function onTerminal(cwd: string, args: string, input: string, until?: string): Promise<{ code: number | null; output: string }> {
  const command = `CLIENTBOOK_NO_BUNDLE=1 NO_COLOR=1 '${process.execPath}' '${BIN}' init ${args}`;
  const child = spawn('script', ['-qec', command, '/dev/null'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
    if (until && output.includes(until)) child.stdin.end();
  });
  child.stdin.write(input);
  if (!until) setTimeout(() => child.stdin.end(), 1500);
  const timer = setTimeout(() => child.kill(), 25_000);
  return new Promise((resolve) => child.on('close', (code) => (clearTimeout(timer), resolve({ code, output }))));
}

describe.skipIf(!hasScript)('clientbook init on a terminal', () => {
  test('asks for the locale, currency, time zone and title, with the defaults in brackets; answers typed ahead are kept', async () => {
    const cwd = await folder({});
    const { output } = await onTerminal(cwd, 'book --no-git', 'de-DE\n\nEurope/Berlin\nMeine Kunden\n', "The book's README.md lists the daily commands.");
    expect(output).toMatch(/Locale \([^)]+\): /);
    expect(output).toContain('Currency (EUR): ');
    expect(output).toMatch(/Time zone \([^)]+\): /);
    expect(output).toContain('Title (Client book): ');
    const settings = readFileSync(path.join(cwd, 'book/clients/clientbook.yaml'), 'utf8');
    expect(settings).toContain('\ntitle: Meine Kunden\n');
    expect(settings).toContain('\ntime_zone: Europe/Berlin\n');
    expect(settings).toContain('\ncurrency: EUR\n');
    expect(settings).toContain('\nlocale: de-DE\n');
  }, 30_000);

  test('Ctrl+D stops it with a message, and nothing is written', async () => {
    const cwd = await folder({});
    const { code, output } = await onTerminal(cwd, 'book --no-git', 'fr-CA\n');
    expect(output).toContain('error: Stopped: nothing was written.');
    expect(output).not.toContain('internal error');
    expect(code).not.toBe(0);
    expect(existsSync(path.join(cwd, 'book'))).toBe(false);
  }, 30_000);
});
