import { describe, expect, it } from 'vitest';
import { formatCents } from '#core/model/money';
import {
  clientRoadmap,
  horizonQuarters,
  periodEnd,
  portfolioRoadmap,
  roadmapEntries,
  significantWords,
  type PortfolioRoadmap,
  type RoadmapEntry,
} from '#core/model/roadmap';
import { loadPortfolio } from '#core/portfolio';
import { clientYaml, date, makeClient, tempPortfolio } from '../../helpers/clients.ts';

const item = (title: string, when: string, cost?: number | string, status = 'agreed') =>
  [`  - title: ${JSON.stringify(title)}`, `    when: ${when}`, cost === undefined ? '' : `    cost: ${cost}`, `    status: ${status}`]
    .filter(Boolean)
    .join('\n');
const roadmap = (...items: string[]) => `roadmap:\n${items.join('\n')}`;

/** Which bucket each entry title landed in. */
function placement(r: PortfolioRoadmap): Record<string, string> {
  const out: Record<string, string> = {};
  for (const b of [r.overdue, ...r.quarters, r.later]) for (const e of [...b.entries, ...b.done]) out[e.title] = b.key;
  return out;
}
const titles = (entries: RoadmapEntry[]) => entries.map((e) => e.title);

describe('portfolio quarters', () => {
  const client = makeClient(
    'edge',
    clientYaml(
      'Edge Co',
      roadmap(
        item('Last day of 2026', '2026-12-31'),
        item('First day of 2027', '2027-01-01'),
        item('Fourth quarter 2026', '2026-Q4'),
        item('Year 2027', '2027'),
        item('March 2027', '2027-03'),
        item('Third quarter 2029', '2029-Q3'),
        item('Fourth quarter 2029', '2029-Q4'),
        item('Year 2030', '2030'),
      ),
    ),
  );

  it('starts with the quarter holding the as-of date and runs 12 quarters', () => {
    const r = portfolioRoadmap([client], { asOf: date('2026-12-31') });
    expect(r.quarters.map((q) => q.key)).toEqual(horizonQuarters(date('2026-12-31')));
    expect(r.quarters).toHaveLength(12);
    expect(r.quarters[0]!.key).toBe('2026-Q4');
    expect(r.quarters[11]!.key).toBe('2029-Q3');
    expect(r.quarters[0]!.start.toString()).toBe('2026-10-01');
    expect(r.quarters[0]!.end.toString()).toBe('2026-12-31');
    expect(r.quarters[11]!.end.toString()).toBe('2029-09-30');
  });

  it('as of 2026-12-31: the last day of 2026 is in 2026-Q4, the first day of 2027 in 2027-Q1', () => {
    const r = portfolioRoadmap([client], { asOf: date('2026-12-31') });
    expect(placement(r)).toEqual({
      'Last day of 2026': '2026-Q4',
      'Fourth quarter 2026': '2026-Q4',
      'First day of 2027': '2027-Q1',
      'Year 2027': '2027-Q1',
      'March 2027': '2027-Q1',
      'Third quarter 2029': '2029-Q3',
      'Fourth quarter 2029': 'later',
      'Year 2030': 'later',
    });
  });

  it('as of 2027-01-01: 2026 work not done is overdue, 2029-Q4 comes into the horizon', () => {
    const r = portfolioRoadmap([client], { asOf: date('2027-01-01') });
    expect(r.quarters[0]!.key).toBe('2027-Q1');
    expect(placement(r)).toEqual({
      'Last day of 2026': 'overdue',
      'Fourth quarter 2026': 'overdue',
      'First day of 2027': '2027-Q1',
      'Year 2027': '2027-Q1',
      'March 2027': '2027-Q1',
      'Third quarter 2029': '2029-Q3',
      'Fourth quarter 2029': '2029-Q4',
      'Year 2030': 'later',
    });
    expect(r.overdue.label).toBe('Overdue or unscheduled');
  });

  it('keeps the kind of period: a year lands in Q1 but spans the year', () => {
    const r = portfolioRoadmap([client], { asOf: date('2027-01-01') });
    const q1 = r.quarters[0]!;
    const year = q1.entries.find((e) => e.title === 'Year 2027')!;
    expect(year.periodKind).toBe('year');
    expect(year.when).toBe('2027');
    expect(year.quarter).toBe('2027-Q1');
    expect(year.start.toString()).toBe('2027-01-01');
    expect(year.end.toString()).toBe('2027-12-31');
    expect(year.label).toBe('2027 (whole year)');
    const month = q1.entries.find((e) => e.title === 'March 2027')!;
    expect([month.periodKind, month.end.toString(), month.label]).toEqual(['month', '2027-03-31', 'March 2027']);
    const day = q1.entries.find((e) => e.title === 'First day of 2027')!;
    expect([day.periodKind, day.end.toString(), day.label]).toEqual(['day', '2027-01-01', 'Jan 1, 2027']);
    expect(periodEnd('quarter', date('2027-10-01')).toString()).toBe('2027-12-31');
    // Sorted by start, then the shorter period first.
    expect(titles(q1.entries)).toEqual(['First day of 2027', 'Year 2027', 'March 2027']);
  });

  it('puts a year that began before the first quarter and has not ended into the first quarter', () => {
    const c = makeClient('y', clientYaml('Y', roadmap(item('This year', '2026'), item('Last year', '2025', 100, 'proposed'))));
    const r = portfolioRoadmap([c], { asOf: date('2026-11-15') });
    expect(r.quarters[0]!.entries.map((e) => [e.title, e.startedBefore])).toEqual([['This year', true]]);
    expect(titles(r.overdue.entries)).toEqual(['Last year']);
    expect(r.overdue.totals.proposed).toBe(10000);
  });
});

