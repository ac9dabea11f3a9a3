/**
 * The JSON Schemas that clientbook ships (schemas/): current with the code that generates them, and
 * true of real outputs, checked with ajv (draft 2020-12, strict mode).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { schemaText, shippedSchemas, SCHEMAS_DIR } from '../../scripts/json-schemas/write.ts';
import { run } from '../helpers/cli.ts';
import { client, tempPortfolios } from '../helpers/portfolio.ts';
import { tempRepos } from '../helpers/git-repo.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const newRepo = tempRepos();
const portfolio = tempPortfolios();
const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
const load = (name: string) => JSON.parse(readFileSync(path.join(SCHEMAS_DIR, name), 'utf8')) as object;
const validator = (name: string) => ajv.compile(load(name));

/** The errors of `data` against a shipped schema ([] when it is valid). */
function errorsOf(name: string, data: unknown): string[] {
  const validate = validator(name);
  return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
}

const HANK = `name: Hank's Hardware
type: strategic
since: 2019-04
contact:
  name: Hank Miller
  email: hank@example.com
growth:
  outlook: growing
  asked: 2026-01-10
meetings:
  cadence: monthly
  last: 2026-10-01
actions:
  - title: Send the quote for the new server
    due: 2026-11-20
  - title: Renew anti-virus for all seats
    due: 2026-12-15
    every: 1 year
  - title: Test a restore
    due: 2026-12-09
  - title: Call about the printer
assets:
  - name: ESET PROTECT Entry
    kind: licence
    expires: 2026-12-15
  - name: Old NAS
    kind: backup
    expires: 2027-03-01
roadmap:
  - title: Replace the main server
    when: 2027-Q2
    cost: 6500
    status: proposed`;

describe('the shipped schemas', () => {
  test('are what `npm run schemas` writes, and nothing else is in schemas/', () => {
    const schemas = shippedSchemas();
    expect(readdirSync(SCHEMAS_DIR).sort()).toEqual(Object.keys(schemas).sort());
    for (const [name, schema] of Object.entries(schemas)) expect(readFileSync(path.join(SCHEMAS_DIR, name), 'utf8'), name).toBe(schemaText(schema));
  });

  test('are valid draft 2020-12 schemas (ajv, strict)', () => {
    for (const name of Object.keys(shippedSchemas())) expect(() => ajv.compile(load(name)), name).not.toThrow();
  });

  test('the package ships them, and the README links them', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { files: string[] };
    expect(pkg.files).toContain('schemas/');
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    for (const name of Object.keys(shippedSchemas())) expect(readme).toContain(`(schemas/${name})`);
  });
});

