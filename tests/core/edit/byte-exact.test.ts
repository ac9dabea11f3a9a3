/**
 * FORMAT.md promises edits that never lose a byte. Each case names the exact text an edit must
 * produce; the test compares whole files byte for byte, in every variant of line ends, BOM and final
 * newline, so any other change (a comment, a quote, a CR, the BOM) fails it.
 */
import { describe, expect, test } from 'vitest';
import { Temporal, type PlainDate } from '#core/dates';
import { addNote } from '#core/edit/add-note';
import { completeAction } from '#core/edit/complete-action';
import { applyEdit, openEditable, type EditableFile, type EditPlan } from '#core/edit/editable-file';
import { recordMeeting } from '#core/edit/record-meeting';
import { bytesOf, odd, replaceOnce, textOf, variants, type OddName } from './corpus.ts';

const day = (s: string): PlainDate => Temporal.PlainDate.from(s);
const AS_OF = day('2026-11-24');

interface Case {
  name: string;
  file: OddName;
  plan: (file: EditableFile) => EditPlan;
  /** The expected text, from the original (in the variant's line ends). */
  expect: (text: string, eol: string, finalNewline: boolean) => string;
}

const done = (title: string, on = '2026-11-24') => (f: EditableFile) => completeAction(f, title, day(on), 'the client');
const met = (on = '2026-11-24', cadence?: 'monthly') => (f: EditableFile) => recordMeeting(f, { on: day(on), ...(cadence ? { cadence } : {}) });
const note = (text: string, on = '2026-11-24') => (f: EditableFile) => addNote(f, text, { on: day(on) });
const after = (text: string, anchor: string, added: string) => replaceOnce(text, anchor, anchor + added);

