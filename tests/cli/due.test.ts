/** `clientbook due`, in-process: the agenda, its JSON, the window, and refusing a broken portfolio. */
import { outdent } from 'outdent';
import { describe, expect, it } from 'vitest';
import { client, tempPortfolios } from '../helpers/portfolio.ts';
import { run } from '../helpers/cli.ts';

const portfolio = tempPortfolios();

/** A working folder holding `clients/` with the given files. */
const workspace = (files: Record<string, string>) =>
  portfolio(Object.fromEntries(Object.entries(files).map(([rel, text]) => [`clients/${rel}`, text])));

const CLIENTS = {
  'hanks-hardware.md': client(outdent`
    name: Hank's Hardware
    meetings:
      cadence: monthly
      last: 2026-10-31
    growth:
      outlook: growing
      asked: 2026-01-20
    actions:
      - title: Send the server quote
        due: 2026-11-20
      - title: Renew anti-virus
        due: 2026-12-15
        every: 1 year
      - title: Book training
        due: 2027-01-12
      - title: Replace the switch
        due: 2026-10-15
        done: 2026-10-22
    assets:
      - name: ESET licence
        kind: licence
        expires: 2026-12-01
  `),
  'lakeside-dental.md': client(outdent`
    name: Lakeside Dental
    meetings:
      cadence: quarterly
    growth:
      outlook: stable
      asked: 2025-12-31
    actions:
      - title: Check the backups
        due: 2026-12-31
  `),
  'former/old-mill.md': client('name: Old Mill\nstatus: former\nactions:\n  - title: Never due\n    due: 2020-01-01'),
};

interface DueJson {
  asOf: string;
  within: number;
  items: { client: string; clientName: string; kind: string; title: string; due: string | null; status: string }[];
  skipped?: { file: string; errors: { line: number; column: number; code: string }[] }[];
}

async function dueJson(argv: string[], files: Record<string, string> = CLIENTS): Promise<DueJson> {
  const cwd = await workspace(files);
  const { code, stdout, stderr } = await run(['due', '--json', ...argv], cwd);
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  return JSON.parse(stdout) as DueJson;
}

describe('due --json', () => {
  it('prints { asOf, within, items } exactly, the items in the agenda\'s order (the work by status, then the checks), and nothing else', async () => {
    expect(await dueJson(['--as-of', '2026-12-01'])).toEqual({
      asOf: '2026-12-01',
      within: 30,
      items: [
        { client: 'hanks-hardware', clientName: "Hank's Hardware", kind: 'action', title: 'Send the server quote', due: '2026-11-20', status: 'overdue' },
        { client: 'hanks-hardware', clientName: "Hank's Hardware", kind: 'asset', title: 'ESET licence expires', due: '2026-12-01', status: 'today' },
        { client: 'hanks-hardware', clientName: "Hank's Hardware", kind: 'action', title: 'Renew anti-virus', due: '2026-12-15', status: 'upcoming' },
        { client: 'lakeside-dental', clientName: 'Lakeside Dental', kind: 'action', title: 'Check the backups', due: '2026-12-31', status: 'upcoming' },
        { client: 'lakeside-dental', clientName: 'Lakeside Dental', kind: 'meeting', title: 'Quarterly meeting', due: null, status: 'overdue' },
        { client: 'hanks-hardware', clientName: "Hank's Hardware", kind: 'meeting', title: 'Monthly meeting', due: '2026-11-30', status: 'overdue' },
        { client: 'lakeside-dental', clientName: 'Lakeside Dental', kind: 'growth', title: 'Ask about the growth outlook', due: '2026-12-31', status: 'upcoming' },
      ],
    });
  });

  it('--all adds the later items', async () => {
    const { items } = await dueJson(['--as-of', '2026-12-01', '--all']);
    expect(items.filter((i) => i.status === 'later').map((i) => `${i.due} ${i.title}`)).toEqual([
      '2027-01-12 Book training',
      '2027-01-20 Ask about the growth outlook',
    ]);
    expect(items).toHaveLength(9);
  });

  it('--within narrows or widens the window', async () => {
    const narrow = await dueJson(['--as-of', '2026-12-01', '--within', '14']);
    expect(narrow.within).toBe(14);
    expect(narrow.items.filter((i) => i.status === 'upcoming').map((i) => i.due)).toEqual(['2026-12-15']);
    const wide = await dueJson(['--as-of', '2026-12-01', '--within', '50']);
    expect(wide.items.filter((i) => i.status === 'upcoming').map((i) => i.due)).toEqual(['2026-12-15', '2026-12-31', '2027-01-12', '2026-12-31', '2027-01-20']);
  });

  it('asset_notice and an item\'s notice reach further than the window; --within changes the window only', async () => {
    const files = {
      'clientbook.yaml': 'asset_notice: 45\n',
      'acme.md': client(outdent`
        growth:
          outlook: stable
          asked: 2026-11-01
        actions:
          - title: Renew the domain
            due: 2027-01-25
            notice: 2 months
          - title: Call Ann
            due: 2026-12-05
        assets:
          - name: ESET PROTECT Entry
            kind: licence
            expires: 2027-01-14
            renew: 1 year
          - name: Main server
            kind: server
            expires: 2021-09-30
            replace: 2027-01-16
      `),
    };
    const upcoming = (json: DueJson) => json.items.filter((i) => i.status === 'upcoming').map((i) => `${i.due} ${i.title}`);
    const expected = ['2026-12-05 Call Ann', '2027-01-14 ESET PROTECT Entry expires', '2027-01-25 Renew the domain'];
    expect(upcoming(await dueJson(['--as-of', '2026-12-01'], files))).toEqual(expected);
    expect(upcoming(await dueJson(['--as-of', '2026-12-01', '--within', '7'], files))).toEqual(expected);
    expect(upcoming(await dueJson(['--as-of', '2026-12-01', '--within', '46'], files))).toEqual([...expected.slice(0, 2), '2027-01-16 Replace Main server', expected[2]]);
  });

  it('the window defaults to the portfolio\'s due_window', async () => {
    const { within, items } = await dueJson(['--as-of', '2026-12-01'], { ...CLIENTS, 'clientbook.yaml': 'due_window: 14\n' });
    expect(within).toBe(14);
    expect(items.filter((i) => i.status === 'upcoming').map((i) => i.due)).toEqual(['2026-12-15']);
  });

  it('warnings do not stop the report', async () => {
    const { items } = await dueJson(['--as-of', '2026-12-01'], { 'acme.md': client('actions: []\nmeetings:\n  cadence: weekly') });
    expect(items.map((i) => i.title)).toEqual(['Weekly meeting', 'Ask about the growth outlook']);
  });
});

