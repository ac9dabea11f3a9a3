/**
 * The floor for `validate`: list the client files, read each one and parse its front matter with
 * the bare `yaml` package (`parse`, whose defaults are the core's YAML 1.2 core schema with unique
 * keys), nothing else: no positions kept, no schema, no rules. Plain JavaScript, so that the floor
 * pays nothing for TypeScript; files read synchronously, the fastest way to read many small files
 * in the page cache. It finds the files as `listClientFiles` does (scripts/core/load/walk.ts).
 *
 *   node scripts/bench/floor-parse.mjs <dir>
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const dir = path.resolve(process.argv[2] ?? 'clients');
const ignored = (name) => name.startsWith('_') || name.startsWith('.') || name === 'node_modules';
const files = readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.md'))
  .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
  .filter((rel) => !rel.split(path.sep).some(ignored));
let keys = 0;
for (const rel of files) {
  const text = readFileSync(path.join(dir, rel), 'utf8');
  const start = text.indexOf('\n') + 1;
  // Up to and with the line end before the closing `---` (a lone `\r` at the end is not YAML).
  const end = text.indexOf('\n---', start - 1) + 1;
  keys += Object.keys(parse(text.slice(start, end))).length;
}
process.stdout.write(`${files.length} files, ${keys} keys\n`);
