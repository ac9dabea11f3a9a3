/** Turns zod issues into located diagnostics that say what was expected and what to write. */
import type { z } from 'zod';
import type { DiagnosticCode, DiagnosticSink } from '../diagnostics.ts';
import { isMap, isSeq } from 'yaml';
import { locate, type ParsedYaml, type Path } from '../load/yaml.ts';
import { didYouMean } from './suggest.ts';
import type { ValueIssueParams } from '../schema/values.ts';

/** A range of the source text (offsets), e.g. the front matter's opening `---`. */
export interface Range {
  start: number;
  end: number;
}

/** Examples for keys whose absence (or emptiness) is reported: what to add. */
const ADD_EXAMPLES: Record<string, string> = {
  type: 'type: strategic   # basic, strategic or break-fix',
  contact: 'contact:\n  name: Hank Miller\n  role: Owner',
  growth: 'growth:\n  outlook: unknown   # growing, stable, shrinking or unknown\n  asked: 2026-11-03',
  outlook: 'outlook: stable   # growing, stable, shrinking or unknown',
  meetings: 'meetings:\n  cadence: monthly\n  last: 2026-11-03',
  actions: 'actions:\n  - title: Book the yearly roadmap meeting\n    due: 2026-12-15\n(or `actions: []` when there is nothing to do yet)',
  people: 'people:\n  - name: Donna Miller\n    role: Bookkeeper',
  assets: 'assets:\n  - name: Main server (Dell T320)\n    kind: server',
  roadmap: 'roadmap:\n  - title: Replace the main server\n    when: 2027-Q2',
  tags: 'tags: [backup, server]',
  cadence: 'cadence: monthly   # weekly, monthly, quarterly, yearly or none',
  kind: 'kind: server',
  when: 'when: 2027-Q2',
};

/** The first key of an item of each list, to show how an item starts. */
const ITEM_FIRST_KEY: Record<string, string> = { actions: 'title', roadmap: 'title', assets: 'name', people: 'name' };

const isNumber = (step: unknown): step is number => typeof step === 'number';

/** `\`growth\``, or `item 2 of \`actions\`` for a list item. */
export function where(path: Path): string {
  if (path.length === 0) return 'the front matter';
  const last = path[path.length - 1];
  if (isNumber(last)) return `item ${last + 1} of \`${String(path[path.length - 2])}\``;
  return `\`${String(last)}\``;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** `growth`, `actions[2]`: the key as written in `key: value` messages. */
export function label(path: Path): string {
  const last = path[path.length - 1];
  if (isNumber(last)) return `${String(path[path.length - 2])}[${last + 1}]`;
  return String(last ?? 'front matter');
}

function describe(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping of keys';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return Number.isInteger(value) ? 'a whole number' : 'a number';
  if (typeof value === 'boolean') return `\`${value}\` (true/false)`;
  return typeof value;
}

const isCollection = (value: unknown) => typeof value === 'object' && value !== null;

/** What the schema wanted, in words. */
function expectedOf(issue: z.core.$ZodIssue, params: Partial<ValueIssueParams> | undefined): string {
  if (issue.code === 'invalid_value') {
    const values = issue.values.map(String);
    return `one of ${values.slice(0, -1).join(', ')}${values.length > 1 ? ' or ' : ''}${values[values.length - 1]}`;
  }
  if (issue.code === 'invalid_type') {
    if (issue.expected === 'array') return 'a list';
    if (issue.expected === 'object') return 'a mapping of keys';
    return issue.expected;
  }
  return params?.expected ?? 'valid';
}

/** An example of the key written correctly, or undefined. */
function exampleOf(key: string, issue: z.core.$ZodIssue, params: Partial<ValueIssueParams> | undefined): string | undefined {
  if (ADD_EXAMPLES[key]) return ADD_EXAMPLES[key];
  if (params?.example) return `${key}: ${params.example}`;
  if (issue.code === 'invalid_value') return `${key}: ${String(issue.values[0])}`;
  return undefined;
}

export function reportIssue(
  issue: z.core.$ZodIssue,
  parsed: ParsedYaml,
  offset: number,
  sink: DiagnosticSink,
  /** Where to point for a key missing from the top level (the opening `---`). */
  root?: Range,
): void {
  const path = issue.path as Path;
  const key = label(path);
  const name = where(path);
  const last = path[path.length - 1];
  const input = (issue as { input?: unknown }).input;
  const params = (issue as { params?: Partial<ValueIssueParams> }).params;
  const missing = params?.code === 'missing-key' || (input === undefined && issue.code !== 'custom');
  const value = locate(parsed, path);
  const add = (code: DiagnosticCode, range: Range, message: string, hint?: string) =>
    sink.add({ start: range.start, end: range.end, code, message, ...(hint ? { hint } : {}) });
  const shift = (r: Range): Range => ({ start: offset + r.start, end: offset + r.end });
  // A list or mapping written in flow style on the key's line (`type: [basic]`) is pointed at
  // itself; one written as a block below its key, at the key.
  const keyRange = () => {
    const node = parsed.doc.getIn(path, true);
    if ((isMap(node) || isSeq(node)) && node.flow && node.range) return shift({ start: node.range[0], end: node.range[1] });
    return shift(locate(parsed, path, 'key'));
  };

  if (missing || value.missing) {
    const parent = path.slice(0, -1);
    const at = parent.length === 0 && root ? root : shift(value);
    const example = exampleOf(String(last), issue, params);
    add('missing-key', at, `\`${String(last)}\` is missing from ${where(parent)}.`, example ? `Add it, e.g.\n${example}` : `Add \`${String(last)}\`.`);
    return;
  }

  const expected = expectedOf(issue, params);
  const example = isNumber(last) ? undefined : exampleOf(key, issue, params);

  // `key:` with nothing after it: point at the key, say what belongs there.
  if (input === null) {
    const block = issue.code === 'invalid_type' && (issue.expected === 'object' || issue.expected === 'array');
    add(
      'empty-value',
      keyRange(),
      `${capitalise(name)} is empty: it must be ${expected}.`,
      example ? `${block ? 'Write its contents on the lines below it' : 'Write the value after the colon'}, e.g.\n${example}` : `Write ${expected}, or delete the line.`,
    );
    return;
  }

  // A list or mapping where one value belongs (`type:` with indented lines below it).
  if (isCollection(input) && (issue.code === 'custom' || issue.code === 'invalid_value')) {
    add(
      'wrong-type',
      keyRange(),
      `${capitalise(name)} must be ${expected}, but it is ${describe(input)}.`,
      `Write one value, on the same line as the key${example ? `, e.g.\n${example}` : '.'}`,
    );
    return;
  }

  const shown = value.source ?? JSON.stringify(input);
  // `due: 12/01/2026`, or for a list item: item 2 of `tags`, `true`
  const written = isNumber(last) ? `${capitalise(name)}, \`${shown}\`,` : `\`${key}: ${shown}\``;
  switch (issue.code) {
    case 'custom': {
      add(
        params?.code ?? 'invalid-value',
        shift(value),
        // Text of blanks alone (`name: ""`) is text, but empty.
        params?.code === 'bad-text' && typeof input === 'string' ? `${written} is empty: it must be ${expected}.` : `${written} is not ${expected}.`,
        // A list item has no key to write a \`key: value\` example with.
        isNumber(last) && params?.code === 'bad-text' && typeof input === 'string'
          ? `Write the text of this item, or delete it.`
          : params?.hint?.replaceAll('{source}', shown).replaceAll('{key}', key).replaceAll('{example}', params.example ?? '') ?? (params?.example ? `Write ${expected}, e.g. \`${key}: ${params.example}\`.` : undefined),
      );
      return;
    }
    case 'invalid_value': {
      const values = issue.values.map(String);
      const suggestion = typeof input === 'string' ? didYouMean(input, values) : undefined;
      add(
        'bad-enum',
        shift(value),
        `${written} is not a valid ${isNumber(last) ? String(path[path.length - 2]) : key}${suggestion ? `. Did you mean \`${suggestion}\`?` : '.'}`,
        `Write ${expected}.`,
      );
      return;
    }
    case 'invalid_type': {
      const text = typeof input === 'string' ? input : undefined;
      add(
        'wrong-type',
        isCollection(input) ? keyRange() : shift(value),
        `${capitalise(name)} must be ${expected}, but it is ${describe(input)}${text !== undefined ? ` (\`${shown}\`)` : ''}.`,
        typeHint(path, issue.expected, text, input),
      );
      return;
    }
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? `at least ${String(issue.minimum)}` : `at most ${String(issue.maximum)}`;
      add('out-of-range', shift(value), `\`${key}: ${shown}\` is out of range: it must be ${bound}.`, `Write a number ${bound}.`);
      return;
    }
    default:
      add('invalid-value', shift(value), `${capitalise(name)}: ${issue.message}`);
  }
}

