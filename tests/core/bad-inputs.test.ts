/**
 * A catalogue of bad input. Each gets one clear message at the line (and column) of the mistake;
 * none throws; nothing in a file is ever executed.
 */
import { existsSync } from 'node:fs';
import { symlink } from 'node:fs/promises';
import path from 'node:path';
import { outdent } from 'outdent';
import { describe, expect, it } from 'vitest';
import { loadPortfolio } from '#core/portfolio';
import { AS_OF, brief, check, client, only, problems, tempPortfolios } from '../helpers/portfolio.ts';

const portfolio = tempPortfolios();
const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

describe('YAML syntax', () => {
  it.each([
    [
      'an unclosed quote, at the opening quote',
      client('name: "Acme'),
      '2:7 error yaml-missing-char: YAML: this quoted value is never closed: the closing `"` is missing.',
    ],
    [
      'an unclosed single quote',
      client("contact:\n  name: 'Ann Lee"),
      "3:9 error yaml-missing-char: YAML: this quoted value is never closed: the closing `'` is missing.",
    ],
    [
      'a value containing ": "',
      client('name: Acme: the best'),
      '2:7 error yaml-block-as-implicit-key: YAML: the value of `name` contains `: `, which YAML reads as the start of another key.',
    ],
    [
      'a line indented more than its siblings, at that line',
      client('contact:\n  name: Ann Lee\n   role: Owner'),
      "4:4 error yaml-multiline-implicit-key: YAML: this line is indented more than the key above it, so it is read as part of that key's value.",
    ],
    [
      'a line indented less than its siblings',
      client('contact:\n  name: Ann Lee\n role: Owner'),
      '4:2 error yaml-bad-indent: YAML: this key does not line up with the keys above it.',
    ],
    [
      "a list item's key not lined up with its first key",
      client('actions:\n  - title: Call Ann\n   due: 2026-12-15'),
      "4:4 error yaml-missing-char: YAML: this line is indented like part of the list item above, but it does not line up with the item's keys.",
    ],
    [
      'an unclosed [',
      client('actions:\n  - title: Call Ann\n    tags: [backup, server'),
      '4:11 error yaml-bad-indent: YAML: the list that starts with `[` is never closed with `]`.',
    ],
    [
      'an unclosed {',
      client('contact: {name: Ann Lee'),
      '2:10 error yaml-bad-indent: YAML: the mapping that starts with `{` is never closed with `}`.',
    ],
    ['a missing colon', client('name Acme'), '2:1 error yaml-multiline-implicit-key: YAML: this line is not a `key: value` pair: the colon is missing.'],
    ['a missing space after the colon', client('name:Acme'), '2:1 error yaml-multiline-implicit-key: YAML: `name:Acme` needs a space after the colon.'],
    ['a value starting with @', client('name: @acme'), '2:7 error yaml-bad-scalar-start: YAML: a value cannot start with `@` unless it is in quotes.'],
    [
      'a Windows path in double quotes',
      client('contact:\n  name: Ann Lee\n  note: "C:\\new\\q"'),
      '4:16 error yaml-bad-dq-escape: YAML: `\\q` is not an escape sequence inside double quotes.',
    ],
    ['an alias without an anchor', client('name: *acme'), '2:7 error yaml-bad-alias: YAML: the alias `*acme` refers to no anchor `&acme` above it.'],
    ['a YAML 1.1 tag', client('name: !!binary QWNtZQ=='), '2:7 error yaml-tag-resolve-failed: YAML: the tag `!!binary` is not supported.'],
    ['a custom tag', client('name: !!js/function "f() {}"'), '2:7 error yaml-tag-resolve-failed: YAML: the tag `!!js/function` is not supported.'],
    ['a second document', client('name: Acme\n...\ntype: basic'), '3:1 error yaml-multiple-docs: YAML: `...` ends the document here, and more YAML follows it (a second document).'],
  ])('%s', (_what, text, expected) => {
    expect(problems(text)).toEqual([expected]);
  });

  it('says how to fix a value containing ": "', () => {
    expect(only(client('name: Acme: the best')).hint).toBe('Put the value in quotes: `name: "Acme: the best"`.');
    expect(only(client('name: Say "hi": now')).hint).toBe('Put the value in quotes: `name: \'Say "hi": now\'`.');
  });

  it('says which key to line up', () => {
    expect(only(client('contact:\n  name: Ann Lee\n   role: Owner')).hint).toBe(
      'Line up `role:` with the other keys at its level, using the same number of spaces.',
    );
  });

  it('a tab used for indentation: one message, at the tab', () => {
    const d = only('---\nname: Acme\ntype: basic\ncontact:\n\tname: Ann Lee\ngrowth:\n  outlook: stable\nactions: []\n---\n');
    expect(brief(d)).toBe('5:1 error yaml-tab-as-indent: YAML: a tab is used for indentation.');
    expect(d.hint).toBe('YAML allows only spaces for indentation: replace the tab with spaces (two per level).');
  });

  it('a tab inside a value is fine', () => {
    expect(check(client('name: Acme\tLtd')).data?.name).toBe('Acme\tLtd');
  });
});

