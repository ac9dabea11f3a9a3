/**
 * `clientbook diff` for people: Markdown made for a pull-request comment (it reads as plain text in
 * a terminal too), and the JSON shape for tools.
 */
import type { Comparison, RevisionInfo } from '#core/git/compare';
import type { Change, ClientDiff, ClientSummary, PortfolioDiff } from '#core/model/diff';
import { plural } from '#core/text/plural';
import { printable } from '#core/text/printable';

export const NO_CHANGES = 'No changes to client commitments.';

/**
 * Escapes what GitHub would turn into formatting or a link (for mentions and references, see `inert`).
 * Control characters (a line feed too) are left to `printable`, which every line of the output goes through.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~@#]/g, '\\$&')
    // A character reference is decoded before GitHub looks for mentions: `&commat;octocat` pings.
    .replace(/&(?=[\p{L}\p{N}]+;)/gu, '\\&')
    .replace(/:\/\//g, ':\\/\\/')
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\\.`);
}

const ZWJ = '\u200D';

/**
 * Makes GitHub mentions (`@octocat`, `@org/team`) and references (`#123`, `GH-123`, `owner/repo#1`,
 * `user@sha`) inert in Markdown posted on a pull request: a zero-width joiner after the `@` or `#`
 * (and inside `GH-`), which GitHub does not link and a reader does not see. GitHub does not honour
 * backslash escapes for these (github/markup#1168), so the diff comment would notify the people,
 * teams and issues that client text happens to name. Applied to the whole comment, so client text
 * that reaches it through a diagnostic or a file name is covered too; headings (`#### `) are not
 * references and stay as they are.
 */
