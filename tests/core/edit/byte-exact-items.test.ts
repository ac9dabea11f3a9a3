/**
 * The edits of issue 12, byte for byte over the corpus variants (CRLF, BOM, no final newline):
 * `done` on every kind of due item, `add` in each list style, and `--next` in the same edit.
 */
import { describe, expect, test } from 'vitest';
import { Temporal, type PlainDate } from '#core/dates';
import { addNote } from '#core/edit/add-note';
import { appendAction, type NewAction } from '#core/edit/append-action';
import { combinePlans } from '#core/edit/combine-plans';
import { completeItem, type CompleteOptions } from '#core/edit/complete-item';
import { applyEdit, openEditable, type EditableFile, type EditPlan } from '#core/edit/editable-file';
import { recordMeeting } from '#core/edit/record-meeting';
import { bytesOf, odd, replaceOnce, textOf, variants, type OddName } from './corpus.ts';

const day = (s: string): PlainDate => Temporal.PlainDate.from(s);
const AS_OF = day('2026-11-24');

interface Case {
  name: string;
  file: OddName;
  plan: (file: EditableFile) => EditPlan;
  expect: (text: string, eol: string) => string;
}

const done = (item: string, options: Partial<CompleteOptions> = {}) => (f: EditableFile) => completeItem(f, item, { on: AS_OF, ...options }, 'the client');
const add = (action: NewAction) => (f: EditableFile) => appendAction(f, action, 'the client');
const after = (text: string, anchor: string, added: string) => replaceOnce(text, anchor, anchor + added);

