/** Rules that need the whole portfolio: unique ids and referrals that name a real client. */
import type { Diagnostic } from '../diagnostics.ts';
import type { ClientFile } from './client-file.ts';
import { didYouMean } from './suggest.ts';

export function checkCrossFile(files: readonly ClientFile[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byId = new Map<string, ClientFile[]>();
  for (const f of files) {
    const group = byId.get(f.id);
    if (group) group.push(f);
    else byId.set(f.id, [f]);
  }

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

  let ids: string[] | undefined;
  for (const f of files) {
    const ref = f.referredBy;
    if (!ref || ref.id === f.id || byId.has(ref.id)) continue;
    const suggestion = didYouMean(ref.id, (ids ??= [...byId.keys()]));
    out.push({
      file: f.file,
      line: ref.start.line,
      column: ref.start.column,
      endLine: ref.end.line,
      endColumn: ref.end.column,
      severity: 'error',
      code: 'unknown-client',
      message: `\`referred_by: ${ref.id}\` names no client of this portfolio${suggestion ? `. Did you mean \`${suggestion}\`?` : '.'}`,
      hint: 'Write the id of the referring client: its file name without .md. A referrer who is not a client goes in a note.',
    });
  }
  return out;
}
