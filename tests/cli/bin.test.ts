/** The real executable, as `npx clientbook` runs it: a separate Node process. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { client, tempPortfolios } from '../helpers/portfolio.ts';

const portfolio = tempPortfolios();
const BIN = path.resolve(import.meta.dirname, '../../scripts/bin/clientbook.js');

async function clientbook(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('scripts/bin/clientbook.js', () => {
  it('validates a clean portfolio: exit 0', async () => {
    const cwd = await portfolio({ 'clients/acme.md': client() });
    expect(await clientbook(['validate', '--as-of', '2026-12-01'], cwd)).toEqual({ code: 0, stdout: '1 file checked: no problems.\n', stderr: '' });
  });

  it('prints due --json for other tools', async () => {
    const cwd = await portfolio({ 'clients/acme.md': client() });
    const { code, stdout } = await clientbook(['due', '--json', '--as-of', '2026-12-01'], cwd);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      asOf: '2026-12-01',
      within: 30,
      items: [
        // The agenda's order: the work by status, then meetings and outlook checks.
        { client: 'acme', clientName: 'Acme', kind: 'action', title: 'Call Ann', due: '2026-12-15', status: 'upcoming' },
        { client: 'acme', clientName: 'Acme', kind: 'growth', title: 'Ask about the growth outlook', due: null, status: 'overdue' },
      ],
    });
  });

  it('exits 1 on errors and 2 on bad usage, as a process', async () => {
    const cwd = await portfolio({ 'clients/acme.md': client('type: vip') });
    const failed = await clientbook(['validate'], cwd);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/^clients\/acme\.md:2:7: error: `type: vip` is not a valid type\./);
    const usage = await clientbook(['due', '--within', 'soon'], cwd);
    expect(usage).toMatchObject({ code: 2, stdout: '' });
    expect(usage.stderr).toMatch(/^error: --within soon is not a number of days\./);
  });
});
