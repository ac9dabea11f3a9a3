/**
 * The yaml package's errors, retold for people who edit client files: located where the mistake is
 * (the opening quote, the over-indented line), not where the parser gave up, and one per mistake.
 */
import { isCollection, isScalar, isSeq, visit, type Document, type ErrorCode, type YAMLError } from 'yaml';
import type { DiagnosticCode } from '../diagnostics/codes.ts';

export interface YamlProblem {
  /** Offsets in the YAML text. */
  start: number;
  end: number;
  code: DiagnosticCode;
  message: string;
  hint: string;
}

/** The published code of each of the yaml package's error codes. */
export const YAML_CODES: Record<ErrorCode, DiagnosticCode> = {
  ALIAS_PROPS: 'yaml-alias-props',
  BAD_ALIAS: 'yaml-bad-alias',
  BAD_COLLECTION_TYPE: 'yaml-bad-collection-type',
  BAD_DIRECTIVE: 'yaml-bad-directive',
  BAD_DQ_ESCAPE: 'yaml-bad-dq-escape',
  BAD_INDENT: 'yaml-bad-indent',
  BAD_PROP_ORDER: 'yaml-bad-prop-order',
  BAD_SCALAR_START: 'yaml-bad-scalar-start',
  BLOCK_AS_IMPLICIT_KEY: 'yaml-block-as-implicit-key',
  BLOCK_IN_FLOW: 'yaml-block-in-flow',
  DUPLICATE_KEY: 'yaml-duplicate-key',
  IMPOSSIBLE: 'yaml-impossible',
  KEY_OVER_1024_CHARS: 'yaml-key-over-1024-chars',
  MISSING_CHAR: 'yaml-missing-char',
  MULTILINE_IMPLICIT_KEY: 'yaml-multiline-implicit-key',
  MULTIPLE_ANCHORS: 'yaml-multiple-anchors',
  MULTIPLE_DOCS: 'yaml-multiple-docs',
  MULTIPLE_TAGS: 'yaml-multiple-tags',
  NON_STRING_KEY: 'yaml-non-string-key',
  RESOURCE_EXHAUSTION: 'yaml-resource-exhaustion',
  TAB_AS_INDENT: 'yaml-tab-as-indent',
  TAG_RESOLVE_FAILED: 'yaml-tag-resolve-failed',
  UNEXPECTED_TOKEN: 'yaml-unexpected-token',
};

/** One problem per mistake, in text order. */
export function yamlProblems(doc: Document.Parsed, yaml: string): YamlProblem[] {
  if (doc.errors.length === 0 && doc.warnings.length === 0) return [];
  let errors: YAMLError[] = [...doc.errors, ...doc.warnings];
  // A tab in the indentation derails everything after it (keys land in the wrong mapping and show up
  // as duplicates); the tab is the one thing to fix.
  const tabs = errors.filter((e) => e.code === 'TAB_AS_INDENT');
  if (tabs.length > 0) errors = tabs;
  // An over-indented line is reported twice by the parser, from the same offset.
  const multiline = new Set(errors.filter((e) => e.code === 'MULTILINE_IMPLICIT_KEY').map((e) => e.pos[0]));
  errors = errors.filter((e) => !(e.code === 'BLOCK_AS_IMPLICIT_KEY' && multiline.has(e.pos[0])));

  const context: Context = { doc, text: new YamlText(yaml) };
  const problems = errors.map((e) => explain(e, context)).sort((a, b) => a.start - b.start);
  const seenLines = new Set<number>();
  return problems.filter((p) => {
    const line = context.text.lineOf(p.start);
    if (seenLines.has(line)) return false;
    seenLines.add(line);
    return true;
  });
}

interface Context {
  doc: Document.Parsed;
  text: YamlText;
}

type Ranged = { range?: [number, number, number] | null } & object;

/** The document's nodes, listed once per document however many errors ask (a file may have thousands). */
const nodeLists = new WeakMap<Document.Parsed, Ranged[]>();

