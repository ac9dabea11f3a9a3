/** FORMAT 1.1 fields: an asset's `status`, `renew`, `notice` and `cost`, an action's `notice`, `asset_notice`. */
import { outdent } from 'outdent';
import { describe, expect, it } from 'vitest';
import { loadPortfolio } from '../../scripts/core/portfolio.ts';
import { AS_OF, brief, check, client, date, only, problems, tempPortfolios } from '../helpers/portfolio.ts';

const portfolio = tempPortfolios();

describe('an asset (FORMAT 1.1)', () => {
  it('reads status, renew, notice and cost', () => {
    const file = check(client(outdent`
      assets:
        - name: ESET PROTECT Entry
          kind: licence
          expires: 2026-12-15
          renew: 1 year
          notice: 45 days
          cost: 420.50
        - name: Old NAS
          kind: backup
          status: accepted
        - name: Fax machine
          kind: other
          status: retired
    `));
    expect(file.diagnostics).toEqual([]);
    expect(file.data?.assets?.map((a) => [a.name, a.status, a.renew?.text, a.notice?.text, a.cost])).toEqual([
      ['ESET PROTECT Entry', 'in-use', '1 year', '45 days', 420.5],
      ['Old NAS', 'accepted', undefined, undefined, undefined],
      ['Fax machine', 'retired', undefined, undefined, undefined],
    ]);
  });

  it('is in use unless it says otherwise', () => {
    expect(check(client('assets:\n  - name: Server\n    kind: server')).data?.assets?.[0]?.status).toBe('in-use');
  });

  it('refuses a status that is not one of the three, with the nearest suggested', () => {
    const d = only(client('assets:\n  - name: Server\n    kind: server\n    status: Retired'));
    expect(brief(d)).toBe('5:13 error bad-enum: `status: Retired` is not a valid status. Did you mean `retired`?');
    expect(problems(client('assets:\n  - name: Server\n    kind: server\n    status: active'))).toEqual([
      '5:13 error bad-enum: `status: active` is not a valid status.',
    ]);
  });

  it('refuses a notice, renew or cost of the wrong type, naming the key in the hint', () => {
    const file = check(client('assets:\n  - name: Server\n    kind: server\n    expires: 2027-01-01\n    renew: yearly\n    notice: 60\n    cost: $1,200'));
    expect(file.diagnostics.map((d) => `${brief(d)} | ${d.hint}`)).toEqual([
      '6:12 error bad-interval: `renew: yearly` is not an interval. | Write a number and a unit: `renew: 1 year`.',
      '7:13 error bad-interval: `notice: 60` is not an interval. | Add the unit: `notice: 60 months` (day, week, month or year).',
      '8:11 error bad-money: `cost: $1,200` is not an amount of money. | Write the amount as a plain number, without currency or separators: 1200.',
    ]);
  });

  it('refuses `renew` without `expires`, at the value of `renew`', () => {
    const d = only(client('assets:\n  - name: Domain\n    kind: domain\n    renew: 1 year'));
    expect(d).toMatchObject({ line: 5, column: 12, endLine: 5, endColumn: 18, severity: 'error', code: 'renew-without-expires' });
    expect(d.message).toBe('`renew` needs an `expires` date: an asset is renewed from the day it expires.');
    expect(d.hint).toBe('Add the date it next expires, e.g. `expires: 2027-03-31`, or delete `renew`.');
  });

  it('refuses `renew` without `expires` even when another field of the file has an error', () => {
    expect(problems(client('type: nonsense\nassets:\n  - name: Domain\n    kind: domain\n    renew: 1 year'))).toEqual([
      expect.stringMatching(/^2:7 error bad-enum: /),
      '6:12 error renew-without-expires: `renew` needs an `expires` date: an asset is renewed from the day it expires.',
    ]);
  });

  it('refuses an asset name used twice in one client, at the second, naming the line of the first', () => {
    const text = client(outdent`
      assets:
        - name: Main server
          kind: server
        - name: NAS
          kind: backup
        - {name: Main server, kind: server}
        - name: NAS
          kind: backup
    `);
    const file = check(text);
    expect(file.diagnostics.map(brief)).toEqual([
      '7:12 error duplicate-asset: Two assets are named "Main server" (the first is on line 3).',
      '8:11 error duplicate-asset: Two assets are named "NAS" (the first is on line 5).',
    ]);
    expect(file.diagnostics[0]?.hint).toBe('Give each asset its own name, e.g. add what tells them apart ("... front desk", a serial number), or merge them.');
  });

  it('tells apart names written differently, and allows the same name in two clients', async () => {
    expect(problems(client('assets:\n  - name: NAS\n    kind: backup\n  - name: NAS 2\n    kind: backup\n  - name: nas\n    kind: backup'))).toEqual([]);
    const asset = 'assets:\n  - name: Firewall\n    kind: network';
    const dir = await portfolio({ 'a.md': client(`name: A\n${asset}`), 'b.md': client(`name: B\n${asset}`) });
    expect((await loadPortfolio({ dir, cwd: dir, asOf: AS_OF })).diagnostics).toEqual([]);
  });
});

