/**
 * "Run the import again" over real HTTP against the sandbox, when NetSuite's answers were lost: every row comes out
 * created exactly once, whether the lost batch never reached NetSuite, ran with its answer lost, or met 5xx until
 * the retries ran out; the same file imported into another account is another import; a batch whose entries changed
 * since its answer was lost is not sent again; and a run that fails stops appending to its results file.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { NetSuiteClient } from '../../src/netsuite/client';
import type { ImportPlan, RowCheck } from '../../src/netsuite/csvImport';
import { runImport } from '../../src/netsuite/csvImportRun';
import { CsvImportSession } from '../../src/app/import/importSession';
import { setUpClient, type ClientSetup } from './client-sandbox';

const noFaults = { seed: 1, rate500: 0, rate429: 0, resetBeforeCommitRate: 0, resetAfterCommitRate: 0 };

let setup: ClientSetup;
let client: NetSuiteClient;
let folder: string;
let subsidiaryName: string;

async function rows(target: NetSuiteClient, sql: string): Promise<Record<string, string>[]> {
  return (await target.queryPage(sql, 0, { pageSize: 1000 })).rows.map((row) => row.raw as Record<string, string>);
}

async function customerFile(name: string, prefix: string, count: number): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, stringify([['Company Name', 'Primary Subsidiary'], ...Array.from({ length: count }, (_, n) => [`${prefix} ${n + 1}`, subsidiaryName])]));
  return path;
}

async function importWith(target: NetSuiteClient, input: string) {
  const session = await CsvImportSession.open(target, 'customer', 'create', input);
  return { session, outcome: await session.apply(session.planOf(session.initialMapping())) };
}

async function named(target: NetSuiteClient, prefix: string): Promise<string[]> {
  return (await rows(target, `SELECT companyname FROM customer WHERE companyname LIKE '${prefix} %' ORDER BY companyname`)).map((row) => row.companyname);
}

async function results(path: string): Promise<Record<string, string>[]> {
  return parse(await readFile(path, 'utf8'), { columns: true }) as Record<string, string>[];
}

beforeAll(async () => {
  setup = await setUpClient();
  client = setup.client();
  folder = await mkdtemp(join(tmpdir(), 'suitelens-import-resume-'));
  subsidiaryName = (await rows(client, `SELECT name FROM subsidiary ORDER BY id`))[0].name;
});

afterAll(async () => {
  await setup?.stop();
  await rm(folder, { recursive: true, force: true });
});

beforeEach(() => {
  setup.sandbox.configure({ faults: noFaults, latency: { perRequestMs: 0, perRowMs: 0, asyncJobMs: 0 } });
});

describe('a lost answer, then the import run again', () => {
  it.each([
    ['never reached NetSuite (reset before commit)', 'Lost before', { resetBeforeCommitRate: 1 }, 0],
    ['ran, its answer lost (reset after commit)', 'Lost after', { resetAfterCommitRate: 1 }, 5],
    ['met 5xx on every attempt', 'Lost 500', { rate500: 1 }, 0],
    ['was turned away with 429 on every attempt', 'Lost 429', { rate429: 1 }, 0],
  ])('a batch that %s is sent again under its key: every row created exactly once', async (_, prefix, faults, madeByFirstRun) => {
    const input = await customerFile(`${prefix.replace(' ', '-')}.csv`, prefix, 5);
    // The first run's dry run (SuiteQL) goes before the faults; its writes meet them, and one attempt each.
    const session = await CsvImportSession.open(client, 'customer', 'create', input);
    const plan = session.planOf(session.initialMapping());
    const { checks } = await session.dryRun(plan);
    setup.sandbox.configure({ faults: { ...noFaults, ...faults } });
    const first = await runImport(setup.client({ backoff: { baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 1 } }), plan, checks, { resultsPath: session.resultsPath });
    setup.sandbox.configure({ faults: noFaults });
    expect(first.byStatus).toMatchObject({ created: 0, unknown: 5 });
    expect(await named(client, prefix)).toHaveLength(madeByFirstRun);
    expect(await session.resumeState(plan)).toMatchObject({ doneRows: 0, totalRows: 5 });

    const again = await importWith(client, input);
    expect(again.outcome.summary).toMatchObject({ resumedRows: 0, byStatus: { created: 5, unknown: 0, failed: 0 } });
    const made = await named(client, prefix);
    expect(made).toEqual([1, 2, 3, 4, 5].map((n) => `${prefix} ${n}`));
    // The results file says each row once, with the record NetSuite made for it.
    const lines = await results(again.session.resultsPath);
    expect(lines.map((line) => `${line.row} ${line.status}`)).toEqual(['1 created', '2 created', '3 created', '4 created', '5 created']);
    const ids = await rows(client, `SELECT id FROM customer WHERE companyname LIKE '${prefix} %' ORDER BY companyname`);
    expect(lines.map((line) => line.recordId)).toEqual(ids.map((row) => row.id));

    const third = await importWith(client, input);
    expect(third.outcome.summary).toMatchObject({ resumedRows: 5, byStatus: { created: 0, unknown: 0 } });
    expect(await named(client, prefix)).toHaveLength(5);
  });
});

describe('the import’s identity', () => {
  it('imports the same file and mapping into another account as a new import, sending every row', async () => {
    const other = await setUpClient({ accountId: 'TSTDRV7654321' });
    try {
      const otherClient = other.client();
      const otherSubsidiary = (await rows(otherClient, `SELECT name FROM subsidiary ORDER BY id`))[0].name;
      expect(otherSubsidiary).toBe(subsidiaryName);
      const input = await customerFile('two-accounts.csv', 'Two accounts', 3);
      const here = await importWith(client, input);
      expect(here.outcome.summary.byStatus.created).toBe(3);
      const there = await importWith(otherClient, input);
      expect(there.outcome.summary).toMatchObject({ resumedRows: 0, byStatus: { created: 3 } });
      expect(await named(otherClient, 'Two accounts')).toHaveLength(3);
      expect(there.session.resultsPath).not.toBe(here.session.resultsPath);
      // The first account's journal is still there: run again there, nothing is sent.
      expect((await importWith(client, input)).outcome.summary).toMatchObject({ resumedRows: 3, byStatus: { created: 0 } });
      expect(await named(client, 'Two accounts')).toHaveLength(3);
    } finally {
      await other.stop();
    }
  });

  it('refuses to resume a lost batch whose entries changed since, sending nothing', async () => {
    const plan: ImportPlan = { recordType: 'customer', mode: 'create', columns: [{ column: 'Company Name', field: 'companyName' }] };
    const subsidiary = { id: (await rows(client, `SELECT id FROM subsidiary ORDER BY id`))[0].id };
    const checks = (comments: string): RowCheck[] =>
      [1, 2].map((row) => ({ row, errors: [], entry: { fields: { companyName: `Changed ${row}`, subsidiary, comments } } }));
    const resultsPath = join(folder, 'changed.results.csv');
    setup.sandbox.configure({ faults: { ...noFaults, resetBeforeCommitRate: 1 } });
    expect((await runImport(client, plan, checks('first'), { resultsPath })).byStatus.unknown).toBe(2);
    setup.sandbox.configure({ faults: noFaults });
    const journal = await readFile(resultsPath, 'utf8');
    const since = setup.sandbox.requestLog.lastSeq;
    await expect(runImport(client, plan, checks('second'), { resultsPath })).rejects.toThrow(/rows 1\u20132 were sent before with other values.*Nothing was sent/);
    expect(setup.sandbox.requestLog.list({ since, method: 'POST' })).toEqual([]);
    expect(await readFile(resultsPath, 'utf8')).toBe(journal);
    // The same entries resume as they should.
    expect((await runImport(client, plan, checks('first'), { resultsPath })).byStatus.created).toBe(2);
    expect(await named(client, 'Changed')).toEqual(['Changed 1', 'Changed 2']);
  });
});

describe('a run that fails', () => {
  it('journals the batches under way before it rejects, and nothing after', async () => {
    const plan: ImportPlan = { recordType: 'customer', mode: 'update', columns: [{ column: 'Internal ID', field: 'id' }, { column: 'Comments', field: 'comments' }] };
    const ids = (await rows(client, 'SELECT id FROM customer ORDER BY id')).slice(0, 6).map((row) => row.id);
    // Row 5's batch cannot be sent (an update without its key), the others are: the run fails when it comes to it.
    const checks: RowCheck[] = ids.map((id, index) => ({ row: index + 1, errors: [], entry: { id: index === 4 ? undefined : id, fields: { comments: `failing run ${index + 1}` } } }));
    const resultsPath = join(folder, 'failing.results.csv');
    setup.sandbox.configure({ latency: { perRequestMs: 0, perRowMs: 0, asyncJobMs: 400 } });
    await expect(runImport(client, plan, checks, { resultsPath, batchSize: 1, concurrency: 3 })).rejects.toThrow(/an update needs an internal id/);
    const atRejection = await readFile(resultsPath, 'utf8');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await readFile(resultsPath, 'utf8')).toBe(atRejection);
    // Every batch NetSuite ran is journaled with its outcome; none is left "submitted" though its job finished.
    const lines = parse(atRejection, { columns: true }) as Record<string, string>[];
    const written = await rows(client, `SELECT id FROM customer WHERE comments LIKE 'failing run %'`);
    expect(lines.filter((line) => line.status === 'updated').map((line) => ids[Number(line.row) - 1]).sort()).toEqual(written.map((row) => row.id).sort());
    expect(lines.filter((line) => line.status === 'unknown').map((line) => line.row)).toEqual(['5']);
  });
});

/**
 * Customers told apart by their comments, with no name: a customer with a name gets it as its entity id, which
 * NetSuite keeps unique, so a second create of a named row would be refused rather than duplicated and a count could
 * not show it. Without a name nothing stops a duplicate, as with auto-generated entity ids.
 */
