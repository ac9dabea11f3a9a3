/**
 * The columns of a table, named once: the header row and each cell's `data-label` (the label a
 * cell shows when its row becomes a card on a phone) come from the same definition.
 */

export interface Column {
  label: string;
  /** `num` right-aligns; `date` keeps a date on one line at desktop widths. */
  class?: 'num' | 'date';
}

export interface Columns<K extends string> {
  /** In display order, for the header row. */
  list: Column[];
  /** Each column's label by key, for the cells' `data-label`. */
  label: Record<K, string>;
}

export function defineColumns<K extends string>(defs: Record<K, Column | string>): Columns<K> {
  const list: Column[] = [];
  const label = {} as Record<K, string>;
  for (const key of Object.keys(defs) as K[]) {
    const def = defs[key];
    const column: Column = typeof def === 'string' ? { label: def } : def;
    list.push(column);
    label[key] = column.label;
  }
  return { list, label };
}
