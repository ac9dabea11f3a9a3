/**
 * A front matter with thousands of keys in one mapping (10,000 `x-` fields, a pasted export):
 * duplicates are found and every key is located in time proportional to the keys, not their square.
 * Counted, not timed: the reads of a mapping's items stand for the work.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isMap, parseDocument, type YAMLMap } from 'yaml';
import { DiagnosticSink, LineIndex } from '#core/diagnostics';
import { duplicateKeys, locate, parseYaml } from '#core/load/yaml';
import { check, client } from '../../helpers/portfolio.ts';

/** The mapping's items behind a proxy that counts every read of an item. */
function countReads(map: YAMLMap): { reads: number } {
  const counter = { reads: 0 };
  map.items = new Proxy(map.items, {
    get(target, prop, receiver) {
      if (typeof prop === 'string' && /^\d+$/.test(prop)) counter.reads++;
      return Reflect.get(target, prop, receiver);
    },
  });
  return counter;
}

describe('a mapping of thousands of keys', () => {
  test('each of 5,000 unknown keys is reported at its line, locating them reads the mapping once', () => {
    const n = 5000;
    const yaml = Array.from({ length: n }, (_, i) => `zz${i}: v`).join('\n');
    const parsed = parseYaml(yaml, 0, new DiagnosticSink('x.md', new LineIndex(yaml)))!;
    expect(isMap(parsed.doc.contents)).toBe(true);
    const counter = countReads(parsed.doc.contents as YAMLMap);
    for (let i = n - 1; i >= 0; i--) expect(locate(parsed, [`zz${i}`], 'key')).toMatchObject({ start: yaml.indexOf(`zz${i}:`), missing: false });
    // A search per key read n * n / 2 items: 12.5 million.
    expect(counter.reads).toBeLessThanOrEqual(2 * n);
  });

  test('10,000 x- fields validate; an unknown key among them is located', () => {
    const fields = Array.from({ length: 10_000 }, (_, i) => `x-field-${i}: value ${i}`);
    fields.splice(7000, 0, 'actons: []');
    const result = check(client(fields.join('\n')));
    expect(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(['7002:1 unknown-key']);
    expect(Object.keys(result.extensions ?? {}).length).toBe(10_000);
  });

  test('duplicate keys are the ones the yaml package finds, at the same keys (1 and 1.0 alike, 1 and "1" not)', () => {
    const key = fc.constantFrom('a', 'b', '"a"', "'b'", '1', '1.0', '"1"', '0x1', '~', 'null', '""', 'true', '"true"');
    const mapping = fc.array(key, { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(mapping, fc.boolean(), (keys, flow) => {
        const yaml = flow ? `{${keys.map((k, i) => `${k}: ${i}`).join(', ')}}` : keys.map((k, i) => `${k}: ${i}\nx-n${i}:\n  ${k}: 1\n  ${k}: 2`).join('\n');
        const theirs = parseDocument(yaml, { version: '1.2', schema: 'core', uniqueKeys: true, logLevel: 'silent' })
          .errors.filter((e) => e.code === 'DUPLICATE_KEY')
          .map((e) => yaml.slice(e.pos[0]).trimStart().slice(0, 3));
        const ours = duplicateKeys(parseDocument(yaml, { version: '1.2', schema: 'core', uniqueKeys: false, logLevel: 'silent' })).map((e) => yaml.slice(e.pos[0]).slice(0, 3));
        expect(ours.sort()).toEqual(theirs.sort());
      }),
      { numRuns: 300 },
    );
  });
});
