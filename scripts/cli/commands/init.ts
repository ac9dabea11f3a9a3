/**
 * `clientbook init [DIR]`: a new client book, a repository of its own that depends on clientbook
 * (DESIGN.md "A client book of your own"). It writes into a new or empty folder only; with --force
 * it adds what is missing beside what is there and never writes over a file.
 */
import { lstat, mkdir, readdir, readlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { BOOK_CLIENTS, EXAMPLE_ID, bookFiles, toolPackage, type BookFile, type BookSettings } from '#core/book/new-book';
import { currencyFor, machineLocale, machineTimeZone } from '#core/book/machine-defaults';
import { isValidTimeZone, today } from '#core/dates';
import { installPreCommitHook } from '#core/git/hooks';
import { git, GitError } from '#core/git/run';
import { checkClientFile } from '#core/validate/client-file';
import { settingsSchema } from '#core/settings';
import { printable } from '#core/text/printable';
import { UserError } from '../errors.ts';
import { paint, type Io } from '../io.ts';

export interface InitOptions {
  title?: string;
  timeZone?: string;
  currency?: string;
  locale?: string;
  /** Without the example client. */
  empty?: boolean;
  /** Add the book's files to a folder that has files (never over one). */
  force?: boolean;
  /** `--no-git`: neither `git init`, the first commit nor the hook. */
  git?: boolean;
  /** Asks a question on the terminal (undefined when not on one: the defaults are taken). */
  ask?: (question: string, answer: string) => Promise<string>;
}

const DEFAULT_TITLE = 'Client book';

export async function init(io: Io, dirArg: string | undefined, options: InitOptions): Promise<number> {
  const p = paint(io.color);
  const root = path.resolve(io.cwd, dirArg ?? '.');
  const shown = printable(path.relative(io.cwd, root) || '.');
  const present = await existingEntries(root, shown, io);
  if (present.length > 0 && !options.force)
    throw new UserError(`${shown} already has files (${printable(listSome(present))}): a new client book goes into a new or empty folder. Nothing was written.`, {
      hint: `Name a new folder, e.g. \`clientbook init my-client-book\`; or add the book's files beside these with --force (no file is written over).`,
    });

  const settings = await settingsFor(options);
  const tool = await toolPackage();
  const files = await bookFiles({ folderName: path.basename(root), settings, empty: !!options.empty, today: today(settings.timeZone) }, tool);
  checkFiles(files, settings);

  // With --force: what is there stays. A book that has clients needs no example.
  const existingClients = options.force ? await clientIdsIn(path.join(root, BOOK_CLIENTS)) : new Set<string>();
  const written: string[] = [];
  const kept: string[] = [];
  for (const file of files) {
    if (file.client && existingClients.size > 0) {
      kept.push(`${file.path} (the book has clients already${existingClients.has(EXAMPLE_ID) ? ', one with this id' : ''})`);
      continue;
    }
    const target = path.join(root, ...file.path.split('/'));
    const cannot = (error: unknown, what: string) =>
      new UserError(`${shown === '.' ? '' : `${shown}/`}${what} (${(error as NodeJS.ErrnoException).code ?? String(error)})${written.length ? `; written before it: ${written.join(', ')}` : ''}.`, {
        hint: 'Move what is in the way or make the folder writable (or name another folder), then run init again: files already there are kept.',
      });
    try {
      // A file where the book needs a folder (`clients` a file) fails here, with EEXIST or ENOTDIR.
      await mkdir(path.dirname(target), { recursive: true });
    } catch (error) {
      throw cannot(error, `${path.posix.dirname(file.path)} cannot be made a folder for ${file.path}`);
    }
    try {
      // `wx`: never over a file, even one that appeared since the folder was looked at.
      await writeFile(target, file.text, { flag: 'wx' });
      written.push(file.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw cannot(error, `${file.path} could not be written`);
      kept.push(`${file.path} (already there)`);
    }
  }

  io.stdout(`${p.green('Created')} the client book ${shown === '.' ? 'here' : shown}:\n`);
  for (const file of written) io.stdout(`  ${file}\n`);
  for (const file of kept) io.stdout(`  ${p.yellow('kept')} ${file}\n`);
  io.stdout(`  Settings: ${settings.title}; time zone ${settings.timeZone}, currency ${settings.currency}, locale ${settings.locale} (${BOOK_CLIENTS}/clientbook.yaml).\n`);

  let failed: UserError | undefined;
  if (options.git !== false) failed = await firstCommit(io, root, shown, written);

  const cd = shown === '.' ? '' : `cd ${/^[\w./-]+$/.test(shown) ? shown : JSON.stringify(shown)}\n  `;
  io.stdout(
    `\nNext:\n  ${cd}npm install          # clientbook ${tool.version} and the Node it runs on\n` +
      (options.git !== false ? '  git add package-lock.json && git commit -m "Lock clientbook"   # the workflow installs it with npm ci\n' : '') +
      '  npx clientbook due   # the agenda\n' +
      '  npm run build        # the report site, in dist/\n' +
      `The book's README.md lists the daily commands.\n`,
  );
  if (failed) throw failed;
  return 0;
}

/** What the folder holds (a lone `.git`, an empty clone, counts as empty); [] when it does not exist. */
async function existingEntries(root: string, shown: string, io: Io): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(root);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      // A symbolic link to nothing: making the folder would fail on it.
      const link = await lstat(root).catch(() => undefined);
      if (link?.isSymbolicLink())
        throw new UserError(`${shown} is a symbolic link to ${printable(await readlink(root))}, which does not exist.`, {
          hint: 'Make the folder it points to first, or name a new folder for the client book.',
        });
      return [];
    }
    if (code === 'ENOTDIR') {
      const file = printable(await fileAbove(root, io.cwd));
      throw new UserError(file === shown ? `${shown} is a file, not a folder.` : `${shown} cannot be a folder: ${file} is a file.`, { hint: 'Name a new folder for the client book.' });
    }
    throw new UserError(`${shown} cannot be read (${code ?? String(error)}).`);
  }
  return entries.filter((e) => e !== '.git').sort();
}

