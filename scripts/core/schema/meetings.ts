import { z } from 'zod';
import { extensible } from './extensible.ts';
import { date } from './values.ts';

export const CADENCES = ['weekly', 'monthly', 'quarterly', 'yearly', 'none'] as const;
export type Cadence = (typeof CADENCES)[number];

/** The regular meeting rhythm. */
export const meetingsSchema = extensible({
  /** `weekly`, `monthly`, `quarterly`, `yearly` or `none`. */
  cadence: z.enum(CADENCES),
  /** Date of the last meeting; the next is due one cadence later. */
  last: date().optional(),
});
export type Meetings = z.output<typeof meetingsSchema>;
