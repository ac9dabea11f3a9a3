/**
 * Numbers as written. YAML's core schema reads `employees: 2.0` (or `2.`) as the float 2, which a
 * check of the value alone takes for the whole number 2, and `cost: 017` as 17, where YAML 1.1 (and
 * many readers still) read the octal 15. FORMAT.md's numbers are decimal digits, so the text written
 * decides (docs/format.md "Value types").
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { z } from 'zod';
import type { DiagnosticSink } from '../diagnostics.ts';
import type { ParsedYaml, Path } from '../load/yaml.ts';
import { numberTypeOf } from '../schema/values.ts';
import { label } from './issues.ts';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The number type a schema is, through its wrappers (optional, default, refinements). */
function numberType(schema: z.ZodType) {
  for (let current: z.ZodType | undefined = schema; current; ) {
    const found = numberTypeOf(current);
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
/** A number with a leading zero (`017`, `00.5`): octal in YAML 1.1. */
const LEADING_ZERO = /^[-+]?0\d/;

/**
 * Reports every whole number, year or period written with a point whose value is whole (one that
 * is not is refused by the schema already), and every number written with a leading zero. `skip`
 * holds the paths the schema reported, joined with NUL.
 */
export function checkWrittenNumbers(parsed: ParsedYaml, schema: z.ZodType, offset: number, sink: DiagnosticSink, skip: Set<string>): void {
  const visit = (node: Node | null | undefined, s: z.ZodType, path: Path): void => {
    if (!node) return;
    const type = numberType(s);
    if (type) {
      if (!isScalar(node) || node.type !== 'PLAIN' || typeof node.value !== 'number' || !node.range || skip.has(path.join('\0'))) return;
      const written = parsed.yaml.slice(node.range[0], node.range[1]);
      const pointed = type.whole && WITH_POINT.test(written) && Number.isInteger(node.value);
      if (!pointed && !LEADING_ZERO.test(written)) return;
      sink.add({
        start: offset + node.range[0],
        end: offset + node.range[1],
        code: type.code,
        message: `\`${label(path)}: ${written}\` is not ${type.expected}.`,
        hint: pointed
          ? `Write it in digits without a point: \`${label(path)}: ${node.value}\`.`
          : `Write it without the leading zero, which some YAML readers take for an octal number: \`${label(path)}: ${written.replace(/^([-+]?)0+(?=\d)/, '$1')}\`.`,
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
