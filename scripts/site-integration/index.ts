/**
 * The Astro integration behind the report site. It makes the site private and self-contained
 * (one shared stylesheet beside the pages, inline JS, a strict Content-Security-Policy, no dev
 * toolbar), tells the pages which
 * portfolio to read (the `virtual:clientbook/options` module), and makes sure that portfolio is
 * loaded and valid before a page is rendered.
 *
 * `clientbook build` hands over the portfolio it has already validated (`data`), so a build loads
 * it once; under a plain `astro build` or `astro dev` the integration loads it itself.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { devGate } from './dev-gate.ts';
import { PortfolioErrorsError, loadSiteData, portfolioErrors } from './load.ts';
import { markOutDir, outDirProblem } from './out-dir.ts';
import { forgetSiteData, provideSiteData, siteDataFor, type SiteDataSource } from './store.ts';

export interface ClientbookSiteOptions {
  /** The portfolio folder, relative to the project root or absolute. Default `clients`. */
  dir?: string;
  /** Build the site as of this date (`YYYY-MM-DD`); default: today in the portfolio's time zone. */
  asOf?: string | undefined;
  /**
   * An already loaded and validated portfolio (from `clientbook build`), so it is not loaded twice;
   * or a getter of the current one, for a dev server whose caller keeps it up to date.
   */
  data?: SiteDataSource;
  /**
   * In `astro dev`, reload the portfolio and the page when a file of the portfolio changes
   * (default). Set it to false when the caller updates `data` itself and reloads through `onDevServer`.
   */
  watch?: boolean;
  /** Called when the dev server starts, with a function that reloads the pages open in browsers. */
  onDevServer?: (server: { reload: () => void }) => void;
}

/** What the pages read from `virtual:clientbook/options`. */
export interface SiteOptions {
  dir: string;
  asOf: string | null;
}

const VIRTUAL_ID = 'virtual:clientbook/options';

/** Vite's browser client (live reload), the one file outside the site a dev page loads. */
const VITE_CLIENT = createRequire(import.meta.url).resolve('vite/dist/client/client.mjs');

/** Nothing leaves the page: no fetch, no image, font, frame or form target outside the page itself. */
export const CSP_DIRECTIVES = [
  "default-src 'none'",
  'img-src data:',
  "connect-src 'none'",
  "font-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  // The web app manifest and the service worker of `clientbook build`, from the site itself.
  "manifest-src 'self'",
  "worker-src 'self'",
] as const;

export function clientbook(options: ClientbookSiteOptions = {}): AstroIntegration {
  let dir = '';
  let asOf: string | undefined;
  return {
    name: 'clientbook',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig, addWatchFile }) => {
        dir = path.resolve(fileURLToPath(config.root), options.dir ?? 'clients');
        asOf = options.asOf;
        if (options.data) provideSiteData(dir, options.data);
        const siteOptions: SiteOptions = { dir, asOf: asOf ?? null };
        updateConfig({
          // `site/public/site.css` is copied to the root of the site and linked relatively by every
          // page: one file the browser caches, not the same stylesheet inlined in every page
          // (docs/performance.md).
          publicDir: new URL('public/', config.srcDir),
          // Relative links work from disk only when every page is a file in a folder of its own.
          // 16 pages at a time overlap their file writes with the next pages' rendering
          // (docs/performance.md, "Thresholds in the code").
          build: { format: 'directory', inlineStylesheets: 'always', concurrency: 16 },
          trailingSlash: 'ignore',
          devToolbar: { enabled: false },
          security: { csp: { algorithm: 'SHA-256', directives: [...CSP_DIRECTIVES] } },
          vite: {
            // Scripts stay inline: an external module script does not load from file://.
            build: { assetsInlineLimit: 100_000 },
            // The dev server answers no other origin (Vite's default echoes any localhost page's),
            // and serves no file from outside the site (see dev-gate.ts, which is stricter still).
            server: { cors: false, fs: { strict: true, allow: [fileURLToPath(config.srcDir), path.dirname(VITE_CLIENT)] } },
            plugins: [
              ...(command === 'dev'
                ? [
                    devGate({
                      root: fileURLToPath(config.root),
                      srcDir: fileURLToPath(config.srcDir),
                      publicDir: fileURLToPath(new URL('public/', config.srcDir)),
                      directives: CSP_DIRECTIVES,
                      problem: () => devProblem(dir, asOf),
                    }),
                  ]
                : []),
              {
                name: 'clientbook:options',
                resolveId: (id: string) => (id === VIRTUAL_ID ? `\0${VIRTUAL_ID}` : undefined),
                load: (id: string) => (id === `\0${VIRTUAL_ID}` ? `export default ${JSON.stringify(siteOptions)};` : undefined),
              },
            ],
          },
        });
        // (A caller that keeps `data` up to date reads the settings again itself: no restart needed.)
        if (command === 'dev' && options.watch !== false) addWatchFile(path.join(dir, 'clientbook.yaml'));
        if (command === 'build') {
          // Astro empties its output folder: never one that holds the portfolio or the project.
          const outDir = fileURLToPath(config.outDir);
          // (An existing dist/ of another build is Astro's to replace, as usual.)
          const problem = outDirProblem(outDir, [dir, fileURLToPath(config.root)]);
          if (problem && problem.kind !== 'foreign') throw new Error(problem.message);
        }
      },
      'astro:build:start': async () => {
        if (siteDataFor(dir)) return;
        try {
          provideSiteData(dir, await loadSiteData({ dir, asOf }));
        } catch (error) {
          if (error instanceof PortfolioErrorsError) throw new Error(`The portfolio has errors.\n\n${error.message}`);
          throw error;
        }
      },
      'astro:build:done': async ({ dir: out }) => {
        forgetSiteData(dir);
        await markOutDir(fileURLToPath(out));
      },
      'astro:server:setup': ({ server, logger }) => {
        const reload = () => {
          // Astro keeps what each page's getStaticPaths() returned (the client pages' props) until
          // its content changes: say so, as Astro's own content layer does, then reload the browsers.
          for (const [name, environment] of Object.entries(server.environments)) {
            if (name !== 'client') environment.hot.send('astro:content-changed', {});
          }
          server.ws.send({ type: 'full-reload' });
        };
        options.onDevServer?.({ reload });
        if (options.watch === false) return;
        // In dev the pages load the portfolio on demand; a change to any client file starts over.
        server.watcher.add(dir);
        const onChange = (file: string) => {
          if (!file.startsWith(dir + path.sep)) return;
          forgetSiteData(dir);
          logger.info(`${path.relative(dir, file)} changed: reloading the portfolio.`);
          reload();
        };
        server.watcher.on('change', onChange).on('add', onChange).on('unlink', onChange);
      },
    },
  };
}

/**
 * The portfolio's errors, when the dev server should show them instead of a page: from the data
 * its caller keeps up to date (`clientbook dev`), or loaded here (a plain `astro dev`, which then
 * hands the loaded portfolio to the pages).
 */
async function devProblem(dir: string, asOf: string | undefined): Promise<PortfolioErrorsError | undefined> {
  const ready = siteDataFor(dir);
  if (ready) return portfolioErrors(ready.portfolio);
  try {
    provideSiteData(dir, await loadSiteData({ dir, asOf }));
    return undefined;
  } catch (error) {
    if (error instanceof PortfolioErrorsError) return error;
    throw error;
  }
}

export default clientbook;
