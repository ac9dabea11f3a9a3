/**
 * Edits as splices of the original text: every byte outside a splice is copied as it was, so a
 * comment, a quote or a CRLF the edit does not touch cannot change.
 */

/** Replace `text.slice(start, end)` with `insert` (`start === end` inserts). Offsets into the BOM-less text. */
export interface Splice {
  start: number;
  end: number;
  insert: string;
}

export function applySplices(text: string, splices: readonly Splice[]): string {
  const sorted = [...splices].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const s of sorted) {
    if (s.start < at || s.end < s.start || s.end > text.length) throw new RangeError(`overlapping or invalid splice ${s.start}-${s.end}`);
    out += text.slice(at, s.start) + s.insert;
    at = s.end;
  }
  return out + text.slice(at);
}

export type LineEnding = '\r\n' | '\n';

/** The file's own line ending: the one its first line ends with (LF for a one-line file). */
export function lineEnding(text: string): LineEnding {
  const nl = text.indexOf('\n');
  return nl > 0 && text[nl - 1] === '\r' ? '\r\n' : '\n';
}

export function lineStartOf(text: string, pos: number): number {
  return text.lastIndexOf('\n', pos - 1) + 1;
}

/** Offset just after the line end of the line holding `pos` (or the text's end). */
export function nextLineStart(text: string, pos: number): number {
  if (pos > 0 && text[pos - 1] === '\n') return pos;
  const nl = text.indexOf('\n', pos);
  return nl === -1 ? text.length : nl + 1;
}


/** Normalizes a user's text to the file's line ending. */
export function withLineEnding(text: string, eol: LineEnding): string {
  return text.replace(/\r\n|\r|\n/g, eol);
}

const BOM = [0xef, 0xbb, 0xbf];

export function hasBom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && BOM.every((b, i) => bytes[i] === b);
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const encoder = new TextEncoder();

/** Bytes -> text without the BOM, remembering whether there was one. Throws on invalid UTF-8. */
export function decodeForEdit(bytes: Uint8Array): { text: string; bom: boolean } {
  const bom = hasBom(bytes);
  return { text: decoder.decode(bom ? bytes.subarray(3) : bytes), bom };
}

export function encodeForWrite(text: string, bom: boolean): Uint8Array {
  const body = encoder.encode(text);
  if (!bom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set(BOM, 0);
  out.set(body, 3);
  return out;
}
