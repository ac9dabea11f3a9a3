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

/** The id for a client's name: accents folded, punctuation dropped (`Café Ürün & Sons` -> `cafe-urun-sons`). */
export function idFor(name: string): string {
  return slugify(name);
}

/** The template's text with the name, type and dates filled in. Throws when the template itself is broken. */
export function clientFromTemplate(templateBytes: Uint8Array, templateFile: string, options: NewClientOptions): string {
  const { text } = decodeForEdit(templateBytes);
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
