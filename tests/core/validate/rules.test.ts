/** FORMAT.md "Fields" and "Rules across fields": required keys, unknown keys, `x-` keys, ids and the cross-field rules. */
import { outdent } from 'outdent';
import { describe, expect, it } from 'vitest';
import { loadPortfolio } from '#core/portfolio';
import { AS_OF, brief, check, client, only, problems, tempPortfolios } from '../../helpers/portfolio.ts';

const portfolio = tempPortfolios();

describe('required keys', () => {
  it('accepts the smallest valid client', () => {
    const file = check(client());
    expect(file.diagnostics).toEqual([]);
    expect(file.data).toMatchObject({ name: 'Acme', type: 'basic', status: 'active', contact: { name: 'Ann Lee' } });
  });

  it.each(['name', 'type', 'growth', 'actions'])('reports a missing top-level `%s` at the opening ---', (key) => {
    const d = only(client('', { omit: [key] }));
    expect(d).toMatchObject({ line: 1, column: 1, endLine: 1, endColumn: 4, code: 'missing-key', message: `\`${key}\` is missing from the front matter.` });
    expect(d.hint).toMatch(/^Add it, e\.g\.\n/);
  });

  it('says how to add a missing growth', () => {
    expect(only(client('', { omit: ['growth'] })).hint).toBe(outdent`
      Add it, e.g.
      growth:
        outlook: unknown   # growing, stable, shrinking or unknown
        asked: 2026-11-03
    `);
  });

  it('requires a contact for active clients and prospects, not for former ones', () => {
    expect(problems(client('', { omit: ['contact'] }))).toEqual([
      '1:1 error missing-key: `contact` is missing from the front matter: an active client needs a single point of contact.',
    ]);
    expect(problems(client('status: prospect', { omit: ['contact'] }))).toEqual([
      '1:1 error missing-key: `contact` is missing from the front matter: a prospect needs a single point of contact.',
    ]);
    expect(problems(client('status: former\nactions: []', { omit: ['contact'] }))).toEqual([]);
  });

  it('reports a key missing from a nested mapping at that mapping\'s key', () => {
    expect(problems(client('growth:\n  asked: 2026-01-20'))).toEqual(['2:1 error missing-key: `outlook` is missing from `growth`.']);
    expect(problems(client('meetings:\n  last: 2026-11-03'))).toEqual(['2:1 error missing-key: `cadence` is missing from `meetings`.']);
    expect(problems(client('contact:\n  role: Owner'))).toEqual(['2:1 error missing-key: `name` is missing from `contact`.']);
  });

  it('reports a key missing from a list item at the item', () => {
    expect(problems(client('actions:\n  - due: 2026-12-15'))).toEqual(['3:5 error missing-key: `title` is missing from item 1 of `actions`.']);
    expect(problems(client('roadmap:\n  - title: Server\n  - title: NAS\n    cost: 900'))).toEqual([
      '3:5 error missing-key: `when` is missing from item 1 of `roadmap`.',
      '4:5 error missing-key: `when` is missing from item 2 of `roadmap`.',
    ]);
    expect(problems(client('assets:\n  - name: Server'))).toEqual(['3:5 error missing-key: `kind` is missing from item 1 of `assets`.']);
    expect(problems(client('people:\n  - role: Bookkeeper'))).toEqual(['3:5 error missing-key: `name` is missing from item 1 of `people`.']);
  });

  it('accepts an empty list of actions, with a warning', () => {
    const file = check(client('actions: []'));
    expect(file.data?.actions).toEqual([]);
    expect(file.diagnostics.map(brief)).toEqual([
      '2:1 warning no-next-action: This client has no open action: every client should have a next action.',
    ]);
  });

  it('collects every missing key in one pass', () => {
    expect(problems('---\nname: Acme\n---\n')).toEqual([
      '1:1 error missing-key: `type` is missing from the front matter.',
      '1:1 error missing-key: `growth` is missing from the front matter.',
      '1:1 error missing-key: `actions` is missing from the front matter.',
      '1:1 error missing-key: `contact` is missing from the front matter: an active client needs a single point of contact.',
    ]);
  });
});

