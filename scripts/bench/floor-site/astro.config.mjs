// The floor for the site build: Astro 7 with its glob loader, plain pages, nothing of ours.
// Each run gets a fresh cache folder (BENCH_CACHE), so no run reuses Markdown rendered by the last.
import { defineConfig } from 'astro/config';

export default defineConfig({
  outDir: process.env.BENCH_OUT ?? './dist',
  cacheDir: process.env.BENCH_CACHE ?? './node_modules/.astro',
  logLevel: 'warn',
});
