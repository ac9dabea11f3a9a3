/**
 * `clientbook due` against FORMAT.md "What is due", item kind by item kind, at the edges: the window's
 * both ends, `--within 0`, notices longer and shorter than the window, month ends and leap days.
 */
import { outdent } from 'outdent';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.ts';
import { client, tempPortfolios } from '../helpers/portfolio.ts';

const portfolio = tempPortfolios();

interface DueJson {
  asOf: string;
  within: number;
  items: { client: string; clientName: string; kind: string; title: string; due: string | null; status: string }[];
}

async function due(files: Record<string, string>, ...argv: string[]): Promise<{ code: number; json: DueJson; stderr: string }> {
  const dir = await portfolio({ 'clientbook.yaml': 'time_zone: UTC\n', ...files });
  const r = await run(['due', '--dir', dir, '--json', ...argv], dir);
  return { code: r.code, json: JSON.parse(r.stdout) as DueJson, stderr: r.stderr };
}

/** `due status title` for each item, in the report's order. */
const lines = (json: DueJson) => json.items.map((i) => `${i.due ?? '—'} ${i.status} ${i.kind} ${i.title}`);

describe('the window, both ends included', () => {
  const files = {
    'acme.md': client(outdent`
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
    `),
  };

  it('as of 2026-12-01: 2026-12-31 is upcoming, 2027-01-01 later; an undated action is never due', async () => {
    const { code, json } = await due(files, '--as-of', '2026-12-01', '--all');
    expect(code).toBe(0);
    expect(json.asOf).toBe('2026-12-01');
    expect(json.within).toBe(30);
    expect(lines(json)).toEqual([
      '2026-11-30 overdue action Yesterday',
      '2026-12-01 today action Today',
      '2026-12-31 upcoming action Last day of the window',
      '2027-01-01 later action First day after it',
      '— overdue growth Ask about the growth outlook',
    ]);
  });

  it('without --all the later item is left out; --within 0 keeps only overdue and today', async () => {
    expect(lines((await due(files, '--as-of', '2026-12-01')).json).filter((l) => l.includes('action'))).toEqual([
      '2026-11-30 overdue action Yesterday',
      '2026-12-01 today action Today',
      '2026-12-31 upcoming action Last day of the window',
    ]);
    const { json } = await due(files, '--as-of', '2026-12-01', '--within', '0', '--all');
    expect(json.within).toBe(0);
    expect(lines(json).filter((l) => l.includes('action'))).toEqual([
      '2026-11-30 overdue action Yesterday',
      '2026-12-01 today action Today',
      '2026-12-31 later action Last day of the window',
      '2027-01-01 later action First day after it',
    ]);
  });

  it('--within 1: tomorrow is upcoming, and the heading says "1 day"', async () => {
    const dir = await portfolio({ 'clientbook.yaml': 'time_zone: UTC\n', 'acme.md': client('actions:\n  - title: Tomorrow\n    due: 2026-12-02') });
    const r = await run(['due', '--dir', dir, '--as-of', '2026-12-01', '--within', '1'], dir);
    expect(r.stdout.split('\n')[0]).toBe('Due as of Tuesday, December 1, 2026 (window 1 day, to 2026-12-02)');
    expect(r.stdout).toContain('Upcoming (1)\n  2026-12-02 Wed  tomorrow');
  });
});

describe('notices: whichever of the window and the notice is longer', () => {
  it('an action\'s notice longer than the window starts it early; a shorter one changes nothing', async () => {
    const { json } = await due(
      {
        'acme.md': client(outdent`
          actions:
            - title: Renew the domain
              due: 2027-01-30
              notice: 60 days
            - title: Not yet
              due: 2027-01-31
              notice: 60 days
            - title: Short notice
              due: 2026-12-31
              notice: 2 days
            - title: Month notice from a month end
              due: 2027-01-31
              notice: 2 months
        `),
      },
      '--as-of',
      '2026-12-01',
      '--all',
    );
    expect(lines(json).filter((l) => l.includes('action'))).toEqual([
      '2026-12-31 upcoming action Short notice',
      '2027-01-30 upcoming action Renew the domain',
      '2027-01-31 upcoming action Month notice from a month end',
      '2027-01-31 later action Not yet',
    ]);
  });

  it('asset_notice reaches assets only; an asset\'s own notice wins over it, even when shorter', async () => {
    const files = {
      'clientbook.yaml': 'time_zone: UTC\nasset_notice: 45\n',
      'acme.md': client(outdent`
        actions:
          - title: Action 40 days out
            due: 2027-01-10
        assets:
          - name: Licence
            kind: licence
            expires: 2027-01-15
          - name: Firewall
            kind: network
            expires: 2027-01-15
            notice: 31 days
          - name: Server
            kind: server
            expires: 2019-05-01
            replace: 2027-01
      `),
    };
    const { json } = await due(files, '--as-of', '2026-12-01', '--all');
    expect(lines(json).filter((l) => !l.includes('growth'))).toEqual([
      '2027-01-01 upcoming asset Replace Server',
      '2027-01-15 upcoming asset Licence expires',
      '2027-01-10 later action Action 40 days out',
      '2027-01-15 later asset Firewall expires',
    ]);
    // --within changes the window, never the notices.
    expect(lines((await due(files, '--as-of', '2026-12-01', '--within', '7')).json).filter((l) => !l.includes('growth'))).toEqual([
      '2027-01-01 upcoming asset Replace Server',
      '2027-01-15 upcoming asset Licence expires',
    ]);
  });
});

