/** Links that call or write to a person: one tap on a phone. */

/** `tel:` wants digits and a leading plus only: `+1 867 555 0100` -> `tel:+18675550100`. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

export function mailHref(email: string): string {
  return `mailto:${email.trim()}`;
}
