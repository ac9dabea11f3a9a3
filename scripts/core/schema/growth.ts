import { z } from 'zod';
import { extensible } from './extensible.ts';
import { date, text, whole, year } from './values.ts';

export const OUTLOOKS = ['growing', 'stable', 'shrinking', 'unknown'] as const;
export type Outlook = (typeof OUTLOOKS)[number];

/** Where the business is heading. Don't assume: ask. */
export const growthSchema = extensible({
  /** `growing`, `stable`, `shrinking` or `unknown`. */
  outlook: z.enum(OUTLOOKS),
  /** When the client was last asked; the outlook is due to be asked again a year later. */
  asked: date().optional(),
  /** How far the outlook reaches; default: three years after `asked`. */
  horizon: year().optional(),
  /** Expected headcount at the horizon. */
  headcount: whole(0).optional(),
  /** What the client said about revenue, in their words. */
  revenue: text('"$3M now, expects $3.5M within 18 months"').optional(),
  /** Anything else about their plans. */
  note: text('Opening a second store in 2027').optional(),
});
export type Growth = z.output<typeof growthSchema>;
