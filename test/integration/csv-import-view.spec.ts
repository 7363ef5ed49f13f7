/**
 * The CSV import view's host side (src/app/import/importSession.ts) over real HTTP against the sandbox: the
 * mapping it offers and refuses, the dry run's problems placed on their CSV columns with per-column counts (nothing
 * written), and an import stopped after its first batch that says "100 of 250 rows already done" and, run again,
 * sends only the rest — every record created once, NetSuite's refusals in the results file beside the input.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetSuiteClient } from '../../src/netsuite/client';
import { listedProblems } from '../../src/app/import/importProblems';
import { CsvImportSession } from '../../src/app/import/importSession';
import { setUpClient, type ClientSetup } from './client-sandbox';

let setup: ClientSetup;
let client: NetSuiteClient;
let folder: string;
let subsidiaryName: string;

async function rows(sql: string): Promise<Record<string, string>[]> {
  return (await client.queryPage(sql, 0, { pageSize: 1000 })).rows.map((row) => row.raw as Record<string, string>);
}

async function csvFile(name: string, lines: string[][]): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, stringify(lines));
  return path;
}

beforeAll(async () => {
  setup = await setUpClient();
  // One batch in flight at a time, so a stop after the first batch leaves the others unsent.
  client = setup.client({ concurrencyLimit: 1 });
  folder = await mkdtemp(join(tmpdir(), 'suitelens-import-view-'));
  subsidiaryName = (await rows(`SELECT name FROM subsidiary ORDER BY id`))[0].name;
});

afterAll(async () => {
  await setup?.stop();
  await rm(folder, { recursive: true, force: true });
});

describe('mapping and dry run', () => {
  it('suggests fields by column name, refuses what the file or type lacks, and places each problem on its column', async () => {
    const input = await csvFile('view-dry.csv', [
      ['Company Name', 'Primary Subsidiary', 'Credit Limit', 'Start Date', 'Notes to self'],
      ['View Good', subsidiaryName, '100', '2026-02-01', 'x'],
      ['View Bad Limit', subsidiaryName, 'plenty', '2026-02-01', 'x'],
      ['View Bad Both', 'Nowhere Ltd', 'lots', 'tomorrow', 'x'],
    ]);
    const session = await CsvImportSession.open(client, 'customer', 'create', input);
    expect(session.resultsPath).toBe(join(folder, `view-dry.${setup.sandbox.accountId}.results.csv`));
    const mapping = session.initialMapping();
    expect(mapping).toEqual([
      { column: 'Company Name', field: 'companyName' },
      { column: 'Primary Subsidiary', field: 'subsidiary', reference: 'name' },
      { column: 'Credit Limit', field: 'creditLimit' },
      { column: 'Start Date', field: 'startDate' },
    ]);
    // The webview is not trusted: a column the file lacks, or a field customer lacks, is refused.
    expect(() => session.planOf([{ column: 'Password', field: 'companyName' }])).toThrow("The file has no column 'Password'");
    expect(() => session.planOf([{ column: 'Notes to self', field: 'isPerson; DROP' }])).toThrow("customer has no field 'isPerson; DROP'");
    // A remembered mapping that no longer fits the file is replaced by the suggestion.
    expect(session.initialMapping([{ column: 'Gone', field: 'companyName' }])).toEqual(mapping);

    const before = await rows(`SELECT COUNT(*) AS n FROM customer`);
    const { problems } = await session.dryRun(session.planOf(mapping));
    expect(problems.summary).toBe('1 row ready, 2 rows with problems (not sent on import). Nothing was written.');
    expect(problems.problemRows).toBe(2);
    expect(problems.byColumn).toEqual([
      { column: 'Credit Limit', count: 2 },
      { column: 'Primary Subsidiary', count: 1 },
      { column: 'Start Date', count: 1 },
    ]);
    expect(problems.problems).toEqual([
      { row: 2, column: 'Credit Limit', message: "Credit Limit: 'plenty' is not a number" },
      { row: 3, column: 'Primary Subsidiary', message: "Primary Subsidiary: no subsidiary with name 'Nowhere Ltd'" },
      { row: 3, column: 'Credit Limit', message: "Credit Limit: 'lots' is not a number" },
      { row: 3, column: 'Start Date', message: "Start Date: 'tomorrow' is not a date (YYYY-MM-DD)" },
    ]);
    expect(await rows(`SELECT COUNT(*) AS n FROM customer`)).toEqual(before);
  });
});

describe('import, stop and resume', () => {
  it('stops after a batch, says how many rows are done, and the next run sends only the rest', async () => {
    const names = Array.from({ length: 250 }, (_, n) => `View Import ${String(n).padStart(3, '0')}`);
    // Row 5 has no subsidiary: the dry run cannot know NetSuite wants one, so NetSuite refuses it per record.
    const input = await csvFile('view-import.csv', [['Company Name', 'Primary Subsidiary'], ...names.map((name, n) => [name, n === 4 ? '' : subsidiaryName])]);
    const session = await CsvImportSession.open(client, 'customer', 'create', input);
    const plan = session.planOf(session.initialMapping());
    expect(await session.resumeState(plan)).toEqual({ doneRows: 0, totalRows: 250, replacesOther: false });

    const stop = new AbortController();
    const first = await session.apply(plan, { stop: stop.signal, onProgress: () => stop.abort() });
    expect(first.summary.stopped).toBe(true);
    expect(first.problems.summary).toBe('Import stopped: 100 of 250 rows done: 99 created, 1 refused by NetSuite.');
    expect(first.problems.problems).toEqual([{ row: 5, column: '', message: expect.stringMatching(/subsidiary/i) }]);
    expect(first.problems.resultsFile).toBe(session.resultsPath);
    // Row 5, refused by NetSuite, is not done: the next run sends it again (it is what the person would fix).
    expect(await session.resumeState(plan)).toEqual({ doneRows: 99, totalRows: 250, replacesOther: false });
    // Another mapping is another import: its rows are other entries, none matches the journal, and every created row
    // would be created again. Its results file records writes, so it is not replaced: the view says why, Import sends nothing.
    const otherPlan = session.planOf([{ column: 'Company Name', field: 'companyName' }]);
    const refusal = /view-import\.[A-Za-z0-9_]+\.results\.csv records 99 rows that NetSuite has, or may have, from an import of this file with another record type, mode or column mapping.*Nothing was sent\./;
    expect(await session.resumeState(otherPlan)).toEqual({ doneRows: 0, totalRows: 250, replacesOther: false, refusal: expect.stringMatching(refusal) });
    const beforeOther = setup.sandbox.requestLog.lastSeq;
    await expect(session.apply(otherPlan)).rejects.toThrow(refusal);
    expect(setup.sandbox.requestLog.list({ since: beforeOther, method: 'POST' })).toEqual([]);

    const since = setup.sandbox.requestLog.lastSeq;
    const second = await CsvImportSession.open(client, 'customer', 'create', input).then((again) => again.apply(plan));
    expect(second.summary).toMatchObject({ resumedRows: 99, stopped: false, byStatus: { created: 150, failed: 1 } });
    expect(second.problems.summary).toBe('Imported 250 rows of view-import.csv (99 rows done earlier): 150 created, 1 refused by NetSuite.');
    expect(setup.sandbox.requestLog.list({ since, method: 'POST' }).filter((entry) => entry.status === 202)).toHaveLength(2);
    expect(await session.resumeState(plan)).toEqual({ doneRows: 249, totalRows: 250, replacesOther: false });

    const made = await rows(`SELECT companyname FROM customer WHERE companyname LIKE 'View Import %' ORDER BY companyname`);
    expect(made.map((row) => row.companyname)).toEqual(names.filter((_, n) => n !== 4));
    const results = parse(await readFile(session.resultsPath, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(results).toHaveLength(250);
    expect(results.filter((line) => line.status === 'created')).toHaveLength(249);
    expect(results.find((line) => line.row === '5')).toMatchObject({ status: 'failed', recordId: '' });
  });
});

describe('results of another import', () => {
  it('are replaced when they record nothing NetSuite has: every row was refused', async () => {
    // No subsidiary: the dry run passes them, NetSuite refuses each record.
    const input = await csvFile('view-refused.csv', [['Company Name', 'Primary Subsidiary'], ['View Refused A', ''], ['View Refused B', '']]);
    const session = await CsvImportSession.open(client, 'customer', 'create', input);
    const plan = session.planOf(session.initialMapping());
    expect((await session.apply(plan)).summary.byStatus).toMatchObject({ created: 0, failed: 2 });
    const otherPlan = session.planOf([{ column: 'Company Name', field: 'companyName' }]);
    expect(await session.resumeState(otherPlan)).toEqual({ doneRows: 0, totalRows: 2, replacesOther: true });
  });
});

describe('update and upsert', () => {
  it('updates by internal id (an unknown id is NetSuite\u2019s refusal on its row) and upserts by external id', async () => {
    const created = await csvFile('view-keys-create.csv', [['Company Name', 'Primary Subsidiary', 'External ID'], ['Keys One', subsidiaryName, 'KEYS-1'], ['Keys Two', subsidiaryName, 'KEYS-2']]);
    const creating = await CsvImportSession.open(client, 'customer', 'create', created);
    await creating.apply(creating.planOf(creating.initialMapping()));
    const ids = (await rows(`SELECT id FROM customer WHERE externalid IN ('KEYS-1', 'KEYS-2') ORDER BY externalid`)).map((row) => String(row.id));
    expect(ids).toHaveLength(2);

    const updates = await csvFile('view-keys-update.csv', [['Internal ID', 'Phone'], [ids[0], '+1 555 0101'], [ids[1], '+1 555 0102'], ['999999', '+1 555 0199']]);
    const updating = await CsvImportSession.open(client, 'customer', 'update', updates);
    expect(updating.initialMapping()).toEqual([{ column: 'Internal ID', field: 'id' }, { column: 'Phone', field: 'phone' }]);
    const updated = await updating.apply(updating.planOf(updating.initialMapping()));
    expect(updated.summary.byStatus).toMatchObject({ updated: 2, failed: 1 });
    expect(updated.problems.problems).toEqual([{ row: 3, column: '', message: expect.stringMatching(/999999|not found|does not exist|invalid/i) }]);
    expect((await rows(`SELECT phone FROM customer WHERE id IN (${ids.join(',')}) ORDER BY id`)).map((row) => row.phone)).toEqual(['+1 555 0101', '+1 555 0102']);

    const upserts = await csvFile('view-keys-upsert.csv', [['External ID', 'Company Name', 'Primary Subsidiary'], ['KEYS-2', 'Keys Two Renamed', subsidiaryName], ['KEYS-3', 'Keys Three', subsidiaryName]]);
    const upserting = await CsvImportSession.open(client, 'customer', 'upsert', upserts);
    const upserted = await upserting.apply(upserting.planOf(upserting.initialMapping()));
    expect(upserted.summary.byStatus).toMatchObject({ upserted: 2, failed: 0, invalid: 0 });
    const keyed = await rows(`SELECT id, externalid, companyname FROM customer WHERE externalid LIKE 'KEYS-%' ORDER BY externalid`);
    expect(keyed.map((row) => [row.externalid, row.companyname])).toEqual([['KEYS-1', 'Keys One'], ['KEYS-2', 'Keys Two Renamed'], ['KEYS-3', 'Keys Three']]);
    expect(String(keyed[1].id)).toBe(ids[1]);
  });

  it('lists the first problems of a large file and counts every row', async () => {
    const input = await csvFile('view-many-bad.csv', [['Company Name', 'Credit Limit'], ...Array.from({ length: 150 }, (_, n) => [`Many ${n}`, 'n/a'])]);
    const session = await CsvImportSession.open(client, 'customer', 'create', input);
    const { problems } = await session.dryRun(session.planOf(session.initialMapping()));
    expect(problems.problemRows).toBe(150);
    expect(problems.byColumn).toEqual([{ column: 'Credit Limit', count: 150 }]);
    expect(problems.problems).toHaveLength(listedProblems);
    expect(problems.problems[listedProblems - 1]).toEqual({ row: listedProblems, column: 'Credit Limit', message: "Credit Limit: 'n/a' is not a number" });
  });
});