describe('real outputs validate', () => {
  test('validate --format json: errors and warnings of files, YAML and settings', async () => {
    const cwd = await portfolio({
      'clients/clientbook.yaml': 'currency: dollars\n',
      'clients/hanks-hardware.md': client(HANK),
      'clients/bad.md': client('type: vip\nsince: 2026-02-30\nreferred_by: nobody\nx-own: 1'),
      'clients/broken.md': '---\nname: [unclosed\n---\n',
      'clients/empty.md': '',
      'clients/quiet.md': client('name: Quiet Ltd\nactions: []'),
    });
    const result = await run(['validate', '--format', 'json', '--as-of', '2026-12-01'], cwd);
    expect(result.code).toBe(1);
    const data = JSON.parse(result.stdout) as { diagnostics: { severity: string }[] };
    expect(new Set(data.diagnostics.map((d) => d.severity))).toEqual(new Set(['error', 'warning']));
    expect(errorsOf('validate-output.schema.json', data)).toEqual([]);
    // And the schema is not a formality: a diagnostic with an unknown code, or a missing line, is refused.
    expect(errorsOf('validate-output.schema.json', { files: 1, diagnostics: [{ ...data.diagnostics[0], code: 'made-up' }] })).not.toEqual([]);
    const { line: _line, ...noLine } = data.diagnostics[0] as Record<string, unknown>;
    expect(errorsOf('validate-output.schema.json', { files: 1, diagnostics: [noLine] })).not.toEqual([]);
  });

  test('due --json, with every kind and status', async () => {
    const cwd = await portfolio({ 'clients/hanks-hardware.md': client(HANK), 'clients/lakeside.md': client('name: Lakeside Dental') });
    for (const args of [['--as-of', '2026-12-01'], ['--as-of', '2026-12-01', '--all'], ['--as-of', '2026-12-15'], ['--as-of', '2026-12-15', '--within', '0']]) {
      const result = await run(['due', '--json', ...args], cwd);
      expect(result.code).toBe(0);
      const data = JSON.parse(result.stdout) as { items: { kind: string; status: string }[] };
      expect(errorsOf('due-output.schema.json', data), args.join(' ')).toEqual([]);
      if (args.includes('--all')) {
        expect(new Set(data.items.map((i) => i.kind))).toEqual(new Set(['action', 'asset', 'meeting', 'growth']));
        expect(new Set(data.items.map((i) => i.status))).toEqual(new Set(['overdue', 'upcoming', 'later']));
      }
    }
    // With a file in error: whatever due prints for tools still follows the schema.
    const bad = await portfolio({ 'clients/hanks-hardware.md': client(HANK), 'clients/bad.md': client('type: vip') });
    const result = await run(['due', '--json', '--as-of', '2026-12-01'], bad);
    expect(result.code).toBe(1);
    const data = JSON.parse(result.stdout) as { skipped: { file: string; errors: { code: string }[] }[] };
    expect(data.skipped.map((s) => [s.file, s.errors.map((e) => e.code)])).toEqual([['clients/bad.md', ['bad-enum']]]);
    expect(errorsOf('due-output.schema.json', data)).toEqual([]);
  });

  test('diff --json: changed, new, removed and invalid clients, and many kinds of change', async () => {
    const repo = newRepo();
    repo.write({ 'clients/hanks-hardware.md': client(HANK), 'clients/two-mile.md': client('name: Two Mile Auto'), 'clients/gone.md': client('name: Gone Ltd') });
    repo.commit('Start', '2026-11-01T09:00:00-07:00');
    const edited = HANK.replace('due: 2026-11-20', 'due: 2026-11-20\n    done: 2026-11-18')
      .replace('due: 2026-12-15\n    every: 1 year', 'due: 2027-12-15\n    every: 1 year')
      .replace('due: 2026-12-09', 'due: 2027-01-09')
      .replace('  - title: Call about the printer\n', '  - title: Order toner\n    due: 2026-12-20\n')
      .replace('expires: 2026-12-15', 'expires: 2027-12-15')
      .replace('  - name: Old NAS\n    kind: backup\n    expires: 2027-03-01\n', '  - name: Synology NAS\n    kind: backup\n    expires: 2029-01-31\n')
      .replace('status: proposed', 'status: agreed')
      .replace('cost: 6500', 'cost: 7200')
      .replace('outlook: growing\n  asked: 2026-01-10', 'outlook: stable\n  asked: 2026-11-20')
      .replace('last: 2026-10-01', 'last: 2026-11-20')
      .replace('cadence: monthly', 'cadence: quarterly')
      .replace('email: hank@example.com', 'email: hank@hanks.example');
    repo.remove('clients/gone.md');
    repo.move('clients/two-mile.md', 'clients/north/two-mile.md');
    repo.write({
      'clients/hanks-hardware.md': client(edited),
      'clients/north/two-mile.md': client('name: Two Mile Auto\ntype: strategic\nroadmap:\n  - title: New Wi-Fi\n    when: 2027\n    cost: 1200'),
      'clients/new-one.md': client('name: New One'),
      'clients/broken.md': client('type: vip'),
    });
    repo.commit('November', '2026-11-20T10:00:00-07:00');
    const result = await run(['diff', 'HEAD~1', 'HEAD', '--json'], repo.root);
    expect(result.code).toBe(0);
    const data = JSON.parse(result.stdout) as { clients: { status: string; changes: { kind: string }[] }[]; invalid: unknown[] };
    expect(errorsOf('diff-output.schema.json', data)).toEqual([]);
    expect(new Set(data.clients.map((c) => c.status))).toEqual(new Set(['changed', 'added', 'removed']));
    expect(data.invalid.length).toBe(1);
    const kinds = new Set(data.clients.flatMap((c) => c.changes.map((ch) => ch.kind)));
    for (const kind of ['action-done', 'action-recurred', 'action-moved', 'action-added', 'action-removed', 'field', 'roadmap-status', 'roadmap-cost', 'roadmap-added', 'asset-renewed', 'asset-added', 'asset-removed', 'meeting-held', 'meeting-cadence', 'outlook-asked', 'contact-details', 'file-moved'])
      expect(kinds, kind).toContain(kind);
    // A change of a kind the schema does not know, or with a property too many, is refused.
    const first = data.clients[0]!;
    expect(errorsOf('diff-output.schema.json', { ...data, clients: [{ ...first, changes: [{ kind: 'action-teleported', title: 'x' }] }] })).not.toEqual([]);
    expect(errorsOf('diff-output.schema.json', { ...data, clients: [{ ...first, changes: [{ ...first.changes[0], extra: 1 }] }] })).not.toEqual([]);
  });
});

