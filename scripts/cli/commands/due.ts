import type { PlainDate } from '../../core/dates.ts';
import type { Diagnostic } from '../../core/diagnostics.ts';
import { ago } from '../../core/relative-time.ts';
import { agenda as buildAgenda, type Agenda } from '../../core/model/agenda.ts';
import { GROUP_HEADINGS } from '../../core/model/agenda-order.ts';
import { toPublicItem, type AgendaItem } from '../../core/model/due.ts';
import { plural } from '../../core/text/plural.ts';
import { printable } from '../../core/text/printable.ts';
import { SETTINGS_FILE } from '../../core/settings.ts';
import { formatText } from '../../core/diagnostics/format-text.ts';
import { summary } from '../../core/diagnostics/summary.ts';
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

/** The widest window: ten years. */
const MAX_WITHIN = 3660;

export function parseWithin(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UserError(`--within ${value} is not a number of days.`, { exitCode: 2, hint: 'Write a whole number of days, e.g. --within 14.' });
  if (Number(value) > MAX_WITHIN)
    throw new UserError(`--within ${value} is more days than the report looks ahead.`, { exitCode: 2, hint: `Write a number of days from 0 to ${MAX_WITHIN} (ten years); --all lists everything due later too.` });
  return Number(value);
}

/** A file left out of the report because it has errors, with those errors. */
export interface SkippedFile {
  file: string;
  errors: Diagnostic[];
}

/** The files with errors, in the order `validate` lists them. */
export function skippedFiles(diagnostics: readonly Diagnostic[]): SkippedFile[] {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    if (d.severity !== 'error') continue;
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  return [...byFile].map(([file, errors]) => ({ file, errors }));
}

/**
 * What is due, as a Monday-morning agenda or as JSON. A file with errors does not cost the whole
 * agenda: its errors are printed, every valid client is reported, the files left out are named
 * and the exit code is 1 (DESIGN.md "A report never silently drops a client").
 */
export async function due(io: Io, options: DueCommandOptions): Promise<number> {
  const within = parseWithin(options.within);
  const portfolio = await openPortfolio(io, options);
  const skipped = skippedFiles(portfolio.diagnostics);
  if (skipped.length > 0) {
    const errors = skipped.flatMap((s) => s.errors);
    io.stderr(`${formatText(errors, io.cwd, paint(io.color))}\n${summary(portfolio.diagnostics, portfolio.files)}\n`);
  }
  const window = within ?? portfolio.settings.dueWindow;
  const result = buildAgenda(portfolio.clients, {
    asOf: portfolio.asOf,
    within: window,
    assetNotice: portfolio.settings.assetNotice,
    all: !!options.all,
  });
  if (options.json) {
    io.stdout(`${JSON.stringify(agendaJson(result, skipped), null, 2)}\n`);
  } else {
    io.stdout(agendaText(result, paint(io.color), portfolio.settings.locale, { all: !!options.all }));
    if (skipped.length > 0) io.stdout(`\n${leftOutLine(skipped, paint(io.color))}\n`);
  }
  return skipped.length > 0 ? 1 : 0;
}

/**
 * The `--json` document, DESIGN.md's shape exactly: `{ asOf, within, items }`, the items in the
 * agenda's order (overdue, today, upcoming, later with `--all`, then meetings and outlook checks).
 * An item's group is `checks` for the kinds `meeting` and `growth`, else its status (docs/format.md).
 * With files left out, `skipped` names them with their errors.
 */
export function agendaJson(result: Agenda, skipped: readonly SkippedFile[] = []) {
  return {
    asOf: result.asOf.toString(),
    within: result.window,
    items: result.groups.flatMap((g) => g.items.map(toPublicItem)),
    ...(skipped.length > 0 ? { skipped } : {}),
  };
}

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

/**
 * The agenda as text, group by group. The kind column uses the JSON's words (`action`, `asset`,
 * `meeting`, `growth`): one vocabulary, documented in docs/format.md.
 */
