import { z } from 'zod';
import { extensible } from './extensible.ts';
import { date, interval, text } from './values.ts';

/** A next action. Every active client should have at least one open. */
export const actionSchema = extensible({
  /** What to do; unique within the client. */
  title: text('Renew anti-virus for all seats'),
  /** When; an action without a date is open but never due. */
  due: date().optional(),
  /** The action recurs (`1 year`, `3 months`); needs `due`. */
  every: interval().optional(),
  /** When it was done; a done action is closed. */
  done: date().optional(),
  /** How long before `due` it shows as upcoming, when longer than the window ("renew the domain": `60 days`). */
  notice: interval().optional(),
  /** Your own labels. */
  tags: z.array(text('backup')).optional(),
  /** Anything else worth knowing about it. */
  note: text('Two options side by side').optional(),
});
export type Action = z.output<typeof actionSchema>;
