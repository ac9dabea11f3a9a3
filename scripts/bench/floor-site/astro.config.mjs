// The floor for the site build: Astro 7 with its glob loader and one plain page per client.
import { defineConfig } from 'astro/config';

export default defineConfig({
  outDir: process.env.BENCH_OUT ?? './dist',
  logLevel: 'warn',
});
