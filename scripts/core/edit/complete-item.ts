/**
 * FORMAT.md "Any due item can be completed": `done <client> <item>` closes whatever the agenda shows.
 * The item is named by an action's title, an asset's name, "meeting" or "outlook", or the title `due`
 * prints ("Main server expires", "Replace Main server", "Monthly meeting", "Ask about the growth
 * outlook"), exactly or by a unique beginning; several matches are listed, never guessed.
 *
 * - an action: `done`, or a recurring one's `due` moved (complete-action.ts);
 * - an asset's expiry: `expires` moved by `renew` (the recurring rule), or to `--until`;
 *   without `renew` the date is required;
 * - a replacement: `status: retired`;
 * - the meeting: `meetings.last` (as `met`);
 * - the outlook check: `growth.asked`, and `growth.outlook` with `--outlook`.
 */
import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { compareDates, parseDate, parseInterval, type PlainDate } from '../dates.ts';
import { CADENCE_TITLES, GROWTH_TITLE } from '../model/due.ts';
import type { Outlook } from '../schema/growth.ts';
import { assertInRange, completeAction, nextDue } from './complete-action.ts';
import { frontMatterOf, type EditableFile, type EditPlan } from './editable-file.ts';
import { EditError } from './errors.ts';
import { actionsOf } from './find-action.ts';
import { listing, pick } from './pick.ts';
import { recordMeeting } from './record-meeting.ts';
import { assertNotShared } from './shared-nodes.ts';
import { appendMapping, appendPair, indentStep, pairOf, replaceScalar, scalarText } from './yaml-splice.ts';

export interface CompleteOptions {
  on: PlainDate;
  /** The asset's new expiry, for one without `renew` (or to override it). */
  until?: PlainDate;
  /** The outlook the client gave, recorded with the check. */
  outlook?: Outlook;
}

type Kind = 'action' | 'expiry' | 'replacement' | 'meeting' | 'outlook';

interface Candidate {
  kind: Kind;
  /** As the agenda prints it. */
  title: string;
  /** What the user may type for it. */
  names: string[];
  /** False for an item that is not due (a done action, a retired asset): kept only to explain. */
  open: boolean;
  /** Why a closed item is not due. */
  closed?: string;
  /**
   * False for an open item the agenda does not show: the expiry of an asset whose replacement is
   * planned. It can still be named in full (to renew it), but a beginning that also names a shown
   * item means that one, and the list of open items leaves it out.
   */
  shown?: false;
  /** False for an item left out of the list of open items (it is no item of the agenda), though preferred like any. */
  listed?: false;
  index?: number;
  node?: YAMLMap;
}

const KIND_LABEL: Record<Kind, string> = { action: 'action', expiry: 'expiry', replacement: 'replacement', meeting: 'meeting', outlook: 'outlook check' };

