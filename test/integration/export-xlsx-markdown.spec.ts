/**
 * XLSX and Markdown exports of real sandbox results, read back the way a person would open them: the workbook is
 * parsed with exceljs (numbers are numbers, dates are dates, every row of every page is there, nothing truncated),
 * the Markdown table has one line per row with values that cannot break it. Failures leave the old file as it was.
 * Values come out as a spreadsheet opens them: an XLSX cell is a number only when Excel keeps it exactly (ZIP codes,
 * long ids, 16+ digit numbers stay text), a CSV cell a spreadsheet would run as a formula is guarded, and Excel's
 * cell and sheet limits never cut a value or a row silently.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetSuiteClient } from '../../src/netsuite/client';
import { exportRows, type XlsxWriterModule } from '../../src/app/notebook/exportWriter';
import * as xlsx from '../../src/app/notebook/xlsxSheet';
import { setUpClient, type ClientSetup } from './client-sandbox';

let setup: ClientSetup;
let client: NetSuiteClient;

beforeAll(async () => {
  setup = await setUpClient();
  client = setup.client();
});
afterAll(() => setup.stop());

/** Every row of the query, paged by NetSuite 100 at a time, as the export command streams them. */
async function* allRows(query: string): AsyncGenerator<Record<string, unknown>> {
  for await (const row of client.query(query, { pageSize: 100 })) yield row.raw;
}

const transactions = 'SELECT id, tranid, trandate, foreigntotal, memo FROM transaction ORDER BY id';

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'sl-export-xlsx-'));
}

