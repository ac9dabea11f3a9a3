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

describe('DESIGN Settings: validated like a client file, each hint writes the value right', () => {
  const briefly = async (settings: string) => {
    const { code, stdout } = await validate(settings);
    const diagnostics = JSON.parse(stdout).diagnostics as { line: number; column: number; code: string; message: string; hint: string }[];
    return { code, diagnostics: diagnostics.map((d) => `${d.line}:${d.column} ${d.code}: ${d.message} | ${d.hint}`) };
  };

  it('near misses of currency, locale and the numbers of days', async () => {
    expect(
      await briefly(outdent`
        currency: eur
        locale: en_CA
        due_window: 30 days
        stale_months: 6.0
      `),
    ).toEqual({
      code: 1,
      diagnostics: [
        '1:11 bad-currency: `currency: eur` is not a currency code. | Write the code in capitals: `currency: EUR`.',
        '2:9 bad-locale: `locale: en_CA` is not a locale. | Write a hyphen, not an underscore: `locale: en-CA`.',
        '3:13 bad-number: `due_window: 30 days` is not a whole number from 1 to 366. | Write the number alone, without a unit: `due_window: 30`.',
        '4:15 bad-number: `stale_months: 6.0` is not a whole number from 1 to 120. | Write it in digits without a point: `stale_months: 6`.',
      ],
    });
  });

  it('a locale that is a word, not a language tag, is an error (the site would silently use its default)', async () => {
    expect((await briefly('locale: english')).diagnostics).toEqual([
      '1:9 bad-locale: `locale: english` is not a locale. | Use a BCP 47 language tag such as en-CA, en-US or de-DE.',
    ]);
  });

  it('an empty key shows a settings value, not a client field', async () => {
    expect((await briefly('title:\ncurrency:')).diagnostics).toEqual([
      '1:1 empty-value: `title` is empty: it must be text. | Write the value after the colon, e.g.\ntitle: Northern Lights IT',
      '2:1 empty-value: `currency` is empty: it must be text. | Write the value after the colon, e.g.\ncurrency: CAD',
    ]);
  });

  it('a misspelt key beside the key it resembles hides no error of that key', async () => {
    expect((await briefly('title: ""\ntitel: Northern IT')).diagnostics).toEqual([
      '1:8 bad-text: `title: ""` is empty: it must be text. | Write the value, e.g. `title: Northern Lights IT`.',
      '2:1 unknown-key: Unknown key `titel`. | `title` is already set here, so this is not it: delete this line, or keep it as your own as `x-titel`.',
    ]);
  });

  it('the boundaries of the numbers are accepted', async () => {
    expect(await briefly('due_window: 366\nasset_notice: 1\nstale_months: 120\nlocale: fr\ncurrency: XXX')).toEqual({ code: 0, diagnostics: [] });
  });
});

describe('DESIGN Settings: clientbook.yaml is YAML, not front matter', () => {
  it('settings written between two `---` lines: one error at the second, saying what it does', async () => {
    const { code, stdout } = await validate('---\ntitle: Northern IT\n---\ncurrency: CAD\n');
    const diagnostics = JSON.parse(stdout).diagnostics as { line: number; column: number; code: string; message: string; hint: string }[];
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.code}: ${d.message} | ${d.hint}`)).toEqual([
      '3:1 yaml-multiple-docs: YAML: `---` ends the document here, and more YAML follows it (a second document). | Remove this `---` line: everything after it would be ignored.',
    ]);
    expect(code).toBe(1);
  });
});

describe('DESIGN Settings: shared through git like a client file', () => {
  it('a value that looks like a secret is a warning there too, and the settings are still used', async () => {
    const { code, stdout } = await validate('title: Northern IT\nx-smtp-password: hunter2hunter\n');
    const diagnostics = JSON.parse(stdout).diagnostics as { line: number; column: number; severity: string; code: string; message: string }[];
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code}: ${d.message}`)).toEqual(['2:8 warning secret: This looks like a password.']);
    expect(code).toBe(0);
  });
});
