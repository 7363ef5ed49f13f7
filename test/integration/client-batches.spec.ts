/**
 * Bulk changes on NetSuite's batch operations, over real HTTP against the sandbox: create, update, upsert and
 * delete in batches of at most 100 records, per-record partial failure, and exactly-once under lost answers, 429s
 * and 5xx — the records meant to change are changed, each once, and no other record is touched.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { NetSuiteClient } from '../../src/netsuite/client';
import type { BatchEntry } from '../../src/netsuite/recordBatches';
import type { SandboxFaults } from '../../src/sandbox/options';
import { firstId, setUpClient, type ClientSetup } from './client-sandbox';

let setup: ClientSetup;
let client: NetSuiteClient;
let subsidiaryId: string;

const noFaults: SandboxFaults = { seed: 1, rate500: 0, rate429: 0, resetBeforeCommitRate: 0, resetAfterCommitRate: 0 };
const collectionType = 'application/vnd.oracle.resource+json; type=collection';

async function rows(sql: string): Promise<Record<string, string>[]> {
  const page = await client.queryPage(sql, 0, { pageSize: 1000 });
  return page.rows.map((row) => row.raw as Record<string, string>);
}

async function customerIds(count: number, offset = 0): Promise<string[]> {
  return (await rows(`SELECT id FROM customer ORDER BY id`)).slice(offset, offset + count).map((row) => row.id);
}

function requestsSince(since: number, method?: string, pathPrefix?: string) {
  return setup.sandbox.requestLog.list({ since, method, pathPrefix });
}

beforeAll(async () => {
  setup = await setUpClient();
  client = setup.client();
  subsidiaryId = await firstId(client, 'subsidiary');
});

afterAll(async () => {
  await setup?.stop();
});

beforeEach(() => {
  setup.sandbox.configure({ faults: noFaults, latency: { perRequestMs: 0, perRowMs: 0, asyncJobMs: 0 } });
});

describe('the batch wire format', () => {
  it('sends a batch as one keyed async request per 100 records, with the collection media type', async () => {
    const ids = await customerIds(150);
    const since = setup.sandbox.requestLog.lastSeq;
    const run = await client.batches.run('customer', 'update', ids.map((id) => ({ id, fields: { comments: `wire ${id}` } })));
    expect(run.results.every((result) => result.status === 'succeeded')).toBe(true);
    const patches = requestsSince(since, 'PATCH');
    expect(patches).toHaveLength(2);
    for (const patch of patches) {
      expect(patch).toMatchObject({ status: 202, path: '/services/rest/record/v1/customer', headers: { prefer: 'respond-async', 'content-type': collectionType } });
      expect(patch.headers['x-netsuite-idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(new Set(patches.map((patch) => patch.headers['x-netsuite-idempotency-key'])).size).toBe(2);
    const comments = await rows(`SELECT id, comments FROM customer WHERE id IN (${ids.join(',')})`);
    expect(comments.every((row) => row.comments === `wire ${row.id}`)).toBe(true);
  });

  it('is refused with INVALID_CONTENT when sent as plain application/json, and above 100 records', async () => {
    const ids = await customerIds(2);
    const plain = await client.http.request({
      method: 'PATCH',
      path: 'record/v1/customer',
      headers: { prefer: 'respond-async' },
      body: { items: ids.map((id) => ({ id, comments: 'plain json' })) },
      safety: 'idempotent',
      answerErrors: true,
    });
    expect(plain.status).toBe(400);
    expect(JSON.stringify(plain.body)).toContain('INVALID_CONTENT');
    const tooMany = await client.http.request({
      method: 'POST',
      path: 'record/v1/customer',
      headers: { prefer: 'respond-async' },
      contentType: collectionType,
      body: { items: Array.from({ length: 101 }, (_, n) => ({ companyName: `Too Many ${n}`, subsidiary: { id: subsidiaryId } })) },
      safety: 'idempotent',
      answerErrors: true,
    });
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(tooMany.body)).toContain('at most 100 records');
    expect(await rows(`SELECT id FROM customer WHERE comments = 'plain json'`)).toHaveLength(0);
    expect(await rows(`SELECT id FROM customer WHERE companyname LIKE 'Too Many %'`)).toHaveLength(0);
  });
});

describe('partial failure: each record answers for itself', () => {
  it('updates the valid records and reports NetSuite\u2019s error on the others', async () => {
    const ids = await customerIds(5, 200);
    const entries: BatchEntry[] = ids.map((id) => ({ id, fields: { comments: `partial ${id}` } }));
    entries[1] = { id: ids[1], fields: { comments: 'never saved', subsidiary: { id: '987654' } } };
    entries[3] = { id: '99999999', fields: { comments: 'no such record' } };
    const { results } = await client.batches.run('customer', 'update', entries);
    expect(results.map((result) => result.status)).toEqual(['succeeded', 'failed', 'succeeded', 'failed', 'succeeded']);
    expect(results[1].error?.detail).toBeTruthy();
    expect(results[3].error?.code).toBe('NONEXISTENT_ID');
    const saved = await rows(`SELECT id, comments FROM customer WHERE id IN (${ids.join(',')}) ORDER BY id`);
    expect(saved.find((row) => row.id === ids[1])?.comments).not.toBe('never saved');
    for (const index of [0, 2, 4]) expect(saved.find((row) => row.id === ids[index])?.comments).toBe(`partial ${ids[index]}`);
  });

  it('creates the valid records, returns their ids, and names the missing field of the other', async () => {
    const entries: BatchEntry[] = [
      { fields: { companyName: 'Batch Create A', subsidiary: { id: subsidiaryId } } },
      { fields: { companyName: 'Batch Create B' } },
      { fields: { companyName: 'Batch Create C', subsidiary: { id: subsidiaryId } } },
    ];
    const { results } = await client.batches.run('customer', 'create', entries);
    expect(results.map((result) => result.status)).toEqual(['succeeded', 'failed', 'succeeded']);
    expect(results[1].error?.detail).toMatch(/Please enter value\(s\) for/);
    const created = await rows(`SELECT id, companyname FROM customer WHERE companyname LIKE 'Batch Create %' ORDER BY companyname`);
    expect(created.map((row) => row.companyname)).toEqual(['Batch Create A', 'Batch Create C']);
    expect(created.map((row) => row.id)).toEqual([results[0].id, results[2].id]);
  });

  it('upserts by external id: creates the new, updates the existing', async () => {
    const first = await client.batches.run('customer', 'upsert', [{ externalId: 'BATCH-UP-1', fields: { companyName: 'Upsert One', subsidiary: { id: subsidiaryId } } }]);
    expect(first.results[0].status).toBe('succeeded');
    const { results } = await client.batches.run('customer', 'upsert', [
      { externalId: 'BATCH-UP-1', fields: { companyName: 'Upsert One Renamed' } },
      { externalId: 'BATCH-UP-2', fields: { companyName: 'Upsert Two', subsidiary: { id: subsidiaryId } } },
    ]);
    expect(results.map((result) => result.status)).toEqual(['succeeded', 'succeeded']);
    expect(results[0].id).toBe(first.results[0].id);
    const upserted = await rows(`SELECT externalid, companyname FROM customer WHERE externalid LIKE 'BATCH-UP-%' ORDER BY externalid`);
    expect(upserted).toEqual([
      { externalid: 'BATCH-UP-1', companyname: 'Upsert One Renamed' },
      { externalid: 'BATCH-UP-2', companyname: 'Upsert Two' },
    ]);
  });

  it('deletes by ?ids= and keeps a record others depend on, with NetSuite\u2019s reason', async () => {
    const made = await client.batches.run(
      'customer',
      'create',
      [1, 2].map((n) => ({ fields: { companyName: `Delete Me ${n}`, subsidiary: { id: subsidiaryId } } })),
    );
    const withOrders = (await rows(`SELECT DISTINCT entity AS id FROM transaction WHERE type = 'SalesOrd' ORDER BY entity`))[0].id;
    const ids = [made.results[0].id!, withOrders, made.results[1].id!];
    const since = setup.sandbox.requestLog.lastSeq;
    const { results } = await client.batches.run('customer', 'delete', ids.map((id) => ({ id })));
    expect(requestsSince(since, 'DELETE')[0].path).toBe('/services/rest/record/v1/customer');
    expect(results.map((result) => result.status)).toEqual(['succeeded', 'failed', 'succeeded']);
    expect(results[1].error?.code).toBe('THIS_RECORD_CANNOT_BE_DELETED_BECAUSE_IT_HAS_DEPENDENT_RECORDS');
    expect(await rows(`SELECT id FROM customer WHERE id IN (${ids.join(',')})`)).toEqual([{ id: withOrders }]);
  });
});

describe('exactly once under lost answers, 429s and 5xx', () => {
  it('creates each record once when every submission\u2019s answer is lost after the commit', async () => {
    setup.sandbox.configure({ faults: { ...noFaults, resetAfterCommitRate: 1 } });
    const since = setup.sandbox.requestLog.lastSeq;
    const { results } = await client.batches.run(
      'customer',
      'create',
      Array.from({ length: 30 }, (_, n) => ({ fields: { companyName: `Reset Batch ${n}`, subsidiary: { id: subsidiaryId } } })),
      { batchSize: 10 },
    );
    setup.sandbox.configure({ faults: noFaults });
    expect(results.every((result) => result.status === 'succeeded')).toBe(true);
    // Each batch: the first answer was lost after its job was queued; the repeat was led to that job.
    const posts = requestsSince(since, 'POST');
    expect(posts.filter((post) => post.status === undefined)).toHaveLength(3);
    expect(posts.filter((post) => post.status === 409)).toHaveLength(3);
    const made = await rows(`SELECT companyname, COUNT(*) AS n FROM customer WHERE companyname LIKE 'Reset Batch %' GROUP BY companyname`);
    expect(made).toHaveLength(30);
    expect(made.every((row) => row.n === '1')).toBe(true);
    expect(new Set(results.map((result) => result.id)).size).toBe(30);
  });

  it('changes exactly the intended records, each once, under random 429s, 5xx and resets', async () => {
    const untouched = await customerIds(20, 160);
    const before = await rows(`SELECT id, comments FROM customer WHERE id IN (${untouched.join(',')}) ORDER BY id`);
    setup.sandbox.configure({ faults: { seed: 7, rate500: 0.1, rate429: 0.15, resetBeforeCommitRate: 0.1, resetAfterCommitRate: 0.2 } });
    const names = Array.from({ length: 250 }, (_, n) => `Faulty Batch ${String(n).padStart(3, '0')}`);
    // Small batches: many submissions, so every kind of fault lands on some of them.
    const created = await client.batches.run('customer', 'create', names.map((companyName) => ({ fields: { companyName, subsidiary: { id: subsidiaryId } } })), { batchSize: 10 });
    const updated = await client.batches.run('customer', 'update', created.results.map((result) => ({ id: result.id!, fields: { comments: `bulk ${result.id}` } })), { batchSize: 10 });
    setup.sandbox.configure({ faults: noFaults });
    expect(created.results.every((result) => result.status === 'succeeded')).toBe(true);
    expect(updated.results.every((result) => result.status === 'succeeded')).toBe(true);
    const made = await rows(`SELECT id, companyname, comments FROM customer WHERE companyname LIKE 'Faulty Batch %' ORDER BY companyname`);
    expect(made.map((row) => row.companyname)).toEqual(names);
    expect(made.every((row) => row.comments === `bulk ${row.id}`)).toBe(true);
    expect(await rows(`SELECT id, comments FROM customer WHERE id IN (${untouched.join(',')}) ORDER BY id`)).toEqual(before);
    // Faults really happened on the batch submissions.
    const faults = setup.sandbox.requestLog.list({}).filter((entry) => entry.fault && entry.path === '/services/rest/record/v1/customer');
    expect(new Set(faults.map((entry) => entry.fault))).toEqual(new Set(['error500', 'error429', 'resetBeforeCommit', 'resetAfterCommit']));
  });

  it('stops submitting new batches when asked and reports the rest as not submitted', async () => {
    const ids = await customerIds(300, 0);
    const stop = new AbortController();
    const run = await client.batches.run('customer', 'update', ids.map((id) => ({ id, fields: { comments: 'stopped run' } })), {
      concurrency: 1,
      onProgress: () => stop.abort(),
      stop: stop.signal,
    });
    expect(run.stopped).toBe(true);
    expect(run.results.filter((result) => result.status === 'succeeded')).toHaveLength(100);
    expect(run.results.filter((result) => result.status === 'notSubmitted')).toHaveLength(200);
    expect(await rows(`SELECT id FROM customer WHERE comments = 'stopped run'`)).toHaveLength(100);
  });
});
