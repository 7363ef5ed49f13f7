/**
 * Writes a whole SuiteQL result to CSV, JSON, XLSX or a Markdown table while rows stream in, with bounded memory.
 * Atomic: rows go to a temporary file beside the target, renamed over it only when the export completed, so the
 * target is never touched by a failed, cancelled or empty-because-broken export. Every write error ends the export at
 * once with a message naming the cause (permission, folder gone, disk full), and the temporary files are removed.
 * Files are written through promise-based handles, not streams: a stream's 'error' nobody listens to would reach the
 * extension host as an uncaught exception, and one waiting for 'close' could wait forever.
 * CSV, XLSX and Markdown need every column up front, but NetSuite omits NULL columns row by row, so they are written
 * in two passes: rows are spooled as JSON lines while the column set (and, for XLSX, each column's type) is
 * collected, then converted with the full header.
 */
import { stringify } from 'csv-stringify/sync';
import { randomBytes } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { markdownHeader, markdownRow } from '../../protocol/markdownTable';
import type { Cell } from '../../protocol/rows';
import { isNumberText } from './numberText';
import { ColumnTypeTally, collectColumns, type SuiteQLItem } from './resultFormat';
import type * as XlsxSheet from './xlsxSheet';

export type ExportFormat = 'csv' | 'json' | 'xlsx' | 'markdown';

/** The file name extension of each format. */
export const exportExtension: Record<ExportFormat, string> = { csv: 'csv', json: 'json', xlsx: 'xlsx', markdown: 'md' };

/** The XLSX writer module (dist/xlsxWriter.js in the extension, required on first use; the source in tests). */
export type XlsxWriterModule = Pick<typeof XlsxSheet, 'writeXlsxSheet' | 'dayFirstColumn'>;

export interface ExportOptions {
  signal?: AbortSignal;
  onProgress?: (rowsWritten: number) => void;
  /**
   * Opens each temporary file (default: create it, failing if it exists). Tests hand in `/dev/full` here to meet a
   * real full disk, which no folder on a test machine can be made into.
   */
  openFile?: (path: string) => Promise<FileHandle>;
  /** The columns the query's SELECT list names: a CSV keeps a column NULL in every row, which no row mentions. */
  columns?: readonly string[];
  /** Needed for XLSX only. */
  xlsx?: XlsxWriterModule;
  /**
   * CSV only (default true, setting `suitelens.export.csvFormulaGuard`): text a spreadsheet would run as a formula
   * gets a leading `'` (see `guardedCsvCell`).
   */
  csvFormulaGuard?: boolean;
}

/**
 * A CSV cell as a spreadsheet will not run it: text starting with `=`, `+`, `-`, `@`, a tab or a carriage return
 * is what Excel, LibreOffice and Sheets read as a formula (CSV injection), so it gets a leading `'`, which they show as
 * text (OWASP, "CSV Injection"). A plain number such as `-5` stays as it is, so it is still a number.
 */
export function guardedCsvCell(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) && !isNumberText(cell) ? `'${cell}` : cell;
}

export interface ExportSummary {
  rows: number;
  columns: string[];
  path: string;
}

/** An export that could not be written; the message says why and that the target was left as it was. */
export class ExportWriteError extends Error {
  override readonly name = 'ExportWriteError';
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** What a file-system error means for the person exporting, by its code. */
export function describeWriteError(error: unknown, target: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const folder = dirname(target);
  const name = basename(target);
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `Permission denied: SuiteLens may not write in ${folder}. Choose a folder you can write to.`;
    case 'ENOENT':
      return `The folder ${folder} does not exist (any more): was it deleted, renamed or unmounted? Choose another folder.`;
    case 'ENOTDIR':
      return `${folder} is not a folder (part of the path is a file). Choose another folder.`;
    case 'ENOSPC':
      return `The disk holding ${folder} is full. Free some space or choose another disk.`;
    case 'EDQUOT':
      return `Your disk quota on ${folder} is used up. Free some space or choose another folder.`;
    case 'EROFS':
      return `${folder} is on a read-only file system. Choose another folder.`;
    case 'EISDIR':
      return `${name} is a folder, not a file. Choose a file name.`;
    case 'EMFILE':
    case 'ENFILE':
      return 'Too many files are open; close some programs and export again.';
    case undefined:
    default:
      return `Could not write ${name}: ${(error as Error | undefined)?.message ?? String(error)}`;
  }
}

/** What the person is told: the export ends at the first error, and the target, written only by the final rename, is as it was. */
export function exportFailedMessage(fileName: string, error: unknown): string {
  return `Export to ${fileName} failed: ${error instanceof Error ? error.message : String(error)} ${fileName} was not changed.`;
}

