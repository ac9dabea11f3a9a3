/**
 * Words the pages use for the format's values. Each record is keyed by the schema's own enum
 * type, so a value added to the format fails the type check here until it has a label.
 */
import type { DueKind, DueStatus } from '#core/model/due';
import type { AssetKind } from '#core/schema/asset';
import type { ClientStatus, ClientType, Involvement } from '#core/schema/client';
import type { Outlook } from '#core/schema/growth';
import type { Cadence } from '#core/schema/meetings';
import type { RoadmapStatus } from '#core/schema/roadmap-item';

/** The kinds of due items, in the words of `due --json` (docs/format.md "What is due"). */
export const KIND_LABELS: Record<DueKind, string> = {
  action: 'Action',
  asset: 'Asset',
  meeting: 'Meeting',
  growth: 'Growth',
};

export { GROUP_HEADINGS } from '#core/model/agenda-order';

export const STATUS_HEADINGS: Record<DueStatus, string> = {
  overdue: 'Overdue',
  today: 'Today',
  upcoming: 'Upcoming',
  later: 'Later',
};

export const TYPE_LABELS: Record<ClientType, string> = {
  basic: 'IT basic',
  strategic: 'IT strategic',
  'break-fix': 'Break-fix',
};

export const INVOLVEMENT_LABELS: Record<Involvement, string> = {
  'hands-on': 'Hands-on',
  'hands-off': 'Hands-off',
  'just-right': 'Just right',
};

export const OUTLOOK_LABELS: Record<Outlook, string> = {
  growing: 'Growing',
  stable: 'Stable',
  shrinking: 'Shrinking',
  unknown: 'Unknown',
};

export const CLIENT_STATUS_LABELS: Record<ClientStatus, string> = {
  active: 'Active',
  prospect: 'Prospect',
  former: 'Former',
};

export const CADENCE_LABELS: Record<Cadence, string> = {
  weekly: 'Weekly',
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  yearly: 'Yearly',
  none: 'No regular meeting',
};

export const ROADMAP_STATUS_LABELS: Record<RoadmapStatus, string> = {
  proposed: 'Proposed',
  agreed: 'Agreed',
  deferred: 'Deferred',
  done: 'Done',
  declined: 'Declined',
};

export const ASSET_KIND_LABELS: Record<AssetKind, string> = {
  server: 'Server',
  workstation: 'Workstation',
  laptop: 'Laptop',
  network: 'Network',
  printer: 'Printer',
  phone: 'Phone',
  software: 'Software',
  licence: 'Licence',
  subscription: 'Subscription',
  domain: 'Domain',
  backup: 'Backup',
  other: 'Other',
};
