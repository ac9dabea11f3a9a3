/**
 * JSON Schemas (draft 2020-12) of the machine outputs: `validate --format json`, `due --json` and
 * `diff --json`. They are a published vocabulary: the enumerations come from the code (diagnostic
 * codes, change kinds, statuses), and a `Record` over each TypeScript union makes a new member
 * without a schema a type error. tests/schemas/ checks real outputs against them with ajv.
 */
import { DIAGNOSTIC_CODES } from '#core/diagnostics/codes';
import type { DueKind, DueStatus } from '#core/model/due';
import type { Change, ClientField } from '#core/model/diff';
import { ASSET_KINDS, ASSET_STATUSES } from '#core/schema/asset';
import { ROADMAP_STATUSES } from '#core/schema/roadmap-item';
import type { JsonSchema } from './front-matter.ts';

const DRAFT = 'https://json-schema.org/draft/2020-12/schema';
const DATE = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'A calendar date, YYYY-MM-DD.' };
const DATE_OR_NULL = { anyOf: [DATE, { type: 'null' }] };
const STRING_OR_NULL = { type: ['string', 'null'] };
const COUNT = { type: 'integer', minimum: 0 };

/** An object with exactly these properties; `optional` ones may be left out. */
function object(properties: Record<string, unknown>, optional: string[] = [], description?: string): JsonSchema {
  return {
    type: 'object',
    ...(description ? { description } : {}),
    properties,
    required: Object.keys(properties).filter((k) => !optional.includes(k)),
    additionalProperties: false,
  };
}

const keys = <T extends string>(record: Record<T, true>) => Object.keys(record) as T[];

const DIAGNOSTIC = object(
  {
    file: { type: 'string', description: 'Path of the file, relative to the working directory, with forward slashes.' },
    line: { type: 'integer', minimum: 1 },
    column: { type: 'integer', minimum: 1 },
    endLine: { type: 'integer', minimum: 1 },
    endColumn: { type: 'integer', minimum: 1 },
    severity: { enum: ['error', 'warning'] },
    code: { enum: Object.keys(DIAGNOSTIC_CODES), description: 'A stable code from the catalogue (docs/format.md, "Errors and warnings").' },
    message: { type: 'string' },
    hint: { type: 'string', description: 'What to do instead.' },
  },
  ['hint'],
  'One problem, located: lines and columns are 1-based; the end is where the offending text ends.',
);

export function validateOutputSchema(): JsonSchema {
  return {
    $schema: DRAFT,
    title: 'clientbook validate --format json',
    description: 'Every problem of the portfolio, errors and warnings, in one pass.',
    $defs: { diagnostic: DIAGNOSTIC },
    ...object({ files: { ...COUNT, description: 'Client files checked.' }, diagnostics: { type: 'array', items: { $ref: '#/$defs/diagnostic' } } }),
  };
}

const DUE_KINDS = keys<DueKind>({ action: true, asset: true, meeting: true, growth: true });
const DUE_STATUSES = keys<DueStatus>({ overdue: true, today: true, upcoming: true, later: true });

export function dueOutputSchema(): JsonSchema {
  return {
    $schema: DRAFT,
    title: 'clientbook due --json',
    description: 'What is due as of a date (FORMAT.md, "What is due"), in agenda order.',
    ...object(
      {
        asOf: DATE,
        within: { type: 'integer', minimum: 0, description: 'Days ahead that count as upcoming (--within, or the due_window setting).' },
        items: {
          type: 'array',
          items: object({
            client: { type: 'string', description: "The client's id (its file name without .md)." },
            clientName: { type: 'string' },
            kind: { enum: DUE_KINDS },
            title: { type: 'string' },
            due: { ...DATE_OR_NULL, description: 'The due date, or null for an item overdue without one (a meeting never held, an outlook never asked).' },
            status: { enum: DUE_STATUSES, description: '`later` only with --all.' },
          }),
        },
        skipped: {
          type: 'array',
          description: 'Files left out of the agenda because they have errors (the command then exits 1).',
          items: object({
            file: { type: 'string', description: 'The file, as validate names it (a client file, or the settings file, whose defaults were then used).' },
            errors: { type: 'array', minItems: 1, items: { $ref: '#/$defs/diagnostic' }, description: 'Its errors, as validate --format json reports them.' },
          }),
        },
      },
      ['skipped'],
    ),
    $defs: { diagnostic: DIAGNOSTIC },
  };
}

const ROADMAP_STATUS = { enum: [...ROADMAP_STATUSES] };
const ASSET_STATUS = { enum: [...ASSET_STATUSES] };
const MONEY_OR_NULL = { type: ['number', 'null'], minimum: 0 };
const CLIENT_FIELDS = keys<ClientField>({ name: true, type: true, status: true, involvement: true, outlook: true, contact: true });
const change = (props: Record<string, unknown>) => props;

