/**
 * The floor for `validate`: read every client file and parse its front matter with the bare `yaml`
 * package, nothing else. `npx node scripts/bench/floor-parse.ts <dir>`
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { listClientFiles } from '../core/load/walk.ts';

const dir = path.resolve(process.argv[2] ?? 'clients');
const files = await listClientFiles(dir);
let keys = 0;
for (const rel of files) {
  const text = await readFile(path.join(dir, rel), 'utf8');
  const end = text.indexOf('\n---', 3);
  const data = parse(text.slice(4, end)) as Record<string, unknown>;
  keys += Object.keys(data).length;
}
process.stdout.write(`${files.length} files, ${keys} keys\n`);