describe('due as text', () => {
  it('an agenda grouped by status', async () => {
    const cwd = await workspace({ ...CLIENTS, 'idle.md': client('name: Idle Inc\nactions: []\ngrowth:\n  outlook: stable\n  asked: 2026-11-01') });
    const { code, stdout, stderr } = await run(['due', '--as-of', '2026-12-01'], cwd);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatchInlineSnapshot(`
      "Due as of Tuesday, December 1, 2026 (window 30 days, to 2026-12-31)

      Overdue (1)
        2026-11-20 Fri  11 days ago    Hank's Hardware  action   Send the server quote

      Today (1)
        2026-12-01 Tue  today          Hank's Hardware  asset    ESET licence expires

      Upcoming (2)
        2026-12-15 Tue  in 14 days     Hank's Hardware  action   Renew anti-virus
        2026-12-31 Thu  in 30 days     Lakeside Dental  action   Check the backups

      Meetings and outlook checks (3)
        —               never held     Lakeside Dental  meeting  Quarterly meeting
        2026-11-30 Mon  yesterday      Hank's Hardware  meeting  Monthly meeting
        2026-12-31 Thu  in 30 days     Lakeside Dental  growth   Ask about the growth outlook

      No next action (1)
        Idle Inc
      "
    `);
  });

  it('nothing due', async () => {
    const cwd = await workspace({ 'acme.md': client('growth:\n  outlook: stable\n  asked: 2026-11-01\nactions:\n  - title: Later\n    due: 2027-06-01') });
    const { code, stdout, stderr } = await run(['due', '--as-of', '2026-12-01'], cwd);
    expect(stdout).toContain('Nothing is due.');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatchInlineSnapshot(`
      "Due as of Tuesday, December 1, 2026 (window 30 days, to 2026-12-31)

      Nothing is due. A good day to call a client you have not seen for a while.
      "
    `);
  });
});