/**
 * What the person is told when the rows are written: a plain count only when the run was complete; otherwise the run's
 * notice (NetSuite's cap, or pages that disagreed) says what may be missing, and the message is a warning.
 */
export function exportDoneMessage(rows: number, fileName: string, run: { truncated: boolean; notice?: string }): { text: string; complete: boolean } {
  const written = `Exported ${rows.toLocaleString('en-US')} rows to ${fileName}.`;
  if (!run.truncated) return { text: written, complete: true };
  return { text: `${written} Not every row of the query is in it: ${run.notice ?? 'NetSuite stopped sending rows before the end of the result.'}`, complete: false };
}

class BufferedFile {
  private pending = '';
  private constructor(private readonly handle: FileHandle) {}

  static async create(path: string, openFile: (path: string) => Promise<FileHandle>): Promise<BufferedFile> {
    return new BufferedFile(await openFile(path));
  }

  async write(text: string): Promise<void> {
    this.pending += text;
    if (this.pending.length >= 64 * 1024) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pending === '') return;
    const text = this.pending;
    this.pending = '';
    await this.handle.write(text, null, 'utf8');
  }

  /** Flushes and syncs, so a full disk is reported now rather than after the rename. */
  async finish(): Promise<void> {
    await this.flush();
    await this.handle.sync();
  }

  async close(): Promise<void> {
    await this.handle.close().catch(() => undefined);
  }
}

/** Rejects as soon as the signal aborts, even when the row source does not listen to it. */
function abortRace(signal: AbortSignal | undefined): { race<T>(promise: Promise<T>): Promise<T>; dispose(): void } {
  if (!signal) return { race: (promise) => promise, dispose: () => undefined };
  let onAbort = (): void => undefined;
  const aborted = new Promise<never>((_resolve, reject) => {
    onAbort = () => reject(signal.reason instanceof Error ? signal.reason : new Error('The export was cancelled.'));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  aborted.catch(() => undefined);
  return { race: (promise) => Promise.race([promise, aborted]), dispose: () => signal.removeEventListener('abort', onAbort) };
}

async function* rowsOf(rows: AsyncIterable<SuiteQLItem>, signal: AbortSignal | undefined): AsyncGenerator<SuiteQLItem> {
  const iterator = rows[Symbol.asyncIterator]();
  const abort = abortRace(signal);
  try {
    for (;;) {
      signal?.throwIfAborted();
      const next = await abort.race(iterator.next());
      if (next.done) return;
      const item: unknown = next.value;
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        throw new ExportWriteError(`The answer was not rows of a query result (got ${Array.isArray(item) ? 'a list' : typeof item}); nothing was exported.`);
      }
      yield withoutLinks(item as SuiteQLItem);
    }
  } finally {
    abort.dispose();
    void iterator.return?.()?.catch(() => undefined);
  }
}

function withoutLinks(item: SuiteQLItem): SuiteQLItem {
  if (!('links' in item)) return item;
  const { links: _links, ...rest } = item;
  return rest;
}

export async function exportRows(rows: AsyncIterable<SuiteQLItem>, path: string, format: ExportFormat, options: ExportOptions = {}): Promise<ExportSummary> {
  const temporary = `${path}.${randomBytes(4).toString('hex')}.partial`;
  const spool = `${temporary}.rows.jsonl`;
  try {
    if (format === 'xlsx' && !options.xlsx) throw new ExportWriteError('The XLSX writer is not available; nothing was exported.');
    const summary =
      format === 'json' ? await writeJson(rowsOf(rows, options.signal), temporary, options) : await writeSpooled(rowsOf(rows, options.signal), temporary, spool, format, options);
    options.signal?.throwIfAborted();
    await fileStep(() => rename(temporary, path), path);
    return { ...summary, path };
  } finally {
    await rm(temporary, { force: true }).catch(() => undefined);
    await rm(spool, { force: true }).catch(() => undefined);
  }
}

/** Runs a file-system step, turning its error into one that says what it means. */
async function fileStep<T>(step: () => Promise<T>, target: string): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof ExportWriteError || (error as Error).name === 'AbortError') throw error;
    if (isFileSystemError(error)) throw new ExportWriteError(describeWriteError(error, target), error.code);
    throw error; // the row source's own error (NetSuite's, say) is already specific
  }
}

/** Node's file-system errors carry a syscall; NetSuite's errors have codes too, so the code alone does not tell. */
function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}

const createNew = (path: string): Promise<FileHandle> => open(path, 'wx');

async function withFile<T>(file: string, target: string, options: ExportOptions, body: (out: BufferedFile) => Promise<T>): Promise<T> {
  const out = await fileStep(() => BufferedFile.create(file, options.openFile ?? createNew), target);
  try {
    const result = await fileStep(() => body(out), target);
    await fileStep(() => out.finish(), target);
    return result;
  } finally {
    await out.close();
  }
}