/** Where the mistake is and what to say about it; the code is the error's. */
interface Explanation {
  start: number;
  end: number;
  message: string;
  hint: string;
}

/**
 * How each of the yaml package's errors is retold. The explanation is chosen by the error's `code`
 * and what stands in the text at its position, never by its English message (not the package's API).
 */
type Explain = (pos: number, posEnd: number, context: Context) => Explanation;

function explain(error: YAMLError, context: Context): YamlProblem {
  const [pos, posEnd] = error.pos;
  const e = EXPLAIN[error.code](pos, posEnd, context);
  return { start: e.start, end: Math.max(e.start, e.end), code: YAML_CODES[error.code], message: `YAML: ${e.message}`, hint: e.hint };
}

const at = (start: number, end: number, message: string, hint: string): Explanation => ({ start, end, message, hint });

const CHECK_SYNTAX = 'Check the YAML syntax on this line; values with special characters (`: `, ` #`, quotes) need quotes.';
const PLAIN_VALUES = 'Remove the `!tag`: client files use plain YAML values.';

/** A quoted value that starts before `pos` and is never closed, with its quote. */
function unclosedQuote({ doc, text }: Context, pos: number): { start: number; quote: string } | undefined {
  const open = lastNode(doc, (n) => {
    if (!isScalar(n) || (n.type !== 'QUOTE_DOUBLE' && n.type !== 'QUOTE_SINGLE') || n.range![0] >= pos) return false;
    const source = text.yaml.slice(n.range![0], n.range![1]);
    return n.type === 'QUOTE_DOUBLE' ? !/^"(?:[^"\\]|\\[\s\S])*"$/.test(source) : !/^'(?:[^']|'')*'$/.test(source);
  });
  return open ? { start: open.range![0], quote: text.yaml[open.range![0]]! } : undefined;
}

/**
 * The `[...]` or `{...}` around `pos`: "never closed" is what the reader needs to hear. With
 * `unclosed`, only one whose closing bracket is missing from the text.
 */
function openFlow({ doc, text }: Context, pos: number, unclosed = false): Explanation | undefined {
  const open = firstNode(doc, (n) => {
    if (!isCollection(n) || n.flow !== true || n.range![0] >= pos || n.range![1] < pos) return false;
    return !unclosed || !/[\]}]\s*$/.test(text.yaml.slice(n.range![0], n.range![1]));
  });
  if (!open) return undefined;
  const start = open.range![0];
  const sequence = text.yaml[start] === '[';
  const [o, c, what] = sequence ? ['[', ']', 'list'] : ['{', '}', 'mapping'];
  return at(
    start,
    start + 1,
    `the ${what} that starts with \`${o}\` is never closed with \`${c}\`.`,
    sequence
      ? 'Close it on the same line, e.g. `tags: [backup, server]`, or write one `- item` per line below the key.'
      : 'Close it on the same line, e.g. `contact: {name: Hank Miller}`, or write one `key: value` per line below the key.',
  );
}

/** A block scalar (`|` or `>`) around `pos`. */
const inBlockScalar = ({ doc }: Context, pos: number) =>
  firstNode(doc, (n) => isScalar(n) && (n.type === 'BLOCK_LITERAL' || n.type === 'BLOCK_FOLDED') && n.range![0] <= pos && n.range![1] >= pos) !== undefined;

/** A block list (`- item` lines) around `pos`. */
const inBlockSeq = ({ doc }: Context, pos: number) =>
  firstNode(doc, (n) => isSeq(n) && n.flow !== true && n.range![0] < pos && n.range![1] >= pos) !== undefined;

/** A `[...]` or `{...}` around `pos`. */
const inFlow = ({ doc }: Context, pos: number) =>
  firstNode(doc, (n) => isCollection(n) && n.flow === true && n.range![0] < pos && n.range![1] >= pos) !== undefined;

