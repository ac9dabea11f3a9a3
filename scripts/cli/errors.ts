/** An expected failure: its message is for the user, its exit code for the shell (1 failed, 2 bad usage). */
export class UserError extends Error {
  readonly exitCode: 1 | 2;
  readonly hint: string | undefined;
  constructor(message: string, options: { exitCode?: 1 | 2; hint?: string } = {}) {
    super(message);
    this.name = 'UserError';
    this.exitCode = options.exitCode ?? 1;
    this.hint = options.hint;
  }
}
