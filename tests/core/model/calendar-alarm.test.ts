/** The calendar's reminders (issue 12 §7): a VALARM from each item's notice. */
import ICAL from 'ical.js';
import { expect, it } from 'vitest';
import { calendarFeed } from '#core/model/calendar';
import { clientYaml, date, makeClient } from '../../helpers/clients.ts';

const AS_OF = date('2026-12-01');
const client = makeClient(
  'acme',
  clientYaml(
    'Acme',
    `meetings:
  cadence: monthly
  last: 2026-11-20
assets:
  - name: Domain acme.example
    kind: domain
    expires: 2027-03-31
    renew: 1 year
    notice: 1 month
  - name: ESET
    kind: licence
    expires: 2027-01-15
    renew: 1 year
  - name: Old router
    kind: network
    expires: 2026-10-01`,
  ).replace('  - title: Check the backup\n    due: 2027-06-01', '  - title: Check the backup\n    due: 2027-06-01\n    notice: 2 weeks'),
);

/** Each event's summary with its alarm trigger (null without one). */
function alarms(feed: string): Record<string, string | null> {
  const cal = new ICAL.Component(ICAL.parse(feed));
  return Object.fromEntries(
    cal.getAllSubcomponents('vevent').map((e) => {
      const alarm = e.getFirstSubcomponent('valarm');
      return [e.getFirstPropertyValue('summary') as string, alarm ? String(alarm.getFirstPropertyValue('trigger')) : null];
    }),
  );
}

it('reminds as many days before as the notice, by the calendar; items without a notice have no alarm', () => {
  expect(alarms(calendarFeed([client], { asOf: AS_OF, name: 'x', within: 30, assetNotice: 45 }))).toEqual({
    // 1 month before 2027-03-31 is 2027-02-28: 31 days.
    'Acme: Domain acme.example expires': '-P31D',
    // No notice of its own: the asset_notice setting, 45 days.
    'Acme: ESET expires': '-P45D',
    // The action's own notice, 2 weeks.
    'Acme: Check the backup': '-P14D',
    // Overdue: shown on the as-of day, no reminder of a day gone.
    'Acme: Old router expires (overdue since 2026-10-01)': null,
    // Meetings and outlook checks have no notice.
    'Acme: Monthly meeting': null,
    'Acme: Ask about the growth outlook': null,
  });
});

it('without asset_notice an asset without a notice has no alarm either', () => {
  const feed = calendarFeed([client], { asOf: AS_OF, name: 'x', within: 30 });
  expect(alarms(feed)['Acme: ESET expires']).toBeNull();
  expect(feed).toContain('BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER;RELATED=START:-P31D\r\nDESCRIPTION:Acme: Domain acme.example expires (due 2027-03-31\\, 1 month fro\r\n m now)\r\nEND:VALARM\r\n');
});

it('a notice of five digits (`10000 days`, a valid interval) still gives its reminder', async () => {
  const { alarmOf } = await import('#core/model/calendar');
  const { clientItems } = await import('#core/model/due');
  const long = makeClient(
    'long',
    clientYaml('Long', 'assets:\n  - name: Deed\n    kind: other\n    expires: 2050-01-01\n    notice: 10000 days'),
  );
  const item = clientItems(long, AS_OF, 30).find((i) => i.title === 'Deed expires')!;
  expect(item.status).toBe('upcoming');
  expect(alarmOf(item)).toEqual({ days: 10000, notice: '10000 days' });
});
