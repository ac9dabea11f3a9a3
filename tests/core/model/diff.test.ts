import { describe, expect, test } from 'vitest';
import { diffClient, diffPortfolios, type Change } from '#core/model/diff';
import type { Client } from '#core/model/client';
import { changeLine } from '#cli/diff-format';
import { client, clientsOf } from '../../helpers/portfolio.ts';

const one = (fields: string, file = 'acme.md'): Client => clientsOf({ [file]: client(fields) })[0]!;
const money = (n: number) => `$${n}`;
/** The changes from `before` to `after`, as the pull-request comment words them. */
const changes = (before: string, after: string, files: [string, string] = ['acme.md', 'acme.md']): string[] =>
  diffClient(one(before, files[0]), one(after, files[1])).map((c) => changeLine(c, money));

describe('actions', () => {
  const actions = (...lines: string[]) => `actions:\n${lines.join('\n')}`;

  test('done, added, dropped and removed after being done', () => {
    expect(
      changes(
        actions('  - title: Send the quote', '    due: 2026-11-20', '  - title: Old task', '    due: 2026-10-01', '  - title: Replace the switch', '    done: 2026-10-22'),
        actions('  - title: Send the quote', '    due: 2026-11-20', '    done: 2026-11-18', '  - title: Book training', '    due: 2027-01-12'),
      ),
    ).toEqual([
      'Done: Send the quote (2026-11-18)',
      'New action: Book training, due 2027-01-12',
      'Dropped: Old task (was due 2026-10-01)',
      'Removed done action: Replace the switch (done 2026-10-22)',
    ]);
  });

  test('a recurring action moved forward by whole intervals is done; any other move slipped or was brought forward', () => {
    const before = actions(
      '  - title: Renew anti-virus', '    due: 2026-12-15', '    every: 1 year',
      '  - title: Test a restore', '    due: 2026-01-31', '    every: 1 month',
      '  - title: Patch the firewall', '    due: 2026-12-01', '    every: 3 months',
      '  - title: Call Ann', '    due: 2026-12-15',
      '  - title: Quote', '    due: 2026-12-15',
    );
    const after = actions(
      '  - title: Renew anti-virus', '    due: 2027-12-15', '    every: 1 year',
      // Two months on from January 31: March 31, not March 28.
      '  - title: Test a restore', '    due: 2026-03-31', '    every: 1 month',
      '  - title: Patch the firewall', '    due: 2026-12-20', '    every: 3 months',
      '  - title: Call Ann', '    due: 2027-01-15',
      '  - title: Quote', '    due: 2026-12-01',
    );
    expect(changes(before, after)).toEqual([
      'Done (recurring): Renew anti-virus, next due 2027-12-15 (was 2026-12-15)',
      'Done (recurring): Test a restore, next due 2026-03-31 (was 2026-01-31)',
      'Slipped: Patch the firewall, due 2026-12-01 → 2026-12-20',
      'Slipped: Call Ann, due 2026-12-15 → 2027-01-15',
      'Brought forward: Quote, due 2026-12-15 → 2026-12-01',
    ]);
  });

  test('due set or cleared, recurrence changed, reopened', () => {
    expect(
      changes(
        actions('  - title: A', '  - title: B', '    due: 2026-12-01', '  - title: C', '    due: 2026-12-01', '    every: 1 year', '  - title: D', '    done: 2026-11-01'),
        actions('  - title: A', '    due: 2027-01-05', '  - title: B', '  - title: C', '    due: 2026-12-01', '    every: 6 months', '  - title: D'),
      ),
    ).toEqual([
      'Now due: A, 2027-01-05',
      'No longer dated: B (was due 2026-12-01)',
      'Recurrence: C, every 1 year → every 6 months',
      'Reopened: D',
    ]);
  });

  test('a small change of title with the same dates is a rename; a new title with other dates is not', () => {
    expect(
      changes(
        actions('  - title: Send the quote for the new server', '    due: 2026-11-20', '  - title: Call Bob', '    due: 2026-11-01'),
        actions('  - title: Send the quote for the new servers', '    due: 2026-11-20', '  - title: Visit the warehouse', '    due: 2026-11-01', '  - title: Call Bob again', '    due: 2026-12-01'),
      ),
    ).toEqual([
      'Renamed action: Send the quote for the new server → Send the quote for the new servers',
      'New action: Visit the warehouse, due 2026-11-01',
      'New action: Call Bob again, due 2026-12-01',
      'Dropped: Call Bob (was due 2026-11-01)',
    ]);
  });
});