describe('XLSX export', () => {
  it('writes every row of all pages with typed cells, readable by a spreadsheet reader', async () => {
    const expected = (await client.queryPage(`SELECT COUNT(*) AS n FROM transaction`, 0, { pageSize: 1 })).rows[0].raw.n;
    expect(Number(expected)).toBeGreaterThan(100); // more than one page
    const dir = folder();
    const path = join(dir, 'result.xlsx');
    const summary = await exportRows(allRows(transactions), path, 'xlsx', { xlsx, columns: ['id', 'tranid', 'trandate', 'foreigntotal', 'memo'] });
    expect(summary.rows).toBe(Number(expected));
    expect(readdirSync(dir)).toEqual(['result.xlsx']);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([undefined, 'id', 'tranid', 'trandate', 'foreigntotal', 'memo']);
    expect(sheet.actualRowCount).toBe(Number(expected) + 1);

    const first = (await client.queryPage(transactions, 0, { pageSize: 1 })).rows[0].raw as Record<string, string>;
    const row = sheet.getRow(2);
    expect(row.getCell(1).value).toBe(Number(first.id));
    expect(typeof row.getCell(4).value).toBe('number');
    expect(row.getCell(4).value).toBe(Number(first.foreigntotal));
    expect(row.getCell(3).value).toBeInstanceOf(Date);
    expect(row.getCell(3).numFmt).toBe('yyyy-mm-dd');
    const [month, day, year] = first.trandate.split('/').map(Number);
    expect((row.getCell(3).value as Date).toISOString().slice(0, 10)).toBe(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
    expect(row.getCell(2).value).toBe(first.tranid);

    const last = sheet.getRow(Number(expected) + 1);
    const lastId = (await client.queryPage(`SELECT MAX(id) AS id FROM transaction`, 0, { pageSize: 1 })).rows[0].raw.id;
    expect(last.getCell(1).value).toBe(Number(lastId));
  });

  it('keeps the previous file when the disk is full, and leaves no temporary file', async () => {
    const dir = folder();
    const path = join(dir, 'result.xlsx');
    writeFileSync(path, 'the previous export');
    let opened = 0;
    // The spool is the first file opened; the workbook (second) goes to /dev/full.
    const openFile = (file: string) => (opened++ === 0 ? open(file, 'wx') : open('/dev/full', 'w'));
    await expect(exportRows(allRows(transactions), path, 'xlsx', { xlsx, openFile })).rejects.toThrow(`The disk holding ${dir} is full`);
    expect(readFileSync(path, 'utf8')).toBe('the previous export');
    expect(readdirSync(dir)).toEqual(['result.xlsx']);
  });

  it('refuses plainly when the writer module is missing, writing nothing', async () => {
    const dir = folder();
    await expect(exportRows(allRows(transactions), join(dir, 'x.xlsx'), 'xlsx')).rejects.toThrow('The XLSX writer is not available; nothing was exported.');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('Markdown export', () => {
  it('writes a table with every row of all pages, a NULL column kept, pipes and line breaks escaped', async () => {
    const dir = folder();
    const path = join(dir, 'result.md');
    const summary = await exportRows(allRows(transactions), path, 'markdown', { columns: ['id', 'tranid', 'trandate', 'foreigntotal', 'memo'] });
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('| id | tranid | trandate | foreigntotal | memo |');
    expect(lines[1]).toBe('| --- | --- | --- | --- | --- |');
    expect(lines).toHaveLength(summary.rows + 2);
    expect(summary.rows).toBeGreaterThan(100);
    for (const line of lines) expect(line.split(/(?<!\\)\|/)).toHaveLength(7);
  });

  it('escapes a value that would otherwise end its cell or row', async () => {
    const dir = folder();
    const path = join(dir, 'tricky.md');
    async function* tricky() {
      yield { name: 'a | b', note: 'line one\nline two' };
      yield { name: 'back\\slash' };
    }
    await exportRows(tricky(), path, 'markdown');
    expect(readFileSync(path, 'utf8')).toBe('| name | note |\n| --- | --- |\n| a \\| b | line one<br>line two |\n| back\\\\slash |  |\n');
  });
});

const values =
  "SELECT id, '02134' AS zip, '00501' AS zip2, '12345678901234567891' AS bigid, '9007199254740993' AS near, " +
  "'0.1234567890123456789' AS fine, '12.5' AS amount, '-5' AS negative, '=HYPERLINK(\"http://x.test\",\"y\")' AS formula, " +
  "'+1 555 0100' AS phone, '@SUM(A1)' AS at, '-2+3' AS expression FROM customer WHERE ROWNUM <= 3";

async function readSheets(path: string): Promise<ExcelJS.Worksheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook.worksheets;
}

describe('XLSX values', () => {
  it('writes a cell as a number only when that loses no digit', async () => {
    const path = join(folder(), 'values.xlsx');
    const summary = await exportRows(allRows(values), path, 'xlsx', { xlsx });
    expect(summary.rows).toBeGreaterThan(0);
    const [sheet] = await readSheets(path);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const cell = (name: string) => sheet.getRow(2).getCell(header.indexOf(name) + 1).value;
    expect(cell('zip')).toBe('02134');
    expect(cell('zip2')).toBe('00501');
    expect(cell('bigid')).toBe('12345678901234567891');
    expect(cell('near')).toBe('9007199254740993');
    expect(cell('fine')).toBe('0.1234567890123456789');
    expect(cell('amount')).toBe(12.5);
    expect(cell('negative')).toBe(-5);
    // Text stays text: exceljs writes a string as a string cell, never as a formula.
    expect(cell('formula')).toBe('=HYPERLINK("http://x.test","y")');
  });

  it('refuses a value longer than an Excel cell holds, naming it, and keeps the previous file', async () => {
    const dir = folder();
    const path = join(dir, 'long.xlsx');
    writeFileSync(path, 'the previous export');
    const long = "SELECT id, RPAD('x', 40000, 'y') AS memo FROM customer WHERE ROWNUM <= 2";
    await expect(exportRows(allRows(long), path, 'xlsx', { xlsx })).rejects.toThrow(/row 1, column "memo" holds 40,000 characters and an Excel cell holds at most 32,767; export it as CSV or JSON/);
    expect(readFileSync(path, 'utf8')).toBe('the previous export');
    expect(readdirSync(dir)).toEqual(['long.xlsx']);
  });

  it('goes on in another sheet when a sheet is full, every row kept once', async () => {
    expect(xlsx.excelLimits.sheetRows).toBe(1_048_576);
    // A million rows do not fit in a test: the same writer with a sheet of 1 header and 4 rows.
    const small: XlsxWriterModule = {
      ...xlsx,
      writeXlsxSheet: (handle, columns, dayFirst, rows, signal) => xlsx.writeXlsxSheet(handle, columns, dayFirst, rows, signal, { ...xlsx.excelLimits, sheetRows: 5 }),
    };
    const path = join(folder(), 'split.xlsx');
    const query = 'SELECT id, companyname FROM customer WHERE ROWNUM <= 11 ORDER BY id';
    const summary = await exportRows(allRows(query), path, 'xlsx', { xlsx: small });
    const sheets = await readSheets(path);
    expect(sheets.map((sheet) => sheet.name)).toEqual(['Result', 'Result 2', 'Result 3'].slice(0, Math.ceil(summary.rows / 4)));
    const ids: unknown[] = [];
    for (const sheet of sheets) {
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['id', 'companyname']);
      expect(sheet.actualRowCount).toBeLessThanOrEqual(5);
      for (let row = 2; row <= sheet.actualRowCount; row++) ids.push(sheet.getRow(row).getCell(1).value);
    }
    const expected = [];
    for await (const row of allRows(query)) expected.push(Number(row.id));
    expect(ids).toEqual(expected);
    expect(summary.rows).toBeGreaterThan(8);
  });
});

describe('CSV formula guard', () => {
  it('starts text a spreadsheet would run as a formula with a quote, and leaves numbers alone', async () => {
    const path = join(folder(), 'values.csv');
    await exportRows(allRows(values), path, 'csv');
    const [header, row] = parse(readFileSync(path, 'utf8')) as string[][];
    const cell = (name: string) => row[header.indexOf(name)];
    expect(cell('formula')).toBe(`'=HYPERLINK("http://x.test","y")`);
    expect(cell('phone')).toBe("'+1 555 0100");
    expect(cell('at')).toBe("'@SUM(A1)");
    expect(cell('expression')).toBe("'-2+3");
    expect(cell('negative')).toBe('-5');
    expect(cell('zip')).toBe('02134');
  });

  it('writes text as it came when the guard is turned off', async () => {
    const path = join(folder(), 'raw.csv');
    await exportRows(allRows(values), path, 'csv', { csvFormulaGuard: false });
    const [header, row] = parse(readFileSync(path, 'utf8')) as string[][];
    expect(row[header.indexOf('formula')]).toBe('=HYPERLINK("http://x.test","y")');
    expect(row[header.indexOf('expression')]).toBe('-2+3');
  });
});