describe('money and statuses', () => {
  it('sums decimals exactly in cents', () => {
    const c = makeClient('d', clientYaml('D', roadmap(item('a', '2027-Q1', 0.1), item('b', '2027-02', 0.2), item('c', '2027-03-31', 1299.99))));
    const r = portfolioRoadmap([c], { asOf: date('2026-12-01') });
    const q = r.quarters.find((x) => x.key === '2027-Q1')!;
    expect(q.totals.agreed).toBe(130029);
    expect(formatCents(q.totals.agreed, 'USD', 'en-US')).toBe('$1,300.29');
    expect(r.totals.agreed).toBe(130029);
    expect(q.entries.map((e) => e.cost)).toEqual([10, 20, 129999]);
  });

  it('never counts declined; keeps done aside; shows deferred but does not plan it', () => {
    const c = makeClient(
      's',
      clientYaml(
        'S',
        roadmap(
          item('Agreed', '2027-Q1', 1000, 'agreed'),
          item('Proposed', '2027-Q1', 200, 'proposed'),
          item('Deferred', '2027-Q1', 30, 'deferred'),
          item('Done', '2027-Q1', 4, 'done'),
          item('Declined', '2027-Q1', 5000, 'declined'),
          item('Declined long ago', '2025-Q1', 5000, 'declined'),
          item('Done long ago', '2025-Q1', 5000, 'done'),
          '  - title: No status means proposed\n    when: 2027-Q1\n    cost: 7',
        ),
      ),
    );
    const r = portfolioRoadmap([c], { asOf: date('2026-12-01') });
    const q = r.quarters.find((x) => x.key === '2027-Q1')!;
    expect(titles(q.entries).sort()).toEqual(['Agreed', 'Deferred', 'No status means proposed', 'Proposed']);
    expect(titles(q.done)).toEqual(['Done']);
    expect(q.totals).toEqual({ agreed: 100000, proposed: 20700, deferred: 3000, done: 400, declined: 0 });
    expect(q.counts).toEqual({ agreed: 1, proposed: 2, deferred: 1, done: 1, declined: 0 });
    expect(q.planned).toBe(120700);
    expect(q.items).toBe(4);
    expect(r.overdue.items).toBe(0);
    expect(placement(r)['Declined']).toBeUndefined();
    expect(placement(r)['Done long ago']).toBeUndefined();
  });
});

