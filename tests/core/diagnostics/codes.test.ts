/**
 * The catalogue of diagnostic codes is closed both ways: every code the checks emit is in it (the
 * `DiagnosticCode` union makes any other a type error), and every code in it is produced by some
 * input, here, with the severity the catalogue gives it.
 */
import { execFileSync } from 'node:child_process';
import { chmod, symlink } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { DiagnosticSink, LineIndex, type Diagnostic } from '#core/diagnostics';
import { DIAGNOSTIC_CODES, type DiagnosticCode } from '#core/diagnostics/codes';
import { loadPortfolio } from '#core/portfolio';
import { checkYaml } from '#core/validate/check-yaml';
import { AS_OF, check, client, tempPortfolios } from '../../helpers/portfolio.ts';

const portfolio = tempPortfolios();

/** Diagnostics of one client file. */
const file = (text: string | Uint8Array) => async () => check(text).diagnostics;

/** Diagnostics of a whole portfolio folder (settings, several files, links). */
const folder = (files: Record<string, string | Uint8Array>, prepare?: (dir: string) => Promise<void>) => async () => {
  const dir = await portfolio(files);
  await prepare?.(dir);
  return (await loadPortfolio({ dir, cwd: dir, asOf: AS_OF.toString() })).diagnostics;
};

/** Diagnostics of YAML checked against a schema of its own: for zod issues no client field raises. */
const schema = (yaml: string, s: z.ZodType) => async () => {
  const sink = new DiagnosticSink('x.yaml', new LineIndex(yaml));
  checkYaml(yaml, 0, s, sink, 'file');
  return sink.items;
};

const settings = (yaml: string) => folder({ 'clientbook.yaml': yaml, 'acme.md': client() });

/**
 * Codes the yaml package defines that a client file cannot produce: they stay in the catalogue
 * because yaml may emit them in a later version, and the union covers all of its codes.
 */
const UNPRODUCIBLE: Partial<Record<DiagnosticCode, string>> = {
  'yaml-impossible': "yaml's internal assertion: raised only when the parser itself is wrong",
  'yaml-bad-collection-type': 'raised only for a tag yaml knows (YAML 1.1 `!!set`, ...); clientbook parses with `resolveKnownTags: false`, so every such tag is a `yaml-tag-resolve-failed`',
  'yaml-non-string-key': 'raised only with `stringKeys: true`; clientbook parses with `stringKeys: false` and reports non-text keys as unknown keys',
};

