/**
 * YAML 1.2 (core schema) with unique keys and an alias limit. Dates stay text: the core schema has
 * no timestamps. Every node keeps its source range, so any path can be located.
 */
import { Document, YAMLParseError, isAlias, isMap, isNode, isPair, isScalar, isSeq, parseDocument, type Node, type Pair, type Tags, type YAMLMap } from 'yaml';
import type { DiagnosticSink } from '../diagnostics.ts';
import { yamlProblems } from './yaml-errors.ts';

/** Aliases beyond this many expansions are refused (a "billion laughs" file). */
export const MAX_ALIAS_COUNT = 100;

export type Path = readonly (string | number)[];

export interface ParsedYaml {
  doc: Document.Parsed;
  /** The YAML text the document was parsed from. */
  yaml: string;
  value: unknown;
}

/**
 * The core schema's numbers written in hexadecimal, octal, with an exponent, or as `.nan`/`.inf` are
 * kept as the text written. No number of the format may be written so (FORMAT.md 1.1: "no exponent,
 * hex or octal"), and a value check that saw `1e22` as 10^22 could only say it is too large, never
 * that it is written with an exponent. Text fields and `x-` fields keep exactly what was written.
 */
const keepNumberForms = (tags: Tags): Tags =>
  tags.map((tag) => {
    if (typeof tag !== 'object' || !('test' in tag) || !tag.test) return tag;
    const nonDecimal = tag.format === 'HEX' || tag.format === 'OCT' || tag.format === 'EXP' || tag.test.test('.nan');
    if (!/:(int|float)$/.test(tag.tag)) return tag;
    if (nonDecimal) return { ...tag, resolve: (text: string) => text };
    // A sign in front (`+6500`) or more than two digits after the point (`6500.500`): no number of
    // the format is written so, and the value alone (6500, 6500.5) would hide it.
    const resolve = tag.resolve as (text: string, ...rest: unknown[]) => unknown;
    return { ...tag, resolve: (text: string, ...rest: unknown[]) => (/^\+|\.\d{3,}$/.test(text) ? text : resolve(text, ...rest)) };
  });

const OPTIONS = {
  version: '1.2',
  schema: 'core',
  // Unique keys are checked by `duplicateKeys`: the yaml package compares each key with every key
  // before it in its mapping, so 10,000 `x-` keys took seconds.
  uniqueKeys: false,
  prettyErrors: false,
  strict: true,
  stringKeys: false,
  // `!!binary`, `!!timestamp` and friends are YAML 1.1: refused, not turned into objects.
  resolveKnownTags: false,
  customTags: keepNumberForms,
  // Keeps the yaml package from printing warnings (e.g. about collection keys) to the console.
  // Not 'silent': that would also drop the error about a second document.
  logLevel: 'error',
} as const;

const TOO_DEEP_HINT = 'Client files need a few levels at most: flatten the value, or keep it in the notes below the front matter.';

/**
 * Where nesting first goes deeper than MAX_DEPTH, estimated from the text (indentation, `- ` and `? `
 * markers, open brackets), for a document too deep for the parser to locate anything in.
 */
function tooDeepAt(yaml: string): number {
  let flow = 0;
  let deepest = { depth: -1, at: 0 };
  for (let start = 0; start < yaml.length; ) {
    const end = yaml.indexOf('\n', start) === -1 ? yaml.length : yaml.indexOf('\n', start);
    const line = yaml.slice(start, end);
    const lead = /^[ \t]*(?:[-?][ \t]+)*/.exec(line)![0];
    let depth = flow + lead.length;
    for (let i = lead.length; i < line.length; i++) {
      const ch = line[i];
      if (ch === '[' || ch === '{') {
        flow++;
        depth++;
        if (depth > MAX_DEPTH) return start + i;
      } else if (ch === ']' || ch === '}') flow = Math.max(0, flow - 1);
    }
    if (depth > MAX_DEPTH) return start + lead.length;
    if (depth > deepest.depth) deepest = { depth, at: start + lead.length };
    start = end + 1;
  }
  return deepest.at;
}

