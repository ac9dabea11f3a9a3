import { describe, expect, it } from 'vitest';
import { centsToDecimal, formatCents, formatMoney, sumCents, toCents } from '#core/model/money';

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('toCents', () => {
  it('sums decimals exactly', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumCents([toCents(0.1), toCents(0.2)])).toBe(30);
    expect(sumCents([0.1, 0.2, 0.3, 1299.99, 2800.5].map(toCents))).toBe(410109);
  });

  it('reads the cents the user wrote, not the float below them', () => {
    expect(1.005 * 100).toBeLessThan(100.5);
    expect(toCents(1.005)).toBe(101);
    expect(toCents(2800.5)).toBe(280050);
    expect(toCents(149.99)).toBe(14999);
    expect(toCents(6500)).toBe(650000);
    expect(toCents(0)).toBe(0);
    expect(toCents(1e21)).toBe(1e23);
    expect(() => toCents(Number.NaN)).toThrow(RangeError);
  });

  it('writes exact decimals back', () => {
    expect(centsToDecimal(280050)).toBe('2800.50');
    expect(centsToDecimal(5)).toBe('0.05');
    expect(centsToDecimal(-1234)).toBe('-12.34');
  });
});

describe('formatMoney', () => {
  it('formats with Intl, whole amounts without decimals by default', () => {
    expect(formatMoney(2800.5, 'CAD', 'en-CA')).toBe('$2,800.50');
    expect(formatMoney(6500, 'CAD', 'en-CA')).toBe('$6,500');
    expect(formatMoney(6500, 'USD', 'en-US', { decimals: 'always' })).toBe('$6,500.00');
    expect(formatMoney(6500.5, 'USD', 'en-US', { decimals: 'never' })).toBe('$6,501');
    expect(nbsp(formatMoney(6500.5, 'EUR', 'de-DE'))).toBe('6.500,50 €');
    expect(formatMoney(1200, 'JPY', 'ja-JP')).toMatch(/1,200$/);
  });

  it('formats sums of cents exactly, even beyond float precision of the sum in units', () => {
    // The largest safe number of cents; in units it would be a float, as a decimal string it is exact.
    expect(formatCents(Number.MAX_SAFE_INTEGER, 'USD', 'en-US')).toBe('$90,071,992,547,409.91');
    expect(formatCents(30, 'USD', 'en-US')).toBe('$0.30');
  });

  it('has a compact form for chart axes', () => {
    expect(formatCents(2_500_000, 'USD', 'en-US', { compact: true })).toBe('$25K');
  });
});
