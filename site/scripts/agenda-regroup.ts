/**
 * Opened on a later day than it was built for, the agenda moves its items to the groups they
 * belong in on that day: yesterday's "upcoming" is today's "today". "Today" is today in the
 * portfolio's time zone (the page says which), not the browser's, so the page agrees with
 * `clientbook due` wherever it is read. The groups, their order and what counts come from the
 * core's own rules (scripts/core/model/agenda-order.ts); the page is complete without this script.
 */
import { GROUP_HEADINGS as LABELS, counts, orderGroup, runFlags, type RowKey } from '#core/model/agenda-order';
import { dayStatus, daysFromTo, localDate, relativeDays, type DayStatus } from '../lib/day-math.ts';

const STATUSES: DayStatus[] = ['overdue', 'today', 'upcoming', 'later'];

interface Row extends RowKey {
  element: HTMLElement;
  status: DayStatus;
}

function readRow(element: HTMLElement, today: string, window: number): Row {
  const d = element.dataset;
  const due = d.due ? d.due : null;
  const status = dayStatus(due, today, window, d.upcomingFrom || null);
  const rel = element.querySelector('[data-rel]');
  if (rel) rel.textContent = relativeDays(due === null ? null : daysFromTo(today, due));
  element.dataset.status = status;
  const label = element.querySelector<HTMLElement>('[data-status-label]');
  if (label) {
    label.textContent = LABELS[status];
    for (const s of STATUSES) label.classList.toggle(s, s === status);
  }
  return { element, status, due, client: d.client ?? '', clientName: d.clientName ?? '', kind: d.kind ?? '', title: d.title ?? '' };
}

function fill(list: Element, status: string, rows: Row[]): void {
  const ordered = orderGroup(status, rows);
  const flags = runFlags(ordered);
  ordered.forEach((row, i) => {
    row.element.classList.toggle('same-client', flags[i]!.sameClient);
    row.element.classList.toggle('same-day', flags[i]!.sameDay);
    list.append(row.element);
  });
}

/**
 * The rows a long list left out of the page (`data-omitted`: `YYYY-MM-DD n,...`, `-` undated,
 * `YYYY-MM-DD~FROM n` for a row upcoming from FROM by its notice), by the group each belongs in
 * today, with the full lists they are in: counted, though not shown.
 */
interface Omitted {
  counts: Record<DayStatus, number>;
  lists: Record<DayStatus, { href: string; text: string }[]>;
}

function omittedRows(sections: Iterable<Element>, today: string, window: number): Omitted {
  const omitted: Omitted = { counts: { overdue: 0, today: 0, upcoming: 0, later: 0 }, lists: { overdue: [], today: [], upcoming: [], later: [] } };
  for (const section of sections) {
    const d = (section as HTMLElement).dataset;
    if (!d.omitted) continue;
    for (const entry of d.omitted.split(',')) {
      const [key, n] = entry.split(' ') as [string, string];
      const [due, from] = key.split('~') as [string, string | undefined];
      const status = dayStatus(due === '-' ? null : due, today, window, from ?? null);
      omitted.counts[status] += Number(n);
      if (!omitted.lists[status].some((l) => l.href === d.listHref)) omitted.lists[status].push({ href: d.listHref ?? '', text: d.listLink ?? '' });
    }
  }
  return omitted;
}

function setCount(section: Element, doc: Document, key: string, shown: number, omitted: number, lists: { href: string; text: string }[]): void {
  const n = shown + omitted;
  const count = section.querySelector('[data-group-count]');
  const number = new Intl.NumberFormat(doc.documentElement.lang || undefined);
  if (count) count.textContent = number.format(n);
  const empty = section.querySelector<HTMLElement>('[data-empty]');
  if (empty) empty.hidden = n > 0;
  const chip = doc.querySelector(`[data-count="${key}"]`);
  if (chip) chip.textContent = number.format(n);
  const more = section.querySelector<HTMLElement>('[data-more]');
  if (!more) return;
  more.hidden = omitted === 0;
  const text = more.querySelector('[data-more-text]');
  if (text) text.textContent = `Showing ${number.format(shown)} of ${number.format(n)}.`;
  const links = more.querySelector('[data-more-links]');
  if (links) {
    links.replaceChildren();
    lists.forEach((list, i) => {
      if (i > 0) links.append(' · ');
      const a = doc.createElement('a');
      a.href = list.href;
      // The full lists are those of the build: their pages show each row's status for today.
      a.textContent = list.text;
      links.append(a);
    });
  }
}

function formatDay(date: string, lang: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  try {
    return new Intl.DateTimeFormat(lang || undefined, { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d, 12)));
  } catch {
    return date;
  }
}

export function regroupAgenda(doc: Document, now: Date): void {
  const root = doc.getElementById('agenda');
  if (!root?.dataset.asOf) return;
  const built = root.dataset.asOf;
  const windowDays = Number(root.dataset.window ?? '30');
  /** Later items are in the page up to this many days past the window (site/lib/agenda.ts). */
  const horizon = Number(root.dataset.horizon ?? '0');
  const today = localDate(now, root.dataset.timeZone || undefined);
  if (today === built) return;

  // The work, by status; the checks section (meetings and outlook checks) keeps its rows.
  const groups = new Map<string, Element>();
  for (const section of root.querySelectorAll('[data-group]:not([data-checks])')) groups.set(section.getAttribute('data-group')!, section);
  const buckets: Record<DayStatus, Row[]> = { overdue: [], today: [], upcoming: [], later: [] };
  for (const section of groups.values()) {
    for (const li of section.querySelectorAll<HTMLElement>('li.item')) {
      const row = readRow(li, today, windowDays);
      buckets[row.status].push(row);
    }
  }
  const omitted = omittedRows(groups.values(), today, windowDays);
  for (const status of STATUSES) {
    const section = groups.get(status);
    const list = section?.querySelector('[data-list]');
    if (!section || !list) continue;
    fill(list, status, buckets[status]);
    setCount(section, doc, status, buckets[status].length, omitted.counts[status], omitted.lists[status]);
  }

  const checks = root.querySelector('[data-checks]');
  if (checks) {
    let shown = 0;
    for (const li of checks.querySelectorAll<HTMLElement>('li.item')) {
      const row = readRow(li, today, windowDays);
      li.hidden = !counts(row.status);
      if (!li.hidden) shown++;
    }
    const left = omittedRows([checks], today, windowDays);
    const calls = left.counts.overdue + left.counts.today + left.counts.upcoming;
    setCount(checks, doc, 'checks', shown, calls, calls > 0 ? left.lists.overdue.concat(left.lists.today, left.lists.upcoming).slice(0, 1) : []);
  }

  const notice = root.querySelector<HTMLElement>('[data-regrouped]');
  if (notice) {
    const lang = doc.documentElement.lang;
    const age = daysFromTo(built, today);
    // Short on a phone, so that the first overdue item stays on the first screen.
    let text = `Built for ${formatDay(built, lang)}. Today is ${formatDay(today, lang)}: items moved to match.`;
    if (age > horizon) text += ` Items due more than ${horizon} days after the build are not in this page: build the site again.`;
    notice.textContent = text;
    const more = doc.createElement('span');
    more.className = 'long';
    more.textContent = ' Changes made to client files since the build appear after the next one.';
    notice.append(more);
    notice.hidden = false;
  }
}
