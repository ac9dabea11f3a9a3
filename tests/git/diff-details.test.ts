/**
 * The details of `clientbook diff` that a reviewer reads line by line (issue 10 §13): a change of a
 * contact's note (or any single detail), the next action in the summary of a new or removed client,
 * and the edge of the rename rule (an action title at most 40% different, same dates). Also the
 * history's rename detection: git's `-M`, at its 50% similarity edge.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import fc from 'fast-check';
import { distance } from 'fastest-levenshtein';
import { describe, expect, test } from 'vitest';
import { changeLine } from '#cli/diff-format';
import { readHistory } from '#core/git/history';
import type { Client } from '#core/model/client';
import { diffActions, diffClient, diffPortfolios, summarize } from '#core/model/diff';
import type { Action } from '#core/schema/action';
import { client, clientsOf, date } from '../helpers/portfolio.ts';
import { gitEnv, tempRepos } from '../helpers/git-repo.ts';

const one = (fields: string, file = 'acme.md'): Client => clientsOf({ [file]: client(fields) })[0]!;
const changes = (before: string, after: string): string[] =>
  diffClient(one(before), one(after)).map((c) => changeLine(c, (n) => `$${n}`));

describe('a contact\'s details', () => {
  const contact = (lines: string) => `contact:\n  name: Ann Lee\n${lines}`;
  const details = {
    role: ['  role: Office manager', '  role: Owner'],
    email: ['  email: ann@acme.example', '  email: ann.lee@acme.example'],
    phone: ['  phone: "+1 867 555 0100"', '  phone: "+1 867 555 0199"'],
    note: ['  note: Prefers calls in the morning', '  note: Prefers calls after lunch'],
  } as const;

  test.each(Object.entries(details))('a change of %s alone is named', (field, [before, after]) => {
    expect(changes(contact(before), contact(after))).toEqual([`Contact details of Ann Lee changed: ${field}`]);
  });

  test('a note added or removed is a change of the note; the same note is no change', () => {
    expect(changes(contact('  role: Owner'), contact('  role: Owner\n  note: Closed on Mondays'))).toEqual(['Contact details of Ann Lee changed: note']);
    expect(changes(contact('  note: Closed on Mondays'), contact('  role: Owner'))).toEqual(['Contact details of Ann Lee changed: role, note']);
    expect(changes(contact('  note: Closed on Mondays'), contact('  note: Closed on Mondays'))).toEqual([]);
  });

  test('in the JSON, the fields that changed, by name', () => {
    expect(diffClient(one(contact(details.note[0])), one(contact(details.note[1])))).toEqual([
      { kind: 'contact-details', name: 'Ann Lee', fields: ['note'] },
    ]);
  });
});

describe('the summary of a new or removed client', () => {
  const actions = (...items: [title: string, due?: string, done?: string][]) =>
    `actions:\n${items
      .map(([title, due, done]) => [`  - title: ${title}`, due ? `    due: ${due}` : '', done ? `    done: ${done}` : ''].filter(Boolean).join('\n'))
      .join('\n')}`;
  const next = (fields: string) => summarize(one(fields)).nextAction;

  test('the next action is the open one due first, wherever it is in the list', () => {
    expect(next(actions(['Later', '2027-03-01'], ['Soonest', '2026-12-02'], ['Middle', '2027-01-15']))).toEqual({ title: 'Soonest', due: '2026-12-02' });
    expect(next(actions(['Soonest', '2026-12-02'], ['Later', '2027-03-01']))).toEqual({ title: 'Soonest', due: '2026-12-02' });
  });

  test('a done action is never next, however early; dated actions come before undated ones', () => {
    expect(next(actions(['Done long ago', '2026-01-01', '2026-01-02'], ['Undated'], ['Dated', '2027-05-01']))).toEqual({ title: 'Dated', due: '2027-05-01' });
    expect(next(actions(['Undated first'], ['Undated second']))).toEqual({ title: 'Undated first', due: null });
    expect(next(actions(['All done', '2026-01-01', '2026-01-02']))).toBeNull();
    expect(next('actions: []')).toBeNull();
  });

  test('counts open actions, roadmap cost and assets; the comment says the next action with its date', () => {
    const fields = [
      actions(['Done', '2026-01-01', '2026-01-02'], ['Install the NAS', '2027-02-01'], ['Quote the laptops', '2026-12-20']),
      'roadmap:\n  - title: New server\n    when: 2027-Q2\n    cost: 6500\n  - title: Laptops\n    when: 2028\n    cost: 1200.50',
      'assets:\n  - name: Firewall\n    kind: network',
    ].join('\n');
    const added = one(`name: Zeta\n${fields}`, 'zeta.md');
    expect(summarize(added)).toEqual({
      type: 'basic',
      status: 'active',
      contact: 'Ann Lee',
      openActions: 2,
      nextAction: { title: 'Quote the laptops', due: '2026-12-20' },
      roadmapItems: 2,
      roadmapCost: 7700.5,
      assets: 1,
    });
    const diff = diffPortfolios({ clients: new Map(), invalid: [] }, { clients: new Map([['zeta', added]]), invalid: [] });
    expect(diff.clients[0]).toMatchObject({ status: 'added', summary: { nextAction: { title: 'Quote the laptops', due: '2026-12-20' } } });
    const removed = diffPortfolios({ clients: new Map([['zeta', added]]), invalid: [] }, { clients: new Map(), invalid: [] });
    expect(removed.clients[0]).toMatchObject({ status: 'removed', summary: { openActions: 2, nextAction: { title: 'Quote the laptops' } } });
  });

  test('the next action is always the earliest open one (any list)', () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => date('2026-01-01').add({ days: n }).toString());
    fc.assert(
      fc.property(fc.array(fc.record({ due: fc.option(day), done: fc.boolean() }), { minLength: 1, maxLength: 8 }), (items) => {
        const list = items.map((x, i) => [`Task ${i}`, x.due ?? undefined, x.done ? '2026-01-01' : undefined] as [string, string?, string?]);
        const open = list.filter(([, , done]) => !done);
        const dated = open.filter(([, due]) => due).sort((a, b) => (a[1]! < b[1]! ? -1 : a[1]! > b[1]! ? 1 : 0));
        const expected = dated[0] ?? open[0];
        const found = next(actions(...list));
        if (!expected) expect(found).toBeNull();
        else expect(found).toEqual({ title: expected[0], due: expected[1] ?? null });
      }),
      { numRuns: 200 },
    );
  });
});

describe('an action renamed', () => {
  const action = (title: string, due = '2026-12-15'): Action => ({ title, due: date(due) }) as Action;
  const renamed = (from: string, to: string, due?: [string, string]) =>
    diffActions([action(from, due?.[0])], [action(to, due?.[1])]).map((c) => c.kind);

  test('at most 40% of the longer title changed is a rename; one more letter is not', () => {
    // 6 edits in 15 letters: 40% exactly.
    expect(distance('call the nas', 'call the server')).toBe(6);
    expect(renamed('Call the NAS', 'Call the server')).toEqual(['action-renamed']);
    // 7 edits in 15 letters.
    expect(distance('call the router', 'fix the printer')).toBe(7);
    expect(renamed('Call the router', 'Fix the printer')).toEqual(['action-added', 'action-removed']);
  });

  test('measured against the longer title, in any case of letters', () => {
    // 6 letters added to 11: 35% of the longer title, 55% of the shorter.
    expect(renamed('Order toner', 'Order toner again')).toEqual(['action-renamed']);
    expect(renamed('Order toner again', 'Order toner')).toEqual(['action-renamed']);
    expect(renamed('CALL ANN ABOUT THE NAS', 'Call Ann about the NAS')).toEqual(['action-renamed']);
  });

  test('a similar title with another due date is not a rename', () => {
    expect(renamed('Call the NAS', 'Call the NAS!', ['2026-12-15', '2026-12-16'])).toEqual(['action-added', 'action-removed']);
  });

  test('the closest title wins, and each action is renamed once', () => {
    const result = diffActions([action('Call Ann'), action('Call Bob')], [action('Call Anne'), action('Call Bobby')]);
    expect(result).toEqual([
      { kind: 'action-renamed', title: 'Call Anne', from: 'Call Ann' },
      { kind: 'action-renamed', title: 'Call Bobby', from: 'Call Bob' },
    ]);
    expect(diffActions([action('Call Ann')], [action('Call Anna'), action('Call Anne')])).toEqual([
      { kind: 'action-renamed', title: 'Call Anna', from: 'Call Ann' },
      { kind: 'action-added', title: 'Call Anne', due: '2026-12-15' },
    ]);
  });

  test('is a rename exactly when the titles differ by at most 40% of the longer (any two titles)', () => {
    const title = fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,19}$/);
    fc.assert(
      fc.property(title, title, (a, b) => {
        fc.pre(a !== b);
        const within = distance(a.toLowerCase(), b.toLowerCase()) * 5 <= 2 * Math.max(a.length, b.length);
        expect(renamed(a, b)).toEqual(within ? ['action-renamed'] : ['action-added', 'action-removed']);
      }),
      { numRuns: 500 },
    );
  });
});

describe('the history follows a rename as git finds it (`-M`, 50% similar)', () => {
  const newRepo = tempRepos();
  /** 40 body lines of one length: a line is 2.5% of the file, give or take the front matter. */
  const lines = (tag: string, from: number, to: number) =>
    Array.from({ length: to - from }, (_, i) => `- ${tag} visit ${String(from + i).padStart(2, '0')}: checked the backups and the UPS.`);
  const body = (kept: number) => [...lines('Old', 0, kept), ...lines('New', kept, 40)].join('\n') + '\n';

  test.each([
    [19, 50, 'renamed'],
    [18, 48, 'added'],
  ] as const)('moved with %i of 40 lines kept (%i% similar): %s', async (kept, similarity, change) => {
    const repo = newRepo();
    repo.write({ 'clients/acme.md': client('name: Acme', { body: body(40) }) });
    repo.commit('Add Acme', '2026-01-10T12:00:00Z');
    repo.move('clients/acme.md', 'clients/acme-tools.md');
    repo.write({ 'clients/acme-tools.md': client('name: Acme', { body: body(kept) }) });
    repo.commit('Acme is now Acme Tools', '2026-02-10T12:00:00Z');

    // The similarity git itself gives the two versions: at its 50% default, and just below.
    const status = execFileSync('git', ['diff', '--name-status', '-M1%', 'HEAD~1', 'HEAD'], { cwd: repo.root, env: gitEnv(), encoding: 'utf8' });
    expect(Number(/^R(\d+)/.exec(status)?.[1])).toBe(similarity);

    const history = await readHistory(path.join(repo.root, 'clients'), { timeZone: 'UTC', today: date('2026-12-01') });
    const entries = (history.byClient.get('acme-tools') ?? []).map((e) => `${e.date} ${e.change} ${e.from ?? ''}`.trim());
    expect(entries).toEqual(
      change === 'renamed'
        ? ['2026-02-10 renamed clients/acme.md', '2026-01-10 added']
        : ['2026-02-10 added'],
    );
  });
});

