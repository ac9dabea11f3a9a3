/**
 * What `clientbook dev` serves: the site's pages and assets, and the few modules its pages run,
 * nothing else. Vite serves its whole root by default (a work folder of the run, or a project with
 * a portfolio in it: raw client files, `package.json`, every source; `?raw` even turns a file into a
 * module that exports its text) and, through `/@fs/`, anything on the allow list (the site's
 * sources in the clientbook package, with its sample portfolio beside them); and
 * its CORS setting lets any page on localhost read the answers. So every request passes this gate
 * before Vite sees it:
 *
 * - the site's pages (any path that is not a file on disk), and the files of `site/public/`;
 * - Vite's client (`/@vite/client`), the page scripts Astro links from a page
 *   (`/@fs/.../site/pages/index.astro?astro&type=script&index=0&lang.ts`, a file under srcDir),
 *   and the modules those import,
 *   which Vite's client module graph knows as imported by them;
 * - everything else is 404: a file of the package or the portfolio, `/@fs/`, `/@id/`,
 *   `/node_modules/`, a dot-folder (`/.git/`), Astro's own endpoints (`/_image`), and any request
 *   that asks Vite to turn a file into something else (`?raw`, `?url`, `?import`, `?inline`, ...).
 *
 * Pages carry the built site's Content-Security-Policy as a header (Astro writes it only into built
 * pages), with what live reload needs: module scripts and the HMR web socket from the dev server.
 */
import { statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { devErrorPage } from './dev-error-page.ts';
import type { PortfolioErrorsError } from './load.ts';

export interface DevGateOptions {
  /** The project root Vite serves (absolute). */
  root: string;
  /** The site's public folder (absolute): its files are the site's assets. */
  publicDir: string;
  /** The site's source folder (absolute): the only place page scripts come from. */
  srcDir: string;
  /** The built site's CSP directives, without `script-src` and `style-src` (Astro adds those to built pages). */
  directives: readonly string[];
  /**
   * The portfolio's errors, if it has any: then every page is the list of them (see
   * dev-error-page.ts), rather than a page that fails to render with a stack trace in the terminal.
   */
  problem?: () => Promise<PortfolioErrorsError | undefined>;
}

/** The built site's policy, as a dev page needs it: its scripts and live reload come from the dev server. */
export function devCsp(directives: readonly string[]): string {
  const own = directives.filter((d) => !/^(?:connect-src|script-src|style-src)\b/.test(d));
  return [...own, "connect-src 'self'", "script-src 'self'", "style-src 'self'"].join('; ');
}

/** Query parameters that make Vite serve a file as something other than a page's module. */
const TRANSFORMING_QUERY = /(?:^|&)(?:raw|url|import|inline|worker|sharedworker|html-proxy|direct|no-inline|astro|lang\.[a-z]+|type|index|v|t)(?:[=&]|$)/;

/** The script of an Astro page, layout or component, as Astro links it from a page in dev. */
const PAGE_SCRIPT_QUERY = /^astro&type=script&index=\d+&lang\.ts$/;

type Verdict = 'page' | 'asset' | 'module' | 'refuse';

export function devGate(options: DevGateOptions): Plugin {
  const csp = devCsp(options.directives);
  return {
    name: 'clientbook:dev-gate',
    apply: 'serve',
    configureServer(server) {
      // Added here (not in a returned function), the gate runs before Vite's own middlewares.
      server.middlewares.use((req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => {
        verdict(server, options, req)
          .then(async (v) => {
            if (v === 'refuse') return notFound(res);
            res.setHeader('X-Content-Type-Options', 'nosniff');
            if (v !== 'page') return next();
            res.setHeader('Content-Security-Policy', csp);
            const problem = await options.problem?.();
            if (!problem) return next();
            res.statusCode = 500;
            res.setHeader('Content-Type', 'text/html; charset=utf-8');
            res.setHeader('Cache-Control', 'no-store');
            res.end(req.method === 'HEAD' ? undefined : devErrorPage(problem));
          })
          .catch((error: unknown) => next(error));
      });
    },
  };
}

function notFound(res: ServerResponse): void {
  res.statusCode = 404;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end('Not found\n');
}

async function verdict(server: ViteDevServer, options: DevGateOptions, req: IncomingMessage): Promise<Verdict> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return 'refuse';
  const raw = req.url ?? '/';
  const q = raw.indexOf('?');
  const rawPath = q === -1 ? raw : raw.slice(0, q);
  const query = q === -1 ? '' : raw.slice(q + 1);
  let pathname: string;
  try {
    pathname = decodeURIComponent(rawPath);
  } catch {
    return 'refuse';
  }
  if (!pathname.startsWith('/') || pathname.includes('\0') || pathname.includes('\\')) return 'refuse';
  const segments = pathname.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return 'refuse';

  if (pathname === '/@vite/client' && query === '') return 'module';
  if (PAGE_SCRIPT_QUERY.test(query) && isPageScript(options, pathname)) return 'module';
  // A module a page script imports: Vite has registered it (with its importer) while it transformed
  // the importer, before the browser asks for it.
  const known = server.environments.client.moduleGraph.urlToModuleMap.get(raw);
  if (known && known.importers.size > 0) return 'module';

  // Vite's and Astro's own routes, dot-folders, and anything that would make Vite transform a file.
  if (segments.some((s) => s.startsWith('.') || s.startsWith('@') || s === 'node_modules')) return 'refuse';
  if (pathname.startsWith('/_')) return 'refuse';
  if (query !== '' && TRANSFORMING_QUERY.test(query)) return 'refuse';

  const rel = pathname.slice(1);
  if (rel !== '' && isFile(path.join(options.publicDir, rel))) return 'asset';
  // A file of the project (a source, the sample portfolio, package.json) is never a page.
  if (rel !== '' && isFile(path.join(options.root, rel))) return 'refuse';
  return 'page';
}

function isPageScript(options: DevGateOptions, pathname: string): boolean {
  if (!pathname.endsWith('.astro')) return false;
  // Vite names a file under its root by its path there, and any other by `/@fs/` and its absolute
  // path: the site's sources sit in the package, outside the work folder that is the root
  // (work-dir.ts). Either way, only a file under srcDir is a page script.
  const file = pathname.startsWith('/@fs/') ? path.resolve(fsPath(pathname.slice('/@fs'.length))) : path.join(options.root, pathname.slice(1));
  return file.startsWith(path.resolve(options.srcDir) + path.sep) && isFile(file);
}

/** `/C:/site/x.astro` (as Vite writes a Windows path after `/@fs`) -> `C:/site/x.astro`; a POSIX path stays. */
function fsPath(p: string): string {
  return /^\/[A-Za-z]:\//.test(p) ? p.slice(1) : p;
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
