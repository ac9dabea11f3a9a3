/** The health page: the clients who may leave without warning (seed 003), the most signals first. */
import { SIGNAL_LABELS, type ClientHealth, type SignalCode } from '../../scripts/core/model/health.ts';
import type { PortfolioIndex } from './portfolio-index.ts';

export interface HealthData {
  clients: ClientHealth[];
  /** How many clients show each signal, in the order of SIGNAL_LABELS. */
  counts: { code: SignalCode; label: string; clients: number }[];
  /** Active and prospect clients checked. */
  checked: number;
}

export function healthData(index: PortfolioIndex): HealthData {
  const clients: ClientHealth[] = [];
  const counts = new Map<SignalCode, number>();
  let checked = 0;
  for (const client of index.portfolio.clients) {
    if (client.data.status === 'former') continue;
    checked++;
    const signals = index.health.get(client.id) ?? [];
    if (signals.length === 0) continue;
    clients.push({ client, signals: [...signals] });
    for (const s of signals) counts.set(s.code, (counts.get(s.code) ?? 0) + 1);
  }
  // The same order as the core's portfolioHealth: the most signals first, then by name.
  clients.sort((a, b) => b.signals.length - a.signals.length || a.client.data.name.localeCompare(b.client.data.name));
  return {
    clients,
    counts: (Object.keys(SIGNAL_LABELS) as SignalCode[])
      .filter((code) => counts.has(code))
      .map((code) => ({ code, label: SIGNAL_LABELS[code], clients: counts.get(code)! })),
    checked,
  };
}
