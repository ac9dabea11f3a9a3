/** The commander program, built by a factory so tests can run it in-process. */
import { Command, Option } from 'commander';
import { UserError } from './errors.ts';
import type { Io } from './io.ts';
import { printable } from '#core/text/printable';
import type { ValidateFormat } from './commands/validate.ts';
import { CADENCES, type Cadence } from '#core/schema/meetings';
import { OUTLOOKS, type Outlook } from '#core/schema/growth';
import { clientbookVersion } from '#core/version';

// Each command's module is imported only when it runs, so `validate` never loads Astro, chokidar
// or the git code: start-up time is part of every command's cost.
const commands = {
  build: () => import('./commands/build.ts'),
  due: () => import('./commands/due.ts'),
  validate: () => import('./commands/validate.ts'),
  diff: () => import('./commands/diff.ts'),
  hooks: () => import('./commands/hooks.ts'),
  dev: () => import('./commands/dev.ts'),
  add: () => import('./commands/add.ts'),
  done: () => import('./commands/done.ts'),
  met: () => import('./commands/met.ts'),
  new: () => import('./commands/new.ts'),
  note: () => import('./commands/note.ts'),
  init: () => import('./commands/init.ts'),
  import: () => import('./commands/import.ts'),
};

export interface CommandResult {
  exitCode: number;
}

const dirOption = () => new Option('--dir <path>', 'the portfolio folder').default('clients');
const asOfOption = () => new Option('--as-of <date>', 'compute as of this date (YYYY-MM-DD); default: today in the portfolio\'s time zone');

