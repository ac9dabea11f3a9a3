import { z } from 'zod';
import { extensible } from './extensible.ts';
import { date, dateOrMonth, interval, money, period, text, whole } from './values.ts';

export const ASSET_KINDS = [
  'server', 'workstation', 'laptop', 'network', 'printer', 'phone', 'software',
  'licence', 'subscription', 'domain', 'backup', 'other',
] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

export const ASSET_STATUSES = ['in-use', 'accepted', 'retired'] as const;
export type AssetStatus = (typeof ASSET_STATUSES)[number];

/** Hardware, software, a licence or a subscription with a life cycle. */
export const assetSchema = extensible({
  /** What it is; unique within the client (`done` and the agenda name it). */
  name: text('Main server (Dell T320)'),
  /** `server`, `workstation`, `laptop`, `network`, `printer`, `phone`, `software`, `licence`, `subscription`, `domain`, `backup` or `other`. */
  kind: z.enum(ASSET_KINDS),
  /**
   * `in-use` (default); `accepted`: kept in use past its expiry on purpose (no expiry item, its age
   * still shows); `retired`: gone, kept for history (no items at all).
   */
  status: z.enum(ASSET_STATUSES).default('in-use'),
  /** Date or month it was bought or started. */
  acquired: dateOrMonth().optional(),
  /** End of warranty, licence, subscription or support: due on that day (unless `replace` is set). */
  expires: date().optional(),
  /** It is renewed on this cycle (`1 year` for a licence or a domain); needs `expires`. */
  renew: interval().optional(),
  /** How long before its due date it shows as upcoming, when longer than the window; default: the `asset_notice` setting. */
  notice: interval().optional(),
  /** Planned replacement: a year, quarter, month or date. Due as "Replace NAME" on its first day. */
  replace: period().optional(),
  /** What its next renewal (with `renew`) or its replacement (with `replace`) will cost, in the portfolio's currency. */
  cost: money().optional(),
  /** Number of seats, users or devices covered (1 or more). */
  seats: whole(1).optional(),
  /** Anything else worth knowing about it. */
  note: text('Under the front desk').optional(),
});
export type Asset = z.output<typeof assetSchema>;
