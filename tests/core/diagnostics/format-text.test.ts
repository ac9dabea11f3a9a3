/**
 * The code frame and the message of a diagnostic on a very long line (a pasted page in one field, a
 * minified blob in the notes): the frame shows the part of the line that the caret points at, and a
 * quote of the whole value is shortened in the middle; JSON keeps the whole message.
 */
import { describe, expect, test } from 'vitest';
import { clipQuotes } from '#core/diagnostics/format-text';
import { run } from '../../helpers/cli.ts';
import { client, tempPortfolios } from '../../helpers/portfolio.ts';

const portfolio = tempPortfolios();

describe('a diagnostic on a line of 100,000 characters', () => {
  test('the frame shows 120 columns around the caret, with … where the line goes on', async () => {
    const long = 'a'.repeat(100_000);
    const cwd = await portfolio({ 'clients/acme.md': client(`x-paste: ${long} password: hunter22 ${'b'.repeat(500)}\nx-note: ok`) });
    const result = await run(['validate', '--as-of', '2026-12-01'], cwd);
    const [error, warning] = result.stdout.split('\n\n');
    expect(result.stdout.length).toBeLessThan(3000);
    expect(error).toBe(
      [
        'clients/acme.md:2:10: error: YAML: the value of `x-paste` contains `: `, which YAML reads as the start of another key. [yaml-block-as-implicit-key]',
        '  1 | ---',
        `> 2 | x-paste: ${'a'.repeat(111)}…`,
        `    |          ${'^'.repeat(111)}`,
        '  3 | x-note: ok',
        `  hint: Put the value in quotes: \`x-paste: "${'a'.repeat(90)}…${'b'.repeat(49)}"\`.`,
      ].join('\n'),
    );
    // The secret near the end: the window starts 40 columns before it.
    expect(warning!.split('\n').slice(0, 5)).toEqual([
      'clients/acme.md:2:100011: warning: This looks like a password. [secret]',
      '  1 | …',
      `> 2 | …${'a'.repeat(39)} password: hunter22 ${'b'.repeat(61)}…`,
      `    | ${' '.repeat(41)}^^^^^^^^^^^^^^^^^^`,
      '  3 | …',
    ]);
    const json = JSON.parse((await run(['validate', '--format', 'json', '--as-of', '2026-12-01'], cwd)).stdout) as { diagnostics: { hint: string }[] };
    expect(json.diagnostics[0]!.hint).toContain(long);
  });

  test('a short line and a short quote are shown whole', async () => {
    const cwd = await portfolio({ 'clients/acme.md': client(`type: ${'v'.repeat(100)}`) });
    const result = await run(['validate', '--as-of', '2026-12-01'], cwd);
    expect(result.stdout).toContain(`> 2 | type: ${'v'.repeat(100)}\n    |       ${'^'.repeat(100)}\n`);
    expect(clipQuotes(`\`${'x'.repeat(160)}\``)).toBe(`\`${'x'.repeat(160)}\``);
    expect(clipQuotes(`a \`${'😀'.repeat(100)}\` b`)).toBe(`a \`${'😀'.repeat(50)}…${'😀'.repeat(25)}\` b`);
  });
});
