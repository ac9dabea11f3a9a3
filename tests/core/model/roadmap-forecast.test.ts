/** The forecast (issue 12 §11): asset costs count in the quarter their renewal or replacement falls due. */
import { describe, expect, it, test } from 'vitest';
import { clientRoadmap, portfolioRoadmap } from '#core/model/roadmap';
import { roadmapChartSvg } from '#site/lib/roadmap-chart';
import { clientYaml, date, makeClient } from '../../helpers/clients.ts';

const asOf = date('2026-12-01');
const assets = (...lines: string[]) => `assets:\n${lines.join('\n')}`;
const asset = (name: string, ...fields: string[]) =>
  [`  - name: ${JSON.stringify(name)}`, ...fields.map((f) => `    ${f}`)].join('\n');

describe('renewals', () => {
  const client = makeClient(
    'acme',
    clientYaml(
      'Acme',
      assets(
        asset('ESET PROTECT', 'kind: licence', 'expires: 2026-12-15', 'renew: 1 year', 'cost: 480'),
        asset('Domain', 'kind: domain', 'expires: 2026-02-28', 'renew: 1 year', 'cost: 25.50'),
        asset('Switch warranty', 'kind: network', 'expires: 2027-05-01', 'cost: 300'),
        asset('Old NAS', 'kind: backup', 'expires: 2027-03-01', 'status: accepted', 'renew: 1 year', 'cost: 99'),
        asset('Copier', 'kind: printer', 'expires: 2027-04-01', 'status: retired'),
        asset('Main server', 'kind: server', 'expires: 2027-06-30', 'replace: 2027-Q3', 'cost: 6500'),
      ),
    ),
  );

  it('a renewed asset is listed at each renewal within the 12 quarters; a lapsed one is due now', () => {
    const r = clientRoadmap(client, { asOf });
    expect(r.renewals.map((x) => [x.asset, x.expires.toString(), x.quarter, x.cost, x.overdue ?? false])).toEqual([
      // Renewal lapsed on 2026-02-28: renew now, in the first quarter.
      ['Domain', '2026-02-28', '2026-Q4', 2550, true],
      ['ESET PROTECT', '2026-12-15', '2026-Q4', 48000, false],
      // A warranty that ends is listed, but costs nothing without `renew`.
      ['Switch warranty', '2027-05-01', '2027-Q2', null, false],
      ['ESET PROTECT', '2027-12-15', '2027-Q4', 48000, false],
      ['ESET PROTECT', '2028-12-15', '2028-Q4', 48000, false],
    ]);
  });

  it('accepted, retired and to-be-replaced assets renew nothing', () => {
    const names = clientRoadmap(client, { asOf }).renewals.map((x) => x.asset);
    expect(names).not.toContain('Old NAS');
    expect(names).not.toContain('Copier');
    expect(names).not.toContain('Main server');
  });

  it('costs go to "renewals and replacements", apart from the roadmap items', () => {
    const r = clientRoadmap(client, { asOf });
    expect(r.lifecycle).toEqual({ renewals: 2550 + 3 * 48000, replacements: 650000, total: 2550 + 3 * 48000 + 650000 });
    expect(r.totals.proposed).toBe(0);
    const replacement = r.entries.find((e) => e.kind === 'replacement')!;
    expect([replacement.title, replacement.cost, replacement.quarter]).toEqual(['Replace Main server', 650000, '2027-Q3']);
  });

  it('a month-end renewal keeps its day where it can (Feb 29 of a leap year, then Feb 28)', () => {
    const leap = makeClient(
      'leap',
      clientYaml('Leap', assets(asset('Cert', 'kind: licence', 'expires: 2028-02-29', 'renew: 1 year', 'cost: 10'))),
    );
    expect(clientRoadmap(leap, { asOf: date('2027-01-01') }).renewals.map((x) => x.expires.toString())).toEqual(['2028-02-29', '2029-02-28']);
  });
});

