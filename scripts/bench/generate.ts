/**
 * Deterministic synthetic portfolios for benchmarks: N clients with a realistic mix of every field
 * of FORMAT.md (`tests/bench/generate.test.ts` holds it to the schema) and visit notes of realistic
 * length. The same seed and N always give the same bytes, and every portfolio validates without
 * errors (a few warnings, as in life: clients without a next action).
 *
 * What "realistic" means here, after the sample in `clients/`: front matter of 1–3 KB written the
 * way people write it (quoted phone numbers, flow lists of tags, a comment here and there), notes
 * newest first under dated headings, wrapped paragraphs and bullet lists, most clients with a few
 * notes and some with years of them. Former clients and prospects sit in their own folders, active
 * clients in one folder per region; a few files have CRLF line ends or a byte-order mark.
 *
 *   npx node scripts/bench/generate.ts --count 1000 --out /tmp/portfolio-1000 [--seed 1]
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Temporal, type PlainDate } from '#core/dates';
import { slugify } from '#core/slug';

/** mulberry32: small, fast, and good enough to pick from lists. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof rng>;

const FIRST = ['Hank', 'Margaret', 'Colleen', 'Gord', 'Priya', 'Tanya', 'Luc', 'Aiko', 'Dev', 'Ruth', 'Sam', 'Noor', 'Erik', 'Joan', 'Marcel', 'Wen', 'Amara', 'Tom', 'Ingrid', 'Raj', 'Donna', 'Tyler', 'Élise', 'Søren', 'Maëlle', 'Kwame'];
const LAST = ['Miller', 'Whitfield', 'Patterson', 'Raman', 'Tremblay', 'Nakamura', 'Olsen', 'Charlie', 'Dubois', 'MacLeod', 'Singh', 'Johnson', 'Frost', 'Kaye', 'Lindqvist', 'Okafor', 'Benoit', 'Côté', 'Sjöberg', "O'Neil"];
const REGIONS: [string, string[]][] = [
  ['whitehorse', ['Whitehorse, YT', '91 Industrial Road, Marwell, Whitehorse, YT', '2nd Avenue, Whitehorse, YT', 'Porter Creek, Whitehorse, YT']],
  ['dawson', ['Dawson City, YT', 'Front Street, Dawson City, YT']],
  ['south', ['Carcross, YT', 'Teslin, YT', 'Watson Lake, YT', 'Atlin, BC', 'Skagway, AK']],
  ['central', ['Mayo, YT', 'Faro, YT', 'Carmacks, YT', 'Pelly Crossing, YT']],
  ['west', ['Haines Junction, YT', 'Destruction Bay, YT', 'Beaver Creek, YT']],
];
const TRADES = ['Hardware', 'Dental Centre', 'Accounting', 'Law Corporation', 'Outfitters', 'Lodge', 'Auto Repair', 'Veterinary Clinic', 'Engineering', 'Realty', 'Transport', 'Translation', 'Bakery', 'Pharmacy', 'Clinic', 'Construction', 'Air Services', 'Family Services', 'Gallery', 'Surveying', 'Coffee', 'Brewing', 'Electric', 'Plumbing & Heating', 'Physiotherapy', 'Insurance', 'Printing', 'Credit Union', 'Architects', 'Tours'];
const PREFIX = ['Northern', 'Klondike', 'Yukon River', 'Copper Ridge', 'Takhini', 'Tintina', 'Boreal', 'Fireweed', 'Two Mile', 'Spruce Hill', 'Alder', 'Bonanza', 'Kluane', 'Midnight Sun', 'Aurora', 'Tagish', 'Marsh Lake', 'Porcupine', 'Granite', 'Silver Trail', 'Lakeside', 'Raven', 'Caribou', 'Grizzly Valley', 'Chilkoot', 'Tombstone', 'Nares', 'Mount Sima', 'Riverdale', 'Hillcrest'];
const SUFFIX = ['', '', '', ' Ltd.', ' Inc.', ' & Sons', ' Co-op', ' Group'];
const ROLES = ['Owner', 'Office manager', 'Director', 'Bookkeeper', 'Practice manager', 'Managing partner', 'Operations lead', 'General manager'];
const PEOPLE_ROLES = ['Bookkeeper', 'Receptionist', 'Shop foreman', 'Second partner', 'Yard and receiving lead', 'IT-minded staffer', 'Owner’s spouse, signs cheques'];
const ACTIONS = ['Renew anti-virus for all seats', 'Test a restore of the server backup', 'Book the yearly roadmap meeting', 'Replace the UPS battery', 'Review Microsoft 365 licences', 'Patch the firewall', 'Train the new bookkeeper on QuickBooks', 'Check the NAS disks', 'Renew the domain', 'Quote a new server', 'Move the printer to the new office', 'Clean up accounts of departed staff', 'Set up multi-factor sign-in', 'Replace the Windows 10 PCs', 'Check the Wi-Fi coverage in the shop', 'Send the quote for the new laptops', 'Document the network for the insurer', 'Call about the contractor desk'];
const ACTION_NOTES = ['Wants two options side by side.', 'Only after the busy season ends.', 'The owner signs off on anything over $1,000.', 'Bring the spare drive from the office.', 'Ask for the licence key by e-mail first.'];
const TAGS = ['security', 'backup', 'licences', 'hardware', 'renewal', 'training', 'quote', 'network'];
const ASSETS: [string, string][] = [['Main server (Dell PowerEdge T150)', 'server'], ['Reception PC', 'workstation'], ['Counter workstations (3 × Dell OptiPlex 7010)', 'workstation'], ['Owner laptop (ThinkPad T14)', 'laptop'], ['FortiGate 60F firewall', 'network'], ['Store switch (UniFi USW-24-PoE)', 'network'], ['Brother MFC-L8900 printer', 'printer'], ['Desk phones', 'phone'], ['QuickBooks Desktop', 'software'], ['ESET PROTECT Entry', 'licence'], ['Microsoft 365 Business Standard', 'subscription'], ['example domain', 'domain'], ['Synology DS920+ NAS backup', 'backup'], ['Label printer', 'other']];
const ASSET_NOTES = ['Warranty ended; disks at 81% full.', 'The expiry is the support bundle; the hardware is fine.', 'Auto-renew is off on purpose.', 'Bought second-hand from the previous tenant.', 'Nightly copy to the cloud every night.'];
const ROADMAP = ['Replace the main server', 'Move e-mail to Microsoft 365', 'New office network', 'Replace the Windows 10 PCs', 'Add a second site link', 'Backup to a second location', 'Upgrade the firewall', 'Laptops for new staff', 'Document management system', 'Security awareness training', 'Replace the NAS', 'Upgrade Microsoft 365 to Business Premium'];
const SENTENCES = [
  'We went through the list of open items and agreed on the next steps.',
  'The owner asked whether the old server will hold another year; I explained the risk and the cost of waiting.',
  'Backups ran every night this month; the restore test of the accounting folder took twelve minutes.',
  'Two new staff start in the spring, which means two more laptops and licences.',
  'The printer jams again on the second tray; the service contract covers a visit.',
  'They are thinking about opening a second location in Dawson City within two years.',
  'Revenue is flat this year, so anything that is not urgent waits until the next budget.',
  'The bookkeeper would like a short training on the new version of the accounting software.',
  'I replaced the failing disk in the NAS and started a rebuild; it finished overnight.',
  'We talked about the roadmap for the next three years and what they expect to spend.',
  'The Wi-Fi in the back office drops out; a second access point would fix it.',
  'They asked for a written quote before the end of the month.',
  'Signed off the new workstation without a second look: "if you say we need it, we need it."',
  'Swapped the old switch after hours; the tills, printers and cameras were back in forty minutes.',
  'The insurer now asks for multi-factor sign-in on every mailbox before it renews the cyber policy.',
];
const BULLETS = [
  'Quote for the server by the end of the month, two options side by side.',
  'The UPS beeps during every power blip: battery is four years old.',
  'New hire starts on the 3rd: laptop, mailbox and a door fob.',
  'Asked again about moving the files to the cloud; **not before** the server is replaced.',
  'The old switch stays in the back office as a spare.',
  'Licence count is two seats short since the summer hires.',
  'See the vendor notes at <https://support.example.com/kb/1234> before upgrading.',
  'Remind them that `\\\\server\\scans` is going away with the old server.',
];
const HEADINGS = ['Monthly meeting', 'Site visit', 'Phone call', 'Yearly roadmap meeting', 'Quarterly review', 'Emergency call-out', 'Installed the new firewall'];

const pad = (n: number) => String(n).padStart(2, '0');

/** A YAML scalar as people write it: plain where that reads back as the same text, quoted otherwise. */
function scalar(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const plain =
    /^[A-Za-z0-9À-ž(][^#]*$/.test(value) &&
    !/: |:$|\s#|^(?:true|false|null|yes|no|on|off|~)$/i.test(value) &&
    !/^[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$/i.test(value) &&
    !/^0x|^0o/i.test(value);
  return plain ? value : JSON.stringify(value);
}

/** Wraps a paragraph at about 76 columns, the way notes are written in an editor. */
function wrap(text: string, width = 76): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

interface Ctx {
  r: Rng;
  base: PlainDate;
  ids: readonly string[];
}

function frontMatter({ r, base, ids }: Ctx, i: number, name: string, status: string, place: string): string {
  const day = (offset: number) => base.add({ days: offset }).toString();
  const out: string[] = [];
  const line = (indent: number, key: string, value: string | number) => out.push(`${' '.repeat(indent)}${key}: ${scalar(value)}`);
  const first = r.pick(FIRST);
  const last = r.pick(LAST);
  const domain = `${ids[i]}.example`;

  line(0, 'name', name);
  line(0, 'type', r.pick(['basic', 'strategic', 'strategic', 'break-fix']));
  // `status: active` is the default: about half of the files say it anyway.
  if (status !== 'active' || r.chance(0.5)) line(0, 'status', status);
  if (r.chance(0.8)) line(0, 'involvement', r.pick(['hands-on', 'hands-off', 'just-right']));
  if (r.chance(0.9)) line(0, 'since', r.chance(0.5) ? day(-r.int(100, 6000)) : `${r.int(2005, 2025)}-${pad(r.int(1, 12))}`);
  if (status !== 'former' || r.chance(0.5)) {
    out.push('contact:');
    line(2, 'name', `${first} ${last}`);
    if (r.chance(0.9)) line(2, 'role', r.pick(ROLES));
    if (r.chance(0.85)) line(2, 'email', `${slugify(first)}@${domain}`);
    if (r.chance(0.85)) out.push(`  phone: "+1 867 555 ${String(r.int(0, 9999)).padStart(4, '0')}"`);
    if (r.chance(0.3)) line(2, 'note', r.pick(['Prefers a call before noon.', 'Best reached before the store opens at 8; a text is fine for anything urgent.', 'Away every July.']));
    if (r.chance(0.05)) line(2, 'x-pronouns', r.pick(['she/her', 'he/him', 'they/them']));
  }
  const people = r.chance(0.55) ? r.int(1, r.chance(0.2) ? 6 : 2) : 0;
  if (people > 0) {
    out.push('people:');
    for (let k = 0; k < people; k++) {
      const pf = r.pick(FIRST);
      out.push(`  - name: ${scalar(`${pf} ${r.pick(LAST)}`)}`);
      if (r.chance(0.8)) line(4, 'role', r.pick(PEOPLE_ROLES));
      if (r.chance(0.4)) line(4, 'email', `${slugify(pf)}@${domain}`);
      if (r.chance(0.3)) out.push(`    phone: "+1 867 555 ${String(r.int(0, 9999)).padStart(4, '0')}"`);
      if (r.chance(0.2)) line(4, 'note', 'Knows the point-of-sale system better than anyone, but instructions come from the owner.');
    }
  }
  if (r.chance(0.85)) line(0, 'employees', r.chance(0.9) ? r.int(1, 40) : r.int(41, 400));
  if (r.chance(0.9)) line(0, 'location', place);
  if (r.chance(0.2)) line(0, 'travel', r.pick([`${r.int(1, 7)} h drive`, '20 min drive', 'Flight to Old Crow, then a short walk', 'Ferry from Skagway, 45 min']));
  if (i > 0 && r.chance(0.3)) line(0, 'referred_by', ids[r.int(0, i - 1)]!);

  out.push('growth:');
  line(2, 'outlook', r.pick(['growing', 'growing', 'stable', 'stable', 'shrinking', 'unknown']));
  if (r.chance(0.85)) line(2, 'asked', day(-r.int(0, 500)));
  if (r.chance(0.5)) line(2, 'horizon', r.int(2027, 2030));
  if (r.chance(0.4)) line(2, 'headcount', r.int(1, 150));
  if (r.chance(0.4)) line(2, 'revenue', r.pick([`$${r.int(1, 30)}M now`, `$${r.int(1, 9)}M now, expects $${r.int(2, 12)}M within 18 months`, 'flat', 'would not say']));
  if (r.chance(0.25)) line(2, 'note', r.pick(['Opening a contractor sales desk next spring; three hires.', 'Selling the business within five years.', 'A second location depends on the bank.']));

  if (r.chance(0.9)) {
    out.push('meetings:');
    line(2, 'cadence', r.pick(['weekly', 'monthly', 'monthly', 'quarterly', 'quarterly', 'yearly', 'none']));
    if (r.chance(0.9)) line(2, 'last', day(-r.int(0, 200)));
  }

  // Former clients keep their history: their actions are done.
  const actionCount = status === 'former' ? r.int(0, 3) : r.int(r.chance(0.05) ? 0 : 1, 8);
  out.push(actionCount === 0 ? 'actions: []' : 'actions:');
  const titles = new Set<string>();
  for (let k = 0; k < actionCount; k++) {
    let title = r.pick(ACTIONS);
    // Titles are unique within a client: the second "Renew the domain" is for another one.
    while (titles.has(title)) title = `${r.pick(ACTIONS)} (${k + 1})`;
    titles.add(title);
    const recurring = status !== 'former' && r.chance(0.25);
    const done = status === 'former' || (!recurring && r.chance(0.3));
    out.push(`  - title: ${scalar(title)}`);
    if (recurring || r.chance(0.9)) line(4, 'due', day(r.int(-60, 240)));
    if (recurring) line(4, 'every', r.pick(['1 month', '3 months', '3 months', '1 year', '1 year', '2 weeks', '6 months']));
    if (done) line(4, 'done', day(-r.int(1, 400)));
    if (r.chance(0.05)) line(4, 'notice', r.pick(['60 days', '2 weeks', '3 months']));
    if (r.chance(0.3)) out.push(r.chance(0.6) ? `    tags: [${r.pick(TAGS)}, ${r.pick(TAGS)}]` : `    tags:\n      - ${r.pick(TAGS)}`);
    if (r.chance(0.15)) line(4, 'note', r.pick(ACTION_NOTES));
    if (r.chance(0.03)) line(4, 'x-ticket', `T-${r.int(1000, 99999)}`);
  }

  const assetCount = r.chance(0.15) ? 0 : r.int(1, r.chance(0.15) ? 25 : 10);
  if (assetCount > 0) out.push('assets:');
  const assetNames = new Set<string>();
  for (let k = 0; k < assetCount; k++) {
    const [assetName, kind] = r.pick(ASSETS);
    // Names are unique within a client (FORMAT 1.1): the second "Main server" is another one.
    let name = kind === 'domain' ? domain : assetName;
    if (assetNames.has(name)) name = `${name} (${k + 1})`;
    assetNames.add(name);
    out.push(`  - name: ${scalar(name)}`);
    line(4, 'kind', kind);
    if (r.chance(0.15)) line(4, 'status', r.pick(['in-use', 'accepted', 'retired']));
    if (r.chance(0.8)) line(4, 'acquired', r.chance(0.6) ? `${r.int(2014, 2026)}-${pad(r.int(1, 12))}` : day(-r.int(30, 4000)));
    const expires = r.chance(0.65);
    if (expires) line(4, 'expires', day(r.int(-300, 1200)));
    if (expires && r.chance(0.3)) line(4, 'renew', r.pick(['1 year', '1 year', '3 years', '1 month']));
    if (r.chance(0.15)) line(4, 'notice', r.pick(['60 days', '90 days', '2 months']));
    if (r.chance(0.4)) line(4, 'replace', r.pick([`${r.int(2026, 2029)}-Q${r.int(1, 4)}`, r.int(2026, 2030), `${r.int(2026, 2029)}-${pad(r.int(1, 12))}`]));
    if (r.chance(0.3)) line(4, 'cost', r.int(2, 300) * 50);
    if (kind === 'licence' || kind === 'subscription') line(4, 'seats', r.int(1, 60));
    if (r.chance(0.2)) line(4, 'note', r.pick(ASSET_NOTES));
    if (r.chance(0.03)) line(4, 'x-serial', `SN${r.int(100000, 999999)}`);
  }

  const roadmapCount = r.chance(0.25) ? 0 : r.int(1, r.chance(0.1) ? 12 : 6);
  if (roadmapCount > 0) out.push('roadmap:');
  for (let k = 0; k < roadmapCount; k++) {
    out.push(`  - title: ${scalar(r.pick(ROADMAP))}`);
    line(4, 'when', r.pick([r.int(2026, 2029), `${r.int(2026, 2029)}-Q${r.int(1, 4)}`, `${r.int(2026, 2029)}-Q${r.int(1, 4)}`, `${r.int(2027, 2029)}-${pad(r.int(1, 12))}`, day(r.int(10, 900))]));
    if (r.chance(0.9)) line(4, 'cost', r.int(5, 400) * 100 + (r.chance(0.1) ? 0.5 : 0));
    if (r.chance(0.85)) line(4, 'status', r.pick(['proposed', 'agreed', 'agreed', 'deferred', 'done', 'declined']));
    if (r.chance(0.7)) line(4, 'why', r.pick(SENTENCES));
  }

  if (r.chance(0.35)) {
    if (r.chance(0.3)) out.push('# Billing and Wi-Fi details we look up on every visit.');
    line(0, 'x-billing', r.pick(['monthly retainer', 'hourly', 'block of hours', 'monthly retainer, 4 hours included']));
    if (r.chance(0.3)) line(0, 'x-wifi-ssid', `${r.pick(PREFIX).replace(/ /g, '')}Staff`);
    if (r.chance(0.1)) out.push(`x-site:\n  alarm-company: ${r.pick(['Northwind Security', 'Yukon Alarm'])}\n  key-holder: ${scalar(`${r.pick(FIRST)} ${r.pick(LAST)}`)}`);
  }
  return `${out.join('\n')}\n`;
}

function notes({ r, base }: Ctx): string {
  // Most clients have a handful of notes; some have years of them.
  const count = r.chance(0.08) ? r.int(10, 24) : r.int(1, 6);
  const offsets = Array.from({ length: count }, () => r.int(0, 900)).sort((a, b) => a - b);
  const sections = offsets.map((offset) => {
    const date = base.add({ days: -offset }).toString();
    const parts = [`## ${date} ${r.pick(HEADINGS)}`];
    const paragraphs = r.chance(0.25) ? 2 : 1;
    for (let p = 0; p < paragraphs; p++) parts.push(wrap(Array.from({ length: r.int(2, 5) }, () => r.pick(SENTENCES)).join(' ')));
    if (r.chance(0.3)) parts.push(Array.from({ length: r.int(2, 4) }, () => wrap(`- ${r.pick(BULLETS)}`).replace(/\n/g, '\n  ')).join('\n'));
    return parts.join('\n\n');
  });
  if (r.chance(0.1)) sections.push(`## History\n\n${wrap(Array.from({ length: r.int(4, 8) }, () => r.pick(SENTENCES)).join(' '))}`);
  return `${sections.join('\n\n')}\n`;
}

function clientName(r: Rng): string {
  const trade = r.pick(TRADES);
  return r.chance(0.3) ? `${r.pick(LAST)}’s ${trade}` : `${r.pick(PREFIX)} ${trade}${r.pick(SUFFIX)}`;
}

export interface GenerateOptions {
  count: number;
  out: string;
  seed?: number;
  /** The day the portfolio is written as of. */
  base?: string;
}

/** Writes `count` clients into `out` (emptied first). */
export async function generatePortfolio({ count, out, seed = 1, base = '2026-11-24' }: GenerateOptions): Promise<void> {
  const r = rng(seed);
  const baseDate = Temporal.PlainDate.from(base);
  // Names first, so that ids (file names) are known for `referred_by`. Two clients may share a
  // name, never an id: the second `aurora-gallery` is `aurora-gallery-2`.
  const usedIds = new Map<string, number>();
  const clients = Array.from({ length: count }, () => {
    const name = clientName(r);
    const slug = slugify(name);
    const n = (usedIds.get(slug) ?? 0) + 1;
    usedIds.set(slug, n);
    const status = r.chance(0.06) ? 'former' : r.chance(0.05) ? 'prospect' : 'active';
    const [region, places] = r.pick(REGIONS);
    const folder = status === 'former' ? 'former' : status === 'prospect' ? 'prospects' : region;
    return { name, id: n === 1 ? slug : `${slug}-${n}`, status, folder, place: r.pick(places), crlf: r.chance(0.01), bom: r.chance(0.005) };
  });
  const ids = clients.map((c) => c.id);
  const ctx: Ctx = { r, base: baseDate, ids };

  await rm(out, { recursive: true, force: true });
  for (const folder of new Set(clients.map((c) => c.folder))) await mkdir(path.join(out, folder), { recursive: true });
  const batch: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const c = clients[i]!;
    let text = `---\n${frontMatter(ctx, i, c.name, c.status, c.place)}---\n\n${notes(ctx)}`;
    if (c.crlf) text = text.replace(/\n/g, '\r\n');
    if (c.bom) text = `\ufeff${text}`;
    batch.push(writeFile(path.join(out, c.folder, `${c.id}.md`), text));
    if (batch.length >= 64) await Promise.all(batch.splice(0));
  }
  await Promise.all(batch);
  await writeFile(path.join(out, 'clientbook.yaml'), 'title: Synthetic portfolio\ntime_zone: America/Whitehorse\ncurrency: CAD\nlocale: en-CA\n');
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { count: { type: 'string', default: '100' }, out: { type: 'string' }, seed: { type: 'string', default: '1' } } });
  const count = Number(values.count);
  const out = values.out ?? `/tmp/clientbook-portfolio-${count}`;
  await generatePortfolio({ count, out, seed: Number(values.seed) });
  process.stdout.write(`${count} clients written to ${out}\n`);
}
