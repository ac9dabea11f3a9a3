/** Rules that need the whole portfolio: unique ids and referrals that name a real client. */
import { DiagnosticSink, type Diagnostic } from '../diagnostics.ts';
import type { ClientFile } from '../load/client-file.ts';
import { locate } from '../load/yaml.ts';
import { didYouMean } from './suggest.ts';

export function checkCrossFile(files: readonly ClientFile[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byId = new Map<string, ClientFile[]>();
  for (const f of files) byId.set(f.id, [...(byId.get(f.id) ?? []), f]);

  for (const [id, group] of byId) {
    if (group.length < 2) continue;
    for (const f of group) {
      const others = group.filter((g) => g !== f).map((g) => g.file);
      out.push({
        file: f.file, line: 1, column: 1, endLine: 1, endColumn: 1,
        severity: 'error',
        code: 'duplicate-id',
        message: `The client id \`${id}\` is used by more than one file (also ${others.join(', ')}).`,
        hint: 'Ids are file names and must be unique across all subfolders: rename one of the files.',
      });
    }
  }

  const ids = [...byId.keys()];
  for (const f of files) {
    const ref = f.clean?.referred_by;
    if (typeof ref !== 'string' || ref === f.id || byId.has(ref) || !f.parsed || !f.source) continue;
    const at = locate(f.parsed, ['referred_by']);
    const suggestion = didYouMean(ref, ids);
    const sink = new DiagnosticSink(f.file, f.source.index);
    sink.add({
      start: f.yamlStart + at.start,
      end: f.yamlStart + at.end,
      code: 'unknown-client',
      message: `\`referred_by: ${ref}\` names no client of this portfolio${suggestion ? `. Did you mean \`${suggestion}\`?` : '.'}`,
      hint: 'Write the id of the referring client: its file name without .md. A referrer who is not a client goes in a note.',
    });
    out.push(...sink.items);
  }
  return out;
}
