/**
 * Reads a client file's bytes and splits the front matter from the body, keeping offsets into the
 * original text so that every diagnostic can point at a line and column.
 */
import { DiagnosticSink, LineIndex } from '../diagnostics.ts';

export interface Source {
  /** The text without a byte-order mark. */
  text: string;
  hadBom: boolean;
  index: LineIndex;
}

export interface FrontMatter {
  /** The YAML between the fences. */
  yaml: string;
  /** Offset of the YAML's first character in `Source.text`. */
  yamlStart: number;
  /** Offset of the closing fence line. */
  closeStart: number;
  /** The Markdown after the closing fence. */
  body: string;
  bodyStart: number;
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes UTF-8 (with or without BOM); reports binary or non-UTF-8 content instead. */
export function decodeSource(bytes: Uint8Array, file: string): { source?: Source; sink: DiagnosticSink } {
  // A UTF-16 file (Windows Notepad's "Unicode") is text, but its NUL bytes would call it binary.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const sink = new DiagnosticSink(file, new LineIndex(''));
    sink.add({
      start: 0,
      code: 'not-utf8',
      message: `This file is saved as UTF-16 (${bytes[0] === 0xff ? 'little' : 'big'}-endian), not UTF-8.`,
      hint: 'Save the file as UTF-8 in your editor (in Notepad: Save As, Encoding "UTF-8").',
    });
    return { sink };
  }
  const nul = bytes.indexOf(0);
  let text: string;
  try {
    if (nul !== -1) throw new Error('binary');
    text = decoder.decode(bytes);
  } catch {
    // Locate the first bad byte on a lossy decoding of what precedes it.
    const firstBad = nul !== -1 ? nul : firstInvalidUtf8(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, firstBad));
    const sink = new DiagnosticSink(file, new LineIndex(before));
    sink.add({
      start: before.length,
      code: nul !== -1 ? 'binary-file' : 'not-utf8',
      message:
        nul !== -1
          ? 'This file is not text: it contains a NUL byte.'
          : `This file is not valid UTF-8 (byte 0x${bytes[firstBad]?.toString(16).padStart(2, '0')} at byte offset ${firstBad}).`,
      hint:
        nul !== -1
          ? 'Client files are Markdown text. Move binary files out of the portfolio, or give them a name that does not end in .md.'
          : 'Save the file as UTF-8 in your editor (most editors offer "Save with encoding").',
    });
    return { sink };
  }
  const hadBom = text.charCodeAt(0) === 0xfeff;
  if (hadBom) text = text.slice(1);
  const index = new LineIndex(text);
  return { source: { text, hadBom, index }, sink: new DiagnosticSink(file, index) };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return i;
}

/**
 * FORMAT.md: line ends are LF or CRLF. A file whose lines end with a carriage return alone (classic
 * Mac OS) is one line to git, to editors' line numbers and to us, but many lines to YAML: it is one
 * error, at its first line end, saying so. (A stray CR inside a line of an LF file is left to YAML,
 * and is shown escaped wherever it is printed.) Returns true when the file has such line ends.
 */
export function oldMacLineEnds(source: Source, sink: DiagnosticSink): boolean {
  const { text } = source;
  const cr = text.indexOf('\r');
  if (cr === -1 || text.charCodeAt(cr + 1) === 10) return false;
  const lf = text.indexOf('\n');
  if (lf !== -1 && lf < cr) return false;
  sink.add({
    start: cr,
    end: cr + 1,
    code: 'old-mac-line-ends',
    message: 'This file ends its lines with a carriage return (CR) alone, the line end of classic Mac OS: clientbook reads LF or CRLF line ends only.',
    hint: 'Save the file with LF (Unix) or CRLF (Windows) line ends: most editors show the line ends in the status bar and can convert them (e.g. `dos2unix -c mac FILE`).',
  });
  return true;
}

const FENCE = /^---[ \t]*$/;