function candidatesOf(root: YAMLMap, file: EditableFile): Candidate[] {
  const { doc } = frontMatterOf(file);
  const out: Candidate[] = actionsOf(root, doc).map((a) => ({
    kind: 'action' as const,
    title: a.title,
    names: [a.title],
    open: a.done === undefined,
    ...(a.done !== undefined ? { closed: `done ${a.done}` } : {}),
    index: a.index,
    node: a.node,
  }));
  const assets = root.get('assets', true);
  if (isSeq(assets))
    assets.items.forEach((node, index) => {
      if (!isMap(node)) return;
      const name = node.get('name');
      if (typeof name !== 'string') return;
      const status = String(node.get('status') ?? 'in-use');
      const has = (key: string) => node.get(key) !== undefined && node.get(key) !== null;
      const base = { index, node };
      if (status === 'retired') {
        out.push({ ...base, kind: 'replacement', title: `Replace ${name}`, names: [name, `Replace ${name}`, `${name} expires`], open: false, closed: 'retired' });
        return;
      }
      if (has('replace')) out.push({ ...base, kind: 'replacement', title: `Replace ${name}`, names: [`Replace ${name}`, name], open: true });
      if (has('expires')) {
        // With a replacement planned, the expiry is no item of its own: named only by its full title.
        const inUse = status === 'in-use';
        out.push({
          ...base,
          kind: 'expiry',
          title: `${name} expires`,
          names: inUse && !has('replace') ? [`${name} expires`, name] : [`${name} expires`],
          open: inUse,
          ...(status === 'accepted' ? { closed: 'accepted: kept in use past its expiry on purpose' } : {}),
          ...(has('replace') ? { shown: false as const } : {}),
        });
      } else if (!has('replace')) {
        out.push({ ...base, kind: 'expiry', title: `${name} expires`, names: [name], open: false, closed: status === 'accepted' ? 'accepted: kept in use past its expiry on purpose' : 'no `expires` date' });
      }
    });
  const meetings = root.get('meetings', true);
  const cadence = isMap(meetings) ? String(meetings.get('cadence') ?? 'none') : 'none';
  const meetingTitle = Object.hasOwn(CADENCE_TITLES, cadence) ? CADENCE_TITLES[cadence as keyof typeof CADENCE_TITLES] : 'Meeting';
  // Both can always be recorded; the agenda shows them only with a rhythm, and for an active client.
  const status = String(root.get('status') ?? 'active');
  out.push({ kind: 'meeting', title: meetingTitle, names: ['meeting', 'meetings', meetingTitle], open: true, ...(meetingTitle === 'Meeting' || status === 'former' ? { listed: false as const } : {}) });
  out.push({ kind: 'outlook', title: GROWTH_TITLE, names: ['outlook', 'growth', 'growth outlook', GROWTH_TITLE], open: true, ...(status !== 'active' ? { listed: false as const } : {}) });
  return out;
}

const describe = (c: Candidate) => `${c.title}  (${KIND_LABEL[c.kind]}${c.closed ? `, ${c.closed}` : ''})`;

function findItem(candidates: readonly Candidate[], query: string, clientName: string, until: boolean): Candidate {
  const picked = pick(candidates, query, { exact: (c) => c.names, prefixes: (c) => c.names, prefer: (c) => c.open && c.shown !== false });
  if (picked.kind === 'found') {
    // `--until` is about an expiry: an asset with a planned replacement, named alone, means its expiry then.
    const expiry = until && picked.item.kind === 'replacement' ? candidates.find((c) => c.kind === 'expiry' && c.node === picked.item.node) : undefined;
    return expiry ? { ...expiry, open: true } : picked.item;
  }
  if (picked.kind === 'ambiguous') {
    if (until) {
      const expiries = picked.candidates.filter((c) => c.kind === 'expiry');
      const assets = new Set(picked.candidates.map((c) => c.node));
      if (expiries.length === 1 && assets.size === 1) return expiries[0]!;
    }
    throw new EditError(`"${query}" matches ${picked.candidates.length} items of ${clientName}.`, {
      hint: `Write more of the title, or all of it (as \`clientbook due\` prints it):\n${listing(picked.candidates.map(describe))}`,
    });
  }
  const open = candidates.filter((c) => c.open && c.shown !== false && c.listed !== false);
  throw new EditError(`No due item of ${clientName} matches "${query}".`, {
    hint: `Name an action by its title, an asset by its name, "meeting" or "outlook" (or the title \`clientbook due\` prints), exactly or by a unique beginning. Open items:\n${listing(open.map(describe))}`,
  });
}

