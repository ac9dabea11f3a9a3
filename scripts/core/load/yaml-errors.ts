/**
 * The yaml package's errors, retold for people who edit client files: located where the mistake is
 * (the opening quote, the over-indented line), not where the parser gave up, and one per mistake.
 */
import { isCollection, isScalar, visit, type Document, type YAMLError } from 'yaml';

export interface YamlProblem {
  /** Offsets in the YAML text. */
  start: number;
  end: number;
  code: string;
  message: string;
  hint: string;
}

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

  const text = new YamlText(yaml);
  const problems = errors.map((e) => explain(e, doc, text)).sort((a, b) => a.start - b.start);
  const seenLines = new Set<number>();
  return problems.filter((p) => {
    const line = text.lineOf(p.start);
    if (seenLines.has(line)) return false;
    seenLines.add(line);
    return true;
  });
}

const code = (e: YAMLError) => `yaml-${e.code.toLowerCase().replaceAll('_', '-')}`;

function explain(error: YAMLError, doc: Document.Parsed, text: YamlText): YamlProblem {
  const [pos, posEnd] = error.pos;
  const at = (start: number, end: number, message: string, hint: string): YamlProblem => ({
    start,
    end: Math.max(start, end),
    code: code(error),
    message: `YAML: ${message}`,
    hint,
  });
  const line = text.lineOf(pos);

  switch (error.code) {
    case 'TAB_AS_INDENT':
      return at(pos, pos + 1, 'a tab is used for indentation.', 'YAML allows only spaces for indentation: replace the tab with spaces (two per level).');

    case 'DUPLICATE_KEY': {
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
    }

    case 'MISSING_CHAR': {
      const quote = /closing (["'])quote/.exec(error.message)?.[1];
      if (quote) {
        const open = lastNode(doc, (n) => isScalar(n) && (n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE') && n.range![0] < pos);
        const start = open?.range?.[0] ?? pos;
        return at(
          start,
          start + 1,
          `this quoted value is never closed: the closing \`${quote}\` is missing.`,
          quote === '"'
            ? 'Add the closing `"` at the end of the value, e.g. `name: "Hank\'s Hardware"`.'
            : 'Add the closing `\'` at the end of the value, e.g. `note: \'Back door code: see vault\'`; inside single quotes an apostrophe is written twice (`\'Hank\'\'s\'`).',
        );
      }
      if (/without - indicator/.test(error.message)) {
        const start = text.contentStart(line);
        return at(
          start,
          text.lineEnd(line),
          'this line is indented like part of the list item above, but it does not line up with the item\'s keys.',
          'Line up the keys of one item with the first key after its `- ` (e.g. `title:` and `due:` in the same column), or start a new item with `- `.',
        );
      }
      break;
    }

    case 'BAD_INDENT': {
      const flow = /^Flow (sequence|map)/.exec(error.message)?.[1];
      if (flow) {
        const open = firstNode(doc, (n) => isCollection(n) && n.flow === true && n.range![0] < pos && n.range![1] >= pos);
        const start = open?.range?.[0] ?? pos;
        const [o, c, what] = flow === 'sequence' ? ['[', ']', 'list'] : ['{', '}', 'mapping'];
        return at(
          start,
          start + 1,
          `the ${what} that starts with \`${o}\` is never closed with \`${c}\`.`,
          flow === 'sequence'
            ? 'Close it on the same line, e.g. `tags: [backup, server]`, or write one `- item` per line below the key.'
            : 'Close it on the same line, e.g. `contact: {name: Hank Miller}`, or write one `key: value` per line below the key.',
        );
      }
      if (/same column/.test(error.message)) {
        const start = text.contentStart(line);
        return at(
          start,
          text.keyEnd(line),
          'this key does not line up with the keys above it.',
          'Keys of one mapping start in the same column; nested keys are indented by two more spaces than their parent.',
        );
      }
      break;
    }

    case 'MULTILINE_IMPLICIT_KEY': {
      const first = text.lineText(line);
      if (/^\s*(?:-\s+)?[^\s#][^#]*?:\s+\S/.test(first)) {
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

    case 'BLOCK_AS_IMPLICIT_KEY': {
      const m = /^(\s*(?:-\s+)?)([^\s:#][^:]*):\s+(.*)$/.exec(text.lineText(line));
      if (m) {
        const value = m[3]!.trim();
        return at(
          pos,
          text.lineEnd(line),
          `the value of \`${m[2]}\` contains \`: \`, which YAML reads as the start of another key.`,
          `Put the value in quotes: \`${m[2]}: ${quoted(value)}\`.`,
        );
      }
      break;
    }

    case 'BAD_SCALAR_START': {
      const ch = text.yaml[pos] ?? '';
      const m = /^(\s*(?:-\s+)?)([^\s:#][^:]*):\s+(.*)$/.exec(text.lineText(line));
      return at(
        pos,
        text.lineEnd(line),
        `a value cannot start with \`${ch}\` unless it is in quotes.`,
        m ? `Put the value in quotes: \`${m[2]}: ${quoted(m[3]!.trim())}\`.` : 'Put the value in quotes.',
      );
    }

    case 'BAD_DQ_ESCAPE': {
      const escape = text.yaml.slice(pos, pos + 2);
      return at(
        pos,
        pos + 2,
        `\`${escape}\` is not an escape sequence inside double quotes.`,
        'Inside double quotes a backslash starts an escape: write `\\\\` for one backslash, or use single quotes, e.g. `note: \'C:\\Users\\Hank\'`.',
      );
    }

    case 'TAG_RESOLVE_FAILED':
    case 'BAD_COLLECTION_TYPE':
      return at(pos, posEnd, `the tag \`${text.yaml.slice(pos, posEnd)}\` is not supported.`, 'Remove the `!tag`: client files use plain YAML values.');

    case 'MULTIPLE_DOCS': {
      // Point at the `...` that ended the first document, not at where the second begins.
      let end = line;
      while (end > 0 && !/^(\.\.\.|---)\s*$/.test(text.lineText(end))) end--;
      const start = text.contentStart(end);
      return at(start, text.lineEnd(end), 'the front matter holds more than one YAML document.', 'Remove the `...` line: everything after it would be ignored.');
    }

    case 'BAD_ALIAS':
      return at(pos, posEnd, sentence(error.message), 'An alias `*name` must refer to an anchor `&name` defined earlier.');
  }
  return at(pos, posEnd, sentence(error.message), 'Check the YAML syntax on this line; values with special characters (`: `, ` #`, quotes) need quotes.');
}

/** The yaml package appends " at line L, column C" and an excerpt; we print our own. */
function sentence(message: string): string {
  const text = message.replace(/ at line \d+, column \d+[\s\S]*$/, '').replace(/\n[\s\S]*$/, '');
  return `${text.charAt(0).toLowerCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;
}

/** A value in the quotes that need the fewest escapes. */
function quoted(value: string): string {
  if (/^(["']).*\1$/.test(value)) return value;
  return value.includes('"') ? `'${value.replaceAll("'", "''")}'` : `"${value.replaceAll('\\', '\\\\')}"`;
}

type NodeTest = (node: { range?: [number, number, number] | null } & object) => boolean;

function nodes(doc: Document.Parsed): ({ range?: [number, number, number] | null } & object)[] {
  const out: ({ range?: [number, number, number] | null } & object)[] = [];
  visit(doc, (_key, node) => {
    if ((isScalar(node) || isCollection(node)) && node.range) out.push(node);
  });
  return out;
}

const lastNode = (doc: Document.Parsed, test: NodeTest) => nodes(doc).filter(test).pop();
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