describe('duplicate keys', () => {
  it('at the top level, at the second one', () => {
    const d = only(client('name: Acme\ntype: basic\nname: Acme Ltd'));
    expect(d).toMatchObject({ line: 4, column: 1, endColumn: 5, code: 'yaml-duplicate-key', message: 'YAML: `name` appears twice in the same mapping.' });
    expect(d.hint).toBe('Keep one of them: YAML keys must be unique, and the second would silently replace the first.');
  });

  it('in a nested mapping', () => {
    expect(problems(client('growth:\n  outlook: stable\n  outlook: growing'))).toEqual([
      '4:3 error yaml-duplicate-key: YAML: `outlook` appears twice in the same mapping.',
    ]);
  });
});

describe('wrong values', () => {
  it.each([
    ['an impossible date', client('growth:\n  outlook: stable\n  asked: 2026-02-30'), '4:10 error bad-date: `asked: 2026-02-30` is not a date.', 'February 2026 has 28 days.'],
    ['29 February of a common year', client('actions:\n  - title: Call Ann\n    due: 2027-02-29'), '4:10 error bad-date: `due: 2027-02-29` is not a date.', 'February 2027 has 28 days.'],
    [
      'a US-style date',
      client('actions:\n  - title: Call Ann\n    due: 12/01/2026'),
      '4:10 error bad-date: `due: 12/01/2026` is not a date.',
      'Dates are written year first. For December 1 write 2026-12-01; for January 12 write 2026-01-12.',
    ],
    ['an unknown key', client('adress: 1 Main St'), '2:1 error unknown-key: Unknown key `adress`.', undefined],
    ['a wrong type', client('employees: a few'), '2:12 error bad-number: `employees: a few` is not a whole number (0 or more).', 'Write a whole number (0 or more), e.g. `employees: 6`.'],
  ])('%s', (_what, text, expected, hint) => {
    const d = only(text);
    expect(brief(d)).toBe(expected);
    if (hint) expect(d.hint).toBe(hint);
  });
});

