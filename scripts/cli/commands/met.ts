import { recordMeeting } from '#core/edit/record-meeting';
import type { Cadence } from '#core/schema/meetings';
import type { Io } from '../io.ts';
import { checkNextOptions, runEdit, withNext, type EditCommandOptions, type NextOptions } from './edit-session.ts';

export interface MetOptions extends EditCommandOptions, NextOptions {
  cadence?: Cadence;
}

/** `clientbook met <client>`: records the last meeting (`meetings.last`), the short form of `done <client> meeting`. */
export async function met(io: Io, client: string, options: MetOptions): Promise<number> {
  checkNextOptions(options);
  return runEdit(io, options, client, (file, name, on) =>
    withNext(recordMeeting(file, { on, ...(options.cadence ? { cadence: options.cadence } : {}) }), file, name, options, on),
  );
}
