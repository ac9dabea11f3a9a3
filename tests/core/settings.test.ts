/** `clientbook.yaml`: the portfolio's own settings, checked like a client file. */
import { outdent } from 'outdent';
import { describe, expect, it } from 'vitest';
import { systemTimeZone } from '#core/dates';
import { loadPortfolio } from '#core/portfolio';
import { AS_OF, brief, client, tempPortfolios } from '../helpers/portfolio.ts';

const portfolio = tempPortfolios();

async function load(settings: string | undefined) {
  const dir = await portfolio({ 'acme.md': client(), ...(settings === undefined ? {} : { 'clientbook.yaml': settings }) });
  const result = await loadPortfolio({ dir, cwd: dir, asOf: AS_OF });
  return { ...result, problems: result.diagnostics.map((d) => `${d.file}:${brief(d)}`) };
}

describe('settings', () => {
  it('defaults when there is no settings file, or an empty one', async () => {
    const expected = { title: 'Client book', timeZone: systemTimeZone(), currency: 'USD', dueWindow: 30, locale: 'en-US', staleMonths: 6 };
    expect((await load(undefined)).settings).toEqual(expected);
    expect((await load('')).settings).toEqual(expected);
    expect((await load('# nothing yet\n')).settings).toEqual(expected);
  });

  it('reads every key', async () => {
    const result = await load(outdent`
      title: Northern IT clients
      time_zone: America/Whitehorse
      currency: CAD
      due_window: 14
      locale: en-CA
      stale_months: 3
    `);
    expect(result.problems).toEqual([]);
    expect(result.settings).toEqual({
      title: 'Northern IT clients',
      timeZone: 'America/Whitehorse',
      currency: 'CAD',
      dueWindow: 14,
      locale: 'en-CA',
      staleMonths: 3,
    });
  });

  it('reports an unknown time zone where it is written, and falls back to the defaults', async () => {
    const result = await load('currency: CAD\ntime_zone: America/Whitehorce\n');
    expect(result.problems).toEqual(['clientbook.yaml:2:12 error bad-time-zone: `time_zone: America/Whitehorce` is not a time zone.']);
    expect(result.diagnostics[0]?.hint).toBe('Use an IANA time zone name such as America/Whitehorse, Europe/Berlin or UTC.');
    expect(result.settings.timeZone).toBe(systemTimeZone());
    expect(result.hasErrors).toBe(true);
  });

  it.each([
    ['currency: usd', '1:11 error bad-currency: `currency: usd` is not a currency code.'],
    ['currency: dollars', '1:11 error bad-currency: `currency: dollars` is not a currency code.'],
    ['currency: CDA', '1:11 error bad-currency: `currency: CDA` is not a currency code.'],
    ['currency: ZZZ', '1:11 error bad-currency: `currency: ZZZ` is not a currency code.'],
    ['locale: english please', '1:9 error bad-locale: `locale: english please` is not a locale.'],
    ['due_window: 0', '1:13 error bad-number: `due_window: 0` is not a whole number from 1 to 366.'],
    ['due_window: "30"', '1:13 error bad-number: `due_window: "30"` is not a whole number from 1 to 366.'],
    ['stale_months: 1000', '1:15 error bad-number: `stale_months: 1000` is not a whole number from 1 to 120.'],
    ['timezone: UTC', '1:1 error unknown-key: Unknown key `timezone`. Did you mean `time_zone`?'],
    ['title: [a, b]', '1:8 error wrong-type: `title` must be text, but it is a list.'],
    ['time_zone: "UTC', '1:12 error yaml-missing-char: YAML: this quoted value is never closed: the closing `"` is missing.'],
    ['- UTC', '1:1 error front-matter-not-mapping: The settings file must be a mapping of `key: value` lines.'],
  ])('%s', async (settings, expected) => {
    expect((await load(`${settings}\n`)).problems).toEqual([`clientbook.yaml:${expected}`]);
  });

  it('says what to write for a window out of range', async () => {
    expect((await load('due_window: 0\n')).diagnostics[0]?.hint).toBe('Write a whole number from 1 to 366, e.g. `due_window: 30`.');
  });

  it('reads a settings file with a BOM and CRLF line ends', async () => {
    const result = await load('\uFEFFcurrency: EUR\r\ndue_window: 7\r\n');
    expect(result.problems).toEqual([]);
    expect(result.settings).toMatchObject({ currency: 'EUR', dueWindow: 7 });
  });
});
