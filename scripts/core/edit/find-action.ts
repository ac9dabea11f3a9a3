/** Finds the action a command names: by its exact title or a unique beginning of it. */
import { isAlias, isMap, isScalar, isSeq, type Document, type YAMLMap } from 'yaml';
import { EditError } from './errors.ts';
import { aliasedAnchors, aliasError } from './shared-nodes.ts';
import { listing, pick } from './pick.ts';

export interface ActionEntry {
  index: number;
  title: string;
  /** The `done` date as written, when the action is closed. */
  done?: string;
  node: YAMLMap;
  /** Written as an alias (`- *t`) or aliased elsewhere: never edited (see shared-nodes.ts). */
  shared?: boolean;
}

export function actionsOf(root: YAMLMap, doc?: Document): ActionEntry[] {
  const list = root.get('actions', true);
  if (!isSeq(list)) return [];
  const anchors = doc ? aliasedAnchors(doc) : new Set<string>();
  const out: ActionEntry[] = [];
  list.items.forEach((item, index) => {
    const node = isAlias(item) && doc ? item.resolve(doc) : item;
    if (!isMap(node)) return;
    const shared = isAlias(item) || (node.anchor !== undefined && anchors.has(node.anchor));
    const title = node.get('title');
    if (typeof title !== 'string') return;
    const done = node.get('done', true);
    const doneText = isScalar(done) && done.value !== null ? String(done.value) : undefined;
    out.push({ index, title, node, ...(doneText !== undefined ? { done: doneText } : {}), ...(shared ? { shared } : {}) });
  });
  return out;
}

const describe = (a: ActionEntry) => `${a.title}${a.done !== undefined ? ` (done ${a.done})` : ''}`;

/** The one action `query` names; otherwise an error that lists the candidates. */
export function findAction(actions: readonly ActionEntry[], query: string, clientName: string): ActionEntry {
  const picked = pick(actions, query, { exact: (a) => [a.title], prefixes: (a) => [a.title], prefer: (a) => a.done === undefined });
  if (picked.kind === 'found') {
    if (picked.item.shared) throw aliasError(`The action "${picked.item.title}"`);
    return picked.item;
  }
  if (picked.kind === 'ambiguous' && picked.candidates.some((a) => a.shared)) throw aliasError(`The action "${picked.candidates[0]!.title}"`);
  if (picked.kind === 'ambiguous')
    throw new EditError(`"${query}" matches ${picked.candidates.length} actions of ${clientName}.`, {
      hint: `Write more of the title, or all of it:\n${listing(picked.candidates.map(describe))}`,
    });
  const open = actions.filter((a) => a.done === undefined);
  if (open.length === 0)
    throw new EditError(`${clientName} has no open action matching "${query}" (it has no open action at all).`, {
      hint: 'Add the action to the file first, or check the client.',
    });
  throw new EditError(`No action of ${clientName} matches "${query}".`, {
    hint: `Write the title exactly or its unique beginning (quote it in the shell). Open actions:\n${listing(open.map(describe))}`,
  });
}