describe('quiet quarters', () => {
  // Planned money per quarter, in units, for the 12 quarters from 2027-Q1.
  function portfolioWith(amounts: (number | null)[], extra: string[] = []) {
    const items = amounts.flatMap((amount, i) => {
      if (amount === null) return [];
      const year = 2027 + Math.floor(i / 4);
      return [item(`Work ${i}`, `${year}-Q${(i % 4) + 1}`, amount)];
    });
    return makeClient('q', clientYaml('Q', roadmap(...items, ...extra)), '2027-01-15');
  }

  it('marks quarters without agreed or proposed work, and those below a quarter of the median', () => {
    // Sorted: 0, 0, 2000, 2500, then 10000 eight times: the median is 10000, the line 2500.
    const c = portfolioWith([10000, 10000, 10000, 10000, 10000, 10000, 10000, 10000, 2000, 2500, null, null], [
      item('Only deferred', '2029-Q3', 50000, 'deferred'),
    ]);
    const r = portfolioRoadmap([c], { asOf: date('2027-01-15') });
    expect(r.medianPlanned).toBe(1_000_000);
    expect(r.quietBelow).toBe(250_000);
    expect(r.quarters.map((q) => q.quietReason)).toEqual([
      null, null, null, null, null, null, null, null, 'thin', null, 'no-work', 'no-work',
    ]);
    expect(r.quarters.filter((q) => q.quiet).map((q) => q.key)).toEqual(['2029-Q1', '2029-Q3', '2029-Q4']);
    expect(r.quarters[10]!.items).toBe(1);
  });

  it('uses the exact median of an even count (half a cent included)', () => {
    // Sorted planned cents: six zeros then 1, 1, ...: median (0 + 1) / 2 = 0.5 cent.
    const amounts = [0.01, 0.01, 0.01, 0.01, 0.01, 0.01, null, null, null, null, null, null];
    const r = portfolioRoadmap([portfolioWith(amounts)], { asOf: date('2027-01-15') });
    expect(r.medianPlanned).toBe(0.5);
    expect(r.quarters.slice(0, 6).every((q) => !q.quiet)).toBe(true);
  });

  it('with a median of 0, only empty quarters are quiet', () => {
    const r = portfolioRoadmap([portfolioWith([1, null, null, null, null, null, null, null, null, null, null, null])], {
      asOf: date('2027-01-15'),
    });
    expect(r.medianPlanned).toBe(0);
    expect(r.quarters[0]!.quiet).toBe(false);
    expect(r.quarters.slice(1).every((q) => q.quietReason === 'no-work')).toBe(true);
  });

  it('counts work without a cost as work, but not as money', () => {
    const c = portfolioWith([10000, 10000, 10000, 10000, 10000, 10000, 10000, 10000, 10000, 10000, 10000, null], [
      '  - title: Uncosted\n    when: 2029-Q4\n    status: agreed',
    ]);
    const r = portfolioRoadmap([c], { asOf: date('2027-01-15') });
    const last = r.quarters[11]!;
    expect(last.uncosted).toBe(1);
    expect(last.quietReason).toBe('thin');
  });
});

describe('clients', () => {
  const former = makeClient('gone', `${clientYaml('Gone', roadmap(item('Old plan', '2027-Q1', 999)))}\nstatus: former`);
  const prospect = makeClient('maybe', `${clientYaml('Maybe', roadmap(item('Pitch', '2027-Q1', 10, 'proposed')))}\nstatus: prospect`);
  const active = makeClient('here', clientYaml('Here', roadmap(item('Plan', '2027-Q1', 20))));

  it('leaves former clients out of the portfolio, keeps prospects (flagged)', () => {
    const r = portfolioRoadmap([former, prospect, active], { asOf: date('2026-12-01') });
    const q = r.quarters.find((x) => x.key === '2027-Q1')!;
    expect(titles(q.entries)).toEqual(['Plan', 'Pitch']);
    expect(q.entries.map((e) => e.clientStatus)).toEqual(['active', 'prospect']);
    expect(q.clients).toEqual([{ id: 'here', name: 'Here' }, { id: 'maybe', name: 'Maybe' }]);
    expect(r.totals.agreed + r.totals.proposed).toBe(3000);
  });

  it("still gives a former client's own roadmap (its page is history)", () => {
    expect(titles(clientRoadmap(former, { asOf: date('2026-12-01') }).entries)).toEqual(['Old plan']);
  });

  it('reads a whole portfolio from disk', async () => {
    const { dir, cleanup } = await tempPortfolio({
      'clientbook.yaml': 'currency: CAD\nlocale: en-CA\n',
      'here.md': `---\n${clientYaml('Here', roadmap(item('Plan', '2027-Q1', 2800.5)))}\n---\n`,
      'former/gone.md': `---\n${clientYaml('Gone', roadmap(item('Old plan', '2027-Q1', 999)))}\nstatus: former\n---\n`,
    });
    try {
      const p = await loadPortfolio({ dir, asOf: '2027-01-01' });
      expect(p.hasErrors).toBe(false);
      const r = portfolioRoadmap(p.clients, { asOf: p.asOf, locale: p.settings.locale });
      expect(r.quarters[0]!.entries.map((e) => e.title)).toEqual(['Plan']);
      expect(formatCents(r.quarters[0]!.totals.agreed, p.settings.currency, p.settings.locale)).toBe('$2,800.50');
    } finally {
      await cleanup();
    }
  });
});