async function writeJson(rows: AsyncIterable<SuiteQLItem>, file: string, options: ExportOptions): Promise<{ rows: number; columns: string[] }> {
  let count = 0;
  let columns: string[] = [...(options.columns ?? [])];
  await withFile(file, targetOf(file), options, async (out) => {
    await out.write('[');
    for await (const item of rows) {
      columns = collectColumns([item], columns);
      await out.write(`${count === 0 ? '\n' : ',\n'}  ${JSON.stringify(item)}`);
      count++;
      if (count % 1000 === 0) options.onProgress?.(count);
    }
    await out.write(count === 0 ? ']\n' : '\n]\n');
  });
  options.onProgress?.(count);
  return { rows: count, columns };
}

interface SpoolSummary {
  rows: number;
  columns: string[];
  /** Per column: its type, and for slashed dates whether the day comes first (21/11/2026). */
  types: ReturnType<ColumnTypeTally['type']>[];
  dayFirst: boolean[];
}

/** First pass: every row as a JSON line in the spool, collecting the columns and their types on the way. */
async function spoolRows(rows: AsyncIterable<SuiteQLItem>, spool: string, target: string, options: ExportOptions): Promise<SpoolSummary> {
  let count = 0;
  let columns: string[] = [...(options.columns ?? [])];
  const tallies = new Map<string, ColumnTypeTally>();
  const dayFirst = new Set<string>();
  await withFile(spool, target, options, async (out) => {
    for await (const item of rows) {
      columns = collectColumns([item], columns);
      for (const [name, value] of Object.entries(item)) {
        const text = value === undefined || value === null ? null : String(value);
        let tally = tallies.get(name);
        if (!tally) tallies.set(name, (tally = new ColumnTypeTally()));
        tally.add(text);
        if (text !== null && !dayFirst.has(name) && options.xlsx?.dayFirstColumn([text])) dayFirst.add(name);
      }
      await out.write(`${JSON.stringify(item)}\n`);
      count++;
      if (count % 1000 === 0) options.onProgress?.(count);
    }
  });
  return { rows: count, columns, types: columns.map((name) => tallies.get(name)?.type() ?? 'string'), dayFirst: columns.map((name) => dayFirst.has(name)) };
}

/** The spooled rows again, as cells aligned with the full column list. */
async function* spooledCells(spool: string, columns: readonly string[], signal: AbortSignal | undefined): AsyncGenerator<Cell[]> {
  const input = await open(spool, 'r');
  try {
    for await (const line of input.readLines({ encoding: 'utf8' })) {
      signal?.throwIfAborted();
      if (line === '') continue;
      const item = JSON.parse(line) as SuiteQLItem;
      yield columns.map((name) => (item[name] === undefined || item[name] === null ? null : String(item[name])));
    }
  } finally {
    await input.close().catch(() => undefined);
  }
}

async function writeSpooled(rows: AsyncIterable<SuiteQLItem>, file: string, spool: string, format: 'csv' | 'xlsx' | 'markdown', options: ExportOptions): Promise<{ rows: number; columns: string[] }> {
  const target = targetOf(file);
  const spooled = await spoolRows(rows, spool, target, options);
  const { columns } = spooled;
  options.signal?.throwIfAborted();
  if (format === 'xlsx') {
    const handle = await fileStep(() => (options.openFile ?? createNew)(file), target);
    try {
      const sheetColumns = columns.map((name, index) => ({ name, type: spooled.types[index] }));
      await fileStep(() => options.xlsx!.writeXlsxSheet(handle, sheetColumns, spooled.dayFirst, spooledCells(spool, columns, options.signal), options.signal), target);
    } finally {
      await handle.close().catch(() => undefined);
    }
  } else {
    await withFile(file, target, options, async (out) => {
      if (format === 'markdown') {
        // A table needs a header row; a result with no columns at all still gets a valid (empty) one.
        await out.write(`${markdownHeader(columns.length > 0 ? columns : [''])}\n`);
        for await (const cells of spooledCells(spool, columns, options.signal)) await out.write(`${markdownRow(cells)}\n`);
        return;
      }
      const csvCell = options.csvFormulaGuard === false ? (cell: string) => cell : guardedCsvCell;
      if (columns.length > 0) await out.write(stringify([columns.map(csvCell)]));
      for await (const cells of spooledCells(spool, columns, options.signal)) await out.write(stringify([cells.map((cell) => csvCell(cell ?? ''))]));
    });
  }
  options.onProgress?.(spooled.rows);
  return { rows: spooled.rows, columns };
}

/** The target a temporary file stands for (`out.csv.1a2b3c4d.partial` → `out.csv`), for messages. */
function targetOf(file: string): string {
  return file.replace(/\.[0-9a-f]{8}\.partial(\.rows\.jsonl)?$/, '');
}