/** Each kind of change and its other properties. */
const CHANGES: Record<Change['kind'], Record<string, unknown>> = {
  'action-added': change({ title: { type: 'string' }, due: DATE_OR_NULL }),
  'action-done': change({ title: { type: 'string' }, on: DATE }),
  'action-recurred': change({ title: { type: 'string' }, from: DATE, to: DATE }),
  'action-reopened': change({ title: { type: 'string' } }),
  'action-removed': change({ title: { type: 'string' }, due: DATE_OR_NULL, done: DATE_OR_NULL }),
  'action-moved': change({ title: { type: 'string' }, from: DATE_OR_NULL, to: DATE_OR_NULL }),
  'action-renamed': change({ title: { type: 'string' }, from: { type: 'string' } }),
  'action-recurrence': change({ title: { type: 'string' }, from: STRING_OR_NULL, to: STRING_OR_NULL }),
  'action-notice': change({ title: { type: 'string' }, from: STRING_OR_NULL, to: STRING_OR_NULL }),
  field: change({ field: { enum: CLIENT_FIELDS }, from: STRING_OR_NULL, to: STRING_OR_NULL }),
  'meeting-cadence': change({ from: STRING_OR_NULL, to: STRING_OR_NULL }),
  'meeting-held': change({ on: DATE, previous: DATE_OR_NULL }),
  'meeting-last': change({ from: DATE_OR_NULL, to: DATE_OR_NULL }),
  'outlook-asked': change({ on: DATE, previous: DATE_OR_NULL }),
  'contact-details': change({ name: { type: 'string' }, fields: { type: 'array', items: { type: 'string' } } }),
  'roadmap-added': change({ title: { type: 'string' }, when: { type: 'string' }, status: ROADMAP_STATUS, cost: MONEY_OR_NULL }),
  'roadmap-removed': change({ title: { type: 'string' }, when: { type: 'string' }, status: ROADMAP_STATUS }),
  'roadmap-status': change({ title: { type: 'string' }, from: ROADMAP_STATUS, to: ROADMAP_STATUS }),
  'roadmap-moved': change({ title: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } }),
  'roadmap-cost': change({ title: { type: 'string' }, from: MONEY_OR_NULL, to: MONEY_OR_NULL }),
  'asset-added': change({ title: { type: 'string' }, assetKind: { enum: [...ASSET_KINDS] }, expires: DATE_OR_NULL }),
  'asset-renewed': change({ title: { type: 'string' }, from: DATE_OR_NULL, to: DATE }),
  'asset-expiry': change({ title: { type: 'string' }, from: DATE_OR_NULL, to: DATE_OR_NULL }),
  'asset-replace': change({ title: { type: 'string' }, from: STRING_OR_NULL, to: STRING_OR_NULL }),
  'asset-replaced': change({ title: { type: 'string' }, planned: { type: 'string' } }),
  'asset-status': change({ title: { type: 'string' }, from: ASSET_STATUS, to: ASSET_STATUS }),
  'asset-renew': change({ title: { type: 'string' }, from: STRING_OR_NULL, to: STRING_OR_NULL }),
  'asset-notice': change({ title: { type: 'string' }, from: STRING_OR_NULL, to: STRING_OR_NULL }),
  'asset-cost': change({ title: { type: 'string' }, from: MONEY_OR_NULL, to: MONEY_OR_NULL }),
  'asset-removed': change({ title: { type: 'string' } }),
  'file-moved': change({ from: { type: 'string' }, to: { type: 'string' } }),
};

const REVISION = object(
  {
    rev: { ...STRING_OR_NULL, description: 'The revision as given (origin/main), or null for the working tree.' },
    commit: { ...STRING_OR_NULL, description: 'The commit it names, or null for the working tree (or before the first commit).' },
    label: { type: 'string', description: 'How the Markdown names it.' },
  },
  [],
);

export function diffOutputSchema(): JsonSchema {
  const changeKinds = Object.keys(CHANGES) as Change['kind'][];
  return {
    $schema: DRAFT,
    title: 'clientbook diff --json',
    description: "What changed in the clients' commitments between two revisions.",
    $defs: {
      diagnostic: DIAGNOSTIC,
      revision: REVISION,
      change: {
        description: 'One change to one client; `kind` says which, and which other properties it has.',
        oneOf: changeKinds.map((kind) => object({ kind: { const: kind }, ...CHANGES[kind] })),
      },
      summary: object({
        type: { type: 'string' },
        status: { type: 'string' },
        contact: STRING_OR_NULL,
        openActions: COUNT,
        nextAction: { anyOf: [object({ title: { type: 'string' }, due: DATE_OR_NULL }), { type: 'null' }] },
        roadmapItems: COUNT,
        roadmapCost: { type: 'number', minimum: 0 },
        assets: COUNT,
      }),
    },
    ...object({
      from: { $ref: '#/$defs/revision' },
      to: { $ref: '#/$defs/revision' },
      summary: object({ changed: COUNT, added: COUNT, removed: COUNT, invalid: COUNT }),
      clients: {
        type: 'array',
        items: object(
          {
            id: { type: 'string' },
            name: { type: 'string' },
            file: { type: 'string' },
            status: { enum: ['changed', 'added', 'removed'] },
            changes: { type: 'array', items: { $ref: '#/$defs/change' } },
            summary: { $ref: '#/$defs/summary' },
          },
          ['summary'],
        ),
      },
      invalid: {
        type: 'array',
        items: object({
          id: { type: 'string' },
          file: { type: 'string' },
          errors: { type: 'integer', minimum: 1 },
          diagnostics: { type: 'array', items: { $ref: '#/$defs/diagnostic' } },
          side: { enum: ['from', 'to'] },
        }),
      },
    }),
  };
}
