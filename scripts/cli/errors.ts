/** An expected failure of a command: its message is for the user, its exit code for the shell (1 failed, 2 bad usage). */
import { ClientbookError, type FailureOptions } from '#core/errors';

export class UserError extends ClientbookError {
  constructor(message: string, options: FailureOptions = {}) {
    super(options.exitCode === 2 ? 'usage' : 'failed', message, options);
    this.name = 'UserError';
  }
}
