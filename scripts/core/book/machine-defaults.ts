/**
 * What a new book's settings default to on this machine: its time zone and locale, and the
 * currency of the locale's region (asked on a terminal, so a guess is enough).
 */
import { systemTimeZone } from '../dates.ts';

export function machineLocale(env: Record<string, string | undefined> = process.env): string {
  // LANG=fr_CA.UTF-8 says more than Intl, which many Node builds answer with en-US whatever the system.
  const posix = env.LC_ALL || env.LC_MONETARY || env.LANG;
  const match = posix ? /^([a-z]{2,3})[_-]([A-Z]{2})\b/.exec(posix) : null;
  if (match) return `${match[1]}-${match[2]}`;
  return Intl.DateTimeFormat().resolvedOptions().locale || 'en-US';
}

export function machineTimeZone(): string {
  return systemTimeZone();
}

/** Regions and their currencies: the common ones; any other defaults to USD and is asked for. */
const CURRENCIES: Record<string, string> = {
  US: 'USD', CA: 'CAD', MX: 'MXN', BR: 'BRL', AR: 'ARS', CL: 'CLP', CO: 'COP', GB: 'GBP', IE: 'EUR',
  DE: 'EUR', FR: 'EUR', ES: 'EUR', IT: 'EUR', NL: 'EUR', BE: 'EUR', AT: 'EUR', FI: 'EUR', PT: 'EUR',
  LU: 'EUR', GR: 'EUR', SK: 'EUR', SI: 'EUR', EE: 'EUR', LV: 'EUR', LT: 'EUR', HR: 'EUR', MT: 'EUR',
  CY: 'EUR', CH: 'CHF', LI: 'CHF', SE: 'SEK', NO: 'NOK', DK: 'DKK', IS: 'ISK', PL: 'PLN', CZ: 'CZK',
  HU: 'HUF', RO: 'RON', BG: 'BGN', UA: 'UAH', TR: 'TRY', IL: 'ILS', AE: 'AED', SA: 'SAR', ZA: 'ZAR',
  NG: 'NGN', KE: 'KES', EG: 'EGP', IN: 'INR', PK: 'PKR', CN: 'CNY', HK: 'HKD', TW: 'TWD', JP: 'JPY',
  KR: 'KRW', SG: 'SGD', MY: 'MYR', TH: 'THB', ID: 'IDR', PH: 'PHP', VN: 'VND', AU: 'AUD', NZ: 'NZD',
};

export function currencyFor(locale: string): string {
  let region: string | undefined;
  try {
    region = new Intl.Locale(locale).maximize().region;
  } catch {
    region = undefined;
  }
  return (region && CURRENCIES[region]) || 'USD';
}
