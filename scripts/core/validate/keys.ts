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
  /** Where else in the schema a mapping has this key (`\`growth\``, `an item of \`actions\``): it was put at the wrong level. */
  homes?: string[];
  suggestion?: string;
  /** The suggested key is already set in the same mapping: renaming would make it a duplicate. */
  taken?: boolean;
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
function unwrap(schema: z.ZodType): Def {
  let def = unwrapped.get(schema);
  if (def) return def;
  let current = schema;
  for (;;) {
    const d = defOf(current);
    const inner = d.innerType ?? (d.type === 'pipe' ? d.in : undefined);
    if (!inner) break;
    current = inner;
  }
  def = defOf(current);
  unwrapped.set(schema, def);
  return def;
}
const unwrapped = new WeakMap<z.ZodType, Def>();

export { isExtensionKey };

/**
 * Returns `value` with unknown keys removed (for the schema to check), and the unknown keys found.
 * `x-` keys stay: the schema keeps them as `extensions` or strips them. Only what holds an unknown key
 * is copied; a file without one (nearly every file) comes back as it is, with nothing allocated.
 */
export function separateKeys(value: unknown, schema: z.ZodType): { clean: unknown; unknown: UnknownKey[] } {
  const unknown: UnknownKey[] = [];
  const path: (string | number)[] = [];
  const walk = (node: unknown, s: z.ZodType): unknown => {
    const def = unwrap(s);
    if (def.type === 'object' && def.shape && isPlainObject(node)) {
      let out: Record<string, unknown> | undefined;
      const keys = Object.keys(node);
      for (let k = 0; k < keys.length; k++) {
        const key = keys[k]!;
        const child = node[key];
        let kept: unknown = child;
        let drop = false;
        if (Object.hasOwn(def.shape, key)) {
          path.push(key);
          kept = walk(child, def.shape[key]!);
          path.pop();
        } else if (!isExtensionKey(key)) {
          // (`x-` keys are kept for schemas that keep them, see `extensible`; plain objects strip them.)
          const known = Object.keys(def.shape);
          const suggestion = didYouMean(key, known);
          const taken = suggestion !== undefined && Object.hasOwn(node, suggestion);
          const homes = suggestion ? undefined : homesOf(schema).get(key);
          unknown.push({
            path: [...path, key], key, known,
            ...(suggestion ? { suggestion } : {}), ...(taken ? { taken } : {}), ...(homes ? { homes } : {}),
          });
          drop = true;
        }
        if (!out && (drop || kept !== child)) {
          // The first change: copy the keys seen so far, unchanged.
          out = {};
          for (let j = 0; j < k; j++) out[keys[j]!] = node[keys[j]!];
        }
        if (out && !drop) out[key] = kept;
      }
      return out ?? node;
    }
    if (def.type === 'array' && def.element && Array.isArray(node)) {
      let out: unknown[] | undefined;
      for (let i = 0; i < node.length; i++) {
        path.push(i);
        const kept = walk(node[i], def.element);
        path.pop();
        if (!out && kept !== node[i]) out = node.slice(0, i);
        if (out) out.push(kept);
      }
      return out ?? node;
    }
    return node;
  };
  return { clean: walk(value, schema), unknown };
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

const homesCache = new WeakMap<z.ZodType, Map<string, string[]>>();

/**
 * Every key of every mapping of a schema, with where that mapping is: \`the top level\`, \`\`growth\`\`,
 * \`an item of \`actions\`\`. For a key written at the wrong level (\`outlook:\` at the top), the hint
 * names where it belongs.
 */
function homesOf(schema: z.ZodType): Map<string, string[]> {
  let homes = homesCache.get(schema);
  if (homes) return homes;
  const found = new Map<string, string[]>();
  const walk = (s: z.ZodType, where: string): void => {
    const def = unwrap(s);
    if (def.type === 'object' && def.shape) {
      for (const [key, child] of Object.entries(def.shape)) {
        const list = found.get(key) ?? [];
        if (!list.includes(where)) list.push(where);
        found.set(key, list);
        walk(child, `\`${key}\``);
      }
    } else if (def.type === 'array' && def.element) {
      walk(def.element, `an item of ${where}`);
    }
  };
  walk(schema, 'the top level');
  homes = found;
  homesCache.set(schema, homes);
  return homes;
}
