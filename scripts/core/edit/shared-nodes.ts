/**
 * YAML aliases (`*name`) make two places of a file one value: an edit of one would change the other,
 * and an edit through an alias has no text of its own to change. clientbook never edits such a value;
 * it says so, and the user writes the values out in full.
 */
import { isAlias, visit, type Document, type Node } from 'yaml';
import { EditError } from './errors.ts';
import type { YamlText } from './yaml-splice.ts';

/** Anchor names that some alias of the document uses. */
export function aliasedAnchors(doc: Document): Set<string> {
  const names = new Set<string>();
  visit(doc, {
    Alias(_key, node) {
      names.add(node.source);
    },
  });
  return names;
}

export function aliasError(what: string, line?: number): EditError {
  return new EditError(`${what}${line ? ` (line ${line})` : ''} is written with a YAML alias, or shares an anchored value (\`&name\` ... \`*name\`), so clientbook cannot edit it safely: one change would change every place that uses it.`, {
    hint: 'Nothing was written. Edit the file by hand, or write the values out in full instead of the alias, then run the command again.',
  });
}

const lineOf = (y: YamlText, node: Node) => (node.range ? y.text.slice(0, y.offset + node.range[0]).split('\n').length : undefined);

/** Throws when `node` is an alias, or carries an anchor that an alias uses. */
export function assertNotShared(y: YamlText, doc: Document, node: unknown, what: string): void {
  if (isAlias(node)) throw aliasError(what, lineOf(y, node));
  const anchor = (node as { anchor?: string } | null | undefined)?.anchor;
  if (anchor && aliasedAnchors(doc).has(anchor)) throw aliasError(what, lineOf(y, node as Node));
}
