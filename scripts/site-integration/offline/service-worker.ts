/**
 * The service worker of a built site, made with Workbox: `workbox-build`'s injectManifest puts the
 * list of every page and file of the build, each with a hash of its content, into a copy of
 * worker.js (Workbox's precaching, bundled once: bundle-worker.ts). Installed on a phone, the site
 * then opens every page with no signal. After a deploy the browser finds the changed worker on the
 * next visit; it takes over at once (skipWaiting, clientsClaim), fetches what changed and drops the
 * old build's cache, so the visit after shows the new build.
 *
 * It runs after the pages are final (after `--encrypt`, which changes every page).
 */
import path from 'node:path';
import { WORKER_BUNDLE } from './bundle-worker.ts';

export const WORKER_FILE = 'sw.js';

export interface OfflineResult {
  /** Files precached. */
  files: number;
  bytes: number;
}

export async function writeServiceWorker(outDir: string): Promise<OfflineResult> {
  const { injectManifest } = await import('workbox-build');
  const { count, size, warnings } = await injectManifest({
    swSrc: WORKER_BUNDLE,
    swDest: path.join(outDir, WORKER_FILE),
    globDirectory: outDir,
    // Everything the site is made of; never the marker file or the worker itself.
    globPatterns: ['**/*.{html,css,webmanifest,png,ics}'],
    globIgnores: [WORKER_FILE],
    // A large portfolio's agenda is a large page; every page must be there offline.
    maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
  });
  if (warnings.length > 0) throw new Error(`The service worker could not precache the whole site: ${warnings.join('; ')}`);
  return { files: count, bytes: size };
}
