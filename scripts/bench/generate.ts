/**
 * Deterministic synthetic portfolios for benchmarks: N clients with a realistic mix of every field
 * of FORMAT.md and visit notes of realistic length. The same seed and N always give the same bytes.
 *
 *   npx node scripts/bench/generate.ts --count 1000 --out /tmp/portfolio-1000 [--seed 1]
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { Temporal, type PlainDate } from '../core/dates.ts';

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

const FIRST = ['Hank', 'Margaret', 'Colleen', 'Gord', 'Priya', 'Tanya', 'Luc', 'Aiko', 'Dev', 'Ruth', 'Sam', 'Noor', 'Erik', 'Joan', 'Marcel', 'Wen', 'Amara', 'Tom', 'Ingrid', 'Raj'];
const LAST = ['Miller', 'Whitfield', 'Patterson', 'Raman', 'Tremblay', 'Nakamura', 'Olsen', 'Charlie', 'Dubois', 'MacLeod', 'Singh', 'Johnson', 'Frost', 'Kaye', 'Lindqvist', 'Okafor'];
const PLACES = ['Whitehorse, YT', 'Dawson City, YT', 'Haines Junction, YT', 'Watson Lake, YT', 'Carcross, YT', 'Mayo, YT', 'Teslin, YT', 'Faro, YT', 'Atlin, BC', 'Skagway, AK'];
const TRADES = ['Hardware', 'Dental Centre', 'Accounting', 'Law Corporation', 'Outfitters', 'Lodge', 'Auto Repair', 'Veterinary Clinic', 'Engineering', 'Realty', 'Transport', 'Translation', 'Bakery', 'Pharmacy', 'Clinic', 'Construction', 'Air Services', 'Family Services', 'Gallery', 'Surveying'];
const PREFIX = ['Northern', 'Klondike', 'Yukon River', 'Copper Ridge', 'Takhini', 'Tintina', 'Boreal', 'Fireweed', 'Two Mile', 'Spruce Hill', 'Alder', 'Bonanza', 'Kluane', 'Midnight Sun', 'Aurora', 'Tagish', 'Marsh Lake', 'Porcupine', 'Granite', 'Silver Trail'];
const ACTIONS = ['Renew anti-virus for all seats', 'Test a restore of the server backup', 'Book the yearly roadmap meeting', 'Replace the UPS battery', 'Review Microsoft 365 licences', 'Patch the firewall', 'Train the new bookkeeper on QuickBooks', 'Check the NAS disks', 'Renew the domain', 'Quote a new server', 'Move the printer to the new office', 'Clean up accounts of departed staff', 'Set up multi-factor sign-in', 'Replace the Windows 10 PCs', 'Check the Wi-Fi coverage in the shop'];
const ASSETS: [string, string][] = [['Main server (Dell PowerEdge T150)', 'server'], ['Reception PC', 'workstation'], ['Owner laptop (ThinkPad T14)', 'laptop'], ['FortiGate 60F firewall', 'network'], ['Brother MFC-L8900 printer', 'printer'], ['Desk phones', 'phone'], ['QuickBooks Desktop', 'software'], ['ESET PROTECT Entry', 'licence'], ['Microsoft 365 Business Standard', 'subscription'], ['example domain', 'domain'], ['Synology DS920+ NAS backup', 'backup'], ['Label printer', 'other']];
const ROADMAP = ['Replace the main server', 'Move e-mail to Microsoft 365', 'New office network', 'Replace the Windows 10 PCs', 'Add a second site link', 'Backup to a second location', 'Upgrade the firewall', 'Laptops for new staff', 'Document management system', 'Security awareness training'];
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
];

const pad = (n: number) => String(n).padStart(2, '0');

function client(r: Rng, i: number, base: PlainDate, ids: string[]) {
  const name = `${r.pick(PREFIX)} ${r.pick(TRADES)}${i >= PREFIX.length * TRADES.length ? ` ${i}` : ''}`;
  const status = r.chance(0.06) ? 'former' : r.chance(0.06) ? 'prospect' : 'active';
  const day = (offset: number) => base.add({ days: offset }).toString();
  const first = r.pick(FIRST);
  const last = r.pick(LAST);
  const slug = ids[i]!;
  const data: Record<string, unknown> = {
    name,
    type: r.pick(['basic', 'strategic', 'break-fix']),
    ...(status !== 'active' ? { status } : {}),
    ...(r.chance(0.8) ? { involvement: r.pick(['hands-on', 'hands-off', 'just-right']) } : {}),
    since: r.chance(0.5) ? day(-r.int(100, 6000)) : `${r.int(2005, 2025)}-${pad(r.int(1, 12))}`,
    contact: {
      name: `${first} ${last}`,
      role: r.pick(['Owner', 'Office manager', 'Director', 'Bookkeeper', 'Practice manager']),
      email: `${first.toLowerCase()}@${slug}.example`,
      phone: `+1 867 555 ${String(r.int(0, 9999)).padStart(4, '0')}`,
      ...(r.chance(0.3) ? { note: 'Prefers a call before noon.' } : {}),
    },
    ...(r.chance(0.5) ? { people: [{ name: `${r.pick(FIRST)} ${r.pick(LAST)}`, role: 'Bookkeeper' }] } : {}),
    employees: r.int(1, 120),
    location: r.pick(PLACES),
    ...(r.chance(0.15) ? { travel: `${r.int(1, 7)} h drive` } : {}),
    ...(i > 0 && r.chance(0.3) ? { referred_by: ids[r.int(0, i - 1)] } : {}),
    growth: {
      outlook: r.pick(['growing', 'stable', 'shrinking', 'unknown']),
      ...(r.chance(0.85) ? { asked: day(-r.int(0, 500)) } : {}),
      ...(r.chance(0.5) ? { horizon: r.int(2027, 2030) } : {}),
      ...(r.chance(0.4) ? { headcount: r.int(1, 150) } : {}),
      ...(r.chance(0.4) ? { revenue: `$${r.int(1, 30)}M now` } : {}),
    },
    meetings: { cadence: r.pick(['weekly', 'monthly', 'monthly', 'quarterly', 'yearly', 'none']), ...(r.chance(0.9) ? { last: day(-r.int(0, 200)) } : {}) },
    actions: Array.from({ length: r.int(1, 6) }, (_, k) => {
      const recurring = r.chance(0.25);
      const done = !recurring && r.chance(0.3);
      return {
        title: `${r.pick(ACTIONS)} (${k + 1})`,
        ...(r.chance(0.9) || recurring ? { due: day(r.int(-60, 200)) } : {}),
        ...(recurring ? { every: r.pick(['1 month', '3 months', '1 year', '2 weeks']) } : {}),
        ...(done ? { done: day(-r.int(1, 90)) } : {}),
        ...(r.chance(0.3) ? { tags: [r.pick(['security', 'backup', 'licences', 'hardware'])] } : {}),
      };
    }),
    assets: Array.from({ length: r.int(0, 8) }, () => {
      const [assetName, kind] = r.pick(ASSETS);
      return {
        name: assetName,
        kind,
        acquired: `${r.int(2014, 2026)}-${pad(r.int(1, 12))}`,
        ...(r.chance(0.7) ? { expires: day(r.int(-300, 1200)) } : {}),
        ...(r.chance(0.4) ? { replace: `${r.int(2026, 2029)}-Q${r.int(1, 4)}` } : {}),
        ...(kind === 'licence' || kind === 'subscription' ? { seats: r.int(1, 60) } : {}),
      };
    }),
    roadmap: Array.from({ length: r.int(0, 5) }, () => ({
      title: r.pick(ROADMAP),
      when: r.pick([`${r.int(2026, 2029)}`, `${r.int(2027, 2029)}-Q${r.int(1, 4)}`, `${r.int(2027, 2029)}-${pad(r.int(1, 12))}`]),
      cost: r.int(5, 400) * 100 + (r.chance(0.2) ? 0.5 : 0),
      status: r.pick(['proposed', 'agreed', 'agreed', 'deferred', 'done', 'declined']),
      why: r.pick(SENTENCES),
    })),
    ...(r.chance(0.3) ? { 'x-billing': r.pick(['monthly retainer', 'hourly', 'block of hours']) } : {}),
  };
  // Keep every action title unique within the client.
  const notes = Array.from({ length: r.int(1, 6) }, () => {
    const date = day(-r.int(0, 700));
    const text = Array.from({ length: r.int(3, 9) }, () => r.pick(SENTENCES)).join(' ');
    return `## ${date} ${r.pick(['Monthly meeting', 'Site visit', 'Phone call', 'Roadmap meeting'])}\n\n${text}\n`;
  });
  return `---\n${stringify(data, { lineWidth: 0 })}---\n\n${notes.join('\n')}`;
}

export interface GenerateOptions {
  count: number;
  out: string;
  seed?: number;
  /** The day the portfolio is written as of. */
  base?: string;
}

