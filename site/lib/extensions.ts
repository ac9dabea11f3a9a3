/** The user's own `x-` fields, shown as they were written: text, never markup. */
import type { ClientData } from '#core/schema/client';

export interface ExtensionEntry {
  /** The key without `x-`, e.g. `billing`. */
  label: string;
  key: string;
  /** A single line of text, or lines for a list; nested values are written out as `key: value`. */
  lines: string[];
}

export function extensionEntries(extensions: Record<string, unknown>, where?: { key: string; label: string }): ExtensionEntry[] {
  return Object.entries(extensions).map(([key, value]) => ({
    key: where ? `${where.key}.${key}` : key,
    label: `${where ? `${where.label}: ` : ''}${key.replace(/^x-/, '').replace(/[-_]+/g, ' ')}`,
    lines: toLines(value),
  }));
}

type Extended = { extensions?: Record<string, unknown> } | undefined;

/**
 * The `x-` fields inside the client's mappings (FORMAT.md: "at the top level or inside any
 * mapping ... shown on the client's page"), each labelled with where it was written
 * (`contact: ticket`, `action “Call Ann”: ticket`), in file order of the mappings.
 */
export function nestedExtensionEntries(data: ClientData): ExtensionEntry[] {
  const of = (item: Extended, key: string, label: string) => (item?.extensions ? extensionEntries(item.extensions, { key, label }) : []);
  return [
    ...of(data.contact, 'contact', 'contact'),
    ...(data.people ?? []).flatMap((p, i) => of(p, `people[${i}]`, `person “${p.name}”`)),
    ...of(data.growth, 'growth', 'growth'),
    ...of(data.meetings, 'meetings', 'meetings'),
    ...data.actions.flatMap((a, i) => of(a, `actions[${i}]`, `action “${a.title}”`)),
    ...(data.assets ?? []).flatMap((a, i) => of(a, `assets[${i}]`, `asset “${a.name}”`)),
    ...(data.roadmap ?? []).flatMap((r, i) => of(r, `roadmap[${i}]`, `roadmap “${r.title}”`)),
  ];
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
