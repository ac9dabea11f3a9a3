/**
 * Splices that change one YAML value or add one key, computed from the parsed document's source
 * ranges. The rest of the front matter (comments, order, quoting, blank lines) is never re-printed.
 */
import { isMap, isScalar, parse, stringify, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { EditError } from './errors.ts';
import { lineStartOf, nextLineStart, type LineEnding, type Splice } from './text.ts';

/** Where the YAML sits in the text, and the text itself (BOM-less). */
export interface YamlText {
  text: string;
  /** Offset of the YAML's first character in `text`. */
  offset: number;
}

/** A string as a plain scalar when it reads back unchanged, else quoted the way `yaml` would. */
export function scalarText(value: string, style: Scalar['type'] = 'PLAIN'): string {
  // Line breaks and control characters only survive on one line as escapes of a double-quoted string.
  if (style === 'QUOTE_DOUBLE' || /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(value)) return doubleQuoted(value);
  if (style === 'QUOTE_SINGLE') return `'${value.replaceAll("'", "''")}'`;
  if (!/[\r\n]/.test(value) && value.trim() === value && value !== '') {
    try {
      if (parse(`k: ${value}`, { version: '1.2', schema: 'core' })?.k === value) return value;
    } catch {
      // not plain-safe: fall through to quoting
    }
  }
  return stringify(value, { version: '1.2', schema: 'core', lineWidth: 0 }).replace(/\n$/, '');
}

/** A YAML double-quoted string: JSON's escapes (a subset of YAML's), plus those JSON leaves raw. */
function doubleQuoted(value: string): string {
  return JSON.stringify(value).replace(/[\u007f-\u009f\u2028\u2029\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Replaces a scalar's value, keeping its quoting style (a plain date stays plain, '...' stays single-quoted). */
export function replaceScalar(y: YamlText, node: Scalar, value: string, what: string): Splice {
  const range = node.range;
  if (!range) throw new EditError(`Cannot locate ${what} in the file.`);
  if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED')
    throw new EditError(`${what} is written as a block scalar (\`|\` or \`>\`), which clientbook does not rewrite.`, {
      hint: `Write it on one line, e.g. \`${value}\`, then run the command again.`,
    });
  const start = y.offset + range[0];
  const end = y.offset + range[1];
  if (start === end) {
    // `key:` with nothing after it: write the value after the colon, with one space.
    return { start, end, insert: `${y.text[start - 1] === ' ' ? '' : ' '}${scalarText(value)}` };
  }
  return { start, end, insert: scalarText(value, node.type === 'PLAIN' ? 'PLAIN' : node.type) };
}

const endOf = (pair: Pair): number => {
  const value = pair.value as Node | null;
  const key = pair.key as Node | null;
  const end = value?.range?.[1] ?? key?.range?.[1];
  if (end === undefined) throw new EditError('Cannot locate the end of a mapping in the file.');
  return end;
};

/** Where a new last key of a block mapping goes: the line after its last value, at its keys' column. */
function newKeyLine(y: YamlText, map: YAMLMap, eol: LineEnding): { at: number; column: number; lead: string } {
  const last = map.items[map.items.length - 1];
  if (!last) throw new EditError('Cannot add a key to an empty mapping.');
  const end = y.offset + endOf(last);
  const keyStart = y.offset + ((last.key as Node | null)?.range?.[0] ?? 0);
  const at = nextLineStart(y.text, end);
  // A YAML text that does not end with a line end (never the case between `---` fences) needs one first.
  const lead = at === y.text.length && !y.text.endsWith('\n') ? eol : '';
  return { at, column: keyStart - lineStartOf(y.text, keyStart), lead };
}

/**
 * Adds `key: value` as the last key of a mapping: a new line after the mapping's last value, indented
 * like its other keys, ending with the file's own line ending; in a flow mapping (`{ ... }`), `, key: value`.
 */
export function appendPair(y: YamlText, map: YAMLMap, key: string, valueText: string, eol: LineEnding): Splice {
  if (map.flow) {
    const last = map.items[map.items.length - 1];
    if (!last) throw new EditError(`Cannot add \`${key}\` to an empty mapping.`);
    const end = y.offset + endOf(last);
    return { start: end, end, insert: `, ${key}: ${valueText}` };
  }
  const { at, column, lead } = newKeyLine(y, map, eol);
  return { start: at, end: at, insert: `${lead}${' '.repeat(column)}${key}: ${valueText}${eol}` };
}

/** Adds a nested mapping (`key:` and its `entries` below it, one `step` deeper) as the last key of a mapping. */
export function appendMapping(
  y: YamlText,
  map: YAMLMap,
  key: string,
  entries: readonly (readonly [string, string])[],
  eol: LineEnding,
  step: number,
): Splice {
  if (map.flow) return appendPair(y, map, key, `{ ${entries.map(([k, v]) => `${k}: ${v}`).join(', ')} }`, eol);
  const { at, column, lead } = newKeyLine(y, map, eol);
  const lines = entries.map(([k, v]) => `${' '.repeat(column + step)}${k}: ${v}${eol}`).join('');
  return { start: at, end: at, insert: `${lead}${' '.repeat(column)}${key}:${eol}${lines}` };
}

/** The indentation step of nested block mappings in this document (two spaces when there are none). */
export function indentStep(y: YamlText, root: YAMLMap): number {
  for (const pair of root.items) {
    const child = pair.value;
    if (!isMap(child) || child.flow) continue;
    const first = child.items[0]?.key as Node | undefined;
    const parent = pair.key as Node | undefined;
    if (!first?.range || !parent?.range) continue;
    const column = (n: Node) => y.offset + n.range![0] - lineStartOf(y.text, y.offset + n.range![0]);
    const step = column(first) - column(parent);
    if (step > 0) return step;
  }
  return 2;
}

/** The pair of `map` whose key is `key`. */
export function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => isScalar(p.key) && p.key.value === key);
}