describe('due on a portfolio with errors', () => {
  const BROKEN = { ...CLIENTS, 'broken.md': client('name: Broken\ntype: vip'), 'also-broken.md': client('name: Also Broken\nsince: 2016-13') };

  it('prints the errors, then the agenda of every valid client, then the files left out, and exits 1', async () => {
    const cwd = await workspace(BROKEN);
    const { code, stdout, stderr } = await run(['due', '--as-of', '2026-12-01'], cwd);
    expect(code).toBe(1);
    expect(stderr).toMatchInlineSnapshot(`
      "clients/also-broken.md:3:8: error: \`since: 2016-13\` is not a date or a month. [bad-date]
        2 | name: Also Broken
      > 3 | since: 2016-13
          |        ^^^^^^^
        4 | type: basic
        hint: There is no month 13. Months run from 01 to 12.

      clients/broken.md:3:7: error: \`type: vip\` is not a valid type. [bad-enum]
        2 | name: Broken
      > 3 | type: vip
          |       ^^^
        4 | contact:
        hint: Write one of basic, strategic or break-fix.

      5 files checked: 2 errors, 0 warnings.
      "
    `);
    expect(stdout).toMatchInlineSnapshot(`
      "Due as of Tuesday, December 1, 2026 (window 30 days, to 2026-12-31)

      Overdue (1)
        2026-11-20 Fri  11 days ago    Hank's Hardware  action   Send the server quote

      Today (1)
        2026-12-01 Tue  today          Hank's Hardware  asset    ESET licence expires

      Upcoming (2)
        2026-12-15 Tue  in 14 days     Hank's Hardware  action   Renew anti-virus
        2026-12-31 Thu  in 30 days     Lakeside Dental  action   Check the backups

      Meetings and outlook checks (3)
        —               never held     Lakeside Dental  meeting  Quarterly meeting
        2026-11-30 Mon  yesterday      Hank's Hardware  meeting  Monthly meeting
        2026-12-31 Thu  in 30 days     Lakeside Dental  growth   Ask about the growth outlook

      Left out: 2 client files with errors (clients/also-broken.md, clients/broken.md). Fix the errors above, then run \`due\` again.
      "
    `);
  });

  it('--json lists the files left out with their errors', async () => {
    const cwd = await workspace(BROKEN);
    const { code, stdout, stderr } = await run(['due', '--json', '--as-of', '2026-12-01'], cwd);
    expect(code).toBe(1);
    expect(stderr).toContain('clients/broken.md:3:7: error: `type: vip` is not a valid type. [bad-enum]');
    const json = JSON.parse(stdout) as DueJson;
    expect(Object.keys(json)).toEqual(['asOf', 'within', 'items', 'skipped']);
    expect(json.items).toHaveLength(7);
    expect(json.items.some((i) => i.client.includes('broken'))).toBe(false);
    expect(json.skipped!.map((s) => [s.file, s.errors.map((e) => `${e.line}:${e.column} ${e.code}`)])).toEqual([
      ['clients/also-broken.md', ['3:8 bad-date']],
      ['clients/broken.md', ['3:7 bad-enum']],
    ]);
    expect(json.skipped![1]!.errors[0]).toMatchObject({ file: 'clients/broken.md', severity: 'error', message: '`type: vip` is not a valid type.' });
  });

  it('a settings file with errors leaves no client out, and says the defaults were used', async () => {
    const cwd = await workspace({ ...CLIENTS, 'clientbook.yaml': 'due_window: 0\n' });
    const { code, stdout, stderr } = await run(['due', '--as-of', '2026-12-01'], cwd);
    expect(code).toBe(1);
    expect(stderr).toContain('clients/clientbook.yaml:1:13: error: `due_window: 0` is not a whole number from 1 to 366. [bad-number]');
    expect(stdout).toContain('(window 30 days, to 2026-12-31)');
    expect(stdout.trimEnd().split('\n').at(-1)).toBe(
      'clients/clientbook.yaml has errors, so the default settings were used. Fix the errors above, then run `due` again.',
    );
  });

  it('a portfolio where every file has errors still reports, empty, and names them all', async () => {
    const cwd = await workspace({ 'broken.md': client('type: vip') });
    const { code, stdout } = await run(['due', '--as-of', '2026-12-01'], cwd);
    expect(code).toBe(1);
    expect(stdout).toContain('Nothing is due.');
    expect(stdout).toContain('Left out: 1 client file with errors (clients/broken.md).');
  });
});

describe('bad usage exits 2', () => {
  it.each([
    [['due', '--within', 'abc'], 'error: --within abc is not a number of days.'],
    [['due', '--within', '-3'], "error: --within -3 is not a number of days."],
    [['due', '--within', '3661'], 'error: --within 3661 is more days than the report looks ahead.'],
    [['due', '--within', '99999999999999999999'], 'error: --within 99999999999999999999 is more days than the report looks ahead.'],
    [['due', '--as-of', 'tomorrow'], 'error: --as-of tomorrow is not a date.'],
    [['due', '--as-of', '2027-02-29'], 'error: --as-of 2027-02-29 is not a date.'],
    [['due', '--json', '--frobnicate'], "error: unknown option '--frobnicate'"],
  ])('%j', async (argv, firstLine) => {
    const cwd = await workspace(CLIENTS);
    const { code, stdout, stderr } = await run(argv, cwd);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toBe(firstLine);
  });

  it('a missing folder exits 1', async () => {
    const cwd = await portfolio({});
    const { code, stderr } = await run(['due', '--dir', 'nope'], cwd);
    expect(code).toBe(1);
    expect(stderr.split('\n')[0]).toBe('error: The portfolio folder nope does not exist.');
  });
});

describe('how long ago, in the text agenda', () => {
  it('counts days up to two months, then months and years', async () => {
    const { relativeDays } = await import('#cli/commands/due');
    const { Temporal } = await import('#core/dates');
    const asOf = Temporal.PlainDate.from('2026-12-01');
    const at = (d: string) => {
      const due = Temporal.PlainDate.from(d);
      return relativeDays(due.until(asOf).days * -1, 'action', due, asOf);
    };
    expect(at('2026-11-30')).toBe('yesterday');
    expect(at('2026-10-03')).toBe('59 days ago');
    expect(at('2026-10-01')).toBe('2 months ago');
    expect(at('2021-09-30')).toBe('5 years 2 months ago');
    expect(relativeDays(null, 'meeting')).toBe('never held');
    expect(relativeDays(null, 'growth')).toBe('never asked');
  });
});
