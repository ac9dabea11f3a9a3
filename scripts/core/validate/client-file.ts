/** One client file: bytes -> text -> front matter -> YAML -> schema -> rules, all problems collected. */
import { compareDiagnostics, type Diagnostic } from '../diagnostics.ts';
import type { PlainDate } from '../dates.ts';
import { clientSchema, type ClientData } from '../schema/client.ts';
import { ID_PATTERN } from '../schema/values.ts';
import { checkYaml } from './check-yaml.ts';
import { extensionsOf } from './keys.ts';
import { checkRules } from './rules.ts';
import { checkSecrets } from './secrets.ts';
import { slugify } from '../slug.ts';
import { decodeSource, oldMacLineEnds, splitFrontMatter, type Source } from '../load/source.ts';
import { locate, type ParsedYaml } from '../load/yaml.ts';

export interface ClientFile {
  id: string;
  /** Display path (relative to the working directory). */
  file: string;
  /** Path relative to the portfolio folder, with forward slashes. */
  relPath: string;
  source?: Source;
  parsed?: ParsedYaml;
  /** Offset of the YAML in the source text. */
  yamlStart: number;
  /** The raw value, unknown keys removed. */
  clean?: Record<string, unknown>;
  /** `referred_by` as written and where, for the cross-file rules (which then need no parse tree). */
  referredBy?: { id: string; start: { line: number; column: number }; end: { line: number; column: number } };
  /** Present when the front matter passed the schema. */
  data?: ClientData;
  extensions: Record<string, unknown>;
  body: string;
  /** 1-based line on which the body starts. */
  bodyLine: number;
  diagnostics: Diagnostic[];
}

/** A client's id: its file name without `.md` (`north/acme.md` -> `acme`). */
export function idOf(relPath: string): string {
  return relPath.split('/').pop()!.replace(/\.md$/, '');
}

export function checkClientFile(bytes: Uint8Array, relPath: string, file: string, asOf: PlainDate): ClientFile {
  const id = idOf(relPath);
  const result: ClientFile = { id, file, relPath, yamlStart: 0, extensions: {}, body: '', bodyLine: 1, diagnostics: [] };
  const { source, sink } = decodeSource(bytes, file);
  result.diagnostics = sink.items;
  if (!ID_PATTERN.test(id)) {
    // First: it is the first thing to fix, whatever else is wrong inside.
    sink.items.unshift({
      file, line: 1, column: 1, endLine: 1, endColumn: 1,
      severity: 'error',
      code: 'bad-file-name',
      message: `The file name \`${id}.md\` is not a valid client id.`,
      hint: `Rename the file to \`${slugify(id) || 'client-name'}.md\`: lowercase letters, digits and hyphens, beginning with a letter or digit.`,
    });
  }
  if (!source) return result;
  result.source = source;
  if (oldMacLineEnds(source, sink)) return finish(result);
  checkSecrets(source.index, sink);
  const fm = splitFrontMatter(source, sink);
  if (!fm) return finish(result);
  result.yamlStart = fm.yamlStart;
  result.body = fm.body;
  result.bodyLine = source.index.position(fm.bodyStart).line;
  // A key missing from the top level is missing from the block that the opening `---` starts.
  const root = { start: 0, end: 3 };
  const checked = checkYaml(fm.yaml, fm.yamlStart, clientSchema, sink, 'front matter', root);
  if (checked.parsed) result.parsed = checked.parsed;
  if (checked.clean && checked.parsed) {
    result.clean = checked.clean;
    result.extensions = extensionsOf(checked.parsed.value);
    checkRules(checked.clean, { id, parsed: checked.parsed, offset: fm.yamlStart, sink, asOf, root });
    const ref = checked.clean.referred_by;
    // Not an id at all is an error already (bad-client-id): no "names no client" on top of it.
    if (typeof ref === 'string' && ID_PATTERN.test(ref)) {
      const at = locate(checked.parsed, ['referred_by']);
      result.referredBy = {
        id: ref,
        start: source.index.position(fm.yamlStart + at.start),
        end: source.index.position(fm.yamlStart + at.end),
      };
    }
  }
  if (checked.data) result.data = checked.data;
  return finish(result);
}

/**
 * The file without its text and parse tree: what a whole-portfolio load keeps, so that memory (and
 * the garbage collector's work) does not grow with the size of every file's syntax tree.
 */
export function lean(file: ClientFile): ClientFile {
  const { source: _source, parsed: _parsed, clean: _clean, ...rest } = file;
  return rest;
}

function finish(result: ClientFile): ClientFile {
  result.diagnostics.sort(compareDiagnostics);
  return result;
}

export { slugify };