const FIXTURES: Record<DiagnosticCode, (() => Promise<Diagnostic[]>) | 'unproducible'> = {
  'unreadable-file': folder({ 'acme.md': client() }, (dir) => symlink(path.join(dir, 'gone.md'), path.join(dir, 'ghost.md'))),
  'symbolic-link': folder({ 'acme.md': client(), 'real/bolt.txt': client() }, (dir) => symlink(path.join(dir, 'real/bolt.txt'), path.join(dir, 'bolt.md'))),
  'not-a-file': folder({ 'acme.md': client() }, async (dir) => void execFileSync('mkfifo', [path.join(dir, 'pipe.md')])),
  'unreadable-folder': folder({ 'acme.md': client(), 'north/bolt.md': client() }, (dir) => chmod(path.join(dir, 'north'), 0o000)),
  'not-md': folder({ 'acme.md': client(), 'Bolt.MD': client() }),
  'binary-file': file(new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0x00])),
  'not-utf8': file(new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0x0a])),
  'old-mac-line-ends': file(client().replaceAll('\n', '\r')),
  'bad-file-name': folder({ 'Acme Ltd.md': client() }),
  'duplicate-id': folder({ 'acme.md': client(), 'north/acme.md': client() }),
  'empty-file': file(''),
  'no-front-matter': file('# Acme\n'),
  'bad-front-matter-fence': file('---yaml\nname: Acme\n---\n'),
  'front-matter-language': file('+++\nname = "Acme"\n+++\n'),
  'unterminated-front-matter': file('---\nname: Acme\n'),
  'empty-front-matter': file('---\n---\n'),
  'front-matter-not-mapping': file('---\n- a\n---\n'),

  'yaml-alias-props': file(client('x-a: &a 1\nx-b: &b *a')),
  'yaml-bad-alias': file(client('name: *acme')),
  'yaml-alias-limit': file(client(`x-a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\nx-b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nx-c: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]`)),
  'yaml-bad-directive': file(client('%FOO bar')),
  'yaml-bad-dq-escape': file(client('name: "C:\\q"')),
  'yaml-bad-indent': file(client('contact:\n  name: Ann Lee\n role: Owner')),
  'yaml-bad-prop-order': file(client('&a ? x-b\n: c')),
  'yaml-bad-scalar-start': file(client('name: @acme')),
  'yaml-block-as-implicit-key': file(client('name: Acme: the best')),
  'yaml-block-in-flow': file(client('x-a: {b: - c}')),
  'yaml-duplicate-key': file(client('name: Acme\nname: Acme Ltd')),
  'yaml-impossible': 'unproducible',
  'yaml-key-over-1024-chars': file(client(`${'k'.repeat(1100)} : 1`)),
  'yaml-missing-char': file(client('name: "Acme')),
  'yaml-multiline-implicit-key': file(client('name Acme')),
  'yaml-multiple-anchors': file(client('x-a: &a &b 1')),
  'yaml-multiple-docs': file(client('name: Acme\n...\ntype: basic')),
  'yaml-multiple-tags': file(client('x-a: !!str !!str 1')),
  'yaml-non-string-key': 'unproducible',
  'yaml-resource-exhaustion': file(client(`x-a: ${'['.repeat(3000)}${']'.repeat(3000)}`)),
  'yaml-tab-as-indent': file('---\nname: Acme\ncontact:\n\tname: Ann Lee\n---\n'),
  'yaml-tag-resolve-failed': file(client('name: !!binary QWNtZQ==')),
  'yaml-bad-collection-type': 'unproducible',
  'yaml-circular-alias': file(client('x-a: &a [*a]')),
  'yaml-complex-key': file(client('? [a, b]\n: 1')),
  'yaml-merge-key': file(client('x-d: &d {k: 1}\nx-m:\n  <<: *d')),
  'yaml-too-deep': file(client(`x-a: ${'['.repeat(100)}${']'.repeat(100)}`)),
  'yaml-unexpected-token': file(client('x-a: 1\n]')),

  'unknown-key': file(client('adress: 1 Main St')),
  'missing-key': file(client('', { omit: ['name'] })),
  'empty-value': file(client('name:')),
  'wrong-type': file(client('contact: Ann Lee')),
  'bad-enum': file(client('type: Strategic')),
  'out-of-range': schema('n: 0\n', z.object({ n: z.number().min(1) })),
  'invalid-value': schema('s: ab\n', z.object({ s: z.string().regex(/^\d+$/) })),
  'bad-date': file(client('since: 12/01/2026')),
  'bad-year': file(client('growth:\n  outlook: stable\n  horizon: 27')),
  'bad-period': file(client('roadmap:\n  - title: Replace the server\n    when: Q2 2027')),
  'bad-interval': file(client('actions:\n  - title: Call Ann\n    due: 2026-12-15\n    every: monthly')),
  'bad-money': file(client('roadmap:\n  - title: Replace the server\n    when: 2027-Q2\n    cost: $6,500')),
  'bad-number': file(client('employees: a few')),
  'bad-text': file(client('location: 12')),
  'bad-client-id': file(client('referred_by: Lakeside Dental')),

  'unknown-client': folder({ 'acme.md': client('referred_by: lakeside') }),
  'self-referral': file(client('referred_by: acme')),
  'every-without-due': file(client('actions:\n  - title: Call Ann\n    every: 1 month')),
  'duplicate-action': file(client('actions:\n  - title: Call Ann\n  - title: Call Ann')),
  'renew-without-expires': file(client('assets:\n  - name: Domain acme.com\n    kind: domain\n    renew: 1 year')),
  'duplicate-asset': file(client('assets:\n  - name: Firewall\n    kind: network\n  - name: Firewall\n    kind: network')),
  'done-in-future': file(client('actions:\n  - title: Call Ann\n    done: 2027-01-05\n  - title: Write\n    due: 2026-12-15')),
  'asked-in-future': file(client('growth:\n  outlook: stable\n  asked: 2027-01-20')),
  'met-in-future': file(client('meetings:\n  cadence: monthly\n  last: 2026-12-02')),
  'horizon-before-asked': file(client('growth:\n  outlook: stable\n  asked: 2026-01-20\n  horizon: 2025')),
  'no-next-action': file(client('actions: []')),
  'template-placeholder': file(client('name: CLIENT NAME')),
  secret: file(client('', { body: 'Wi-Fi password: hunter2-Secret!\n' })),

  'bad-format-version': settings('format: one\n'),
  'format-too-new': settings('format: 9.0\n'),
  'misnamed-settings': folder({ 'clientbook.yml': 'currency: CAD\n', 'acme.md': client() }),
  'bad-time-zone': settings('time_zone: Mars/Olympus\n'),
  'bad-currency': settings('currency: dollars\n'),
  'bad-locale': settings('locale: "not a locale!"\n'),
};

describe('the catalogue of diagnostic codes', () => {
  it.each(Object.entries(FIXTURES) as [DiagnosticCode, (typeof FIXTURES)[DiagnosticCode]][])('%s can be produced', async (code, fixture) => {
    if (fixture === 'unproducible') {
      expect(UNPRODUCIBLE[code], `say why ${code} cannot be produced`).toBeTruthy();
      return;
    }
    const diagnostics = await fixture();
    const produced = diagnostics.find((d) => d.code === code);
    expect(produced, `got: ${diagnostics.map((d) => `${d.line}:${d.column} ${d.code}: ${d.message}`).join('\n') || '(none)'}`).toBeDefined();
    expect(produced!.severity).toBe(DIAGNOSTIC_CODES[code].severity);
  });

  it('has a title, a why and a fix for every code', () => {
    for (const [code, info] of Object.entries(DIAGNOSTIC_CODES)) {
      expect(code).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      for (const text of [info.title, info.why, info.fix]) expect(text.trim().length, code).toBeGreaterThan(5);
    }
  });
});
