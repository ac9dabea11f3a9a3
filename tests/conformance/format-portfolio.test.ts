/**
 * FORMAT.md "The portfolio": one Markdown file per client, subfolders for grouping, ids from file
 * names (unique across the tree, an error in both files), ignored names, UTF-8 with or without a
 * BOM and LF or CRLF line ends.
 */
import { describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.ts';
import { client, tempPortfolios } from '../helpers/portfolio.ts';

const portfolio = tempPortfolios();

interface Diagnostic {
  file: string;
  line: number;
  column: number;
  severity: string;
  code: string;
}

async function validate(files: Record<string, string | Uint8Array>) {
  const dir = await portfolio(Object.fromEntries(Object.entries(files).map(([rel, text]) => [`clients/${rel}`, text])));
  const { code, stdout } = await run(['validate', '--as-of', '2026-12-01', '--format', 'json'], dir);
  const report = JSON.parse(stdout) as { files: number; diagnostics: Diagnostic[] };
  return { code, files: report.files, problems: report.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}`) };
}

describe('FORMAT The portfolio', () => {
  it('subfolders group files; ids are file names, unique across the tree: two files with one id are an error in both', async () => {
    expect(
      await validate({ 'acme.md': client(), 'north/bonanza.md': client(), 'former/acme.md': client('status: former') }),
    ).toEqual({
      code: 1,
      files: 3,
      problems: ['clients/acme.md:1:1 error duplicate-id', 'clients/former/acme.md:1:1 error duplicate-id'],
    });
  });

  it.each(['Acme.md', '-acme.md', 'acme_co.md', 'acme co.md', 'café.md'])('%s is not a valid id: an error at the file', async (name) => {
    const result = await validate({ [name]: client() });
    expect(result.problems).toEqual([`clients/${name}:1:1 error bad-file-name`]);
    expect(result.code).toBe(1);
  });

  it('names beginning with _ or . and files not ending in .md are not clients; neither is anything in _ or . folders', async () => {
    const result = await validate({
      'acme.md': client(),
      '2nd-site.md': client(),
      '_template.md': 'not a client',
      '.draft.md': 'not a client',
      'logo.png': 'not a client',
      'notes.txt': 'not a client',
      '_drafts/idea.md': 'not a client',
      '.obsidian/workspace.md': 'not a client',
    });
    expect(result).toEqual({ code: 0, files: 2, problems: [] });
  });

  it('UTF-8 with or without a byte-order mark, LF or CRLF: the same positions', async () => {
    const text = client('type: huge');
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text.replaceAll('\n', '\r\n'))]);
    const result = await validate({ 'lf.md': text, 'crlf-bom.md': bom });
    expect(result.problems).toEqual(['clients/crlf-bom.md:2:7 error bad-enum', 'clients/lf.md:2:7 error bad-enum']);
  });
});

describe('FORMAT The portfolio: files not ending in .md are ignored, without losing a client silently', () => {
  it('`Bolt.MD` is not a client, and a warning at the file says it is not read (README.markdown stays ignored without a word)', async () => {
    const dir = await portfolio({ 'clients/acme.md': client(), 'clients/north/Bolt.MD': client(), 'clients/_notes.MD': 'mine', 'clients/README.markdown': 'x', 'clients/readme.txt': 'x' });
    const { code, stdout } = await run(['validate', '--as-of', '2026-12-01', '--format', 'json'], dir);
    const report = JSON.parse(stdout) as { files: number; diagnostics: (Diagnostic & { message: string; hint: string })[] };
    expect(report.files).toBe(1);
    expect(report.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}: ${d.message} | ${d.hint}`)).toEqual([
      'clients/north/Bolt.MD:1:1 warning not-md: `Bolt.MD` is not read: client files end in `.md`, in lowercase. | If it is a client, rename it to `bolt.md`; to keep it in the folder as something else, begin its name with `_` (`_Bolt.MD`).',
    ]);
    expect(code).toBe(0);
  });
});

describe('FORMAT The portfolio: a file is UTF-8', () => {
  it('a file saved as UTF-16 is said to be UTF-16, not binary', async () => {
    const text = client();
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...text].flatMap((c) => [c.charCodeAt(0), 0])]);
    const dir = await portfolio({ 'clients/acme.md': utf16 });
    const { code, stdout } = await run(['validate', '--as-of', '2026-12-01', '--format', 'json'], dir);
    const [d] = JSON.parse(stdout).diagnostics;
    expect(`${d.line}:${d.column} ${d.code}: ${d.message} | ${d.hint}`).toBe(
      '1:1 not-utf8: This file is saved as UTF-16 (little-endian), not UTF-8. | Save the file as UTF-8 in your editor (in Notepad: Save As, Encoding "UTF-8").',
    );
    expect(code).toBe(1);
  });
});

describe('FORMAT The portfolio: an ignored file is never read', () => {
  it('the warning about `Bolt.MD` prints no code frame of its content', async () => {
    const dir = await portfolio({ 'clients/acme.md': client(), 'clients/Bolt.MD': 'SECRET CONTENT\n' });
    const { stdout, stderr } = await run(['validate', '--as-of', '2026-12-01'], dir);
    expect(stdout + stderr).toContain('clients/Bolt.MD:1:1: warning: `Bolt.MD` is not read');
    expect(stdout + stderr).not.toContain('SECRET CONTENT');
  });
});
