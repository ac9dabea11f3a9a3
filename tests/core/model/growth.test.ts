import { describe, expect, it } from 'vitest';
import { parseDate } from '#core/dates';
import { growthHorizon } from '#core/model/growth';

describe('growthHorizon', () => {
  it('is the stated horizon when there is one', () => {
    expect(growthHorizon({ outlook: 'growing', horizon: 2030, asked: parseDate('2026-03-01')! })).toEqual({ year: 2030, stated: true });
  });
  it('defaults to three years after the outlook was asked', () => {
    expect(growthHorizon({ outlook: 'stable', asked: parseDate('2026-12-31')! })).toEqual({ year: 2029, stated: false });
  });
  it('is unknown when neither horizon nor asked is given', () => {
    expect(growthHorizon({ outlook: 'unknown' })).toBeUndefined();
  });
});
