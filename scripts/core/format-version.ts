/**
 * The version of the client file format (FORMAT.md) that this clientbook reads. A book names the
 * version it is written in with `format:` in clientbook.yaml; a book written for a newer version
 * than this one is reported as such (one error, with the upgrade to make), rather than as a list
 * of unknown keys that are simply newer than the tool.
 */
import { isMap, isScalar, type Document } from 'yaml';

/** The newest format version this clientbook reads, as `major.minor`. */
export const FORMAT_VERSION = '1.1';

export interface FormatVersion {
  major: number;
  minor: number;
}

/** `1`, `1.1`, `"1.2"` -> { major, minor }; anything else -> undefined. */
export function parseFormatVersion(value: unknown): FormatVersion | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : undefined;
  const match = text === undefined ? null : /^(\d{1,4})(?:\.(\d{1,4}))?$/.exec(text);
  if (!match) return undefined;
  return { major: Number(match[1]), minor: Number(match[2] ?? 0) };
}

export function isNewerThanSupported(version: FormatVersion): boolean {
  const supported = parseFormatVersion(FORMAT_VERSION)!;
  return version.major > supported.major || (version.major === supported.major && version.minor > supported.minor);
}

/**
 * The `format:` value of a settings document as written (`1.10` stays `1.10`, which YAML would read
 * as the number 1.1), or undefined when there is none.
 */
export function declaredFormat(doc: Document): { text: string; value: unknown } | undefined {
  const root = doc.contents;
  if (!isMap(root)) return undefined;
  const pair = root.items.find((p) => isScalar(p.key) && p.key.value === 'format');
  if (!pair || !isScalar(pair.value)) return undefined;
  const source = (pair.value as { source?: unknown }).source;
  return { text: typeof source === 'string' ? source : String(pair.value.value), value: pair.value.value };
}