async function writeMarked(path: string, table: string[][], header = ['Comments', 'Primary Subsidiary']): Promise<string> {
  await writeFile(path, stringify([header, ...table]));
  return path;
}

const markedRows = (prefix: string, marks: readonly (string | number)[]) => marks.map((mark) => [`${prefix} ${mark}`, subsidiaryName]);

/** The comments of the customers marked `prefix …`, a duplicate listed twice. */
async function marked(prefix: string): Promise<string[]> {
  return (await rows(client, `SELECT comments FROM customer WHERE comments LIKE '${prefix} %' ORDER BY comments`)).map((row) => row.comments);
}

/** Record writes since `since` (the dry run's SuiteQL lookups are POSTs too). */
function writes(since: number) {
  return setup.sandbox.requestLog.list({ since, method: 'POST' }).filter((entry) => entry.path.includes('/record/'));
}

/** A first run of `input` killed while its second batch (of `batchSize` rows) is in flight. */
async function killedRun(input: string, batchSize: number) {
  const session = await CsvImportSession.open(client, 'customer', 'create', input);
  const plan = session.planOf(session.initialMapping());
  const { checks } = await session.dryRun(plan);
  setup.sandbox.configure({ latency: { perRequestMs: 0, perRowMs: 0, asyncJobMs: 1500 } });
  const since = setup.sandbox.requestLog.lastSeq;
  const kill = new AbortController();
  const watcher = setInterval(() => {
    if (writes(since).filter((entry) => entry.status === 202).length >= 2) kill.abort();
  }, 10);
  const killed = await runImport(client, plan, checks, { resultsPath: session.resultsPath, batchSize, concurrency: 1, signal: kill.signal }).catch((error: unknown) => error);
  clearInterval(watcher);
  setup.sandbox.configure({ latency: { perRequestMs: 0, perRowMs: 0, asyncJobMs: 0 } });
  expect(killed).toBeInstanceOf(Error);
  return { session, plan, since };
}

