/**
 * YAML 1.2 (core schema) with unique keys and an alias limit. Dates stay text: the core schema has
 * no timestamps. Every node keeps its source range, so any path can be located.
 */
import { Document, isAlias, isMap, isNode, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';
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

/** Parses the front matter; reports every YAML mistake (not only the first) where it is. */
export function parseYaml(yaml: string, offset: number, sink: DiagnosticSink): ParsedYaml | undefined {
  const doc = parseDocument(yaml, {
    version: '1.2',
    schema: 'core',
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
    stringKeys: false,
    // `!!binary`, `!!timestamp` and friends are YAML 1.1: refused, not turned into objects.
    resolveKnownTags: false,
    // Keeps the yaml package from printing warnings (e.g. about collection keys) to the console.
    // Not 'silent': that would also drop the error about a second document.
    logLevel: 'error',
  });
  const problems = yamlProblems(doc, yaml);
  for (const p of problems) sink.add({ ...p, start: offset + p.start, end: offset + p.end });
  if (problems.length > 0) return undefined;
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
      const pair = node.items.find((p) => keyString(p.key) === String(step));
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
  if (isMap(parent)) return parent.items.find((p) => keyString(p.key) === String(path[path.length - 1]))?.key;
  return undefined;
}

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
