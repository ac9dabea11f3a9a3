/** Small client files and temporary portfolios for tests. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { parseDate, type PlainDate } from '#core/dates';
import type { Diagnostic } from '#core/diagnostics';
import { checkClientFile, type ClientFile } from '#core/validate/client-file';
import type { Client } from '#core/model/client';
import { assemble } from '#core/portfolio';
import { DEFAULT_SETTINGS } from '#core/settings';

/** The date most tests read a portfolio as of. */
export const AS_OF: PlainDate = parseDate('2026-12-01')!;

/** A date of a test, as the core makes dates (one shared PlainDate per day); throws on a bad one. */
export function date(text: string): PlainDate {
  const parsed = parseDate(text);
  if (!parsed) throw new Error(`bad test date ${text}`);
  return parsed;
}

/** The fields of the smallest valid client, one block per top-level key. */
const BASE: Record<string, string> = {
  name: 'name: Acme',
  type: 'type: basic',
  contact: 'contact:\n  name: Ann Lee',
  growth: 'growth:\n  outlook: stable',
  actions: 'actions:\n  - title: Call Ann\n    due: 2026-12-15',
};

export interface ClientOptions {
  /** Base keys to leave out. */
  omit?: string[];
  /** Markdown after the closing `---`. */
  body?: string;
}

/**
 * A valid client file with `fields` first, so that the first line of `fields` is line 2 of the file.
 * A top-level key written in `fields` replaces the base block of that key.
 */
export function client(fields = '', { omit = [], body = '' }: ClientOptions = {}): string {
  const written = new Set([...fields.matchAll(/^([^\s#-][^:\n]*):/gm)].map((m) => m[1]));
  const rest = Object.entries(BASE)
    .filter(([key]) => !written.has(key) && !omit.includes(key))
    .map(([, block]) => block);
  return `---\n${[fields, ...rest].filter(Boolean).join('\n')}\n---\n${body}`;
}

export interface CheckOptions {
  /** Path relative to the portfolio folder. */
  file?: string;
  asOf?: PlainDate;
}

/** Checks one file's text (or bytes) as `acme.md`. */
export function check(text: string | Uint8Array, { file = 'acme.md', asOf = AS_OF }: CheckOptions = {}): ClientFile {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  return checkClientFile(bytes, file, file, asOf);
}

/** `line:column severity code: message`: what a reader sees first. */
export const brief = (d: Diagnostic): string => `${d.line}:${d.column} ${d.severity} ${d.code}: ${d.message}`;

/** The diagnostics of one file, briefly. */
export const problems = (text: string | Uint8Array, options?: CheckOptions): string[] => check(text, options).diagnostics.map(brief);

/** The one diagnostic of a file; fails the test when there is not exactly one. */
export function only(text: string | Uint8Array, options?: CheckOptions): Diagnostic {
  const { diagnostics } = check(text, options);
  if (diagnostics.length !== 1) throw new Error(`expected exactly one diagnostic, got:\n${diagnostics.map(brief).join('\n') || '(none)'}`);
  return diagnostics[0]!;
}

/** Validated clients from file texts keyed by file name, as the due report and the site see them. */
export function clientsOf(files: Record<string, string>, asOf: PlainDate = AS_OF): Client[] {
  const checked = Object.entries(files).map(([rel, text]) => check(text, { file: rel, asOf }));
  const portfolio = assemble('/portfolio', { ...DEFAULT_SETTINGS, timeZone: 'UTC' }, asOf, checked);
  const errors = portfolio.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`fixture has errors:\n${errors.map((d) => `${d.file}:${brief(d)}`).join('\n')}`);
  return portfolio.clients;
}

/**
 * Returns a function that writes files (paths relative to the folder, `/`-separated) into a fresh
 * temporary folder and returns its path. The folders are removed after the test file.
 */
export function tempPortfolios(): (files: Record<string, string | Uint8Array>) => Promise<string> {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return async (files) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'clientbook-test-'));
    dirs.push(dir);
    await writeFiles(dir, files);
    return dir;
  };
}

/** Writes files (paths relative to `dir`, `/`-separated) into `dir`, making their folders. */
export async function writeFiles(dir: string, files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(dir, ...rel.split('/'));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
}
