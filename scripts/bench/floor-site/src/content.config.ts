import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

const base = process.env.BENCH_DIR;
if (!base) throw new Error('Set BENCH_DIR to the portfolio folder.');

export const collections = {
  clients: defineCollection({
    // A client's id is its file name, wherever the file sits (as in clientbook).
    loader: glob({ pattern: ['**/*.md', '!**/_*', '!**/.*'], base, generateId: ({ entry }) => entry.replace(/^.*\//, '').replace(/\.md$/, '') }),
  }),
};
