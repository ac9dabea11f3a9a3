/**
 * DESIGN.md "The CLI": a report never silently drops a client. With errors in the portfolio, `due`
 * prints the diagnostics, then the agenda of every valid client, then the files it left out, and
 * exits 1; `build` refuses, because it publishes.
 */
import { describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.ts';
import { client, tempPortfolios } from '../helpers/portfolio.ts';

const portfolio = tempPortfolios();

const files = {
  'clients/acme.md': client('actions:\n  - title: Call Ann\n    due: 2026-12-10'),
  'clients/zed.md': client('name: Zed\ntype: huge'),
  'clients/sub/broken.md': '---\nname: [\n---\n',
};

describe('DESIGN a report never silently drops a client', () => {
  it('due: the diagnostics, then the agenda of every valid client, then the files left out; exit 1', async () => {
    const dir = await portfolio(files);
    const { code, stdout, stderr } = await run(['due', '--as-of', '2026-12-01'], dir);
    const all = stderr + stdout;
    expect(all).toContain('clients/zed.md:3:7: error:');
    expect(all).toContain('clients/sub/broken.md:2:');
    expect(stdout).toContain('Call Ann');
    // The files left out are named after the agenda.
    const left = all.slice(all.indexOf('Call Ann'));
    expect(left).toContain('clients/zed.md');
    expect(left).toContain('clients/sub/broken.md');
    expect(code).toBe(1);
  });

  it('due --json: still JSON alone on stdout, with the valid clients\' items; exit 1', async () => {
    const dir = await portfolio(files);
    const { code, stdout } = await run(['due', '--as-of', '2026-12-01', '--json'], dir);
    const report = JSON.parse(stdout);
    expect(report.items).toContainEqual({ client: 'acme', clientName: 'Acme', kind: 'action', title: 'Call Ann', due: '2026-12-10', status: 'upcoming' });
    expect(JSON.stringify(report)).toContain('clients/zed.md');
    expect(JSON.stringify(report)).toContain('clients/sub/broken.md');
    expect(code).toBe(1);
  });

  it('build refuses and names the files to fix', async () => {
    const dir = await portfolio(files);
    const { code, stdout, stderr } = await run(['build', '--as-of', '2026-12-01', '--out', 'dist'], dir);
    expect(code).toBe(1);
    const last = (stdout + stderr).split('error: ').at(-1)!;
    expect(last).toContain('clients/zed.md');
    expect(last).toContain('clients/sub/broken.md');
  });
});