describe('client fields', () => {
  test('outlook, type, status, involvement, name and contact', () => {
    expect(
      changes(
        'name: Acme\ntype: basic\ninvolvement: hands-off\ngrowth:\n  outlook: growing\ncontact:\n  name: Ann Lee\n  email: ann@acme.example',
        'name: Acme Tools\ntype: strategic\nstatus: prospect\ngrowth:\n  outlook: shrinking\ncontact:\n  name: Ann Lee\n  email: ann@acme-tools.example\n  phone: "+1 867 555 0100"',
      ),
    ).toEqual([
      'Name: Acme → Acme Tools',
      'Type: basic → strategic',
      'Status: active → prospect',
      'Involvement: hands-off → none',
      'Outlook: growing → shrinking',
      'Contact details of Ann Lee changed: email, phone',
    ]);
    expect(changes('contact:\n  name: Ann Lee', 'contact:\n  name: Bo Chan')).toEqual(['Contact: Ann Lee → Bo Chan']);
  });

  test('a file moved to a subfolder is the same client', () => {
    expect(changes('status: active', 'status: former', ['acme.md', 'former/acme.md'])).toEqual([
      'File moved: acme.md → former/acme.md',
      'Status: active → former',
    ]);
  });

  test('nothing changed in the front matter: no changes', () => {
    expect(diffClient(one('name: Acme'), clientsOf({ 'acme.md': client('name: Acme', { body: 'New notes.\n' }) })[0]!)).toEqual([]);
  });
});

describe('roadmap and assets', () => {
  test('roadmap items added, removed, moved between statuses and quarters, re-costed; repeated titles pair in order', () => {
    const item = (title: string, when: string, status: string, cost?: number) =>
      `  - title: ${title}\n    when: ${when}\n    status: ${status}${cost !== undefined ? `\n    cost: ${cost}` : ''}`;
    expect(
      changes(
        `roadmap:\n${[item('Replace the server', '2027-Q2', 'proposed', 6500), item('New laptops', '2027', 'proposed'), item('New laptops', '2028', 'proposed'), item('Old plan', '2027', 'deferred')].join('\n')}`,
        `roadmap:\n${[item('Replace the server', '2027-Q4', 'agreed', 7800), item('New laptops', '2027', 'done'), item('New laptops', '2028', 'proposed'), item('Firewall', '2029', 'proposed', 1450)].join('\n')}`,
      ),
    ).toEqual([
      'Roadmap: Replace the server, proposed → agreed',
      'Roadmap: Replace the server, moved 2027-Q2 → 2027-Q4',
      'Roadmap: Replace the server, cost $6500 → $7800',
      'Roadmap: New laptops, proposed → done',
      'Roadmap, new: Firewall, 2029, $1450, proposed',
      'Roadmap, removed: Old plan (2027, deferred)',
    ]);
  });

  test('assets added, renewed, expiring earlier, replacement moved, removed', () => {
    expect(
      changes(
        'assets:\n  - name: ESET\n    kind: licence\n    expires: 2026-12-15\n  - name: Server\n    kind: server\n    expires: 2027-05-01\n    replace: 2027-Q2\n  - name: Old printer\n    kind: printer',
        'assets:\n  - name: ESET\n    kind: licence\n    expires: 2027-12-15\n  - name: Server\n    kind: server\n    expires: 2027-01-01\n    replace: 2027-Q4\n  - name: NAS\n    kind: backup\n    expires: 2029-01-01',
      ),
    ).toEqual([
      'Renewed: ESET, expires 2026-12-15 → 2027-12-15',
      'Expiry changed: Server, 2027-05-01 → 2027-01-01',
      'Replacement planned: Server, 2027-Q2 → 2027-Q4',
      'New asset: NAS (backup, expires 2029-01-01)',
      'Removed asset: Old printer',
    ]);
  });
});

describe('diffPortfolios', () => {
  test('changed clients first, then new, then removed, by name; unchanged and invalid clients are not compared', () => {
    const [acme, bolt, cone] = clientsOf({ 'acme.md': client('name: Acme'), 'bolt.md': client('name: Bolt'), 'cone.md': client('name: Cone') });
    const acme2 = one('name: Acme\ngrowth:\n  outlook: growing');
    const zeta = one('name: Zeta', 'zeta.md');
    const invalid = { id: 'cone', file: 'clients/cone.md', errors: 2, diagnostics: [] };
    const result = diffPortfolios(
      { clients: new Map([['acme', acme!], ['bolt', bolt!]]), invalid: [] },
      { clients: new Map([['acme', acme2], ['zeta', zeta]]), invalid: [invalid] },
    );
    expect(result.clients.map((c) => `${c.status} ${c.id}`)).toEqual(['changed acme', 'added zeta', 'removed bolt']);
    expect(result.clients[0]!.changes).toEqual<Change[]>([{ kind: 'field', field: 'outlook', from: 'stable', to: 'growing' }]);
    expect(result.clients[1]!.summary).toMatchObject({ openActions: 1, nextAction: { title: 'Call Ann', due: '2026-12-15' } });
    expect(result.invalid).toEqual([{ ...invalid, side: 'to' }]);
    expect(cone).toBeDefined();
  });
});
