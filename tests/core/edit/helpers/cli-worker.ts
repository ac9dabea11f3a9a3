/**
 * A separate process that runs clientbook commands on request, for tests of concurrent writers: the
 * parent writes one JSON argv per line on stdin, and the worker answers each with one JSON line
 * `{ code, stdout, stderr }` once the command is over. Started once, it runs many rounds without
 * paying Node's start-up for every command.
 */
import { createInterface } from 'node:readline';
import { main } from '#cli/main';

const cwd = process.argv[2] ?? process.cwd();
process.stdout.write('ready\n');
for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() === '') continue;
  const argv = JSON.parse(line) as string[];
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { cwd, env: {}, color: false, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  process.stdout.write(`${JSON.stringify({ code, stdout, stderr })}\n`);
}
