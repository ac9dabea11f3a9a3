/**
 * The benchmark's synthetic portfolios must be worth measuring: valid, the same bytes every time,
 * and using every field and every choice of the format, so no code path is left out of the figures.
 * The list of fields comes from the zod schema itself: a new field fails this until the generator
 * writes it.
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { generatePortfolio } from '../../scripts/bench/generate.ts';
import { listClientFiles } from '#core/load/walk';
import { loadPortfolio, type Portfolio } from '#core/portfolio';
import { clientSchema } from '#core/schema/client';

interface Def {
  type: string;
  shape?: Record<string, unknown>;
  element?: unknown;
  innerType?: unknown;
  in?: unknown;
  entries?: Record<string, string>;
}
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/** Every key path of the schema (`actions[].due`) and, for enums, the values it allows. */
function schemaPaths(schema: unknown, at = '', out = new Map<string, string[] | undefined>()) {
  let def = defOf(schema);
  while (def.innerType || (def.type === 'pipe' && def.in)) def = defOf(def.innerType ?? def.in);
  if (def.type === 'object') for (const [key, child] of Object.entries(def.shape!)) schemaPaths(child, at ? `${at}.${key}` : key, out);
  else if (def.type === 'array') schemaPaths(def.element, `${at}[]`, out);
  else out.set(at, def.type === 'enum' ? Object.values(def.entries!) : undefined);
  return out;
}

/** Every key path used in the files, with the values written there. */
function usedPaths(value: unknown, at = '', out = new Map<string, Set<unknown>>()) {
  if (Array.isArray(value)) for (const item of value) usedPaths(item, `${at}[]`, out);
  else if (value && typeof value === 'object') for (const [key, child] of Object.entries(value)) usedPaths(child, at ? `${at}.${key}` : key, out);
  else (out.get(at) ?? out.set(at, new Set()).get(at)!).add(value);
  if (value && typeof value === 'object' && at) (out.get(at) ?? out.set(at, new Set()).get(at)!).add('(collection)');
  return out;
}

let dir: string;
let portfolio: Portfolio;
let texts: string[];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'clientbook-generate-'));
  await generatePortfolio({ count: 1000, out: path.join(dir, 'a') });
  portfolio = await loadPortfolio({ dir: path.join(dir, 'a'), asOf: '2026-11-24' });
  const files = await listClientFiles(path.join(dir, 'a'));
  texts = await Promise.all(files.map((f) => readFile(path.join(dir, 'a', f), 'utf8')));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('generatePortfolio', () => {
  test('writes a valid portfolio: no errors, and only the warnings real portfolios have', () => {
    expect(portfolio.files).toBe(1000);
    expect(portfolio.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(new Set(portfolio.diagnostics.map((d) => d.code))).toEqual(new Set(['no-next-action']));
    expect(portfolio.clients).toHaveLength(1000);
  });

  test('the same seed and count give the same bytes', async () => {
    await generatePortfolio({ count: 1000, out: path.join(dir, 'b') });
    const again = await listClientFiles(path.join(dir, 'b'));
    expect(again).toEqual(await listClientFiles(path.join(dir, 'a')));
    const sample = again.filter((_, i) => i % 37 === 0);
    for (const f of sample) expect(await readFile(path.join(dir, 'b', f), 'utf8')).toBe(await readFile(path.join(dir, 'a', f), 'utf8'));
  });

  test('uses every field of the schema and every value of every choice', () => {
    const used = new Map<string, Set<unknown>>();
    for (const text of texts) {
      const yaml = text.replace(/^\ufeff/, '').replace(/\r\n/g, '\n').split('\n---\n')[0]!.slice(4);
      usedPaths(parse(yaml), '', used);
    }
    for (const [key, values] of schemaPaths(clientSchema)) {
      expect(used.has(key), `${key} is never written`).toBe(true);
      for (const value of values ?? []) expect(used.get(key)!.has(value), `${key}: ${value} is never written`).toBe(true);
    }
    expect([...used.keys()].some((k) => /^x-/.test(k)), 'top-level x- fields').toBe(true);
    expect([...used.keys()].some((k) => /\.x-/.test(k)), 'nested x- fields').toBe(true);
  });

  test('writes every form of the value types: periods, intervals, dates or months', () => {
    const kinds = new Set(portfolio.clients.flatMap((c) => [...(c.data.roadmap ?? []).map((r) => r.when.kind), ...(c.data.assets ?? []).flatMap((a) => (a.replace ? [a.replace.kind] : []))]));
    expect(kinds).toEqual(new Set(['year', 'quarter', 'month', 'day']));
    const units = new Set(portfolio.clients.flatMap((c) => c.data.actions.flatMap((a) => (a.every ? [a.every.unit] : []))));
    expect(units).toEqual(new Set(['week', 'month', 'year']));
    const since = portfolio.clients.map((c) => c.data.since).filter(Boolean);
    expect(since.some((s) => s!.length === 7) && since.some((s) => s!.length === 10)).toBe(true);
    expect(portfolio.clients.some((c) => Number.isInteger(c.data.roadmap?.[0]?.cost) === false && c.data.roadmap?.[0]?.cost !== undefined)).toBe(true);
  });

  test('a realistic spread: statuses, folders, notes of realistic length, line ends and byte-order marks', () => {
    const statuses = portfolio.clients.map((c) => c.data.status);
    const share = (s: string) => statuses.filter((x) => x === s).length / statuses.length;
    expect(share('active')).toBeGreaterThan(0.8);
    expect(share('former')).toBeGreaterThan(0.03);
    expect(share('prospect')).toBeGreaterThan(0.03);
    expect(portfolio.clients.some((c) => c.data.status === 'former' && !c.data.contact)).toBe(true);
    expect(new Set(portfolio.clients.map((c) => c.relPath.split('/')[0])).size).toBeGreaterThan(4);
    expect(portfolio.clients.some((c) => c.data.referred_by)).toBe(true);

    const bodies = portfolio.clients.map((c) => c.body.length).sort((a, b) => a - b);
    const median = bodies[bodies.length >> 1]!;
    expect(median).toBeGreaterThan(1000);
    expect(median).toBeLessThan(4000);
    expect(bodies.at(-1)!).toBeGreaterThan(8000);
    expect(portfolio.clients.some((c) => /^- /m.test(c.body) && /^## \d{4}-\d\d-\d\d /m.test(c.body))).toBe(true);

    expect(texts.some((t) => t.includes('\r\n'))).toBe(true);
    expect(texts.some((t) => t.startsWith('\ufeff'))).toBe(true);
    expect(texts.filter((t) => t.includes('\r\n')).length).toBeLessThan(50);
  });
});
