/**
 * FORMAT.md "Fields": unknown keys are errors with the nearest known key suggested; `x-` keys are the
 * user's. Each test is a clause found broken, asserting what `validate --format json` reports.
 */
import { outdent } from 'outdent';
import { describe, expect, it } from 'vitest';
import { client } from '../helpers/portfolio.ts';
import { validateOne } from '../helpers/validate-one.ts';

const validate = validateOne();

describe('FORMAT Fields: unknown keys', () => {
  it('a typo beside the key it resembles hides no error of that key, and is not to be renamed onto it', async () => {
    const result = await validate(
      client(outdent`
        actions:
          - title: Call Ann
            due: 2026-02-30
            deu: 2026-01-01
      `),
    );
    expect(result).toEqual({
      code: 1,
      diagnostics: [
        '4:10 error bad-date: `due: 2026-02-30` is not a date. | February 2026 has 28 days.',
        '5:5 error unknown-key: Unknown key `deu`. | `due` is already set here, so this is not it: delete this line, or keep it as your own as `x-deu`.',
      ],
    });
  });

  it('a typo of a key that is not there is still reported once, as the typo', async () => {
    const result = await validate(client('actions:\n  - title: Call Ann\n    deu: 2026-02-30'));
    expect(result.diagnostics).toEqual([
      '4:5 error unknown-key: Unknown key `deu`. Did you mean `due`? | Rename it to `due`. Keys of your own must start with `x-` (e.g. `x-deu`).',
    ]);
  });

  it('`X-` and `x_` are not `x-`: the hint writes the key the user meant', async () => {
    const result = await validate(client('X-Colour: blue'));
    expect(result.diagnostics).toEqual(['2:1 error unknown-key: Unknown key `X-Colour`. | Keys of your own start with `x-`, a lowercase x and a hyphen: write `x-Colour`.']);
    expect((await validate(client('x_billing: monthly'))).diagnostics).toEqual([
      '2:1 error unknown-key: Unknown key `x_billing`. | Keys of your own start with `x-`, a lowercase x and a hyphen: write `x-billing`.',
    ]);
  });
});

describe('FORMAT Fields: a key with no value says what to write there, for that field', () => {
  it.each([
    ['contact:\n  name:', '3:3', '`name` is empty: it must be text.', 'name: Hank Miller'],
    ['contact:\n  name: Ann Lee\n  role:', '4:3', '`role` is empty: it must be text.', 'role: Owner'],
    ['roadmap:\n  - title:\n    when: 2027', '3:5', '`title` is empty: it must be text.', 'title: Replace the main server'],
    ['assets:\n  - name:\n    kind: server', '3:5', '`name` is empty: it must be text.', 'name: Main server (Dell T320)'],
    ['name:', '2:1', '`name` is empty: it must be text.', "name: Hank's Hardware"],
  ])('%j', async (fields, at, message, example) => {
    const { diagnostics } = await validate(client(fields));
    expect(diagnostics).toEqual([`${at} error empty-value: ${message} | Write the value after the colon, e.g.\n${example}`]);
  });

  it('blank text of a required key (`name: ""`) is empty, and the hint does not say to delete it', async () => {
    const { diagnostics } = await validate(client('name: ""'));
    expect(diagnostics).toEqual(['2:7 error bad-text: `name: ""` is empty: it must be text. | Write the value, e.g. `name: Hank\'s Hardware`.']);
  });

  it('a missing action title shows an action title', async () => {
    const { diagnostics } = await validate(client('actions:\n  - due: 2026-12-15'));
    expect(diagnostics).toEqual(['3:5 error missing-key: `title` is missing from item 1 of `actions`. | Add it, e.g.\ntitle: Renew anti-virus for all seats']);
  });
});

describe('FORMAT Fields: a value of the wrong shape is pointed at where it is written', () => {
  it('a list or mapping written on the key\'s line is pointed at itself; one written below its key, at the key', async () => {
    const { diagnostics } = await validate(
      client(outdent`
        type: [basic]
        people: {name: Bob}
        actions:
          - title: Call Ann
            due: {day: 1}
        assets:
          - name: Main server
            kind:
              - server
      `),
    );
    expect(diagnostics.map((d) => d.split(' | ')[0])).toEqual([
      '2:7 error wrong-type: `type` must be one of basic, strategic or break-fix, but it is a list.',
      '3:9 error wrong-type: `people` must be a list, but it is a mapping of keys.',
      '6:10 error wrong-type: `due` must be a date, but it is a mapping of keys.',
      '9:5 error wrong-type: `kind` must be one of server, workstation, laptop, network, printer, phone, software, licence, subscription, domain, backup or other, but it is a list.',
    ]);
  });

  it('`contact` is one person: a list of persons is an error whose hint moves the others to `people`', async () => {
    const { diagnostics } = await validate(client('contact:\n  - name: Ann Lee\n  - name: Bob Stone'));
    expect(diagnostics).toEqual([
      '2:1 error wrong-type: `contact` must be a mapping of keys, but it is a list. | A client has one point of contact: keep the person whose instructions count under `contact:` and move the others to `people`, e.g.\ncontact:\n  name: Hank Miller\npeople:\n  - name: Donna Miller',
    ]);
  });
});

describe('FORMAT Fields: referred_by is a client id', () => {
  it('a value that is not an id is one error (bad-client-id), not also "names no client"', async () => {
    const { diagnostics } = await validate(client('referred_by: Lakeside Dental'));
    expect(diagnostics).toEqual([
      '2:14 error bad-client-id: `referred_by: Lakeside Dental` is not a client id. | A client id is the file name without .md: lowercase letters, digits and hyphens, e.g. `referred_by: lakeside-dental`.',
    ]);
  });
});

describe('FORMAT Fields: an action\'s tags are a list of text', () => {
  it('a blank tag is an error at it whose hint speaks of the item, not of a key', async () => {
    const { diagnostics } = await validate(client('actions:\n  - title: Call Ann\n    tags: [server, ""]'));
    expect(diagnostics).toEqual(['4:20 error bad-text: Item 2 of `tags`, `""`, is empty: it must be text. | Write the text of this item, or delete it.']);
  });
});

describe('FORMAT Fields: a known key at the wrong level', () => {
  it('is an unknown key whose hint names the mapping it belongs to', async () => {
    const { diagnostics } = await validate(
      client(outdent`
        outlook: growing
        phone: "+1 867 555 0100"
        actions:
          - title: Call Ann
            when: 2027-Q2
      `),
    );
    expect(diagnostics).toEqual([
      '2:1 error unknown-key: Unknown key `outlook`. | `outlook` is a key of `growth`, not of this mapping: move it there. Keys of your own must start with `x-` (e.g. `x-outlook`).',
      '3:1 error unknown-key: Unknown key `phone`. | `phone` is a key of `contact` or an item of `people`, not of this mapping: move it there. Keys of your own must start with `x-` (e.g. `x-phone`).',
      '6:5 error unknown-key: Unknown key `when`. | `when` is a key of an item of `roadmap`, not of this mapping: move it there. Keys of your own must start with `x-` (e.g. `x-when`).',
    ]);
  });
});