describe('a key with an empty value', () => {
  it.each([
    ['name:', '`name` is empty: it must be text.', "Write the value after the colon, e.g.\nname: Hank's Hardware"],
    ['type:', '`type` is empty: it must be one of basic, strategic or break-fix.', 'Write the value after the colon, e.g.\ntype: strategic   # basic, strategic or break-fix'],
    ['since:', '`since` is empty: it must be a date or a month.', 'Write the value after the colon, e.g.\nsince: 2016-04'],
    ['growth:', '`growth` is empty: it must be a mapping of keys.', 'Write its contents on the lines below it, e.g.\ngrowth:\n  outlook: unknown   # growing, stable, shrinking or unknown\n  asked: 2026-11-03'],
    ['actions:', '`actions` is empty: it must be a list.', 'Write its contents on the lines below it, e.g.\nactions:\n  - title: Book the yearly roadmap meeting\n    due: 2026-12-15\n(or `actions: []` when there is nothing to do yet)'],
  ])('`%s` points at the key and shows what belongs there', (line, message, hint) => {
    const d = only(client(line));
    expect(d).toMatchObject({ line: 2, column: 1, endLine: 2, endColumn: line.length, code: 'empty-value', message, hint });
  });

  it('an empty list item', () => {
    expect(problems(client('actions:\n  - title: Call Ann\n  -'))).toEqual([
      '4:3 error empty-value: Item 2 of `actions` is empty: it must be a mapping of keys.',
    ]);
  });
});

describe('wrong types of nested mappings and lists', () => {
  it('a contact written as text: the message quotes it, the hint builds the mapping from it', () => {
    const d = only(client('contact: Ann Lee'));
    expect(d).toMatchObject({ line: 2, column: 10, code: 'wrong-type', message: '`contact` must be a mapping of keys, but it is text (`Ann Lee`).' });
    expect(d.hint).toBe("Write the contact's keys on the lines below it, indented by two spaces, e.g.\ncontact:\n  name: Ann Lee");
  });

  it('a mapping written as a list points at its key', () => {
    expect(problems(client('contact:\n  - name: Ann Lee'))).toEqual(['2:1 error wrong-type: `contact` must be a mapping of keys, but it is a list.']);
  });

  it('a list written as a mapping', () => {
    const d = only(client('actions:\n  title: Call Ann'));
    expect(brief(d)).toBe('2:1 error wrong-type: `actions` must be a list, but it is a mapping of keys.');
    expect(d.hint).toBe('Write each item on its own line, starting with `- ` and indented under `actions:`, e.g.\nactions:\n  - title: ...');
  });

  it('a list item written as text', () => {
    const d = only(client('actions:\n  - Call Ann'));
    expect(brief(d)).toBe('3:5 error wrong-type: Item 1 of `actions` must be a mapping of keys, but it is text (`Call Ann`).');
    expect(d.hint).toBe('Start each item with its title, the other keys indented below it in line with `title`, e.g.\nactions:\n  - title: Call Ann');
  });

  it('tags written as text', () => {
    const d = only(client('actions:\n  - title: Call Ann\n    tags: backup'));
    expect(brief(d)).toBe('4:11 error wrong-type: `tags` must be a list, but it is text (`backup`).');
    expect(d.hint).toBe('Write a list, e.g. `tags: [backup]`.');
  });

  it.each([
    ['type:\n  - basic', '2:1 error wrong-type: `type` must be one of basic, strategic or break-fix, but it is a list.'],
    ['since:\n  year: 2016', '2:1 error wrong-type: `since` must be a date or a month, but it is a mapping of keys.'],
    ['name: [Acme, Ltd]', '2:7 error wrong-type: `name` must be text, but it is a list.'],
  ])('a list or mapping where one value belongs: %s', (fields, expected) => {
    const d = only(client(fields));
    expect(brief(d)).toBe(expected);
    expect(d.hint).toMatch(/^Write one value, on the same line as the key, e\.g\.\n/);
  });

  it('a list item of the wrong type is named by its position', () => {
    expect(problems(client('actions:\n  - title: Call Ann\n    tags: [backup, 2026, true]'))).toEqual([
      '4:20 error bad-text: Item 2 of `tags`, `2026`, is not text.',
      '4:26 error bad-text: Item 3 of `tags`, `true`, is not text.',
    ]);
  });

  it('a mapping whose keys are named like methods does not break the checks', () => {
    expect(problems(client('since:\n  toString: 1'))).toEqual(['2:1 error wrong-type: `since` must be a date or a month, but it is a mapping of keys.']);
  });
});

