/**
 * A large portfolio is checked on several threads (scripts/core/validate/check-many.ts): the result must
 * be the one checking the files one by one gives, file for file, diagnostic for diagnostic.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePortfolio } from '../../../scripts/bench/generate.ts';
import { checkMany } from '#core/validate/check-many';
import { listClientFiles } from '#core/load/walk';
import { loadPortfolio } from '#core/portfolio';
import { AS_OF, client } from '../../helpers/portfolio.ts';

describe('checking files on several threads', () => {
  let dir: string;
  let relPaths: string[];
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'clientbook-many-'));
    await generatePortfolio({ count: 120, out: dir });
    // Files with every kind of problem, among the valid ones.
    await writeFile(path.join(dir, 'broken-type.md'), client('name: Broken\ntype: vip'));
    await writeFile(path.join(dir, 'Bad Name.md'), client('name: Bad name'));
    await writeFile(path.join(dir, 'no-front-matter.md'), '# Just notes\n');
    await writeFile(path.join(dir, 'typo.md'), client('name: Typo\nactons: []'));
    await writeFile(path.join(dir, 'secret.md'), client('name: Secret\nx-router-password: Tundra-2019!'));
    await writeFile(path.join(dir, 'crlf.md'), client('name: Crlf\nx-billing: monthly').replaceAll('\n', '\r\n'));
    relPaths = await listClientFiles(dir);
  }, 60_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const run = (workers: number, diagnosticsOnly: boolean) =>
    checkMany({ dir, relPaths, display: (rel) => `clients/${rel}`, asOf: AS_OF, diagnosticsOnly, workers, parallelFrom: 1 });

  it('keeps every file, its data, notes and problems, in order', async () => {
    const alone = await run(0, false);
    const shared = await run(2, false);
    expect(shared).toEqual(alone);
    expect(shared.map((f) => f.relPath)).toEqual(relPaths);
    // The data came back as the schema makes it: dates are PlainDates again, not plain objects.
    const due = shared.flatMap((f) => f.data?.actions ?? []).find((a) => a.due)!.due!;
    expect(due.add({ days: 1 }).toString()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(shared.find((f) => f.id === 'crlf')!.extensions).toEqual({ 'x-billing': 'monthly' });
    expect(shared.find((f) => f.id === 'broken-type')!.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual([
      'clients/broken-type.md:3:7 bad-enum',
    ]);
    expect(shared.filter((f) => f.data).length).toBe(alone.filter((f) => f.data).length);
    expect(shared.filter((f) => f.data).length).toBeGreaterThan(100);
  }, 60_000);

  it('for validation, keeps only what it reports', async () => {
    const shared = await run(2, true);
    expect(shared).toEqual(await run(0, true));
    expect(shared.every((f) => f.data === undefined && f.body === '')).toBe(true);
    expect(shared.flatMap((f) => f.diagnostics).map((d) => d.code)).toEqual(expect.arrayContaining(['bad-file-name', 'no-front-matter', 'unknown-key', 'secret', 'bad-enum']));
  }, 60_000);

  it('checks on the main thread what a failed worker left', async () => {
    const failing = path.join(dir, '_failing-worker.mjs');
    await writeFile(failing, "throw new Error('a worker that fails at once');\n");
    const files = await checkMany({ dir, relPaths, display: (rel) => `clients/${rel}`, asOf: AS_OF, diagnosticsOnly: false, workers: 2, parallelFrom: 1, workerModule: pathToFileURL(failing) });
    expect(files).toEqual(await run(0, false));
  }, 60_000);

  it('gives the portfolio the sequential load gives', async () => {
    const many = await loadPortfolio({ dir, cwd: dir, asOf: AS_OF });
    const files = await checkMany({ dir, relPaths, display: (rel) => rel, asOf: AS_OF, diagnosticsOnly: false, workers: 1, parallelFrom: 1 });
    expect(many.files).toBe(files.length);
    for (const d of files.flatMap((f) => f.diagnostics)) expect(many.diagnostics).toContainEqual(d);
    expect(many.clients.map((c) => c.id).sort()).toEqual(files.filter((f) => f.data && !f.diagnostics.some((d) => d.severity === 'error')).map((f) => f.id).sort());
  }, 60_000);
});
