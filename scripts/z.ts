import { loadPortfolio } from './core/portfolio.ts';
import { dueItems } from './core/model/due.ts';
const p = await loadPortfolio({ dir: process.argv[2] ?? 'clients', asOf: '2026-12-01' });
console.log(p.files, p.clients.length, p.diagnostics);
console.log(dueItems(p.clients, { asOf: p.asOf, within: 30 }).slice(0, 5));
