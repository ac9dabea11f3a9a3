/** The commander program, built by a factory so tests can run it in-process. */
import { Command, Option } from 'commander';
import type { Io } from './io.ts';
import { due } from './commands/due.ts';
import { validate, type ValidateFormat } from './commands/validate.ts';

export interface CommandResult {
  exitCode: number;
}

const dirOption = () => new Option('--dir <path>', 'the portfolio folder').default('clients');
const asOfOption = () => new Option('--as-of <date>', 'compute as of this date (YYYY-MM-DD); default: today in the portfolio\'s time zone');

export function createProgram(io: Io, result: CommandResult): Command {
  const program = new Command('clientbook')
    .description("An IT consultant's clients as plain text in git: validate, what is due, and a private report site.")
    .version('0.1.0')
    .option('--debug', 'show stack traces of internal errors')
    .showHelpAfterError('(run `clientbook --help` for usage)')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
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
      run(() => validate(io, opts))(),
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
      run(() => due(io, opts))(),
    );

  for (const command of program.commands) command.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  return program;
}
