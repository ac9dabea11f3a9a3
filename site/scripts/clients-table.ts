/**
 * Sort and filter the clients table in the page itself: no server, works from disk. Without
 * script the table is complete, sorted by name, and the filter controls stay hidden.
 */
import { GROUP_HEADINGS } from '#core/model/agenda-order';
import { dayStatus, daysFromTo, localDate, relativeDays } from '../lib/day-math.ts';
import { compareValues, matches, type SortDirection, type SortType } from '../lib/table-sort.ts';

/**
 * Opened on a later day than it was built for, each client's next item takes the status it has
 * today (in the portfolio's time zone), as the agenda's items do: its badge, the next due filter.
 */
export function restatusNextDue(table: HTMLTableElement, now: Date): void {
  const built = table.dataset.asOf;
  if (!built) return;
  const today = localDate(now, table.dataset.timeZone || undefined);
  if (today === built) return;
  const window = Number(table.dataset.window ?? '30');
  for (const row of table.tBodies[0]?.rows ?? []) {
    const cell = row.querySelector<HTMLElement>('td.next-due');
    const key = cell?.dataset.sort;
    if (!cell || !key || key === '9999-99-99') continue;
    const due = key === '0000-00-00' ? null : key;
    const status = dayStatus(due, today, window, cell.dataset.from || null);
    if (row.dataset.due === status) continue;
    row.dataset.due = status;
    const box = cell.firstElementChild;
    let badge = box?.querySelector<HTMLElement>(':scope > .badge') ?? null;
    if (status === 'later') {
      badge?.remove();
    } else {
      if (!badge && box) {
        badge = cell.ownerDocument.createElement('span');
        box.querySelector('.muted')?.before(badge);
      }
      if (badge) {
        badge.className = `badge ${status}`;
        badge.textContent = GROUP_HEADINGS[status];
      }
    }
    const rel = cell.querySelector('[data-rel]');
    if (rel) rel.textContent = status === 'later' && due ? ` (${relativeDays(daysFromTo(today, due))})` : '';
  }
}

/** A cell's sort value: `data-sort` where the page gives one, else its date, its link's text or its text. */
function sortKey(cell: HTMLTableCellElement | undefined): string {
  if (!cell) return '';
  if (cell.dataset.sort !== undefined) return cell.dataset.sort;
  const time = cell.querySelector('time');
  if (time) return time.dateTime;
  return (cell.querySelector('a') ?? cell).textContent?.trim() ?? '';
}

/** What the search box matches: the client's name and contact (the first cell), place and id. */
function searchText(row: HTMLTableRowElement): string {
  const first = row.cells[0];
  const parts = first ? [...first.children].map((el) => el.textContent ?? '') : [];
  const link = first?.querySelector('a')?.getAttribute('href') ?? '';
  parts.push(row.dataset.place ?? '', link.split('/')[0] ?? '');
  return parts.join(' ').toLowerCase();
}

export function enhanceClientsTable(doc: Document, now = new Date()): void {
  const table = doc.querySelector<HTMLTableElement>('table[data-clients]');
  const form = doc.querySelector<HTMLFormElement>('form[data-filters]');
  const status = doc.querySelector<HTMLElement>('[data-shown]');
  if (!table || !form) return;
  restatusNextDue(table, now);
  const body = table.tBodies[0]!;
  const rows = [...body.rows];
  // Read from the cells when first needed (a search, a sort), not while the page loads.
  const search = new Map<HTMLTableRowElement, string>();
  const searchOf = (row: HTMLTableRowElement) => search.get(row) ?? search.set(row, searchText(row)).get(row)!;
  let names: Map<HTMLTableRowElement, string> | undefined;
  const headers = [...table.querySelectorAll<HTMLTableCellElement>('thead th')];

  const sortBy = (column: number, direction: SortDirection) => {
    const type = (headers[column]?.dataset.sortType ?? 'text') as SortType;
    // Each cell read once per sort, not once per comparison.
    const keys = new Map(rows.map((row) => [row, sortKey(row.cells[column])]));
    names ??= new Map(rows.map((row) => [row, sortKey(row.cells[0])]));
    const byName = names;
    const sorted = [...body.rows].sort(
      (a, b) => compareValues(keys.get(a)!, keys.get(b)!, type, direction) || compareValues(byName.get(a)!, byName.get(b)!, 'text', 'ascending'),
    );
    body.append(...sorted);
    // The caption says the order to a screen reader: it said "sorted by name" whatever the order.
    const caption = table.caption;
    const heading = headers[column]?.textContent?.trim().toLowerCase();
    if (caption && heading) caption.textContent = `Clients, sorted by ${column === 0 ? 'name' : heading}, ${direction}`;
    headers.forEach((th, i) => {
      if (th.querySelector('button.sort')) {
        if (i === column) th.setAttribute('aria-sort', direction);
        else th.removeAttribute('aria-sort');
      }
    });
  };

  // The same sorts from a list: on a phone the table is cards, without its column headings.
  const sortSelect = form.querySelector<HTMLSelectElement>('select[data-sort-by]');
  const showSort = (column: number, direction: SortDirection) => {
    if (!sortSelect) return;
    const value = `${column}:${direction}`;
    sortSelect.value = [...sortSelect.options].some((o) => o.value === value) ? value : '';
  };
  sortSelect?.addEventListener('change', (event) => {
    event.stopPropagation();
    const [column, direction] = sortSelect.value.split(':');
    if (column !== undefined && column !== '') sortBy(Number(column), direction === 'descending' ? 'descending' : 'ascending');
  });

  headers.forEach((th, column) => {
    if (!th.dataset.sortType) return;
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = 'sort';
    button.append(...th.childNodes);
    th.append(button);
    button.addEventListener('click', () => {
      const current = th.getAttribute('aria-sort');
      const direction = current === 'ascending' ? 'descending' : 'ascending';
      sortBy(column, direction);
      showSort(column, direction);
    });
  });

  const apply = () => {
    const fields: Record<string, string> = {};
    for (const select of form.querySelectorAll<HTMLSelectElement>('select[data-filter]')) fields[select.dataset.filter!] = select.value;
    const text = form.querySelector<HTMLInputElement>('input[data-search]')?.value ?? '';
    let shown = 0;
    for (const row of rows) {
      const ok = matches({ fields: { ...row.dataset }, search: text.trim() ? searchOf(row) : '' }, { fields, text });
      // Only rows that change are written: a thousand attribute writes would restyle the whole table.
      if (row.hidden === ok) row.hidden = !ok;
      if (ok) shown++;
    }
    if (status) {
      const number = new Intl.NumberFormat(doc.documentElement.lang || undefined);
      status.textContent =
        shown === rows.length
          ? rows.length === 1 ? 'The only client.' : `All ${number.format(rows.length)} clients.`
          : `${number.format(shown)} of ${number.format(rows.length)} ${rows.length === 1 ? 'client' : 'clients'}.`;
    }
  };
  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', (event) => event.preventDefault());
  // Clearing the filters keeps the order the reader chose.
  form.addEventListener('reset', () => {
    const sorted = sortSelect?.value;
    setTimeout(() => {
      if (sortSelect && sorted !== undefined) sortSelect.value = sorted;
      apply();
    });
  });
  form.hidden = false;
  apply();
}
