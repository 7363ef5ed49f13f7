/**
 * Writes a whole SuiteQL result to CSV or JSON while rows stream in, with bounded memory.
 * Never leaves a silently truncated file: rows go to `<file>.partial`, renamed only when the stream completed;
 * a cancel or failure removes the partial file and rethrows.
 * CSV needs every column up front, but NetSuite omits NULL columns row by row, so CSV is written in two passes:
 * rows are spooled as JSON lines while the column set is collected, then converted with the full header.
 */
import { stringify } from 'csv-stringify';
import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { collectColumns, type SuiteQLItem } from './resultFormat';

export type ExportFormat = 'csv' | 'json';

export interface ExportOptions {
  signal?: AbortSignal;
  onProgress?: (rowsWritten: number) => void;
}

export interface ExportSummary {
  rows: number;
  columns: string[];
  path: string;
}

export async function exportRows(rows: AsyncIterable<SuiteQLItem>, path: string, format: ExportFormat, options: ExportOptions = {}): Promise<ExportSummary> {
  const partial = `${path}.partial`;
  const spool = `${path}.rows.jsonl`;
  try {
    const summary = format === 'json' ? await writeJson(rows, partial, options) : await writeCsv(rows, partial, spool, options);
    options.signal?.throwIfAborted();
    await rename(partial, path);
    return { ...summary, path };
  } finally {
    await rm(partial, { force: true });
    await rm(spool, { force: true });
  }
}

async function write(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

async function close(stream: WriteStream): Promise<void> {
  stream.end();
  await once(stream, 'close');
}

function withoutLinks(item: SuiteQLItem): SuiteQLItem {
  if (!('links' in item)) return item;
  const { links: _links, ...rest } = item;
  return rest;
}

async function writeJson(rows: AsyncIterable<SuiteQLItem>, file: string, options: ExportOptions): Promise<{ rows: number; columns: string[] }> {
  const out = createWriteStream(file, { encoding: 'utf8' });
  let count = 0;
  const columns: string[] = [];
  try {
    await write(out, '[');
    for await (const item of rows) {
      options.signal?.throwIfAborted();
      const clean = withoutLinks(item);
      columns.splice(0, columns.length, ...collectColumns([clean], columns));
      await write(out, `${count === 0 ? '\n' : ',\n'}  ${JSON.stringify(clean)}`);
      count++;
      if (count % 1000 === 0) options.onProgress?.(count);
    }
    await write(out, count === 0 ? ']\n' : '\n]\n');
  } finally {
    await close(out);
  }
  options.onProgress?.(count);
  return { rows: count, columns };
}

async function writeCsv(rows: AsyncIterable<SuiteQLItem>, file: string, spool: string, options: ExportOptions): Promise<{ rows: number; columns: string[] }> {
  const spoolOut = createWriteStream(spool, { encoding: 'utf8' });
  let count = 0;
  let columns: string[] = [];
  try {
    for await (const item of rows) {
      options.signal?.throwIfAborted();
      const clean = withoutLinks(item);
      columns = collectColumns([clean], columns);
      await write(spoolOut, `${JSON.stringify(clean)}\n`);
      count++;
      if (count % 1000 === 0) options.onProgress?.(count);
    }
  } finally {
    await close(spoolOut);
  }
  options.signal?.throwIfAborted();
  const lines = createInterface({ input: createReadStream(spool, { encoding: 'utf8' }), crlfDelay: Infinity });
  async function* records() {
    for await (const line of lines) {
      if (line === '') continue;
      const item = JSON.parse(line) as SuiteQLItem;
      yield columns.map((name) => (item[name] === undefined || item[name] === null ? '' : String(item[name])));
    }
  }
  await pipeline(records(), stringify({ header: true, columns, bom: false }), createWriteStream(file, { encoding: 'utf8' }), { signal: options.signal });
  options.onProgress?.(count);
  return { rows: count, columns };
}
