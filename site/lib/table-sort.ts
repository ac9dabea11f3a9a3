/**
 * Sorting and filtering the clients table in the browser (imported by its script, so it imports
 * nothing). Cells carry their sort value in `data-sort`: ISO dates and zero-padded keys sort as
 * text, numbers as numbers; empty values always go last.
 */

export type SortType = 'text' | 'number';
export type SortDirection = 'ascending' | 'descending';

export function compareValues(a: string, b: string, type: SortType, direction: SortDirection): number {
  if (a === '' || b === '') return a === b ? 0 : a === '' ? 1 : -1;
  const sign = direction === 'ascending' ? 1 : -1;
  if (type === 'number') return sign * (Number(a) - Number(b));
  return sign * a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' });
}

/** Filters: field name to the value it must have ('' for any), plus free text matched against `search`. */
export interface Filters {
  fields: Record<string, string>;
  text: string;
}

export function matches(row: { fields: Record<string, string | undefined>; search: string }, filters: Filters): boolean {
  for (const [field, wanted] of Object.entries(filters.fields)) {
    if (wanted !== '' && row.fields[field] !== wanted) return false;
  }
  const words = filters.text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return words.every((w) => row.search.includes(w));
}
