// The report site. `npx clientbook build` builds it with the same integration and its own options
// (--dir, --out, --as-of); `npx astro build` and `npx astro dev` read the sample in clients/.
import { defineConfig } from 'astro/config';
import { clientbook } from './scripts/site-integration/index.ts';

export default defineConfig({
  srcDir: './site',
  integrations: [clientbook({ dir: 'clients' })],
});