export function createProgram(io: Io, result: CommandResult): Command {
  // Commander's errors quote the arguments, which a script may have taken from a file.
  const output = { writeOut: io.stdout, writeErr: (text: string) => io.stderr(printable(text, { newlines: true })) };
  const program = new Command('clientbook')
    .description("An IT consultant's clients as plain text in git: validate, what is due, and a private report site.")
    .version(clientbookVersion())
    .option('--debug', 'show stack traces of internal errors')
    .showHelpAfterError('(run `clientbook --help` for usage)')
    .configureOutput(output)
    .exitOverride();

  const run = (fn: () => Promise<number>) => async () => {
    result.exitCode = await fn();
  };

  program
    .command('validate')
    .description('check every client file, like a compiler')
    .addOption(dirOption())
    .addOption(asOfOption())
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'github']).default('text'))
    .action(async (opts: { dir: string; asOf?: string; format: ValidateFormat }) =>
      run(async () => (await commands.validate()).validate(io, opts))(),
    );

  program
    .command('due')
    .description('what is due: overdue, today and upcoming items')
    .addOption(dirOption())
    .addOption(asOfOption())
    .option('--within <days>', 'days ahead that count as upcoming (default: the portfolio setting, 30)')
    .option('--all', 'also list items beyond the window')
    .option('--json', 'print JSON for other tools')
    .action(async (opts: { dir: string; asOf?: string; within?: string; all?: boolean; json?: boolean }) =>
      run(async () => (await commands.due()).due(io, opts))(),
    );

  program
    .command('build')
    .description('validate, then build the private report site (refuses a portfolio with errors)')
    .addOption(dirOption())
    .addOption(asOfOption())
    .option('--out <path>', 'the folder to build the site into', 'dist')
    .option('--encrypt', 'encrypt every page with a passphrase (CLIENTBOOK_PASSWORD, or asked): a site for any public host')
    .action(async (opts: { dir: string; asOf?: string; out: string; encrypt?: boolean }) =>
      run(async () => {
        const askSecret = process.stdin.isTTY ? (await import('./ask-secret.ts')).askSecret : undefined;
        return (await commands.build()).build(io, { ...opts, askSecret });
      })(),
    )

  const onOption = () => new Option('--on <date>', "the day it happened (YYYY-MM-DD); default: today in the portfolio's time zone");
  const clientArgument = '<client>';
  const clientHelp = "the client's id (file name without .md), or a unique beginning of its id or name";

  program
    .command('new')
    .description('add a client: a new file from the template, with a valid id; prints its path')
    .argument('<name>', "the client's name, in quotes")
    .addOption(dirOption())
    .option('--type <type>', 'basic, strategic or break-fix (default: the template\'s)')
    .option('--id <id>', 'the client id (file name) when the name cannot give one')
    .action(async (name: string, opts: { dir: string; type?: string; id?: string }) => run(async () => (await commands.new()).newClient(io, name, opts))());

  const nextOptions = (command: Command) =>
    command
      .option('--next <title>', 'also add the follow-up action, in the same edit')
      .option('--next-due <date>', 'the follow-up action\'s due date (YYYY-MM-DD)');
  type NextOpts = { next?: string; nextDue?: string };

  nextOptions(
    program
      .command('done')
      .description('complete any due item: an action (a recurring one moves to its next due date), an asset\'s expiry (moved by `renew`, or to --until) or replacement (retired), the meeting, the outlook check')
      .argument(clientArgument, clientHelp)
      .argument('<item>', 'an action\'s title, an asset\'s name, "meeting" or "outlook", or the title `due` prints; or a unique beginning of it')
      .addOption(dirOption())
      .addOption(onOption())
      .option('--until <date>', 'an asset\'s new expiry date (required for an asset without `renew`)')
      .addOption(new Option('--outlook <outlook>', 'with the outlook check: the outlook the client gave').choices(OUTLOOKS)),
  ).action(async (client: string, item: string, opts: { dir: string; on?: string; until?: string; outlook?: Outlook } & NextOpts) =>
    run(async () => (await commands.done()).done(io, client, item, opts))(),
  );

  program
    .command('add')
    .description('add an action (the next step) to a client, in the style its list is written in')
    .argument(clientArgument, clientHelp)
    .argument('<title>', 'what to do, in quotes')
    .addOption(dirOption())
    .addOption(onOption())
    .option('--due <date>', 'when (YYYY-MM-DD)')
    .option('--every <interval>', 'it recurs, e.g. "1 year" (needs --due)')
    .option('--notice <interval>', 'show it as upcoming this long before it is due, e.g. "60 days"')
    .option('--note <text>', 'a note on the action')
    .action(async (client: string, title: string, opts: { dir: string; on?: string; due?: string; every?: string; notice?: string; note?: string }) =>
      run(async () => (await commands.add()).add(io, client, title, opts))(),
    );

  nextOptions(
    program
      .command('note')
      .description('add a dated note to the client\'s file (`## YYYY-MM-DD Title`)')
      .argument(clientArgument, clientHelp)
      .argument('<text>', 'what happened, in quotes')
      .addOption(dirOption())
      .addOption(onOption())
      .option('--title <title>', "the note's heading (default: its first words)"),
  ).action(async (client: string, text: string, opts: { dir: string; on?: string; title?: string } & NextOpts) => run(async () => (await commands.note()).note(io, client, text, opts))());

  nextOptions(
    program
      .command('met')
      .description('record a meeting with the client (`meetings.last`)')
      .argument(clientArgument, clientHelp)
      .addOption(dirOption())
      .addOption(onOption())
      .addOption(new Option('--cadence <cadence>', 'also set the meeting rhythm').choices(CADENCES)),
  ).action(async (client: string, opts: { dir: string; on?: string; cadence?: Cadence } & NextOpts) => run(async () => (await commands.met()).met(io, client, opts))());

  program
    .command('diff')
    .description('what changed in client commitments between two git revisions, as Markdown for a pull request')
    .argument('[from]', 'a branch, tag or commit (default: where this branch left the default branch)')
    .argument('[to]', 'a branch, tag or commit (default: the working tree)')
    .addOption(dirOption())
    .option('--json', 'print JSON for other tools')
    .action(async (from: string | undefined, to: string | undefined, opts: { dir: string; json?: boolean }) =>
      run(async () => (await commands.diff()).diff(io, from, to, opts))(),
    );

  program
    .command('init')
    .description('start a client book of your own: a new repository that depends on clientbook')
    .argument('[dir]', 'the folder to create it in (new or empty; default: this folder)')
    .option('--title <title>', "the report site's title (default: Client book)")
    .option('--time-zone <zone>', "the IANA time zone of \"today\" (default: this computer's)")
    .option('--currency <code>', "the ISO 4217 code of costs (default: the locale's region's)")
    .option('--locale <tag>', "the language and region of dates and amounts (default: this computer's)")
    .option('--empty', 'no example client')
    .option('--force', 'add the files to a folder that has files (never over a file)')
    .option('--no-git', 'no git repository, first commit or pre-commit hook')
    .option('-y, --yes', 'take the defaults without asking, even on a terminal')
    .action(async (dir: string | undefined, opts: { title?: string; timeZone?: string; currency?: string; locale?: string; empty?: boolean; force?: boolean; git: boolean; yes?: boolean }) =>
      run(async () => {
        const { init } = await commands.init();
        const ask = opts.yes ? undefined : await terminalAsker();
        try {
          return await init(io, dir, { ...opts, ...(ask ? { ask: ask.ask } : {}) });
        } finally {
          ask?.close();
        }
      })(),
    );

  program
    .command('import')
    .description('add clients from a spreadsheet export (CSV): one client file per row')
    .argument('<file>', 'the CSV file (UTF-8 with or without BOM, Windows-1252 or UTF-16, as Excel saves it)')
    .addOption(dirOption())
    .addOption(new Option('--map <column=field>', 'put a column into a field (name, contact, contact-first, contact-last, email, phone, type, since, location, notes, ignore); repeat it').argParser((v: string, previous: string[] = []) => [...previous, v]))
    .option('--type <type>', 'the type of clients whose row gives none: basic, strategic or break-fix (default basic)')
    .option('--dry-run', 'show how the columns are read and the first files; write nothing')
    .action(async (file: string, opts: { dir: string; map?: string[]; type?: string; dryRun?: boolean }) =>
      run(async () => (await commands.import()).importCsv(io, file, opts))(),
    );

  const hooks = program.command('hooks').description('git hooks for the portfolio');
  hooks
    .command('install')
    .description('install a pre-commit hook that validates the portfolio before each commit that changes it')
    .addOption(dirOption())
    .option('--force', 'replace a pre-commit hook that is not clientbook\'s (it is kept as pre-commit.backup)')
    .action(async (opts: { dir: string; force?: boolean }) => run(async () => (await commands.hooks()).hooksInstall(io, opts))());
  for (const command of hooks.commands) command.exitOverride().configureOutput(output);

  program
    .command('dev')
    .description('the site on localhost with live reload; diagnostics re-printed on every save')
    .addOption(dirOption())
    .addOption(asOfOption())
    .option('--port <port>', 'the port to serve on (default: 4321, or the next free one)')
    .option('--host [host]', 'listen on all addresses, or on this one (default: localhost only)')
    .option('--no-site', 'only watch the portfolio and re-print its diagnostics')
    .action(async (opts: { dir: string; asOf?: string; port?: string; host?: string | boolean; site: boolean }) => run(async () => (await commands.dev()).dev(io, opts))());

  for (const command of program.commands) command.exitOverride().configureOutput(output);
  return program;
}

/**
 * Questions on the terminal, when both ends of it are one; undefined otherwise (the defaults are
 * taken). Answers typed ahead are kept for the questions that follow; Ctrl+D or Ctrl+C stops before
 * anything is written.
 */
async function terminalAsker(): Promise<{ ask: (question: string, answer: string) => Promise<string>; close: () => void } | undefined> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) return undefined;
  const { createInterface } = await import('node:readline');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  rl.on('SIGINT', () => rl.close());
  const lines = rl[Symbol.asyncIterator]();
  return {
    ask: async (question, answer) => {
      process.stdout.write(answer ? `${question} (${answer}): ` : `${question} `);
      const next = await lines.next();
      if (next.done) {
        process.stdout.write('\n');
        throw new UserError('Stopped: nothing was written.', { hint: 'Run it again, or give every setting as a flag (--currency CAD --locale en-CA) with --yes.' });
      }
      return next.value;
    },
    close: () => rl.close(),
  };
}
