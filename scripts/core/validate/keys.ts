/**
 * Unknown keys, found by walking the value beside the zod schema's own shape, so the schema stays
 * the only list of keys. Keys beginning with `x-` are the user's: kept, never checked.
 */
import type { z } from 'zod';
import type { Path } from '../load/yaml.ts';
import { isExtensionKey } from '../schema/extensible.ts';
import { didYouMean } from './suggest.ts';

export interface UnknownKey {
  path: Path;
  key: string;
  known: string[];
  suggestion?: string;
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Strips wrappers (optional, default, pipe) down to the object, array or leaf schema. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    const inner = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
    if (!inner) return current;
    current = inner;
  }
}

export { isExtensionKey };

/**
 * Returns a copy of `value` with unknown keys removed (for the schema to check), and the unknown
 * keys found. `x-` keys stay: the schema keeps them as `extensions` or strips them.
 */
export function separateKeys(value: unknown, schema: z.ZodType): { clean: unknown; unknown: UnknownKey[] } {
  const unknown: UnknownKey[] = [];
  const walk = (node: unknown, s: z.ZodType, path: Path): unknown => {
    const target = unwrap(s);
    const def = defOf(target);
    if (def.type === 'object' && def.shape && isPlainObject(node)) {
      const known = Object.keys(def.shape);
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(node)) {
        const child = node[key];
        if (Object.hasOwn(def.shape, key)) {
          out[key] = walk(child, def.shape[key]!, [...path, key]);
        } else if (isExtensionKey(key)) {
          // Kept for schemas that keep them (see `extensible`); plain objects strip them.
          out[key] = child;
        } else {
          const suggestion = didYouMean(key, known);
          unknown.push({ path: [...path, key], key, known, ...(suggestion ? { suggestion } : {}) });
        }
      }
      return out;
    }
    if (def.type === 'array' && def.element && Array.isArray(node)) {
      return node.map((item, i) => walk(item, def.element!, [...path, i]));
    }
    return node;
  };
  return { clean: walk(value, schema, []), unknown };
}

/** The user's own `x-` fields of a mapping. */
export function extensionsOf(value: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (isPlainObject(value)) for (const key of Object.keys(value)) if (isExtensionKey(key)) out[key] = value[key];
  return out;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
