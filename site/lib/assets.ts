/**
 * Assets and their life cycle: expired, expiring (due within the window or its notice), fine; or
 * accepted past their expiry on purpose, or retired (kept for history). FORMAT 1.1.
 */
import { compareDates, daysBetween, type PlainDate } from '#core/dates';
import { assetNoticeOf, statusOf, upcomingFrom } from '#core/model/due';
import type { Asset } from '#core/schema/asset';
import { formatAge, monthsBetween, startOf } from './format.ts';

export type LifeCycle = 'expired' | 'expiring' | 'fine' | 'no-date' | 'accepted' | 'retired';

export const LIFE_CYCLE_LABELS: Record<LifeCycle, string> = {
  expired: 'Expired',
  expiring: 'Expiring',
  fine: 'Fine',
  'no-date': 'No end date',
  accepted: 'Accepted',
  retired: 'Retired',
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
  /** How it is renewed and how early it is flagged: "renews every 1 year · notice 60 days"; null when neither. */
  terms: string | null;
  /** The planned replacement has begun (its period started on or before the as-of date). */
  replacementDue: boolean;
}

/**
 * The life cycle of one asset. `accepted` and `retired` say so whatever the dates; otherwise its
 * expiry is dated like a due item (FORMAT.md), with the same window and the asset's notice.
 */
export function lifeCycle(asset: Asset, asOf: PlainDate, window: number, assetNotice?: number): LifeCycle {
  if (asset.status === 'retired' || asset.status === 'accepted') return asset.status;
  if (!asset.expires) return 'no-date';
  const status = statusOf(asset.expires, asOf, window, upcomingFrom(asset.expires, window, assetNoticeOf(asset, assetNotice)));
  return status === 'overdue' ? 'expired' : status === 'later' ? 'fine' : 'expiring';
}

export function assetRows(assets: readonly Asset[] | undefined, asOf: PlainDate, window: number, assetNotice?: number): AssetRow[] {
  return (assets ?? []).map((asset, index) => {
    const acquired = asset.acquired ? startOf(asset.acquired) : undefined;
    const ageMonths = acquired ? monthsBetween(acquired, asOf) : null;
    return {
      asset,
      index,
      lifeCycle: lifeCycle(asset, asOf, window, assetNotice),
      daysLeft: asset.expires ? daysBetween(asOf, asset.expires) : null,
      age: ageMonths === null ? null : formatAge(ageMonths),
      ageMonths,
      terms: [asset.renew && `renews every ${asset.renew.text}`, asset.notice && `notice ${asset.notice.text}`].filter(Boolean).join(' · ') || null,
      replacementDue: !!asset.replace && asset.status !== 'retired' && compareDates(asset.replace.start, asOf) <= 0,
    };
  });
}

export function lifeCycleCounts(rows: readonly AssetRow[]): Record<LifeCycle, number> {
  const counts: Record<LifeCycle, number> = { expired: 0, expiring: 0, fine: 0, 'no-date': 0, accepted: 0, retired: 0 };
  for (const row of rows) counts[row.lifeCycle]++;
  return counts;
}
