/**
 * Whole numbers as written. YAML's core schema reads `employees: 2.0` (or `2.`) as the float 2,
 * which a check of the value alone takes for the whole number 2; FORMAT.md's whole numbers and
 * years are decimal digits, so the text written decides (docs/format.md "Value types").
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { z } from 'zod';
import type { DiagnosticSink } from '../diagnostics.ts';
import type { ParsedYaml, Path } from '../load/yaml.ts';
import { wholeTypeOf } from '../schema/values.ts';
import { label } from './issues.ts';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The whole-number type a schema is, through its wrappers (optional, default, refinements). */
function wholeType(schema: z.ZodType) {
  for (let current: z.ZodType | undefined = schema; current; ) {
    const found = wholeTypeOf(current);
    if (found) return found;
    const def = defOf(current);
    current = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
  }
  return undefined;
}

/** The object or array schema under the wrappers, for walking down to a value's schema. */
function container(schema: z.ZodType): Def {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    const inner = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
    if (!inner) return def;
    current = inner;
  }
}

/** A number written with a point (`2.0`, `2.`, `.5`): YAML's float form. */
const WITH_POINT = /^[-+]?(?:\d+\.\d*|\.\d+)$/;

/**
 * Reports every whole number or year written with a point whose value is whole (one that is not is
 * refused by the schema already). `skip` holds the paths the schema reported, joined with NUL.
 */
export function checkWrittenNumbers(parsed: ParsedYaml, schema: z.ZodType, offset: number, sink: DiagnosticSink, skip: Set<string>): void {
  const visit = (node: Node | null | undefined, s: z.ZodType, path: Path): void => {
    if (!node) return;
    const whole = wholeType(s);
    if (whole) {
      if (!isScalar(node) || node.type !== 'PLAIN' || typeof node.value !== 'number' || !node.range) return;
      const written = parsed.yaml.slice(node.range[0], node.range[1]);
      if (!WITH_POINT.test(written) || !Number.isInteger(node.value) || skip.has(path.join('\0'))) return;
      sink.add({
        start: offset + node.range[0],
        end: offset + node.range[1],
        code: whole.code,
        message: `\`${label(path)}: ${written}\` is not ${whole.expected}.`,
        hint: `Write it in digits without a point: \`${label(path)}: ${node.value}\`.`,
      });
      return;
    }
    const def = container(s);
    if (def.type === 'object' && def.shape && isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (key !== undefined && Object.hasOwn(def.shape, key)) visit(pair.value as Node | null, def.shape[key]!, [...path, key]);
      }
    } else if (def.type === 'array' && def.element && isSeq(node)) {
      node.items.forEach((item, i) => visit(item as Node | null, def.element!, [...path, i]));
    }
  };
  visit(parsed.doc.contents as Node | null, schema, []);
}
