/** `clientbook dev` as a user runs it: a child process (Astro does not serve pages inside Vitest). */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../scripts/bin/clientbook.js', import.meta.url));

export interface DevRun {
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr together. */
  output: () => string;
  /** The site's address, once it says so. */
  url: Promise<string>;
  /** The exit code, once it exits. */
  exited: Promise<number | null>;
  /** Interrupts it (Ctrl-C) and waits for it to exit. */
  stop: () => Promise<void>;
}

export function runDev(dir: string, args: string[] = []): DevRun {
  const { VITEST: _v, VITEST_WORKER_ID: _w, VITEST_POOL_ID: _p, ...env } = process.env;
  const child = spawn(process.execPath, [BIN, 'dev', '--dir', '.', ...args], { cwd: dir, env: { ...env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /The site is at (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => reject(new Error(`clientbook dev exited with ${code}:\n${out}`)));
  });
  url.catch(() => {});
  return {
    child,
    output: () => out,
    url,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      await exited;
    },
  };
}

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