/** Splits `---` fenced YAML from the body. Other front matter languages are refused, never run. */
export function splitFrontMatter(source: Source, sink: DiagnosticSink): FrontMatter | undefined {
  const { text, index } = source;
  if (text.trim() === '') {
    sink.add({
      start: 0,
      code: 'empty-file',
      message: 'This file is empty.',
      hint: 'Start a client file with front matter between two `---` lines; copy templates/client.md or run `npx clientbook new "Client name"`.',
    });
    return undefined;
  }
  const first = index.lineText(1);
  if (!FENCE.test(first)) {
    const lang = /^---\s*(\S+)/.exec(first)?.[1];
    if (lang && /^ya?ml$/i.test(lang)) {
      sink.add({
        start: 0,
        end: first.length,
        code: 'bad-front-matter-fence',
        message: `The front matter must open with a line of exactly \`---\`, not \`${first.trim()}\`.`,
        hint: 'Client files are always YAML: write `---` alone on the first line.',
      });
    } else if (lang) {
      sink.add({
        start: 3 + first.slice(3).indexOf(lang),
        end: first.length,
        code: 'front-matter-language',
        message: `Front matter in \`${lang}\` is not supported; it is never executed.`,
        hint: 'Write the front matter in YAML between two lines of exactly `---`.',
      });
    } else if (/^\+\+\+\s*$/.test(first)) {
      sink.add({
        start: 0,
        end: 3,
        code: 'front-matter-language',
        message: 'TOML front matter (`+++`) is not supported.',
        hint: 'Write the front matter in YAML between two lines of exactly `---`.',
      });
    } else if (fenceBelow(source) !== undefined) {
      // \`---\` further down: something (often a blank line an editor added) sits above the front matter.
      const line = fenceBelow(source)!;
      const blank = Array.from({ length: line - 1 }, (_, i) => index.lineText(i + 1)).every((l) => l.trim() === '');
      const above = line === 2 ? 'the line' : `the ${line - 1} lines`;
      sink.add({
        start: 0,
        end: first.length,
        code: 'no-front-matter',
        message: `The front matter must begin on the very first line, but its \`---\` is on line ${line}.`,
        hint: blank
          ? `Delete ${above} above the \`---\` on line ${line}, so that \`---\` is the first line of the file.`
          : `Move ${above} above the \`---\` on line ${line} into the notes, below the closing \`---\`, so that \`---\` is the first line of the file.`,
      });
    } else {
      sink.add({
        start: 0,
        end: first.length,
        code: 'no-front-matter',
        message: 'This file has no front matter: the first line must be `---`.',
        hint: 'Put the client\'s fields between two `---` lines at the top of the file, e.g.\n---\nname: Hank\'s Hardware\ntype: strategic\n...\n---',
      });
    }
    return undefined;
  }
  for (let line = 2; line <= index.lineCount; line++) {
    if (FENCE.test(index.lineText(line))) {
      const yamlStart = index.lineStart(2);
      const closeStart = index.lineStart(line);
      const bodyStart = line < index.lineCount ? index.lineStart(line + 1) : text.length;
      return {
        yaml: text.slice(yamlStart, closeStart),
        yamlStart,
        closeStart,
        body: text.slice(bodyStart),
        bodyStart,
      };
    }
  }
  sink.add({
    start: 0,
    end: 3,
    code: 'unterminated-front-matter',
    message: 'The front matter that starts here is never closed.',
    hint: 'Add a line of exactly `---` after the last field, before the notes.',
  });
  return undefined;
}

/**
 * The line of a \`---\` that opens front matter below the first line: it follows only blank lines,
 * or it is followed by a \`key:\` line and closed by another \`---\`. Undefined when there is none.
 */
function fenceBelow({ index }: Source): number | undefined {
  const last = Math.min(index.lineCount, 50);
  for (let line = 2; line < last; line++) {
    if (!FENCE.test(index.lineText(line))) continue;
    const blankAbove = Array.from({ length: line - 1 }, (_, i) => index.lineText(i + 1)).every((l) => l.trim() === '');
    if (blankAbove) return line;
    if (!/^[A-Za-z_][\w-]*:(?:\s|$)/.test(index.lineText(line + 1))) return undefined;
    for (let close = line + 1; close <= index.lineCount; close++) if (FENCE.test(index.lineText(close))) return line;
    return undefined;
  }
  return undefined;
}
