/**
 * Money. Costs are read as JavaScript numbers (`6500`, `2800.50`) but summed as whole cents, so that
 * 0.1 + 0.2 is 0.30 and a column of costs adds up to what a calculator says.
 */

/** An amount in hundredths of the currency's unit: `280050` is 2,800.50. */
export type Cents = number;

/**
 * A cost from a client file in whole cents. `String(amount)` is the shortest text that reads back
 * as the same number, so shifting its decimal point by text gives the cents the user wrote:
 * `1.005 * 100` is 100.49999999999999 but `Number('1.005e2')` is 100.5, rounded to 101. More than
 * two decimals are rounded half up to the cent.
 */
export function toCents(amount: number): Cents {
  if (!Number.isFinite(amount)) throw new RangeError(`Not an amount of money: ${amount}`);
  const text = String(Math.abs(amount));
  const cents = text.includes('e') ? Math.round(Math.abs(amount) * 100) : Math.round(Number(`${text}e2`));
  return amount < 0 ? -cents : cents;
}

/** Adds amounts of whole cents; each must be a safe integer, so the sum is exact. */
export function sumCents(values: Iterable<Cents>): Cents {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/** `280050` -> `"2800.50"`: the exact decimal text of an amount of cents, for Intl. */
export function centsToDecimal(cents: Cents): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(cents));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export interface MoneyFormatOptions {
  /**
   * `auto` (default): no decimals when the amount is whole (`$6,500`), the currency's decimals when
   * it is not (`$2,800.50`); roadmap costs are mostly round numbers and read better without `.00`.
   * `always`: always the currency's decimals. `never`: rounded to whole units.
   */
  decimals?: 'auto' | 'always' | 'never';
  /** Short form for chart axes: `$25K`. */
  compact?: boolean;
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, currency: string, key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `${locale}|${currency}|${key}`;
  let f = formatters.get(id);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'currency', currency, ...options });
    formatters.set(id, f);
  }
  return f;
}

/**
 * An amount in the currency's units, formatted for the locale: `formatMoney(2800.5, 'CAD', 'en-CA')`
 * is `$2,800.50`. Uses Intl.NumberFormat, so symbols, separators and the currency's own number of
 * decimals (none for JPY) come from the locale data.
 */
export function formatMoney(amount: number, currency: string, locale: string, options: MoneyFormatOptions = {}): string {
  return formatCents(toCents(amount), currency, locale, options);
}

/** Like `formatMoney`, for an amount already in cents (a sum). Formats the exact decimal, never a float. */
export function formatCents(cents: Cents, currency: string, locale: string, options: MoneyFormatOptions = {}): string {
  const decimals = options.decimals ?? 'auto';
  if (options.compact) {
    return formatter(locale, currency, 'compact', { notation: 'compact', maximumFractionDigits: 1 }).format(cents / 100);
  }
  const whole = cents % 100 === 0;
  const f =
    decimals === 'never' || (decimals === 'auto' && whole)
      ? formatter(locale, currency, 'whole', { minimumFractionDigits: 0, maximumFractionDigits: 0 })
      : formatter(locale, currency, 'full', {});
  return f.format(centsToDecimal(cents) as Intl.StringNumericLiteral);
}