export function inert(markdown: string): string {
  return markdown
    .replace(/@(?=[\p{L}\p{N}_-])/gu, `@${ZWJ}`)
    .replace(/#(?=[\p{N}])/gu, `#${ZWJ}`)
    .replace(/\b(GH)-(?=\p{N})/giu, `$1-${ZWJ}`);
}


export function counts(diff: PortfolioDiff) {
  const count = (status: ClientDiff['status']) => diff.clients.filter((c) => c.status === status).length;
  return { changed: count('changed'), added: count('added'), removed: count('removed'), invalid: diff.invalid.length };
}

export interface MoneyFormat {
  locale: string;
  currency: string;
}

export function diffMarkdown(comparison: Comparison): string {
  const { diff, from, to } = comparison;
  const money = moneyFormatter(comparison.settings);
  const n = counts(diff);
  const parts = [
    n.changed ? `${plural(n.changed, 'client')} changed` : '',
    n.added ? `${n.added} new` : '',
    n.removed ? `${n.removed} removed` : '',
    n.invalid ? `${plural(n.invalid, 'file does', 'files do')} not validate` : '',
  ].filter(Boolean);
  const range = `from ${revision(from)} to ${revision(to)}`;
  const lines = [`**Client commitments** ${range}${parts.length ? `: ${parts.join(', ')}.` : '.'}`, ''];
  if (diff.clients.length === 0 && diff.invalid.length === 0) {
    lines.push(NO_CHANGES, '');
    return inert(printableLines(lines));
  }
  for (const file of diff.invalid) {
    const side = file.side === 'from' ? from : to;
    const at = side.commit === null && side.rev === null ? `in ${revision(side)}` : `at ${revision(side)}`;
    lines.push(`⚠ ${escapeMarkdown(file.file)} does not validate ${at}: ${plural(file.errors, 'error')}`);
    // A message quotes the file's text in code spans that a backtick in that text would close.
    for (const d of file.diagnostics) lines.push(`  - line ${d.line}: ${md(d.message)}`);
    if (file.errors > file.diagnostics.length) lines.push(`  - and ${plural(file.errors - file.diagnostics.length, 'more error')}`);
    lines.push('');
  }
  for (const client of diff.clients) {
    const name = escapeMarkdown(client.name);
    if (client.status === 'changed') {
      lines.push(`#### ${name}`, '');
      for (const change of client.changes) lines.push(`- ${changeLine(change, money)}`);
    } else {
      lines.push(`#### ${client.status === 'added' ? 'New client' : 'Removed client'}: ${name}`, '');
      lines.push(...summaryLines(client, client.summary!, money).map((l) => `- ${l}`));
    }
    lines.push('');
  }
  return inert(printableLines(lines));
}

/**
 * The output is read in a terminal as well as in a pull request: every line is one line, and shows
 * the control characters of a name or title as escapes (`\x1b`, `\r`, `\n`), never obeys them.
 */
function printableLines(lines: readonly string[]): string {
  return lines.map((line) => printable(line)).join('\n');
}

const md = escapeMarkdown;

/** A revision as typed, in a code span (`HEAD~2` must not turn into strikethrough); other labels as text. */
function revision(info: RevisionInfo): string {
  if (info.rev === null || info.commit === null || info.commit.startsWith(info.rev)) return md(info.label);
  return `\`${info.rev.replaceAll('`', '')}\` (${info.commit.slice(0, 7)})`;
}
const orNone = (value: string | null) => (value === null ? 'none' : md(value));

/** One bullet, without its `- `. */
export function changeLine(change: Change, money: (n: number) => string): string {
  switch (change.kind) {
    case 'action-added':
      return `New action: ${md(change.title)}${change.due ? `, due ${change.due}` : ', no due date'}`;
    case 'action-done':
      return `Done: ${md(change.title)} (${change.on})`;
    case 'action-recurred':
      return `Done (recurring): ${md(change.title)}, next due ${change.to} (was ${change.from})`;
    case 'action-reopened':
      return `Reopened: ${md(change.title)}`;
    case 'action-removed':
      return change.done
        ? `Removed done action: ${md(change.title)} (done ${change.done})`
        : `Dropped: ${md(change.title)}${change.due ? ` (was due ${change.due})` : ''}`;
    case 'action-moved':
      if (change.from === null) return `Now due: ${md(change.title)}, ${change.to}`;
      if (change.to === null) return `No longer dated: ${md(change.title)} (was due ${change.from})`;
      return `${change.to > change.from ? 'Slipped' : 'Brought forward'}: ${md(change.title)}, due ${change.from} → ${change.to}`;
    case 'action-renamed':
      return `Renamed action: ${md(change.from)} → ${md(change.title)}`;
    case 'action-recurrence':
      if (change.from === null) return `Now recurring: ${md(change.title)}, every ${md(change.to!)}`;
      if (change.to === null) return `No longer recurring: ${md(change.title)} (was every ${md(change.from)})`;
      return `Recurrence: ${md(change.title)}, every ${md(change.from)} → every ${md(change.to)}`;
    case 'action-notice':
      return `Notice: ${md(change.title)}, ${change.from === null ? 'the window' : md(change.from)} → ${change.to === null ? 'the window' : md(change.to)}`;
    case 'meeting-cadence':
      return `Meeting rhythm: ${change.from ?? 'not set'} → ${change.to ?? 'not set'}`;
    case 'meeting-held':
      return `Meeting held: ${change.on}${change.previous ? ` (the one before: ${change.previous})` : ''}`;
    case 'meeting-last':
      return `Last meeting corrected: ${orNone(change.from)} → ${orNone(change.to)}`;
    case 'outlook-asked':
      return `Growth outlook asked: ${change.on}${change.previous ? ` (before: ${change.previous})` : ''}`;
    case 'field':
      return `${FIELD_LABELS[change.field]}: ${orNone(change.from)} → ${orNone(change.to)}`;
    case 'contact-details':
      return `Contact details of ${md(change.name)} changed: ${change.fields.join(', ')}`;
    case 'roadmap-added':
      return `Roadmap, new: ${md(change.title)}, ${change.when}${change.cost !== null ? `, ${money(change.cost)}` : ''}, ${change.status}`;
    case 'roadmap-removed':
      return `Roadmap, removed: ${md(change.title)} (${change.when}, ${change.status})`;
    case 'roadmap-status':
      return `Roadmap: ${md(change.title)}, ${change.from} → ${change.to}`;
    case 'roadmap-moved':
      return `Roadmap: ${md(change.title)}, moved ${change.from} → ${change.to}`;
    case 'roadmap-cost':
      return `Roadmap: ${md(change.title)}, cost ${change.from === null ? 'none' : money(change.from)} → ${change.to === null ? 'none' : money(change.to)}`;
    case 'asset-added':
      return `New asset: ${md(change.title)} (${change.assetKind}${change.expires ? `, expires ${change.expires}` : ''})`;
    case 'asset-renewed':
      return `Renewed: ${md(change.title)}, expires ${change.from ? `${change.from} → ` : ''}${change.to}`;
    case 'asset-expiry':
      return `Expiry changed: ${md(change.title)}, ${orNone(change.from)} → ${orNone(change.to)}`;
    case 'asset-replace':
      return `Replacement planned: ${md(change.title)}, ${orNone(change.from)} → ${orNone(change.to)}`;
    case 'asset-replaced':
      return `Replaced: ${md(change.title)} (planned ${md(change.planned)}), now retired`;
    case 'asset-status':
      return `Asset status: ${md(change.title)}, ${change.from} → ${change.to}`;
    case 'asset-renew':
      if (change.from === null) return `Renewed every ${md(change.to!)}: ${md(change.title)}`;
      if (change.to === null) return `No longer renewed: ${md(change.title)} (was every ${md(change.from)})`;
      return `Renewal cycle: ${md(change.title)}, every ${md(change.from)} → every ${md(change.to)}`;
    case 'asset-notice':
      return `Notice: ${md(change.title)}, ${change.from === null ? 'the default' : md(change.from)} → ${change.to === null ? 'the default' : md(change.to)}`;
    case 'asset-cost':
      return `Asset cost: ${md(change.title)}, ${change.from === null ? 'none' : money(change.from)} → ${change.to === null ? 'none' : money(change.to)}`;
    case 'asset-removed':
      return `Removed asset: ${md(change.title)}`;
    case 'file-moved':
      return `File moved: ${md(change.from)} → ${md(change.to)}`;
  }
}

const FIELD_LABELS: Record<Extract<Change, { kind: 'field' }>['field'], string> = {
  name: 'Name',
  type: 'Type',
  status: 'Status',
  involvement: 'Involvement',
  outlook: 'Outlook',
  contact: 'Contact',
};

function summaryLines(client: ClientDiff, s: ClientSummary, money: (n: number) => string): string[] {
  const lines = [`${s.type}, ${s.status}${s.contact ? `, contact ${md(s.contact)}` : ''} (${md(client.file)})`];
  const next = s.nextAction ? `; next: ${md(s.nextAction.title)}${s.nextAction.due ? `, due ${s.nextAction.due}` : ''}` : '';
  lines.push(
    client.status === 'removed' && s.openActions > 0
      ? `Had ${plural(s.openActions, 'open action')}${next}`
      : `${plural(s.openActions, 'open action')}${next}`,
  );
  if (s.roadmapItems > 0) lines.push(`${plural(s.roadmapItems, 'roadmap item')}, ${money(s.roadmapCost)} in all`);
  if (s.assets > 0) lines.push(plural(s.assets, 'asset'));
  return lines;
}

function moneyFormatter({ locale, currency }: MoneyFormat): (n: number) => string {
  const whole = new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 });
  const cents = new Intl.NumberFormat(locale, { style: 'currency', currency });
  return (n) => (Number.isInteger(n) ? whole.format(n) : cents.format(n));
}

/** The `--json` shape: the comparison without settings, with counts. */
export function diffJson(comparison: Comparison) {
  const { from, to, diff } = comparison;
  return { from, to, summary: counts(diff), clients: diff.clients, invalid: diff.invalid };
}
