/**
 * Each client file's git history, from ONE `git log` over the portfolio folder (not a process per
 * file), following renames.
 *
 * Decisions:
 * - A date is the calendar day of the author time in the portfolio's time zone, the zone in which
 *   "today" and every report is reckoned; the exact time with the author's own offset is kept too.
 * - A file with uncommitted changes was changed on the day it was last saved (its mtime, in the
 *   portfolio's time zone): its history starts with an `uncommitted` entry and `lastChanged` is that day.
 * - Renames are followed newest to oldest: a rename maps the old path to the client now at the new
 *   path. A rename made on a branch while the old path was edited on another is followed as well
 *   (every rename in the log is known before the walk), and so is a file that left and came back under
 *   the same name, because a client's id is its file name.
 * - In a shallow clone the boundary commit lists every file as added; that is not a change, so it is
 *   left out and the history says it is incomplete.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { compareDates, Temporal, today as todayIn, type PlainDate } from '../dates.ts';
import { PortfolioNotFoundError } from '../errors.ts';
import { openPortfolioFolder, type PortfolioFolder } from '../portfolio-folder.ts';
import { clientIdOf, isClientPath } from './client-path.ts';
import { readLog, type FileChange, type LogCommit } from './log.ts';
import { findRepository, toPortfolioPath, toRepoPath, type Repository } from './repository.ts';
import { GitError } from './run.ts';
import { readWorkingChanges } from './status.ts';

export interface HistoryEntry {
  /** Full commit hash; absent for changes not committed yet. */
  commit?: string;
  /** The day of the change in the portfolio's time zone. */
  date: PlainDate;
  /** Author time, ISO 8601 with the author's own offset; absent for uncommitted changes. */
  time?: string;
  /** Author name (after .mailmap); '' for uncommitted changes. */
  author: string;
  /** The commit's subject line, or what the uncommitted state is. */
  subject: string;
  change: FileChange | 'uncommitted';
  /** Repository path of the file in this change. */
  path: string;
  /** Repository path before a rename. */
  from?: string;
}

export interface History {
  /** False outside a git repository or without git: the site builds all the same, without history. */
  available: boolean;
  /** A sentence for the page when history is missing or incomplete. */
  reason?: string;
  /** History stops at a shallow clone's boundary. */
  shallow: boolean;
  /** Newest first, by client id; clients whose file was never committed have only an `uncommitted` entry. */
  byClient: Map<string, HistoryEntry[]>;
  /** The day each client's file last changed (committed or not). */
  lastChanged: Map<string, PlainDate>;
}

export interface HistoryOptions {
  /** IANA zone of the dates; default: the portfolio's `time_zone` setting. */
  timeZone?: string;
  /** Latest day an uncommitted change can have (a clock set wrong); default: today in the time zone. */
  today?: PlainDate;
}

const unavailable = (reason: string): History => ({
  available: false,
  reason,
  shallow: false,
  byClient: new Map(),
  lastChanged: new Map(),
});

