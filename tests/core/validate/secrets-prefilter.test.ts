/**
 * `checkSecrets` looks only at the lines where one search of the whole file finds a candidate. That is
 * safe only if every text any secret pattern matches holds a candidate: checked here on text generated
 * from each pattern itself, so a pattern added without its candidate fails.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DiagnosticSink, LineIndex } from '#core/diagnostics';
import { CANDIDATE, PATTERNS, checkSecrets } from '#core/validate/secrets';

const candidate = new RegExp(CANDIDATE.source, 'i');

/**
 * Text matching a pattern. fast-check generates from neither `\b` nor the `i` flag: it generates from
 * the pattern without its word boundaries, then flips the case of letters at random where case is ignored.
 */
function matching(pattern: RegExp): fc.Arbitrary<string> {
  const plain = fc.stringMatching(new RegExp(pattern.source.replaceAll('\\b', '')));
  if (!pattern.flags.includes('i')) return plain;
  return plain.chain((text) =>
    fc.array(fc.boolean(), { minLength: text.length, maxLength: text.length }).map((upper) =>
      [...text].map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join(''),
    ),
  );
}

describe('the secrets pre-filter', () => {
  test.each(PATTERNS.map((p) => [p.name, p.pattern] as const))('every match of %s holds a candidate', (_name, pattern) => {
    let matched = 0;
    fc.assert(
      fc.property(matching(pattern), (text) => {
        const m = pattern.exec(text);
        if (m) expect(m[0]).toMatch(candidate);
        matched += m ? 1 : 0;
      }),
      { numRuns: 300 },
    );
    // Many generated texts match (others lose a word boundary to a neighbouring letter): the property was exercised.
    expect(matched).toBeGreaterThan(30);
  });

  test('finds secrets on every line that has one, however many lines have candidates that are not', () => {
    const lines = [
      'The rapid API rollout passed QA.',
      'Wi-Fi password: in the vault, entry Hank',
      'router password: Hunter22x',
      'nothing here',
      'token: 9f8e7d6c5b4a39281706',
      'api passes the token around',
      'AKIAABCDEFGHIJKLMNOP',
    ];
    const text = lines.join('\r\n');
    const index = new LineIndex(text);
    const sink = new DiagnosticSink('a.md', index);
    checkSecrets(index, sink);
    expect(sink.items.map((d) => [d.line, d.message])).toEqual([
      [3, 'This looks like a password.'],
      [5, 'This looks like an API key or token.'],
      [7, 'This looks like an AWS access key.'],
    ]);
  });
});