const cases: Case[] = [
  // done: asset expiry, by `renew` (recurring rule: past the completion date, month ends kept)
  {
    name: 'done NAME moves `expires` by `renew` until past the completion date, from the month end',
    file: 'assets',
    plan: done('ESET PROTECT Entry'),
    expect: (t) => replaceOnce(t, 'expires: 2026-01-31', 'expires: 2026-11-30'),
  },
  {
    name: 'done "NAME expires" (the title due prints) is the same item',
    file: 'assets',
    plan: done('ESET PROTECT Entry expires', { on: day('2026-11-30') }),
    expect: (t) => replaceOnce(t, 'expires: 2026-01-31', 'expires: 2026-12-31'),
  },
  {
    name: 'done on a flow-mapped asset without renew, with --until, keeps its double quotes',
    file: 'assets',
    plan: done('domain', { until: day('2027-12-31') }),
    expect: (t) => replaceOnce(t, 'expires: "2026-12-31"}', 'expires: "2027-12-31"}'),
  },
  // done: replacement
  {
    name: 'done NAME on an asset with `replace` retires it: `status: retired` after its last key, before the comment',
    file: 'assets',
    plan: done('Main server'),
    expect: (t, eol) => after(t, `    cost: 4200${eol}`, `    status: retired${eol}`),
  },
  {
    name: 'done "Replace NAME" replaces an existing `status: in-use`',
    file: 'assets',
    plan: done('Replace Old NAS'),
    expect: (t) => replaceOnce(t, 'status: in-use', 'status: retired'),
  },
  {
    name: 'done --until on an asset with a planned replacement moves its expiry instead',
    file: 'assets',
    plan: done('Main server', { until: day('2027-06-30') }),
    expect: (t) => replaceOnce(t, 'expires: 2021-05-01 # warranty', 'expires: 2027-06-30 # warranty'),
  },
  // done: meeting and outlook
  {
    name: 'done "Quarterly meeting" adds `last` inside a flow mapping',
    file: 'assets',
    plan: done('Quarterly meeting'),
    expect: (t) => replaceOnce(t, '{cadence: quarterly}', '{cadence: quarterly, last: 2026-11-24}'),
  },
  {
    name: 'done meeting replaces a quoted `last` in a flow mapping',
    file: 'flow',
    plan: done('meeting'),
    expect: (t) => replaceOnce(t, 'last: "2026-11-01"', 'last: "2026-11-24"'),
  },
  {
    name: 'done outlook --outlook adds `asked` after a trailing comment and changes the outlook',
    file: 'assets',
    plan: done('outlook', { outlook: 'stable' }),
    expect: (t, eol) => after(replaceOnce(t, 'outlook: growing # as of', 'outlook: stable # as of'), `last year${eol}`, `  asked: 2026-11-24${eol}`),
  },
  {
    name: 'done "Ask about the growth outlook" replaces a single-quoted `asked`, four-space file',
    file: 'indented',
    plan: done('Ask about the growth outlook'),
    expect: (t) => replaceOnce(t, "asked: '2026-01-20'", "asked: '2026-11-24'"),
  },
  {
    name: 'done outlook in a flow mapping',
    file: 'flow',
    plan: done('outlook', { outlook: 'growing' }),
    expect: (t) => replaceOnce(t, '{outlook: unknown}', '{outlook: growing, asked: 2026-11-24}'),
  },
  // add
  {
    name: 'add appends to a block list, single-quoted like its titles and dates, before the next key',
    file: 'assets',
    plan: add({ title: 'Call Hank', due: '2026-12-15' }),
    expect: (t, eol) => after(t, `    done: '2026-01-05'${eol}`, `  - title: 'Call Hank'${eol}    due: '2026-12-15'${eol}`),
  },
  {
    name: 'add with every, notice and note, in a list not indented under its key',
    file: 'indented',
    plan: add({ title: 'Check: the backups', due: '2026-12-01', every: '1 month', notice: '10 days', note: 'Look at the log.\nAll of it.' }),
    expect: (t, eol) =>
      after(t, `  every: 3 months${eol}`, `- title: "Check: the backups"${eol}  due: '2026-12-01'${eol}  every: 1 month${eol}  notice: 10 days${eol}  note: "Look at the log.\\nAll of it."${eol}`),
  },
  {
    name: 'add after a last action that ends with a nested list and a comment',
    file: 'comments',
    plan: add({ title: 'New one' }),
    expect: (t, eol) => after(t, `      - y${eol}`, `  - title: New one${eol}`),
  },
  {
    name: 'add to a flow list adds a flow item',
    file: 'flow',
    plan: add({ title: 'Order, then install', due: '2026-12-24' }),
    expect: (t) => replaceOnce(t, 'every: 1 week}]', 'every: 1 week}, {title: "Order, then install", due: 2026-12-24}]'),
  },
  {
    name: 'add to `actions: []` writes a block list, the comment kept on the key line',
    file: 'empty',
    plan: add({ title: 'First step', due: '2026-12-01' }),
    expect: (t, eol) => replaceOnce(t, `actions: []   # none yet${eol}`, `actions:   # none yet${eol}  - title: First step${eol}    due: 2026-12-01${eol}`),
  },
  {
    name: 'add to a list whose title has no quotes, with a title that needs them',
    file: 'oldestFirst',
    plan: add({ title: '#1 priority' }),
    expect: (t, eol) => after(t, `  - title: Do it${eol}`, `  - title: "#1 priority"${eol}`),
  },
  // --next: in the same edit
  {
    name: 'done --next on the last action: its `done` first, then the new action',
    file: 'oldestFirst',
    plan: (f) => combinePlans(done('Do it')(f), add({ title: 'Then this', due: '2026-12-10' })(f)),
    expect: (t, eol) => after(t, `  - title: Do it${eol}`, `    done: 2026-11-24${eol}  - title: Then this${eol}    due: 2026-12-10${eol}`),
  },
  {
    name: 'met --next when `meetings` is added at the end: the action stays in the list',
    file: 'oldestFirst',
    plan: (f) => combinePlans(recordMeeting(f, { on: AS_OF }), add({ title: 'Then this' })(f)),
    expect: (t, eol) => after(t, `  - title: Do it${eol}`, `  - title: Then this${eol}meetings:${eol}  cadence: none${eol}  last: 2026-11-24${eol}`),
  },
  {
    name: 'note --next: the note in the body and the action in the front matter',
    file: 'indented',
    plan: (f) => combinePlans(addNote(f, 'Visit', { on: AS_OF }), add({ title: 'Send the minutes' })(f)),
    expect: (t, eol) =>
      replaceOnce(after(t, `  every: 3 months${eol}`, `- title: Send the minutes${eol}`), `---${eol}## 2026-11-03`, `---${eol}## 2026-11-24 Visit${eol}Visit${eol}${eol}## 2026-11-03`),
  },
  {
    name: 'done on an asset --next',
    file: 'assets',
    plan: (f) => combinePlans(done('Main server')(f), add({ title: 'Order the new server' })(f)),
    expect: (t, eol) => after(after(t, `    cost: 4200${eol}`, `    status: retired${eol}`), `    done: '2026-01-05'${eol}`, `  - title: 'Order the new server'${eol}`),
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
    const want = bytesOf(expected(text, v.eol), v.bom);
    expect(new TextDecoder().decode(edited.bytes)).toBe(new TextDecoder().decode(want));
    expect(Buffer.from(edited.bytes).equals(Buffer.from(want))).toBe(true);
  });
});
