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
  const color = !!process.stdout.isTTY && !env.NO_COLOR && !env.CI && env.TERM !== 'dumb';
  return {
    cwd: process.cwd(),
    env,
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    color,
  };
}

export interface Paint {
  red: (s: string) => string;
  yellow: (s: string) => string;
  green: (s: string) => string;
  cyan: (s: string) => string;
  dim: (s: string) => string;
  bold: (s: string) => string;
}

const code = (open: number, close: number) => (s: string) => `\x1b[${open}m${s}\x1b[${close}m`;
const plain = (s: string) => s;

export function paint(color: boolean): Paint {
  return color
    ? { red: code(31, 39), yellow: code(33, 39), green: code(32, 39), cyan: code(36, 39), dim: code(2, 22), bold: code(1, 22) }
    : { red: plain, yellow: plain, green: plain, cyan: plain, dim: plain, bold: plain };
}
