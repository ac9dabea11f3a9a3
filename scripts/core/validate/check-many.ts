/**
 * Checking a whole portfolio on every core. Each file is checked alone (cross-file rules come after,
 * on the main thread), so the files can be shared out: the main thread and a few worker threads take
 * the next batch from one shared counter until none is left, which keeps every thread busy however
 * late a worker starts. The result is the same list, in the same order, as checking the files one
 * after the other; below 1,500 files, that is what is done, because starting a worker would cost
 * more than it saves (docs/performance.md, "Thresholds in the code"). A worker that
 * fails leaves its files to the main thread: the result never depends on the workers.
 *
 * A worker's files cross to the main thread as plain data (structured clone), which cannot carry the
 * schema's PlainDates: a worker sends the checked raw value instead, and the main thread runs it
 * through the schema again, which for a valid value is a small part of the work.
 */
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { parseDate, type PlainDate } from '../dates.ts';
import { clientSchema, type ClientData } from '../schema/client.ts';
import { checkClientFile, idOf, lean, type ClientFile } from './client-file.ts';
import { readPortfolioFileSync, type FileProblem } from '../load/read-file.ts';

export interface CheckManyOptions {
  dir: string;
  relPaths: readonly string[];
  /** The path shown in diagnostics for a file's path relative to `dir`. */
  display: (rel: string) => string;
  asOf: PlainDate;
  /** Keep only what validation reports (see `LoadOptions.diagnosticsOnly`). */
  diagnosticsOnly: boolean;
  /** Worker threads to use at most; default: one per core but the main thread's, at most 3. */
  workers?: number;
  /** Fewest files worth starting a worker for. */
  parallelFrom?: number;
  /** The worker's module (tests: one that fails). */
  workerModule?: URL;
}

/** Files taken at a time from the shared counter. */
const BATCH = 16;
/** Each thread warms up its own compiled code, so a worker pays off only from here (docs/performance.md). */
const PARALLEL_FROM = 1500;

/** What the sequential load keeps of a checked file. */
export function keepOf(file: ClientFile, diagnosticsOnly: boolean): ClientFile {
  if (!diagnosticsOnly) return lean(file);
  const { id, relPath, yamlStart, bodyLine, diagnostics, referredBy } = file;
  return { id, file: file.file, relPath, yamlStart, extensions: {}, body: '', bodyLine, diagnostics, ...(referredBy ? { referredBy } : {}) };
}

function checkOne(dir: string, rel: string, display: string, asOf: PlainDate, diagnosticsOnly: boolean): ClientFile {
  return keepOf(checkFileAt(dir, rel, display, asOf), diagnosticsOnly);
}

/**
 * Reads and checks one file; a file that cannot be read (or is a link, a FIFO, a device) is one error,
 * located at its first line, and is never followed or opened (see `read-file.ts`).
 */
export function checkFileAt(dir: string, rel: string, display: string, asOf: PlainDate): ClientFile {
  const read = readPortfolioFileSync(path.join(dir, rel)) ?? { problem: GONE };
  return read.bytes ? checkClientFile(read.bytes, rel, display, asOf) : unreadableFile(rel, display, read.problem);
}

/** A file listed and then gone before it was read. */
export const GONE: FileProblem = { code: 'unreadable-file', message: 'The file was deleted while it was being read.', hint: 'Run the command again.' };

