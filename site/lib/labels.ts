/** Words the pages use for the format's values. */
import type { DueKind, DueStatus } from '../../scripts/core/model/due.ts';

export const KIND_LABELS: Record<DueKind, string> = {
  action: 'Action',
  asset: 'Renewal',
  meeting: 'Meeting',
  growth: 'Outlook',
};

export const STATUS_HEADINGS: Record<DueStatus, string> = {
  overdue: 'Overdue',
  today: 'Today',
  upcoming: 'Upcoming',
  later: 'Later',
};

export const TYPE_LABELS: Record<string, string> = {
  basic: 'IT basic',
  strategic: 'IT strategic',
  'break-fix': 'Break-fix',
};

export const INVOLVEMENT_LABELS: Record<string, string> = {
  'hands-on': 'Hands-on',
  'hands-off': 'Hands-off',
  'just-right': 'Just right',
};

export const OUTLOOK_LABELS: Record<string, string> = {
  growing: 'Growing',
  stable: 'Stable',
  shrinking: 'Shrinking',
  unknown: 'Unknown',
};

export const CLIENT_STATUS_LABELS: Record<string, string> = {
  active: 'Active',
  prospect: 'Prospect',
  former: 'Former',
};

export const CADENCE_LABELS: Record<string, string> = {
  weekly: 'Weekly',
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  yearly: 'Yearly',
  none: 'No regular meeting',
};

export const ROADMAP_STATUS_LABELS: Record<string, string> = {
  proposed: 'Proposed',
  agreed: 'Agreed',
  deferred: 'Deferred',
  done: 'Done',
  declined: 'Declined',
};
