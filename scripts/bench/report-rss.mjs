// Preloaded into each measured process (NODE_OPTIONS=--import): records its peak memory at exit.
import { appendFileSync } from 'node:fs';

const file = process.env.CLIENTBOOK_BENCH_RSS;
if (file) {
  process.on('exit', () => {
    appendFileSync(file, `${process.resourceUsage().maxRSS * 1024}\n`);
  });
}
