/**
 * JSON Schemas of what a person writes, for editors that understand JSON Schema (VS Code with the
 * YAML extension, JetBrains): the client front matter and clientbook.yaml, generated from the zod
 * schemas (zod's toJSONSchema) so that they never disagree with the validator on a key or a type.
 * The validator stays the authority: it checks what a JSON Schema cannot (dates that exist, rules
 * across fields and files).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { clientSchema } from '#core/schema/client';
import { settingsSchema } from '#core/settings';

export type JsonSchema = Record<string, unknown>;

/**
 * Objects accept keys of the user's own that start with `x-` (FORMAT.md), and no other unknown
 * key: zod's output says "anything" for the keys the validator sorts out itself.
 */
function ownKeysOnly(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(ownKeysOnly);
  if (typeof node !== 'object' || node === null) return;
  const schema = node as JsonSchema;
  if (schema.type === 'object' && schema.properties) {
    schema.patternProperties = { '^x-': {} };
    schema.additionalProperties = false;
  }
  Object.values(schema).forEach(ownKeysOnly);
}

/**
 * The documentation of each key, from the comment above it in the zod schema's source (the format's
 * field documentation lives beside each field, DESIGN.md): `key -> text`, the first sentence
 * or two as written, code spans kept.
 */
function fieldDocs(sourceFile: string): Map<string, string> {
  const source = readFileSync(new URL(sourceFile, import.meta.url), 'utf8');
  const docs = new Map<string, string>();
  for (const [, comment, key] of source.matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*\n\s*([a-z_]+):/g)) {
    const text = comment!.replace(/^\s*\* ?/gm, '').replace(/\s+/g, ' ').trim();
    if (!docs.has(key!)) docs.set(key!, text);
  }
  return docs;
}

/** Where each schema source documents the keys of an object of the JSON Schema. */
const DOCUMENTED: [path: string[], source: string][] = [
  [[], '../core/schema/client.ts'],
  [['properties', 'contact'], '../core/schema/person.ts'],
  [['properties', 'people', 'items'], '../core/schema/person.ts'],
  [['properties', 'growth'], '../core/schema/growth.ts'],
  [['properties', 'meetings'], '../core/schema/meetings.ts'],
  [['properties', 'actions', 'items'], '../core/schema/action.ts'],
  [['properties', 'assets', 'items'], '../core/schema/asset.ts'],
  [['properties', 'roadmap', 'items'], '../core/schema/roadmap-item.ts'],
];

function describeKeys(json: JsonSchema, documented: typeof DOCUMENTED): void {
  for (const [at, source] of documented) {
    const node = at.reduce<JsonSchema | undefined>((n, step) => n?.[step] as JsonSchema | undefined, json);
    const properties = node?.properties as Record<string, JsonSchema> | undefined;
    if (!properties) throw new Error(`no object at ${at.join('.') || 'the top'} of the generated schema`);
    const docs = fieldDocs(source);
    for (const [key, property] of Object.entries(properties)) {
      const doc = docs.get(key);
      // The field's own words first; the value type's ("a date, e.g. 2026-12-15") after them.
      if (doc) property.description = property.description ? `${doc} (${property.description})` : doc;
    }
  }
}

function fromZod(schema: z.ZodType, title: string, description: string, documented: typeof DOCUMENTED): JsonSchema {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as JsonSchema;
  describeKeys(json, documented);
  ownKeysOnly(json);
  const { $schema, ...rest } = json;
  return { $schema, title, description, ...rest };
}

export function clientFrontMatterSchema(): JsonSchema {
  return fromZod(
    clientSchema,
    'clientbook client file (front matter)',
    'The YAML front matter of one client file (FORMAT.md, docs/format.md). Generated from the zod schema by `npm run schemas`.',
    DOCUMENTED,
  );
}

export function settingsFileSchema(): JsonSchema {
  const json = fromZod(
    settingsSchema,
    'clientbook.yaml (portfolio settings)',
    'The settings of a portfolio, in clientbook.yaml beside the client files. Generated from the zod schema by `npm run schemas`.',
    [[[], '../core/settings.ts']],
  );
  // Settings have no keys of the user's own.
  delete json.patternProperties;
  return json;
}