describe('hostile YAML', () => {
  it('an alias bomb ("billion laughs") is refused quickly, at its first alias', () => {
    const levels = 'abcdefghi'.split('');
    const lines = levels.map((name, i) =>
      i === 0 ? `x-${name}: &${name} [${Array(9).fill('"lol"').join(',')}]` : `x-${name}: &${name} [${Array(9).fill(`*${levels[i - 1]}`).join(',')}]`,
    );
    const started = performance.now();
    const d = only(client(lines.join('\n')));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(brief(d)).toBe('3:10 error yaml-alias-limit: YAML: aliases expand to more than 100 nodes.');
  });

  it('a few aliases are fine', () => {
    expect(check(client('x-a: &a [1, 2]\nx-b: *a')).extensions).toEqual({ 'x-a': [1, 2], 'x-b': [1, 2] });
  });

  it('__proto__ keys are unknown keys and pollute nothing', () => {
    const text = client(outdent`
      __proto__:
        polluted: yes
      contact:
        name: Ann Lee
        __proto__:
          polluted: yes
      constructor:
        prototype:
          polluted: yes
      x-data:
        __proto__:
          polluted: yes
    `);
    const file = check(text);
    expect(file.diagnostics.map(brief)).toEqual([
      '2:1 error unknown-key: Unknown key `__proto__`.',
      '6:3 error unknown-key: Unknown key `__proto__`.',
      '8:1 error unknown-key: Unknown key `constructor`.',
    ]);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.getPrototypeOf(file.data!)).toBe(Object.prototype);
    expect((file.data as { polluted?: unknown }).polluted).toBeUndefined();
    expect((file.data!.contact as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

describe('front matter', () => {
  it('---js front matter is refused and never run', async () => {
    const dir = await portfolio({});
    const marker = path.join(dir, 'pwned.txt');
    const code = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'pwned'); globalThis.clientbookPwned = true;`;
    const text = `---js\n${code}\nmodule.exports = { name: (globalThis.clientbookPwned = true) }\n---\n`;
    const withFile = await portfolio({ 'acme.md': text });
    const result = await loadPortfolio({ dir: withFile, cwd: withFile, asOf: AS_OF });
    expect(result.diagnostics.map(brief)).toEqual([
      '1:4 error front-matter-language: Front matter in `js` is not supported; it is never executed.',
    ]);
    expect(existsSync(marker)).toBe(false);
    expect((globalThis as { clientbookPwned?: unknown }).clientbookPwned).toBeUndefined();
  });

  it.each([
    ['---toml', '---toml\nname = "Acme"\n---\n', '1:4 error front-matter-language: Front matter in `toml` is not supported; it is never executed.'],
    ['+++ (TOML)', '+++\nname = "Acme"\n+++\n', '1:1 error front-matter-language: TOML front matter (`+++`) is not supported.'],
    ['---yaml', '---yaml\nname: Acme\n---\n', '1:1 error bad-front-matter-fence: The front matter must open with a line of exactly `---`, not `---yaml`.'],
    ['an empty file', '', '1:1 error empty-file: This file is empty.'],
    ['a file of blank lines', '\n  \n\n', '1:1 error empty-file: This file is empty.'],
    ['no front matter', '# Acme\n\nNotes.\n', '1:1 error no-front-matter: This file has no front matter: the first line must be `---`.'],
    ['front matter below a blank line', '\n---\nname: Acme\n---\n', '1:1 error no-front-matter: The front matter must begin on the very first line, but its `---` is on line 2.'],
    ['unterminated front matter', '---\nname: Acme\ntype: basic\n\n## Notes\n', '1:1 error unterminated-front-matter: The front matter that starts here is never closed.'],
    ['empty front matter', '---\n---\n# Acme\n', '1:1 error empty-front-matter: The front matter is empty.'],
    ['front matter of comments only', '---\n# nothing yet\n---\n', '1:1 error empty-front-matter: The front matter is empty.'],
    ['front matter that is a list', '---\n- name: Acme\n---\n', '2:1 error front-matter-not-mapping: The front matter must be a mapping of `key: value` lines.'],
    ['front matter that is a scalar', '---\nAcme Ltd\n---\n', '2:1 error front-matter-not-mapping: The front matter must be a mapping of `key: value` lines.'],
  ])('%s', (_what, text, expected) => {
    expect(problems(text)).toEqual([expected]);
  });

  it('the body starts after the closing fence, which may carry trailing spaces', () => {
    const file = check(client('', { body: '\n## 2026-11-03 Meeting\nNotes.\n' }).replace(/\n---\n/, '\n---  \n'));
    expect(file.diagnostics).toEqual([]);
    expect(file.body).toBe('\n## 2026-11-03 Meeting\nNotes.\n');
    expect(file.bodyLine).toBe(12);
  });
});

describe('files that are not UTF-8 text', () => {
  it('binary junk, at its first NUL byte', () => {
    expect(problems(bytes('---\nname: A', [0, 1, 2, 0xff]))).toEqual(['2:8 error binary-file: This file is not text: it contains a NUL byte.']);
  });

  it('invalid UTF-8, at the first bad byte', () => {
    expect(problems(bytes('---\nname: Caf', [0xe9], '\n---\n'))).toEqual([
      '2:10 error not-utf8: This file is not valid UTF-8 (byte 0xe9 at byte offset 13).',
    ]);
  });

  it('a bad file name and invalid UTF-8 are both reported', () => {
    expect(problems(bytes([0xff]), { file: 'Acme.md' })).toEqual([
      '1:1 error bad-file-name: The file name `Acme.md` is not a valid client id.',
      '1:1 error not-utf8: This file is not valid UTF-8 (byte 0xff at byte offset 0).',
    ]);
  });
});

describe('byte-order marks and CRLF line ends', () => {
  const variants: [string, (text: string) => string][] = [
    ['a BOM', (t) => `\uFEFF${t}`],
    ['CRLF', (t) => t.replaceAll('\n', '\r\n')],
    ['a BOM and CRLF', (t) => `\uFEFF${t.replaceAll('\n', '\r\n')}`],
  ];

  it.each(variants)('a file with %s passes cleanly', (_what, variant) => {
    const file = check(variant(client('contact:\n  name: Ann Lee\n  role: Owner', { body: '## Notes\nAll fine.\n' })));
    expect(file.diagnostics).toEqual([]);
    expect(file.data?.name).toBe('Acme');
    expect(file.data?.contact?.role).toBe('Owner');
    expect(file.body.replaceAll('\r\n', '\n')).toBe('## Notes\nAll fine.\n');
  });

  it.each(variants)('a file with %s reports errors at the right line and column', (_what, variant) => {
    expect(problems(variant(client('since: 2016\ntype: vip')))).toEqual([
      '2:8 error bad-date: `since: 2016` is not a date or a month.',
      '3:7 error bad-enum: `type: vip` is not a valid type.',
    ]);
    expect(problems(variant(client('name: "Acme')))).toEqual([
      '2:7 error yaml-missing-char: YAML: this quoted value is never closed: the closing `"` is missing.',
    ]);
    expect(problems(variant(client('', { omit: ['name'] })))).toEqual(['1:1 error missing-key: `name` is missing from the front matter.']);
  });

  it('a diagnostic never ends inside a CRLF', () => {
    const d = only(client('type: vip').replaceAll('\n', '\r\n'));
    expect({ line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn }).toEqual({ line: 2, column: 7, endLine: 2, endColumn: 10 });
  });
});

describe('files that cannot be read', () => {
  it('a broken link named like a client is an error, not a client silently gone; a link to a client is never followed; a link to a folder is no client', async () => {
    const dir = await portfolio({ 'acme.md': client(), 'real/bolt.md': client('name: Bolt') });
    await symlink(path.join(dir, 'moved-away/ghost.md'), path.join(dir, 'ghost.md'));
    await symlink(path.join(dir, 'real/bolt.md'), path.join(dir, 'bolt-link.md'));
    await symlink(path.join(dir, 'real'), path.join(dir, 'folder.md'));
    const result = await loadPortfolio({ dir, cwd: dir, asOf: AS_OF });
    expect(result.diagnostics.map((d) => `${d.file}:${brief(d)}`)).toEqual([
      `bolt-link.md:1:1 error symbolic-link: The file is a symbolic link to ${path.join(dir, 'real/bolt.md')}: clientbook never follows a link to a file, so that nothing outside the portfolio is read.`,
      `ghost.md:1:1 error unreadable-file: The file is a link to ${path.join(dir, 'moved-away/ghost.md')}, which does not exist.`,
    ]);
    expect(result.diagnostics[1]!.hint).toBe('Point the link at the client file, or delete the link.');
    expect(result.files).toBe(4);
    expect(result.hasErrors).toBe(true);
  });
});
