/**
 * FORMAT.md "Rules across fields". Each test is a clause found broken, asserting what
 * `validate --format json` reports.
 */
import { outdent } from 'outdent';
import { describe, expect, it } from 'vitest';
import { client } from '../helpers/portfolio.ts';
import { validateOne } from '../helpers/validate-one.ts';

const validate = validateOne({ hints: false });

describe('FORMAT Rules across fields: a value that looks like a secret, anywhere in the file, is a warning', () => {
  it('also when its key is on the line above: a value on the next line, a block scalar, a quoted value, in the notes', async () => {
    const result = await validate(
      client(
        outdent`
          x-wifi:
            password:
              hunter22x
          x-api_key: |
            9f8e7d6c5b4a3210
          x-token: >-
            "abcd1234efgh"
          x-pwd:
            in the vault
          x-password:
            - a list item
        `,
        { body: 'password:\n   Tr0ub4dor\n' },
      ),
    );
    expect(result).toEqual({
      code: 0,
      diagnostics: [
        '4:5 warning secret: This looks like a password.',
        '6:3 warning secret: This looks like an API key or token.',
        '8:4 warning secret: This looks like an API key or token.',
        '24:4 warning secret: This looks like a password.',
      ],
    });
  });
});

describe('FORMAT Rules across fields: `every` without `due` (and an asset\'s `renew` without `expires`)', () => {
  it('is an error at the value that needs the other date', async () => {
    const result = await validate(
      client(outdent`
        actions:
          - title: Back up the server
            every: 1 month
        assets:
          - name: Domain
            kind: domain
            renew: 1 year
      `),
    );
    expect(result).toEqual({
      code: 1,
      diagnostics: [
        '4:12 error every-without-due: `every` needs a `due` date: a recurring action repeats from its due date.',
        '8:12 error renew-without-expires: `renew` needs an `expires` date: an asset is renewed from the day it expires.',
      ],
    });
  });
});

describe('FORMAT Fields: contact is required unless status: former', () => {
  it('a misspelt former status is one error, not also a missing contact or a missing next action', async () => {
    const { diagnostics } = await validate(client('status: Former\nactions: []', { omit: ['contact'] }));
    expect(diagnostics).toEqual(['2:9 error bad-enum: `status: Former` is not a valid status. Did you mean `former`?']);
  });

  it('a misspelt prospect status still needs its contact', async () => {
    const { diagnostics } = await validate(client('status: prospekt', { omit: ['contact'] }));
    expect(diagnostics).toEqual([
      '1:1 error missing-key: `contact` is missing from the front matter: a prospect needs a single point of contact.',
      '2:9 error bad-enum: `status: prospekt` is not a valid status. Did you mean `prospect`?',
    ]);
  });
});
