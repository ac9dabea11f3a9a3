/**
 * `clientbook dev`: the site on localhost with live reload, and the portfolio's diagnostics re-printed
 * on every save. The watcher keeps every file checked in memory, so a save re-checks one file; the
 * site reloads through the Astro integration, which shows a portfolio with errors as an error page.
 */
import { createServer } from 'node:net';
import path from 'node:path';
import type { Diagnostic } from '#core/diagnostics';
import { watchPortfolio, type PortfolioWatcher } from '#core/watch/portfolio-watcher';
import type { LiveUpdate } from '#core/watch/live-portfolio';
import { printable } from '#core/text/printable';
import { formatText } from '#core/diagnostics/format-text';
import { summary } from '#core/diagnostics/summary';
import { plural } from '#core/text/plural';
import { UserError } from '../errors.ts';
import { paint, type Io, type Paint } from '../io.ts';
import { historyOf } from '#site-integration/load';
import type { SiteData } from '#site-integration/store';
import { makeWorkDir, SITE_DIR } from '#site-integration/work-dir';
import { checkDateOption } from './load.ts';

export interface DevOptions {
  dir: string;
  asOf?: string;
  port?: string;
  host?: string | boolean;
  /** False with `--no-site`: only watch and re-print diagnostics. */
  site?: boolean;
}

const time = () => new Date().toTimeString().slice(0, 8);

function counts(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (errors === 0 && warnings === 0) return 'no problems';
  return [errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : ''].filter(Boolean).join(', ');
}

/** What the terminal shows after a save: that file's diagnostics, what it changed elsewhere, the total. */
export function formatUpdate(update: LiveUpdate, cwd: string, p: Paint): string {
  const file = update.file;
  const state = update.kind === 'removed' ? 'removed' : update.kind === 'added' ? 'added' : update.kind === 'reloaded' ? 'reloaded everything' : 'saved';
  const status = counts(update.diagnostics);
  const colour = update.diagnostics.some((d) => d.severity === 'error') ? p.red : update.diagnostics.length ? p.yellow : p.green;
  const lines = [`${p.dim(time())} ${p.bold(printable(file))} ${state}: ${colour(update.kind === 'removed' ? 'gone' : status)} ${p.dim(`(${update.ms.toFixed(0)} ms)`)}\n`];
  if (update.kind === 'reloaded') lines.push(formatText(update.portfolio.diagnostics, cwd, p));
  else if (update.diagnostics.length > 0) lines.push(formatText(update.diagnostics, cwd, p));
  if (update.appeared.length > 0) lines.push(`${p.bold('In other files:')}\n${formatText(update.appeared, cwd, p)}`);
  if (update.resolved.length > 0) lines.push(`${p.green(`Resolved in other files: ${update.resolved.map((d) => `${printable(d.file)}:${d.line} ${printable(d.code)}`).join(', ')}`)}\n`);
  const total = summary(update.portfolio.diagnostics, update.portfolio.files);
  if (lines.length > 1) lines.push('\n');
  lines.push(`${update.portfolio.hasErrors ? p.red(total) : p.dim(total)}\n`);
  return lines.join('');
}

/**
 * One diagnostics block per change: a save can reach the watcher as two events far enough apart
 * (a busy machine, an editor that writes twice) to be read twice; the second reading, with the very
 * same result for the same file within a second, is not printed again.
 */
function repeatFilter(windowMs = 1000): (update: LiveUpdate) => boolean {
  let last: { key: string; at: number } | undefined;
  return (update) => {
    const key = JSON.stringify([update.file, update.kind, update.diagnostics, update.appeared, update.resolved, update.portfolio.diagnostics.length]);
    const now = performance.now();
    const same = update.kind === 'changed' && last !== undefined && last.key === key && now - last.at < windowMs;
    last = { key, at: now };
    return same;
  };
}