describe('unknown keys', () => {
  it('suggests the nearest known key, and reports the typo only once', () => {
    const d = only(client('actons: []', { omit: ['actions'] }));
    expect(d).toMatchObject({ line: 2, column: 1, endLine: 2, endColumn: 7, code: 'unknown-key', message: 'Unknown key `actons`. Did you mean `actions`?' });
    expect(d.hint).toBe('Rename it to `actions`. Keys of your own must start with `x-` (e.g. `x-actons`).');
  });

  it('lists the known keys when nothing is near', () => {
    const d = only(client('colour: red'));
    expect(d.message).toBe('Unknown key `colour`.');
    expect(d.hint).toBe(
      'Known keys here: name, type, status, involvement, since, contact, people, employees, location, travel, referred_by, growth, meetings, actions, assets, roadmap. Keys of your own must start with `x-` (e.g. `x-colour`).',
    );
  });

  it('finds them at every level', () => {
    expect(problems(client('growth:\n  outlok: stable'))).toEqual(['3:3 error unknown-key: Unknown key `outlok`. Did you mean `outlook`?']);
    expect(problems(client('actions:\n  - title: Call Ann\n    dew: 2026-12-15'))).toEqual(['4:5 error unknown-key: Unknown key `dew`. Did you mean `due`?']);
    expect(problems(client('contact:\n  name: Ann Lee\n  mobile: "555"'))).toEqual(['4:3 error unknown-key: Unknown key `mobile`.']);
  });

  it('shows a key that is not text as written', () => {
    expect(problems(client('~: nothing'))).toEqual(['2:1 error unknown-key: Unknown key `~`.']);
    expect(problems(client('2026: a year'))).toEqual(['2:1 error unknown-key: Unknown key `2026`.']);
  });
});

