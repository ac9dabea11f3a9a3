/**
 * DESIGN.md "Settings": `clientbook.yaml`, validated like a client file; every key optional; a
 * settings file that cannot be read is an error. A file of comments alone is a settings file with
 * no keys (the sample's own starts with a comment block), not a broken one.
 */
import { outdent } from 'outdent';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.ts';
import { client, tempPortfolios } from '../helpers/portfolio.ts';

const portfolio = tempPortfolios();

async function validate(settings: string) {
  const dir = await portfolio({ 'acme.md': client(), 'clientbook.yaml': settings });
  return run(['validate', '--dir', dir, '--as-of', '2026-12-01', '--format', 'json'], dir);
}

describe('DESIGN Settings: every key is optional', () => {
  it.each([
    ['an empty file', ''],
    ['blank lines', '\n\n'],
    ['comments only', '# Settings for this portfolio. Every key is optional.\n# due_window: 14\n'],
    ['a document marker and a comment', '---\n# nothing set yet\n'],
  ])('%s: the defaults, no problems, exit 0', async (_, settings) => {
    const { code, stdout } = await validate(settings);
    expect(JSON.parse(stdout)).toEqual({ files: 1, diagnostics: [] });
    expect(code).toBe(0);
  });

  it('a settings file that is not a mapping is an error whose hint shows settings, not a client', async () => {
    const { code, stdout } = await validate('- title\n');
    const [d] = JSON.parse(stdout).diagnostics;
    expect(d).toMatchObject({ file: 'clientbook.yaml', line: 1, column: 1, severity: 'error', code: 'front-matter-not-mapping' });
    expect(d.hint).toContain('title:');
    expect(d.hint).not.toContain("Hank's Hardware");
    expect(code).toBe(1);
  });

  it('every key named in DESIGN.md is read: title, time_zone, currency, locale, due_window, asset_notice, stale_months', async () => {
    const { code, stdout } = await validate(outdent`
      title: Northern IT
      time_zone: America/Whitehorse
      currency: CAD
      locale: en-CA
      due_window: 14
      asset_notice: 60
      stale_months: 3
    `);
    expect(JSON.parse(stdout)).toEqual({ files: 1, diagnostics: [] });
    expect(code).toBe(0);
  });

  it('settings under a near name (clientbook.yml) are an error, not silently replaced by the defaults', async () => {
    const dir = await portfolio({ 'acme.md': client(), 'clientbook.yml': 'currency: CAD\n' });
    const { code, stdout } = await run(['validate', '--dir', dir, '--as-of', '2026-12-01', '--format', 'json'], dir);
    const [d] = JSON.parse(stdout).diagnostics;
    expect(d).toMatchObject({ file: 'clientbook.yml', line: 1, column: 1, severity: 'error', code: 'misnamed-settings' });
    expect(d.hint).toContain('clientbook.yaml');
    expect(code).toBe(1);
  });
});
