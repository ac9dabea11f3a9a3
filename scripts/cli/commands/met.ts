import { recordMeeting } from '../../core/edit/record-meeting.ts';
import type { Cadence } from '../../core/schema/meetings.ts';
import type { Io } from '../io.ts';
import { runEdit, type EditCommandOptions } from './edit-session.ts';

export interface MetOptions extends EditCommandOptions {
  cadence?: Cadence;
}

/** `clientbook met <client>`: records the last meeting (`meetings.last`). */
export async function met(io: Io, client: string, options: MetOptions): Promise<number> {
  return runEdit(io, options, client, (file, _name, on) => recordMeeting(file, { on, ...(options.cadence ? { cadence: options.cadence } : {}) }));
}
