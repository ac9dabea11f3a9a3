/** A book written in a newer format than this clientbook reads says so, once, where it says it. */
import { describe, expect, test } from 'vitest';
import { FORMAT_VERSION, isNewerThanSupported, parseFormatVersion } from '#core/format-version';
import { clientbookVersion } from '#core/version';
import { run } from '../helpers/cli.ts';
import { client, tempPortfolios } from '../helpers/portfolio.ts';

const portfolio = tempPortfolios();
const validate = (cwd: string) => run(['validate', '--format', 'json', '--as-of', '2026-12-01'], cwd);
const brief = (stdout: string) =>
  (JSON.parse(stdout) as { diagnostics: { file: string; line: number; column: number; code: string }[] }).diagnostics.map(
    (d) => `${d.file}:${d.line}:${d.column} ${d.code}`,
  );

describe('format: in clientbook.yaml', () => {
  test('versions are compared as numbers, against the one this clientbook reads', () => {
    expect(FORMAT_VERSION).toBe('1.1');
    expect(parseFormatVersion(1)).toEqual({ major: 1, minor: 0 });
    expect(parseFormatVersion('1.10')).toEqual({ major: 1, minor: 10 });
    expect(parseFormatVersion('v1')).toBeUndefined();
    expect(isNewerThanSupported({ major: 1, minor: 1 })).toBe(false);
    expect(isNewerThanSupported({ major: 1, minor: 2 })).toBe(true);
    expect(isNewerThanSupported({ major: 1, minor: 10 })).toBe(true);
    expect(isNewerThanSupported({ major: 2, minor: 0 })).toBe(true);
  });

  test('the current and older versions are accepted', async () => {
    for (const format of ['1', '1.0', '1.1', '"1.1"']) {
      const cwd = await portfolio({ 'clients/clientbook.yaml': `title: Book\nformat: ${format}\n`, 'clients/acme.md': client() });
      const result = await validate(cwd);
      expect(brief(result.stdout), format).toEqual([]);
      expect(result.code).toBe(0);
    }
  });

  test('a newer version is one error at its value, with the upgrade to make; newer keys are not reported', async () => {
    const cwd = await portfolio({
      'clients/clientbook.yaml': 'title: Book\nformat: 1.10\nreminders: weekly\n',
      'clients/acme.md': client('x-ok: 1\nsatisfaction: high'),
    });
    const result = await run(['validate', '--as-of', '2026-12-01'], cwd);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      `clients/clientbook.yaml:2:9: error: This book is written in format 1.10, and this clientbook (${clientbookVersion()}) reads format 1.1 and earlier. [format-too-new]\n` +
        '  1 | title: Book\n> 2 | format: 1.10\n    |         ^^^^\n  3 | reminders: weekly\n' +
        "  hint: Upgrade clientbook in the book's folder: `npm install clientbook@latest` (its version is pinned in package.json), then run the command again.\n\n" +
        '1 file checked: 1 error, 0 warnings.\n',
    );
  });

  test('a format that is not a version is an error; without format: a newer key is an unknown key', async () => {
    const bad = await portfolio({ 'clients/clientbook.yaml': 'format: latest\n', 'clients/acme.md': client() });
    expect(brief((await validate(bad)).stdout)).toEqual(['clients/clientbook.yaml:1:9 bad-format-version']);
    const plain = await portfolio({ 'clients/clientbook.yaml': 'reminders: weekly\n', 'clients/acme.md': client() });
    expect(brief((await validate(plain)).stdout)).toEqual(['clients/clientbook.yaml:1:1 unknown-key']);
  });
});
