/**
 * `clientbook dev` serves the site's pages and assets and nothing else, over real HTTP: no client
 * file, no source, no file of the package or the disk, no answer readable by another origin; and
 * its pages carry the built site's Content-Security-Policy.
 */
import { readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CSP_DIRECTIVES } from '#site-integration/index';
import { devCsp } from '#site-integration/dev-gate';
import { client, tempPortfolios } from '../helpers/portfolio.ts';
import { freePort, runDev, type DevRun } from './run-dev.ts';

const portfolio = tempPortfolios();
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SITE = path.join(ROOT, 'site');
const SAMPLE = readdirSync(path.join(ROOT, 'clients')).find((f) => f.endsWith('.md'))!;

describe('what the dev server serves', { timeout: 120_000 }, () => {
  let dev: DevRun;
  let url: string;
  let dir: string;
  beforeAll(async () => {
    dir = await portfolio({
      'clientbook.yaml': 'title: Exposure test\ntime_zone: America/Whitehorse\n',
      'acme.md': client('name: Acme Plumbing'),
      'sub/bolt.md': client('name: Bolt Electric'),
    });
    const port = await freePort();
    dev = runDev(dir, ['--port', String(port)]);
    url = await dev.url;
    // The port asked for, exactly.
    expect(new URL(url).port).toBe(String(port));
  }, 120_000);
  afterAll(async () => {
    await dev?.stop();
  });

  const get = (p: string, headers: Record<string, string> = {}) => fetch(new URL(p, url), { headers, redirect: 'manual' });

  test.each([
    '/',
    '/clients/',
    '/clients/acme/',
    '/clients/bolt/',
    '/roadmap/',
    '/health/',
    '/calendar.ics',
    '/robots.txt',
    '/site.css',
    '/@vite/client',
    // The page scripts, from the package's site/, outside the work folder that is Vite's root.
    () => `/@fs${SITE}/components/PageScript.astro?astro&type=script&index=0&lang.ts`,
  ])('%s is served', async (p) => {
    const response = await get(typeof p === 'function' ? p() : p);
    expect(response.status).toBe(200);
  });

  test('a page and its scripts load, with their imports', async () => {
    const page = await (await get('/clients/')).text();
    expect(page).toContain(`src="/@fs${SITE}/components/PageScript.astro?astro&type=script&index=0&lang.ts"`);
    const script = await (await get(`/@fs${SITE}/components/PageScript.astro?astro&type=script&index=0&lang.ts`)).text();
    const imported = /from "(\/@fs\/[^"]+)"/.exec(script)![1]!;
    expect(imported.startsWith(`/@fs${SITE}/`)).toBe(true);
    expect((await get(imported)).status).toBe(200);
    expect((await get(`${imported}?raw`)).status).toBe(404);
  });

  test.each([
    // The portfolio, wherever it is: the sample of the package, and the one being served.
    `/clients/${SAMPLE}`,
    `/clients/${SAMPLE}?raw`,
    '/clients/acme.md',
    '/acme.md',
    '/sub/bolt.md',
    '/clientbook.yaml',
    () => `/@fs${dir}/acme.md`,
    () => `/@fs${dir}/acme.md?raw`,
    () => `/@fs${dir}/clientbook.yaml?import`,
    // The package: its manifest, sources (as they are, as modules, as text), dependencies, git.
    '/package.json',
    '/package.json?import',
    '/astro.config.mjs',
    '/astro.config.mjs?raw',
    '/scripts/cli/main.ts',
    '/scripts/cli/main.ts?raw',
    '/scripts/site-integration/index.ts?import',
    '/site/lib/markdown.ts',
    '/site/lib/site-data.ts?raw',
    '/site/pages/index.astro',
    '/site/pages/index.astro?raw',
    '/site/pages/clients/index.astro?astro&type=script&index=0&lang.ts&raw',
    '/site/pages/clients/index.astro?astro&type=script&index=0&lang.ts',
    () => `/@fs${SITE}/pages/clients/index.astro?astro&type=script&index=0&lang.ts&raw`,
    () => `/@fs${SITE}/pages/clients/index.astro`,
    () => `/@fs${SITE}/lib/site-data.ts?raw`,
    () => `/@fs${ROOT}clients/${SAMPLE}?astro&type=script&index=0&lang.ts`,
    () => `/@fs${ROOT}scripts/cli/main.astro?astro&type=script&index=0&lang.ts`,
    '/site/public/site.css',
    '/site.css?raw',
    '/node_modules/astro/package.json',
    '/node_modules/vite/dist/client/client.mjs?raw',
    '/node_modules/.vite/deps/_metadata.json',
    '/.git/HEAD',
    '/.git/config',
    '/.astro/settings.json',
    '/tests/dev/run-dev.ts',
    // The disk.
    '/@fs/etc/passwd',
    '/@fs/etc/hostname?raw',
    () => `/@fs${ROOT}package.json`,
    '/@id/virtual:clientbook/options',
    '/@id/__x00__virtual:clientbook/options',
    '/_image?href=/@fs/etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/..%2f..%2fetc/passwd',
    '/%2fetc%2fpasswd',
  ])('%s is 404', async (p) => {
    const response = await get(typeof p === 'function' ? p() : p);
    const body = await response.text();
    expect(response.status).toBe(404);
    expect(body).not.toMatch(/name: Acme|"name": "clientbook"|root:x:0|import|Ann Lee/);
  });

  test('no other origin may read an answer: no CORS header, for any localhost origin, nor on a preflight', async () => {
    for (const origin of ['http://localhost:9999', 'http://127.0.0.1:8080', new URL(url).origin.replace(/:\d+$/, ':1'), 'https://evil.example']) {
      const page = await get('/clients/acme/', { Origin: origin });
      expect(page.status).toBe(200);
      expect(page.headers.get('access-control-allow-origin')).toBeNull();
      const preflight = await fetch(new URL('/clients/acme/', url), { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'GET' } });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
      expect(preflight.status).not.toBe(204);
    }
  });

  test("pages carry the built site's Content-Security-Policy, with live reload's own connection", async () => {
    const expected =
      "default-src 'none'; img-src data:; font-src 'none'; object-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'none'; manifest-src 'self'; worker-src 'self'; connect-src 'self'; script-src 'self'; style-src 'self'";
    expect(devCsp(CSP_DIRECTIVES)).toBe(expected);
    for (const p of ['/', '/clients/acme/', '/health/', '/no-such-page/']) expect((await get(p)).headers.get('content-security-policy'), p).toBe(expected);
  });
});

describe('dev --port N when N is taken', () => {
  test.each(['127.0.0.1', '::1'])('says so and exits 1, rather than serving on another port (taken on %s)', { timeout: 60_000 }, async (host) => {
    const dir = await portfolio({ 'acme.md': client('name: Acme Plumbing') });
    const blocker = createServer();
    const listening = await new Promise<boolean>((resolve) => {
      blocker.once('error', () => resolve(false));
      blocker.listen(0, host, () => resolve(true));
    });
    if (!listening) return; // (no IPv6 on this machine: nothing to take)
    const port = (blocker.address() as { port: number }).port;
    try {
      const dev = runDev(dir, ['--port', String(port)]);
      expect(await dev.exited).toBe(1);
      expect(dev.output()).toBe(
        `error: Port ${port} is already in use, so the site cannot be served there.\n` +
          `  hint: Stop whatever listens on it (another \`clientbook dev\`?), or choose another port, e.g. --port ${port + 1}; without --port, clientbook takes the first free one from 4321.\n`,
      );
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
