/** Finds the client a command names: its id, or a unique beginning of its id or name. */
import path from 'node:path';
import type { PlainDate } from '../dates.ts';
import { checkClientFile, idOf } from '../validate/client-file.ts';
import { didYouMean } from '../validate/suggest.ts';
import { EditError } from './errors.ts';
import { fold, listing, pick } from './pick.ts';
import { readNoFollow } from './read-no-follow.ts';

export interface ClientRef {
  id: string;
  /** Path relative to the portfolio folder, with forward slashes. */
  relPath: string;
  /** The display name, when the file has one. */
  name?: string;
}


/**
 * The one client `query` names among the portfolio's files. An exact id needs no file to be read;
 * anything else reads every file's name, once.
 */
export async function findClient(dir: string, relPaths: readonly string[], query: string, asOf: PlainDate): Promise<ClientRef> {
  const byId = relPaths.filter((rel) => idOf(rel) === query);
  if (byId.length === 1) return { id: query, relPath: byId[0]! };
  if (byId.length > 1)
    throw new EditError(`The client id \`${query}\` is used by ${byId.length} files, so clientbook cannot tell which one to edit.`, {
      hint: `Ids must be unique across subfolders: rename one of\n${listing(byId)}`,
    });
  const refs: ClientRef[] = [];
  for (let i = 0; i < relPaths.length; i += 32) {
    // In batches, so a 10,000-client portfolio does not open 10,000 files at once.
    const batch = relPaths.slice(i, i + 32).map(async (relPath): Promise<ClientRef> => {
      // A symbolic link is not read (it may point outside the portfolio): it is found by its id only.
      const bytes = await readNoFollow(path.join(dir, relPath), relPath).catch(() => undefined);
      if (!bytes) return { id: idOf(relPath), relPath };
      const file = checkClientFile(bytes, relPath, relPath, asOf);
      const name = file.parsed && (file.parsed.value as { name?: unknown } | null)?.name;
      return { id: file.id, relPath, ...(typeof name === 'string' ? { name } : {}) };
    });
    refs.push(...(await Promise.all(batch)));
  }
  const picked = pick(refs, query, { exact: (c) => [c.id, ...(c.name ? [c.name] : [])], prefixes: (c) => [c.id, ...(c.name ? [c.name] : [])] });
  if (picked.kind === 'found') return picked.item;
  const show = (c: ClientRef) => `${c.id}${c.name ? `  (${c.name})` : ''}`;
  if (picked.kind === 'ambiguous')
    throw new EditError(`"${query}" matches ${picked.candidates.length} clients.`, {
      hint: `Write more of the id or name, or the id itself:\n${listing(picked.candidates.map(show))}`,
    });
  const suggestion = didYouMean(query, refs.map((c) => c.id));
  // "dental" for Lakeside Dental: a word further in is no beginning, but it is what the user remembers.
  const inside = refs.filter((c) => [c.id, c.name].some((t) => t !== undefined && hasWords(t, query)));
  throw new EditError(`No client matches "${query}"${suggestion ? `. Did you mean \`${suggestion}\`?` : '.'}`, {
    hint: refs.length === 0
      ? 'The portfolio has no client files yet: add one with `npx clientbook new "Client name"`.'
      : inside.length > 0
        ? `Name the client by its id, or by a unique beginning of its id or name. Clients with "${query}" further in:\n${listing(inside.map(show))}`
        : 'Name the client by its id (the file name without .md, e.g. hanks-hardware), or by a unique beginning of its id or name.',
  });
}

/** Whether `query`'s words appear in `text` from the start of a word (case, accents and punctuation aside). */
function hasWords(text: string, query: string): boolean {
  const words = (t: string) => fold(t).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const needle = words(query);
  return needle !== '' && ` ${words(text)}`.includes(` ${needle}`);
}