const cases: Case[] = [
  {
    name: 'done adds `done:` after the last key, before the comment that follows it',
    file: 'comments',
    plan: done('Call Ann'),
    expect: (t, eol) => after(t, `due: 2026-12-15   # trailing, with spaces before${eol}`, `    done: 2026-11-24${eol}`),
  },
  {
    name: 'done moves a double-quoted recurring due forward, keeping the quotes and the comment',
    file: 'comments',
    plan: done('Renew'),
    expect: (t) => replaceOnce(t, 'due: "2026-12-01"', 'due: "2027-12-01"'),
  },
  {
    name: 'done adds `, done:` inside a flow mapping',
    file: 'comments',
    plan: done('Flow action'),
    expect: (t) => replaceOnce(t, 'tags: [a, b]}', 'tags: [a, b], done: 2026-11-24}'),
  },
  {
    name: 'done moves a month-end due without drift, past a block scalar',
    file: 'comments',
    plan: done('Backup test', '2026-03-05'),
    expect: (t) => replaceOnce(t, 'due: 2026-01-31', 'due: 2026-03-31'),
  },
  {
    name: 'done adds `done:` after a nested list that ends the action',
    file: 'comments',
    plan: done('Tagged'),
    expect: (t, eol) => after(t, `      - y${eol}`, `    done: 2026-11-24${eol}`),
  },
  {
    name: 'met adds `last:` after the cadence, before a commented-out `last`',
    file: 'comments',
    plan: met(),
    expect: (t, eol) => after(t, `cadence: monthly # every month${eol}`, `  last: 2026-11-24${eol}`),
  },
  {
    name: 'note goes at the end of a body without dated headings, after a blank line',
    file: 'comments',
    plan: note('Called Ann.\nShe wants a quote.'),
    expect: (t, eol, fin) => `${t}${fin ? '' : eol}${eol}## 2026-11-24 Called Ann${eol}Called Ann.${eol}She wants a quote.${eol}`,
  },
  {
    name: 'done indents `done:` like its siblings in a list not indented under its key',
    file: 'indented',
    plan: done('Only'),
    expect: (t, eol) => after(t, `  due: 2026-12-15${eol}`, `  done: 2026-11-24${eol}`),
  },
  {
    name: 'done keeps single quotes on a recurring due',
    file: 'indented',
    plan: done('Recurring'),
    expect: (t) => replaceOnce(t, "due: '2026-12-15'", "due: '2027-03-15'"),
  },
  {
    name: 'met adds a `meetings` block with the file\'s own four-space indentation',
    file: 'indented',
    plan: met(),
    expect: (t, eol) => after(t, `  every: 3 months${eol}`, `meetings:${eol}    cadence: none${eol}    last: 2026-11-24${eol}`),
  },
  {
    name: 'note goes above the newest note when the newest come first',
    file: 'indented',
    plan: note('Visit'),
    expect: (t, eol) => replaceOnce(t, `---${eol}## 2026-11-03`, `---${eol}## 2026-11-24 Visit${eol}Visit${eol}${eol}## 2026-11-03`),
  },
  {
    name: 'a backdated note goes between older and newer notes',
    file: 'indented',
    plan: note('Phone call', '2026-10-15'),
    expect: (t, eol) => replaceOnce(t, `## 2026-10-01`, `## 2026-10-15 Phone call${eol}Phone call${eol}${eol}## 2026-10-01`),
  },
  {
    name: 'a note older than all goes at the end',
    file: 'indented',
    plan: note('First call', '2026-09-01'),
    expect: (t, eol, fin) => `${t}${fin ? '' : eol}${eol}## 2026-09-01 First call${eol}First call${eol}`,
  },
  {
    name: 'done adds `, done:` to a mapping inside a flow list',
    file: 'flow',
    plan: done('First'),
    expect: (t) => replaceOnce(t, 'due: 2026-12-01}', 'due: 2026-12-01, done: 2026-11-24}'),
  },
  {
    name: 'done moves a weekly due in a flow list',
    file: 'flow',
    plan: done('Weekly check'),
    expect: (t) => replaceOnce(t, 'due: 2026-11-30', 'due: 2026-12-07'),
  },
  {
    name: 'met replaces a quoted date in a flow mapping, and the cadence when asked',
    file: 'flow',
    plan: met('2026-11-24', 'monthly'),
    expect: (t) => replaceOnce(t, '{cadence: weekly, last: "2026-11-01"}', '{cadence: monthly, last: "2026-11-24"}'),
  },
  {
    name: 'note on a file with no body',
    file: 'flow',
    plan: note('Hello'),
    expect: (t, eol, fin) => `${t}${fin ? '' : eol}${eol}## 2026-11-24 Hello${eol}Hello${eol}`,
  },
  {
    name: 'met adds `meetings` after the last key of the front matter',
    file: 'oldestFirst',
    plan: met(),
    expect: (t, eol) => after(t, `  - title: Do it${eol}`, `meetings:${eol}  cadence: none${eol}  last: 2026-11-24${eol}`),
  },
  {
    name: 'done on an action with only a title',
    file: 'oldestFirst',
    plan: done('Do it'),
    expect: (t, eol) => after(t, `  - title: Do it${eol}`, `    done: 2026-11-24${eol}`),
  },
  {
    name: 'note goes after the newest of oldest-first notes, before an undated section (a fenced heading is not one)',
    file: 'oldestFirst',
    plan: note('Later'),
    expect: (t, eol) => replaceOnce(t, '## History', `## 2026-11-24 Later${eol}Later${eol}${eol}## History`),
  },
  {
    name: 'a backdated note goes in date order among oldest-first notes',
    file: 'oldestFirst',
    plan: note('Spring', '2026-03-01'),
    expect: (t, eol) => replaceOnce(t, '## 2026-06-01', `## 2026-03-01 Spring${eol}Spring${eol}${eol}## 2026-06-01`),
  },
];

const open = (bytes: Uint8Array) => openEditable(bytes, { path: '/portfolio/acme.md', relPath: 'acme.md', file: 'acme.md' }, AS_OF);

describe.each(variants)('$label', (v) => {
  test.each(cases)('$name', ({ file, plan, expect: expected }) => {
    const text = textOf(odd[file], v);
    const before = bytesOf(text, v.bom);
    const editable = open(before);
    expect(editable.checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const edited = applyEdit(editable, plan(editable), AS_OF);
    const want = bytesOf(expected(text, v.eol, v.finalNewline), v.bom);
    // Whole files, byte for byte; shown as text on failure for a readable diff.
    expect(new TextDecoder().decode(edited.bytes)).toBe(new TextDecoder().decode(want));
    expect(Buffer.from(edited.bytes).equals(Buffer.from(want))).toBe(true);
    expect(edited.checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

test('every base file of the corpus is valid as written', () => {
  for (const [name, text] of Object.entries(odd)) {
    const errors = open(bytesOf(text, false)).checked.diagnostics.filter((d) => d.severity === 'error');
    expect(errors, name).toEqual([]);
  }
});
