/**
 * A full agenda list opened on a later day than it was built for: each row gets its status and
 * days for the reader's date (the rows stay in place: the list is the build's). Without script the
 * page reads as built.
 */
import { GROUP_HEADINGS as LABELS } from '#core/model/agenda-order';
import { dayStatus, daysFromTo, localDate, relativeDays } from '../lib/day-math.ts';

const STATUSES = ['overdue', 'today', 'upcoming', 'later'];

export function refreshAgendaList(doc: Document, now: Date): void {
  const root = doc.getElementById('agenda-list');
  const built = root?.dataset.asOf;
  if (!root || !built) return;
  // Today in the portfolio's time zone, as on the agenda (site/scripts/agenda-regroup.ts).
  const today = localDate(now, root.dataset.timeZone || undefined);
  if (today === built) return;
  const window = Number(root.dataset.window ?? '30');
  for (const li of root.querySelectorAll<HTMLElement>('li.item')) {
    const due = li.dataset.due || null;
    const status = dayStatus(due, today, window, li.dataset.upcomingFrom || null);
    li.dataset.status = status;
    const rel = li.querySelector('[data-rel]');
    if (rel) rel.textContent = relativeDays(due === null ? null : daysFromTo(today, due));
    const label = li.querySelector<HTMLElement>('[data-status-label]');
    if (label) {
      label.textContent = LABELS[status];
      for (const s of STATUSES) label.classList.toggle(s, s === status);
    }
  }
  const notice = root.querySelector<HTMLElement>('[data-regrouped]');
  if (notice) {
    notice.textContent = `Built for ${built}. Today is ${today}: each item shows its status and days for today; the list is the build's.`;
    notice.hidden = false;
  }
}