export function completeItem(file: EditableFile, query: string, options: CompleteOptions, clientName: string): EditPlan {
  const { root } = frontMatterOf(file);
  const candidates = candidatesOf(root, file);
  const item = findItem(candidates, query, clientName, options.until !== undefined);
  if (item.kind === 'action' && !item.open) {
    // "Call" names the done action "Call" exactly; the open "Call Bob" may be the one meant: never guessed, but shown.
    const others = candidates.filter((c) => c !== item && c.open && c.shown !== false && pick([c], query, { exact: () => [], prefixes: (x) => x.names }).kind === 'found');
    if (others.length > 0)
      throw new EditError(`"${item.title}" is already done (${item.closed!.replace(/^done /, "done: ")}).`, {
        hint: `Nothing was changed. Items that begin with "${query}" and are open:\n${listing(others.map(describe))}`,
      });
  }
  if (options.until && item.kind !== 'expiry')
    throw new EditError(`--until sets an asset's new expiry date, and "${item.title}" is ${item.kind === 'replacement' ? 'a replacement' : `the ${KIND_LABEL[item.kind]}`}.`, {
      hint: 'Leave out --until, or name the asset whose expiry moved, e.g. clientbook done hanks-hardware "Main server" --until 2027-11-30.',
    });
  if (options.outlook && item.kind !== 'outlook')
    throw new EditError(`--outlook records the client's growth outlook, and "${item.title}" is not the outlook check.`, {
      hint: 'Use it with the outlook check: clientbook done hanks-hardware outlook --outlook growing.',
    });
  if (!item.open && item.kind !== 'action')
    throw new EditError(`"${item.title}" is not due: ${item.closed}.`, { hint: 'Nothing was changed. `clientbook due --all` lists every item that is due, by client.' });
  switch (item.kind) {
    case 'action':
      return completeAction(file, item.title, options.on, clientName);
    case 'expiry':
      return renewAsset(file, item, options);
    case 'replacement':
      return retireAsset(file, item, options.on);
    case 'meeting':
      return recordMeeting(file, { on: options.on });
    case 'outlook':
      return checkOutlook(file, options);
  }
}

function renewAsset(file: EditableFile, item: Candidate, { on, until }: CompleteOptions): EditPlan {
  const { y, doc } = frontMatterOf(file);
  const node = item.node!;
  const name = String(node.get('name'));
  const expiresNode = node.get('expires', true);
  assertNotShared(y, doc, expiresNode, `The \`expires\` of "${name}"`);
  const current = isScalar(expiresNode) && typeof expiresNode.value === 'string' ? parseDate(expiresNode.value) : undefined;
  if (!isScalar(expiresNode) || !current)
    throw new EditError(`"${name}" has no valid \`expires\` date to move.`, { hint: 'Fix it first, e.g. `expires: 2026-12-31`; `npx clientbook validate` shows where.' });
  let next: PlainDate;
  let how: string;
  if (until) {
    if (compareDates(until, current) <= 0)
      throw new EditError(`--until ${until.toString()} is not after the current expiry of "${name}" (${current.toString()}).`, {
        hint: 'Give the date the renewed warranty, licence or subscription now ends.',
      });
    next = until;
    how = `now expires ${next.toString()}`;
    // Legitimate when a renewal is recorded late, but more often a mistyped year: say so.
    if (compareDates(until, on) <= 0) how += `, which is not after ${on.toString()}: it is still due (check the year)`;
  } else {
    const renewValue = node.get('renew');
    assertNotShared(y, doc, node.get('renew', true), `The \`renew\` of "${name}"`);
    if (renewValue === undefined || renewValue === null)
      throw new EditError(`"${name}" has no \`renew\` cycle, so clientbook cannot tell its new expiry date.`, {
        hint: `Give the date it now expires with --until, e.g. --until ${current.add({ years: 1 }).toString()}; or add \`renew: 1 year\` to the asset if it renews on a cycle.`,
      });
    const renew = typeof renewValue === 'string' ? parseInterval(renewValue) : undefined;
    if (!renew) throw new EditError(`"${name}" has \`renew: ${String(renewValue)}\`, which is not an interval.`, { hint: 'Fix it first, e.g. `renew: 1 year`; `npx clientbook validate` shows where.' });
    next = nextDue(current, renew, on);
    assertInRange(next, `"${name}"`, 'expires', 'it is renewed no more, set its `status: retired` or remove `renew`');
    how = `it renews every ${renew.text}: now expires ${next.toString()}`;
  }
  return {
    splices: [replaceScalar(y, expiresNode, next.toString(), `the \`expires\` of "${name}"`)],
    changes: [{ path: ['assets', item.index!, 'expires'], value: next.toString() }],
    summary: `Renewed on ${on.toString()}: "${name}"; ${how}.`,
  };
}

