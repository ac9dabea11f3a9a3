/** What a command may touch of the outside world, so tests can run commands in-process. */
export interface Io {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Colour only on a terminal, never with NO_COLOR or CI. */
  color: boolean;
}

export function processIo(): Io {
  const env = process.env;
  // A reader that stops early (`clientbook validate | head`) closes the pipe: the output is no longer
  // wanted, which is no error of ours, so end quietly rather than with an unhandled EPIPE stack trace.
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  const color = !!process.stdout.isTTY && !env.NO_COLOR && !env.CI && env.TERM !== 'dumb';
  return {
    cwd: process.cwd(),
    env,
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    color,
  };
}

export { paint, type Paint } from '#core/text/paint';
