/**
 * "Today" and the due window away from UTC, in Node (issue 10 §13). The browser's copy of the due rule
 * (site/lib/day-math.ts) takes the reader's date from the process's own zone (TZ), the CLI takes it
 * from the portfolio's `time_zone` whatever TZ says. Both are run here under several TZ values set
 * in the process, at instants either side of local midnight; `.ci/run` runs this file again with TZ
 * set from outside. The window's edges are fixed examples, for the browser copy and the core alike.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { Temporal, today } from '#core/dates';
import { statusOf } from '#core/model/due';
import { dayStatus, localDate } from '#site/lib/day-math';
import { run } from '../helpers/cli.ts';
import { client, tempPortfolios } from '../helpers/portfolio.ts';

const ZONES = ['UTC', 'Pacific/Kiritimati', 'America/Whitehorse', 'Asia/Kolkata', 'Pacific/Pago_Pago', 'Europe/Berlin'];
const OUTSIDE_TZ = process.env.TZ;

/** Sets the process's zone (Node re-reads TZ on assignment), for the rest of one test. */
function inZone(zone: string): void {
  process.env.TZ = zone;
}

afterEach(() => {
  if (OUTSIDE_TZ === undefined) delete process.env.TZ;
  else process.env.TZ = OUTSIDE_TZ;
  vi.useRealTimers();
});

/** The calendar date of an instant in a zone, by Temporal: the answer the code must give. */
const dateIn = (instant: Date, zone: string) => Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(zone).toPlainDate().toString();

describe('the reader\'s date (localDate) under TZ', () => {
  test.each([
    ['Pacific/Kiritimati', '2026-12-01T09:59:00Z', '2026-12-01'],
    ['Pacific/Kiritimati', '2026-12-01T10:00:00Z', '2026-12-02'],
    ['America/Whitehorse', '2026-12-02T06:59:00Z', '2026-12-01'],
    ['America/Whitehorse', '2026-12-02T07:00:00Z', '2026-12-02'],
    ['Asia/Kolkata', '2026-12-01T18:29:00Z', '2026-12-01'],
    ['Asia/Kolkata', '2026-12-01T18:30:00Z', '2026-12-02'],
    ['Pacific/Pago_Pago', '2026-12-02T10:59:00Z', '2026-12-01'],
    ['Europe/Berlin', '2027-03-27T23:30:00Z', '2027-03-28'],
    ['UTC', '2026-12-01T23:59:59Z', '2026-12-01'],
  ])('in %s at %s it is %s', (zone, instant, expected) => {
    inZone(zone);
    expect(localDate(new Date(instant))).toBe(expected);
  });

  test('is the date of the instant in the process\'s zone (any instant, any zone)', () => {
    const instant = fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2150-12-31T23:59:59Z'), noInvalidDate: true });
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), instant, (zone, at) => {
        inZone(zone);
        expect(localDate(at)).toBe(dateIn(at, zone));
      }),
      { numRuns: 500 },
    );
  });
});

describe('the CLI\'s today follows time_zone, not TZ', () => {
  const portfolio = tempPortfolios();

  test.each(ZONES)('under TZ=%s', async (processZone) => {
    inZone(processZone);
    vi.useFakeTimers({ toFake: ['Date'] });
    // 10:30 UTC on December 1: the 2nd in Kiritimati, the 1st in Whitehorse.
    vi.setSystemTime(new Date('2026-12-01T10:30:00Z'));
    expect(today('Pacific/Kiritimati').toString()).toBe('2026-12-02');
    expect(today('America/Whitehorse').toString()).toBe('2026-12-01');

    for (const [zone, asOf, status] of [
      ['Pacific/Kiritimati', '2026-12-02', 'overdue'],
      ['America/Whitehorse', '2026-12-01', 'today'],
    ] as const) {
      const dir = await portfolio({
        'clientbook.yaml': `time_zone: ${zone}\n`,
        'acme.md': client('actions:\n  - title: Call Ann\n    due: 2026-12-01'),
      });
      const result = await run(['due', '--json', '--dir', '.'], dir);
      expect(result.stderr).toBe('');
      const json = JSON.parse(result.stdout) as { asOf: string; items: { title: string; status: string }[] };
      expect(json.asOf).toBe(asOf);
      expect(json.items.find((i) => i.title === 'Call Ann')?.status).toBe(status);
    }
  });
});

describe('the window\'s edges, browser copy and core alike', () => {
  const core = (due: string, asOf: string, window: number) => statusOf(Temporal.PlainDate.from(due), Temporal.PlainDate.from(asOf), window);

  test.each([
    ['2026-11-30', 30, 'overdue'],
    ['2026-12-01', 30, 'today'],
    ['2026-12-02', 30, 'upcoming'],
    ['2026-12-31', 30, 'upcoming'],
    ['2027-01-01', 30, 'later'],
    ['2026-12-02', 1, 'upcoming'],
    ['2026-12-03', 1, 'later'],
    // A window of a year from 2026-12-01 ends on 2027-12-01; 2028 is a leap year.
    ['2027-12-02', 366, 'upcoming'],
    ['2027-12-03', 366, 'later'],
  ] as const)('due %s, window %i, as of 2026-12-01: %s', (due, window, status) => {
    expect(dayStatus(due, '2026-12-01', window)).toBe(status);
    expect(core(due, '2026-12-01', window)).toBe(status);
  });

  test('agree on every day around the edges (any day, any window)', () => {
    const day = fc.integer({ min: 0, max: 250 * 365 }).map((n) => Temporal.PlainDate.from('1900-01-01').add({ days: n }));
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 366 }), fc.integer({ min: -2, max: 2 }), (asOf, window, offset) => {
        // Only the days where the status changes: yesterday, today, tomorrow, the window's last day and the day after.
        for (const days of [-1, 0, 1, window + offset]) {
          const due = asOf.add({ days });
          const expected = days < 0 ? 'overdue' : days === 0 ? 'today' : days <= window ? 'upcoming' : 'later';
          expect(dayStatus(due.toString(), asOf.toString(), window)).toBe(expected);
          expect(statusOf(due, asOf, window)).toBe(expected);
        }
      }),
      { numRuns: 500 },
    );
  });
});