export function agendaText(result: Agenda, p: Paint, locale = 'en-US', { all = false } = {}): string {
  const { asOf, window } = result;
  const long = (d: PlainDate) => d.toLocaleString(locale, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' });
  const short = (d: PlainDate) => d.toLocaleString(locale, { weekday: 'short' });
  const end = asOf.add({ days: window });
  const lines = [p.bold(`Due as of ${long(asOf)}`) + p.dim(` (window ${plural(window, 'day')}, to ${end.toString()})`), ''];
  const items = result.groups.flatMap((g) => g.items);
  if (items.every((i) => i.status === 'later')) lines.push('Nothing is due. A good day to call a client you have not seen for a while.', '');
  // Names and titles as the terminal shows them: a control character in a file is an escape, never obeyed.
  const names = new Map(items.map((i) => [i, printable(i.clientName)]));
  const nameWidth = Math.min(28, Math.max(0, ...[...names.values()].map((n) => n.length)));
  const whens = new Map(items.map((i) => [i, relativeDays(i.days, i.kind, i.dueDate, asOf)]));
  const whenWidth = Math.max(13, ...[...whens.values()].map((w) => w.length));
  for (const group of result.groups) {
    if (group.items.length === 0 || (group.id === 'later' && !all)) continue;
    const colour = group.id === 'overdue' ? p.red : group.id === 'today' ? p.yellow : (s: string) => s;
    lines.push(colour(p.bold(`${GROUP_HEADINGS[group.id]} (${group.count})`)));
    for (const item of group.items) {
      const date = item.dueDate ? `${item.dueDate.toString()} ${short(item.dueDate)}` : '—'.padEnd(14);
      const when = whens.get(item)!.padEnd(whenWidth);
      const name = truncate(item.clientName, nameWidth).padEnd(nameWidth);
      lines.push(`  ${date}  ${p.dim(when)}  ${name}  ${p.dim(item.kind.padEnd(7))}  ${printable(item.title)}`);
    }
    lines.push('');
  }
  if (result.withoutNextAction.length > 0) {
    lines.push(p.bold(`No next action (${result.withoutNextAction.length})`));
    for (const c of result.withoutNextAction) lines.push(`  ${printable(c.data.name)}`);
    lines.push('');
  }
  return `${lines.join('\n')}`;
}

/**
 * The last line of a report with files left out: which, and what to do. A settings file with errors
 * leaves no client out, but its defaults were used: that is said too.
 */
export function leftOutLine(skipped: readonly SkippedFile[], p: Paint): string {
  const isSettings = (file: string) => file === SETTINGS_FILE || file.endsWith(`/${SETTINGS_FILE}`);
  const clients = skipped.filter((s) => !isSettings(s.file)).map((s) => s.file);
  const settings = skipped.filter((s) => isSettings(s.file)).map((s) => s.file);
  const parts: string[] = [];
  // A folder that cannot be read is left out with every client in it.
  const one = clients.length === 1;
  const what = clients.every((f) => f.endsWith('.md')) ? (one ? 'client file' : 'client files') : one ? 'file or folder' : 'files or folders';
  if (clients.length > 0)
    parts.push(`Left out: ${clients.length} ${what} with errors (${clients.map((f) => printable(f)).join(', ')}).`);
  if (settings.length > 0) parts.push(`${settings.map((f) => printable(f)).join(', ')} has errors, so the default settings were used.`);
  parts.push('Fix the errors above, then run `due` again.');
  return p.red(parts.join(' '));
}

/** A name as the terminal shows it, cut to `n` columns between characters: never inside an escape (`\u202e`) or a surrogate pair. */
function truncate(raw: string, n: number): string {
  const shown = printable(raw);
  if (shown.length <= n) return shown;
  let out = '';
  for (const char of raw) {
    const part = printable(char);
    if (out.length + part.length > n - 1) break;
    out += part;
  }
  return `${out}…`;
}
