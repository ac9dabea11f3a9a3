/**
 * `clientbook import FILE.csv`: one client file per row of a spreadsheet export. Every file is made
 * and validated before any is written; an existing client is never written over; nothing is
 * written with --dry-run, or when any row would make a file that does not validate.
 */
import { constants } from 'node:fs';
import { mkdir, open, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { today as todayIn } from '#core/dates';
import { idFor } from '#core/edit/new-client';
import { checkWritable } from '#core/edit/writable';
import { importedClientText, type ImportedClient } from '#core/import/client-text';
import { JOINED, MappingError, mapColumns, type ImportField } from '#core/import/columns';
import { decodeCsv } from '#core/import/decode';
import { CsvSyntaxError, readCsv, type CsvRow } from '#core/import/rows';
import { sinceFrom } from '#core/import/since';
import { checkClientFile } from '#core/validate/client-file';
import { listClientFiles } from '#core/load/walk';
import { CLIENT_TYPES, type ClientType } from '#core/schema/client';
import { loadSettings } from '#core/settings';
import { printable } from '#core/text/printable';
import { UserError } from '../errors.ts';
import { paint, type Io } from '../io.ts';

export interface ImportOptions {
  dir: string;
  /** `COLUMN=field`, repeated. */
  map?: string[];
  /** The type of clients whose row gives none (default basic). */
  type?: string;
  dryRun?: boolean;
}

/** A CSV larger than this is not a client list (a million rows of clients is some 100 MB). */
const MAX_CSV_BYTES = 256 * 2 ** 20;

/** Files shown in full by --dry-run. */
const SHOWN = 3;

interface Planned {
  line: number;
  id: string;
  relPath: string;
  text: string;
  name: string;
}

interface Problem {
  line: number;
  message: string;
  hint?: string;
}

export async function importCsv(io: Io, fileArg: string, options: ImportOptions): Promise<number> {
  const p = paint(io.color);
  const csvPath = path.resolve(io.cwd, fileArg);
  const shownCsv = path.relative(io.cwd, csvPath) || fileArg;
  const defaultType = checkType(options.type);

  let bytes: Uint8Array;
  const hint = 'Export the spreadsheet as CSV (in Excel: File › Save as › CSV UTF-8) and give its path.';
  try {
    // Non-blocking, then checked to be a file: a FIFO or a device (/dev/zero) would never end.
    const handle = await open(csvPath, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const stats = await handle.stat();
      if (stats.isDirectory()) throw Object.assign(new Error('folder'), { code: 'EISDIR' });
      if (!stats.isFile()) throw new UserError(`${printable(shownCsv)} is not a file (a pipe, socket or device), so it was not read.`, { hint });
      if (stats.size > MAX_CSV_BYTES)
        throw new UserError(`${printable(shownCsv)} is ${Math.round(stats.size / 2 ** 20)} MB: more than a spreadsheet export of clients (at most ${MAX_CSV_BYTES / 2 ** 20} MB).`, { hint });
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(`${printable(shownCsv)} ${code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a folder' : `cannot be read (${code})`}.`, { hint });
  }
  const { text, encoding } = decodeCsv(bytes);
  // A NUL is no text a client file can hold (`binary-file`): a spreadsheet's cell never has one, so
  // the file is not CSV text, or is UTF-16 saved without its byte-order mark.
  const nul = text.indexOf('\u0000');
  if (nul >= 0)
    throw new UserError(`${printable(shownCsv)}:${lineAt(text, nul)}: holds a NUL byte, so it is not CSV text. Nothing was written.`, {
      hint: 'Export the spreadsheet as CSV (in Excel: File › Save as › CSV UTF-8), or delete the NUL from the cell, and import again.',
    });
  let table;
  try {
    table = readCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError)
      throw new UserError(`${printable(shownCsv)}:${error.line}: ${error.message}. Nothing was written.`, {
        hint: 'A field with a comma, a quote or a line break must be in double quotes, and a quote inside one doubled (""). Saving the sheet again as CSV from the spreadsheet usually mends it.',
      });
    throw error;
  }
  if (table.headers.every((h) => h === ''))
    throw new UserError(`${printable(shownCsv)} is empty: it has no header line.`, { hint: 'The first line must name the columns, e.g. Company Name,Contact,Email,Phone.' });

  let mapping;
  try {
    mapping = mapColumns(table.headers, options.map ?? []);
  } catch (error) {
    if (error instanceof MappingError) throw new UserError(printable(error.message), { exitCode: 2, hint: printable(error.hint) });
    throw error;
  }
  const nameColumn = mapping.fields.indexOf('name');
  if (nameColumn < 0)
    throw new UserError(`No column of ${printable(shownCsv)} gives the clients' names. Nothing was written.`, {
      hint: `Name the column with --map, e.g. --map "${printable(table.headers[0] ?? 'Company')}=name". The columns are: ${table.headers.map((h) => JSON.stringify(printable(h))).join(', ')}.`,
    });

  const dir = path.resolve(io.cwd, options.dir);
  const shownDir = path.relative(io.cwd, dir) || '.';
  const { settings } = await loadSettings(dir, shownDir);
  const today = todayIn(settings.timeZone);
  const existing = new Map<string, string>();
  for (const rel of await listClientFiles(dir).catch(() => [] as string[])) existing.set(path.posix.basename(rel, '.md'), rel);

  // A guessed "Type" column of a PSA (Customer, Prospect, Vendor...) is not clientbook's type: left out.
  const notes: string[] = [];
  const typeColumn = mapping.fields.indexOf('type');
  if (typeColumn >= 0 && mapping.how[typeColumn] === 'guessed') {
    const foreign = table.rows.map((r) => r.values[typeColumn] ?? '').find((v) => v.trim() !== '' && !typeOf(v));
    if (foreign !== undefined) {
      mapping.fields[typeColumn] = undefined;
      mapping.how[typeColumn] = 'none';
      notes.push(`Column ${JSON.stringify(printable(table.headers[typeColumn]!))} is not imported: values such as ${JSON.stringify(printable(foreign))} are not ${CLIENT_TYPES.join(', ')} (map it with --map "${printable(table.headers[typeColumn]!)}=type" once they are).`);
    }
  }

  const planned: Planned[] = [];
  const problems: Problem[] = [];
  const skippedExisting: string[] = [];
  const skippedNameless: number[] = [];
  const renamed: string[] = [];
  const taken = new Set<string>();
  for (const row of table.rows) {
    if (row.values.every((v) => v.trim() === '')) continue;
    const values = valuesOf(row, mapping.fields);
    if (!values.name) {
      skippedNameless.push(row.line);
      continue;
    }
    let type: ClientType = defaultType;
    if (values.type) {
      const t = typeOf(values.type);
      if (!t) {
        problems.push({ line: row.line, message: `\`${values.type}\` is not a client type.`, hint: `Write ${CLIENT_TYPES.join(', ')}, or leave it empty for --type (default basic).` });
        continue;
      }
      type = t;
    }
    let since: string | undefined;
    if (values.since) {
      since = sinceFrom(values.since, settings.locale);
      if (!since) {
        problems.push({ line: row.line, message: `\`${values.since}\` is not a date clientbook can read as "client since".`, hint: 'Write 2021-03-04 or 2021-03; or leave the column out with --map "COLUMN=ignore".' });
        continue;
      }
    }
    const contact = values.contact || [values['contact-first'], values['contact-last']].filter(Boolean).join(' ') || undefined;
    const base = idFor(values.name) || `client-line-${row.line}`;
    if (existing.has(base)) {
      skippedExisting.push(`line ${row.line}: ${values.name} (${path.posix.join(shownDir, existing.get(base)!)} exists)`);
      continue;
    }
    let id = base;
    for (let n = 2; taken.has(id) || existing.has(id); n++) id = `${base}-${n}`;
    if (id !== base) renamed.push(`line ${row.line}: ${values.name} is ${id} (${base} is an earlier row)`);
    taken.add(id);
    const client: ImportedClient = {
      name: values.name,
      type,
      ...(contact ? { contact } : {}),
      ...(values.email ? { email: values.email } : {}),
      ...(values.phone ? { phone: values.phone } : {}),
      ...(since ? { since } : {}),
      ...(values.location ? { location: values.location } : {}),
      ...(values.notes ? { notes: values.notes } : {}),
    };
    const relPath = `${id}.md`;
    const fileText = importedClientText(client, { file: path.basename(csvPath), line: row.line }, today);
    const shownFile = path.posix.join(shownDir, relPath);
    const checked = checkClientFile(new TextEncoder().encode(fileText), relPath, shownFile, today);
    for (const d of checked.diagnostics.filter((x) => x.severity === 'error'))
      problems.push({ line: row.line, message: `${values.name}: ${d.message} [${d.code}]`, ...(d.hint ? { hint: d.hint } : {}) });
    planned.push({ line: row.line, id, relPath, text: fileText, name: values.name });
  }

  // What was read and how: always on --dry-run, and before problems.
  const out = (s: string) => io.stdout(s);
  if (options.dryRun) {
    out(`${printable(shownCsv)}: ${table.rows.length} ${table.rows.length === 1 ? 'row' : 'rows'} (${encoding}, ${table.delimiter === '\t' ? 'tab' : JSON.stringify(table.delimiter)}-separated). Columns:\n`);
    table.headers.forEach((h, i) => {
      const field = mapping.fields[i];
      out(`  ${JSON.stringify(printable(h))} -> ${field ? `${field}${mapping.how[i] === 'given' ? ' (--map)' : ''}` : 'not imported'}\n`);
    });
  }
  for (const note of notes) out(`${p.yellow('note')}: ${note}\n`);

  if (problems.length > 0) {
    for (const problem of problems.sort((a, b) => a.line - b.line))
      io.stderr(`${printable(shownCsv)}:${problem.line}: ${p.red('error')}: ${printable(problem.message)}\n${problem.hint ? `  ${p.cyan('hint')}: ${printable(problem.hint, { newlines: true })}\n` : ''}`);
    throw new UserError(`${problems.length} ${problems.length === 1 ? 'row' : 'rows'} of ${printable(shownCsv)} would not make a valid client file, so nothing was written.`, {
      hint: 'Correct those rows in the spreadsheet (or map the columns otherwise with --map), export it again and import again.',
    });
  }

  const report = () => {
    for (const line of skippedNameless) out(`${p.yellow('skipped')} line ${line}: no name\n`);
    for (const s of skippedExisting) out(`${p.yellow('skipped')} ${printable(s)}: an existing client is never written over\n`);
    for (const r of renamed) out(`${p.yellow('note')}: ${printable(r)}\n`);
  };

  if (options.dryRun) {
    for (const file of planned.slice(0, SHOWN)) out(`\n--- ${path.posix.join(shownDir, file.relPath)} (line ${file.line}) ---\n${printable(file.text, { newlines: true })}`);
    if (planned.length > SHOWN) out(`\n... and ${planned.length - SHOWN} more.\n`);
    out('\n');
    report();
    out(`Would write ${planned.length} client ${planned.length === 1 ? 'file' : 'files'} to ${shownDir}/. Nothing was written (--dry-run).\n`);
    return 0;
  }

  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new UserError(`The portfolio folder ${printable(shownDir)} cannot be made (${(error as NodeJS.ErrnoException).code ?? String(error)}). Nothing was written.`, {
      hint: 'Give --dir a folder, new or existing, e.g. --dir clients.',
    });
  }
  // A folder made read-only is refused as by `new` and the edits (judged by its mode bits: root writes anything).
  if (planned.length > 0) await checkWritable(path.join(dir, planned[0]!.relPath), path.posix.join(shownDir, planned[0]!.relPath), { exists: false });
  let written = 0;
  for (const file of planned) {
    try {
      // `wx`: a file that appeared since the folder was read is not written over either.
      await writeFile(path.join(dir, file.relPath), file.text, { flag: 'wx' });
      written++;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') {
        report();
        throw new UserError(`${path.posix.join(shownDir, file.relPath)} could not be written (${code ?? String(error)}); ${written} of ${planned.length} client files were written before it.`, {
          hint: 'Make the folder writable, then import again: the files already written are skipped as existing clients.',
        });
      }
      skippedExisting.push(`line ${file.line}: ${file.name} (${path.posix.join(shownDir, file.relPath)} exists)`);
    }
  }
  report();
  out(
    `${p.green('Imported')} ${written} ${written === 1 ? 'client' : 'clients'} from ${printable(shownCsv)} into ${shownDir}/.\n` +
      (written > 0 ? '  Each needs a contact (where the sheet had none), a next action and its growth outlook: `npx clientbook validate` lists what is missing.\n' : ''),
  );
  return 0;
}

