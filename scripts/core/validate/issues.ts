/** Turns zod issues into located diagnostics that say what was expected and what to write. */
import type { z } from 'zod';
import type { DiagnosticSink } from '../diagnostics.ts';
import { locate, type ParsedYaml, type Path } from '../load/yaml.ts';
import { didYouMean } from './suggest.ts';
import type { ValueIssueParams } from '../schema/values.ts';

/** Examples for keys whose absence is reported: what to add. */
const ADD_EXAMPLES: Record<string, string> = {
  name: "name: Hank's Hardware",
  type: 'type: strategic   # basic, strategic or break-fix',
  growth: 'growth:\n  outlook: unknown   # growing, stable, shrinking or unknown\n  asked: 2026-11-03',
  outlook: 'outlook: stable   # growing, stable, shrinking or unknown',
  actions: 'actions:\n  - title: Book the yearly roadmap meeting\n    due: 2026-12-15\n(or `actions: []` when there is nothing to do yet)',
  cadence: 'cadence: monthly   # weekly, monthly, quarterly, yearly or none',
  title: 'title: Renew anti-virus for all seats',
  kind: 'kind: server',
  when: 'when: 2027-Q2',
};

const where = (path: Path): string => {
  if (path.length === 0) return 'the front matter';
  const last = path[path.length - 1];
  if (typeof last === 'number') return `item ${last + 1} of \`${String(path[path.length - 2])}\``;
  return `\`${String(last)}\``;
};

export function label(path: Path): string {
  const last = path[path.length - 1];
  if (typeof last === 'number') return `${String(path[path.length - 2])}[${last + 1}]`;
  return String(last ?? 'front matter');
}

function describe(value: unknown): string {
  if (value === null) return 'nothing (an empty value)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping of keys';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return Number.isInteger(value) ? 'a whole number' : 'a number';
  if (typeof value === 'boolean') return `\`${value}\` (true/false)`;
  return typeof value;
}

export function reportIssue(issue: z.core.$ZodIssue, parsed: ParsedYaml, offset: number, sink: DiagnosticSink): void {
  const path = issue.path as Path;
  const key = label(path);
  const input = (issue as { input?: unknown }).input;
  const params = (issue as { params?: Partial<ValueIssueParams> }).params;
  const missing = params?.code === 'missing-key' || (input === undefined && issue.code !== 'custom');
  const at = locate(parsed, path);
  const add = (code: string, message: string, hint?: string) =>
    sink.add({ start: offset + at.start, end: offset + at.end, code, message, ...(hint ? { hint } : {}) });

  if (missing || at.missing) {
    const parent = where(path.slice(0, -1));
    let example = ADD_EXAMPLES[key];
    if (!example && params?.example) example = `${key}: ${params.example}`;
    if (!example && issue.code === 'invalid_value') example = `${key}: ${String(issue.values[0])}`;
    add('missing-key', `\`${key}\` is missing from ${parent}.`, example ? `Add it, e.g.\n${example}` : `Add \`${key}\`.`);
    return;
  }
  const shown = at.source ?? JSON.stringify(input);
  switch (issue.code) {
    case 'custom': {
      const expected = params?.expected ?? 'valid';
      add(
        params?.code ?? 'invalid-value',
        `\`${key}: ${shown}\` is not ${expected}.`,
        params?.hint?.replaceAll('{source}', shown) ?? (params?.example ? `Write ${expected}, e.g. \`${key}: ${params.example}\`.` : undefined),
      );
      return;
    }
    case 'invalid_value': {
      const values = issue.values.map(String);
      const suggestion = typeof input === 'string' ? didYouMean(input, values) : undefined;
      add(
        'bad-enum',
        `\`${key}: ${shown}\` is not a valid ${key}${suggestion ? `. Did you mean \`${suggestion}\`?` : '.'}`,
        `Write one of: ${values.join(', ')}.`,
      );
      return;
    }
    case 'invalid_type': {
      const expected =
        issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'a mapping of keys' : issue.expected;
      const hint =
        issue.expected === 'array'
          ? `Write each item on its own line, starting with \`- \` and indented under \`${key}:\`${input === null ? ', or write `' + key + ': []` for none' : ''}.`
          : issue.expected === 'object'
            ? `Write the keys of \`${key}\` on the lines below it, indented by two spaces.`
            : undefined;
      add('wrong-type', `\`${key}\` must be ${expected}, but it is ${describe(input)}.`, hint);
      return;
    }
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? `at least ${String(issue.minimum)}` : `at most ${String(issue.maximum)}`;
      add('out-of-range', `\`${key}: ${shown}\` is out of range: it must be ${bound}.`, `Write a number ${bound}.`);
      return;
    }
    default:
      add('invalid-value', `\`${key}\`: ${issue.message}`);
  }
}