/** How to write a mapping or list the schema expected, using what was written where possible. */
function typeHint(path: Path, expected: string, text: string | undefined, input?: unknown): string | undefined {
  const last = path[path.length - 1];
  if (isNumber(last)) {
    const list = String(path[path.length - 2]);
    const first = ITEM_FIRST_KEY[list];
    if (expected === 'object' && first)
      return `Start each item with its ${first}, the other keys indented below it in line with \`${first}\`, e.g.\n${list}:\n  - ${first}: ${text ?? '...'}`;
    return undefined;
  }
  const key = String(last);
  if (expected === 'object') {
    // FORMAT.md: the single point of contact; everyone else is in `people`.
    if (key === 'contact' && path.length === 1 && Array.isArray(input))
      return 'A client has one point of contact: keep the person whose instructions count under `contact:` and move the others to `people`, e.g.\ncontact:\n  name: Hank Miller\npeople:\n  - name: Donna Miller';
    if (key === 'contact') return `Write the contact's keys on the lines below it, indented by two spaces, e.g.\ncontact:\n  name: ${text ?? 'Hank Miller'}`;
    if (key === 'meetings') return `Write the keys of \`meetings\` on the lines below it, indented by two spaces, e.g.\nmeetings:\n  cadence: ${text ?? 'monthly'}`;
    if (key === 'growth') return `Write the keys of \`growth\` on the lines below it, indented by two spaces, e.g.\ngrowth:\n  outlook: ${text ?? 'stable'}`;
    return `Write the keys of \`${key}\` on the lines below it, indented by two spaces.`;
  }
  if (expected === 'array') {
    if (key === 'tags') return `Write a list, e.g. \`tags: [${text ?? 'backup'}]\`.`;
    const first = ITEM_FIRST_KEY[key];
    if (first) return `Write each item on its own line, starting with \`- \` and indented under \`${key}:\`, e.g.\n${key}:\n  - ${first}: ${text ?? '...'}`;
    return `Write each item on its own line, starting with \`- \` and indented under \`${key}:\`.`;
  }
  return undefined;
}
