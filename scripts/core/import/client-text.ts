/**
 * One imported row as a client file: front matter written by the yaml package (so that every value
 * is quoted exactly when YAML needs it), the required fields filled with what is known, and the
 * row's notes as the first dated note.
 */
import { Document } from 'yaml';
import type { PlainDate } from '../dates.ts';
import type { ClientType } from '../schema/client.ts';

export interface ImportedClient {
  name: string;
  type: ClientType;
  contact?: string;
  email?: string;
  phone?: string;
  since?: string;
  location?: string;
  notes?: string;
}

/** What the file says of a contact nobody gave: the template's placeholder, which `validate` points out. */
export const CONTACT_PLACEHOLDER = 'CONTACT NAME';

export function importedClientText(client: ImportedClient, origin: { file: string; line: number }, today: PlainDate): string {
  const contact: Record<string, string> = { name: client.contact ?? CONTACT_PLACEHOLDER };
  if (client.email) contact.email = client.email;
  if (client.phone) contact.phone = client.phone;
  const data: Record<string, unknown> = { name: client.name, type: client.type };
  if (client.since) data.since = client.since;
  data.contact = contact;
  if (client.location) data.location = client.location;
  data.growth = { outlook: 'unknown' };
  data.actions = [];
  const doc = new Document(data);
  doc.commentBefore = ` Imported from ${origin.file.replace(/[\r\n]/g, ' ')}, line ${origin.line}, on ${today.toString()}.${client.contact ? '' : ' Fill in the contact.'}\n Every client needs a next action: add one under actions (npx clientbook add).`;
  const yaml = doc.toString({ lineWidth: 0 });
  const body = client.notes ? `\n## ${today.toString()} Imported from ${origin.file.replace(/[\r\n]/g, ' ')}\n${client.notes.replace(/\r\n?/g, '\n').trim()}\n` : '';
  return `---\n${yaml}---\n${body}`;
}
