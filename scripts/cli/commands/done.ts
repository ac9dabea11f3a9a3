import { completeAction } from '../../core/edit/complete-action.ts';
import type { Io } from '../io.ts';
import { runEdit, type EditCommandOptions } from './edit-session.ts';

/** `clientbook done <client> <action>`: closes an action, or moves a recurring one to its next due date. */
export async function done(io: Io, client: string, action: string, options: EditCommandOptions): Promise<number> {
  return runEdit(io, options, client, (file, name, on) => completeAction(file, action, on, name));
}
