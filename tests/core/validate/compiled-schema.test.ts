/**
 * `checkYaml` parses with zod's compiled parser once it has seen a few files. That is only safe if
 * the compiled parser answers exactly as the ordinary one: the same data for a valid value, and for
 * an invalid one the same issues (it hands those to the ordinary parser). Checked on a generated
 * portfolio and on thousands of values broken at random places.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generatePortfolio } from '../../../scripts/bench/generate.ts';
import { listClientFiles } from '#core/load/walk';
import { clientSchema } from '#core/schema/client';
import { settingsSchema } from '#core/settings';
import { separateKeys } from '#core/validate/keys';

/** A value as text, dates included, so that two results compare whole (key order too). */
const show = (value: unknown) =>
  JSON.stringify(value, (_key, v) => (v && typeof v === 'object' && v.constructor?.name === 'PlainDate' ? `date ${String(v)}` : v));

function same(schema: z.ZodType, fast: z.ZodType, value: unknown) {
  const clean = separateKeys(value, schema).clean;
  const a = schema.safeParse(clean, { reportInput: true });
  const b = fast.safeParse(clean, { reportInput: true });
  expect(b.success).toBe(a.success);
  expect(show(b.data)).toBe(show(a.data));
  expect(show(b.error?.issues)).toBe(show(a.error?.issues));
  return a.success;
}

let dir: string;
let values: unknown[];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'clientbook-compiled-'));
  await generatePortfolio({ count: 300, out: dir, seed: 3 });
  const files = await listClientFiles(dir);
  values = await Promise.all(
    files.map(async (f) => {
      const text = (await readFile(path.join(dir, f), 'utf8')).replace(/^\ufeff/, '').replace(/\r\n/g, '\n');
      return parse(text.slice(4, text.indexOf('\n---\n', 3) + 1));
    }),
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the compiled client schema', () => {
  const fast = z.compile(clientSchema, { strict: true });

  test('compiles (no part of the schema falls back to the ordinary parser)', () => {
    expect(fast).not.toBe(clientSchema);
  });

  test('gives the same data for every client of a generated portfolio', () => {
    for (const value of values) expect(same(clientSchema, fast, value)).toBe(true);
  });

  test('gives the same issues for values broken anywhere', () => {
    const broken = fc.constantFrom(
      null, 0, -1, 1.5, '', 'text', '2026-13-45', '2026-02-29', '2026-12-15', '12/01/2026', '2027-Q5', '2027-Q2',
      '3 months', 'monthly', [], {}, ['a'], { a: 1 }, true, 'former', 'growing', undefined,
    );
    const leafPaths = (v: unknown, at: (string | number)[] = []): (string | number)[][] =>
      Array.isArray(v) ? [at, ...v.flatMap((x, i) => leafPaths(x, [...at, i]))]
        : v && typeof v === 'object' ? [at, ...Object.entries(v).flatMap(([k, x]) => leafPaths(x, [...at, k]))]
          : [at];
    fc.assert(
      fc.property(fc.nat(values.length - 1), fc.array(fc.tuple(fc.nat(), broken), { minLength: 1, maxLength: 3 }), (i, changes) => {
        const value = structuredClone(values[i]) as Record<string, unknown>;
        for (const [pick, replacement] of changes) {
          const paths = leafPaths(value).filter((p) => p.length > 0);
          const p = paths[pick % paths.length]!;
          let parent = value as Record<string | number, unknown>;
          for (const step of p.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
          if (replacement === undefined) delete parent[p[p.length - 1]!];
          else parent[p[p.length - 1]!] = structuredClone(replacement);
        }
        same(clientSchema, fast, value);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('the compiled settings schema', () => {
  test('gives the same settings and the same issues', () => {
    const fast = z.compile(settingsSchema);
    for (const value of [
      {},
      { title: 'Book', time_zone: 'America/Whitehorse', currency: 'CAD', due_window: 14, locale: 'en-CA', stale_months: 3 },
      { time_zone: 'Mars/Olympus', currency: 'dollars', due_window: 0, locale: 'not a locale', stale_months: '6' },
      { title: '', due_window: 400 },
    ])
      same(settingsSchema, fast, value);
  });
});
