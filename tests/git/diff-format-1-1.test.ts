/** `diff` on what FORMAT 1.1 added and what `done` now records: meetings, outlook checks, asset life cycles, notices. */
import { describe, expect, test } from 'vitest';
import { changeLine } from '#cli/diff-format';
import type { Client } from '#core/model/client';
import { diffClient } from '#core/model/diff';
import { client, clientsOf } from '../helpers/portfolio.ts';

const one = (fields: string): Client => clientsOf({ 'acme.md': client(fields) })[0]!;
const money = (n: number) => `$${n}`;
const changes = (before: string, after: string): string[] => diffClient(one(before), one(after)).map((c) => changeLine(c, money));

describe('meetings and the outlook check', () => {
  test('a meeting held, a rhythm changed, a correction of the last meeting', () => {
    expect(changes('meetings:\n  cadence: monthly\n  last: 2026-10-03', 'meetings:\n  cadence: quarterly\n  last: 2026-11-03')).toEqual([
      'Meeting rhythm: monthly → quarterly',
      'Meeting held: 2026-11-03 (the one before: 2026-10-03)',
    ]);
    expect(changes('meetings:\n  cadence: monthly', 'meetings:\n  cadence: monthly\n  last: 2026-11-03')).toEqual(['Meeting held: 2026-11-03']);
    expect(changes('meetings:\n  cadence: monthly\n  last: 2026-11-03', 'meetings:\n  cadence: monthly\n  last: 2025-11-03')).toEqual([
      'Last meeting corrected: 2026-11-03 → 2025-11-03',
    ]);
    expect(changes('', 'meetings:\n  cadence: none')).toEqual(['Meeting rhythm: not set → none']);
    expect(changes('meetings:\n  cadence: yearly', '')).toEqual(['Meeting rhythm: yearly → not set']);
  });

  test('the outlook asked again, with and without a new outlook', () => {
    expect(changes('growth:\n  outlook: stable\n  asked: 2025-11-20', 'growth:\n  outlook: growing\n  asked: 2026-11-20')).toEqual([
      'Outlook: stable → growing',
      'Growth outlook asked: 2026-11-20 (before: 2025-11-20)',
    ]);
    expect(changes('growth:\n  outlook: stable', 'growth:\n  outlook: stable\n  asked: 2026-11-20')).toEqual(['Growth outlook asked: 2026-11-20']);
  });
});

describe('assets', () => {
  const asset = (...lines: string[]) => `assets:\n  - name: Main server\n    kind: server\n${lines.map((l) => `    ${l}`).join('\n')}`;

  test('a replacement done retires the asset: one line, not a status change and a cleared plan', () => {
    expect(changes(asset('expires: 2021-05-01', 'replace: 2027-Q2'), asset('expires: 2021-05-01', 'status: retired'))).toEqual([
      'Replaced: Main server (planned 2027-Q2), now retired',
    ]);
  });

  test('accepted, retired without a plan, back in use', () => {
    expect(changes(asset('expires: 2021-05-01'), asset('expires: 2021-05-01', 'status: accepted'))).toEqual([
      'Asset status: Main server, in-use → accepted',
    ]);
    expect(changes(asset('status: accepted'), asset('status: retired'))).toEqual(['Asset status: Main server, accepted → retired']);
    expect(changes(asset('status: retired'), asset())).toEqual(['Asset status: Main server, retired → in-use']);
  });

  test('renewal, renewal cycle, notice and cost', () => {
    expect(
      changes(
        asset('expires: 2026-12-15', 'renew: 1 year', 'cost: 480'),
        asset('expires: 2027-12-15', 'renew: 2 years', 'notice: 60 days', 'cost: 520.50'),
      ),
    ).toEqual([
      'Renewed: Main server, expires 2026-12-15 → 2027-12-15',
      'Renewal cycle: Main server, every 1 year → every 2 years',
      'Notice: Main server, the default → 60 days',
      'Asset cost: Main server, $480 → $520.5',
    ]);
    expect(changes(asset('expires: 2026-12-15'), asset('expires: 2026-12-15', 'renew: 1 year'))).toEqual([
      'Renewed every 1 year: Main server',
    ]);
    expect(changes(asset('expires: 2026-12-15', 'renew: 1 year'), asset('expires: 2026-12-15'))).toEqual([
      'No longer renewed: Main server (was every 1 year)',
    ]);
  });
});

test("an action's notice", () => {
  const action = (notice: string) => `actions:\n  - title: Renew the domain\n    due: 2027-03-01${notice}`;
  expect(changes(action(''), action('\n    notice: 60 days'))).toEqual(['Notice: Renew the domain, the window → 60 days']);
  expect(changes(action('\n    notice: 60 days'), action('\n    notice: 90 days'))).toEqual(['Notice: Renew the domain, 60 days → 90 days']);
  expect(changes(action('\n    notice: 60 days'), action(''))).toEqual(['Notice: Renew the domain, 60 days → the window']);
});
