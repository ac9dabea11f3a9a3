/** Old Mac line ends (CR alone) are said so, where they start. */
import { describe, expect, it } from 'vitest';
import { run } from '../../helpers/cli.ts';
import { check, client, only, problems, tempPortfolios } from '../../helpers/portfolio.ts';

const MESSAGE = 'This file ends its lines with a carriage return (CR) alone, the line end of classic Mac OS: clientbook reads LF or CRLF line ends only.';

describe('old Mac line ends', () => {
  it('a file whose lines end with CR alone is one error at its first line end', () => {
    const d = only(client('type: vip').replaceAll('\n', '\r'));
    expect([d.line, d.column, d.endColumn, d.code, d.message]).toEqual([1, 4, 5, 'old-mac-line-ends', MESSAGE]);
    expect(d.hint).toContain('LF (Unix) or CRLF (Windows)');
  });

  it('LF and CRLF files are read as before', () => {
    expect(check(client()).diagnostics).toEqual([]);
    expect(check(client().replaceAll('\n', '\r\n')).diagnostics).toEqual([]);
  });

  it('a CR alone inside a line of an LF file is left to YAML', () => {
    expect(problems(client('x-note: "a\rb"'))).toEqual([]);
  });

  it('validate names the file, line and column', async () => {
    const cwd = await tempPortfolios()({ 'clients/mac.md': client().replaceAll('\n', '\r') });
    const r = await run(['validate', '--as-of', '2026-12-01'], cwd);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`clients/mac.md:1:4: error: ${MESSAGE} [old-mac-line-ends]`);
  });
});
