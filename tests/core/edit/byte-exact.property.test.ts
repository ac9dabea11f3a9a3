/**
 * Random formatting, one property: completing an action changes one value or adds one key, and every
 * other byte of the file stays where it was.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { Temporal } from '#core/dates';
import { completeAction, nextDue } from '#core/edit/complete-action';
import { applyEdit, openEditable } from '#core/edit/editable-file';
import { parseInterval } from '#core/dates';
import { bytesOf } from './corpus.ts';

const ON = Temporal.PlainDate.from('2026-11-24');

const quote = fc.constantFrom<(s: string) => string>((s) => s, (s) => `'${s}'`, (s) => `"${s}"`);
const comment = fc.constantFrom('', ' # note', '   #x', '\t# tab comment');
const trailing = fc.constantFrom('', ' ', '   ');
const dateText = fc.integer({ min: 0, max: 700 }).map((n) => Temporal.PlainDate.from('2026-01-01').add({ days: n }).toString());

const action = fc.record({
  flow: fc.boolean(),
  due: fc.option(dateText, { nil: undefined }),
  every: fc.option(fc.constantFrom('1 day', '2 weeks', '1 month', '3 months', '1 year'), { nil: undefined }),
  quote,
  comment,
  trailing,
  note: fc.option(fc.constantFrom('plain note', '"quoted: note"', '|\n  block\n  note'), { nil: undefined }),
  commentLine: fc.boolean(),
});

const file = fc.record({
  actions: fc.array(action, { minLength: 1, maxLength: 5 }),
  indent: fc.constantFrom(2, 4),
  seqIndented: fc.boolean(),
  blankBetween: fc.boolean(),
  eol: fc.constantFrom('\n', '\r\n'),
  bom: fc.boolean(),
  pick: fc.nat(),
});

type FileSpec = typeof file extends fc.Arbitrary<infer T> ? T : never;

function render(spec: FileSpec): { text: string; titles: string[] } {
  const pad = ' '.repeat(spec.indent);
  const seq = spec.seqIndented ? pad : '';
  const lines = ['---', 'name: Prop Test', 'type: basic', 'contact:', `${pad}name: Ann`, 'growth:', `${pad}outlook: stable`, 'actions:'];
  const titles: string[] = [];
  spec.actions.forEach((a, i) => {
    const title = `Action ${i + 1}`;
    titles.push(title);
    const every = a.due ? a.every : undefined;
    if (a.flow) {
      const parts = [`title: ${title}`, ...(a.due ? [`due: ${a.quote(a.due)}`] : []), ...(every ? [`every: ${every}`] : [])];
      lines.push(`${seq}- {${parts.join(', ')}}${a.comment}`);
    } else {
      const inner = `${seq}  `;
      lines.push(`${seq}- title: ${title}${a.trailing}${a.comment}`);
      if (a.commentLine) lines.push(`${inner}# about ${title}`);
      if (a.due) lines.push(`${inner}due: ${a.quote(a.due)}${a.trailing}${a.comment}`);
      if (every) lines.push(`${inner}every: ${every}${a.comment}`);
      if (a.note) lines.push(...`${inner}note: ${a.note}`.split('\n').map((l, k) => (k === 0 ? l : `${inner}${l}`)));
    }
    if (spec.blankBetween) lines.push('');
  });
  lines.push('---', '', '## 2026-11-03 Visit', 'Text.', '');
  return { text: lines.join(spec.eol), titles };
}

test('done changes exactly one value or adds exactly one key', () => {
  fc.assert(
    fc.property(file, (spec) => {
      const { text, titles } = render(spec);
      const before = bytesOf(text, spec.bom);
      const editable = openEditable(before, { path: '/p/prop.md', relPath: 'prop.md', file: 'prop.md' }, ON);
      expect(editable.checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const index = spec.pick % titles.length;
      const a = spec.actions[index]!;
      const edited = applyEdit(editable, completeAction(editable, titles[index]!, ON, 'Prop Test'), ON);
      const after = new TextDecoder('utf-8', { ignoreBOM: true }).decode(edited.bytes);
      const original = (spec.bom ? '\uFEFF' : '') + text;

      if (a.due && a.every) {
        // Same length, and the only differing characters lie inside the one date that moved.
        const next = nextDue(Temporal.PlainDate.from(a.due), parseInterval(a.every)!, ON).toString();
        expect(after.length).toBe(original.length);
        const diffs = [...original].flatMap((ch, i) => (after[i] !== ch ? [i] : []));
        const start = diffs[0]!;
        const at = after.lastIndexOf(next.slice(0, 4), start);
        expect(after.slice(at, at + 10)).toBe(next);
        expect(original.slice(at, at + 10)).toBe(a.due);
        expect(diffs.every((i) => i >= at && i < at + 10)).toBe(true);
      } else if (a.flow) {
        expect(after.replace(', done: 2026-11-24}', '}')).toBe(original);
      } else {
        // Indented like the action's other keys.
        const indent = ' '.repeat((spec.seqIndented ? spec.indent : 0) + 2);
        const line = new RegExp(`^${indent}done: 2026-11-24${spec.eol === '\r\n' ? '\\r' : ''}\\n`, 'm');
        expect(after.match(new RegExp(line.source, 'gm'))?.length).toBe(1);
        expect(after.replace(line, '')).toBe(original);
      }
    }),
    { numRuns: 300 },
  );
});
