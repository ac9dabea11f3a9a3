import { z } from 'zod';
import { extensible } from './extensible.ts';
import { text } from './values.ts';

/** A person at the client. */
export const personSchema = extensible({
  /** Full name. */
  name: text('Hank Miller'),
  /** Job title or role, e.g. "Owner", "Office manager". */
  role: text('Owner').optional(),
  /** An e-mail address. */
  email: text('hank@hanks-hardware.example').optional(),
  /** A phone number; quote it: `phone: "+1 867 555 0100"`. */
  phone: text('"+1 867 555 0100"').optional(),
  /** Anything worth knowing before you call. */
  note: text('Best reached before 8').optional(),
});
export type Person = z.output<typeof personSchema>;
