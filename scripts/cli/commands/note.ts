import { addNote } from '#core/edit/add-note';
import { UserError } from '../errors.ts';
import type { Io } from '../io.ts';
import { checkNextOptions, runEdit, withNext, type EditCommandOptions, type NextOptions } from './edit-session.ts';

export interface NoteOptions extends EditCommandOptions, NextOptions {
  title?: string;
}

/** `clientbook note <client> "text"`: a dated note in the file's body (and with `--next`, the follow-up action). */
export async function note(io: Io, client: string, text: string, options: NoteOptions): Promise<number> {
  if (text.trim() === '')
    throw new UserError('The note is empty.', { exitCode: 2, hint: 'Write what happened, in quotes: clientbook note hanks-hardware "Swapped the switch; POS back in 40 minutes."' });
  checkNextOptions(options);
  return runEdit(io, options, client, (file, name, on) =>
    withNext(addNote(file, text, { on, ...(options.title ? { title: options.title } : {}) }), file, name, options, on),
  );
}