describe('an action\'s notice (FORMAT 1.1)', () => {
  it('reads an interval', () => {
    const file = check(client('actions:\n  - title: Renew the domain\n    due: 2027-03-01\n    notice: 60 days'));
    expect(file.diagnostics).toEqual([]);
    expect(file.data?.actions[0]?.notice).toEqual({ count: 60, unit: 'day', text: '60 days' });
  });

  it('refuses a notice that is not an interval', () => {
    expect(problems(client('actions:\n  - title: Renew the domain\n    due: 2027-03-01\n    notice: two months'))).toEqual([
      '5:13 error bad-interval: `notice: two months` is not an interval.',
    ]);
  });
});

describe('the asset_notice setting', () => {
  async function load(settings: string) {
    const dir = await portfolio({ 'acme.md': client(), 'clientbook.yaml': settings });
    const result = await loadPortfolio({ dir, cwd: dir, asOf: AS_OF });
    return { settings: result.settings, problems: result.diagnostics.map((d) => `${d.file}:${brief(d)}`) };
  }

  it('is a number of days, like due_window', async () => {
    expect(await load('asset_notice: 60')).toMatchObject({ problems: [], settings: { assetNotice: 60, dueWindow: 30 } });
    expect((await load('due_window: 14')).settings.assetNotice).toBeUndefined();
  });

  it.each([
    ['asset_notice: 0', '1:15 error bad-number: `asset_notice: 0` is not a whole number from 1 to 366.'],
    ['asset_notice: 60 days', '1:15 error bad-number: `asset_notice: 60 days` is not a whole number from 1 to 366.'],
    ['asset_notice: 367', '1:15 error bad-number: `asset_notice: 367` is not a whole number from 1 to 366.'],
    ['asset_notices: 60', '1:1 error unknown-key: Unknown key `asset_notices`. Did you mean `asset_notice`?'],
  ])('refuses %s', async (text, problem) => {
    expect((await load(text)).problems).toEqual([`clientbook.yaml:${problem}`]);
  });
});

describe('dates that describe the past (FORMAT 1.1), as of 2026-12-01', () => {
  it('warns for growth.asked and meetings.last after the as-of date, where they are written', () => {
    const file = check(client('growth:\n  outlook: stable\n  asked: 2027-01-20\nmeetings:\n  cadence: monthly\n  last: 2026-12-02'));
    expect(file.diagnostics.map((d) => `${brief(d)} | ${d.hint}`)).toEqual([
      '4:10 warning asked-in-future: `asked: 2027-01-20` is after 2026-12-01, the date this portfolio is read as of. | Write the day the client was actually asked; a typo in the year is the usual cause, and it would hide the next outlook check for a year.',
      '7:9 warning met-in-future: `last: 2026-12-02` is after 2026-12-01, the date this portfolio is read as of. | Write the day of the last meeting held; a typo in the year is the usual cause, and it would hide the next meeting.',
    ]);
    expect(file.data).toBeDefined();
  });

  it('the as-of date itself is not in the future', () => {
    expect(problems(client('growth:\n  outlook: stable\n  asked: 2026-12-01\nmeetings:\n  cadence: monthly\n  last: 2026-12-01'))).toEqual([]);
  });

  it('follows the as-of date the portfolio is read as of', () => {
    const text = client('meetings:\n  cadence: monthly\n  last: 2026-12-02');
    expect(problems(text, { asOf: date('2026-12-02') })).toEqual([]);
    expect(problems(text, { asOf: date('2026-12-01') })).toHaveLength(1);
  });

  it('warns for a horizon before the year the outlook was asked, not for the same year', () => {
    const d = only(client('growth:\n  outlook: growing\n  asked: 2026-01-20\n  horizon: 2025'));
    expect(brief(d)).toBe('5:12 warning horizon-before-asked: `horizon: 2025` is before 2026, the year the outlook was asked (`asked: 2026-01-20`).');
    expect(d.hint).toBe('The horizon is how far the outlook reaches: a year from 2026 on, e.g. `horizon: 2029` (the default when it is left out).');
    expect(problems(client('growth:\n  outlook: growing\n  asked: 2026-01-20\n  horizon: 2026'))).toEqual([]);
    expect(problems(client('growth:\n  outlook: growing\n  horizon: 2020'))).toEqual([]);
  });

  it('warns in flow style too, and even when another field of the file has an error', () => {
    expect(problems(client('type: vip\ngrowth: {outlook: stable, asked: 2028-02-29}'))).toEqual([
      expect.stringMatching(/^2:7 error bad-enum: /),
      '3:34 warning asked-in-future: `asked: 2028-02-29` is after 2026-12-01, the date this portfolio is read as of.',
    ]);
  });
});
