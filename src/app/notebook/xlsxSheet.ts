/**
 * Writes one worksheet of query rows as an XLSX file with exceljs's streaming writer, rows committed one by one so
 * memory stays bounded. Cells are typed from the column's inferred type: numbers as numbers, dates as dates (shown
 * yyyy-mm-dd), T/F as booleans, everything else as text. Bundled on its own (dist/xlsxWriter.js, see esbuild.mjs)
 * and required on the first XLSX export, so exceljs never loads at activation.
 */
import ExcelJS from 'exceljs';
import type { FileHandle } from 'node:fs/promises';
import type { Cell, RowsColumn } from '../../protocol/rows';
import { losslessNumber } from './numberText';

/**
 * Excel's limits (support.microsoft.com, "Excel specifications and limits"): characters in a cell, rows and columns
 * on a worksheet. A longer cell would be cut when Excel opens the file, so the export stops and says so; rows past a
 * sheet's last go on to another sheet.
 */
export const excelLimits = { cellCharacters: 32_767, sheetRows: 1_048_576, sheetColumns: 16_384 } as const;

/** The export cannot be written as XLSX without losing something; the message says what and what to use instead. */
export class XlsxLimitError extends Error {
  override readonly name = 'XlsxLimitError';
}

export interface SheetColumn {
  name: string;
  type: RowsColumn['type'];
}

/**
 * A NetSuite date (`2026-11-21`, or `11/21/2026` in the default US preference, or `21/11/2026` when the column's
 * first part goes past 12) as a UTC midnight Date; undefined when the value has a time or does not parse, so it
 * stays text rather than becoming a wrong date.
 */
export function netSuiteDate(value: string, dayFirst: boolean): Date | undefined {
  let year: number, month: number, day: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const slashed = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (slashed) [year, month, day] = dayFirst ? [Number(slashed[3]), Number(slashed[2]), Number(slashed[1])] : [Number(slashed[3]), Number(slashed[1]), Number(slashed[2])];
  else return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : undefined;
}

/** Whether a slashed date column writes day first: some value's first part is past 12 (21/11/2026). */
export function dayFirstColumn(values: Iterable<string>): boolean {
  for (const value of values) {
    const first = /^(\d{1,2})\//.exec(value)?.[1];
    if (first && Number(first) > 12) return true;
  }
  return false;
}

function typedCell(value: Cell, column: SheetColumn, dayFirst: boolean): string | number | boolean | Date | null {
  if (value === null || value === '') return null;
  // A number only when Excel keeps it exactly (no leading zeros, at most 15 digits); otherwise the text as sent.
  if (column.type === 'number') return losslessNumber(value) ?? value;
  if (column.type === 'date') return netSuiteDate(value, dayFirst) ?? value;
  if (column.type === 'boolean') return value === 'T' ? true : value === 'F' ? false : value;
  return value;
}

/**
 * Streams `rows` into `handle` as a workbook of one sheet (more past Excel's row limit; `limits` is lowered only by
 * tests, which cannot write a million rows), flushed to disk, and closes the handle. A write error (full
 * disk) rejects at once: the file stream's 'error' is listened to from the start, since exceljs listens only while
 * finishing and an unheard 'error' would reach the extension host as an uncaught exception. The stream owns the
 * handle (a FileHandle's close() waits for the streams made from it, so the stream must be the one to close it).
 */
export async function writeXlsxSheet(
  handle: FileHandle,
  columns: readonly SheetColumn[],
  dayFirst: readonly boolean[],
  rows: AsyncIterable<Cell[]>,
  signal?: AbortSignal,
  limits: { cellCharacters: number; sheetRows: number; sheetColumns: number } = excelLimits,
): Promise<void> {
  const stream = handle.createWriteStream({ autoClose: true, flush: true });
  const closed = new Promise<void>((resolve) => stream.once('close', resolve));
  let failure: Error | undefined;
  const failed = new Promise<never>((_resolve, reject) => {
    stream.on('error', (error) => {
      failure = error;
      reject(error);
    });
  });
  failed.catch(() => undefined);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  if (columns.length > limits.sheetColumns) {
    throw new XlsxLimitError(
      `the result has ${columns.length.toLocaleString('en-US')} columns and an Excel sheet holds at most ${limits.sheetColumns.toLocaleString('en-US')}; export it as CSV or JSON instead.`,
    );
  }
  let sheets = 0;
  const addSheet = (): ExcelJS.Worksheet => {
    sheets += 1;
    const added = workbook.addWorksheet(sheets === 1 ? 'Result' : `Result ${sheets}`);
    added.columns = columns.map((column) => ({
      header: column.name,
      key: column.name,
      width: Math.min(40, Math.max(10, column.name.length + 2)),
      ...(column.type === 'date' ? { style: { numFmt: 'yyyy-mm-dd' } } : {}),
    }));
    return added;
  };
  let sheet = addSheet();
  let rowsOnSheet = 0;
  let rowNumber = 0;
  try {
    for await (const row of rows) {
      if (failure) throw failure;
      signal?.throwIfAborted();
      rowNumber += 1;
      const long = row.findIndex((value) => value !== null && value.length > limits.cellCharacters);
      if (long >= 0) {
        throw new XlsxLimitError(
          `row ${rowNumber.toLocaleString('en-US')}, column "${columns[long].name}" holds ${row[long]!.length.toLocaleString('en-US')} characters and an Excel cell ` +
            `holds at most ${limits.cellCharacters.toLocaleString('en-US')}; export it as CSV or JSON, which keep it whole.`,
        );
      }
      // The header takes a row of every sheet: a full sheet goes on in the next one ("Result 2", …).
      if (rowsOnSheet === limits.sheetRows - 1) {
        sheet.commit();
        sheet = addSheet();
        rowsOnSheet = 0;
      }
      sheet.addRow(row.map((value, index) => typedCell(value, columns[index], dayFirst[index]))).commit();
      rowsOnSheet += 1;
    }
    sheet.commit();
    await Promise.race([workbook.commit(), failed]);
    await Promise.race([closed, failed]);
    if (failure) throw failure;
  } finally {
    stream.destroy();
  }
}
