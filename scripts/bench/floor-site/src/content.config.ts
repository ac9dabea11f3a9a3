import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

const base = process.env.BENCH_DIR;
if (!base) throw new Error('Set BENCH_DIR to the portfolio folder.');

export const collections = {
  clients: defineCollection({ loader: glob({ pattern: ['**/*.md', '!**/_*', '!**/.*'], base }) }),
};
