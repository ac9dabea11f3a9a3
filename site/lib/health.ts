/** The health page: the clients who may leave without warning (seed 003), the most signals first. */
import { SIGNAL_LABELS, portfolioHealth, type ClientHealth, type HealthSignal, type SignalCode } from '#core/model/health';
import type { PortfolioIndex } from './portfolio-index.ts';

/**
 * What the count of clients with each signal reads as: "152 with a meeting overdue", never
 * "152 meeting overdue" (the signal's own label names one client's problem).
 */
export const COUNT_LABELS: Record<SignalCode, string> = {
  'meeting-overdue': 'with a meeting overdue',
  'no-meeting-rhythm': 'without a meeting rhythm',
  'outlook-stale': 'with the outlook not asked for a year',
  'no-next-action': 'without a next action',
  'action-long-overdue': 'with an action overdue for months',
  shrinking: 'shrinking',
  'file-stale': 'with a file not updated for months',
};

export interface HealthData {
  clients: ClientHealth[];
  /** How many clients show each signal, in the order of SIGNAL_LABELS. */
  counts: { code: SignalCode; label: string; clients: number }[];
  /** One signal of each kind present, in the order of `counts`: what each means, said once. */
  kinds: HealthSignal[];
  /** Active and prospect clients checked. */
  checked: number;
}

export function healthData(index: PortfolioIndex): HealthData {
  const { portfolio } = index;
  const clients = portfolioHealth(portfolio.clients, { asOf: portfolio.asOf }, (client) => index.health.get(client.id) ?? []);
  const counts = new Map<SignalCode, number>();
  const first = new Map<SignalCode, HealthSignal>();
  for (const { signals } of clients) {
    for (const s of signals) {
      counts.set(s.code, (counts.get(s.code) ?? 0) + 1);
      if (!first.has(s.code)) first.set(s.code, s);
    }
  }
  const present = (Object.keys(SIGNAL_LABELS) as SignalCode[]).filter((code) => counts.has(code));
  const checked = portfolio.clients.filter((c) => c.data.status !== 'former').length;
  return {
    clients,
    counts: present.map((code) => ({ code, label: COUNT_LABELS[code], clients: counts.get(code)! })),
    kinds: present.map((code) => first.get(code)!),
    checked,
  };
}
