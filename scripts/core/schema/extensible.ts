/**
 * A key that begins with `x-` is the user's own (FORMAT.md "Fields"): kept, never checked. Nested
 * mappings (the contact, an action, an asset...) keep theirs under `extensions`; the top level's
 * are `Client.extensions`.
 */
import { z } from 'zod';

export const isExtensionKey = (key: string) => key.startsWith('x-');

/** The user's own `x-` fields of a mapping, in file order. */
export type Extensions = Record<string, unknown>;

/**
 * An object schema whose `x-` keys end up in `extensions` (present only when there are any).
 * Unknown keys never reach it: they are reported and removed before the schema runs.
 */
export function extensible<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  return z.looseObject(shape).transform((value) => {
    const out: Record<string, unknown> = {};
    let extensions: Extensions | undefined;
    for (const [key, child] of Object.entries(value)) {
      if (isExtensionKey(key)) (extensions ??= {})[key] = child;
      else out[key] = child;
    }
    if (extensions) out.extensions = extensions;
    return out as z.output<z.ZodObject<Shape>> & { extensions?: Extensions };
  });
}
