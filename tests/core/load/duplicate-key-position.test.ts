/**
 * A duplicate key right after a key with an empty value (issue 10 §13): the parser's offset is then
 * still on the line before, and the error must be located at the second key itself, line and column,
 * with the key's width underlined, however the empty value is written.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { check, client } from '../../helpers/portfolio.ts';

/** `line:col-endcol message` of the duplicate-key errors; the fields start on line 2. */
const duplicates = (fields: string) =>
  check(client(fields))
    .diagnostics.filter((d) => d.code === 'yaml-duplicate-key')
    .map((d) => `${d.line}:${d.column}-${d.endColumn} ${d.message}`);

const MESSAGE = (key: string) => `YAML: \`${key}\` appears twice in the same mapping.`;

describe('a duplicate key after an empty value', () => {
  test.each([
    ['nothing after the colon', 'x-site:\nx-site: Main office', '3:1-7'],
    ['spaces after the colon', 'x-site:   \nx-site: Main office', '3:1-7'],
    ['a comment after the colon', 'x-site:   # to fill in\nx-site: Main office', '3:1-7'],
    ['a blank line between', 'x-site:\n\nx-site: Main office', '4:1-7'],
    ['a line of spaces between', 'x-site:\n    \nx-site: Main office', '4:1-7'],
    ['a comment line between', 'x-site:\n# the old site\nx-site: Main office', '4:1-7'],
    ['a null written as ~', 'x-site: ~\nx-site: Main office', '3:1-7'],
    ['an empty list item before', 'x-sites:\n  - Main\n  -\nx-sites: Annex', '5:1-8'],
    ['Windows line ends', 'x-site:\r\nx-site: Main office', '3:1-7'],
  ])('%s', (_what, fields, at) => {
    const key = fields.slice(0, fields.indexOf(':'));
    expect(duplicates(fields)).toEqual([`${at} ${MESSAGE(key)}`]);
  });

  test('in a nested mapping, at the nested key\'s column', () => {
    expect(duplicates('growth:\n  outlook: stable\n  note:\n  note: Hiring two')).toEqual([`5:3-7 ${MESSAGE('note')}`]);
    expect(duplicates('contact:\n  name: Ann Lee\n  role:\n\n  role: Owner')).toEqual([`6:3-7 ${MESSAGE('role')}`]);
  });

  test('the second of two empty keys', () => {
    expect(duplicates('x-site:\nx-site:')).toEqual([`3:1-7 ${MESSAGE('x-site')}`]);
  });

  test('wherever the second key is, after whatever empty lines (any key, any gap)', () => {
    const gap = fc.array(fc.constantFrom('', '   ', '# note', '  # indented note'), { maxLength: 4 });
    const key = fc.stringMatching(/^x-[a-z]{1,12}$/);
    const empty = fc.constantFrom('', ' ', '   # empty', ' ~', ' null');
    fc.assert(
      fc.property(key, empty, gap, (k, value, between) => {
        const fields = [`${k}:${value}`, ...between, `${k}: second`].join('\n');
        expect(duplicates(fields)).toEqual([`${2 + 1 + between.length}:1-${1 + k.length} ${MESSAGE(k)}`]);
      }),
      { numRuns: 300 },
    );
  });
});