describe('the front matter schemas, for editors', () => {
  test('every key says what it is, in the words of the schema\'s own documentation', () => {
    const missing: string[] = [];
    const walk = (node: { properties?: Record<string, { description?: string; items?: unknown }> }, at: string) => {
      for (const [key, value] of Object.entries(node.properties ?? {})) {
        if (!value.description) missing.push(`${at}${key}`);
        walk((value.items ?? value) as typeof node, `${at}${key}.`);
      }
    };
    const clientJson = load('client.schema.json') as Parameters<typeof walk>[0];
    walk(clientJson, '');
    walk(load('clientbook-yaml.schema.json') as Parameters<typeof walk>[0], 'settings.');
    expect(missing).toEqual([]);
    expect(clientJson.properties!.name!.description).toBe("The client's display name. (text)");
    expect((clientJson.properties!.actions!.items as typeof clientJson).properties!.due!.description).toBe(
      'When; an action without a date is open but never due. (a date, e.g. 2026-12-15)',
    );
  });


  test('every sample client and the sample settings validate; a misspelt key and a bad value do not; x- keys do', () => {
    const dir = path.join(ROOT, 'clients');
    const files = readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.md') && !path.basename(f).startsWith('_'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const yaml = readFileSync(path.join(dir, file), 'utf8').split(/^---\s*$/m)[1]!;
      expect(errorsOf('client.schema.json', parse(yaml)), file).toEqual([]);
    }
    expect(errorsOf('clientbook-yaml.schema.json', parse(readFileSync(path.join(dir, 'clientbook.yaml'), 'utf8')))).toEqual([]);
    const base = parse(client(HANK).split('---\n')[1]!) as Record<string, unknown>;
    expect(errorsOf('client.schema.json', { ...base, 'x-billing': 'monthly' })).toEqual([]);
    expect(errorsOf('client.schema.json', { ...base, acions: [] })).not.toEqual([]);
    expect(errorsOf('client.schema.json', { ...base, type: 'vip' })).not.toEqual([]);
    expect(errorsOf('client.schema.json', { ...base, since: 'last year' })).not.toEqual([]);
    const { growth: _g, ...noGrowth } = base;
    expect(errorsOf('client.schema.json', noGrowth)).not.toEqual([]);
    expect(errorsOf('clientbook-yaml.schema.json', { titel: 'x' })).not.toEqual([]);
  });
});
