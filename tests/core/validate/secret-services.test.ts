/**
 * Tokens of named services (issue 10 §13), shaped like the real ones (all of them fake): each is
 * found wherever it is written, named for its service and located at its first character; the
 * near misses (too short, another prefix, a public key) are not.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { check, client } from '../../helpers/portfolio.ts';

/** Letters and digits from a fixed seed: long enough to look real, never a real token. */
function fake(length: number, seed = 7, alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'): string {
  let out = '';
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    out += alphabet[(x >>> 16) % alphabet.length];
  }
  return out;
}

const TOKENS = {
  'a GitHub token': [
    `ghp_${fake(36, 1)}`,
    `gho_${fake(36, 2)}`,
    `ghu_${fake(36, 3)}`,
    `ghs_${fake(36, 4)}`,
    `ghr_${fake(36, 5)}`,
    `github_pat_11${fake(20, 6)}_${fake(59, 7)}`,
  ],
  'a Slack token': [
    `xoxb-2718281828-3141592653589-${fake(24, 8)}`,
    `xoxp-2718281828-1618033988-3141592653589-${fake(32, 9, 'abcdef0123456789')}`,
    `xoxa-2-${fake(40, 10)}`,
    `xoxe.xoxp-1-${fake(60, 11)}`,
    `xoxe-1-${fake(60, 12)}`,
    `xapp-1-A0123456789-3141592653589-${fake(64, 13, 'abcdef0123456789')}`,
  ],
  'a Stripe key': [`sk_live_51${fake(97, 14)}`, `rk_live_51${fake(97, 15)}`, `sk_live_${fake(24, 16)}`],
  // 39 characters: AIza and 35 more, which may include `-` and `_`, at the end too.
  'a Google API key': [`AIzaSy${fake(33, 17)}`, `AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBW_`, `AIzaSy${fake(32, 18)}-`],
};

/** `line:col-endcol severity message` of the secret warnings of a file. */
const warnings = (fields: string, body = '') =>
  check(client(fields, { body }))
    .diagnostics.filter((d) => d.code === 'secret')
    .map((d) => `${d.line}:${d.column}-${d.endColumn} ${d.severity} ${d.message}`);

describe.each(Object.entries(TOKENS))('%s', (name, tokens) => {
  test.each(tokens)('%s is found in a field, named and located', (token) => {
    // Unlabelled, so only the service's own pattern can find it.
    expect(warnings(`x-ci: ${token}`)).toEqual([`2:7-${7 + token.length} warning This looks like ${name}.`]);
  });

  test.each(tokens)('%s is found in the notes, in a sentence, after a `=` or in quotes', (token) => {
    const body = `\n## 2026-11-03 Visit\nSet up the deploy with ${token} for now.\nexport KEY=${token}\nconfig: "${token}"\n`;
    // The front matter ends on line 11; the body's first line is empty.
    expect(warnings('', body)).toEqual([
      `14:24-${24 + token.length} warning This looks like ${name}.`,
      `15:12-${12 + token.length} warning This looks like ${name}.`,
      `16:10-${10 + token.length} warning This looks like ${name}.`,
    ]);
  });
});

describe('near misses are not secrets', () => {
  test.each([
    ['a GitHub prefix with too few characters', `ghp_${fake(29)}`],
    ['another two letters after gh', `ghx_${fake(36)}`],
    ['a word that starts like a prefix', `sighp_${fake(36)}`],
    ['a fine-grained prefix with a short tail', `github_pat_${fake(20)}`],
    ['Slack without its dash', `xoxb${fake(30)}`],
    ['Slack with a short tail', 'xoxb-123456789'],
    ['another Slack letter', `xoxz-${fake(30)}`],
    ['a Stripe publishable key (public by design)', `pk_live_${fake(24)}`],
    ['a Stripe key with a short tail', `sk_live_${fake(15)}`],
    ['a Stripe test key', `sk_test_${fake(24)}`],
    ['a Google key one character short', `AIzaSy${fake(32)}`],
    ['a Google-like prefix in another case', `aiza${fake(35)}`],
    ['a word that ends like a Google prefix', `FAIza${fake(35)}`],
  ])('%s: %s', (_what, text) => {
    expect(warnings(`x-ci: ${text}`, `\nIn the notes: ${text}\n`)).toEqual([]);
  });

  test('a token only a word long, or a prefix named in prose, is not a secret', () => {
    expect(warnings('x-note: Our GitHub tokens start with ghp_ and Slack ones with xoxb-.', '\nRotate the sk_live_ keys every year.\n')).toEqual([]);
  });
});

describe('any token of a named service, in any line of the notes', () => {
  test('is found where it starts, with its service named, whatever comes before and after', () => {
    const service = fc.constantFrom(
      ...Object.entries(TOKENS).flatMap(([name, tokens]) => tokens.map((token) => [name, token] as const)),
    );
    const words = fc.stringMatching(/^[A-Za-z ,.]{0,30}$/);
    fc.assert(
      fc.property(service, words, words, ([name, token], before, after) => {
        const line = `${before} ${token} ${after}`;
        const column = before.length + 2;
        expect(warnings('', `\n${line}\n`)).toEqual([`13:${column}-${column + token.length} warning This looks like ${name}.`]);
      }),
      { numRuns: 300 },
    );
  });
});