/** Parses the front matter; reports every YAML mistake (not only the first) where it is. */
export function parseYaml(yaml: string, offset: number, sink: DiagnosticSink): ParsedYaml | undefined {
  let doc: Document.Parsed;
  try {
    doc = parseDocument(yaml, OPTIONS);
  } catch (error) {
    // The parser recurses once per level of nesting: thousands of levels exhaust the stack.
    if (!(error instanceof RangeError)) throw error;
    const at = tooDeepAt(yaml);
    sink.add({ start: offset + at, end: offset + at + 1, code: 'yaml-too-deep', message: 'YAML: values are nested too deeply to be read.', hint: TOO_DEEP_HINT });
    return undefined;
  }
  doc.errors.push(...duplicateKeys(doc));
  const problems = yamlProblems(doc, yaml);
  for (const p of problems) sink.add({ ...p, start: offset + p.start, end: offset + p.end });
  if (problems.length > 0) return undefined;
  const structural = structureProblems(doc, yaml);
  for (const p of structural) {
    const at = p.code === 'yaml-circular-alias' ? sink.index.position(offset + p.anchorAt!).line : 0;
    sink.add({ start: offset + p.start, end: offset + p.end, code: p.code, message: p.message.replace('{line}', String(at)), hint: p.hint });
  }
  if (structural.length > 0) return undefined;
  try {
    return { doc, yaml, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    const unresolved = /Unresolved alias[^:]*: (.*)$/.exec(error.message)?.[1];
    const alias = firstAlias(doc, unresolved);
    sink.add({
      start: offset + (alias?.range?.[0] ?? 0),
      end: offset + (alias?.range?.[1] ?? 0),
      code: unresolved ? 'yaml-bad-alias' : 'yaml-alias-limit',
      message: unresolved
        ? `YAML: the alias \`*${unresolved}\` refers to no anchor \`&${unresolved}\` above it.`
        : `YAML: aliases expand to more than ${MAX_ALIAS_COUNT} nodes.`,
      hint: unresolved
        ? 'Define the anchor (`&name`) before the alias (`*name`), or write the value out.'
        : 'Write the values out instead of nesting `*aliases` of `&anchors`.',
    });
    return undefined;
  }
}

/** Nesting deeper than this is refused: no client file needs it, and every reader of the value recurses. */
export const MAX_DEPTH = 64;

/** The codes of `structureProblems` and of a parse too deep to finish: YAML problems the yaml package does not report. */
export const STRUCTURE_CODES = ['yaml-circular-alias', 'yaml-complex-key', 'yaml-merge-key', 'yaml-too-deep'] as const;

interface StructureProblem {
  start: number;
  end: number;
  code: (typeof STRUCTURE_CODES)[number];
  message: string;
  hint: string;
  /** For a circular alias: where its anchor is written. */
  anchorAt?: number;
}

/**
 * What the YAML package accepts but no reader of a client file should meet, each located where it
 * is written:
 * - an alias inside the very node its anchor names (`x-a: &a [*a]`, an anchor on the root mapping
 *   used within it): the value would contain itself, and every later reader of it (the schema, the
 *   site, JSON output) would recurse without end. An alias can only name an anchor set before it, so
 *   any cycle has an alias inside its own anchor's node; that is what is looked for;
 * - a key that is a list, a mapping or an alias (`? [a, b]`): keys are words;
 * - a merge key (`<<: *defaults`): YAML 1.2 has none, so nothing would be merged;
 * - nesting deeper than MAX_DEPTH.
 */
function structureProblems(doc: Document, yaml: string): StructureProblem[] {
  const found: StructureProblem[] = [];
  /** The anchored nodes seen so far, by name: the last one is the one an alias refers to. */
  const anchors = new Map<string, Node>();
  const rangeOf = (node: Node) => ({ start: node.range?.[0] ?? 0, end: node.range?.[1] ?? 0 });
  const visit = (node: unknown, depth: number): void => {
    if (!isNode(node)) return;
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target?.range && node.range && node.range[0] >= target.range[0] && node.range[1] <= target.range[1])
        found.push({
          ...rangeOf(node),
          code: 'yaml-circular-alias',
          message: `YAML: the alias \`*${node.source}\` is inside the value it refers to (\`&${node.source}\` on line {line}), so that value would contain itself without end.`,
          hint: 'Write the value out instead of the alias, or anchor a smaller value that does not hold the alias.',
          anchorAt: anchorAt(yaml, node.source, target.range[0]),
        });
      return;
    }
    if (node.anchor) anchors.set(node.anchor, node);
    if (!isMap(node) && !isSeq(node)) return;
    if (depth >= MAX_DEPTH) {
      const { start } = rangeOf(node);
      found.push({
        start,
        end: start + 1,
        code: 'yaml-too-deep',
        message: `YAML: values are nested more than ${MAX_DEPTH} levels deep here.`,
        hint: TOO_DEEP_HINT,
      });
      return;
    }
    for (const item of node.items) {
      if (!isPair(item)) {
        visit(item, depth + 1);
        continue;
      }
      const key = item.key;
      if (isNode(key) && !isScalar(key)) {
        found.push({
          ...rangeOf(key),
          code: 'yaml-complex-key',
          message: isAlias(key) ? `YAML: the key \`*${key.source}\` is an alias; keys must be plain words.` : 'YAML: this key is a list or a mapping; keys must be plain words.',
          hint: 'Write the key as a word followed by a colon, e.g. `x-note: ...`; a `? ` line starts a complex key, which client files do not use.',
        });
      } else if (isScalar(key) && key.value === '<<' && key.type === 'PLAIN') {
        found.push({
          ...rangeOf(key),
          code: 'yaml-merge-key',
          message: 'YAML: `<<` merge keys are not part of YAML 1.2; nothing would be merged here.',
          hint: 'Write the keys out in this mapping instead of merging them from an anchor.',
        });
      } else visit(key, depth + 1);
      visit(item.value, depth + 1);
    }
  };
  visit(doc.contents, 0);
  return found;
}

