/** Assets and their life cycle: expired, expiring (due within the window), fine. */
import { compareDates, daysBetween, type PlainDate } from '#core/dates';
import { statusOf } from '#core/model/due';
import type { Asset } from '#core/schema/asset';
import { formatAge, monthsBetween, startOf } from './format.ts';

export type LifeCycle = 'expired' | 'expiring' | 'fine' | 'no-date';

export const LIFE_CYCLE_LABELS: Record<LifeCycle, string> = {
  expired: 'Expired',
  expiring: 'Expiring',
  fine: 'Fine',
  'no-date': 'No end date',
};

export interface AssetRow {
  asset: Asset;
  /** The asset's position in the file's list, for the agenda's anchors. */
  index: number;
  lifeCycle: LifeCycle;
  /** Days to the end of warranty, licence or subscription (negative when past). */
  daysLeft: number | null;
  /** `4 years 2 months`, from `acquired` to the as-of date. */
  age: string | null;
  /** Months since it was acquired, for sorting. */
  ageMonths: number | null;
  /** The planned replacement has begun (its period started on or before the as-of date). */
  replacementDue: boolean;
}

/** The life cycle of one asset: its expiry is an item due like any other (FORMAT.md), with the same window. */
export function lifeCycle(asset: Asset, asOf: PlainDate, window: number): LifeCycle {
  if (!asset.expires) return 'no-date';
  const status = statusOf(asset.expires, asOf, window);
  return status === 'overdue' ? 'expired' : status === 'later' ? 'fine' : 'expiring';
}

export function assetRows(assets: readonly Asset[] | undefined, asOf: PlainDate, window: number): AssetRow[] {
  return (assets ?? []).map((asset, index) => {
    const acquired = asset.acquired ? startOf(asset.acquired) : undefined;
    const ageMonths = acquired ? monthsBetween(acquired, asOf) : null;
    return {
      asset,
      index,
      lifeCycle: lifeCycle(asset, asOf, window),
      daysLeft: asset.expires ? daysBetween(asOf, asset.expires) : null,
      age: ageMonths === null ? null : formatAge(ageMonths),
      ageMonths,
      replacementDue: !!asset.replace && compareDates(asset.replace.start, asOf) <= 0,
    };
  });
}

export function lifeCycleCounts(rows: readonly AssetRow[]): Record<LifeCycle, number> {
  const counts: Record<LifeCycle, number> = { expired: 0, expiring: 0, fine: 0, 'no-date': 0 };
  for (const row of rows) counts[row.lifeCycle]++;
  return counts;
}
