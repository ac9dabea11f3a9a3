/**
 * FORMAT.md 1.1, the last rule of "What is due": dates that describe the past (`growth.asked`,
 * `meetings.last`, `done`) after the as-of date are warnings, and so is a `growth.horizon` before
 * the year of `asked`. Warnings leave the exit code at 0.
 */
import { outdent } from 'outdent';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.ts';
import { client, tempPortfolios } from '../helpers/portfolio.ts';

const portfolio = tempPortfolios();

interface Diagnostic {
  line: number;
  column: number;
  severity: string;
  code: string;
}

async function validate(text: string, asOf = '2026-12-01') {
  const dir = await portfolio({ 'clients/acme.md': text });
  const { code, stdout } = await run(['validate', '--as-of', asOf, '--format', 'json'], dir);
  const diagnostics = (JSON.parse(stdout).diagnostics as Diagnostic[]).map((d) => `${d.line}:${d.column} ${d.severity}`);
  return { code, diagnostics };
}

describe('FORMAT What is due: dates of the past after the as-of date', () => {
  it('growth.asked, meetings.last and done after the as-of date each warn, at the value', async () => {
    const result = await validate(
      client(outdent`
        growth:
          outlook: stable
          asked: 2026-12-02
        meetings:
          cadence: monthly
          last: 2027-11-03
        actions:
          - title: Call Ann
            due: 2026-11-20
            done: 2026-12-05
          - title: Next
            due: 2026-12-20
      `),
    );
    expect(result.diagnostics).toEqual(['4:10 warning', '7:9 warning', '11:11 warning']);
    expect(result.code).toBe(0);
  });

  it('on the as-of date itself they do not warn', async () => {
    const result = await validate(
      client(outdent`
        growth:
          outlook: stable
          asked: 2026-12-01
        meetings:
          cadence: monthly
          last: 2026-12-01
        actions:
          - title: Call Ann
            due: 2026-11-20
            done: 2026-12-01
          - title: Next
            due: 2026-12-20
      `),
    );
    expect(result).toEqual({ code: 0, diagnostics: [] });
  });

  it('a horizon before the year of asked warns; the same year does not', async () => {
    const before = await validate(client('growth:\n  outlook: growing\n  asked: 2026-01-20\n  horizon: 2025'));
    expect(before.diagnostics).toEqual(['5:12 warning']);
    expect(before.code).toBe(0);
    const same = await validate(client('growth:\n  outlook: growing\n  asked: 2026-01-20\n  horizon: 2026'));
    expect(same.diagnostics).toEqual([]);
  });
});
