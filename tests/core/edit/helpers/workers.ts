/** Real processes running clientbook commands in step (see cli-worker.ts). */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const WORKER = fileURLToPath(new URL('./cli-worker.ts', import.meta.url));

export interface Reply {
  code: number;
  stdout: string;
  stderr: string;
}

export interface Worker {
  pid: number;
  /** Runs one command in the worker and resolves with its result. */
  run: (argv: readonly string[]) => Promise<Reply>;
  stop: () => Promise<void>;
}

export async function startWorker(cwd: string): Promise<Worker> {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [WORKER, cwd], { stdio: 'pipe', env: { ...process.env, CLIENTBOOK_NO_BUNDLE: '1' } });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout });
  const waiting: ((line: string) => void)[] = [];
  let ready!: () => void;
  const started = new Promise<void>((resolve, reject) => {
    ready = resolve;
    child.on('exit', (code) => reject(new Error(`worker exited with ${code}: ${stderr}`)));
  });
  lines.on('line', (line) => (line === 'ready' ? ready() : waiting.shift()?.(line)));
  await started;
  return {
    pid: child.pid!,
    run: (argv) =>
      new Promise<Reply>((resolve) => {
        waiting.push((line) => resolve(JSON.parse(line) as Reply));
        child.stdin.write(`${JSON.stringify(argv)}\n`);
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.stdin.end();
      }),
  };
}
