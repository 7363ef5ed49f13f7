/**
 * Typed values over real HTTP against the sandbox, on the three ways text becomes a field's value — a grid edit,
 * bulk Set field and CSV import: a number NetSuite would store differently from what was typed (`1,5`, `0x1A`, a
 * 20-digit integer) or a date that is not on the calendar is refused with its reason and nothing is sent; a value
 * read exactly (`1,234.5`) is saved as that number and reported as saved in the form the query shows. A CSV whose
 * rows have more cells than its header, or whose header repeats a name, is refused before anything is checked.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetSuiteClient } from '../../src/netsuite/client';
import type { RowsColumn } from '../../src/protocol/rows';
import { CsvImportSession } from '../../src/app/import/importSession';
import { applyGridEdits, runBulkAction } from '../../src/app/notebook/gridEditApply';
import { gridEditMap, writableFields } from '../../src/app/notebook/gridEditMapping';
import { setUpClient, type ClientSetup } from './client-sandbox';

let setup: ClientSetup;
let client: NetSuiteClient;
let folder: string;
let subsidiaryName: string;

const columnsOf = (...names: string[]): RowsColumn[] => names.map((name) => ({ name }));

async function rows(sql: string): Promise<Record<string, string>[]> {
  return (await client.queryPage(sql, 0, { pageSize: 1000 })).rows.map((row) => row.raw as Record<string, string>);
}

function writesSince(since: number) {
  return setup.sandbox.requestLog.list({ since }).filter((entry) => ['POST', 'PATCH', 'PUT', 'DELETE'].includes(entry.method) && !entry.path.includes('suiteql'));
}

beforeAll(async () => {
  setup = await setUpClient();
  client = setup.client();
  setup.sandbox.configure({ latency: { perRequestMs: 0, perRowMs: 0, asyncJobMs: 0 } });
  folder = await mkdtemp(join(tmpdir(), 'suitelens-import-values-'));
  subsidiaryName = (await rows(`SELECT name FROM subsidiary ORDER BY id`))[0].name;
});

afterAll(async () => {
  await setup?.stop();
  await rm(folder, { recursive: true, force: true });
});

// Text a person might type that JavaScript's Number() or Date.parse() reads as some other value.
const badNumbers = ['1,5', '1.234,56', '1,2,3', '0x1A', '0b101', '0o17', 'Infinity', 'NaN', '1e400', '12,34', '1 000', '12345678901234567891'];
const badIntegers = ['12345678901234567891', '9007199254740993', '1,5', '0x1A', '2.5', '1e3'];
const badDates = ['2024-02-30', '2023-02-29', '2024-13-01', '1', 'hello 2', '2024-1-5'];

describe('grid edits and bulk Set field', () => {
  const query = 'SELECT id, creditlimit, custentity_nps_score, startdate FROM customer ORDER BY id';

  it('refuses a number or date NetSuite would store as another value, sends nothing, and keeps the record as it was', async () => {
    const map = await gridEditMap(query, columnsOf('id', 'creditlimit', 'custentity_nps_score', 'startdate'), [], client.metadata);
    const recordType = map.types[0].recordType!;
    const [first] = await rows(query);
    const edits = [
      ...badNumbers.map((after) => ({ column: 1, field: 'creditLimit', after })),
      ...badIntegers.map((after) => ({ column: 2, field: 'custentity_nps_score', after })),
      ...badDates.map((after) => ({ column: 3, field: 'startDate', after })),
    ].map((change, row) => ({ row, recordType, id: first.id, changes: [{ ...change, before: null }] }));
    const since = setup.sandbox.requestLog.lastSeq;
    const results = await applyGridEdits(client, edits, map);
    for (const [index, result] of results.entries()) {
      const { after, column } = edits[index].changes[0];
      expect(result, after).toMatchObject({ status: 'failed', column });
      expect(result.message, after).toContain(`'${after}'`);
    }
    expect(writesSince(since)).toEqual([]);
    expect(await rows(`SELECT id, creditlimit, custentity_nps_score, startdate FROM customer WHERE id = ${first.id}`)).toEqual([first]);
  });

  it('saves `1,234.5` as 1234.5 and reports the saved value as the query shows it', async () => {
    const map = await gridEditMap(query, columnsOf('id', 'creditlimit', 'custentity_nps_score', 'startdate'), [], client.metadata);
    const [first] = await rows(query);
    const edit = { row: 0, recordType: map.types[0].recordType!, id: first.id, changes: [{ column: 1, field: 'creditLimit', before: null, after: '1,234.5' }] };
    const [result] = await applyGridEdits(client, [edit], map);
    expect(result).toMatchObject({ status: 'saved', values: [{ column: 1, value: '1234.5' }] });
    expect(Number((await rows(`SELECT creditlimit FROM customer WHERE id = ${first.id}`))[0].creditlimit)).toBe(1234.5);
  });

  it('refuses bulk Set field with `1,5` before sending anything', async () => {
    const recordType = 'customer';
    const field = (await writableFields(recordType, client.metadata)).find((model) => model.id === 'creditLimit')!;
    const ids = (await rows('SELECT id FROM customer ORDER BY id')).slice(0, 3).map((row) => row.id);
    const before = await rows(`SELECT id, creditlimit FROM customer WHERE id IN (${ids.join(',')}) ORDER BY id`);
    const since = setup.sandbox.requestLog.lastSeq;
    await expect(runBulkAction(client, { kind: 'setField', recordType, field, text: '1,5', column: 1 }, ids.map((id, row) => ({ row, recordType, id })))).rejects.toThrow(/'1,5' is not a number/);
    expect(writesSince(since)).toEqual([]);
    expect(await rows(`SELECT id, creditlimit FROM customer WHERE id IN (${ids.join(',')}) ORDER BY id`)).toEqual(before);
  });
});

describe('CSV import', () => {
  async function csvFile(name: string, text: string): Promise<string> {
    const path = join(folder, name);
    await writeFile(path, text);
    return path;
  }

  it('reports each value that would be read as another, on its row and column, and sends only the exact ones', async () => {
    const lines = [
      ['Company Name', 'Primary Subsidiary', 'Credit Limit', 'NPS Score', 'Start Date'],
      ...badNumbers.map((value, n) => [`Values bad number ${n}`, subsidiaryName, value, '', '']),
      ...badIntegers.map((value, n) => [`Values bad integer ${n}`, subsidiaryName, '', value, '']),
      ...badDates.map((value, n) => [`Values bad date ${n}`, subsidiaryName, '', '', value]),
      ['Values good', subsidiaryName, '1,234,567.25', '-7', '2024-02-29'],
    ];
    const session = await CsvImportSession.open(client, 'customer', 'create', await csvFile('values.csv', stringify(lines)));
    const plan = session.planOf([...session.initialMapping().filter((choice) => choice.column !== 'NPS Score'), { column: 'NPS Score', field: 'custentity_nps_score' }]);
    const { checks, problems } = await session.dryRun(plan);
    const bad = lines.length - 2;
    expect(problems.problemRows).toBe(bad);
    for (const [index, check] of checks.slice(0, bad).entries()) {
      const value = lines[index + 1].slice(2).find((cell) => cell !== '')!;
      expect(check.errors, `${value}: ${check.errors.join(" / ")}`).toHaveLength(1);
      expect(check.errors[0], value).toContain(`'${value}'`);
    }
    const column = new Map(problems.problems.map((problem) => [problem.row, problem.column]));
    expect(column.get(1)).toBe('Credit Limit');
    expect(column.get(badNumbers.length + 1)).toBe('NPS Score');
    expect(column.get(badNumbers.length + badIntegers.length + 1)).toBe('Start Date');

    const outcome = await session.apply(plan);
    expect(outcome.summary.byStatus).toMatchObject({ created: 1, invalid: bad, failed: 0, unknown: 0 });
    const made = await rows(`SELECT companyname, creditlimit, custentity_nps_score, startdate FROM customer WHERE companyname LIKE 'Values %'`);
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ companyname: 'Values good' });
    expect(Number(made[0].creditlimit)).toBe(1234567.25);
    expect(Number(made[0].custentity_nps_score)).toBe(-7);
  });

  it('refuses a file whose row has more cells than the header, whose header repeats a column, or that is not CSV, naming the line', async () => {
    const shifted = await csvFile('shifted.csv', `Company Name,Credit Limit\nFine Co,10\nAcme, Inc,5000\n`);
    await expect(CsvImportSession.open(client, 'customer', 'create', shifted)).rejects.toThrow(/Row 2 \(line 3 of the file\) has 3 cells .* 2 columns.*'5000'/);
    const repeated = await csvFile('repeated.csv', `Company Name,Credit Limit,Company Name\nA,1,B\n`);
    await expect(CsvImportSession.open(client, 'customer', 'create', repeated)).rejects.toThrow(/column 1 and column 3 both 'Company Name'/);
    const unclosed = await csvFile('unclosed.csv', `Company Name,Credit Limit\n"Acme, Inc,5000\nOther,10\n`);
    await expect(CsvImportSession.open(client, 'customer', 'create', unclosed)).rejects.toThrow(/not valid CSV.*line 2/);
  });

  it('refuses a mapping that puts two columns into one field', async () => {
    const session = await CsvImportSession.open(client, 'customer', 'create', await csvFile('two-names.csv', `Company Name,Trading Name\nA,B\n`));
    expect(() => session.planOf([{ column: 'Company Name', field: 'companyName' }, { column: 'Trading Name', field: 'companyName' }])).toThrow(/'Company Name' and 'Trading Name' both fill/);
  });
});
