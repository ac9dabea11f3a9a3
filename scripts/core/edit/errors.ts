import type { Diagnostic } from '../diagnostics.ts';
import { ClientbookError, type FailureCode } from '../errors.ts';

/** Why an edit was not made. The file is untouched whenever one of these is thrown. */
export class EditError extends ClientbookError {
  constructor(message: string, options: { hint?: string } = {}, code: FailureCode = 'edit-refused') {
    super(code, message, options);
    this.name = 'EditError';
  }
}

/** The file changed on disk (or appeared) between reading it and writing the edit. */
export class ConcurrentEditError extends EditError {
  constructor(message: string, options: { hint?: string } = {}) {
    super(message, options, 'edit-conflict');
    this.name = 'ConcurrentEditError';
  }
}

/** The edited file would not validate: the diagnostics are the new errors, in the edited text. */
export class EditRejectedError extends EditError {
  readonly diagnostics: Diagnostic[];
  constructor(message: string, diagnostics: Diagnostic[], options: { hint?: string } = {}) {
    super(message, options, 'edit-rejected');
    this.name = 'EditRejectedError';
    this.diagnostics = diagnostics;
  }
}

const WRITE_FAILURES: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ENAMETOOLONG: 'a file name would be too long',
};

/** A file beside the client file (its lock or temporary copy) could not be made: say where and why. */
export function cannotWrite(display: string, dir: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const why = code ? WRITE_FAILURES[code] : undefined;
  if (!why) return error instanceof Error ? error : new Error(String(error));
  return new EditError(`clientbook cannot write in the folder of ${display} (${dir}): ${why}.`, {
    hint: code === 'ENOSPC' || code === 'EDQUOT'
      ? 'Nothing was written. Free some space, then run the command again.'
      : 'Nothing was written. An edit writes a new copy beside the file and renames it over the old one, so the folder must be writable (chmod u+w on the folder).',
  });
}