describe('assets', () => {
  it('only the replacement of an asset with both; accepted assets have no expiry; retired ones nothing', async () => {
    const { json } = await due(
      {
        'acme.md': client(outdent`
          assets:
            - name: Both
              kind: server
              expires: 2026-11-01
              replace: 2027-Q1
            - name: Kept on purpose
              kind: printer
              status: accepted
              expires: 2025-10-14
            - name: Kept, replacement planned
              kind: printer
              status: accepted
              expires: 2025-10-14
              replace: 2026-11
            - name: Gone
              kind: server
              status: retired
              expires: 2020-01-01
              replace: 2021
            - name: Expired
              kind: licence
              expires: 2026-11-15
        `),
      },
      '--as-of',
      '2026-12-01',
      '--all',
    );
    expect(lines(json).filter((l) => l.includes('asset'))).toEqual([
      '2026-11-01 overdue asset Replace Kept, replacement planned',
      '2026-11-15 overdue asset Expired expires',
      '2027-01-01 later asset Replace Both',
    ]);
  });
});

describe('meetings and the growth check', () => {
  const clientWith = (name: string, meetings: string, growth: string, status = '') =>
    client(`name: ${name}\n${status}${meetings}\n${growth}`);

  it('cadence plus last, month ends and leap days kept; no last: overdue and undated', async () => {
    const { json } = await due(
      {
        'a.md': clientWith('A', 'meetings:\n  cadence: yearly\n  last: 2024-02-29', 'growth:\n  outlook: stable\n  asked: 2024-02-29'),
        'b.md': clientWith('B', 'meetings:\n  cadence: monthly\n  last: 2026-10-31', 'growth:\n  outlook: stable\n  asked: 2025-12-31'),
        'c.md': clientWith('C', 'meetings:\n  cadence: quarterly\n  last: 2026-08-31', 'growth:\n  outlook: stable\n  asked: 2026-01-01'),
        'd.md': clientWith('D', 'meetings:\n  cadence: weekly\n  last: 2026-11-24', 'growth:\n  outlook: stable\n  asked: 2026-06-01'),
        'e.md': clientWith('E', 'meetings:\n  cadence: monthly', 'growth:\n  outlook: unknown'),
        'f.md': clientWith('F', 'meetings:\n  cadence: none', 'growth:\n  outlook: stable\n  asked: 2026-06-01'),
      },
      '--as-of',
      '2026-12-01',
      '--all',
    );
    expect(json.items.filter((i) => i.kind !== 'action').map((i) => `${i.client} ${i.due ?? 'null'} ${i.status} ${i.kind} ${i.title}`)).toEqual([
      'e null overdue meeting Monthly meeting',
      'e null overdue growth Ask about the growth outlook',
      'a 2025-02-28 overdue meeting Yearly roadmap meeting',
      'a 2025-02-28 overdue growth Ask about the growth outlook',
      'b 2026-11-30 overdue meeting Monthly meeting',
      'c 2026-11-30 overdue meeting Quarterly meeting',
      'd 2026-12-01 today meeting Weekly meeting',
      'b 2026-12-31 upcoming growth Ask about the growth outlook',
      'c 2027-01-01 later growth Ask about the growth outlook',
      'd 2027-06-01 later growth Ask about the growth outlook',
      'f 2027-06-01 later growth Ask about the growth outlook',
    ]);
  });

  it('prospects have meetings and actions but no growth check; former clients have nothing', async () => {
    const { json } = await due(
      {
        'p.md': clientWith('P', 'meetings:\n  cadence: monthly', 'growth:\n  outlook: unknown', 'status: prospect\n'),
        'x.md': client('name: X\nstatus: former\nmeetings:\n  cadence: monthly\ngrowth:\n  outlook: unknown\nactions:\n  - title: Old\n    due: 2026-01-01', { omit: ['contact'] }),
      },
      '--as-of',
      '2026-12-01',
      '--all',
    );
    expect(json.items.map((i) => `${i.client} ${i.kind} ${i.title} ${i.due ?? 'null'} ${i.status}`)).toEqual([
      'p action Call Ann 2026-12-15 upcoming',
      'p meeting Monthly meeting null overdue',
    ]);
  });
});

describe('the JSON document', () => {
  it('has exactly DESIGN.md\'s keys, and overdue items leave the exit code 0', async () => {
    const { code, json } = await due({ 'acme.md': client('actions:\n  - title: Late\n    due: 2020-01-01') }, '--as-of', '2026-12-01');
    expect(code).toBe(0);
    expect(Object.keys(json)).toEqual(['asOf', 'within', 'items']);
    expect(json.items[0]).toEqual({ client: 'acme', clientName: 'Acme', kind: 'action', title: 'Late', due: '2020-01-01', status: 'overdue' });
    for (const item of json.items) expect(Object.keys(item)).toEqual(['client', 'clientName', 'kind', 'title', 'due', 'status']);
  });
});
