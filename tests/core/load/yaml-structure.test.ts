/**
 * YAML the parser accepts but no reader of a client file should meet: self-referencing aliases,
 * complex and merge keys, tags, nesting without end. Each is one located error, and no command
 * crashes on it.
 */
import { describe, expect, it } from 'vitest';
import { run } from '../../helpers/cli.ts';
import { check, client, only, tempPortfolios } from '../../helpers/portfolio.ts';

describe('self-referencing aliases', () => {
  it.each([
    ['an alias inside its own list', 'x-a: &a [*a]', '2:10', '*a', 2],
    ['an alias inside its own mapping, nested', 'x-a: &a\n  b:\n    c: [1, *a]', '4:12', '*a', 2],
    ['an alias to a nested map inside itself', 'contact: &c\n  name: Ann\n  x-self: *c', '4:11', '*c', 2],
    ['an anchor on the root mapping used inside it', '&r\nname: Acme\nx-b: *r', '4:6', '*r', 2],
  ])('%s is an error at the alias', (_what, fields, at, alias, anchorLine) => {
    const d = only(client(fields));
    expect([`${d.line}:${d.column}`, d.code, d.severity]).toEqual([at, 'yaml-circular-alias', 'error']);
    expect(d.endColumn - d.column).toBe(alias.length);
    expect(d.message).toBe(
      `YAML: the alias \`${alias}\` is inside the value it refers to (\`&${alias.slice(1)}\` on line ${anchorLine}), so that value would contain itself without end.`,
    );
  });

  it('an alias to an anchor outside itself is fine', () => {
    const file = check(client('x-a: &a [1, 2]\nx-b: [*a, *a]'));
    expect(file.diagnostics).toEqual([]);
    expect(file.extensions).toEqual({ 'x-a': [1, 2], 'x-b': [[1, 2], [1, 2]] });
  });

  describe('no command crashes on one', () => {
    const portfolio = tempPortfolios();
    const cyclic = client('x-a: &a [*a]');

    it('validate reports it and exits 1', async () => {
      const cwd = await portfolio({ 'clients/acme.md': cyclic });
      const r = await run(['validate', '--as-of', '2026-12-01'], cwd);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('clients/acme.md:2:10: error: YAML: the alias `*a` is inside the value it refers to');
      expect(r.stderr).toBe('');
    });

    it.each([
      ['due', ['due', '--as-of', '2026-12-01']],
      ['done', ['done', 'acme', 'Call Ann', '--on', '2026-12-01']],
      ['note', ['note', 'acme', 'Called', '--on', '2026-12-01']],
      ['met', ['met', 'acme', '--on', '2026-12-01']],
      ['validate --format json', ['validate', '--format', 'json', '--as-of', '2026-12-01']],
    ])('%s exits 1 with the diagnostic, never an internal error', async (_name, argv) => {
      const cwd = await portfolio({ 'clients/acme.md': cyclic, 'clients/zeta.md': client('name: Zeta') });
      const r = await run(argv, cwd);
      expect(r.code).toBe(1);
      // Reports name the diagnostic; edits refuse the file, naming it.
      expect(`${r.stdout}${r.stderr}`).toMatch(argv[0] === 'due' || argv[0] === 'validate' ? /yaml-circular-alias/ : /clients\/acme\.md has errors/);
      expect(`${r.stdout}${r.stderr}`).not.toMatch(/internal error|RangeError|Maximum call stack/i);
    });
  });
});

describe('other YAML the format does not use', () => {
  it.each([
    ['a complex key', '? [a, b]\n: 1', '2:3', 'yaml-complex-key'],
    ['a flow list as a key', '[a]: 1', '2:1', 'yaml-complex-key'],
    ['an alias as a key', 'x-k: &k key\nx-m:\n  *k : 1', '4:3', 'yaml-complex-key'],
    ['a merge key', 'x-d: &d {k: 1}\nx-m:\n  <<: *d', '4:3', 'yaml-merge-key'],
    ['a merge key at the top', '<<: {name: Acme}', '2:1', 'yaml-merge-key'],
    ['!!binary', 'x-a: !!binary aGVsbG8=', '2:6', 'yaml-tag-resolve-failed'],
    ['!!set', 'x-a: !!set {a, b}', '2:6', 'yaml-tag-resolve-failed'],
    ['!!timestamp', 'x-a: !!timestamp 2001-12-14', '2:6', 'yaml-tag-resolve-failed'],
    ['a custom tag', 'x-a: !ruby/object:Gem {}', '2:6', 'yaml-tag-resolve-failed'],
    ['a verbatim tag', 'x-a: !<tag:example.com,2000:x> bar', '2:6', 'yaml-tag-resolve-failed'],
  ])('%s is a located error', (_what, fields, at, code) => {
    const d = only(client(fields));
    expect([`${d.line}:${d.column}`, d.code, d.severity]).toEqual([at, code, 'error']);
  });

  it('a complex key is located on its own line, not at the start of the front matter', () => {
    const d = only(client('type: basic\nlocation: Whitehorse\n? [a, b]\n: 1'));
    expect(`${d.line}:${d.column}`).toBe('4:3');
  });

  it('nesting deeper than 64 levels is refused where it goes too deep', () => {
    const d = only(client(`x-a: ${'['.repeat(100)}${']'.repeat(100)}`));
    expect([`${d.line}:${d.column}`, d.code]).toEqual(['2:69', 'yaml-too-deep']);
  });

  it.each([
    ['flow lists', `x-a: ${'['.repeat(20_000)}${']'.repeat(20_000)}`],
    ['block mappings', `x-a:\n${Array.from({ length: 3000 }, (_, i) => `${'  '.repeat(i + 1)}k${i}:`).join('\n')}`],
    ['list items on one line', `x-a:\n  ${'- '.repeat(5000)}x`],
  ])('nesting of thousands of %s is one located error, not a crash', (_what, fields) => {
    const { diagnostics } = check(client(fields));
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.every((d) => d.severity === 'error' && /^yaml-(resource-exhaustion|too-deep)$/.test(d.code) && d.line >= 2)).toBe(true);
  });

  it('a very long line is read', () => {
    const file = check(client(`x-a: ${'a'.repeat(1_000_000)}`));
    expect(file.diagnostics).toEqual([]);
    expect((file.extensions['x-a'] as string).length).toBe(1_000_000);
  });

  it('`!!str` keeps a number as text', () => {
    expect(check(client('name: !!str 1984')).data?.name).toBe('1984');
  });
});
