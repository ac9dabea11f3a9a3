/** Links that call or write to a person: one tap on a phone. */

/** `tel:` wants digits and a leading plus only: `+1 867 555 0100` -> `tel:+18675550100`. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

/**
 * `mailto:` to exactly the address written. Anything after it that a mail program would read as
 * more (`?bcc=…`, `&body=…`, a second address after a comma) is percent-encoded into the address,
 * so a client file cannot add a hidden recipient or a prefilled message to the consultant's e-mail.
 */
export function mailHref(email: string): string {
  return `mailto:${encodeURIComponent(email.trim()).replaceAll('%40', '@')}`;
}
