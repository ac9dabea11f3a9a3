/**
 * Whatever the bytes, `checkClientFile` returns diagnostics (never throws), and every diagnostic
 * points inside the file.
 */
import fc from 'fast-check';
import { outdent } from 'outdent';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '#core/diagnostics';
import { assemble } from '#core/portfolio';
import { DEFAULT_SETTINGS } from '#core/settings';
import { AS_OF, check } from '../helpers/portfolio.ts';

const VALID = outdent`
  ---
  name: Hank's Hardware
  type: strategic
  involvement: just-right
  since: 2016-04
  contact:
    name: Hank Miller
    phone: "+1 867 555 0100"
  people:
    - name: Donna Miller
      role: Bookkeeper
  employees: 6
  referred_by: lakeside-dental
  growth:
    outlook: growing
    asked: 2026-01-20
    horizon: 2028
  meetings:
    cadence: monthly
    last: 2026-11-03
  actions:
    - title: Renew anti-virus for all seats
      due: 2026-12-15
      every: 1 year
      tags: [renewal]
    - title: Replace the store switch
      done: 2026-10-22
  assets:
    - name: Main server
      kind: server
      acquired: 2016-09-14
      expires: 2021-09-30
      replace: 2027-Q2
  roadmap:
    - title: Replace the main server
      when: 2027-Q2
      cost: 7800.50
      status: agreed
  x-billing: monthly retainer
  ---

  ## 2026-11-03 Monthly meeting
  Hank confirmed the contractor desk opens in March 2027.
`;

const LAKESIDE = '---\nname: Lakeside\ntype: basic\ncontact:\n  name: Lee\ngrowth:\n  outlook: stable\nactions: []\n---\n';

/** The lines of a file as an editor counts them (a final line end does not start a line). */
function linesOf(bytes: Uint8Array): string[] | undefined {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    return text.split(/\r?\n/);
  } catch {
    return undefined;
  }
}

/** Fails unless every diagnostic lies within the file. */
function expectInside(bytes: Uint8Array, diagnostics: readonly Diagnostic[]): void {
  const lines = linesOf(bytes);
  const lineCount = lines?.length ?? bytes.filter((b) => b === 10).length + 1;
  for (const d of diagnostics) {
    const where = `${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.code}`;
    expect(d.line, where).toBeGreaterThanOrEqual(1);
    expect(d.line, where).toBeLessThanOrEqual(lineCount);
    expect(d.column, where).toBeGreaterThanOrEqual(1);
    expect(d.endLine, where).toBeGreaterThanOrEqual(d.line);
    expect(d.endLine, where).toBeLessThanOrEqual(lineCount);
    if (d.endLine === d.line) expect(d.endColumn, where).toBeGreaterThanOrEqual(d.column);
    if (lines) {
      // Columns count UTF-16 code units, the last one just past the line's end.
      expect(d.column, where).toBeLessThanOrEqual(lines[d.line - 1]!.length + 1);
      expect(d.endColumn, where).toBeLessThanOrEqual(lines[d.endLine - 1]!.length + 1);
    }
    expect(d.message.length, where).toBeGreaterThan(0);
  }
}

function checkAll(bytes: Uint8Array): void {
  const file = check(bytes);
  expectInside(bytes, file.diagnostics);
  // The cross-file rules run on whatever came out of the file.
  const result = assemble('/p', DEFAULT_SETTINGS, AS_OF, [file, check(LAKESIDE, { file: 'lakeside-dental.md' })]);
  expectInside(bytes, result.diagnostics.filter((d) => d.file === 'acme.md'));
}

const encode = (text: string) => new TextEncoder().encode(text);

/** Characters that mean something to YAML and to the front matter splitter. */
const yamlish = fc.constantFrom(
  ...'-:  \n\n\t"\'[]{},&*!#|>?%@`.~=+\r\uFEFF\u00e9\u{1F600}ax1_'.split(''),
  '---',
  '...',
  '\n  ',
  '\n- ',
  'name: ',
  'x-',
  '2026-02-30',
  '__proto__',
);

type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'swap'; at: number; with: number }
  | { kind: 'insert'; at: number; column: number; text: string }
  | { kind: 'indent'; at: number; by: number; tab: boolean };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), column: fc.nat(), text: fc.string({ unit: yamlish, maxLength: 4 }) }),
  fc.record({ kind: fc.constant('indent' as const), at: fc.nat(), by: fc.integer({ min: -4, max: 4 }), tab: fc.boolean() }),
);

function mutate(text: string, mutations: readonly Mutation[]): string {
  const lines = text.split('\n');
  for (const m of mutations) {
    const i = m.at % lines.length;
    const line = lines[i]!;
    switch (m.kind) {
      case 'delete':
        if (lines.length > 1) lines.splice(i, 1);
        break;
      case 'duplicate':
        lines.splice(i, 0, line);
        break;
      case 'swap': {
        const j = m.with % lines.length;
        [lines[i], lines[j]] = [lines[j]!, line];
        break;
      }
      case 'insert': {
        const column = m.column % (line.length + 1);
        lines[i] = line.slice(0, column) + m.text + line.slice(column);
        break;
      }
      case 'indent':
        lines[i] = m.by >= 0 ? (m.tab ? '\t' : ' ').repeat(m.by) + line : line.replace(new RegExp(`^ {0,${-m.by}}`), '');
        break;
    }
  }
  return lines.join('\n');
}

describe('checkClientFile never throws and always points inside the file', () => {
  it('the unmutated file is valid (so mutations start from a clean slate)', () => {
    const file = check(encode(VALID));
    expect(file.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(file.data?.name).toBe("Hank's Hardware");
  });

  it('random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => checkAll(bytes)), { numRuns: 300 });
  });

  it('random bytes after a valid opening fence', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 500 }), fc.boolean(), (bytes, close) =>
        checkAll(new Uint8Array([...encode('---\n'), ...bytes, ...(close ? encode('\n---\n') : [])])),
      ),
      { numRuns: 300 },
    );
  });

  it('random YAML-ish front matter', () => {
    fc.assert(
      fc.property(fc.string({ unit: yamlish, maxLength: 120 }), (yaml) => checkAll(encode(`---\n${yaml}\n---\nbody\n`))),
      { numRuns: 1000 },
    );
  });

  it('random mutations of a valid file: lines deleted, duplicated, swapped, characters inserted, indentation changed', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), fc.constantFrom('', '\r\n', '\uFEFF'), (mutations, variant) => {
        let text = mutate(VALID, mutations);
        if (variant === '\r\n') text = text.replaceAll('\n', '\r\n');
        if (variant === '\uFEFF') text = `\uFEFF${text}`;
        checkAll(encode(text));
      }),
      { numRuns: 1000 },
    );
  });
});
