// Preloaded into each measured process (NODE_OPTIONS=--import): at exit, appends one JSON line with
// the process's peak memory (RSS) and the CPU time of all its threads, for the bench to add up.
// Worker threads load it too (they inherit NODE_OPTIONS), but the figures are the whole process's:
// only the main thread reports them.
import { appendFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const file = process.env.CLIENTBOOK_BENCH_RSS;
if (file && isMainThread) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    appendFileSync(file, `${JSON.stringify({ rss: usage.maxRSS * 1024, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 })}\n`);
  });
}
