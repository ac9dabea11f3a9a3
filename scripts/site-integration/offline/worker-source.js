// The service worker of a built site (see service-worker.ts): bundled with its Workbox modules into
// worker.js by `npm run bundle:worker`; each build injects its list of files into a copy of it.
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';

// A new build takes over at once: the next page opened comes from it.
self.skipWaiting();
clientsClaim();
cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST, { directoryIndex: 'index.html' });
