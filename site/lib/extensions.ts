/** The user's own `x-` fields, shown as they were written: text, never markup. */

export interface ExtensionEntry {
  /** The key without `x-`, e.g. `billing`. */
  label: string;
  key: string;
  /** A single line of text, or lines for a list; nested values are written out as `key: value`. */
  lines: string[];
}

export function extensionEntries(extensions: Record<string, unknown>): ExtensionEntry[] {
  return Object.entries(extensions).map(([key, value]) => ({
    key,
    label: key.replace(/^x-/, '').replace(/[-_]+/g, ' '),
    lines: toLines(value),
  }));
}

function toLines(value: unknown): string[] {
  if (value === null || value === undefined) return ['—'];
  if (Array.isArray(value)) return value.flatMap((v) => toLines(v));
  if (typeof value === 'object') {
    if (typeof (value as { toString?: unknown }).toString === 'function' && !(value.constructor === Object))
      return [String(value)];
    return Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}: ${toLines(v).join(', ')}`);
  }
  return [String(value)];
}