describe('asset replacements and renewals', () => {
  const assets = `assets:
  - name: Main server (Dell PowerEdge T330)
    kind: server
    expires: 2021-09-30
    replace: 2027-Q2
  - name: Office printer (Brother MFC-L8900CDW)
    kind: printer
    acquired: 2020-11
    replace: 2027-11
  - name: Canon imageRUNNER C3826i (leased)
    kind: printer
    replace: 2028-02-29
  - name: Field laptops
    kind: laptop
    replace: 2027-Q3
  - name: Old phones
    kind: phone
    replace: 2027-Q4
  - name: Microsoft 365 Business Standard
    kind: subscription
    expires: 2027-02-20
  - name: Domain
    kind: domain
    expires: 2026-11-30`;
  const client = makeClient(
    'hank',
    clientYaml(
      'Hank',
      `${assets}\n${roadmap(
        item('Replace the main server', '2027-Q2', 7800),
        item('Copier lease renewal', '2028-Q1', 4800, 'proposed'),
        item('Replace the field laptops', '2028-Q2', 6300, 'deferred'),
        item('New phones', '2027-Q4', 900, 'declined'),
      )}`,
    ),
  );

  it('lets a roadmap item cover the replacement it plans, and lists the others as proposed replacements', () => {
    const entries = roadmapEntries(client);
    const server = entries.find((e) => e.title === 'Replace the main server')!;
    expect(server.replaces).toEqual(['Main server (Dell PowerEdge T330)']);
    expect(entries.find((e) => e.title === 'Copier lease renewal')!.replaces).toEqual(['Canon imageRUNNER C3826i (leased)']);
    // The declined item covers the phones: the client said no, so they are not proposed again here.
    expect(entries.find((e) => e.title === 'New phones')!.replaces).toEqual(['Old phones']);
    const replacements = entries.filter((e) => e.kind === 'replacement');
    expect(replacements.map((e) => [e.title, e.status, e.cost, e.when, e.quarter])).toEqual([
      // Planned 2027-Q3 in the asset list, but the roadmap item says 2028-Q2: no overlap, so both show.
      ['Replace Field laptops', 'proposed', null, '2027-Q3', '2027-Q3'],
      ['Replace Office printer (Brother MFC-L8900CDW)', 'proposed', null, '2027-11', '2027-Q4'],
    ]);
    expect(replacements[1]!.asset).toEqual({ name: 'Office printer (Brother MFC-L8900CDW)', kind: 'printer', acquired: '2020-11' });
    expect(replacements[1]!.index).toBe(1);
  });

  it('flags replacements in the quarter buckets without adding money', () => {
    const r = portfolioRoadmap([client], { asOf: date('2026-12-01') });
    const q = (key: string) => r.quarters.find((x) => x.key === key)!;
    expect([q('2027-Q2').replacements, q('2027-Q2').totals.agreed]).toEqual([1, 780000]);
    expect([q('2027-Q4').replacements, q('2027-Q4').items, q('2027-Q4').uncosted, q('2027-Q4').planned]).toEqual([1, 1, 1, 0]);
    expect(q('2027-Q3').entries[0]!.kind).toBe('replacement');
  });

  it('lists expiries within the horizon as renewals, outside every total', () => {
    const own = clientRoadmap(client, { asOf: date('2026-12-01') });
    expect(own.renewals.map((x) => [x.asset, x.expires.toString(), x.quarter])).toEqual([
      ['Microsoft 365 Business Standard', '2027-02-20', '2027-Q1'],
    ]);
    const r = portfolioRoadmap([client], { asOf: date('2026-12-01') });
    const q1 = r.quarters.find((x) => x.key === '2027-Q1')!;
    expect(q1.renewals.map((x) => x.asset)).toEqual(['Microsoft 365 Business Standard']);
    expect(q1.items).toBe(0);
    expect(q1.quiet).toBe(true);
  });

  it('gives per-client totals by status, every entry sorted by start', () => {
    const own = clientRoadmap(client, { asOf: date('2026-12-01') });
    expect(own.totals).toEqual({ agreed: 780000, proposed: 480000, deferred: 630000, done: 0, declined: 90000 });
    const starts = own.entries.map((e) => e.start.toString());
    expect(starts).toEqual([...starts].sort());
  });

  it('matches words, not strings', () => {
    expect([...significantWords("Hank's laptops (Lenovo ThinkPad T14)")]).toEqual(['hank', 'laptop']);
    expect([...significantWords('Replace the Wi-Fi and the copier')]).toEqual(['wifi', 'printer']);
    expect([...significantWords('Batteries')]).toEqual(['battery']);
  });
});