/** 1-based line of a text offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function checkType(type: string | undefined): ClientType {
  if (type === undefined) return 'basic';
  const t = typeOf(type);
  if (!t) throw new UserError(`--type ${printable(type)} is not a client type.`, { exitCode: 2, hint: `Use ${CLIENT_TYPES.join(', ')}.` });
  return t;
}

/** `Break Fix`, `break/fix`, `Strategic` -> the type; anything else undefined. */
function typeOf(value: string): ClientType | undefined {
  const v = value.trim().toLowerCase().replace(/[\s/_]+/g, '-');
  return (CLIENT_TYPES as readonly string[]).includes(v) ? (v as ClientType) : undefined;
}

/** A row's value of each field: single-line fields on one line, joined fields joined. */
function valuesOf(row: CsvRow, fields: readonly (ImportField | undefined)[]): Partial<Record<ImportField, string>> {
  const values: Partial<Record<ImportField, string>> = {};
  fields.forEach((field, i) => {
    if (!field) return;
    const raw = (row.values[i] ?? '').trim();
    if (raw === '') return;
    const joiner = JOINED[field];
    const value = field === 'notes' ? raw : raw.replace(/\s+/g, ' ');
    if (joiner !== undefined) values[field] = values[field] ? `${values[field]}${joiner}${value}` : value;
    else values[field] ??= value;
  });
  return values;
}