/**
 * The yaml package's DUPLICATE_KEY errors, found in one pass: a scalar key whose value (`1` and
 * `1.0` alike, `1` and `"1"` not) an earlier key of the same mapping has, at the later key.
 */
export function duplicateKeys(doc: Document): YAMLParseError[] {
  const errors: YAMLParseError[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!isMap(node) && !isSeq(node)) continue;
    const seen = new Set<unknown>();
    for (const item of node.items) {
      if (!isPair(item)) {
        stack.push(item);
        continue;
      }
      const key = item.key;
      if (isScalar(key)) {
        if (seen.has(key.value)) {
          const at = key.range?.[0] ?? 0;
          errors.push(new YAMLParseError([at, at + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
        } else seen.add(key.value);
      } else stack.push(key);
      stack.push(item.value);
    }
  }
  return errors;
}

/** Where `&name` is written: at or before the start of the node it anchors. */
const anchorAt = (yaml: string, name: string, nodeStart: number) => {
  const at = yaml.lastIndexOf(`&${name}`, nodeStart);
  return at === -1 ? nodeStart : at;
};

function firstAlias(doc: Document, source?: string): Node | undefined {
  let found: Node | undefined;
  const visit = (node: unknown): void => {
    if (found || !isNode(node)) return;
    if (isAlias(node) && (source === undefined || node.source === source)) {
      found = node;
      return;
    }
    if (isMap(node) || isSeq(node))
      for (const item of node.items) {
        if (isPair(item)) {
          visit(item.key);
          visit(item.value);
        } else visit(item);
      }
  };
  visit(doc.contents);
  return found;
}

export interface Located {
  start: number;
  end: number;
  /** The source text of the value, where the path reaches a scalar. */
  source?: string;
  /** True when the path does not exist and its deepest existing mapping was located instead. */
  missing: boolean;
}

/** Finds the node at `path` (or, with `key`, the key of its last step). */
export function locate({ doc, yaml }: ParsedYaml, path: Path, which: 'value' | 'key' = 'value'): Located {
  let node: unknown = doc.contents;
  let keyNode: unknown;
  for (let i = 0; i < path.length; i++) {
    const step = path[i]!;
    let next: unknown;
    if (isMap(node)) {
      const pair = pairOf(node, String(step));
      keyNode = pair?.key;
      next = pair?.value;
      if (pair && next === null) next = pair.key; // `key:` with no value: point at the key
      if (!pair) return { ...rangeOf(keyOfParent(doc, path.slice(0, i)) ?? node), missing: true };
    } else if (isSeq(node) && typeof step === 'number') {
      next = node.items[step];
      keyNode = next;
      if (next === undefined) return { ...rangeOf(node), missing: true };
    } else {
      return { ...rangeOf(node), missing: true };
    }
    node = next;
  }
  const target = which === 'key' && keyNode ? keyNode : node;
  let range = rangeOf(target);
  if (typeof path[path.length - 1] === 'number' && isScalar(target) && target.value === null && range.start === range.end) {
    // An empty list item (`-` alone) has no text of its own: point at its dash.
    const dash = yaml.lastIndexOf('-', range.start);
    if (dash !== -1) range = { start: dash, end: dash + 1 };
  }
  const source = isScalar(target) && target.range ? yaml.slice(target.range[0], target.range[1]) : undefined;
  return { ...range, ...(source !== undefined ? { source } : {}), missing: false };
}

/** The key node under which the mapping at `path` sits (for a missing key, point at its parent). */
function keyOfParent(doc: Document, path: Path): unknown {
  if (path.length === 0) return undefined;
  const parent = doc.getIn(path.slice(0, -1), true);
  if (isMap(parent)) return pairOf(parent, String(path[path.length - 1]))?.key;
  return undefined;
}

/**
 * The first pair of `map` with the key `key`, from an index made once per mapping: a file with
 * thousands of unknown keys is located key by key, and a search of the mapping for each was
 * quadratic (16,000 keys took 9 s).
 */
function pairOf(map: YAMLMap, key: string): Pair | undefined {
  let index = PAIRS.get(map);
  if (index === undefined || index.items !== map.items || index.size !== map.items.length) {
    const byKey = new Map<string, Pair>();
    for (const pair of map.items) {
      const name = keyString(pair.key);
      if (!byKey.has(name)) byKey.set(name, pair as Pair);
    }
    index = { items: map.items, size: map.items.length, byKey };
    PAIRS.set(map, index);
  }
  return index.byKey.get(key);
}
const PAIRS = new WeakMap<YAMLMap, { items: unknown[]; size: number; byKey: Map<string, Pair> }>();

/** A key as `toJS` turns it into a property name (`~` becomes the empty string). */
function keyString(key: unknown): string {
  if (isScalar(key)) return key.value === null ? '' : String(key.value);
  return String(key);
}

function rangeOf(node: unknown): { start: number; end: number } {
  if (isNode(node) && node.range) {
    // For a mapping, stop at the end of its first line so the frame shows the key, not the block.
    return { start: node.range[0], end: isMap(node) || isSeq(node) ? node.range[0] : node.range[1] };
  }
  return { start: 0, end: 0 };
}
