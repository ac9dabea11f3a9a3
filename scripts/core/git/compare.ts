/**
 * Two versions of a portfolio, read from git (or the working tree), checked with the core and
 * compared client by client. Only the files that differ are read and checked; the others stand in by
 * their id, so cross-file rules (unique ids, referrals) still see the whole portfolio.
 */
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import { checkClientFile, type ClientFile } from '../validate/client-file.ts';
import { decodeSource, splitFrontMatter } from '../load/source.ts';
import type { Client } from '../model/client.ts';
import { diffPortfolios, type DiffSide, type InvalidFile, type PortfolioDiff } from '../model/diff.ts';
import { assemble } from '../portfolio.ts';
import { openPortfolioFolder } from '../portfolio-folder.ts';
import { SettingsError, settingsFailure, type Settings } from '../settings.ts';
import { clientIdOf } from './client-path.ts';
import { findRepository, toRepoPath, type Repository } from './repository.ts';
import { git, GitError } from './run.ts';
import { commitSnapshot, resolveCommit, shortCommit, workingTreeSnapshot, type Snapshot } from './snapshot.ts';

export interface CompareOptions {
  /** The portfolio folder (absolute, or relative to the process's working directory). */
  dir: string;
  /** A revision; default: where the current branch left the default branch (see `defaultBase`). */
  from?: string;
  /** A revision; default: the working tree. */
  to?: string;
  /** The folder as shown in messages (relative to the user's working directory); default: as given. */
  shown?: string;
}

export interface RevisionInfo {
  /** As given (`origin/main`), or null for the working tree. */
  rev: string | null;
  commit: string | null;
  label: string;
}

export interface Comparison {
  from: RevisionInfo;
  to: RevisionInfo;
  /** How the default FROM was chosen, when it was. */
  note?: string;
  settings: Settings;
  /** Client files in each version. */
  files: { from: number; to: number };
  diff: PortfolioDiff;
}

/** How many errors of a file that does not validate are shown. */
const SHOWN_ERRORS = 3;

export async function comparePortfolio(options: CompareOptions): Promise<Comparison> {
  const dir = path.resolve(options.dir);
  const repo = await findRepository(dir);
  // The folder may be gone from the working tree: it is compared with its past all the same.
  const { settings, asOf, settingsDiagnostics } = await openPortfolioFolder({ dir, cwd: dir, mayBeMissing: true });
  // Today and the locale come from the settings: never the defaults in place of settings that are there.
  const failure = settingsFailure(settingsDiagnostics.map((d) => ({ ...d, file: path.posix.join(options.shown ?? '.', d.file) })));
  if (failure) throw new SettingsError(failure);
  let note: string | undefined;
  let fromSnapshot: Snapshot;
  if (options.from !== undefined) {
    fromSnapshot = await commitSnapshot(repo, options.from, await resolveCommit(repo, options.from));
  } else {
    const base = await defaultBase(repo);
    note = base.note;
    fromSnapshot = await commitSnapshot(repo, base.rev, base.commit);
    if (base.label) fromSnapshot.label = base.label;
  }
  const toSnapshot =
    options.to !== undefined
      ? await commitSnapshot(repo, options.to, await resolveCommit(repo, options.to))
      : await workingTreeSnapshot(repo, dir);

  const changed = new Set<string>();
  for (const [rel, oid] of fromSnapshot.files) if (toSnapshot.files.get(rel) !== oid) changed.add(rel);
  for (const [rel, oid] of toSnapshot.files) if (fromSnapshot.files.get(rel) !== oid) changed.add(rel);
  const [fromBytes, toBytes] = await Promise.all([fromSnapshot.read([...changed]), toSnapshot.read([...changed])]);
  // Commitments live in the front matter: a file whose notes alone changed need not be checked.
  for (const rel of changed) {
    const a = fromBytes.get(rel);
    const b = toBytes.get(rel);
    const before = a && frontMatterOf(a);
    if (before !== undefined && b && before === frontMatterOf(b)) changed.delete(rel);
  }

  const side = (snapshot: Snapshot, bytes: ReadonlyMap<string, Uint8Array>): DiffSide => {
    const files: ClientFile[] = [...snapshot.files.keys()].map((rel) => {
      const display = toRepoPath(repo, rel);
      return changed.has(rel) ? checkClientFile(bytes.get(rel)!, rel, display, asOf) : standIn(rel, display);
    });
    const portfolio = assemble(dir, settings, asOf, files);
    const clients = new Map<string, Client>();
    for (const client of portfolio.clients) if (changed.has(client.relPath)) clients.set(client.id, client);
    const errorsByFile = new Map<string, Diagnostic[]>();
    for (const d of portfolio.diagnostics)
      if (d.severity === 'error') errorsByFile.set(d.file, [...(errorsByFile.get(d.file) ?? []), d]);
    const invalid: InvalidFile[] = [];
    for (const rel of snapshot.files.keys()) {
      const display = toRepoPath(repo, rel);
      const errors = errorsByFile.get(display);
      if (changed.has(rel) && errors)
        invalid.push({ id: clientIdOf(rel), file: display, errors: errors.length, diagnostics: errors.slice(0, SHOWN_ERRORS) });
    }
    return { clients, invalid };
  };
  const fromSide = side(fromSnapshot, fromBytes);
  const toSide = side(toSnapshot, toBytes);
  return {
    from: info(fromSnapshot),
    to: info(toSnapshot),
    ...(note ? { note } : {}),
    settings,
    files: { from: fromSnapshot.files.size, to: toSnapshot.files.size },
    diff: diffPortfolios(fromSide, toSide, settings.locale),
  };
}