describe('the portfolio comparison', () => {
  test('an unchanged client is not listed; a new or removed one carries no changes of its own', () => {
    const acme = one('name: Acme');
    const same = diffPortfolios({ clients: new Map([['acme', acme]]), invalid: [] }, { clients: new Map([['acme', one('name: Acme')]]), invalid: [] });
    expect(same).toEqual({ clients: [], invalid: [] });
    const added = diffPortfolios({ clients: new Map(), invalid: [] }, { clients: new Map([['acme', acme]]), invalid: [] });
    expect(added.clients.map((c) => [c.status, c.changes])).toEqual([['added', []]]);
    const removed = diffPortfolios({ clients: new Map([['acme', acme]]), invalid: [] }, { clients: new Map(), invalid: [] });
    expect(removed.clients.map((c) => [c.status, c.changes])).toEqual([['removed', []]]);
  });

  test('files that do not validate are listed by file, the older version first', () => {
    const bad = (file: string, id: string) => ({ id, file, errors: 1, diagnostics: [] });
    const result = diffPortfolios(
      { clients: new Map(), invalid: [bad('clients/b.md', 'b'), bad('clients/a.md', 'a')] },
      { clients: new Map(), invalid: [bad('clients/a.md', 'a')] },
    );
    expect(result.invalid.map((f) => `${f.file} ${f.side}`)).toEqual(['clients/a.md from', 'clients/a.md to', 'clients/b.md from']);
  });
});