/** Starts watching (and, unless `site: false`, the site); resolves once both run. */
export async function startDev(io: Io, options: DevOptions): Promise<{ watcher: PortfolioWatcher; url?: string; stop: () => Promise<void> }> {
  checkDateOption(options.asOf, '--as-of');
  // Chosen first: a port asked for is refused before any output when it is taken, and a server that
  // fails to listen would leave handles open (the command would hang instead of exiting with the message).
  const asked = parsePort(options.port);
  if (options.site !== false) {
    const problem = unservablePath(SITE_DIR);
    if (problem) throw new UserError(problem, { hint: 'Rename or move the folder, or use `--no-site`; `npm run build` builds the site from here all the same (open dist/index.html).' });
  }
  const port = options.site === false ? undefined : await choosePort(asked, options.host);
  const p = paint(io.color);
  const repeated = repeatFilter();
  /** The site's side of each update (set once the site runs). */
  let toSite: (() => void) | undefined;
  // A folder that is not there throws PortfolioNotFoundError, which main reports as for every command.
  const watcher = await watchPortfolio({
    dir: options.dir,
    cwd: io.cwd,
    ...(options.asOf ? { asOf: options.asOf } : {}),
    onUpdate: (update) => {
      if (!repeated(update)) io.stdout(formatUpdate(update, io.cwd, p));
      toSite?.();
    },
    onError: (error) => io.stderr(`${p.red('watch error')}: ${printable(error instanceof Error ? error.message : String(error))}\n`),
  });
  const { portfolio } = watcher.live;
  if (portfolio.diagnostics.length > 0) io.stdout(`${formatText(portfolio.diagnostics, io.cwd, p)}\n`);
  io.stdout(`${summary(portfolio.diagnostics, portfolio.files)} Watching ${printable(watcher.live.display('') || '.')} for changes.\n`);
  await watcher.ready;
  let site: Awaited<ReturnType<typeof startSite>> | undefined;
  try {
    site = port === undefined ? undefined : await startSite(io, options, watcher, port);
  } catch (error) {
    // Nothing keeps running when the site cannot start: the command ends with its message.
    await watcher.close();
    throw error;
  }
  toSite = site?.update;
  return {
    watcher,
    ...(site ? { url: site.url } : {}),
    stop: async () => {
      await site?.stop();
      await watcher.close();
    },
  };
}

/**
 * Why the dev server cannot serve the site's sources from `siteDir`, or undefined. Its pages load
 * their scripts by the file's path (`/@fs/...`), written into the page as it is: a `#` or `?` in a
 * folder's name ends the path there, and a `%` makes it unreadable (Vite itself cannot run from a
 * folder with a `#` in its path). A build has no such addresses.
 */
