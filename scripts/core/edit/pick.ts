import { printable } from '../text/printable.ts';
import { slugify } from '../slug.ts';

/**
 * Choosing one item by what a person types: the exact text, or a unique beginning of it, case and
 * accents aside. Anything else is refused with the candidates, never guessed.
 */

/** `  Café  Ürün ` -> `cafe urun`: compared case-, accent- and spacing-blind. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

export type Picked<T> =
  | { kind: 'found'; item: T }
  | { kind: 'none' }
  | { kind: 'ambiguous'; candidates: T[] };

export interface PickRules<T> {
  /** Texts that name the item exactly (an id, a title). */
  exact: (item: T) => readonly string[];
  /** Texts a query may be the beginning of (folded before comparing). */
  prefixes: (item: T) => readonly string[];
  /** Among several prefix matches, those preferred (e.g. open actions over done ones). */
  prefer?: (item: T) => boolean;
}

export function pick<T>(items: readonly T[], query: string, rules: PickRules<T>): Picked<T> {
  const result = (matches: readonly T[]): Picked<T> | undefined =>
    matches.length === 1 ? { kind: 'found', item: matches[0]! } : matches.length > 1 ? { kind: 'ambiguous', candidates: [...matches] } : undefined;

  const exact = items.filter((item) => rules.exact(item).includes(query));
  const q = fold(query);
  const s = slugify(query);
  if (q === '') return exact.length ? result(exact)! : { kind: 'none' };
  // Punctuation aside too: "hanks hardware" names "Hank's Hardware", "renew anti virus" "Renew anti-virus".
  const same = (t: string) => fold(t) === q || (s !== '' && slugify(t) === s);
  const starts = (t: string) => fold(t).startsWith(q) || (s !== '' && slugify(t).startsWith(s));
  const folded = exact.length ? exact : items.filter((item) => rules.exact(item).some(same));
  const byExact = result(folded);
  if (byExact) return byExact;
  let prefixed = items.filter((item) => rules.prefixes(item).some(starts));
  if (prefixed.length > 1 && rules.prefer) {
    const preferred = prefixed.filter(rules.prefer);
    if (preferred.length > 0) prefixed = preferred;
  }
  return result(prefixed) ?? { kind: 'none' };
}

/** A list for a hint: one candidate per line. */
export function listing(lines: readonly string[], limit = 12): string {
  // One line per entry, whatever a title holds: a line feed in it must not fake another entry.
  const shown = lines.slice(0, limit).map((l) => `    ${printable(l)}`);
  if (lines.length > limit) shown.push(`    … and ${lines.length - limit} more`);
  return shown.join('\n');
}