/** A client file that cannot be read: one error at its first line, no data. */
export function unreadableFile(rel: string, display: string, problem: FileProblem): ClientFile {
  const id = idOf(rel);
  const diagnostic = { file: display, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error' as const, ...problem };
  return { id, file: display, relPath: rel, yamlStart: 0, extensions: {}, body: '', bodyLine: 1, diagnostics: [diagnostic] };
}

export async function checkMany(options: CheckManyOptions): Promise<ClientFile[]> {
  const { dir, relPaths, display, asOf, diagnosticsOnly } = options;
  const threads = Math.min(options.workers ?? Math.min(os.availableParallelism() - 1, 3), Math.floor(relPaths.length / BATCH));
  if (threads < 1 || relPaths.length < (options.parallelFrom ?? PARALLEL_FROM)) {
    return relPaths.map((rel) => checkOne(dir, rel, display(rel), asOf, diagnosticsOnly));
  }

  const results = new Array<ClientFile | undefined>(relPaths.length);
  const next = new Int32Array(new SharedArrayBuffer(4));
  const displays = relPaths.map(display);
  const job: WorkerJob = { dir, relPaths: [...relPaths], displays, asOf: asOf.toString(), diagnosticsOnly, next, batch: BATCH };
  const workers: Worker[] = [];
  const finished: Promise<void>[] = [];
  for (let i = 0; i < threads; i++) {
    let worker: Worker;
    try {
      worker = new Worker(options.workerModule ?? WORKER_URL, { workerData: job });
    } catch {
      break; // No worker to be had: the main thread checks what is left.
    }
    workers.push(worker);
    finished.push(
      new Promise<void>((resolve, reject) => {
        worker.on('message', (message: WorkerMessage) => {
          if (message.type === 'done') return resolve();
          for (const [index, sent] of message.files) results[index] = received(sent, diagnosticsOnly);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a worker checking client files stopped (exit code ${code})`))));
      }),
    );
  }
  try {
    // The main thread takes its share meanwhile, batch by batch from the same counter.
    for (let start = Atomics.add(next, 0, BATCH); start < relPaths.length; start = Atomics.add(next, 0, BATCH)) {
      for (let i = start; i < Math.min(start + BATCH, relPaths.length); i++) results[i] = checkOne(dir, relPaths[i]!, displays[i]!, asOf, diagnosticsOnly);
    }
    await Promise.allSettled(finished);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  // Whatever a failed worker took and never sent back.
  for (let i = 0; i < relPaths.length; i++) results[i] ??= checkOne(dir, relPaths[i]!, displays[i]!, asOf, diagnosticsOnly);
  return results as ClientFile[];
}

/** A file as a worker sends it: no PlainDates, the checked raw value in their place. */
type SentFile = Omit<ClientFile, 'data'> & { checked?: Record<string, unknown> };

export interface WorkerJob {
  dir: string;
  relPaths: string[];
  displays: string[];
  asOf: string;
  diagnosticsOnly: boolean;
  next: Int32Array;
  batch: number;
}

export type WorkerMessage = { type: 'files'; files: [number, SentFile][] } | { type: 'done' };

function received(sent: SentFile, diagnosticsOnly: boolean): ClientFile {
  const { checked, ...file } = sent;
  if (diagnosticsOnly || !checked) return file;
  // It passed the schema in the worker; it passes again here, now with PlainDates.
  return { ...file, data: clientSchema.parse(checked) as ClientData };
}

/** The worker's side: check batches until the counter passes the end, sending each batch's files. */
export function runWorker(job: WorkerJob, post: (message: WorkerMessage) => void): void {
  const asOf = parseDate(job.asOf)!;
  const total = job.relPaths.length;
  for (let start = Atomics.add(job.next, 0, job.batch); start < total; start = Atomics.add(job.next, 0, job.batch)) {
    const files: [number, SentFile][] = [];
    for (let i = start; i < Math.min(start + job.batch, total); i++) {
      const file = checkFileAt(job.dir, job.relPaths[i]!, job.displays[i]!, asOf);
      const { data, ...kept } = keepOf(file, job.diagnosticsOnly);
      files.push([i, job.diagnosticsOnly || !data ? kept : { ...kept, checked: file.clean }]);
    }
    post({ type: 'files', files });
  }
  post({ type: 'done' });
}

/** The worker module: beside this one, as TypeScript in the sources or as JavaScript in the CLI's bundle. */
const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './check-worker.ts' : './check-worker.js', import.meta.url);
