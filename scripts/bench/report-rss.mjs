// Preloaded into each measured process (NODE_OPTIONS=--import): at exit, appends one JSON line with
// the process's peak memory (RSS) and the CPU time of all its threads, for the bench to add up.
import { appendFileSync } from 'node:fs';

const file = process.env.CLIENTBOOK_BENCH_RSS;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    appendFileSync(file, `${JSON.stringify({ rss: usage.maxRSS * 1024, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 })}\n`);
  });
}
