/**
 * A new client file from a template. The template is written as if the client were added on its own
 * `since` date: `since` becomes today and every other date in it (the first action's `due`, the first
 * note's heading) moves by the same number of days, so a fresh client is never born overdue.
 */
import { isMap, isScalar, visit, type Scalar } from 'yaml';
import { daysBetween, parseDate, type PlainDate } from '../dates.ts';
import { DiagnosticSink, LineIndex, type Diagnostic } from '../diagnostics.ts';
import { slugify } from '../slug.ts';
import { splitFrontMatter, type Source } from '../load/source.ts';
import { parseYaml } from '../load/yaml.ts';
import type { ClientType } from '../schema/client.ts';
import { EditError } from './errors.ts';
import { headingsOf } from './add-note.ts';
import { applySplices, decodeForEdit, type Splice } from './text.ts';
import { pairOf, replaceScalar, type YamlText } from './yaml-splice.ts';

export interface NewClientOptions {
  name: string;
  type?: ClientType;
  today: PlainDate;
}

/** The longest id: `ID.md` must fit in a file name (255 bytes on every common file system). */
export const MAX_ID_LENGTH = 252;
/** An id made from a name is cut at a word near this length: a file name to type, not a sentence. */
const MADE_ID_LENGTH = 60;

/**
 * The id for a client's name: accents folded, punctuation dropped (`Café Ürün & Sons` -> `cafe-urun-sons`),
 * and a very long name cut after its first words.
 */
export function idFor(name: string): string {
  const id = slugify(name);
  if (id.length <= MADE_ID_LENGTH) return id;
  const cut = id.slice(0, MADE_ID_LENGTH + 1);
  const word = cut.lastIndexOf('-');
  return (word >= 20 ? cut.slice(0, word) : cut.slice(0, MADE_ID_LENGTH)).replace(/-+$/, '');
}

/** Located position of the first byte that is not UTF-8, for a message. */
export function firstInvalidUtf8(bytes: Uint8Array): { line: number; column: number; byte: number } | undefined {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // Decode growing prefixes by lines: the first line that fails holds the bad byte.
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    const chunk = bytes.subarray(start, i);
    try {
      decoder.decode(chunk);
    } catch {
      for (let j = 0; j < chunk.length; j++) {
        const { end, valid } = utf8At(chunk, j);
        if (!valid) {
          const column = new TextDecoder().decode(chunk.subarray(0, j)).length + 1;
          return { line, column, byte: chunk[j]! };
        }
        j = end - 1;
      }
    }
    line++;
    start = i + 1;
  }
  return undefined;
}

/** The sequence starting at `i`: where it ends and whether it is valid UTF-8. */
function utf8At(bytes: Uint8Array, i: number): { end: number; valid: boolean } {
  const b = bytes[i]!;
  const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
  if (need < 0) return { end: i + 1, valid: false };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, i + need + 1));
    return { end: i + need + 1, valid: true };
  } catch {
    return { end: i + 1, valid: false };
  }
}

/** The template's text with the name, type and dates filled in. Throws when the template itself is broken. */
export function clientFromTemplate(templateBytes: Uint8Array, templateFile: string, options: NewClientOptions): string {
  let text: string;
  try {
    ({ text } = decodeForEdit(templateBytes));
  } catch {
    const at = firstInvalidUtf8(templateBytes);
    throw new EditError(`The client template ${templateFile} is not valid UTF-8${at ? ` (line ${at.line}, column ${at.column}: byte 0x${at.byte.toString(16).padStart(2, '0')})` : ''}, so no client was created.`, {
      hint: 'Save the template as UTF-8 in your editor (or delete your portfolio\'s _template.md to use the built-in one).',
    });
  }
  const index = new LineIndex(text);
  const sink = new DiagnosticSink(templateFile, index);
  const source: Source = { text, hadBom: false, index };
  const fm = splitFrontMatter(source, sink);
  const parsed = fm && parseYaml(fm.yaml, fm.yamlStart, sink);
  const root = parsed?.doc.contents;
  if (!fm || !parsed || !isMap(root)) throw brokenTemplate(templateFile, sink.items);
  const y: YamlText = { text, offset: fm.yamlStart };

  const scalarAt = (key: string): Scalar | undefined => {
    const value = pairOf(root, key)?.value;
    return isScalar(value) ? value : undefined;
  };
  const nameNode = scalarAt('name');
  if (!nameNode) throw brokenTemplate(templateFile, [], 'it has no `name:` line to fill in');
  const splices: Splice[] = [replaceScalar(y, nameNode, options.name, '`name`')];
  if (options.type) {
    const typeNode = scalarAt('type');
    if (!typeNode) throw brokenTemplate(templateFile, [], 'it has no `type:` line to fill in');
    splices.push(replaceScalar(y, typeNode, options.type, '`type`'));
  }

  const sinceNode = scalarAt('since');
  const since = typeof sinceNode?.value === 'string' ? parseDate(sinceNode.value) : undefined;
  const shift = since ? daysBetween(since, options.today) : 0;
  if (sinceNode) splices.push(replaceScalar(y, sinceNode, options.today.toString(), '`since`'));
  if (shift !== 0) {
    visit(parsed.doc, {
      Scalar(key, node) {
        if (key !== 'value' || node === sinceNode || typeof node.value !== 'string') return;
        const date = parseDate(node.value);
        if (date) splices.push(replaceScalar(y, node, date.add({ days: shift }).toString(), 'a date'));
      },
    });
    for (const heading of headingsOf(text, fm.bodyStart)) {
      if (!heading.date) continue;
      const at = heading.start + text.slice(heading.start).indexOf(heading.date.toString());
      splices.push({ start: at, end: at + 10, insert: heading.date.add({ days: shift }).toString() });
    }
  }
  return applySplices(text, splices);
}

function brokenTemplate(file: string, diagnostics: readonly Diagnostic[], why?: string): EditError {
  const first = diagnostics[0];
  const reason = why ?? (first ? `${first.file}:${first.line}:${first.column}: ${first.message}` : 'its front matter cannot be read');
  return new EditError(`The client template ${file} is broken: ${reason}.`, {
    hint: 'Fix the template (or delete your portfolio\'s _template.md to use the built-in one).',
  });
}

/** Why a name cannot be a client's name (one line of text), or undefined. */
export function checkClientName(name: string): string | undefined {
  if (/[\r\n]/.test(name)) return 'A client name is one line of text.';
  if (name.trim() === '') return 'The client name is empty.';
  return undefined;
}
