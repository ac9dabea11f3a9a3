/** Health signals of issue 12: no meeting rhythm; an action overdue by more than 90 days. */
import { describe, expect, test } from 'vitest';
import { clientHealth, LONG_OVERDUE_DAYS } from '#core/model/health';
import { clientYaml, date, makeClient } from '../../helpers/clients.ts';

const asOf = date('2026-12-01');
const codes = (yaml: string) => clientHealth(makeClient('acme', yaml), { asOf }).map((s) => s.code);
const monthly = 'meetings:\n  cadence: monthly\n  last: 2026-11-20';

describe('no meeting rhythm', () => {
  test('an active client without meetings, or with cadence none, has the signal', () => {
    expect(codes(clientYaml('Acme'))).toEqual(['no-meeting-rhythm']);
    const none = clientHealth(makeClient('acme', clientYaml('Acme', 'meetings:\n  cadence: none')), { asOf });
    expect(none.map((s) => [s.code, s.summary])).toEqual([['no-meeting-rhythm', 'Meetings are set to none: no regular meeting.']]);
  });

  test('a rhythm, a prospect or a former client: no signal', () => {
    expect(codes(clientYaml('Acme', monthly))).toEqual([]);
    expect(codes(clientYaml('Acme', 'status: prospect'))).toEqual([]);
    expect(codes(clientYaml('Acme', 'status: former'))).toEqual([]);
  });
});

describe('an action overdue by more than 90 days', () => {
  /** A client whose actions are `actions` (the helper's own action list left out). */
  const withActions = (actions: string, extra = '') =>
    clientYaml('Acme', `${monthly}${extra}`).replace(/^actions:\n(  .*\n)+/m, `actions:\n${actions}\n  - title: Check the backup\n    due: 2027-06-01\n`);
  const withAction = (due: string, extra = '') => withActions(`  - title: Replace the UPS battery\n    due: ${due}${extra}`);

  test('exactly 90 days overdue is not yet a signal; 91 days is', () => {
    expect(LONG_OVERDUE_DAYS).toBe(90);
    // 2026-09-02 is 90 days before 2026-12-01.
    expect(codes(withAction('2026-09-02'))).toEqual([]);
    const signals = clientHealth(makeClient('acme', withAction('2026-09-01')), { asOf });
    expect(signals.map((s) => [s.code, s.summary, s.days])).toEqual([
      ['action-long-overdue', '“Replace the UPS battery” was due 2026-09-01, 91 days ago.', 91],
    ]);
  });

  test('a done action does not count; several are counted, the oldest named', () => {
    expect(codes(withAction('2026-01-01', '\n    done: 2026-02-01'))).toEqual([]);
    const yaml = withActions('  - title: Label the patch panel\n    due: 2026-08-01\n  - title: Replace the UPS battery\n    due: 2026-03-15');
    expect(clientHealth(makeClient('acme', yaml), { asOf }).map((s) => s.summary)).toEqual([
      '2 actions overdue by more than 90 days; the oldest, “Replace the UPS battery”, was due 2026-03-15, 261 days ago.',
    ]);
  });

  test('a former client has no signal at all', () => {
    const former = withActions('  - title: Replace the UPS battery\n    due: 2025-01-01', '\nstatus: former');
    expect(former).toContain('status: former');
    expect(codes(former)).toEqual([]);
  });
});
