import { parseDate } from '#core/dates';
import { completeItem } from '#core/edit/complete-item';
import type { Outlook } from '#core/schema/growth';
import type { Io } from '../io.ts';
import { checkNextOptions, runEdit, withNext, type EditCommandOptions, type NextOptions } from './edit-session.ts';
import { checkDateOption } from './load.ts';

export interface DoneOptions extends EditCommandOptions, NextOptions {
  /** An asset's new expiry date. */
  until?: string;
  outlook?: Outlook;
}

/**
 * `clientbook done <client> <item>`: completes any due item (an action, an asset's expiry or
 * replacement, the meeting, the outlook check), and with `--next` adds the follow-up in the same edit.
 */
export async function done(io: Io, client: string, item: string, options: DoneOptions): Promise<number> {
  checkDateOption(options.until, '--until');
  checkNextOptions(options);
  const until = options.until ? parseDate(options.until)! : undefined;
  return runEdit(io, options, client, (file, name, on) =>
    withNext(completeItem(file, item, { on, ...(until ? { until } : {}), ...(options.outlook ? { outlook: options.outlook } : {}) }, name), file, name, options, on),
  );
}
