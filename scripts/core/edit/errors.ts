import type { Diagnostic } from '../diagnostics.ts';

/** Why an edit was not made. The file is untouched whenever one of these is thrown. */
export class EditError extends Error {
  readonly hint: string | undefined;
  constructor(message: string, options: { hint?: string } = {}) {
    super(message);
    this.name = 'EditError';
    this.hint = options.hint;
  }
}

/** The file changed on disk (or appeared) between reading it and writing the edit. */
export class ConcurrentEditError extends EditError {
  constructor(message: string, options: { hint?: string } = {}) {
    super(message, options);
    this.name = 'ConcurrentEditError';
  }
}

/** The edited file would not validate: the diagnostics are the new errors, in the edited text. */
export class EditRejectedError extends EditError {
  readonly diagnostics: Diagnostic[];
  constructor(message: string, diagnostics: Diagnostic[], options: { hint?: string } = {}) {
    super(message, options);
    this.name = 'EditRejectedError';
    this.diagnostics = diagnostics;
  }
}
