import { z } from 'zod';
import { extensible } from './extensible.ts';
import { date, dateOrMonth, period, text, whole } from './values.ts';

export const ASSET_KINDS = [
  'server', 'workstation', 'laptop', 'network', 'printer', 'phone', 'software',
  'licence', 'subscription', 'domain', 'backup', 'other',
] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

/** Hardware, software, a licence or a subscription with a life cycle. */
export const assetSchema = extensible({
  name: text(),
  kind: z.enum(ASSET_KINDS),
  /** Date or month it was bought. */
  acquired: dateOrMonth().optional(),
  /** End of warranty, licence or subscription: due on that day. */
  expires: date().optional(),
  /** Planned replacement: a year, quarter, month or date. */
  replace: period().optional(),
  /** Number of seats or users (1 or more). */
  seats: whole(1).optional(),
  note: text().optional(),
});
export type Asset = z.output<typeof assetSchema>;