/** The history of every client file in the portfolio folder `dir`. Never throws for a missing repository or git. */
export async function readHistory(dir: string, options: HistoryOptions = {}): Promise<History> {
  const folder = path.resolve(dir);
  let opened: PortfolioFolder;
  try {
    opened = await openPortfolioFolder({ dir: folder, cwd: folder });
  } catch (error) {
    if (!(error instanceof PortfolioNotFoundError)) throw error;
    return unavailable(`History is not shown: the portfolio folder ${folder} cannot be read.`);
  }
  const timeZone = options.timeZone ?? opened.settings.timeZone;
  const current = opened.relPaths;
  let repo: Repository;
  let commits: LogCommit[];
  let changes: Awaited<ReturnType<typeof readWorkingChanges>>;
  let boundary: Set<string>;
  try {
    repo = await findRepository(folder);
    [commits, changes, boundary] = await Promise.all([readLog(repo), readWorkingChanges(repo), readShallowBoundary(repo)]);
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    return unavailable(reasonFor(error));
  }

  const currentIds = new Map<string, string>();
  const alias = new Map<string, string>();
  for (const rel of current) {
    const id = clientIdOf(rel);
    alias.set(toRepoPath(repo, rel), id);
    currentIds.set(id, id);
  }
  const renamedTo = new Map<string, string>();
  for (const commit of commits)
    for (const file of commit.files) if (file.from !== undefined && !renamedTo.has(file.from)) renamedTo.set(file.from, file.path);

  const clientAt = (repoPath: string): string | undefined => {
    const known = alias.get(repoPath);
    if (known !== undefined) return known;
    // A rename seen later in the walk (made on another branch) still leads to the current file.
    const seen = new Set<string>();
    for (let p = renamedTo.get(repoPath); p !== undefined && !seen.has(p); p = renamedTo.get(p)) {
      seen.add(p);
      const id = alias.get(p);
      if (id !== undefined) return id;
    }
    const rel = toPortfolioPath(repo, repoPath);
    return rel !== undefined && isClientPath(rel) ? currentIds.get(clientIdOf(rel)) : undefined;
  };

  const byClient = new Map<string, HistoryEntry[]>();
  const push = (id: string, entry: HistoryEntry) => {
    const list = byClient.get(id);
    if (list) list.push(entry);
    else byClient.set(id, [entry]);
  };
  const today = options.today ?? todayIn(timeZone);

  await Promise.all(
    changes.map(async (change) => {
      const id = alias.get(change.path);
      if (id === undefined) return;
      const mtime = await stat(path.join(repo.root, change.path)).then((s) => s.mtimeMs, () => Date.now());
      const saved = Temporal.Instant.fromEpochMilliseconds(Math.floor(mtime)).toZonedDateTimeISO(timeZone).toPlainDate();
      push(id, {
        date: compareDates(saved, today) > 0 ? today : saved,
        author: '',
        subject: change.untracked ? 'Not committed yet' : 'Changed since the last commit',
        change: 'uncommitted',
        path: change.path,
      });
    }),
  );

  let truncated = false;
  for (const commit of commits) {
    if (boundary.has(commit.hash)) {
      truncated = true;
      continue;
    }
    let date: PlainDate | undefined;
    for (const file of commit.files) {
      const id = clientAt(file.path);
      if (id === undefined) continue;
      date ??= Temporal.Instant.from(commit.time).toZonedDateTimeISO(timeZone).toPlainDate();
      push(id, {
        commit: commit.hash,
        date,
        time: commit.time,
        author: commit.author,
        subject: commit.subject,
        change: file.change,
        path: file.path,
        ...(file.from !== undefined ? { from: file.from } : {}),
      });
      // Before this commit, the client lived at the old path.
      if (file.from !== undefined) alias.set(file.from, id);
    }
  }

  const lastChanged = new Map<string, PlainDate>();
  for (const [id, entries] of byClient) {
    let latest = entries[0]!.date;
    for (const e of entries) if (compareDates(e.date, latest) > 0) latest = e.date;
    lastChanged.set(id, latest);
  }
  return {
    available: true,
    ...(truncated || repo.shallow
      ? { reason: 'History is incomplete: this is a shallow clone. Clone with full history (in GitHub Actions: `fetch-depth: 0`) to see all of it.' }
      : {}),
    shallow: repo.shallow,
    byClient,
    lastChanged,
  };
}

async function readShallowBoundary(repo: Repository): Promise<Set<string>> {
  if (!repo.shallow) return new Set();
  const text = await readFile(repo.shallowFile, 'utf8').catch(() => '');
  return new Set(text.split('\n').filter(Boolean));
}

function reasonFor(error: GitError): string {
  switch (error.kind) {
    case 'not-installed':
      return 'History is not shown: git is not installed on the computer that built this site.';
    case 'not-a-repository':
      return 'History is not shown: the portfolio is not in a git repository. Commit it to git to see who changed each client, and when.';
    default:
      return `History is not shown: ${error.message}`;
  }
}
