/**
 * The one base of every error clientbook throws on purpose: a stable code, a message for the user,
 * a hint, and the exit code the CLI returns for it (1: it failed, 2: bad usage). Only the CLI's
 * `main` turns them into an exit code; anything else thrown is a bug, shown with its stack only
 * behind `--debug`.
 */
export type FailureCode =
  /** A command was called wrongly (exit 2). */
  | 'usage'
  /** A command could not do what was asked (exit 1). */
  | 'failed'
  | 'portfolio-not-found'
  | 'portfolio-errors'
  | 'edit-refused'
  | 'edit-conflict'
  | 'edit-rejected'
  | 'git-not-installed'
  | 'not-a-repository'
  | 'unknown-revision'
  | 'git-failed';

export interface FailureOptions {
  hint?: string | undefined;
  exitCode?: 1 | 2;
}

export class ClientbookError extends Error {
  readonly code: FailureCode;
  readonly hint: string | undefined;
  readonly exitCode: 1 | 2;
  constructor(code: FailureCode, message: string, options: FailureOptions = {}) {
    super(message);
    this.name = 'ClientbookError';
    this.code = code;
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? 1;
  }
}

/** What to do when the portfolio folder is not where it was looked for (every command says the same). */
export const PORTFOLIO_NOT_FOUND_HINT = 'Run clientbook in the folder that holds clients/, or pass --dir PATH.';

/** The portfolio folder does not exist, is not a folder or cannot be read. */
export class PortfolioNotFoundError extends ClientbookError {
  constructor(message: string, hint: string = PORTFOLIO_NOT_FOUND_HINT) {
    super('portfolio-not-found', message, { hint });
    this.name = 'PortfolioNotFoundError';
  }
}
