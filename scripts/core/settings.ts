/**
 * Portfolio settings: one validated place, read by the CLI and the site alike. They live in
 * `clientbook.yaml` inside the portfolio folder, so a portfolio carries its own time zone and
 * currency wherever it is opened. Every key is optional.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isScalar, type Document } from 'yaml';
import { z } from 'zod';
import { isValidTimeZone, systemTimeZone } from './dates.ts';
import { declaredFormat, FORMAT_VERSION, isNewerThanSupported, parseFormatVersion } from './format-version.ts';
import { compareDiagnostics, DiagnosticSink, type Diagnostic } from './diagnostics.ts';
import { ClientbookError } from './errors.ts';
import { firstError, readPortfolioText } from './load/read-text.ts';
import { issueParams, text, whole, type ValueIssueParams } from './schema/values.ts';
import { checkYaml } from './validate/check-yaml.ts';
import { checkSecrets } from './validate/secrets.ts';
import { clientbookVersion } from './version.ts';

export const SETTINGS_FILE = 'clientbook.yaml';

/**
 * A well-formed ISO 4217 code. (Intl.NumberFormat accepts every well-formed code, known or not, so
 * asking it added nothing but the time ICU takes to load its number data: docs/performance.md.)
 */
/** A code of a currency in use (`CDA`, a typo of CAD, is three capitals too; the site would print it as the symbol). */
const isCurrency = (code: string) => /^[A-Z]{3}$/.test(code) && currencies().has(code);
let known: Set<string> | undefined;
// ISO 4217 codes that Node's ICU does not list: funds, precious metals, testing and "no currency" (XXX).
const ISO_ONLY = ['BOV', 'CHE', 'CHW', 'CLF', 'COU', 'MXV', 'USN', 'UYI', 'UYW', 'VED', 'XAG', 'XAU', 'XBA', 'XBB', 'XBC', 'XBD', 'XPD', 'XPT', 'XTS', 'XUA', 'XXX'];
const currencies = () => (known ??= new Set([...Intl.supportedValuesOf('currency'), ...ISO_ONLY]));

const isLocale = (tag: string) => {
  // BCP 47 allows a language of five to eight letters ("registered"), which no locale uses: that is
  // a name such as `english`, which the site would silently format as its default locale.
  if (!/^[A-Za-z]{2,3}(?:-|$)/.test(tag)) return false;
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
};

/** A refinement whose issue says, for the value written, what to write instead. */
const checked =
  (ok: (value: string) => boolean, params: (value: string) => ValueIssueParams) =>
  (value: string, ctx: z.core.$RefinementCtx<string>) => {
    if (!ok(value)) ctx.addIssue({ code: 'custom', message: 'invalid', input: value, params: params(value) });
  };

export const settingsSchema = z.object({
  /** The version of the client file format the book is written in (`1.1`); a newer one than this clientbook reads is reported as such (format-version.ts). */
  format: z
    .union([z.string(), z.number()])
    .refine((v) => parseFormatVersion(v) !== undefined, {
      params: issueParams({ code: 'bad-format-version', expected: 'a format version', example: FORMAT_VERSION, hint: `Write the version as major.minor, e.g. format: ${FORMAT_VERSION}.` }),
    })
    .optional(),
  /** The site's title. */
  title: text('Northern Lights IT').default('Client book'),
  /** IANA time zone in which "today" is reckoned; default: this computer's. */
  time_zone: text('America/Whitehorse')
    .refine(isValidTimeZone, { params: issueParams({ code: 'bad-time-zone', expected: 'a time zone', example: 'America/Whitehorse', hint: 'Use an IANA time zone name such as America/Whitehorse, Europe/Berlin or UTC.' }) })
    .optional(),
  /** ISO 4217 currency code of every `cost`. */
  currency: text('CAD')
    .superRefine(
      checked(isCurrency, (code) => ({
        code: 'bad-currency', expected: 'a currency code', example: 'CAD',
        hint: isCurrency(code.toUpperCase()) ? `Write the code in capitals: \`currency: ${code.toUpperCase()}\`.` : 'Use a three-letter ISO 4217 code such as CAD, USD or EUR.',
      })),
    )
    .default('USD'),
  /** Days ahead that count as upcoming. */
  due_window: whole(1, 366, '30').default(30),
  /** Days before its due date an asset's expiry or replacement shows as upcoming (when longer than the window); default: the window. */
  asset_notice: whole(1, 366, '60').optional(),
  /** Language and region for numbers, money and dates on the site. */
  locale: text('en-CA')
    .superRefine(
      checked(isLocale, (tag) => ({
        code: 'bad-locale', expected: 'a locale', example: 'en-CA',
        // \`en_CA\` is how the operating system writes it (LANG=en_CA.UTF-8).
        hint: /^[a-z]{2,3}_[A-Za-z]{2}$/.test(tag) && isLocale(tag.replace('_', '-')) ? `Write a hyphen, not an underscore: \`locale: ${tag.replace('_', '-')}\`.` : 'Use a BCP 47 language tag such as en-CA, en-US or de-DE.',
      })),
    )
    .default('en-US'),
  /** Months without a change to a client file before the health report mentions it. */
  stale_months: whole(1, 120, '6').default(6),
});

type SettingsData = z.output<typeof settingsSchema>;
type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;

/**
 * The settings as the code reads them: the schema's keys in camelCase, with the schema's defaults,
 * and always a time zone. `format` is checked when the file is read (format-version.ts), not kept.
 */
export type Settings = { [K in keyof SettingsData as K extends 'format' ? never : CamelCase<K>]: SettingsData[K] } & { timeZone: string };

let systemZone: string | undefined;

