/** Loading the portfolio for the site: the same core as the CLI, and no site from a broken portfolio. */
import type { Diagnostic } from '#core/diagnostics';
import { formatText } from '#core/diagnostics/format-text';
import { ClientbookError } from '#core/errors';
import { summary } from '#core/diagnostics/summary';
import { paint } from '#core/text/paint';
import { readHistory, type History } from '#core/git/history';
import { loadPortfolio, type Portfolio } from '#core/portfolio';
import type { SiteData } from './store.ts';

/**
 * Thrown when the portfolio has errors. It carries them; its message is them as `validate` prints
 * them, for Astro's terminal and error overlay, which show only a message.
 */
export class PortfolioErrorsError extends ClientbookError {
  /** The errors that stop the site. */
  readonly diagnostics: readonly Diagnostic[];
  /** Every diagnostic of the portfolio, warnings too: what the summary counts. */
  readonly counted: readonly Diagnostic[];
  readonly files: number;
  /** What the diagnostics' paths are relative to (their code frames are read from there). */
  readonly cwd: string;
  /** `counted`: every diagnostic of the portfolio, so that the summary counts warnings as `validate` does. */
  constructor(diagnostics: readonly Diagnostic[], files: number, cwd: string, counted: readonly Diagnostic[] = diagnostics) {
    super(
      'portfolio-errors',
      `${formatText(diagnostics, cwd, paint(false))}\n${summary(counted, files)}\n` +
        'The site is not built from a portfolio with errors. Fix them (`npx clientbook validate` lists them all): ' +
        '`clientbook dev` shows the site again on the next save; after `clientbook build`, run it again.',
    );
    this.name = 'PortfolioErrorsError';
    this.diagnostics = diagnostics;
    this.counted = counted;
    this.files = files;
    this.cwd = cwd;
  }
}

export interface LoadSiteOptions {
  /** Absolute path of the portfolio folder. */
  dir: string;
  /** `YYYY-MM-DD`; default: today in the portfolio's time zone. */
  asOf?: string | undefined;
  /** For display paths in diagnostics. */
  cwd?: string;
}

/** Loads and validates the portfolio; throws `PortfolioErrorsError` when it has errors. */
export async function loadSiteData(options: LoadSiteOptions): Promise<SiteData> {
  const cwd = options.cwd ?? process.cwd();
  const portfolio = await loadPortfolio({ dir: options.dir, cwd, ...(options.asOf ? { asOf: options.asOf } : {}) });
  assertNoErrors(portfolio, cwd);
  return { portfolio, history: await historyOf(portfolio.dir, portfolio.settings.timeZone) };
}

/** Throws `PortfolioErrorsError` with the errors as `validate` prints them, when there are any. */
export function assertNoErrors(portfolio: Portfolio, cwd = process.cwd()): void {
  const error = portfolioErrors(portfolio, cwd);
  if (error) throw error;
}

/** The portfolio's errors as a `PortfolioErrorsError`, or undefined when it has none. */
export function portfolioErrors(portfolio: Portfolio, cwd = process.cwd()): PortfolioErrorsError | undefined {
  if (!portfolio.hasErrors) return undefined;
  return new PortfolioErrorsError(
    portfolio.diagnostics.filter((d) => d.severity === 'error'),
    portfolio.files,
    cwd,
    portfolio.diagnostics,
  );
}

/**
 * The portfolio's git history: one `git log` for all clients. Outside a repository (or without
 * git) it is unavailable, with the reason, which the client pages show in place of the history.
 */
export async function historyOf(dir: string, timeZone: string): Promise<History> {
  return readHistory(dir, { timeZone });
}