describe('`x-` keys', () => {
  const file = check(client(outdent`
    x-billing: monthly retainer
    x-wifi:
      ssid: HanksStaff
    contact:
      name: Ann Lee
      x-pager: 555
    people:
      - name: Bo
        x-shoe-size: 44
    growth:
      outlook: stable
      x-source: phone call
    meetings:
      cadence: monthly
      x-room: back office
    actions:
      - title: Call Ann
        x-ticket: 12
    assets:
      - name: Server
        kind: server
        x-serial: [A1, B2]
    roadmap:
      - title: Replace the server
        when: 2027
        x-quote: Q-17
  `));

  it('are not checked', () => {
    expect(file.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('are kept at the top level as the client\'s extensions, in file order', () => {
    expect(file.extensions).toEqual({ 'x-billing': 'monthly retainer', 'x-wifi': { ssid: 'HanksStaff' } });
    expect(Object.keys(file.extensions)).toEqual(['x-billing', 'x-wifi']);
  });

  it('are kept at every other level as that mapping\'s extensions', () => {
    const data = file.data!;
    expect(data.contact?.extensions).toEqual({ 'x-pager': 555 });
    expect(data.people?.[0]?.extensions).toEqual({ 'x-shoe-size': 44 });
    expect(data.growth.extensions).toEqual({ 'x-source': 'phone call' });
    expect(data.meetings?.extensions).toEqual({ 'x-room': 'back office' });
    expect(data.actions[0]?.extensions).toEqual({ 'x-ticket': 12 });
    expect(data.assets?.[0]?.extensions).toEqual({ 'x-serial': ['A1', 'B2'] });
    expect(data.roadmap?.[0]?.extensions).toEqual({ 'x-quote': 'Q-17' });
  });

  it('leave no `extensions` on mappings without them, and none in the top level data', () => {
    const plain = check(client()).data!;
    expect(plain.contact).toEqual({ name: 'Ann Lee' });
    expect('extensions' in file.data!).toBe(false);
    expect('x-billing' in file.data!).toBe(false);
  });

  it('reach the client model through loadPortfolio', async () => {
    const dir = await portfolio({ 'acme.md': client('x-billing: monthly\ncontact:\n  name: Ann Lee\n  x-pager: 555') });
    const { clients } = await loadPortfolio({ dir, asOf: AS_OF });
    expect(clients[0]?.extensions).toEqual({ 'x-billing': 'monthly' });
    expect(clients[0]?.data.contact?.extensions).toEqual({ 'x-pager': 555 });
  });
});

describe('ids and file names', () => {
  it.each(['acme.md', 'hanks-hardware.md', '3m-dental.md', 'north/acme-2.md'])('accepts %s', (file) => {
    const checked = check(client(), { file });
    expect(checked.diagnostics).toEqual([]);
    expect(checked.id).toBe(file.split('/').pop()!.replace('.md', ''));
  });

  it.each([
    ['Acme Corp.md', 'acme-corp.md'],
    ['ACME.md', 'acme.md'],
    ['acme_corp.md', 'acme-corp.md'],
    ['-acme.md', 'acme.md'],
    ['Café Ürün.md', 'cafe-urun.md'],
  ])('refuses %s, suggesting %s', (file, suggestion) => {
    const d = only(client(), { file });
    expect(d).toMatchObject({ line: 1, column: 1, code: 'bad-file-name', message: `The file name \`${file}\` is not a valid client id.` });
    expect(d.hint).toBe(`Rename the file to \`${suggestion}\`: lowercase letters, digits and hyphens, beginning with a letter or digit.`);
  });

  it('reads subfolders and ignores files starting with _ or ., files not ending in .md, and node_modules', async () => {
    const dir = await portfolio({
      'acme.md': client(),
      'north/bonanza.md': client('name: Bonanza'),
      'former/old/zeta.md': client('name: Zeta'),
      '_template.md': 'not a client',
      '.draft.md': 'not a client',
      '_drafts/beta.md': 'not a client',
      '.hidden/gamma.md': 'not a client',
      'logo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0]),
      'notes.txt': 'not a client',
      'README.markdown': 'not a client',
      'node_modules/pkg/readme.md': 'not a client',
    });
    const result = await loadPortfolio({ dir, asOf: AS_OF });
    expect(result.diagnostics).toEqual([]);
    expect(result.files).toBe(3);
    expect(result.clients.map((c) => [c.id, c.relPath])).toEqual([
      ['acme', 'acme.md'],
      ['bonanza', 'north/bonanza.md'],
      ['zeta', 'former/old/zeta.md'],
    ]);
  });

  it('reports a duplicate id in both files, and keeps neither', async () => {
    const dir = await portfolio({ 'acme.md': client(), 'former/acme.md': client('status: former') });
    const result = await loadPortfolio({ dir, cwd: dir, asOf: AS_OF });
    expect(result.diagnostics.map((d) => `${d.file}:${brief(d)}`)).toEqual([
      'acme.md:1:1 error duplicate-id: The client id `acme` is used by more than one file (also former/acme.md).',
      'former/acme.md:1:1 error duplicate-id: The client id `acme` is used by more than one file (also acme.md).',
    ]);
    expect(result.clients).toEqual([]);
    expect(result.hasErrors).toBe(true);
  });
});

describe('rules across fields', () => {
  it('`every` needs `due`', () => {
    const d = only(client('actions:\n  - title: Back up\n    every: 1 month'));
    expect(d).toMatchObject({ line: 4, column: 12, endColumn: 19, code: 'every-without-due', message: '`every` needs a `due` date: a recurring action repeats from its due date.' });
    expect(check(client('actions:\n  - title: Back up\n    due: 2026-12-20\n    every: 1 month')).diagnostics).toEqual([]);
  });

  it('`done` after the as-of date is a warning; on or before it, fine', () => {
    const actions = (done: string) => client(`actions:\n  - title: Call Ann\n    due: 2026-12-15\n  - title: Fix printer\n    done: ${done}`);
    expect(problems(actions('2026-12-02'))).toEqual([
      '6:11 warning done-in-future: `done: 2026-12-02` is after 2026-12-01, the date this portfolio is read as of.',
    ]);
    expect(problems(actions('2026-12-01'))).toEqual([]);
    expect(problems(actions('2026-12-02'), { asOf: AS_OF.add({ days: 1 }) })).toEqual([]);
  });

  it('warns where the template\'s placeholders were left in, at the value', () => {
    expect(problems(client('name: CLIENT NAME\ncontact:\n  name: CONTACT NAME\n  role: Owner'))).toEqual([
      "2:7 warning template-placeholder: `name: CLIENT NAME` is still the template's placeholder.",
      "4:9 warning template-placeholder: `contact.name: CONTACT NAME` is still the template's placeholder.",
    ]);
    // Only the template's exact words: a name in capitals is a name.
    expect(problems(client('name: ACME\ncontact:\n  name: CONTACT NAMES'))).toEqual([]);
  });

  it('a done action is closed: with only done actions, no next action', () => {
    expect(problems(client('actions:\n  - title: Call Ann\n    done: 2026-11-01'))).toEqual([
      '2:1 warning no-next-action: This client has no open action: every client should have a next action.',
    ]);
  });

  it('warns about an active client or prospect without an open action, not a former one', () => {
    expect(problems(client('status: prospect\nactions: []'))).toEqual([
      '3:1 warning no-next-action: This prospect has no open action: every client should have a next action.',
    ]);
    expect(problems(client('status: former\nactions: []'))).toEqual([]);
  });

  it('an action without a due date is open', () => {
    expect(problems(client('actions:\n  - title: Someday: tidy the cables'))).toEqual([
      '3:12 error yaml-block-as-implicit-key: YAML: the value of `title` contains `: `, which YAML reads as the start of another key.',
    ]);
    expect(problems(client('actions:\n  - title: "Someday: tidy the cables"'))).toEqual([]);
  });

  it('two actions with the same title', () => {
    const d = only(client('actions:\n  - title: Call Ann\n  - title: Call Bo\n  - title: Call Ann'));
    expect(d).toMatchObject({ line: 5, column: 12, code: 'duplicate-action', message: 'Two actions are titled "Call Ann" (the first is on line 3).' });
  });

  it('referred_by naming the client itself', () => {
    expect(problems(client('referred_by: acme'))).toEqual(['2:14 error self-referral: `referred_by: acme` names this client itself.']);
  });

  it('referred_by naming a client of the portfolio, or none', async () => {
    const dir = await portfolio({
      'acme.md': client('referred_by: lakeside-dental'),
      'north/lakeside-dental.md': client('name: Lakeside Dental\nreferred_by: lakeside-dentl'),
    });
    const result = await loadPortfolio({ dir, cwd: dir, asOf: AS_OF });
    expect(result.diagnostics.map((d) => `${d.file}:${brief(d)}`)).toEqual([
      'north/lakeside-dental.md:3:14 error unknown-client: `referred_by: lakeside-dentl` names no client of this portfolio. Did you mean `lakeside-dental`?',
    ]);
    expect(result.clients.map((c) => c.id)).toEqual(['acme']);
  });
});

describe('secrets', () => {
  it.each([
    ['a password in an x- field', client('x-router-password: Tundra-2019!'), '2:10', 'This looks like a password.'],
    ['a Wi-Fi password in the notes', client('', { body: '\nWi-Fi password: Tundra-2019!\n' }), '13:7', 'This looks like a password.'],
    ['an API key in a note', client('contact:\n  name: Ann Lee\n  note: "api_key=sk9f8a7d6s5a4f3g2h1j"'), '4:10', 'This looks like an API key or token.'],
    ['an AWS key', client('', { body: 'AKIAIOSFODNN7EXAMPLE\n' }), '12:1', 'This looks like an AWS access key.'],
    ['a private key in the notes', client('', { body: outdent`
      ## Server access
      -----BEGIN OPENSSH PRIVATE KEY-----
      b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
      -----END OPENSSH PRIVATE KEY-----
    ` }), '13:1', 'This looks like a private key.'],
  ])('warns about %s, at the secret', (_what, text, at, message) => {
    const d = only(text);
    expect(`${d.line}:${d.column}`).toBe(at);
    expect(d).toMatchObject({ severity: 'warning', code: 'secret', message });
    expect(d.hint).toMatch(/keep secrets in a password manager/);
  });

  it('does not mistake talk about passwords for a password', () => {
    expect(problems(client('', { body: outdent`
      The Wi-Fi password: in the vault, entry Acme.
      Ann keeps her passwords in a password manager since 2024.
      Reset the password is on the list.
    ` }))).toEqual([]);
  });

  it('is a warning: the file still validates', () => {
    expect(check(client('x-router-password: Tundra-2019!')).data?.name).toBe('Acme');
  });
});
