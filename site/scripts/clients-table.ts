/**
 * Sort and filter the clients table in the page itself: no server, works from disk. Without
 * script the table is complete, sorted by name, and the filter controls stay hidden.
 */
import { compareValues, matches, type SortDirection, type SortType } from '../lib/table-sort.ts';

export function enhanceClientsTable(doc: Document): void {
  const table = doc.querySelector<HTMLTableElement>('table[data-clients]');
  const form = doc.querySelector<HTMLFormElement>('form[data-filters]');
  const status = doc.querySelector<HTMLElement>('[data-shown]');
  if (!table || !form) return;
  const body = table.tBodies[0]!;
  const rows = [...body.rows];
  const headers = [...table.querySelectorAll<HTMLTableCellElement>('thead th')];

  const sortBy = (column: number, direction: SortDirection) => {
    const type = (headers[column]?.dataset.sortType ?? 'text') as SortType;
    const value = (row: HTMLTableRowElement) => row.cells[column]?.dataset.sort ?? row.cells[column]?.textContent?.trim() ?? '';
    const sorted = [...body.rows].sort(
      (a, b) => compareValues(value(a), value(b), type, direction) || compareValues(value0(a), value0(b), 'text', 'ascending'),
    );
    body.append(...sorted);
    headers.forEach((th, i) => {
      if (th.querySelector('button.sort')) {
        if (i === column) th.setAttribute('aria-sort', direction);
        else th.removeAttribute('aria-sort');
      }
    });
  };
  const value0 = (row: HTMLTableRowElement) => row.cells[0]?.dataset.sort ?? '';

  headers.forEach((th, column) => {
    if (!th.dataset.sortType) return;
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = 'sort';
    button.append(...th.childNodes);
    th.append(button);
    button.addEventListener('click', () => {
      const current = th.getAttribute('aria-sort');
      sortBy(column, current === 'ascending' ? 'descending' : 'ascending');
    });
  });

  const apply = () => {
    const fields: Record<string, string> = {};
    for (const select of form.querySelectorAll<HTMLSelectElement>('select[data-filter]')) fields[select.dataset.filter!] = select.value;
    const text = form.querySelector<HTMLInputElement>('input[data-search]')?.value ?? '';
    let shown = 0;
    for (const row of rows) {
      const ok = matches({ fields: { ...row.dataset }, search: row.dataset.search ?? '' }, { fields, text });
      // Only rows that change are written: a thousand attribute writes would restyle the whole table.
      if (row.hidden === ok) row.hidden = !ok;
      if (ok) shown++;
    }
    if (status) status.textContent = shown === rows.length ? `All ${rows.length} clients.` : `${shown} of ${rows.length} clients.`;
  };
  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('reset', () => setTimeout(apply));
  form.hidden = false;
  apply();
}