describe('the file changed, then the import run again', () => {
  it('creates exactly the fixed and the inserted rows; every row created before stays one record', async () => {
    const header = ['Comments', 'Primary Subsidiary', 'Credit Limit'];
    // Row 2 is invalid (the dry run refuses it), row 4 is refused by NetSuite (no subsidiary).
    const input = await writeMarked(join(folder, 'fixed.csv'), [['Fixed 1', subsidiaryName, '10'], ['Fixed 2', subsidiaryName, 'lots'], ['Fixed 3', subsidiaryName, '30'], ['Fixed 4', '', '40']], header);
    const first = await importWith(client, input);
    expect(first.outcome.summary.byStatus).toMatchObject({ created: 2, invalid: 1, failed: 1 });

    // The person fixes rows 2 and 4 and puts a new row at the top: every row moves down by one.
    await writeMarked(input, [['Fixed 0', subsidiaryName, '0'], ['Fixed 1', subsidiaryName, '10'], ['Fixed 2', subsidiaryName, '20'], ['Fixed 3', subsidiaryName, '30'], ['Fixed 4', subsidiaryName, '40']], header);
    const since = setup.sandbox.requestLog.lastSeq;
    const again = await importWith(client, input);
    expect(again.outcome.summary).toMatchObject({ resumedRows: 2, byStatus: { created: 3, invalid: 0, failed: 0, unknown: 0 } });
    expect(again.outcome.problems.summary).toBe('Imported 5 rows of fixed.csv (2 rows done earlier): 3 created.');
    // One batch, of the three rows NetSuite did not have.
    expect(writes(since).map((entry) => entry.status)).toEqual([202]);
    expect(await marked('Fixed')).toEqual(['Fixed 0', 'Fixed 1', 'Fixed 2', 'Fixed 3', 'Fixed 4']);
    // The results file speaks of the file as it is now: row 2 is Fixed 1, created by the first run.
    const lines = await results(again.session.resultsPath);
    expect(lines.map((line) => `${line.row} ${line.status}`)).toEqual(['1 created', '2 created', '3 created', '4 created', '5 created']);
    const ids = await rows(client, `SELECT id FROM customer WHERE comments LIKE 'Fixed %' ORDER BY comments`);
    expect(lines.map((line) => line.recordId)).toEqual(ids.map((row) => String(row.id)));
    expect(Object.keys(lines[0]).slice(0, 4)).toEqual(['row', 'status', 'recordId', 'error']);

    // And once more: nothing is sent.
    const third = await importWith(client, input);
    expect(third.outcome.summary).toMatchObject({ resumedRows: 5, byStatus: { created: 0 } });
    expect(await marked('Fixed')).toHaveLength(5);
  });

  it('a run killed while a batch was in flight, then the same file: every row created exactly once', async () => {
    const input = await writeMarked(join(folder, 'killed-same.csv'), markedRows('Killed same', [1, 2, 3, 4, 5, 6]));
    const { session, plan, since } = await killedRun(input, 2);
    const { checks } = await session.dryRun(plan);
    const resumed = await runImport(client, plan, checks, { resultsPath: session.resultsPath, batchSize: 2, concurrency: 1 });
    expect(resumed).toMatchObject({ resumedRows: 2, byStatus: { created: 4, unknown: 0 } });
    // The lost batch went again under its key and was answered with its first job.
    expect(writes(since).map((entry) => entry.status)).toEqual([202, 202, 409, 202]);
    expect(await marked('Killed same')).toEqual([1, 2, 3, 4, 5, 6].map((n) => `Killed same ${n}`));
  });

  it('a run killed while a batch was in flight, then a row outside that batch edited: the batch is resolved under its key, nothing twice', async () => {
    const input = await writeMarked(join(folder, 'killed-edited.csv'), markedRows('Killed edited', [1, 2, 3, 4, 5, 6]));
    const { since } = await killedRun(input, 2);
    // Rows 1–2 were created, rows 3–4 in flight, rows 5–6 never sent; row 6 is edited and a row inserted at the top.
    await writeMarked(input, markedRows('Killed edited', [0, 1, 2, 3, 4, 5, '6b']));
    const again = await importWith(client, input);
    expect(again.outcome.summary).toMatchObject({ resumedRows: 2, byStatus: { created: 5, unknown: 0, failed: 0 } });
    expect(writes(since).map((entry) => entry.status)).toEqual([202, 202, 409, 202]);
    expect(await marked('Killed edited')).toEqual(['0', '1', '2', '3', '4', '5', '6b'].map((n) => `Killed edited ${n}`));
    const lines = await results(again.session.resultsPath);
    expect(lines.map((line) => `${line.row} ${line.status}`)).toEqual(['1 created', '2 created', '3 created', '4 created', '5 created', '6 created', '7 created']);
  });

  it('a run killed while a batch was in flight, then a row of that batch edited: refused, naming its rows, nothing sent', async () => {
    const input = await writeMarked(join(folder, 'killed-inflight.csv'), markedRows('Killed inflight', [1, 2, 3, 4, 5, 6]));
    const { session } = await killedRun(input, 2);
    await writeMarked(input, markedRows('Killed inflight', [1, 2, '3b', 4, 5, 6]));
    const journal = await readFile(session.resultsPath, 'utf8');
    const since = setup.sandbox.requestLog.lastSeq;
    await expect(importWith(client, input)).rejects.toThrow(/rows 3\u20134 were sent before with other values.*Nothing was sent/);
    expect(writes(since)).toEqual([]);
    expect(await readFile(session.resultsPath, 'utf8')).toBe(journal);
    // The first job runs on (1.5 s): rows 1–4 exist once each, nothing else.
    await new Promise((resolve) => setTimeout(resolve, 1600));
    expect(await marked('Killed inflight')).toEqual([1, 2, 3, 4].map((n) => `Killed inflight ${n}`));
  });

  it('a row edited after its record was created is not created again, and the results say so', async () => {
    const input = await writeMarked(join(folder, 'edited-created.csv'), markedRows('Edited created', [1, 2, 3]));
    await importWith(client, input);
    const before = await rows(client, `SELECT id FROM customer WHERE comments LIKE 'Edited created %' ORDER BY comments`);
    await writeMarked(input, markedRows('Edited created', [1, '2 renamed', 3]));
    const since = setup.sandbox.requestLog.lastSeq;
    const again = await importWith(client, input);
    expect(again.outcome.summary).toMatchObject({ resumedRows: 2, byStatus: { created: 0, notApplied: 1 } });
    expect(again.outcome.problems.summary).toBe('Imported 3 rows of edited-created.csv (2 rows done earlier): 1 changed after they were created (not applied).');
    const recordId = String(before[1].id);
    expect(again.outcome.problems.problems).toEqual([{ row: 2, column: '', message: expect.stringContaining(`Created before as record ${recordId}; the row was changed since and the change is not applied`) }]);
    expect(writes(since)).toEqual([]);
    expect(await marked('Edited created')).toEqual(['Edited created 1', 'Edited created 2', 'Edited created 3']);
    const lines = await results(again.session.resultsPath);
    expect(lines[1]).toMatchObject({ row: '2', status: 'notApplied', recordId });
    // Said again on the next run, still nothing sent.
    expect((await importWith(client, input)).outcome.summary).toMatchObject({ resumedRows: 3, byStatus: { created: 0, notApplied: 0 } });
    expect(await marked('Edited created')).toHaveLength(3);
  });
});

