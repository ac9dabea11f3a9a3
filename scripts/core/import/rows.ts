/** The records of a CSV text with the line each starts on, read by csv-parse. */
import { CsvError, parse } from 'csv-parse/sync';

export interface CsvRow {
  /** 1-based line of the file where the record starts. */
  line: number;
  values: string[];
}

export interface CsvTable {
  headers: string[];
  rows: CsvRow[];
  delimiter: string;
}

export class CsvSyntaxError extends Error {
  readonly line: number;
  constructor(message: string, line: number) {
    super(message);
    this.line = line;
  }
}

/** Excel writes `;` where the decimal separator is a comma, and "Unicode text" with tabs: the header line tells. */
export function delimiterOf(text: string): string {
  const first = text.slice(0, text.search(/\r?\n|$/));
  const count = (c: string) => first.split(c).length - 1;
  const [best] = [',', ';', '\t'].sort((a, b) => count(b) - count(a));
  return count(best!) > 0 ? best! : ',';
}

export function readCsv(text: string): CsvTable {
  const delimiter = delimiterOf(text);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter, info: true, relax_column_count: true, skip_empty_lines: false, trim: true }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as unknown as { lines?: number }).lines ?? 1;
      const message =
        error.code === 'CSV_QUOTE_NOT_CLOSED'
          ? 'a field opens a double quote that is never closed'
          : error.code === 'CSV_INVALID_CLOSING_QUOTE'
            ? 'a double quote ends a field in the middle'
            : error.message.replace(/ at line \d+/, '');
      throw new CsvSyntaxError(message, line);
    }
    throw error;
  }
  const [header, ...body] = records;
  const rows: CsvRow[] = [];
  let next = (header?.info.lines ?? 0) + 1;
  for (const { record, info } of body) {
    rows.push({ line: next, values: record });
    next = info.lines + 1;
  }
  return { headers: header?.record ?? [], rows, delimiter };
}
