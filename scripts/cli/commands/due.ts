import type { PlainDate } from '#core/dates';
import { ago } from '#core/relative-time';
import { dueItems, toPublicItem, type AgendaItem, type DueStatus } from '#core/model/due';
import { clientsWithoutNextAction } from '#core/model/health';
import { printable } from '#core/text/printable';
import { formatText } from '#core/diagnostics/format-text';
import { summary } from '#core/diagnostics/summary';
import { UserError } from '../errors.ts';
import { paint, type Io, type Paint } from '../io.ts';
import { openPortfolio } from './load.ts';

export interface DueCommandOptions {
  dir: string;
  asOf?: string;
  within?: string;
  all?: boolean;
  json?: boolean;
}

export function parseWithin(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,4}$/.test(value) || Number(value) > 3660)
    throw new UserError(`--within ${value} is not a number of days.`, { exitCode: 2, hint: 'Write a whole number of days, e.g. --within 14.' });
  return Number(value);
}

/** What is due, as a Monday-morning agenda or as JSON. */
export async function due(io: Io, options: DueCommandOptions): Promise<number> {
  const within = parseWithin(options.within);
  const portfolio = await openPortfolio(io, options);
  if (portfolio.hasErrors) {
    const errors = portfolio.diagnostics.filter((d) => d.severity === 'error');
    io.stderr(`${formatText(errors, io.cwd, paint(io.color))}\n${summary(errors, portfolio.files)}\n`);
    throw new UserError('The portfolio has errors, so the due report would be incomplete.', {
      hint: 'Fix the errors above (`npx clientbook validate` lists them all), then run `due` again.',
    });
  }
  const window = within ?? portfolio.settings.dueWindow;
  const items = dueItems(portfolio.clients, { asOf: portfolio.asOf, within: window, all: !!options.all });
  if (options.json) {
    const json = { asOf: portfolio.asOf.toString(), within: window, items: items.map(toPublicItem) };
    io.stdout(`${JSON.stringify(json, null, 2)}\n`);
    return 0;
  }
  io.stdout(agendaText(items, portfolio.asOf, window, clientsWithoutNextAction(portfolio.clients).map((c) => c.data.name), paint(io.color), portfolio.settings.locale));
  return 0;
}

const HEADINGS: Record<DueStatus, string> = {
  overdue: 'Overdue',
  today: 'Today',
  upcoming: 'Upcoming',
  later: 'Later',
};

const KIND_LABELS: Record<AgendaItem['kind'], string> = {
  action: 'action',
  asset: 'renewal',
  meeting: 'meeting',
  growth: 'outlook',
};

/** Undated items are overdue because something never happened: say what. */
const NEVER: Record<AgendaItem['kind'], string> = {
  action: 'no date',
  asset: 'no date',
  meeting: 'never held',
  growth: 'never asked',
};

export function relativeDays(days: number | null, kind: AgendaItem['kind'] = 'action', dueDate?: PlainDate | null, asOf?: PlainDate): string {
  if (days === null) return NEVER[kind];
  // Long overdue: "5 years ago" says more than "1888 days ago".
  if (days <= -60 && dueDate && asOf) return ago(dueDate, asOf);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days < 0 ? `${-days} days ago` : `in ${days} days`;
}

export function agendaText(
  items: readonly AgendaItem[],
  asOf: PlainDate,
  window: number,
  withoutAction: readonly string[],
  p: Paint,
  locale = 'en-US',
): string {
  const long = (d: PlainDate) => d.toLocaleString(locale, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' });
  const short = (d: PlainDate) => d.toLocaleString(locale, { weekday: 'short' });
  const end = asOf.add({ days: window });
  const lines = [p.bold(`Due as of ${long(asOf)}`) + p.dim(` (window ${window} days, to ${end.toString()})`), ''];
  if (items.length === 0) lines.push('Nothing is due. A good day to call a client you have not seen for a while.', '');
  // Names and titles as the terminal shows them: a control character in a file is an escape, never obeyed.
  const names = new Map(items.map((i) => [i, printable(i.clientName)]));
  const nameWidth = Math.min(28, Math.max(0, ...[...names.values()].map((n) => n.length)));
  const whens = new Map(items.map((i) => [i, relativeDays(i.days, i.kind, i.dueDate, asOf)]));
  const whenWidth = Math.max(13, ...[...whens.values()].map((w) => w.length));
  for (const status of ['overdue', 'today', 'upcoming', 'later'] as const) {
    const group = items.filter((i) => i.status === status);
    if (group.length === 0) continue;
    const colour = status === 'overdue' ? p.red : status === 'today' ? p.yellow : (s: string) => s;
    lines.push(colour(p.bold(`${HEADINGS[status]} (${group.length})`)));
    for (const item of group) {
      const date = item.dueDate ? `${item.dueDate.toString()} ${short(item.dueDate)}` : '—'.padEnd(14);
      const when = whens.get(item)!.padEnd(whenWidth);
      const name = truncate(names.get(item)!, nameWidth).padEnd(nameWidth);
      lines.push(`  ${date}  ${p.dim(when)}  ${name}  ${p.dim(KIND_LABELS[item.kind].padEnd(7))}  ${printable(item.title)}`);
    }
    lines.push('');
  }
  if (withoutAction.length > 0) {
    lines.push(p.bold(`No next action (${withoutAction.length})`));
    for (const name of withoutAction) lines.push(`  ${printable(name)}`);
    lines.push('');
  }
  return `${lines.join('\n')}`;
}

const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

