/**
 * A client file opened for an edit: its bytes as read, its text, and its checked front matter. An edit
 * is a plan of splices plus the values it means to set; `applyEdit` re-checks the result and refuses
 * anything that adds an error or changes more than the plan says.
 */
import { isDeepStrictEqual } from 'node:util';
import { isMap, type Document, type YAMLMap } from 'yaml';
import type { PlainDate } from '../dates.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { checkClientFile, type ClientFile } from '../validate/client-file.ts';
import type { Path } from '../load/yaml.ts';
import { EditError, EditRejectedError } from './errors.ts';
import { aliasedAnchors, aliasError, assertNotShared } from './shared-nodes.ts';
import { applySplices, decodeForEdit, encodeForWrite, lineEnding, type LineEnding, type Splice } from './text.ts';
import type { YamlText } from './yaml-splice.ts';

export interface EditableFile {
  /** Absolute path. */
  path: string;
  /** Path relative to the portfolio folder, with forward slashes. */
  relPath: string;
  /** Display path. */
  file: string;
  /** The bytes as read: what the file must still hold when the edit is written. */
  bytes: Uint8Array;
  bom: boolean;
  /** The text without the BOM; every offset of an edit points into it. */
  text: string;
  eol: LineEnding;
  checked: ClientFile;
}

export interface EditPlan {
  splices: Splice[];
  /** The front matter values the edit sets; every other value must read back unchanged. */
  changes: { path: Path; value: unknown }[];
  /** What was done, in a sentence for the user. */
  summary: string;
}

export interface EditedFile {
  text: string;
  bytes: Uint8Array;
  checked: ClientFile;
  /** Warnings the edit brought (e.g. no open action left). */
  newWarnings: Diagnostic[];
}

export function openEditable(bytes: Uint8Array, where: { path: string; relPath: string; file: string }, asOf: PlainDate): EditableFile {
  const checked = checkClientFile(bytes, where.relPath, where.file, asOf);
  let decoded: { text: string; bom: boolean };
  try {
    decoded = decodeForEdit(bytes);
  } catch {
    throw new EditError(`${where.file} is not valid UTF-8 text, so clientbook will not edit it.`, {
      hint: 'Save the file as UTF-8 in your editor, then run the command again.',
    });
  }
  if (!checked.source || checked.source.text !== decoded.text)
    throw new EditError(`clientbook cannot read ${where.file} as a client file.`, { hint: 'Run `npx clientbook validate` to see why.' });
  return { ...where, bytes, bom: decoded.bom, text: decoded.text, eol: lineEnding(decoded.text), checked };
}

/** The parsed front matter, or a clear refusal when it cannot be edited safely. */
export function frontMatterOf(file: EditableFile): { y: YamlText; root: YAMLMap; value: Record<string, unknown>; doc: Document } {
  const { parsed } = file.checked;
  const root = parsed?.doc.contents;
  if (!parsed || !isMap(root))
    throw new EditError(`The front matter of ${file.file} has errors, so clientbook cannot edit it safely.`, {
      hint: 'Run `npx clientbook validate` and fix the errors it lists, then run the command again.',
    });
  const y = { text: file.text, offset: file.checked.yamlStart };
  assertNotShared(y, parsed.doc, root, 'The front matter');
  return { y, root, value: parsed.value as Record<string, unknown>, doc: parsed.doc };
}

const key = (d: Diagnostic) => `${d.severity}\0${d.code}\0${d.message.replace(/\bline \d+/g, 'line N')}`;

/** Diagnostics of `after` that `before` did not have (positions aside: an insertion moves lines). */
export function newDiagnostics(before: readonly Diagnostic[], after: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Map<string, number>();
  for (const d of before) seen.set(key(d), (seen.get(key(d)) ?? 0) + 1);
  return after.filter((d) => {
    const n = seen.get(key(d)) ?? 0;
    if (n === 0) return true;
    seen.set(key(d), n - 1);
    return false;
  });
}

function setIn(target: unknown, path: Path, value: unknown): void {
  let node = target as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) {
    if (node[step] === undefined || node[step] === null) node[step] = {};
    node = node[step] as Record<string | number, unknown>;
  }
  node[path[path.length - 1]!] = value;
}

/**
 * Applies the plan and checks the result: it must add no error, and its front matter must equal the
 * old one with exactly the planned changes. Either failure throws; nothing is written here.
 */
export function applyEdit(file: EditableFile, plan: EditPlan, asOf: PlainDate): EditedFile {
  const text = applySplices(file.text, plan.splices);
  const bytes = encodeForWrite(text, file.bom);
  const checked = checkClientFile(bytes, file.relPath, file.file, asOf);
  const added = newDiagnostics(file.checked.diagnostics, checked.diagnostics);
  const errors = added.filter((d) => d.severity === 'error');
  if (errors.length > 0)
    throw new EditRejectedError(`The edit would leave ${file.file} with ${errors.length === 1 ? 'an error' : `${errors.length} errors`}, so it was not made.`, errors, {
      hint: 'The file is unchanged. Fix the problem by hand, or report it if the command caused it.',
    });
  if (file.checked.parsed) {
    const expected = structuredClone(file.checked.parsed.value);
    for (const change of plan.changes) setIn(expected, change.path, change.value);
    if (!checked.parsed || !isDeepStrictEqual(expected, checked.parsed.value)) {
      // An edited value that an alias repeats elsewhere changes there too.
      if (aliasedAnchors(file.checked.parsed.doc).size > 0) throw aliasError(`A value this command edits in ${file.file}`);
      throw new EditError(`The edit of ${file.file} would change more than it should, so it was not made.`, {
        hint: 'The file is unchanged. This is a bug in clientbook: please report it with the file (remove private details).',
      });
    }
  }
  return { text, bytes, checked, newWarnings: added.filter((d) => d.severity === 'warning') };
}
