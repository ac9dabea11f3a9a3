import { z } from 'zod';
import { extensible } from './extensible.ts';
import { text } from './values.ts';

/** A person at the client. */
export const personSchema = extensible({
  /** Full name. */
  name: text(),
  /** Job title or role, e.g. "Owner", "Office manager". */
  role: text().optional(),
  /** An e-mail address. */
  email: text().optional(),
  /** A phone number; quote it: `phone: "+1 867 555 0100"`. */
  phone: text().optional(),
  /** Anything worth knowing before you call. */
  note: text().optional(),
});
export type Person = z.output<typeof personSchema>;
