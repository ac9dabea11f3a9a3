/** `clientbook validate | head`: a reader that stops early closes the pipe, and clientbook ends quietly, no stack trace. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { client, tempPortfolios } from '../helpers/portfolio.ts';

const portfolio = tempPortfolios();
const BIN = path.resolve(import.meta.dirname, '../../scripts/bin/clientbook.js');

describe('a closed output pipe', () => {
  it('ends the command without an EPIPE stack trace', async () => {
    // Enough errors that the output outgrows the pipe's buffer after the reader has gone.
    const files = Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`clients/c${i}.md`, client('type: vip\nsince: 12/01/2016')]));
    const cwd = await portfolio(files);
    const child = spawn(process.execPath, [BIN, 'validate', '--as-of', '2026-12-01'], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    // Read the first chunk, then close the pipe, as `head -1` does.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|at .*\(|node:events/);
    expect(code === 0 || code === 1).toBe(true);
  });
});
