/** YAML text -> unknown keys -> zod schema: the checks shared by client files and settings. */
import { z } from 'zod';
import type { DiagnosticSink } from '../diagnostics.ts';
import { locate, parseYaml, type ParsedYaml } from '../load/yaml.ts';
import { reportIssue, type Range } from './issues.ts';
import { isPlainObject, separateKeys } from './keys.ts';
import { checkWrittenNumbers } from './written-numbers.ts';

/**
 * A plain number written as checkWrittenNumbers refuses, after a key or a dash: a whole value with a
 * point (`seats: 2.0`, `2.`, `.0`) or a leading zero (`cost: 017`, `00.5`). Amounts with cents
 * (`cost: 6500.50`), which many files hold, do not send the file through that walk.
 */
const POINT_NUMBER = /(?:[:[,{]|-[ \t])[ \t]*[-+]?(?:\d+\.0*|\.0+|0\d[\d.]*)[ \t]*(?:[,\]}#].*)?$/m;

export interface Checked<T> {
  parsed?: ParsedYaml;
  /** The value with unknown keys removed; present whenever the YAML was a mapping. */
  clean?: Record<string, unknown>;
  /** The schema's output, when the value passed it. */
  data?: T;
}

/** Files checked against one schema before it is worth compiling (a few tens of milliseconds). */
const COMPILE_AFTER = 200;
const compiled = new WeakMap<z.ZodType, { calls: number; schema?: z.ZodType }>();

/**
 * The schema to parse with: after some files, zod's compiled parser (`z.compile`), which checks a
 * valid value several times faster and hands an invalid one to the ordinary parser, so every issue
 * is the same (tests/core/compiled-schema.test.ts holds it to that). A handful of files is checked
 * with the ordinary parser, which costs less than compiling.
 */
function parserFor<S extends z.ZodType>(schema: S): { schema: S; jitless: boolean } {
  let entry = compiled.get(schema);
  if (!entry) compiled.set(schema, (entry = { calls: 0 }));
  if (!entry.schema && ++entry.calls >= COMPILE_AFTER) entry.schema = z.compile(schema);
  // Until then, without the code zod writes for each object schema on its first parse: for a few
  // files, writing and compiling that code costs more than it saves (docs/performance.md).
  return entry.schema ? { schema: entry.schema as S, jitless: false } : { schema, jitless: true };
}

export interface CheckYamlOptions {
  /** A document with no value (comments alone) is read as `{}`: for files whose keys are all optional. */
  emptyIsMapping?: boolean;
  /** Example lines for the hint when the document is not a mapping. */
  example?: string;
}

export function checkYaml<S extends z.ZodType>(
  yaml: string,
  offset: number,
  schema: S,
  sink: DiagnosticSink,
  what: string,
  /** Where to point for problems of the whole (a key missing from the top level): the opening `---`. */
  root?: Range,
  options: CheckYamlOptions = {},
): Checked<z.output<S>> {
  const parsed = parseYaml(yaml, offset, sink);
  if (!parsed) return {};
  // A document of comments alone has no value; where every key is optional it is an empty mapping.
  if (parsed.value == null && options.emptyIsMapping) parsed.value = {};
  if (!isPlainObject(parsed.value)) {
    const located = locate(parsed, []);
    const at = parsed.value == null && root ? root : { start: offset + located.start, end: offset + located.end };
    sink.add({
      start: at.start,
      end: at.end,
      code: parsed.value == null ? 'empty-front-matter' : 'front-matter-not-mapping',
      message: parsed.value == null ? `The ${what} is empty.` : `The ${what} must be a mapping of \`key: value\` lines.`,
      hint: `Write one \`key: value\` per line, e.g.\n${options.example ?? "name: Hank's Hardware\ntype: strategic"}`,
    });
    return { parsed };
  }
  const { clean, unknown } = separateKeys(parsed.value, schema);
  for (const u of unknown) {
    const at = locate(parsed, u.path, 'key');
    // A key YAML read as something other than text (`~:`, `[a]:`) is shown as written.
    const written = at.source ?? u.key;
    const own = `Keys of your own must start with \`x-\` (e.g. \`${ownKey(u.key)}\`).`;
    sink.add({
      start: offset + at.start,
      end: offset + at.end,
      code: 'unknown-key',
      message: `Unknown key \`${written}\`${u.suggestion && !u.taken ? `. Did you mean \`${u.suggestion}\`?` : '.'}`,
      hint: u.taken
        ? // Renaming it would give the mapping the same key twice, which YAML refuses.
          `\`${u.suggestion}\` is already set here, so this is not it: delete this line, or keep it as your own as \`${ownKey(u.key)}\`.`
        : /^(?:X-|x_|X_)/.test(u.key)
          ? `Keys of your own start with \`x-\`, a lowercase x and a hyphen: write \`${ownKey(u.key)}\`.`
          : u.suggestion
          ? `Rename it to \`${u.suggestion}\`. ${own}`
          : u.homes
            ? `\`${u.key}\` is a key of ${joinOr(u.homes)}, not of this mapping: move it there. ${own}`
            : `Known keys here: ${u.known.join(', ')}. ${own}`,
    });
  }
  const parser = parserFor(schema);
  const result = parser.schema.safeParse(clean, { reportInput: true, jitless: parser.jitless });
  if (!result.success) {
    // A misspelt key is reported once, as the typo, not again as the key it should have been.
    // Only where the key it should have been is missing: an error in a key that is there is its own.
    const renamed = new Set(unknown.filter((u) => u.suggestion && !u.taken).map((u) => [...u.path.slice(0, -1), u.suggestion].join('\0')));
    for (const issue of result.error.issues) {
      if (renamed.has(issue.path.join('\0'))) continue;
      reportIssue(issue, parsed, offset, sink, root);
    }
  }
  // Only a file with a number written with a point or a leading zero has one to check so (few do).
  if (POINT_NUMBER.test(yaml)) {
    const reported = new Set(result.success ? [] : result.error.issues.map((issue) => issue.path.join('\0')));
    checkWrittenNumbers(parsed, schema, offset, sink, reported);
  }
  return { parsed, clean: clean as Record<string, unknown>, ...(result.success ? { data: result.data } : {}) };
}

/** The user's own key for an unknown one: \`x-\` in front; a capital \`X-\` or an \`x_\` made \`x-\` (\`X-Colour\` -> \`x-Colour\`). */
const ownKey = (key: string) => (/^x[-_]/i.test(key) ? `x-${key.slice(2)}` : `x-${key}`);

/** `a`, `a or b`, `a, b or c`. */
const joinOr = (items: string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`);