/** `name Acme` or `name:Acme`: a line that YAML cannot split into key and value. */
function notAPair(text: YamlText, line: number): Explanation {
  const first = text.lineText(line);
  const start = text.contentStart(line);
  const noSpace = /^\s*(?:-\s+)?([^\s:#][^:]*):(\S.*)$/.exec(first);
  return at(
    start,
    text.lineEnd(line),
    noSpace ? `\`${first.trim()}\` needs a space after the colon.` : 'this line is not a `key: value` pair: the colon is missing.',
    noSpace
      ? `Write \`${noSpace[1]}: ${noSpace[2]}\`.`
      : 'Write `key: value`, e.g. `name: Hank\'s Hardware`. Notes and longer text belong in the body, below the closing `---`.',
  );
}

const KEY_VALUE = /^(\s*(?:-\s+)?)([^\s:#][^:]*):\s+(.*)$/;

export const EXPLAIN: Record<ErrorCode, Explain> = {
  TAB_AS_INDENT: (pos) =>
    at(pos, pos + 1, 'a tab is used for indentation.', 'YAML allows only spaces for indentation: replace the tab with spaces (two per level).'),

  DUPLICATE_KEY: (pos, _end, { text }) => {
    // After a key with an empty value, the parser's offset is still on the line before.
    let start = pos;
    while (start < text.yaml.length && /\s/.test(text.yaml[start]!)) start++;
    const key = /^[^:\n]*/.exec(text.yaml.slice(start))![0].trim();
    return at(
      start,
      start + Math.max(1, key.length),
      key ? `\`${key}\` appears twice in the same mapping.` : 'This key appears twice in the same mapping.',
      'Keep one of them: YAML keys must be unique, and the second would silently replace the first.',
    );
  },

  MISSING_CHAR: (pos, posEnd, context) => {
    const { text } = context;
    const quote = unclosedQuote(context, pos);
    if (quote)
      return at(
        quote.start,
        quote.start + 1,
        `this quoted value is never closed: the closing \`${quote.quote}\` is missing.`,
        quote.quote === '"'
          ? 'Add the closing `"` at the end of the value, e.g. `name: "Hank\'s Hardware"`.'
          : 'Add the closing `\'` at the end of the value, e.g. `note: \'Back door code: see vault\'`; inside single quotes an apostrophe is written twice (`\'Hank\'\'s\'`).',
      );
    const flow = openFlow(context, pos, true);
    if (flow) return flow;
    const line = text.lineOf(pos);
    const start = text.contentStart(line);
    if (text.yaml[start] !== '-' && inBlockSeq(context, pos) && !inFlow(context, pos) && KEY_VALUE.test(text.lineText(line)))
      return at(
        start,
        text.lineEnd(line),
        'this line is indented like part of the list item above, but it does not line up with the item\'s keys.',
        'Line up the keys of one item with the first key after its `- ` (e.g. `title:` and `due:` in the same column), or start a new item with `- `.',
      );
    if (!text.lineText(line).includes(':') && !inBlockScalar(context, pos)) return notAPair(text, line);
    return at(
      pos,
      posEnd,
      'a character is missing here: a space after a colon or before a `#`, a comma between items, or a closing bracket.',
      CHECK_SYNTAX,
    );
  },

  BAD_INDENT: (pos, _end, context) => {
    const flow = openFlow(context, pos);
    if (flow) return flow;
    const { text } = context;
    const line = text.lineOf(pos);
    if (inBlockScalar(context, pos))
      return at(
        text.contentStart(line),
        text.lineEnd(line),
        'this line of a `|` or `>` text block is indented less than the block\'s first line.',
        'Indent every line of the block at least as far as its first line.',
      );
    const start = text.contentStart(line);
    return at(
      start,
      text.keyEnd(line),
      'this key does not line up with the keys above it.',
      'Keys of one mapping start in the same column; nested keys are indented by two more spaces than their parent.',
    );
  },

  MULTILINE_IMPLICIT_KEY: (pos, posEnd, { text }) => {
    const line = text.lineOf(pos);
    if (/^\s*(?:-\s+)?[^\s#][^#]*?:\s+\S/.test(text.lineText(line))) {
      // `name: Ann` followed by an over-indented `role: Boss`: YAML reads "Ann role" as one value.
      const over = text.lineOf(posEnd);
      const start = text.contentStart(over);
      const key = text.lineText(over).trim().split(':')[0];
      return at(
        start,
        text.keyEnd(over),
        'this line is indented more than the key above it, so it is read as part of that key\'s value.',
        `Line up \`${key}:\` with the other keys at its level, using the same number of spaces.`,
      );
    }
    return notAPair(text, line);
  },

  BLOCK_AS_IMPLICIT_KEY: (pos, posEnd, { text }) => {
    const line = text.lineOf(pos);
    const m = KEY_VALUE.exec(text.lineText(line));
    if (!m) return at(pos, posEnd, 'this line cannot be read as a `key: value` pair.', CHECK_SYNTAX);
    return at(
      pos,
      text.lineEnd(line),
      `the value of \`${m[2]}\` contains \`: \`, which YAML reads as the start of another key.`,
      `Put the value in quotes: \`${m[2]}: ${quoted(m[3]!.trim())}\`.`,
    );
  },

  BAD_SCALAR_START: (pos, _end, { text }) => {
    const line = text.lineOf(pos);
    const m = KEY_VALUE.exec(text.lineText(line));
    return at(
      pos,
      text.lineEnd(line),
      `a value cannot start with \`${text.yaml[pos] ?? ''}\` unless it is in quotes.`,
      m ? `Put the value in quotes: \`${m[2]}: ${quoted(m[3]!.trim())}\`.` : 'Put the value in quotes.',
    );
  },

  BAD_DQ_ESCAPE: (pos, _end, { text }) =>
    at(
      pos,
      pos + 2,
      `\`${text.yaml.slice(pos, pos + 2)}\` is not an escape sequence inside double quotes.`,
      'Inside double quotes a backslash starts an escape: write `\\\\` for one backslash, or use single quotes, e.g. `note: \'C:\\Users\\Hank\'`.',
    ),

  TAG_RESOLVE_FAILED: (pos, posEnd, { text }) => at(pos, posEnd, `the tag \`${text.yaml.slice(pos, posEnd)}\` is not supported.`, PLAIN_VALUES),
  BAD_COLLECTION_TYPE: (pos, posEnd, { text }) => at(pos, posEnd, `the tag \`${text.yaml.slice(pos, posEnd)}\` is not supported.`, PLAIN_VALUES),

  MULTIPLE_DOCS: (pos, _end, { text }) => {
    // Point at the `...` that ended the first document, not at where the second begins.
    let end = text.lineOf(pos);
    while (end > 0 && !/^(\.\.\.|---)\s*$/.test(text.lineText(end))) end--;
    const start = text.contentStart(end);
    // In a client file a \`---\` closes the front matter, so only \`...\` gets here; in clientbook.yaml both do.
    const marker = text.lineText(end).trim() === '---' ? '---' : '...';
    return at(start, text.lineEnd(end), `\`${marker}\` ends the document here, and more YAML follows it (a second document).`, `Remove this \`${marker}\` line: everything after it would be ignored.`);
  },

  BAD_ALIAS: (pos, posEnd) =>
    at(pos, posEnd, 'this anchor or alias has no name, or its name ends in `:`.', 'An alias `*name` must refer to an anchor `&name` defined earlier; names are words without a colon.'),
  ALIAS_PROPS: (pos, posEnd) =>
    at(pos, posEnd, 'an alias (`*name`) cannot have an anchor or a tag of its own.', 'Remove the `&anchor` or `!tag` in front of the alias.'),
  BAD_DIRECTIVE: (pos, posEnd) =>
    at(pos, posEnd, 'a line starting with `%` is a YAML directive, which front matter does not use.', 'Delete the line, or put a value that starts with `%` in quotes.'),
  BAD_PROP_ORDER: (pos, posEnd) =>
    at(pos, posEnd, 'an anchor or tag stands before a `-` or `?`.', 'Write the `&anchor` after the `- `, right before the value, or remove it.'),
  BLOCK_IN_FLOW: (pos, posEnd) =>
    at(
      pos,
      posEnd,
      'a `- item` or `key: value` block cannot stand inside `[...]` or `{...}`.',
      'Write the list on one line, e.g. `tags: [backup, server]`, or one `- item` per line below the key.',
    ),
  KEY_OVER_1024_CHARS: (pos, posEnd) =>
    at(pos, posEnd, 'the colon after this key comes more than 1,024 characters after its start.', 'Shorten the key: long text belongs in a value, or in the notes below the closing `---`.'),
  MULTIPLE_ANCHORS: (pos, posEnd) => at(pos, posEnd, 'a value can have only one anchor (`&name`).', 'Keep one `&anchor` and remove the others.'),
  MULTIPLE_TAGS: (pos, posEnd) => at(pos, posEnd, 'a value can have only one tag.', PLAIN_VALUES),
  NON_STRING_KEY: (pos, posEnd) => at(pos, posEnd, 'a key must be text, not a list or a mapping.', 'Write keys as plain words, e.g. `name:`.'),
  RESOURCE_EXHAUSTION: (pos, posEnd) =>
    at(pos, posEnd, 'the lists and mappings here are nested too deeply to read.', 'Write the values out flat: client files need only a few levels of nesting.'),
  UNEXPECTED_TOKEN: (pos, posEnd, { text }) =>
    at(pos, posEnd, `\`${text.yaml.slice(pos, Math.max(pos + 1, posEnd)).trim() || text.yaml[pos] || ''}\` is not expected here.`, 'Remove it, or put the value in quotes if it belongs to it.'),
  IMPOSSIBLE: (pos, posEnd) => at(pos, posEnd, 'the YAML parser could not read this line.', CHECK_SYNTAX),
};

/** A value in the quotes that need the fewest escapes. */
function quoted(value: string): string {
  if (/^(["']).*\1$/.test(value)) return value;
  return value.includes('"') ? `'${value.replaceAll("'", "''")}'` : `"${value.replaceAll('\\', '\\\\')}"`;
}

type NodeTest = (node: Ranged) => boolean;

function nodes(doc: Document.Parsed): Ranged[] {
  let out = nodeLists.get(doc);
  if (out) return out;
  out = [];
  const list = out;
  visit(doc, (_key, node) => {
    if ((isScalar(node) || isCollection(node)) && node.range) list.push(node);
  });
  nodeLists.set(doc, out);
  return out;
}

const lastNode = (doc: Document.Parsed, test: NodeTest) => nodes(doc).findLast(test);
const firstNode = (doc: Document.Parsed, test: NodeTest) => nodes(doc).find(test);

/** Lines of the YAML text, for repositioning. */
class YamlText {
  readonly yaml: string;
  readonly #starts: number[] = [0];
  constructor(yaml: string) {
    this.yaml = yaml;
    for (let i = 0; i < yaml.length; i++) if (yaml.charCodeAt(i) === 10) this.#starts.push(i + 1);
  }
  /** 0-based line of an offset. */
  lineOf(offset: number): number {
    let line = 0;
    while (line + 1 < this.#starts.length && this.#starts[line + 1]! <= offset) line++;
    return line;
  }
  lineText(line: number): string {
    return this.yaml.slice(this.#starts[line], this.lineEnd(line));
  }
  lineEnd(line: number): number {
    const next = this.#starts[line + 1];
    const end = next === undefined ? this.yaml.length : next - 1;
    return this.yaml[end - 1] === '\r' ? end - 1 : end;
  }
  /** Offset of the first character that is not a space or tab. */
  contentStart(line: number): number {
    const start = this.#starts[line] ?? this.yaml.length;
    return start + /^[ \t]*/.exec(this.lineText(line))![0].length;
  }
  /** Offset just after the key of a `key: value` line (or the line's end). */
  keyEnd(line: number): number {
    const text = this.lineText(line);
    const colon = text.indexOf(':');
    return (this.#starts[line] ?? 0) + (colon === -1 ? text.length : colon);
  }
}
