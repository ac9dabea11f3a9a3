/**
 * Writes the JSON Schemas that clientbook ships into schemas/ (`npm run schemas`); the test
 * tests/schemas/ fails while a file is not what this would write.
 *
 *   node scripts/json-schemas/write.ts [--check]
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { clientFrontMatterSchema, settingsFileSchema, type JsonSchema } from './front-matter.ts';
import { diffOutputSchema, dueOutputSchema, validateOutputSchema } from './outputs.ts';

export const SCHEMAS_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));

/** File name -> schema. */
export function shippedSchemas(): Record<string, JsonSchema> {
  return {
    'client.schema.json': clientFrontMatterSchema(),
    'clientbook-yaml.schema.json': settingsFileSchema(),
    'validate-output.schema.json': validateOutputSchema(),
    'due-output.schema.json': dueOutputSchema(),
    'diff-output.schema.json': diffOutputSchema(),
  };
}

export const schemaText = (schema: JsonSchema) => `${JSON.stringify(schema, null, 2)}\n`;

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  await mkdir(SCHEMAS_DIR, { recursive: true });
  let stale = 0;
  for (const [name, schema] of Object.entries(shippedSchemas())) {
    const file = path.join(SCHEMAS_DIR, name);
    const text = schemaText(schema);
    const old = await readFile(file, 'utf8').catch(() => undefined);
    if (old === text) continue;
    if (check) {
      stale++;
      process.stderr.write(`schemas/${name} is not current: run npm run schemas\n`);
    } else {
      await writeFile(file, text);
      process.stdout.write(`wrote schemas/${name}\n`);
    }
  }
  if (stale) process.exitCode = 1;
}
