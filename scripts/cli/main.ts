/** The only place that turns results into exit codes and errors into messages. */
import { CommanderError } from 'commander';
import { printable } from '#core/text/printable';
import { ClientbookError } from '#core/errors';
import { paint, processIo, type Io } from './io.ts';
import { createProgram } from './program.ts';

export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const result = { exitCode: 0 };
  const program = createProgram(io, result);
  const debug = argv.includes('--debug');
  const p = paint(io.color);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return result.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // `commander.help` is help shown because no command was given: bad usage.
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
      return 2;
    }
    if (error instanceof ClientbookError) {
      // Messages quote names, titles, ids and paths from the files: shown, never obeyed, by the terminal.
      io.stderr(`${p.red(p.bold('error'))}: ${printable(error.message)}\n${error.hint ? `  ${p.cyan('hint')}: ${printable(error.hint, { newlines: true })}\n` : ''}`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`${p.red(p.bold('internal error'))}: ${printable(message)}\n`);
    if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    else io.stderr('  This is a bug in clientbook. Run the command again with --debug and report the stack trace.\n');
    return 1;
  }
}