/** Writes `count` clients into `out` (emptied first), 100 per subfolder. */
export async function generatePortfolio({ count, out, seed = 1, base = '2026-11-24' }: GenerateOptions): Promise<void> {
  const r = rng(seed);
  const baseDate = Temporal.PlainDate.from(base);
  const ids = Array.from({ length: count }, (_, i) => `client-${String(i).padStart(5, '0')}`);
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  const batch: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const folder = path.join(out, `group-${String(Math.floor(i / 100)).padStart(3, '0')}`);
    if (i % 100 === 0) await mkdir(folder, { recursive: true });
    batch.push(writeFile(path.join(folder, `${ids[i]}.md`), client(r, i, baseDate, ids)));
    if (batch.length >= 64) await Promise.all(batch.splice(0));
  }
  await Promise.all(batch);
  await writeFile(path.join(out, 'clientbook.yaml'), 'title: Synthetic portfolio\ntime_zone: America/Whitehorse\ncurrency: CAD\n');
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { count: { type: 'string', default: '100' }, out: { type: 'string' }, seed: { type: 'string', default: '1' } } });
  const count = Number(values.count);
  const out = values.out ?? `/tmp/clientbook-portfolio-${count}`;
  await generatePortfolio({ count, out, seed: Number(values.seed) });
  process.stdout.write(`${count} clients written to ${out}\n`);
}