/** The nearest of `target` and its parents that exists, as shown to the user: the file in the way. */
async function fileAbove(target: string, cwd: string): Promise<string> {
  for (let at = target; ; at = path.dirname(at)) {
    if ((await lstat(at).catch(() => undefined)) !== undefined || path.dirname(at) === at) return path.relative(cwd, at) || '.';
  }
}

const listSome = (names: string[]) => (names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`);

async function clientIdsIn(dir: string): Promise<Set<string>> {
  const ids = new Set<string>();
  const walk = async (folder: string) => {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name.startsWith('_')) continue;
      if (entry.isDirectory()) await walk(path.join(folder, entry.name));
      else if (entry.name.endsWith('.md')) ids.add(entry.name.slice(0, -3));
    }
  };
  await walk(dir);
  return ids;
}

/** The settings from the flags, else asked on a terminal, else the machine's. Bad values are bad usage. */
async function settingsFor(options: InitOptions): Promise<BookSettings> {
  const locale = await value('locale', options.locale, machineLocale(), options.ask, checkLocale);
  const currency = await value('currency', options.currency, currencyFor(locale), options.ask, checkCurrency);
  const timeZone = await value('time zone', options.timeZone, machineTimeZone(), options.ask, checkTimeZone);
  const title = await value('title', options.title, DEFAULT_TITLE, options.ask, checkTitle);
  return { title, timeZone, currency, locale };
}

type Check = (value: string) => { ok: string } | { problem: string; hint: string; flag: string };

async function value(what: string, given: string | undefined, fallback: string, ask: InitOptions['ask'], check: Check): Promise<string> {
  if (given !== undefined) {
    const result = check(given);
    if ('ok' in result) return result.ok;
    throw new UserError(`${result.flag} ${JSON.stringify(given)}: ${result.problem}`, { exitCode: 2, hint: result.hint });
  }
  if (!ask) return fallback;
  for (;;) {
    const answer = (await ask(`${what[0]!.toUpperCase()}${what.slice(1)}`, fallback)).trim();
    const result = check(answer === '' ? fallback : answer);
    if ('ok' in result) return result.ok;
    await ask(`  ${result.problem} ${result.hint} (press Enter)`, '');
  }
}

const checkTitle: Check = (v) =>
  v.trim() !== '' && !/[\u0000-\u001f\u007f]/.test(v)
    ? { ok: v.trim() }
    : { flag: '--title', problem: 'the title must be one line of text.', hint: 'e.g. --title "Northern Lights IT — client book"' };
const checkCurrency: Check = (v) =>
  /^[A-Za-z]{3}$/.test(v.trim())
    ? { ok: v.trim().toUpperCase() }
    : { flag: '--currency', problem: 'not a three-letter ISO 4217 currency code.', hint: 'e.g. --currency CAD, USD or EUR.' };
const checkTimeZone: Check = (v) =>
  isValidTimeZone(v.trim())
    ? { ok: v.trim() }
    : { flag: '--time-zone', problem: 'not an IANA time zone.', hint: 'e.g. --time-zone America/Whitehorse, Europe/Berlin or UTC.' };
const checkLocale: Check = (v) => {
  try {
    const [canonical] = Intl.getCanonicalLocales(v.trim());
    if (canonical) return { ok: canonical };
  } catch {
    // falls through to the problem
  }
  return { flag: '--locale', problem: 'not a BCP 47 language tag.', hint: 'e.g. --locale en-CA, en-US or de-DE.' };
};

/** What clientbook writes must pass its own validator; anything else is a bug of clientbook. */
function checkFiles(files: BookFile[], settings: BookSettings): void {
  const settingsFile = files.find((f) => f.path === `${BOOK_CLIENTS}/clientbook.yaml`)!;
  const parsed = settingsSchema.safeParse(parse(settingsFile.text));
  if (!parsed.success) throw new Error(`the new clientbook.yaml does not validate: ${parsed.error.message}`);
  for (const file of files.filter((f) => f.client)) {
    const asOf = today(settings.timeZone);
    const checked = checkClientFile(new TextEncoder().encode(file.text), file.path, file.path, asOf);
    const problems = checked.diagnostics;
    if (problems.length > 0) throw new Error(`the example client does not validate: ${problems.map((d) => `${d.line}:${d.column} ${d.message}`).join('; ')}`);
  }
}

/**
 * `git init`, the first commit and the pre-commit hook, in a folder that is in no repository yet (a
 * book inside another repository is that repository's to commit). Returns the error to report
 * after the rest, when git could not do its part: the files are written either way.
 */
async function firstCommit(io: Io, root: string, shown: string, written: string[]): Promise<UserError | undefined> {
  try {
    const inside = await git(['rev-parse', '--show-toplevel'], { cwd: root, okCodes: [128] });
    const top = inside.code === 0 ? path.resolve(inside.stdout.toString('utf8').trim()) : undefined;
    if (top !== undefined && top !== root) {
      io.stdout(`The folder is inside the git repository ${path.relative(io.cwd, top) || '.'}: commit the new files there yourself.\n`);
      return undefined;
    }
    if (top === undefined) await git(['init', '-q', '-b', 'main'], { cwd: root });
    const hasCommit = (await git(['rev-parse', '--verify', '--quiet', 'HEAD'], { cwd: root, okCodes: [1] })).code === 0;
    if (!hasCommit && written.length > 0) {
      await git(['add', '--', ...written], { cwd: root });
      try {
        await git(['commit', '-q', '--no-verify', '-m', 'A new client book (clientbook init)'], { cwd: root });
      } catch (error) {
        if (!(error instanceof GitError)) throw error;
        const identity = /user\.email|user\.name|identity/i.test(error.detail);
        return new UserError(`The book was written and its repository made, but the first commit failed${identity ? ': git does not know who you are.' : `: ${error.message}`}`, {
          hint: identity
            ? `Tell git your name and e-mail (git config --global user.name "Your Name"; git config --global user.email you@example.com), then commit: cd ${shown} && git commit -m "A new client book"`
            : `Commit the files yourself: cd ${shown} && git commit -m "A new client book"`,
        });
      }
      io.stdout(`Made the git repository and its first commit (branch main).\n`);
    } else if (hasCommit && written.length > 0) {
      io.stdout('The repository has commits already: commit the new files yourself.\n');
    }
    // The book's own clientbook, once installed (not the one running now, which may be npx's copy).
    const hook = await installPreCommitHook({ dir: path.join(root, BOOK_CLIENTS), command: ['npx', '--no-install', 'clientbook'] });
    if (hook.status === 'exists') io.stdout(`The repository has a pre-commit hook that is not clientbook's: ${path.relative(io.cwd, hook.hook)} (kept).\n`);
    else io.stdout(`Installed the pre-commit hook: it validates ${BOOK_CLIENTS}/ before each commit that changes it (once \`npm install\` has run).\n`);
    return undefined;
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    return new UserError(`The book was written, but git could not set up its repository: ${error.message}`, {
      hint: error.kind === 'not-installed' ? 'Install git, then run `git init` and commit the files.' : 'Run `git init` in the book and commit the files yourself.',
    });
  }
}