describe('the portfolio by quarter', () => {
  const roadmap = [
    'roadmap:',
    '  - title: Office 365 migration', '    when: 2027-Q1', '    cost: 4000', '    status: agreed',
    '  - title: Replace the main server', '    when: 2027-Q4', '    cost: 6500', '    status: proposed',
  ].join('\n');
  const withAssets = makeClient(
    'acme',
    clientYaml(
      'Acme',
      `${roadmap}\n${assets(
        asset('ESET PROTECT', 'kind: licence', 'expires: 2027-05-15', 'renew: 1 year', 'cost: 480'),
        asset('Firewall', 'kind: network', 'replace: 2027-Q3', 'cost: 9000'),
        // Covered by the roadmap item "Replace the main server": its cost is the item's, not counted twice.
        asset('Main server', 'kind: server', 'replace: 2027-Q4', 'cost: 7000'),
      )}`,
    ),
  );

  it('each quarter counts its renewals and replacements, and judges quietness on all expected spend', () => {
    const r = portfolioRoadmap([withAssets], { asOf });
    const byKey = Object.fromEntries(r.quarters.map((q) => [q.key, q]));
    expect(byKey['2027-Q1']!.planned).toBe(400000);
    expect(byKey['2027-Q2']!.lifecycle).toEqual({ renewals: 48000, replacements: 0, total: 48000 });
    // The firewall replacement alone: not a quarter without work.
    expect(byKey['2027-Q3']!.lifecycle).toEqual({ renewals: 0, replacements: 900000, total: 900000 });
    expect(byKey['2027-Q3']!.planned).toBe(0);
    expect(byKey['2027-Q3']!.expected).toBe(900000);
    expect(byKey['2027-Q3']!.quiet).toBe(false);
    // The covered server: the item's $6,500, and no second count of the asset's $7,000.
    expect(byKey['2027-Q4']!.planned).toBe(650000);
    expect(byKey['2027-Q4']!.lifecycle.total).toBe(0);
    expect(byKey['2027-Q4']!.expected).toBe(650000);
    // A quarter with nothing at all.
    expect(byKey['2028-Q1']!.quietReason).toBe('no-work');
    expect(r.lifecycle).toEqual({ renewals: 48000 * 3, replacements: 900000, total: 48000 * 3 + 900000 });
    expect(r.expected).toBe(r.planned + r.lifecycle.total);
  });

  it('a quarter with only a small renewal is thin, not without work', () => {
    // $10,000 of agreed work in every quarter but 2027-Q2, which has only the $480 licence.
    const busy = ['2026-Q4', '2027-Q1', '2027-Q3', '2027-Q4', '2028-Q1', '2028-Q2', '2028-Q3', '2028-Q4', '2029-Q1', '2029-Q2', '2029-Q3'];
    const items = busy.map((q) => `  - title: Work ${q}\n    when: ${q}\n    cost: 10000\n    status: agreed`).join('\n');
    const client = makeClient(
      'busy',
      clientYaml('Busy', `roadmap:\n${items}\n${assets(asset('ESET PROTECT', 'kind: licence', 'expires: 2027-05-15', 'renew: 3 years', 'cost: 480'))}`),
    );
    const q = portfolioRoadmap([client], { asOf }).quarters.find((x) => x.key === '2027-Q2')!;
    expect([q.planned, q.lifecycle.total, q.quiet, q.quietReason]).toEqual([0, 48000, true, 'thin']);
  });

  it('former clients count nothing', () => {
    const former = makeClient('gone', `${clientYaml('Gone', assets(asset('Firewall', 'kind: network', 'replace: 2027-Q3', 'cost: 9000')))}\nstatus: former`);
    expect(portfolioRoadmap([former], { asOf }).lifecycle.total).toBe(0);
  });
});

test('the chart stacks renewals and replacements on top of the planned work, and names them', () => {
  const client = makeClient('acme', clientYaml('Acme', assets(asset('Firewall', 'kind: network', 'replace: 2027-Q3', 'cost: 9000'))));
  const svg = roadmapChartSvg(portfolioRoadmap([client], { asOf }), { currency: 'USD', locale: 'en-US' });
  const q3 = svg.slice(svg.indexOf('data-quarter="2027-Q3"'), svg.indexOf('</g>', svg.indexOf('data-quarter="2027-Q3"')));
  expect(q3).toContain('<title>Q3 2027: agreed $0, proposed $0, deferred $0, renewals and replacements $9,000; 1 item; 1 asset replacement; clients: Acme.</title>');
  expect(q3).toMatch(/<rect class="lifecycle" [^>]*height="[1-9]/);
  expect(svg).toContain('>Renewals, replacements</text>');
});
