/** The web app manifest: served over HTTPS the site installs to a phone's home screen (docs/hosting.md). */
import type { APIRoute } from 'astro';
import { pageContext } from '../lib/page-context.ts';

export const GET: APIRoute = async () => {
  const { settings, encrypted } = await pageContext();
  const manifest = {
    // An encrypted build tells a stranger nothing, not even the book's title.
    name: encrypted ? 'Client book' : settings.title,
    short_name: 'Clients',
    description: 'What is due, every client, the roadmap and who may leave: private, and readable offline.',
    lang: settings.locale,
    start_url: './index.html',
    scope: './',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#1f4e8c',
    icons: [
      { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
  return new Response(`${JSON.stringify(manifest, null, 2)}\n`, { headers: { 'Content-Type': 'application/manifest+json' } });
};
