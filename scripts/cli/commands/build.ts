/** `clientbook build`: validate the portfolio, then build the report site from it with Astro. */
import path from 'node:path';
import { PACKAGE_ROOT } from '#core/package-root';
import type { SiteData } from '#site-integration/store';
import { historyOf } from '#site-integration/load';
import { outDirProblem } from '#site-integration/out-dir';
import { makeWorkDir, SITE_DIR } from '#site-integration/work-dir';
import { formatText } from '#core/diagnostics/format-text';
import { summary } from '#core/diagnostics/summary';
import { plural } from '#core/text/plural';
import { printable } from '#core/text/printable';
import { UserError } from '../errors.ts';
import { paint, type Io } from '../io.ts';
import { openPortfolio } from './load.ts';

export interface BuildCommandOptions {
  dir: string;
  /** Output folder; default `dist`. */
  out?: string;
  asOf?: string;
  /** Encrypt every page with a passphrase (`CLIENTBOOK_PASSWORD`, or asked on a terminal): a site for any public host. */
  encrypt?: boolean;
  /** Asks for the passphrase when the environment has none; absent where there is no terminal. */
  askSecret?: ((question: string) => Promise<string>) | undefined;
}

/** The shortest passphrase `--encrypt` takes: the pages sit on a public host, open to any guessing. */
export const MIN_PASSPHRASE = 12;

export async function build(io: Io, options: BuildCommandOptions): Promise<number> {
  const portfolio = await openPortfolio(io, options);
  const p = paint(io.color);
  if (portfolio.hasErrors) {
    const errors = portfolio.diagnostics.filter((d) => d.severity === 'error');
    // The errors are what stops the build; the count is `validate`'s, warnings included.
    io.stderr(`${formatText(errors, io.cwd, p)}\n${summary(portfolio.diagnostics, portfolio.files)}\n`);
    // Unlike `due`, a build publishes: it never leaves a client out. It names the files to fix.
    const files = [...new Set(errors.map((d) => d.file))];
    throw new UserError('The portfolio has errors, so the site was not built.', {
      hint: `Fix ${files.length === 1 ? 'this file' : `these ${files.length} files`} (\`npx clientbook validate\` lists every error), then build again:\n${files.map((f) => `  ${f}`).join('\n')}`,
    });
  }
  const out = options.out ?? 'dist';
  const outDir = path.resolve(io.cwd, out);
  const problem = outDirProblem(outDir, [portfolio.dir, io.cwd, PACKAGE_ROOT]);
  if (problem) throw new UserError(problem.message, { exitCode: 2, hint: 'Choose a new or empty folder with --out, e.g. --out dist.' });

  const passphrase = options.encrypt ? await passphraseFor(io, options) : undefined;

  const warnings = portfolio.diagnostics.length;
  if (warnings > 0) io.stderr(`${p.yellow(summary(portfolio.diagnostics, portfolio.files))} Run \`npx clientbook validate\` to see them.\n`);

  // Astro would otherwise report usage to its servers: no request leaves a clientbook build.
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  const [{ build: astroBuild }, { clientbook }] = await Promise.all([import('astro'), import('#site-integration/index')]);
  const history = await historyOf(portfolio.dir, portfolio.settings.timeZone);
  const encryption = passphrase ? await import('#site-integration/encrypt/index') : undefined;
  const keys = passphrase && encryption ? encryption.deriveSiteKeys(passphrase, portfolio.settings.title) : undefined;
  const data: SiteData = {
    portfolio,
    offline: true,
    ...(history ? { history } : {}),
    ...(keys && encryption ? { encrypted: { slugs: encryption.clientSlugs(keys.bookKey, portfolio.clients.map((c) => c.id)) } } : {}),
  };
  const started = performance.now();
  await inPrivateBuildDir((work) =>
    astroBuild({
      root: work,
      configFile: false,
      srcDir: SITE_DIR,
      cacheDir: path.join(work, '.astro', 'cache'),
      vite: { cacheDir: path.join(work, '.astro', 'vite') },
      outDir,
      logLevel: io.env.CLIENTBOOK_ASTRO_LOG === 'info' ? 'info' : 'warn',
      integrations: [clientbook({ dir: portfolio.dir, asOf: portfolio.asOf.toString(), data })],
    }),
  );
  const locked = keys && encryption ? await encryption.encryptSite(outDir, keys) : undefined;
  await (await import('#site-integration/offline/service-worker')).writeServiceWorker(outDir);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const shown = printable(path.relative(io.cwd, outDir) || '.');
  if (locked) {
    io.stdout(
      `${p.green('Built')} the encrypted site for ${portfolio.asOf.toString()} from ${plural(portfolio.clients.length, 'client')} in ${seconds} s: ${shown}/index.html\n` +
        `  ${locked.pages} pages, each encrypted (AES-256-GCM); it opens with the passphrase in any browser.\n` +
        `  Safe for a public static host: it shows nothing but the number and the sizes of the pages.\n` +
        (locked.removed.includes('calendar.ics') ? '  The calendar feed is left out: calendar apps cannot unlock it (docs/hosting.md).\n' : ''),
    );
    return 0;
  }
  io.stdout(
    `${p.green('Built')} the site for ${portfolio.asOf.toString()} from ${plural(portfolio.clients.length, 'client')} in ${seconds} s: ${shown}/index.html\n` +
      "  Open it straight from disk, or serve the folder with any static web server.\n",
  );
  return 0;
}

/** The passphrase: `CLIENTBOOK_PASSWORD`, or asked twice on a terminal. Never an argument (shell history, `ps`). */
async function passphraseFor(io: Io, options: BuildCommandOptions): Promise<string> {
  const hint = 'Set CLIENTBOOK_PASSWORD in the environment (in CI, from a repository secret), or run the build in a terminal to be asked.';
  let passphrase = io.env.CLIENTBOOK_PASSWORD;
  if (passphrase === undefined || passphrase === '') {
    if (!options.askSecret) throw new UserError('`--encrypt` needs a passphrase, and there is no terminal to ask for one.', { hint });
    passphrase = await options.askSecret('Passphrase for the site: ');
    const again = await options.askSecret('The same passphrase again: ');
    if (again !== passphrase) throw new UserError('The two passphrases differ, so nothing was built.', { hint: 'Run the build again and type the same passphrase twice.' });
  }
  if ([...passphrase].length < MIN_PASSPHRASE)
    throw new UserError(`The passphrase is shorter than ${MIN_PASSPHRASE} characters: too easy to guess for pages anyone can download.`, {
      hint: 'Use four or five random words, e.g. "lantern spruce orbit canoe", and keep it in your password manager.',
    });
  return passphrase;
}

/**
 * Runs the build from a private work folder outside the package (site-integration/work-dir.ts):
 * Astro's root, so that its `.astro/` and caches go there, and the working directory, as Astro
 * writes its page bundle to `<cwd>/.astro/.prerender` when the output folder is elsewhere and
 * imports it from there. Two builds at once (two terminals, parallel tests) each have their own.
 */
async function inPrivateBuildDir<T>(run: (work: string) => Promise<T>): Promise<T> {
  const work = await makeWorkDir('build');
  const previous = process.cwd();
  process.chdir(work.dir);
  try {
    return await run(work.dir);
  } finally {
    process.chdir(previous);
    await work.remove();
  }
}
