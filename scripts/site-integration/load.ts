/** Loading the portfolio for the site: the same core as the CLI, and no site from a broken portfolio. */
import { formatText, summary } from '../cli/diagnostics-format.ts';
import { paint } from '../cli/io.ts';
import { readHistory, type History } from '../core/git/history.ts';
import { loadPortfolio, type Portfolio } from '../core/portfolio.ts';
import type { SiteData } from './store.ts';

/** Thrown when the portfolio has errors: its message is the diagnostics, as `validate` prints them. */
export class PortfolioErrorsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PortfolioErrorsError';
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
  if (!portfolio.hasErrors) return;
  const errors = portfolio.diagnostics.filter((d) => d.severity === 'error');
  throw new PortfolioErrorsError(
    `${formatText(errors, cwd, paint(false))}\n${summary(errors, portfolio.files)}\n` +
      'The site is not built from a portfolio with errors. Fix them (`npx clientbook validate` lists them all): ' +
        '`clientbook dev` shows the site again on the next save; after `clientbook build`, run it again.',
  );
}

/**
 * The portfolio's git history: one `git log` for all clients. Outside a repository (or without
 * git) it is unavailable, with the reason, which the client pages show in place of the history.
 */
export async function historyOf(dir: string, timeZone: string): Promise<History> {
  return readHistory(dir, { timeZone });
}
