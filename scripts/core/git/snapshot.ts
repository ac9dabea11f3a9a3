/**
 * The client files of one version of the portfolio: a commit (one `ls-tree` and one `cat-file --batch`
 * per revision, never a process per file) or the working tree (read from disk). Files are listed with
 * their blob ids first, so that only files that differ between two versions need to be read and checked.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { readPortfolioFile } from '../load/read-file.ts';
import { listClientFiles } from '../load/walk.ts';
import { isClientPath } from './client-path.ts';
import { git, GitError, splitNul } from './run.ts';
import { portfolioPathspec, toPortfolioPath, type Repository } from './repository.ts';

export interface Snapshot {
  /** For messages: `main (1a2b3c4)`, `the working tree`. */
  label: string;
  /** The revision as given, or null for the working tree. */
  rev: string | null;
  /** The full commit id, or null for the working tree (and for the empty start of history). */
  commit: string | null;
  /** Client files by path relative to the portfolio folder, with their blob ids. */
  files: Map<string, string>;
  /** The bytes of some of the files. */
  read(paths: readonly string[]): Promise<Map<string, Uint8Array>>;
}

/** The full commit id of a revision; GitError `unknown-revision` when there is none. */
export async function resolveCommit(repo: Repository, rev: string): Promise<string> {
  const { stdout, code } = await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], {
    cwd: repo.root,
    okCodes: [1],
  });
  if (code !== 0) throw new GitError('unknown-revision', `Unknown revision \`${rev}\`.`);
  return stdout.toString('utf8').trim();
}

export const shortCommit = (commit: string) => commit.slice(0, 7);

/** The portfolio at a commit; `commit: null` is the empty portfolio before the first commit. */
export async function commitSnapshot(repo: Repository, rev: string | null, commit: string | null): Promise<Snapshot> {
  const files = new Map<string, string>();
  if (commit !== null) {
    const { stdout } = await git(['ls-tree', '-r', '-z', commit, '--', portfolioPathspec(repo)], { cwd: repo.root });
    for (const entry of splitNul(stdout.toString('utf8'))) {
      // `<mode> SP <type> SP <object> TAB <path>`; symbolic links (120000) are skipped, as on disk.
      const tab = entry.indexOf('\t');
      const [mode, type, oid] = entry.slice(0, tab).split(' ');
      const rel = toPortfolioPath(repo, entry.slice(tab + 1));
      if (type === 'blob' && mode !== '120000' && oid && rel !== undefined && isClientPath(rel)) files.set(rel, oid);
    }
  }
  return {
    label:
      commit === null
        ? 'the start of history'
        : rev === null || commit.startsWith(rev)
          ? shortCommit(commit)
          : `${rev} (${shortCommit(commit)})`,
    rev,
    commit,
    files,
    read: async (paths) => {
      const wanted = paths.filter((p) => files.has(p));
      const blobs = await readBlobs(repo, wanted.map((p) => files.get(p)!));
      return new Map(wanted.map((p, i) => [p, blobs[i]!]));
    },
  };
}

/** The portfolio as it is on disk, committed or not. A missing folder is an empty portfolio. */
export async function workingTreeSnapshot(repo: Repository, dir: string): Promise<Snapshot> {
  const rels = await listClientFiles(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const bytes = new Map<string, Uint8Array>();
  const files = new Map<string, string>();
  // Batches of 64 keep the number of open files low on a 10,000-client portfolio.
  for (let i = 0; i < rels.length; i += 64) {
    const batch = rels.slice(i, i + 64);
    // Never through a link, never a FIFO or a device: links are skipped as in a commit (above), and
    // what is not a regular file git does not hold either. `validate` reports each of them.
    const read = await Promise.all(batch.map((rel) => readPortfolioFile(path.join(dir, rel))));
    batch.forEach((rel, k) => {
      const got = read[k]?.bytes;
      if (!got) return;
      bytes.set(rel, got);
      files.set(rel, blobId(repo.objectFormat, got));
    });
  }
  return {
    label: 'the working tree',
    rev: null,
    commit: null,
    files,
    read: async (paths) => new Map(paths.filter((p) => bytes.has(p)).map((p) => [p, bytes.get(p)!])),
  };
}

/**
 * Git's own name for these bytes. Files whose line ends or filters differ from the committed blob
 * get another id and are compared in full: slower, never wrong.
 */
function blobId(format: string, bytes: Uint8Array): string {
  return createHash(format === 'sha256' ? 'sha256' : 'sha1')
    .update(`blob ${bytes.length}\0`)
    .update(bytes)
    .digest('hex');
}

/** The contents of many blobs from one `git cat-file --batch`. */
export async function readBlobs(repo: Repository, oids: readonly string[]): Promise<Uint8Array[]> {
  if (oids.length === 0) return [];
  const { stdout } = await git(['cat-file', '--batch'], { cwd: repo.root, input: `${oids.join('\n')}\n` });
  const out: Uint8Array[] = [];
  let at = 0;
  for (const oid of oids) {
    const eol = stdout.indexOf(0x0a, at);
    const header = stdout.subarray(at, eol).toString('utf8');
    const [, type, size] = header.split(' ');
    if (type === undefined || size === undefined) throw new GitError('failed', `git cat-file could not read ${oid}: ${header}`);
    const start = eol + 1;
    out.push(stdout.subarray(start, start + Number(size)));
    at = start + Number(size) + 1;
  }
  return out;
}