describe('an update file changed, then run again', () => {
  it('sends only the row the person fixed: an update made earlier is not applied again over a later edit', async () => {
    const created = await writeMarked(join(folder, 'update-base.csv'), markedRows('Update base', [1, 2, 3]));
    await importWith(client, created);
    const ids = (await rows(client, `SELECT id FROM customer WHERE comments LIKE 'Update base %' ORDER BY comments`)).map((row) => String(row.id));
    const header = ['Internal ID', 'Phone'];
    // Row 3 names no such record: NetSuite refuses it.
    const input = await writeMarked(join(folder, 'update.csv'), [[ids[0], '+1 555 0201'], [ids[1], '+1 555 0202'], ['999999', '+1 555 0203']], header);
    const open = () => CsvImportSession.open(client, 'customer', 'update', input);
    const first = await open().then((session) => session.apply(session.planOf(session.initialMapping())));
    expect(first.summary.byStatus).toMatchObject({ updated: 2, failed: 1 });
    // Someone changes record 1 in NetSuite meanwhile; the person fixes row 3.
    await client.records.patch('customer', ids[0], { phone: '+1 555 0999' });
    await writeMarked(input, [[ids[0], '+1 555 0201'], [ids[1], '+1 555 0202'], [ids[2], '+1 555 0203']], header);
    const since = setup.sandbox.requestLog.lastSeq;
    const again = await open().then((session) => session.apply(session.planOf(session.initialMapping())));
    expect(again.summary).toMatchObject({ resumedRows: 2, byStatus: { updated: 1, failed: 0 } });
    const patches = setup.sandbox.requestLog.list({ since, method: 'PATCH' }).filter((entry) => entry.path.includes('/record/'));
    expect(patches.map((entry) => (entry.body as { items: unknown[] }).items.length)).toEqual([1]);
    expect((await rows(client, `SELECT phone FROM customer WHERE id IN (${ids.join(',')}) ORDER BY id`)).map((row) => row.phone)).toEqual(['+1 555 0999', '+1 555 0202', '+1 555 0203']);
  });
});