function toSettings(data: SettingsData): Settings {
  return {
    title: data.title,
    // Asked for only when a portfolio names no time zone: finding the system's costs every command
    // start tens of milliseconds.
    get timeZone() {
      return data.time_zone ?? (systemZone ??= systemTimeZone());
    },
    currency: data.currency,
    dueWindow: data.due_window,
    assetNotice: data.asset_notice,
    locale: data.locale,
    staleMonths: data.stale_months,
  };
}

/** The settings of a portfolio without `clientbook.yaml`: the schema's defaults, written there once. */
export const DEFAULT_SETTINGS: Settings = toSettings(settingsSchema.parse({}, { jitless: true }));

/**
 * Reads `<dir>/clientbook.yaml` if there is one; problems are diagnostics, located like a client
 * file's. A settings file that is there but cannot be used (no read permission, a folder of that
 * name, a link, a FIFO, not UTF-8, a NUL byte, invalid values) is an error, never silently replaced
 * by the defaults: the defaults stand in only so that the rest can still be checked.
 */
export async function loadSettings(dir: string, displayDir: string): Promise<{ settings: Settings; diagnostics: Diagnostic[] }> {
  const file = path.join(dir, SETTINGS_FILE);
  const display = path.posix.join(displayDir, SETTINGS_FILE);
  const read = await readPortfolioText(file, display, 'The settings file');
  if (read.missing) return { settings: { ...DEFAULT_SETTINGS }, diagnostics: await misnamedSettings(dir, displayDir) };
  if (!read.source) {
    const hintFor = (code: string) =>
      code === 'symbolic-link' || code === 'not-a-file'
        ? `Put a regular file named ${SETTINGS_FILE} here${code === 'symbolic-link' ? ' in place of the link (move or copy the settings into the portfolio)' : ''}, or remove it to use the defaults.`
        : code === 'binary-file'
          ? `The settings are YAML text: save ${SETTINGS_FILE} as UTF-8 text, without NUL bytes.`
          : undefined;
    const diagnostics = read.diagnostics.map((d) => ({ ...d, hint: hintFor(d.code) ?? d.hint }));
    return { settings: { ...DEFAULT_SETTINGS }, diagnostics };
  }
  const text = read.source.text;
  const sink = new DiagnosticSink(display, read.source.index);
  // Validated like a client file (DESIGN.md), and shared through git like one: no secrets either.
  checkSecrets(read.source.index, sink);
  if (text.trim() === '') return { settings: { ...DEFAULT_SETTINGS }, diagnostics: [] };
  const { data, parsed } = checkYaml(text, 0, settingsSchema, sink, 'settings file', undefined, {
    emptyIsMapping: true,
    example: 'title: Northern Lights IT\ntime_zone: America/Whitehorse',
  });
  const tooNew = parsed && formatTooNew(parsed.doc, sink);
  if (tooNew) return { settings: { ...DEFAULT_SETTINGS }, diagnostics: [tooNew] };
  const settings: Settings = data ? toSettings(data) : { ...DEFAULT_SETTINGS };
  return { settings, diagnostics: sink.items.sort(compareDiagnostics) };
}

/** Names a user may give the settings file that clientbook does not read. */
const OTHER_NAMES = ['clientbook.yml', 'Clientbook.yaml', 'clientbook.YAML', 'clientbook.yaml.txt'];

/**
 * With no `clientbook.yaml`, a settings file under a near name is an error: its settings would
 * otherwise be silently replaced by the defaults.
 */
async function misnamedSettings(dir: string, displayDir: string): Promise<Diagnostic[]> {
  const names = new Set(await readdir(dir).catch(() => [] as string[]));
  const found = OTHER_NAMES.find((name) => names.has(name));
  if (!found) return [];
  return [
    {
      file: path.posix.join(displayDir, found),
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
      severity: 'error',
      code: 'misnamed-settings',
      message: `The settings file is named ${found}: clientbook reads ${SETTINGS_FILE} only, so these settings are not used.`,
      hint: `Rename it to ${SETTINGS_FILE} (e.g. \`git mv ${path.posix.join(displayDir, found)} ${path.posix.join(displayDir, SETTINGS_FILE)}\`).`,
    },
  ];
}

/**
 * The one error for a book written in a newer format than this clientbook reads: its other
 * problems (keys this version does not know yet) are not problems of the book.
 */
function formatTooNew(doc: Document, sink: DiagnosticSink): Diagnostic | undefined {
  const declared = declaredFormat(doc);
  const version = declared && parseFormatVersion(declared.text);
  if (!declared || !version || !isNewerThanSupported(version)) return undefined;
  const pair = isMap(doc.contents) ? doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'format') : undefined;
  const range = isScalar(pair?.value) ? pair.value.range : undefined;
  const scratch = new DiagnosticSink(sink.file, sink.index);
  scratch.add({
    start: range?.[0] ?? 0,
    end: range?.[1] ?? 0,
    code: 'format-too-new',
    message: `This book is written in format ${declared.text}, and this clientbook (${clientbookVersion()}) reads format ${FORMAT_VERSION} and earlier.`,
    hint: 'Upgrade clientbook in the book\'s folder: `npm install clientbook@latest` (its version is pinned in package.json), then run the command again.',
  });
  return scratch.items[0];
}

/**
 * The settings' first error as one line (`clients/clientbook.yaml:3:12: ...`) with its hint, for the
 * commands that refuse to work rather than print diagnostics (the edits, `diff`); undefined when the
 * settings have no error.
 */
export const settingsFailure = (diagnostics: readonly Diagnostic[]) => firstError(diagnostics);

/** Settings that are there but cannot be used, for commands that refuse rather than report (`diff`). */
export class SettingsError extends ClientbookError {
  constructor(failure: { message: string; hint?: string }) {
    super('failed', failure.message, { hint: failure.hint });
    this.name = 'SettingsError';
  }
}