function retireAsset(file: EditableFile, item: Candidate, on: PlainDate): EditPlan {
  const { y, doc } = frontMatterOf(file);
  const node = item.node!;
  const name = String(node.get('name'));
  assertNotShared(y, doc, node, `The asset "${name}"`);
  const statusPair = pairOf(node, 'status');
  assertNotShared(y, doc, statusPair?.value, `The \`status\` of "${name}"`);
  const splice = statusPair && isScalar(statusPair.value)
    ? replaceScalar(y, statusPair.value, 'retired', `the \`status\` of "${name}"`)
    : appendPair(y, node, 'status', 'retired', file.eol);
  return {
    splices: [splice],
    changes: [{ path: ['assets', item.index!, 'status'], value: 'retired' }],
    summary: `Replaced on ${on.toString()}: "${name}" is now retired (kept for history). Add its successor to \`assets\` to follow its warranty and age.`,
  };
}

function checkOutlook(file: EditableFile, { on, outlook }: CompleteOptions): EditPlan {
  const { y, root, doc } = frontMatterOf(file);
  const date = on.toString();
  const growth = pairOf(root, 'growth');
  assertNotShared(y, doc, growth?.value, '`growth`');
  if (!growth || !isMap(growth.value) || (growth.value as YAMLMap).items.length === 0) {
    if (growth) throw new EditError('`growth` is not a mapping, so clientbook cannot record the outlook check.', { hint: `Write it as\ngrowth:\n  outlook: ${outlook ?? 'stable'}\n  asked: ${date}` });
    const entries: [string, string][] = [...(outlook ? [['outlook', outlook] as [string, string]] : []), ['asked', date]];
    return {
      splices: [appendMapping(y, root, 'growth', entries, file.eol, indentStep(y, root))],
      changes: [{ path: ['growth'], value: Object.fromEntries(entries) }],
      summary: `Outlook checked on ${date}${outlook ? `: ${outlook}` : ''}.`,
    };
  }
  const map = growth.value as YAMLMap;
  for (const key of ['asked', 'outlook']) assertNotShared(y, doc, pairOf(map, key)?.value, `\`growth.${key}\``);
  const splices: EditPlan['splices'] = [];
  const changes: EditPlan['changes'] = [];
  const notes: string[] = [];
  const askedPair = pairOf(map, 'asked');
  const askedNode = askedPair?.value as Node | null | undefined;
  const previous = isScalar(askedNode) && typeof askedNode.value === 'string' ? parseDate(askedNode.value) : undefined;
  if (previous && compareDates(previous, on) >= 0) {
    notes.push(`The outlook was already asked on ${previous.toString()}${compareDates(previous, on) > 0 ? `, after ${date}` : ''}; that date was kept.`);
  } else if (askedPair && isScalar(askedNode)) {
    splices.push(replaceScalar(y, askedNode, date, '`growth.asked`'));
    changes.push({ path: ['growth', 'asked'], value: date });
    notes.push(`Outlook checked on ${date}${previous ? ` (asked before on ${previous.toString()})` : ''}.`);
  } else if (askedPair) {
    throw new EditError('`growth.asked` is not a date, so clientbook cannot replace it.', { hint: `Write it as \`asked: ${date}\`.` });
  } else {
    splices.push(appendPair(y, map, 'asked', date, file.eol));
    changes.push({ path: ['growth', 'asked'], value: date });
    notes.push(`Outlook checked on ${date}.`);
  }
  if (outlook) {
    const outlookPair = pairOf(map, 'outlook');
    const current = outlookPair && isScalar(outlookPair.value) ? outlookPair.value : undefined;
    if (current && current.value === outlook) notes.push(`The outlook stays ${outlook}.`);
    else if (current) {
      splices.push(replaceScalar(y, current, outlook, '`growth.outlook`'));
      changes.push({ path: ['growth', 'outlook'], value: outlook });
      notes.push(`Outlook changed from ${String(current.value)} to ${outlook}.`);
    } else {
      splices.push(appendPair(y, map, 'outlook', scalarText(outlook), file.eol));
      changes.push({ path: ['growth', 'outlook'], value: outlook });
      notes.push(`Outlook set to ${outlook}.`);
    }
  }
  return { splices, changes, summary: notes.join(' ') };
}

