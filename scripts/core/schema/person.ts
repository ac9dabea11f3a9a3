import { z } from 'zod';
import { extensible } from './extensible.ts';
import { text } from './values.ts';

/** A person at the client. */
export const personSchema = extensible({
  /** Full name. */
  name: text(),
  /** Job title or role, e.g. "Owner", "Office manager". */
  role: text().optional(),
  email: text().optional(),
  /** Quote it: `phone: "+1 867 555 0100"`. */
  phone: text().optional(),
  note: text().optional(),
});
export type Person = z.output<typeof personSchema>;
