/** Every error the yaml package can raise is retold in our words, under a code of the catalogue. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '#core/diagnostics/codes';
import { EXPLAIN, YAML_CODES } from '#core/load/yaml-errors';
import { STRUCTURE_CODES } from '#core/load/yaml';

/** The members of yaml's `ErrorCode` union, read from the installed package's own declaration. */
function yamlErrorCodes(): string[] {
  const entry = createRequire(import.meta.url).resolve('yaml');
  const declaration = readFileSync(path.join(path.dirname(entry), 'errors.d.ts'), 'utf8');
  const union = /export type ErrorCode =([^;]+);/.exec(declaration)?.[1];
  if (!union) throw new Error('yaml no longer declares `ErrorCode` in errors.d.ts');
  return [...union.matchAll(/'([A-Z0-9_]+)'/g)].map((m) => m[1]!).sort();
}

describe("the yaml package's error codes", () => {
  const codes = yamlErrorCodes();

  it('are read from the package', () => {
    expect(codes).toContain('DUPLICATE_KEY');
    expect(codes.length).toBeGreaterThan(20);
  });

  it('each have an explanation and a code of the catalogue', () => {
    expect(Object.keys(EXPLAIN).sort()).toEqual(codes);
    expect(Object.keys(YAML_CODES).sort()).toEqual(codes);
    for (const code of codes) expect(Object.hasOwn(DIAGNOSTIC_CODES, YAML_CODES[code as keyof typeof YAML_CODES]), code).toBe(true);
  });

  it('are the only yaml codes of the catalogue, with the alias limit and the structure checks', () => {
    const catalogued = Object.keys(DIAGNOSTIC_CODES).filter((c) => c.startsWith('yaml-')).sort();
    expect(catalogued).toEqual([...Object.values(YAML_CODES), 'yaml-alias-limit', ...STRUCTURE_CODES].sort());
  });
});