const info = (s: Snapshot): RevisionInfo => ({ rev: s.rev, commit: s.commit, label: s.label });

/** An unchanged file, known by its id only: enough for the cross-file rules, never compared. */
const standIn = (relPath: string, file: string): ClientFile => ({
  id: clientIdOf(relPath),
  file,
  relPath,
  yamlStart: 0,
  extensions: {},
  body: '',
  bodyLine: 1,
  diagnostics: [],
});

/** The front matter's text, or undefined when the file cannot be split (it is then checked in full). */
function frontMatterOf(bytes: Uint8Array): string | undefined {
  const { source, sink } = decodeSource(bytes, '');
  return source && sink.items.length === 0 ? splitFrontMatter(source, sink)?.yaml : undefined;
}

/** Where a pull request would start from, in order of preference. */
const DEFAULT_BRANCHES = ['origin/HEAD', 'origin/main', 'origin/master', 'main', 'master'];

/**
 * The merge base of HEAD with the default branch: on a feature branch, the commit it branched
 * from; on the default branch itself with nothing to compare with, HEAD (so the working tree's
 * changes are shown). Before the first commit, the empty start of history.
 */
export async function defaultBase(
  repo: Repository,
): Promise<{ rev: string | null; commit: string | null; label?: string; note?: string }> {
  let head: string;
  try {
    head = await resolveCommit(repo, 'HEAD');
  } catch (error) {
    if (error instanceof GitError && error.kind === 'unknown-revision')
      return { rev: null, commit: null, note: 'No commit yet: every client counts as new.' };
    throw error;
  }
  for (const branch of DEFAULT_BRANCHES) {
    let tip: string;
    try {
      tip = await resolveCommit(repo, branch);
    } catch (error) {
      if (error instanceof GitError && error.kind === 'unknown-revision') continue;
      throw error;
    }
    const { stdout, code } = await git(['merge-base', head, tip], { cwd: repo.root, okCodes: [1] });
    if (code !== 0) continue;
    const base = stdout.toString('utf8').trim();
    return base === head
      ? { rev: 'HEAD', commit: head }
      : { rev: null, commit: base, label: `the merge base of HEAD and ${branch} (${shortCommit(base)})` };
  }
  return { rev: 'HEAD', commit: head, note: `No default branch (${DEFAULT_BRANCHES.join(', ')}) found: comparing with HEAD.` };
}
