/**
 * "A retried create never duplicates a record" on NetSuite's terms: the idempotency key counts only on async
 * requests, so creates and transforms go as jobs (`Prefer: respond-async` + key → 202 → job → task → result).
 * Over real HTTP against the sandbox, which ignores the key on synchronous writes as NetSuite does.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { NetSuiteClient } from '../../src/netsuite/client';
import type { SandboxFaults } from '../../src/sandbox/options';
import { firstId as firstIdOf, rejection, setUpClient, type ClientSetup } from './client-sandbox';

let setup: ClientSetup;
let client: NetSuiteClient;
let subsidiaryId: string;
let customerId: string;
let itemId: string;

const noFaults: SandboxFaults = { seed: 1, rate500: 0, rate429: 0, resetBeforeCommitRate: 0, resetAfterCommitRate: 0 };
const jobPrefix = '/services/rest/async/v1/job';

const firstId = (table: string) => firstIdOf(client, table);

async function countWhere(table: string, condition: string): Promise<number> {
  return Number((await client.queryPage(`SELECT COUNT(*) AS n FROM ${table} WHERE ${condition}`)).rows[0].raw.n);
}

function requestsSince(since: number, method?: string, pathPrefix?: string) {
  return setup.sandbox.requestLog.list({ since, method, pathPrefix });
}

beforeAll(async () => {
  setup = await setUpClient();
  client = setup.client();
  [subsidiaryId, customerId, itemId] = await Promise.all([firstId('subsidiary'), firstId('customer'), firstId('item')]);
});

afterAll(async () => {
  await setup?.stop();
});

beforeEach(() => {
  setup.sandbox.configure({ faults: noFaults, latency: { perRequestMs: 0, perRowMs: 0, asyncJobMs: 0 } });
});

describe('creates and transforms go as async jobs under an idempotency key', () => {
  it('creates one record through the job, with Prefer: respond-async and the caller\u2019s key on the POST', async () => {
    const key = randomUUID();
    const since = setup.sandbox.requestLog.lastSeq;
    const created = await client.records.create('customer', { companyName: 'Async Create Co', subsidiary: { id: subsidiaryId } }, { idempotencyKey: key });
    expect((await client.records.get('customer', created.id)).companyName).toBe('Async Create Co');
    expect(created.location).toMatch(new RegExp(`/record/v1/customer/${created.id}$`));
    const posts = requestsSince(since, 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({ status: 202, headers: { prefer: 'respond-async', 'x-netsuite-idempotency-key': key } });
    // The job, its task list and the task's result were read.
    expect(requestsSince(since, 'GET', jobPrefix).map((entry) => entry.path.replace(/\/job\/\d+/, '/job/N'))).toEqual([
      `${jobPrefix}/N`,
      `${jobPrefix}/N/task`,
      `${jobPrefix}/N/task/1/result`,
    ]);
    expect(await countWhere('customer', "companyname = 'Async Create Co'")).toBe(1);
  });

  it('makes exactly one record when the connection resets after the commit: the retry is led to the first job', async () => {
    const key = randomUUID();
    setup.sandbox.configure({ faults: { ...noFaults, resetAfterCommitRate: 1 } });
    const since = setup.sandbox.requestLog.lastSeq;
    const created = await client.records.create('customer', { companyName: 'Reset After Commit Co', subsidiary: { id: subsidiaryId } }, { idempotencyKey: key });
    setup.sandbox.configure({ faults: noFaults });
    const posts = requestsSince(since, 'POST');
    // The first answer never arrived (reset after the job was queued); the repeat was told about that job.
    expect(posts.map((entry) => entry.status)).toEqual([undefined, 409]);
    expect(await countWhere('customer', "companyname = 'Reset After Commit Co'")).toBe(1);
    expect((await client.records.get('customer', created.id)).companyName).toBe('Reset After Commit Co');
  });

  it('gives the same id to a caller\u2019s own retry with the same key after the first call failed on the network', async () => {
    const key = randomUUID();
    const body = { companyName: 'Caller Retry Co', subsidiary: { id: subsidiaryId } };
    const impatient = setup.client({ backoff: { maxAttempts: 1 } });
    setup.sandbox.configure({ faults: { ...noFaults, resetAfterCommitRate: 1 } });
    const failure = await rejection(impatient.records.create('customer', body, { idempotencyKey: key }));
    setup.sandbox.configure({ faults: noFaults });
    expect(failure.kind).toBe('network');
    const [record] = (await client.queryPage("SELECT id FROM customer WHERE companyname = 'Caller Retry Co'")).rows;
    const retried = await client.records.create('customer', body, { idempotencyKey: key });
    expect(retried.id).toBe(record.raw.id);
    expect(await countWhere('customer', "companyname = 'Caller Retry Co'")).toBe(1);
  });

  it('transforms once under a reset after the commit, returning the one invoice made', async () => {
    const order = await client.records.create('salesOrder', { entity: { id: customerId }, memo: 'Async Transform SO', item: { items: [{ item: { id: itemId }, quantity: 3, rate: 5 }] } });
    const key = randomUUID();
    setup.sandbox.configure({ faults: { ...noFaults, resetAfterCommitRate: 1 } });
    const invoice = await client.records.transform('salesOrder', order.id, 'invoice', { memo: 'Async Transform INV' }, { idempotencyKey: key });
    setup.sandbox.configure({ faults: noFaults });
    const again = await client.records.transform('salesOrder', order.id, 'invoice', { memo: 'Async Transform INV' }, { idempotencyKey: key });
    expect(again.id).toBe(invoice.id);
    expect(await countWhere('transaction', "memo = 'Async Transform INV'")).toBe(1);
    expect((await client.records.get('invoice', invoice.id)).createdFrom).toMatchObject({ id: order.id });
  });

  it('surfaces a validation error inside the job as NetSuite\u2019s error, with the o:errorPath a form needs', async () => {
    const error = await rejection(
      client.records.create('salesOrder', { entity: { id: customerId }, item: { items: [{ item: { id: itemId }, quantity: 1 }, { item: { id: '999999' }, quantity: 1 }] } }),
    );
    expect(error).toMatchObject({ kind: 'invalid', status: 400, code: 'INVALID_CONTENT', errorPath: 'item.items[1].item' });
    expect(error.message).toContain('Invalid Field Value 999999');
    expect(error.request).toMatch(new RegExp(`^POST /services/rest/record/v1/salesOrder \\(job .*${jobPrefix}/\\d+\\)$`));
  });

  it('saves a corrected form under the key of its failed attempt: the failed job made nothing, so it is submitted anew', async () => {
    const key = randomUUID();
    const missing = await rejection(client.records.create('customer', { companyName: 'Fixed Form Co' }, { idempotencyKey: key }));
    expect(missing).toMatchObject({ kind: 'invalid', code: 'USER_ERROR', detail: expect.stringContaining('Please enter value(s) for: Primary Subsidiary') });
    const since = setup.sandbox.requestLog.lastSeq;
    const created = await client.records.create('customer', { companyName: 'Fixed Form Co', subsidiary: { id: subsidiaryId } }, { idempotencyKey: key });
    expect(requestsSince(since, 'POST').map((entry) => entry.status)).toEqual([409, 202]);
    expect((await client.records.get('customer', created.id)).companyName).toBe('Fixed Form Co');
    expect(await countWhere('customer', "companyname = 'Fixed Form Co'")).toBe(1);
  });

  it('tells the caller the fresh key a re-submission goes under, so repeating a PATCH with lines under it adds them once', async () => {
    const order = await client.records.create('salesOrder', { entity: { id: customerId }, memo: 'Key Replaced SO', item: { items: [{ item: { id: itemId }, quantity: 1, rate: 5 }] } });
    let key: string = randomUUID();
    const keyReplaced = (fresh: string) => (key = fresh);
    await rejection(client.records.patch('salesOrder', order.id, { item: { items: [{ item: { id: '999999' }, quantity: 1 }] } }, { idempotencyKey: key, keyReplaced }));
    const added = { item: { items: [{ item: { id: itemId }, quantity: 7, rate: 5 }] } };
    setup.sandbox.configure({ latency: { asyncJobMs: 1500 } });
    const hasty = setup.client({ asyncJobPolling: { firstDelayMs: 20, maxDelayMs: 60, limitMs: 300 } });
    expect((await rejection(hasty.records.patch('salesOrder', order.id, added, { idempotencyKey: key, keyReplaced }))).kind).toBe('server');
    await client.records.patch('salesOrder', order.id, added, { idempotencyKey: key, keyReplaced });
    await new Promise((resolve) => setTimeout(resolve, 1600));
    const lines = (await client.records.get('salesOrder', order.id, { expandSubResources: true })).item as { items: { quantity: number }[] };
    expect(lines.items.map((line) => line.quantity)).toEqual([1, 7]);
  });

  it('a create without a key of its own still carries one, the same on every attempt, and 500s on job reads are retried', async () => {
    setup.sandbox.configure({ faults: { ...noFaults, seed: 7, rate500: 0.2, resetAfterCommitRate: 0.5 } });
    const since = setup.sandbox.requestLog.lastSeq;
    const created = await Promise.all(Array.from({ length: 10 }, (_, index) => client.records.create('customer', { companyName: `Unkeyed Async ${index}`, subsidiary: { id: subsidiaryId } })));
    setup.sandbox.configure({ faults: noFaults });
    const posts = requestsSince(since, 'POST');
    expect(posts.length).toBeGreaterThan(10);
    expect(new Set(posts.map((entry) => entry.headers['x-netsuite-idempotency-key'])).size).toBe(10);
    expect(requestsSince(since, 'GET', jobPrefix).filter((entry) => entry.fault === 'error500').length).toBeGreaterThan(0);
    expect(new Set(created.map((record) => record.id)).size).toBe(10);
    expect(await countWhere('customer', "companyname LIKE 'Unkeyed Async %'")).toBe(10);
  });
});

describe('waiting for a job', () => {
  it('polls a pending job until it has run, then returns the record it made', async () => {
    setup.sandbox.configure({ latency: { asyncJobMs: 400 } });
    const since = setup.sandbox.requestLog.lastSeq;
    const created = await client.records.create('customer', { companyName: 'Queued Job Co', subsidiary: { id: subsidiaryId } });
    const jobLooks = requestsSince(since, 'GET', jobPrefix).filter((entry) => /\/job\/\d+$/.test(entry.path));
    expect(jobLooks.length).toBeGreaterThan(1);
    expect((await client.records.get('customer', created.id)).companyName).toBe('Queued Job Co');
  });

  it('gives up after its limit with an error naming the job, which the user can still check', async () => {
    setup.sandbox.configure({ latency: { asyncJobMs: 60_000 } });
    const hasty = setup.client({ asyncJobPolling: { firstDelayMs: 20, maxDelayMs: 40, limitMs: 150 } });
    const error = await rejection(hasty.records.create('customer', { companyName: 'Too Slow Co', subsidiary: { id: subsidiaryId } }));
    expect(error.kind).toBe('server');
    expect(error.message).toMatch(new RegExp(`create customer as job ${setup.sandbox.baseUrl}${jobPrefix}/\\d+, but the job had not finished`));
    expect(error.advice).toContain(`${setup.sandbox.baseUrl}${jobPrefix}/`);
  });

  it('stops waiting when cancelled, and says which job was left running', async () => {
    setup.sandbox.configure({ latency: { asyncJobMs: 60_000 } });
    const since = setup.sandbox.requestLog.lastSeq;
    const controller = new AbortController();
    const pending = rejection(client.records.create('customer', { companyName: 'Cancelled Wait Co', subsidiary: { id: subsidiaryId } }, { signal: controller.signal }));
    await expect.poll(() => requestsSince(since, 'GET', jobPrefix).length, { timeout: 10_000, interval: 20 }).toBeGreaterThan(0);
    controller.abort();
    const error = await pending;
    expect(error.kind).toBe('cancelled');
    expect(error.message).toMatch(new RegExp(`^Stopped waiting for NetSuite job ${setup.sandbox.baseUrl}${jobPrefix}/\\d+ \\(create customer\\)$`));
  });
});