export function unservablePath(siteDir: string): string | undefined {
  const found = /[#%?]/.exec(siteDir);
  if (!found) return undefined;
  const folder = siteDir.split(/[\\/]/).find((segment) => segment.includes(found[0]))!;
  return `The site cannot be served from here: the folder "${printable(folder)}" has a "${found[0]}" in its name, which the dev server's addresses cannot carry.`;
}

/**
 * `clientbook dev`: runs until interrupted. Ctrl-C (or a TERM, or the terminal closing) stops the
 * server, which removes its work folder, and ends the command as an interrupted one (130); a
 * second Ctrl-C, or a stop that takes over 5 seconds, ends it at once.
 */
export async function dev(io: Io, options: DevOptions): Promise<number> {
  const running = await startDev(io, options);
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  await new Promise<void>((resolve) => {
    for (const signal of signals) process.once(signal, () => resolve());
  });
  for (const signal of signals) process.once(signal, () => process.exit(130));
  const late = setTimeout(() => process.exit(130), 5000);
  late.unref();
  await running.stop().catch(() => {});
  clearTimeout(late);
  process.exit(130);
}

/**
 * Astro's dev server, configured as `clientbook build` configures its build (the package's `site/`, the
 * integration told which portfolio to read). The pages read the watcher's live portfolio, so a save
 * costs the site what it costs the terminal (one file re-checked, and the git history read again),
 * not a fresh load of every file; then the browser reloads. A portfolio with errors renders as
 * Astro's error page, diagnostics included.
 */
async function startSite(
  io: Io,
  options: DevOptions,
  watcher: PortfolioWatcher,
  port: number,
): Promise<{ url: string; stop: () => Promise<void>; update: () => void }> {
  // No request leaves a clientbook run: no usage report, no update check.
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  process.env.ASTRO_DISABLE_UPDATE_CHECK = 'true';
  // Vite turns live reload off under NODE_ENV=test (or production) left over in a shell.
  process.env.NODE_ENV = 'development';
  const [{ dev: astroDev }, { clientbook }] = await Promise.all([import('astro'), import('#site-integration/index')]);
  const { live } = watcher;
  const history = () => historyOf(live.dir, live.portfolio.settings.timeZone);
  // One object per state of the portfolio: the pages cache their lookups per object.
  let current: SiteData = { portfolio: live.portfolio, history: await history() };
  let reload: (() => void) | undefined;
  let latest = 0;
  const update = async () => {
    const mine = ++latest;
    const read = await history().catch(() => current.history);
    // A later save's update may have finished first: the newest state wins.
    if (mine !== latest) return;
    current = { portfolio: live.portfolio, ...(read ? { history: read } : {}) };
    reload?.();
  };
  let server: Awaited<ReturnType<typeof astroDev>>;
  // Astro's root is a work folder of this run, not the package (see work-dir.ts); removed on stop.
  const work = await makeWorkDir('dev');
  try {
    server = await astroDev({
      root: work.dir,
      configFile: false,
      srcDir: SITE_DIR,
      cacheDir: path.join(work.dir, '.astro', 'cache'),
      logLevel: io.env.CLIENTBOOK_ASTRO_LOG === 'info' ? 'info' : 'warn',
      server: { port, ...(options.host !== undefined ? { host: options.host } : {}) },
      // The port chosen, or an error: never silently the next one (see choosePort).
      vite: { server: { strictPort: true }, cacheDir: work.viteCache },
      integrations: [
        clientbook({
          dir: live.dir,
          ...(options.asOf ? { asOf: options.asOf } : {}),
          data: () => current,
          watch: false,
          onDevServer: (server) => (reload = server.reload),
        }),
      ],
    });
  } catch (error) {
    await work.remove();
    if (isPortTaken(error)) throw portTaken(port);
    throw error;
  }
  const p = paint(io.color);
  const url = `http://${hostOf(server.address)}:${server.address.port}/`;
  io.stdout(`${p.green('The site is at')} ${p.bold(url)} ${p.dim('(it reloads on every save; Ctrl-C stops)')}\n`);
  const stop = async () => {
    try {
      await server.stop();
    } finally {
      await work.remove();
    }
  };
  return { url, stop, update: () => void update() };
}

function portTaken(port: number): UserError {
  return new UserError(`Port ${port} is already in use, so the site cannot be served there.`, {
    hint: `Stop whatever listens on it (another \`clientbook dev\`?), or choose another port, e.g. --port ${port === 65535 ? 4321 : port + 1}; without --port, clientbook takes the first free one from 4321.`,
  });
}

const DEFAULT_PORT = 4321;

/**
 * The port to serve on. One asked for (`--port N`) is that port, or a clear error when another
 * server holds it: a silent N+1 would leave a bookmark or another terminal showing another site.
 * Without one, the first port from 4321 that is free on every address the server listens on:
 * `localhost` is two addresses (127.0.0.1 and ::1), and a port free on one of them only would let
 * the browser reach another server's site on the other.
 */
async function choosePort(asked: number | undefined, host: string | boolean | undefined): Promise<number> {
  if (asked !== undefined) {
    const problem = await portProblem(asked, host);
    if (problem === 'taken') throw portTaken(asked);
    if (problem === 'forbidden')
      throw new UserError(`Port ${asked} needs privileges this user does not have.`, { hint: 'Choose a port from 1024 up, e.g. --port 4321.' });
    return asked;
  }
  for (let port = DEFAULT_PORT; port < DEFAULT_PORT + 100; port++) if ((await portProblem(port, host)) === undefined) return port;
  throw new UserError(`Ports ${DEFAULT_PORT} to ${DEFAULT_PORT + 99} are all in use.`, { hint: 'Choose a free port with --port, e.g. --port 8321.' });
}

/** Whether another server holds `port` on any address the dev server would listen on. */
async function portProblem(port: number, host: string | boolean | undefined): Promise<'taken' | 'forbidden' | undefined> {
  const hosts = host === undefined || host === false || host === 'localhost' ? ['127.0.0.1', '::1'] : host === true ? ['::', '0.0.0.0'] : [host];
  for (const address of hosts) {
    const problem = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
      const probe = createServer();
      probe.once('error', (error: NodeJS.ErrnoException) => resolve(error));
      probe.listen({ port, host: address, exclusive: true }, () => probe.close(() => resolve(undefined)));
    });
    if (problem?.code === 'EADDRINUSE') return 'taken';
    if (problem?.code === 'EACCES') return 'forbidden';
    // (An address this machine does not have, such as ::1 without IPv6, is not a conflict.)
  }
  return undefined;
}

function isPortTaken(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | null;
  return e?.code === 'EADDRINUSE' || /port \d+ is (?:already )?in use/i.test(e?.message ?? '');
}

function hostOf(address: { address: string; family: string }): string {
  if (address.address === '::' || address.address === '0.0.0.0' || address.address === '::1' || address.address === '127.0.0.1') return 'localhost';
  return address.family === 'IPv6' ? `[${address.address}]` : address.address;
}

function parsePort(port: string | undefined): number | undefined {
  if (port === undefined) return undefined;
  if (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535)
    throw new UserError(`--port ${port} is not a port number.`, { exitCode: 2, hint: 'Write a number from 1 to 65535, e.g. --port 4321.' });
  return Number(port);
}
