/**
 * A new action at the end of `actions`, written the way the list is already written: a block list
 * keeps its dash and key columns (`  - title:` or `- title:` under an unindented list), a flow list
 * (`[{...}, {...}]`) gets one more flow item, an item written as `- {title: ..}` is followed by one
 * like it, and titles and dates take the quoting of the last item. A missing or empty list
 * (`actions:`, `actions: []`) becomes a block list, the way FORMAT.md writes lists.
 */
import { isMap, isScalar, isSeq, type Node, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { frontMatterOf, type EditableFile, type EditPlan } from './editable-file.ts';
import { EditError } from './errors.ts';
import { actionsOf } from './find-action.ts';
import { assertNotShared } from './shared-nodes.ts';
import { lineStartOf, nextLineStart, type LineEnding, type Splice } from './text.ts';
import { pairOf, scalarText, type YamlText } from './yaml-splice.ts';

export interface NewAction {
  title: string;
  /** `YYYY-MM-DD`. */
  due?: string;
  /** An interval, e.g. `1 year`. */
  every?: string;
  notice?: string;
  note?: string;
}

type Style = Scalar['type'];

/** The quoting of `key` in the last item that has it (plain when none does). */
function styleOf(items: readonly unknown[], key: string): Style {
  for (const item of [...items].reverse()) {
    if (!isMap(item)) continue;
    const value = pairOf(item, key)?.value;
    if (isScalar(value) && (value.type === 'QUOTE_DOUBLE' || value.type === 'QUOTE_SINGLE')) return value.type;
    if (isScalar(value)) return 'PLAIN';
  }
  return 'PLAIN';
}

/** The action's keys as YAML texts, in FORMAT.md's order. */
function entriesOf(action: NewAction, items: readonly unknown[], flow = false): [string, string][] {
  const text = (value: string, style: Style) => {
    const out = scalarText(value, style);
    // A plain scalar inside `{...}` or `[...]` ends at a comma or bracket.
    return flow && style === 'PLAIN' && /[,[\]{}]/.test(out) ? scalarText(value, 'QUOTE_DOUBLE') : out;
  };
  const out: [string, string][] = [['title', text(action.title, styleOf(items, 'title'))]];
  if (action.due) out.push(['due', text(action.due, styleOf(items, 'due'))]);
  if (action.every) out.push(['every', text(action.every, styleOf(items, 'every'))]);
  if (action.notice) out.push(['notice', text(action.notice, styleOf(items, 'notice'))]);
  if (action.note) out.push(['note', text(action.note, styleOf(items, 'note'))]);
  return out;
}

const columnOf = (text: string, at: number) => at - lineStartOf(text, at);

/** `{title: X, due: Y}`, with the spacing inside the braces of `like` (a flow item of the file), if any. */
function flowItem(entries: readonly [string, string][], y: YamlText, like?: Node): string {
  const open = like?.range ? y.text[y.offset + like.range[0] + 1] === ' ' : false;
  const inner = entries.map(([k, v]) => `${k}: ${v}`).join(', ');
  return open ? `{ ${inner} }` : `{${inner}}`;
}

/** Block lines of one list item: `prefix` before the first key, `column` spaces before the others. */
function blockItem(entries: readonly [string, string][], prefix: string, column: number, eol: LineEnding): string {
  return entries.map(([k, v], i) => `${i === 0 ? prefix : ' '.repeat(column)}${k}: ${v}${eol}`).join('');
}

/** The dash column and first-key column of a block list's item. */
function itemColumns(y: YamlText, item: Node): { dash: number; key: number } {
  const start = y.offset + item.range![0];
  let at = start - 1;
  while (at >= 0 && y.text[at] !== '-') at--;
  const first = isMap(item) && !item.flow ? (item.items[0]?.key as Node | undefined) : undefined;
  const keyAt = first?.range ? y.offset + first.range[0] : start;
  return { dash: columnOf(y.text, at), key: columnOf(y.text, keyAt) };
}

export function appendAction(file: EditableFile, action: NewAction, clientName: string): EditPlan {
  const { y, root, doc } = frontMatterOf(file);
  const { eol } = file;
  const title = action.title.trim();
  if (title === '') throw new EditError('The action has no title.', { hint: 'Say what to do next, e.g. clientbook add hanks-hardware "Send the quote for the new server" --due 2026-12-15' });
  const same = actionsOf(root, doc).find((a) => a.title === title);
  if (same)
    throw new EditError(`${clientName} already has an action "${title}"${same.done !== undefined ? ` (done ${same.done})` : ''}.`, {
      hint: 'Titles are unique within a client. Use another title, e.g. with the month or the detail that tells them apart.',
    });
  const spec = { ...action, title };
  const pair = pairOf(root, 'actions');
  const value = pair?.value as Node | null | undefined;
  assertNotShared(y, doc, value, '`actions`');
  const summaryOf = () =>
    `Action added: "${title}"${spec.due ? `, due ${spec.due}` : ''}${spec.every ? `, every ${spec.every}` : ''}${spec.notice ? `, notice ${spec.notice}` : ''}.`;
  const record = Object.fromEntries(Object.entries(spec).filter(([, v]) => v !== undefined));

  if (!pair) {
    // No list yet: `actions:` as the root's last key, its items indented like the file's other lists.
    const entries = entriesOf(spec, []);
    const last = root.items[root.items.length - 1];
    const end = last ? y.offset + ((last.value as Node | null)?.range?.[1] ?? (last.key as Node).range![1]) : y.offset;
    const at = nextLineStart(y.text, end);
    const keyColumn = last ? columnOf(y.text, y.offset + (last.key as Node).range![0]) : 0;
    const dash = listIndent(y, root) ?? keyColumn + 2;
    const insert = `${' '.repeat(keyColumn)}actions:${eol}${blockItem(entries, `${' '.repeat(dash)}- `, dash + 2, eol)}`;
    return { splices: [{ start: at, end: at, insert }], changes: [{ path: ['actions'], value: [record] }], summary: summaryOf() };
  }

  const keyNode = pair.key as Node;
  const keyColumn = columnOf(y.text, y.offset + keyNode.range![0]);
  const empty = value === null || value === undefined || (isScalar(value) && value.value === null) || (isSeq(value) && value.items.length === 0);
  if (empty) {
    // `actions:`, `actions: ~` or `actions: []`: the value goes, and a block list follows the line
    // (a comment after `[]` stays on the `actions:` line).
    const entries = entriesOf(spec, []);
    const colon = y.text.indexOf(':', y.offset + keyNode.range![1]);
    // A null written as nothing (`actions:   # none yet`) has an empty range at the comment: nothing to remove.
    const written = value?.range && !(isScalar(value) && value.value === null && value.source === '');
    let valueEnd = written ? y.offset + value.range![1] : colon + 1;
    // An empty value may be placed on the next line by the parser: there is nothing to remove then.
    if (valueEnd < colon + 1 || y.text.slice(colon + 1, valueEnd).includes('\n')) valueEnd = colon + 1;
    const dash = listIndent(y, root) ?? keyColumn + 2;
    const at = nextLineStart(y.text, valueEnd);
    const splices: Splice[] = [{ start: at, end: at, insert: blockItem(entries, `${' '.repeat(dash)}- `, dash + 2, eol) }];
    if (valueEnd > colon + 1) splices.unshift({ start: colon + 1, end: valueEnd, insert: '' });
    return { splices, changes: [{ path: ['actions'], value: [record] }], summary: summaryOf() };
  }
  if (!isSeq(value))
    throw new EditError('`actions` is not a list, so clientbook cannot add an action to it.', { hint: 'Write it as a list (`actions:` and one `- title: ...` per action); `npx clientbook validate` shows where.' });

  const items = value.items as Node[];
  const last = items[items.length - 1]!;
  if (!last.range) throw new EditError('Cannot locate the last action in the file.');
  const flow = value.flow || (isMap(last) && last.flow);
  const entries = entriesOf(spec, items, flow);
  const index = items.length;
  let splice: Splice;
  if (value.flow) {
    const end = y.offset + last.range[1];
    const previous = items[items.length - 2];
    // One item per line stays one item per line.
    const between = previous?.range ? y.text.slice(y.offset + previous.range[1], y.offset + last.range[0]) : '';
    const sep = between.includes('\n') ? `,${eol}${' '.repeat(columnOf(y.text, y.offset + last.range[0]))}` : ', ';
    splice = { start: end, end, insert: `${sep}${flowItem(entries, y, isMap(last) && last.flow ? last : undefined)}` };
  } else {
    const { dash, key } = itemColumns(y, last);
    const prefix = `${' '.repeat(dash)}-${' '.repeat(Math.max(1, key - dash - 1))}`;
    const end = y.offset + lastEnd(last);
    let at = afterItemComments(y.text, nextLineStart(y.text, end), dash);
    const lead = at === y.text.length && !y.text.endsWith('\n') ? eol : '';
    if (at > y.text.length) at = y.text.length;
    const body = isMap(last) && last.flow ? `${prefix}${flowItem(entries, y, last)}${eol}` : blockItem(entries, prefix, key > dash ? key : dash + 2, eol);
    splice = { start: at, end: at, insert: `${lead}${body}` };
  }
  return { splices: [splice], changes: [{ path: ['actions', index], value: record }], summary: summaryOf() };
}

/**
 * Past the comment lines indented under the last item (`    # about A`): they are its own, and the new
 * item goes after them. A blank line, or a comment at the dash's column or left of it, ends the item.
 */
function afterItemComments(text: string, at: number, dash: number): number {
  while (at < text.length) {
    const end = text.indexOf('\n', at);
    const line = text.slice(at, end === -1 ? text.length : end);
    const m = /^( *)#/.exec(line);
    if (!m || m[1]!.length <= dash) break;
    at = end === -1 ? text.length : end + 1;
  }
  return at;
}

/** Where the last item's text ends: the end of its last value (a map's last pair, not its comments). */
function lastEnd(item: Node): number {
  if (isMap(item) && !item.flow) {
    const pair = (item as YAMLMap).items[(item as YAMLMap).items.length - 1];
    const end = (pair?.value as Node | null)?.range?.[1] ?? (pair?.key as Node | null)?.range?.[1];
    if (end !== undefined) return end;
  }
  if (isSeq(item) && !(item as YAMLSeq).flow) {
    const inner = (item as YAMLSeq).items[(item as YAMLSeq).items.length - 1] as Node | undefined;
    if (inner) return lastEnd(inner);
  }
  return item.range![1];
}

/** The dash column of the file's other block lists of maps (people, assets, roadmap), if any. */
function listIndent(y: YamlText, root: YAMLMap): number | undefined {
  for (const pair of root.items) {
    const value = pair.value as Node | null;
    if (!isSeq(value) || value.flow || value.items.length === 0) continue;
    const first = value.items[0] as Node;
    if (first.range) return itemColumns(y, first).dash;
  }
  return undefined;
}
