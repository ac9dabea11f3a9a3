/** docs/format.md lists every diagnostic code as the catalogue has it: `npm run docs` rewrites it. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '#core/diagnostics/codes';
import { FORMAT_DOC, codesMarkdown, withCodes } from '../../scripts/docs/diagnostic-codes.ts';

describe('the "Errors and warnings" section of docs/format.md', () => {
  const doc = readFileSync(FORMAT_DOC, 'utf8');

  it('is up to date with the catalogue (run `npm run docs`)', () => {
    expect(withCodes(doc) === doc, 'docs/format.md is out of date: run `npm run docs`').toBe(true);
  });

  it('has one entry per code', () => {
    for (const [code, info] of Object.entries(DIAGNOSTIC_CODES))
      expect(codesMarkdown()).toContain(`- \`${code}\` (${info.severity}): **${info.title}.**`);
    expect(codesMarkdown().match(/^- `/gm)).toHaveLength(Object.keys(DIAGNOSTIC_CODES).length);
  });
});
