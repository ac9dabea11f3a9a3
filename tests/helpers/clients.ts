/** Clients from inline front matter, built through the real loader (model and site tests). */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PlainDate } from '#core/dates';
import { checkClientFile } from '#core/validate/client-file';
import type { Client } from '#core/model/client';

import { date, writeFiles } from './portfolio.ts';

export { date };

/** The YAML of a minimal valid active client, with extra front matter lines appended. */
export function clientYaml(name: string, extra = ''): string {
  return [
    `name: ${JSON.stringify(name)}`,
    'type: basic',
    'contact:',
    '  name: Pat Doe',
    'growth:',
    '  outlook: stable',
    '  asked: 2026-06-01',
    'actions:',
    '  - title: Check the backup',
    '    due: 2027-06-01',
    extra.trim() === '' ? '' : extra.replace(/^\n+|\s+$/g, ''),
  ].filter((l) => l !== '').join('\n');
}

/**
 * A Client from front matter YAML, through `checkClientFile`; throws with the diagnostics when the
 * file does not validate, so a typo in a test shows at once.
 */
export function makeClient(id: string, yaml: string, asOf = '2026-12-01', body = ''): Client {
  const text = `---\n${yaml}\n---\n${body}`;
  const file = checkClientFile(new TextEncoder().encode(text), `${id}.md`, `${id}.md`, date(asOf));
  const errors = file.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || !file.data) {
    throw new Error(`test client ${id} does not validate:\n${errors.map((d) => `${d.line}:${d.column} ${d.message}`).join('\n')}`);
  }
  return {
    id: file.id,
    file: file.file,
    relPath: file.relPath,
    data: file.data,
    extensions: file.extensions,
    body: file.body,
    bodyLine: file.bodyLine,
  };
}

/** Writes `{ 'a.md': text }` to a fresh temp folder; returns it and a cleanup. */
export async function tempPortfolio(files: Record<string, string>): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'clientbook-model-'));
  await writeFiles(dir, files);
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
