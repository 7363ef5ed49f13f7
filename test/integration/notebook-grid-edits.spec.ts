/**
 * Editing a SuiteQL result in the grid, over real HTTP against the sandbox: which columns map back to REST fields
 * through the catalog, and Apply — only the changed fields are sent, one PATCH for one record and the batch API for
 * more, NetSuite's refusal lands on its row and cell, and a retry of the failed row applies it once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetSuiteClient } from '../../src/netsuite/client';
import type { GridRecordEdit } from '../../src/protocol/gridEditMessages';
import type { RowsColumn } from '../../src/protocol/rows';
import { applyFromGrid, applyGridEdits, runBulkAction } from '../../src/app/notebook/gridEditApply';
import { gridEditMap, writableFields } from '../../src/app/notebook/gridEditMapping';
import { setUpClient, type ClientSetup } from './client-sandbox';

let setup: ClientSetup;
let client: NetSuiteClient;

const columnsOf = (...names: string[]): RowsColumn[] => names.map((name) => ({ name }));

async function rows(sql: string): Promise<Record<string, string>[]> {
  const page = await client.queryPage(sql, 0, { pageSize: 1000 });
  return page.rows.map((row) => row.raw as Record<string, string>);
}

function requestsSince(since: number, method: string) {
  return setup.sandbox.requestLog.list({ since, method });
}

beforeAll(async () => {
  setup = await setUpClient();
  client = setup.client();
  setup.sandbox.configure({ latency: { perRequestMs: 0, perRowMs: 0, asyncJobMs: 0 } });
});

afterAll(async () => {
  await setup?.stop();
});

describe('which cells map to REST fields', () => {
  it('maps plain columns of a record-type table to its fields and says why the others are read-only', async () => {
    const query = 'SELECT id, companyname, email, UPPER(entityid) AS entityid, balancesearch, phone AS mobilephone FROM customer';
    const map = await gridEditMap(query, columnsOf('id', 'companyname', 'email', 'entityid', 'balancesearch', 'mobilephone'), [], client.metadata);
    expect(map.reason).toBeUndefined();
    expect(map.idColumn).toBe(0);
    expect(map.types).toHaveLength(1);
    const [customer] = map.types;
    expect(customer.recordType?.toLowerCase()).toBe('customer');
    expect(customer.fields).toEqual([null, 'companyName', 'email', null, null, null]);
    expect(customer.reasons[0]).toMatch(/internal id/);
    expect(customer.reasons[3]).toMatch(/computed by the query/);
    expect(customer.reasons[4]).toMatch(/not a field of customer/);
    expect(customer.reasons[5]).toMatch(/computed by the query/);
  });

  it('refuses joins, results without the id, and transactions without their record type', async () => {
    const join = await gridEditMap('SELECT c.id, c.email FROM customer c JOIN employee e ON e.id = c.salesrep', columnsOf('id', 'email'), [], client.metadata);
    expect(join.reason).toMatch(/one table/);
    const noId = await gridEditMap('SELECT email FROM customer', columnsOf('email'), [], client.metadata);
    expect(noId.reason).toMatch(/customer\.id/);
    const noType = await gridEditMap('SELECT id, memo FROM transaction', columnsOf('id', 'memo'), [], client.metadata);
    expect(noType.reason).toMatch(/recordtype/);
  });

  it('takes each transaction row’s record type from its recordtype column', async () => {
    const map = await gridEditMap('SELECT id, recordtype, memo FROM transaction', columnsOf('id', 'recordtype', 'memo'), ['salesorder', 'invoice', 'nosuchtype'], client.metadata);
    expect(map.typeColumn).toBe(1);
    const byValue = new Map(map.types.map((type) => [type.value, type]));
    expect(byValue.get('salesorder')?.fields[2]).toBe('memo');
    expect(byValue.get('invoice')?.fields[2]).toBe('memo');
    expect(byValue.get('nosuchtype')?.rowReason).toMatch(/not a record type/);
  });
});

describe('Apply', () => {
  const query = 'SELECT id, email, comments FROM customer ORDER BY id';
  const columns = columnsOf('id', 'email', 'comments');

  it('sends one PATCH of only the changed field for one record', async () => {
    const map = await gridEditMap(query, columns, [], client.metadata);
    const [first] = await rows('SELECT id, email, comments FROM customer ORDER BY id');
    const since = setup.sandbox.requestLog.lastSeq;
    const edit: GridRecordEdit = { row: 0, recordType: map.types[0].recordType!, id: first.id, changes: [{ column: 2, field: 'comments', before: first.comments ?? null, after: 'one record' }] };
    const results = await applyGridEdits(client, [edit], map);
    expect(results).toEqual([{ row: 0, status: 'saved', values: [{ column: 2, value: 'one record' }] }]);
    const patches = requestsSince(since, 'PATCH');
    expect(patches).toHaveLength(1);
    expect(patches[0].path).toBe(`/services/rest/record/v1/${map.types[0].recordType}/${first.id}`);
    expect(patches[0].body).toEqual({ comments: 'one record' });
    expect((await rows(`SELECT comments FROM customer WHERE id = ${first.id}`))[0].comments).toBe('one record');
  });

  it('uses one batch for several records, puts NetSuite’s error on the refused cell, and a retry applies it once', async () => {
    const map = await gridEditMap(query, columns, [], client.metadata);
    const recordType = map.types[0].recordType!;
    const [a, b, c] = (await rows('SELECT id, email, comments FROM customer ORDER BY id')).slice(1, 4);
    const edits: GridRecordEdit[] = [
      { row: 1, recordType, id: a.id, changes: [{ column: 2, field: 'comments', before: a.comments ?? null, after: 'batch a' }] },
      { row: 2, recordType, id: b.id, changes: [{ column: 1, field: 'email', before: b.email ?? null, after: 'not an email' }, { column: 2, field: 'comments', before: b.comments ?? null, after: 'batch b' }] },
      { row: 3, recordType, id: c.id, changes: [{ column: 1, field: 'email', before: c.email ?? null, after: 'new.c@example.com' }] },
    ];
    const since = setup.sandbox.requestLog.lastSeq;
    const results = await applyGridEdits(client, edits, map);
    expect(results.map((result) => result.status)).toEqual(['saved', 'failed', 'saved']);
    expect(results[1]).toMatchObject({ row: 2, column: 1 });
    expect(results[1].message).toMatch(/email/i);
    const patches = requestsSince(since, 'PATCH');
    expect(patches).toHaveLength(1);
    expect(patches[0].path).toBe(`/services/rest/record/v1/${recordType}`);
    expect(patches[0].body).toEqual({
      items: [
        { id: a.id, comments: 'batch a' },
        { id: b.id, email: 'not an email', comments: 'batch b' },
        { id: c.id, email: 'new.c@example.com' },
      ],
    });
    const after = new Map((await rows(`SELECT id, email, comments FROM customer WHERE id IN (${a.id}, ${b.id}, ${c.id})`)).map((row) => [row.id, row]));
    expect(after.get(a.id)?.comments).toBe('batch a');
    expect(after.get(b.id)?.comments ?? null).toBe(b.comments ?? null);
    expect(after.get(c.id)?.email).toBe('new.c@example.com');

    // The grid keeps only the failed row edited; fixed and applied again, it alone is sent, once.
    const retrySince = setup.sandbox.requestLog.lastSeq;
    const retry = await applyGridEdits(client, [{ ...edits[1], changes: [{ ...edits[1].changes[0], after: 'fixed.b@example.com' }, edits[1].changes[1]] }], map);
    expect(retry).toMatchObject([{ row: 2, status: 'saved' }]);
    const retried = requestsSince(retrySince, 'PATCH');
    expect(retried).toHaveLength(1);
    expect(retried[0].body).toEqual({ email: 'fixed.b@example.com', comments: 'batch b' });
    const b2 = (await rows(`SELECT email, comments FROM customer WHERE id = ${b.id}`))[0];
    expect(b2).toMatchObject({ email: 'fixed.b@example.com', comments: 'batch b' });
  });

  it('refuses a change to a column the map did not make editable, without sending anything', async () => {
    const map = await gridEditMap(query, columns, [], client.metadata);
    const since = setup.sandbox.requestLog.lastSeq;
    const results = await applyGridEdits(client, [{ row: 0, recordType: map.types[0].recordType!, id: '1', changes: [{ column: 0, field: 'id', before: '1', after: '2' }] }], map);
    expect(results).toMatchObject([{ row: 0, status: 'failed', column: 0 }]);
    expect(requestsSince(since, 'PATCH')).toHaveLength(0);
  });
});

describe('Apply behaves as a form’s Save on protected accounts', () => {
  const query = 'SELECT id, comments FROM customer ORDER BY id';

  async function oneEdit(after: string): Promise<{ map: Awaited<ReturnType<typeof gridEditMap>>; edit: GridRecordEdit }> {
    const map = await gridEditMap(query, columnsOf('id', 'comments'), [], client.metadata);
    const row = (await rows(query))[20];
    return { map, edit: { row: 20, recordType: map.types[0].recordType!, id: row.id, changes: [{ column: 1, field: 'comments', before: row.comments ?? null, after }] } };
  }

  it('sends nothing from a read-only account and keeps the edits', async () => {
    const { map, edit } = await oneEdit('from a read-only account');
    const since = setup.sandbox.requestLog.lastSeq;
    let asked = false;
    const outcome = await applyFromGrid({ account: { label: 'Acme production', readOnly: true }, confirmWrite: async () => (asked = true), client, edits: [edit], map });
    expect(outcome.summary).toMatch(/Acme production is read-only in SuiteLens; nothing was sent/);
    expect(outcome.results).toMatchObject([{ row: 20, status: 'notSubmitted' }]);
    expect(asked).toBe(false);
    expect(requestsSince(since, 'PATCH')).toHaveLength(0);
  });

  it('asks first with old → new per record, sends nothing on "no" and once on "yes"', async () => {
    const { map, edit } = await oneEdit('confirmed in the grid');
    const questions: { what: string; changes: readonly { field: string; before: string; after: string }[] }[] = [];
    const since = setup.sandbox.requestLog.lastSeq;
    const refused = await applyFromGrid({ account: { label: 'Acme production', readOnly: false }, confirmWrite: async (what, changes) => (questions.push({ what, changes }), false), client, edits: [edit], map });
    expect(refused).toEqual({ results: [], summary: 'Nothing was sent; your edits are kept.', failed: 0 });
    expect(requestsSince(since, 'PATCH')).toHaveLength(0);
    expect(questions[0]).toEqual({ what: 'Update 1 record from the grid', changes: [{ field: `${edit.recordType} ${edit.id} · comments`, before: edit.changes[0].before ?? '(empty)', after: 'confirmed in the grid' }] });

    const accepted = await applyFromGrid({ account: { label: 'Acme production', readOnly: false }, confirmWrite: async () => true, client, edits: [edit], map });
    expect(accepted.summary).toBe('Saved 1 of 1 record.');
    expect(requestsSince(since, 'PATCH')).toHaveLength(1);
    expect((await rows(`SELECT comments FROM customer WHERE id = ${edit.id}`))[0].comments).toBe('confirmed in the grid');
  });
});

describe('bulk actions', () => {
  it('sets a field on 150 records in two batches, and stopping early leaves the rest unsent', async () => {
    const map = await gridEditMap('SELECT id, comments FROM customer', columnsOf('id', 'comments'), [], client.metadata);
    const recordType = map.types[0].recordType!;
    const field = (await writableFields(recordType, client.metadata)).find((model) => model.id === 'comments')!;
    const ids = (await rows('SELECT id FROM customer ORDER BY id')).slice(10, 160).map((row) => row.id);
    const records = ids.map((id, row) => ({ row, recordType, id }));
    const since = setup.sandbox.requestLog.lastSeq;
    const run = await runBulkAction(client, { kind: 'setField', recordType, field, text: 'bulk set', column: 1 }, records);
    expect(run.results.every((result) => result.status === 'saved')).toBe(true);
    expect(requestsSince(since, 'PATCH')).toHaveLength(2);
    const changed = await rows(`SELECT COUNT(*) AS n FROM customer WHERE comments = 'bulk set'`);
    expect(Number(changed[0].n)).toBe(150);

    const stop = new AbortController();
    const stopped = await runBulkAction(client, { kind: 'setField', recordType, field, text: 'stopped', column: 1 }, records, {
      stop: stop.signal,
      concurrency: 1,
      onProgress: () => stop.abort(),
    });
    expect(stopped.stopped).toBe(true);
    const saved = stopped.results.filter((result) => result.status === 'saved').length;
    expect(saved).toBeGreaterThan(0);
    expect(stopped.results.filter((result) => result.status === 'notSubmitted')).toHaveLength(150 - saved);
    const count = await rows(`SELECT COUNT(*) AS n FROM customer WHERE comments = 'stopped'`);
    expect(Number(count[0].n)).toBe(saved);
  });

  it('deletes the selected records in a batch', async () => {
    const recordType = 'customer';
    const created = await Promise.all([1, 2, 3].map((n) => client.records.create(recordType, { companyName: `Delete me ${n}`, subsidiary: { id: '1' } })));
    const records = created.map((write, row) => ({ row, recordType, id: write.id }));
    const since = setup.sandbox.requestLog.lastSeq;
    const run = await runBulkAction(client, { kind: 'delete', recordType }, records);
    expect(run.results.map((result) => result.status)).toEqual(['deleted', 'deleted', 'deleted']);
    expect(requestsSince(since, 'DELETE')).toHaveLength(1);
    expect(await rows(`SELECT id FROM customer WHERE id IN (${created.map((write) => write.id).join(',')})`)).toEqual([]);
  });
});
