/**
 * YAML 1.2 (core schema) with unique keys and an alias limit. Dates stay text: the core schema has
 * no timestamps. Every node keeps its source range, so any path can be located.
 */
import { Document, isMap, isNode, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { DiagnosticSink } from '../diagnostics.ts';

/** Aliases beyond this many expansions are refused (a "billion laughs" file). */
export const MAX_ALIAS_COUNT = 100;

export type Path = readonly (string | number)[];

const FRIENDLY: Record<string, { message?: string; hint: string }> = {
  DUPLICATE_KEY: {
    message: 'This key appears twice in the same mapping.',
    hint: 'Keep one of them: YAML keys must be unique, and the second would silently replace the first.',
  },
  TAB_AS_INDENT: {
    message: 'A tab is used for indentation.',
    hint: 'YAML allows only spaces for indentation: replace the tab with spaces (two per level).',
  },
  BAD_INDENT: { hint: 'Indent nested keys with spaces, the same number for every key at one level.' },
  MISSING_CHAR: { hint: 'A quote, bracket or brace is not closed.' },
  MULTILINE_IMPLICIT_KEY: {
    hint: 'A key and its value must start on the same line; if a value contains `: `, put it in quotes.',
  },
  BLOCK_AS_IMPLICIT_KEY: { hint: 'Check the indentation of the line above, and put values containing `: ` in quotes.' },
  UNEXPECTED_TOKEN: { hint: 'Values that begin with `@`, `` ` ``, `%`, `|` or `>` and values containing `: ` or ` #` need quotes.' },
  BAD_ALIAS: { hint: 'An alias `*name` must refer to an anchor `&name` defined earlier.' },
  BAD_SCALAR_START: { hint: 'Put the value in quotes.' },
  TAG_RESOLVE_FAILED: { hint: 'Remove the `!tag`: client files use plain YAML values.' },
  MULTIPLE_DOCS: {
    message: 'The front matter holds more than one YAML document.',
    hint: 'Remove the extra `---` or `...` line inside the front matter.',
  },
};

export interface ParsedYaml {
  doc: Document.Parsed;
  /** The YAML text the document was parsed from. */
  yaml: string;
  value: unknown;
}

/** Parses the front matter; reports every YAML error (not only the first) at its position. */
export function parseYaml(yaml: string, offset: number, sink: DiagnosticSink): ParsedYaml | undefined {
  const doc = parseDocument(yaml, {
    version: '1.2',
    schema: 'core',
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
    stringKeys: false,
  });
  for (const error of [...doc.errors, ...doc.warnings]) {
    const friendly = FRIENDLY[error.code];
    const message = friendly?.message ?? yamlMessage(error.message);
    sink.add({
      start: offset + error.pos[0],
      end: offset + error.pos[1],
      severity: 'error',
      code: `yaml-${error.code.toLowerCase().replaceAll('_', '-')}`,
      message: `YAML: ${message}`,
      hint: friendly?.hint ?? 'Check the YAML syntax on this line.',
    });
  }
  if (doc.errors.length > 0 || doc.warnings.length > 0) return undefined;
  try {
    return { doc, yaml, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    const alias = firstAlias(doc);
    sink.add({
      start: offset + (alias?.range?.[0] ?? 0),
      end: offset + (alias?.range?.[1] ?? 0),
      code: 'yaml-alias-limit',
      message: `YAML: aliases expand to more than ${MAX_ALIAS_COUNT} nodes.`,
      hint: 'Write the values out instead of nesting `*aliases` of `&anchors`.',
    });
    return undefined;
  }
}

function yamlMessage(message: string): string {
  // The yaml package appends " at line L, column C" and a source excerpt; we print our own.
  return message.replace(/ at line \d+, column \d+[\s\S]*$/, '').replace(/\n[\s\S]*$/, '');
}

function firstAlias(doc: Document): Node | undefined {
  let found: Node | undefined;
  const visit = (node: unknown): void => {
    if (found || !isNode(node)) return;
    if (node.constructor.name === 'Alias') {
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
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === step || String(isScalar(p.key) ? p.key.value : p.key) === String(step));
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
  const range = rangeOf(target);
  const source = isScalar(target) && target.range ? yaml.slice(target.range[0], target.range[1]) : undefined;
  return { ...range, ...(source !== undefined ? { source } : {}), missing: false };
}

/** The key node under which the mapping at `path` sits (for a missing key, point at its parent). */
function keyOfParent(doc: Document, path: Path): unknown {
  if (path.length === 0) return undefined;
  const parent = doc.getIn(path.slice(0, -1), true);
  if (isMap(parent)) return parent.items.find((p) => isScalar(p.key) && p.key.value === path[path.length - 1])?.key;
  return undefined;
}

function rangeOf(node: unknown): { start: number; end: number } {
  if (isNode(node) && node.range) {
    // For a mapping, stop at the end of its first line so the frame shows the key, not the block.
    return { start: node.range[0], end: isMap(node) || isSeq(node) ? node.range[0] : node.range[1] };
  }
  return { start: 0, end: 0 };
}
