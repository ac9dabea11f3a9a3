/**
 * Text from a file, made safe to print on a terminal. A client file can hold any character (YAML
 * escapes such as `"\e]52;c;..."` make them easy to write), and a terminal obeys control
 * characters: ESC moves the cursor, recolours, retitles the window or writes the clipboard (OSC 52),
 * CR and line separators fake lines of output, bidi overrides show text in another order than it
 * is. Every character that acts rather than shows is written as a visible escape instead, in the
 * notation of a JavaScript or YAML string: `\x1b`, `\r`, `\t`, `\u202e`.
 *
 * Decisions:
 * - escaped: C0 (U+0000–U+001F, TAB and LF included), DEL, C1 (U+0080–U+009F), the bidi controls
 *   (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) and the line and paragraph separators
 *   (U+2028, U+2029);
 * - a backslash is not doubled: paths like `\\server\scans` read as written, and the escapes are
 *   for a person to notice, not for a parser to read back (the JSON outputs keep exact strings);
 * - everything else, including letters of every script, emoji and joiners, prints as it is.
 */

const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
const UNPRINTABLE_BUT_LF = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
const UNPRINTABLE_TEST = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

const NAMED: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** The visible escape of one character that `printable` escapes. */
export function escapeChar(c: string): string {
  const named = NAMED[c];
  if (named) return named;
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

export interface PrintableOptions {
  /** Keep line feeds as line breaks: for text of several lines that clientbook wrote (hints). */
  newlines?: boolean;
}

/** `text` with every control, bidi and line-separator character shown as an escape (see above). */
export function printable(text: string, options: PrintableOptions = {}): string {
  if (!UNPRINTABLE_TEST.test(text)) return text;
  return text.replace(options.newlines ? UNPRINTABLE_BUT_LF : UNPRINTABLE, escapeChar);
}

/** Whether `text` prints as it is. */
export function isPrintable(text: string): boolean {
  return !UNPRINTABLE_TEST.test(text);
}
