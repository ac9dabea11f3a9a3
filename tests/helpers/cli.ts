/** Runs the CLI in-process with a fake Io. */
import { main } from '#cli/main';
import type { Io } from '#cli/io';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function run(argv: string[], cwd: string, env: Record<string, string> = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    cwd,
    env,
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    color: false,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
