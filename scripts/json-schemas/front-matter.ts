/**
 * JSON Schemas of what a person writes, for editors that understand JSON Schema (VS Code with the
 * YAML extension, JetBrains): the client front matter and clientbook.yaml, generated from the zod
 * schemas (zod's toJSONSchema) so that they never disagree with the validator on a key or a type.
 * The validator stays the authority: it checks what a JSON Schema cannot (dates that exist, rules
 * across fields and files).
 */
import { z } from 'zod';
import { clientSchema } from '../core/schema/client.ts';
import { settingsSchema } from '../core/settings.ts';

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

function fromZod(schema: z.ZodType, title: string, description: string): JsonSchema {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as JsonSchema;
  ownKeysOnly(json);
  const { $schema, ...rest } = json;
  return { $schema, title, description, ...rest };
}

export function clientFrontMatterSchema(): JsonSchema {
  return fromZod(
    clientSchema,
    'clientbook client file (front matter)',
    'The YAML front matter of one client file (FORMAT.md, docs/format.md). Generated from the zod schema by `npm run schemas`.',
  );
}

export function settingsFileSchema(): JsonSchema {
  const json = fromZod(
    settingsSchema,
    'clientbook.yaml (portfolio settings)',
    'The settings of a portfolio, in clientbook.yaml beside the client files. Generated from the zod schema by `npm run schemas`.',
  );
  // Settings have no keys of the user's own.
  delete json.patternProperties;
  return json;
}
