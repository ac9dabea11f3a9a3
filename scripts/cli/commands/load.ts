/** Loading the portfolio for a command, after checking its date option. */
import { loadPortfolio, type Portfolio } from '#core/portfolio';
import { YEAR_MAX, YEAR_MIN, parseDate } from '#core/dates';
import { UserError } from '../errors.ts';
import type { Io } from '../io.ts';

export interface PortfolioOptions {
  dir: string;
  asOf?: string;
  /** Only the diagnostics are needed (see `LoadOptions.diagnosticsOnly`). */
  diagnosticsOnly?: boolean;
}

export function checkDateOption(value: string | undefined, flag: string): void {
  if (value === undefined) return;
  const date = parseDate(value);
  if (!date) throw new UserError(`${flag} ${value} is not a date.`, { exitCode: 2, hint: `Write ${flag} YYYY-MM-DD, e.g. ${flag} 2026-12-01.` });
  // The range of the format's dates (FORMAT.md 1.1): a report as of year 0 would put year 0 in the calendar.
  if (date.year < YEAR_MIN || date.year > YEAR_MAX)
    throw new UserError(`${flag} ${value} is out of range: years run from ${YEAR_MIN} to ${YEAR_MAX}.`, { exitCode: 2, hint: `Write a date from ${YEAR_MIN}-01-01 to ${YEAR_MAX}-12-31, e.g. ${flag} 2026-12-01.` });
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
