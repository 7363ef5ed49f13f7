/**
 * XLSX and Markdown exports of real sandbox results, read back the way a person would open them: the workbook is
 * parsed with exceljs (numbers are numbers, dates are dates, every row of every page is there, nothing truncated),
 * the Markdown table has one line per row with values that cannot break it. Failures leave the old file as it was.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetSuiteClient } from '../../src/netsuite/client';
import { exportRows } from '../../src/app/notebook/exportWriter';
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
