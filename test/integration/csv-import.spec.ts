/**
 * CSV import over real HTTP against the sandbox: the dry run checks every row (types, required fields, references
 * by name) and writes nothing; the import writes in batches with a results CSV beside the input, and an import
 * killed while a batch's job was running resumes from that file without creating any record twice.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetSuiteClient } from '../../src/netsuite/client';
import { dryRun, readCsv, suggestMapping, type ImportField, type ImportPlan } from '../../src/netsuite/csvImport';
import { runImport } from '../../src/netsuite/csvImportRun';
import { buildFormModel } from '../../src/app/forms/model/formModel';
import { setUpClient, type ClientSetup } from './client-sandbox';

let setup: ClientSetup;
let client: NetSuiteClient;
let folder: string;
let fields: ImportField[];
let subsidiaryName: string;

async function rows(sql: string): Promise<Record<string, string>[]> {
  return (await client.queryPage(sql, 0, { pageSize: 1000 })).rows.map((row) => row.raw as Record<string, string>);
}

beforeAll(async () => {
  setup = await setUpClient();
  client = setup.client();
  folder = await mkdtemp(join(tmpdir(), 'suitelens-import-'));
  const model = await buildFormModel('customer', await client.metadata.schema('customer'), (name) => client.metadata.schema(name));
  fields = model.fields.map((field) => (field.id === 'subsidiary' ? { ...field, required: true } : field));
  subsidiaryName = (await rows(`SELECT name FROM subsidiary ORDER BY id`))[0].name;
});

afterAll(async () => {
  await setup?.stop();
  await rm(folder, { recursive: true, force: true });
});

describe('dry run', () => {
  it('suggests the mapping, reports each row\u2019s problems and writes nothing', async () => {
    const text = stringify([
      ['Company Name', 'Primary Subsidiary', 'Credit Limit', 'Start Date'],
      ['Dry Run Good', subsidiaryName, '5000', '2026-01-31'],
      ['Dry Run Bad Number', subsidiaryName, 'lots', '2026-01-31'],
      ['Dry Run Unknown Subsidiary', 'Atlantis Holdings', '10', ''],
      ['Dry Run No Subsidiary', '', '10', '31/01/2026'],
    ]);
    const table = readCsv(text);
    const plan: ImportPlan = { recordType: 'customer', mode: 'create', columns: suggestMapping(table.headers, fields, 'create') };
    expect(plan.columns).toEqual([
      { column: 'Company Name', field: 'companyName' },
      { column: 'Primary Subsidiary', field: 'subsidiary', reference: 'name' },
      { column: 'Credit Limit', field: 'creditLimit' },
      { column: 'Start Date', field: 'startDate' },
    ]);
    const before = await rows(`SELECT COUNT(*) AS n FROM customer`);
    const checks = await dryRun(client, plan, table, fields);
    expect(checks.map((check) => check.errors)).toEqual([
      [],
      ["Credit Limit: 'lots' is not a number"],
      ["Primary Subsidiary: no subsidiary with name 'Atlantis Holdings'"],
      ["Start Date: '31/01/2026' is not a date (YYYY-MM-DD)", 'Primary Subsidiary is required'],
    ]);
    expect(checks[0].entry?.fields).toMatchObject({ companyName: 'Dry Run Good', creditLimit: 5000, startDate: '2026-01-31', subsidiary: { id: expect.any(String) } });
    expect(await rows(`SELECT COUNT(*) AS n FROM customer`)).toEqual(before);
  });
});

describe('import and resume', () => {
  it('resumes an import killed mid-batch from its results file, creating every record exactly once', async () => {
    const names = Array.from({ length: 250 }, (_, n) => `Imported ${String(n).padStart(3, '0')}`);
    const text = stringify([['Company Name', 'Primary Subsidiary'], ...names.map((name, n) => [name, n === 7 ? 'Atlantis Holdings' : subsidiaryName])]);
    const resultsPath = join(folder, 'customers.results.csv');
    const table = readCsv(text);
    const plan: ImportPlan = { recordType: 'customer', mode: 'create', columns: suggestMapping(table.headers, fields, 'create') };
    const checks = await dryRun(client, plan, table, fields);

    // The first run is killed while its second batch's job is still queued.
    setup.sandbox.configure({ latency: { perRequestMs: 0, perRowMs: 0, asyncJobMs: 1500 } });
    const since = setup.sandbox.requestLog.lastSeq;
    const kill = new AbortController();
    const watcher = setInterval(() => {
      if (setup.sandbox.requestLog.list({ since, method: 'POST' }).filter((entry) => entry.status === 202).length >= 2) kill.abort();
    }, 10);
    const killed = await runImport(client, plan, checks, { resultsPath, concurrency: 1, signal: kill.signal }).catch((error: unknown) => error);
    clearInterval(watcher);
    expect(killed).toBeInstanceOf(Error);
    const afterKill = parse(await readFile(resultsPath, 'utf8'), { columns: true }) as Record<string, string>[];
    // The first batch's outcomes (the invalid row 8 is in no batch: batches hold the rows sent); the second's rows
    // were journaled as submitted, their outcome unknown.
    expect(afterKill.map((line) => `${line.batch} ${line.status}`)).toEqual([...Array(101).fill('0 created').with(7, ' invalid'), ...Array(100).fill('1 unknown')]);

    setup.sandbox.configure({ latency: { perRequestMs: 0, perRowMs: 0, asyncJobMs: 0 } });
    const resumed = await runImport(client, plan, checks, { resultsPath, concurrency: 1 });
    expect(resumed.resumedRows).toBe(100);
    // Row 8 is checked again and still invalid: it is said again, not sent.
    expect(resumed.byStatus).toMatchObject({ created: 149, invalid: 1, failed: 0, unknown: 0 });
    // The killed batch was submitted again under its key and led to its first job.
    expect(setup.sandbox.requestLog.list({ since, method: 'POST' }).map((entry) => entry.status)).toEqual([202, 202, 409, 202]);

    const results = parse(await readFile(resultsPath, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(results.map((line) => Number(line.row)).sort((a, b) => a - b)).toEqual(names.map((_, n) => n + 1));
    expect(results.find((line) => line.row === '8')).toMatchObject({ status: 'invalid', error: "Primary Subsidiary: no subsidiary with name 'Atlantis Holdings'" });
    const made = await rows(`SELECT id, companyname FROM customer WHERE companyname LIKE 'Imported %' ORDER BY companyname`);
    expect(made.map((row) => row.companyname)).toEqual(names.filter((_, n) => n !== 7));
    const idByName = new Map(made.map((row) => [row.companyname, row.id]));
    for (const line of results.filter((result) => result.status === 'created')) expect(line.recordId).toBe(idByName.get(names[Number(line.row) - 1]));
  });
});
