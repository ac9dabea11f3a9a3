/**
 * The "Errors and warnings" section of docs/format.md, from the catalogue of diagnostic codes:
 * `npm run docs` writes it; tests/docs/diagnostic-codes.test.ts fails when it is out of date.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { CODE_GROUPS, DIAGNOSTIC_CODES, type CodeGroup, type CodeInfo } from '#core/diagnostics/codes';

export const FORMAT_DOC = fileURLToPath(new URL('../../docs/format.md', import.meta.url));

const BEGIN = '<!-- generated from scripts/core/diagnostics/codes.ts by `npm run docs`: edit there -->';
const END = '<!-- end of generated codes -->';

/** The generated list: one entry per code, grouped as the catalogue groups them. */
export function codesMarkdown(): string {
  const entries = Object.entries(DIAGNOSTIC_CODES) as [string, CodeInfo][];
  const groups = Object.entries(CODE_GROUPS) as [CodeGroup, string][];
  const sections = groups.map(([group, heading]) => {
    const items = entries
      .filter(([, info]) => info.group === group)
      .map(([code, info]) => `- \`${code}\` (${info.severity}): **${info.title}.** ${info.why}\n  Fix: ${info.fix}`);
    return `### ${heading}\n\n${items.join('\n')}`;
  });
  return `${BEGIN}\n\n${sections.join('\n\n')}\n\n${END}`;
}

/** docs/format.md with the generated list in place of the old one. */
export function withCodes(doc: string): string {
  const begin = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (begin === -1 || end < begin) throw new Error(`${FORMAT_DOC} has no generated codes section (${BEGIN} ... ${END}).`);
  return `${doc.slice(0, begin)}${codesMarkdown()}${doc.slice(end + END.length)}`;
}

if (import.meta.main) {
  const doc = await readFile(FORMAT_DOC, 'utf8');
  const next = withCodes(doc);
  if (next !== doc) await writeFile(FORMAT_DOC, next);
  process.stdout.write(next === doc ? 'docs/format.md is up to date.\n' : 'Wrote the codes of docs/format.md.\n');
}
