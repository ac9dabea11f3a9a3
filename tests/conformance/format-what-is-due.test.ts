/**
 * FORMAT.md 1.1 "What is due", through `due --json --all` as a user runs it: each kind's due date,
 * the groups as of a date, the window's ends, notices, asset states and replacements, former and
 * prospect clients.
 */
import { outdent } from 'outdent';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.ts';
import { client, tempPortfolios } from '../helpers/portfolio.ts';

const portfolio = tempPortfolios();

interface Item {
  client: string;
  kind: string;
  title: string;
  due: string | null;
  status: string;
}

/** `due --json --all` over the given client files (and settings), as `kind title due status` lines. */
async function agenda(files: Record<string, string>, asOf = '2026-12-01', extra: string[] = []): Promise<string[]> {
  const dir = await portfolio(Object.fromEntries(Object.entries(files).map(([rel, text]) => [`clients/${rel}`, text])));
  const { code, stdout, stderr } = await run(['due', '--as-of', asOf, '--all', '--json', ...extra], dir);
  if (code !== 0) throw new Error(`due exited ${code}: ${stderr}`);
  return (JSON.parse(stdout).items as Item[]).map((i) => `${i.client} ${i.kind} ${i.title} ${i.due} ${i.status}`).sort();
}

/** A client whose growth and meeting items stay out of the way. */
const quiet = (fields: string) =>
  client(`growth:\n  outlook: stable\n  asked: 2026-06-01\n${fields}`);

describe('FORMAT What is due: groups as of a date', () => {
  it('overdue before the as-of date, today on it, upcoming to the window end (both ends included), later after', async () => {
    const items = await agenda({
      'acme.md': quiet(outdent`
        actions:
          - title: Yesterday
            due: 2026-11-30
          - title: Today
            due: 2026-12-01
          - title: Last day of the window
            due: 2026-12-31
          - title: First day after it
            due: 2027-01-01
          - title: Undated
          - title: Closed
            due: 2026-11-01
            done: 2026-11-02
      `),
    });
    expect(items).toEqual([
      'acme action First day after it 2027-01-01 later',
      'acme action Last day of the window 2026-12-31 upcoming',
      'acme action Today 2026-12-01 today',
      'acme action Yesterday 2026-11-30 overdue',
      'acme growth Ask about the growth outlook 2027-06-01 later',
    ]);
  });

  it('former clients produce none; the growth check is for active clients only', async () => {
    const items = await agenda({
      'former.md': client('name: Gone\nstatus: former\nmeetings:\n  cadence: monthly\nactions:\n  - title: Old\n    due: 2020-01-01', { omit: ['contact'] }),
      'prospect.md': client('name: Maybe\nstatus: prospect\nactions:\n  - title: Pitch\n    due: 2026-12-05'),
    });
    expect(items).toEqual(['prospect action Pitch 2026-12-05 upcoming']);
  });
});

describe('FORMAT What is due: meetings and the growth check', () => {
  it('last plus the cadence, month ends clamped; no last is overdue and undated; none is no item', async () => {
    const items = await agenda({
      'a.md': client('growth:\n  outlook: stable\n  asked: 2024-02-29\nmeetings:\n  cadence: monthly\n  last: 2026-01-31'),
      'b.md': client('growth:\n  outlook: stable\nmeetings:\n  cadence: quarterly'),
      'c.md': quiet('meetings:\n  cadence: none\n  last: 2020-01-01'),
      'd.md': quiet('meetings:\n  cadence: yearly\n  last: 2025-12-01'),
      'e.md': quiet('meetings:\n  cadence: weekly\n  last: 2026-11-24'),
    });
    expect(items.filter((i) => !i.includes(' action '))).toEqual([
      'a growth Ask about the growth outlook 2025-02-28 overdue',
      'a meeting Monthly meeting 2026-02-28 overdue',
      'b growth Ask about the growth outlook null overdue',
      'b meeting Quarterly meeting null overdue',
      'c growth Ask about the growth outlook 2027-06-01 later',
      'd growth Ask about the growth outlook 2027-06-01 later',
      'd meeting Yearly roadmap meeting 2026-12-01 today',
      'e growth Ask about the growth outlook 2027-06-01 later',
      'e meeting Weekly meeting 2026-12-01 today',
    ]);
  });
});

describe('FORMAT What is due: assets (1.1)', () => {
  const assets = quiet(outdent`
    actions: []
    assets:
      - name: Switch
        kind: network
        expires: 2026-12-20
      - name: Old server
        kind: server
        expires: 2021-01-01
        replace: 2027-Q2
      - name: Windows 10 PC
        kind: workstation
        expires: 2021-01-01
        status: accepted
      - name: Gone
        kind: server
        expires: 2021-01-01
        status: retired
        replace: 2026
      - name: Kept printer
        kind: printer
        expires: 2021-01-01
        status: accepted
        replace: 2026-12
      - name: NAS
        kind: backup
        replace: 2027
  `);

  it('"NAME expires" for in-use assets without replace; "Replace NAME" on the first day of replace unless retired', async () => {
    expect(await agenda({ 'acme.md': assets })).toEqual([
      'acme asset Replace Kept printer 2026-12-01 today',
      'acme asset Replace NAS 2027-01-01 later',
      'acme asset Replace Old server 2027-04-01 later',
      'acme asset Switch expires 2026-12-20 upcoming',
      'acme growth Ask about the growth outlook 2027-06-01 later',
    ]);
  });
});

describe('FORMAT What is due: notice', () => {
  it('upcoming within the window or the item\'s own notice, whichever is longer; --within moves the window, not notices', async () => {
    const files = {
      'acme.md': quiet(outdent`
        actions:
          - title: Renew the domain
            due: 2027-01-30
            notice: 60 days
          - title: Short notice
            due: 2027-01-05
            notice: 2 days
          - title: Notice edge
            due: 2027-01-30
            notice: 2 months
        assets:
          - name: M365
            kind: subscription
            expires: 2027-02-15
            notice: 90 days
          - name: Firewall licence
            kind: licence
            expires: 2027-01-15
      `),
    };
    const withNotice = (items: string[]) => items.filter((i) => !i.includes(' growth '));
    expect(withNotice(await agenda(files))).toEqual([
      'acme action Notice edge 2027-01-30 upcoming',
      'acme action Renew the domain 2027-01-30 upcoming',
      'acme action Short notice 2027-01-05 later',
      'acme asset Firewall licence expires 2027-01-15 later',
      'acme asset M365 expires 2027-02-15 upcoming',
    ]);
    expect(withNotice(await agenda(files, '2026-12-01', ['--within', '5']))).toEqual([
      'acme action Notice edge 2027-01-30 upcoming',
      'acme action Renew the domain 2027-01-30 upcoming',
      'acme action Short notice 2027-01-05 later',
      'acme asset Firewall licence expires 2027-01-15 later',
      'acme asset M365 expires 2027-02-15 upcoming',
    ]);
    expect(withNotice(await agenda({ ...files, 'clientbook.yaml': 'asset_notice: 45\n' }))).toContain(
      'acme asset Firewall licence expires 2027-01-15 upcoming',
    );
  });
});
