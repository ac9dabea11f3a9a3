/**
 * "Client since" as exports write it, as FORMAT.md wants it (`YYYY-MM-DD` or `YYYY-MM`): ISO dates
 * and timestamps (`2021-03-04T10:00:00Z`, the day as written), `3/4/2021` month first where the
 * portfolio's locale writes dates so (the United States), day first elsewhere, and `4.3.2021` day
 * first. A day above 12 decides the order whatever the locale. Anything else: undefined.
 */
import { parseDate } from '../dates.ts';

const MONTH_FIRST_REGIONS = new Set(['US', 'PH', 'FM', 'MH', 'PW', 'GU', 'AS', 'MP', 'PR', 'UM', 'VI']);

export function sinceFrom(value: string, locale: string): string | undefined {
  const text = value.trim();
  const iso = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (iso) {
    const [, y, m, d] = iso;
    const candidate = d ? `${y}-${m}-${d}` : `${y}-${m}`;
    if (d ? parseDate(candidate) : Number(m) >= 1 && Number(m) <= 12) return candidate;
    return undefined;
  }
  const local = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?:[ T][\d:.]+(?: ?[AP]M)?)?$/i.exec(text);
  if (!local) return undefined;
  const [, a, separator, b, y] = local;
  let monthFirst = separator === '/' && MONTH_FIRST_REGIONS.has(regionOf(locale));
  if (Number(a) > 12) monthFirst = false;
  else if (Number(b) > 12) monthFirst = true;
  const [m, d] = monthFirst ? [a!, b!] : [b!, a!];
  const candidate = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return parseDate(candidate) ? candidate : undefined;
}

function regionOf(locale: string): string {
  try {
    return new Intl.Locale(locale).maximize().region ?? '';
  } catch {
    return '';
  }
}
