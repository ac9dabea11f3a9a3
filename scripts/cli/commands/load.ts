/** Loading the portfolio for a command, after checking its date option. */
import { loadPortfolio, type Portfolio } from '../../core/portfolio.ts';
import { parseDate } from '../../core/dates.ts';
import { UserError } from '../errors.ts';
import type { Io } from '../io.ts';

export interface PortfolioOptions {
  dir: string;
  asOf?: string;
  /** Only the diagnostics are needed (see `LoadOptions.diagnosticsOnly`). */
  diagnosticsOnly?: boolean;
}

export function checkDateOption(value: string | undefined, flag: string): void {
  if (value !== undefined && !parseDate(value))
    throw new UserError(`${flag} ${value} is not a date.`, { exitCode: 2, hint: `Write ${flag} YYYY-MM-DD, e.g. ${flag} 2026-12-01.` });
}

export async function openPortfolio(io: Io, options: PortfolioOptions): Promise<Portfolio> {
  checkDateOption(options.asOf, '--as-of');
  return loadPortfolio({
    dir: options.dir,
    cwd: io.cwd,
    ...(options.asOf ? { asOf: options.asOf } : {}),
    ...(options.diagnosticsOnly ? { diagnosticsOnly: true } : {}),
  });
}
