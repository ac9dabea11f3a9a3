/**
 * Which column of a spreadsheet export goes into which field of a client file: guessed from the
 * headers, in plain English and as the common PSA and RMM tools export them, and overridden with
 * `--map COLUMN=field`.
 *
 * Headers of the exports, from the vendors' import and export documentation (Autotask, Syncro,
 * NinjaOne) and from integrators' descriptions of the same screens (ConnectWise, HaloPSA):
 * - ConnectWise Manage, company list: "Company Name", "Company ID", "Phone Number", "Type", "Status",
 *   "Address Line 1", "Address Line 2", "City", "State", "Zip", "Country".
 * - Autotask (Datto), organization and contact import template: "[required] Name" or
 *   "Organization: Name", "Phone", "Address 1", "Address 2", "City", "State", "Zip Code", "Country",
 *   "Contact: First Name", "Contact: Last Name", "Contact: Email Address".
 * - HaloPSA, clients: "Client Name", "Main Site Address Line 1" and the other "Main Site" fields.
 * - Syncro, customer (organization) CSV: "business_name", "firstname", "lastname", "email",
 *   "phone", "mobile_phone", "office_phone", "address", "address_2", "city", "state", "zip",
 *   "notes", "created_at", "referred_by".
 * - NinjaOne, organizations: "Organization" or "Name", "Description".
 */

/** The fields a column can fill; `ignore` leaves a column out. */
export const IMPORT_FIELDS = ['name', 'contact', 'contact-first', 'contact-last', 'email', 'phone', 'type', 'since', 'location', 'notes', 'ignore'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Fields filled from several columns: their non-empty values are joined (contact: "First Last"). */
export const JOINED: Partial<Record<ImportField, string>> = { location: ', ', notes: '\n' };

/** A header as compared: lower case, without "[required]", asterisks, punctuation and the record's own prefix. */
export function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/\[required\s*\*?\]/g, ' ')
    .replace(/[*_.:/()#-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(organization|organisation|company|account|customer|client) (?=name$|phone|address|city|state|zip|postal|country|email|e mail|notes?$|type$|since$|description$)/, '');
}

const GUESSES: [ImportField, string[]][] = [
  ['name', ['name', 'company', 'company name', 'client', 'client name', 'customer', 'customer name', 'organization', 'organisation', 'organization name', 'business', 'business name', 'account name', 'site name']],
  ['contact', ['contact', 'contact name', 'primary contact', 'main contact', 'default contact', 'contact person', 'point of contact', 'poc', 'full name']],
  ['contact-first', ['first name', 'firstname', 'contact first name', 'contact firstname', 'given name', 'primary contact first name']],
  ['contact-last', ['last name', 'lastname', 'contact last name', 'contact lastname', 'surname', 'family name', 'primary contact last name']],
  ['email', ['email', 'e mail', 'email address', 'e mail address', 'contact email', 'contact email address', 'primary email', 'main email', 'contact e mail']],
  ['phone', ['phone', 'phone number', 'telephone', 'tel', 'main phone', 'office phone', 'office phone number', 'contact phone', 'business phone', 'mobile', 'mobile phone', 'cell', 'cell phone', 'phone 1']],
  ['type', ['clientbook type', 'client type', 'service type', 'type']],
  ['since', ['since', 'client since', 'customer since', 'created', 'created at', 'created on', 'date created', 'start date', 'contract start', 'contract start date']],
  ['location', ['location', 'address', 'address 1', 'address line 1', 'address1', 'street', 'street address', 'address 2', 'address line 2', 'address2', 'city', 'town', 'state', 'province', 'region', 'state province', 'zip', 'zip code', 'postal code', 'postcode', 'country', 'main site address line 1', 'main site address line 2', 'main site city', 'main site state', 'main site postcode', 'main site country']],
  ['notes', ['notes', 'note', 'description', 'comments', 'comment', 'remarks']],
];

const GUESS = new Map<string, ImportField>(GUESSES.flatMap(([field, headers]) => headers.map((h) => [h, field] as const)));

export function guessField(header: string): ImportField | undefined {
  return GUESS.get(normaliseHeader(header));
}

export interface ColumnMapping {
  /** One per column, in the file's order; undefined: not imported. */
  fields: (ImportField | undefined)[];
  /** How each came about, for --dry-run. */
  how: ('guessed' | 'given' | 'none')[];
}

export class MappingError extends Error {
  readonly hint: string;
  constructor(message: string, hint: string) {
    super(message);
    this.hint = hint;
  }
}

/** `COLUMN=field` options applied over the guesses. Column names are matched without regard to case. */
export function mapColumns(headers: readonly string[], overrides: readonly string[]): ColumnMapping {
  const fields = headers.map(guessField);
  const how: ColumnMapping['how'] = fields.map((f) => (f ? 'guessed' : 'none'));
  for (const option of overrides) {
    const at = option.lastIndexOf('=');
    const column = at < 0 ? '' : option.slice(0, at).trim();
    const field = at < 0 ? '' : option.slice(at + 1).trim().toLowerCase();
    if (at < 0 || column === '')
      throw new MappingError(`--map ${option}: write COLUMN=field.`, `e.g. --map "Company Name=name" --map "Main Contact=contact"; the fields are ${IMPORT_FIELDS.join(', ')}.`);
    if (!(IMPORT_FIELDS as readonly string[]).includes(field))
      throw new MappingError(`--map ${option}: \`${field}\` is not a field clientbook imports.`, `The fields are ${IMPORT_FIELDS.join(', ')} (ignore leaves the column out).`);
    const index = headers.findIndex((h) => h.trim().toLowerCase() === column.toLowerCase());
    if (index < 0)
      throw new MappingError(`--map ${option}: the file has no column \`${column}\`.`, `Its columns are: ${headers.map((h) => JSON.stringify(h)).join(', ')}.`);
    fields[index] = field === 'ignore' ? undefined : (field as ImportField);
    how[index] = 'given';
  }
  // One column each for these: a second one guessed (a "Type" beside "Client Type") is left out; two given are bad usage.
  for (const single of ['name', 'contact', 'contact-first', 'contact-last', 'type', 'since'] as const) {
    const indexes = fields.flatMap((f, i) => (f === single ? [i] : []));
    if (indexes.length < 2) continue;
    const given = indexes.filter((i) => how[i] === 'given');
    if (given.length > 1)
      throw new MappingError(`--map gives two columns to ${single}: ${given.map((i) => JSON.stringify(headers[i])).join(' and ')}.`, `Map one column to ${single}, and the other to another field or to ignore.`);
    const keep = given[0] ?? indexes[0]!;
    for (const i of indexes) if (i !== keep) (fields[i] = undefined), (how[i] = 'none');
  }
  return { fields, how };
}
