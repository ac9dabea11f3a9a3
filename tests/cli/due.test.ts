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
}

async function dueJson(argv: string[], files: Record<string, string> = CLIENTS): Promise<DueJson> {
  const cwd = await workspace(files);
  const { code, stdout, stderr } = await run(['due', '--json', ...argv], cwd);
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  return JSON.parse(stdout) as DueJson;
}

describe('due --json', () => {
  it('prints { asOf, within, items } exactly, and nothing else', async () => {
    expect(await dueJson(['--as-of', '2026-12-01'])).toEqual({
      asOf: '2026-12-01',
      within: 30,
      items: [
        { client: 'lakeside-dental', clientName: 'Lakeside Dental', kind: 'meeting', title: 'Quarterly meeting', due: null, status: 'overdue' },
        { client: 'hanks-hardware', clientName: "Hank's Hardware", kind: 'action', title: 'Send the server quote', due: '2026-11-20', status: 'overdue' },
        { client: 'hanks-hardware', clientName: "Hank's Hardware", kind: 'meeting', title: 'Monthly meeting', due: '2026-11-30', status: 'overdue' },
        { client: 'hanks-hardware', clientName: "Hank's Hardware", kind: 'asset', title: 'ESET licence expires', due: '2026-12-01', status: 'today' },
        { client: 'hanks-hardware', clientName: "Hank's Hardware", kind: 'action', title: 'Renew anti-virus', due: '2026-12-15', status: 'upcoming' },
        { client: 'lakeside-dental', clientName: 'Lakeside Dental', kind: 'action', title: 'Check the backups', due: '2026-12-31', status: 'upcoming' },
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
    expect(wide.items.filter((i) => i.status === 'upcoming').map((i) => i.due)).toEqual(['2026-12-15', '2026-12-31', '2026-12-31', '2027-01-12', '2027-01-20']);
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

      Overdue (3)
        —               never held     Lakeside Dental  meeting  Quarterly meeting
        2026-11-20 Fri  11 days ago    Hank's Hardware  action   Send the server quote
        2026-11-30 Mon  yesterday      Hank's Hardware  meeting  Monthly meeting

      Today (1)
        2026-12-01 Tue  today          Hank's Hardware  renewal  ESET licence expires

      Upcoming (3)
        2026-12-15 Tue  in 14 days     Hank's Hardware  action   Renew anti-virus
        2026-12-31 Thu  in 30 days     Lakeside Dental  action   Check the backups
        2026-12-31 Thu  in 30 days     Lakeside Dental  outlook  Ask about the growth outlook

      No next action (1)
        Idle Inc
      "
    `);
  });

  it('nothing due', async () => {
    const cwd = await workspace({ 'acme.md': client('growth:\n  outlook: stable\n  asked: 2026-11-01\nactions:\n  - title: Later\n    due: 2027-06-01') });
    expect((await run(['due', '--as-of', '2026-12-01'], cwd)).stdout).toContain('Nothing is due.');
  });
});

describe('due on a portfolio with errors', () => {
  it('prints the errors, no report, and exits 1', async () => {
    const cwd = await workspace({ ...CLIENTS, 'broken.md': client('name: Broken\ntype: vip') });
    const { code, stdout, stderr } = await run(['due', '--json', '--as-of', '2026-12-01'], cwd);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatchInlineSnapshot(`
      "clients/broken.md:3:7: error: \`type: vip\` is not a valid type. [bad-enum]
        2 | name: Broken
      > 3 | type: vip
          |       ^^^
        4 | contact:
        hint: Write one of basic, strategic or break-fix.

      4 files checked: 1 error, 0 warnings.
      error: The portfolio has errors, so the due report would be incomplete.
        hint: Fix the errors above (\`npx clientbook validate\` lists them all), then run \`due\` again.
      "
    `);
  });
});

describe('bad usage exits 2', () => {
  it.each([
    [['due', '--within', 'abc'], 'error: --within abc is not a number of days.'],
    [['due', '--within', '-3'], "error: --within -3 is not a number of days."],
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
