/**
 * Every write is safe to retry, proven kind by kind with the sandbox's reset-after-commit fault over real HTTP: the
 * write commits, the connection drops before the answer, the client tries again. Afterwards the lines are counted:
 * each change happened exactly once. A PATCH that adds a line without `replace` (what the agents' updateRecord
 * sends) used to be repeated synchronously and doubled the lines while reporting success.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { NetSuiteClient } from '../../src/netsuite/client';
import type { SandboxFaults } from '../../src/sandbox/options';
import { mulberry32 } from '../../src/sandbox/seed/random';
import { firstId as firstIdOf, rejection, setUpClient, type ClientSetup } from './client-sandbox';

let setup: ClientSetup;
let client: NetSuiteClient;
let customerId: string;
let itemId: string;

const noFaults: SandboxFaults = { seed: 1, rate500: 0, rate429: 0, resetBeforeCommitRate: 0, resetAfterCommitRate: 0 };
const resetRate = 0.5;
let lastSeed = 100;

/**
 * Faults that reset the first write after its commit and not the second (the sandbox draws two numbers per request,
 * the second deciding a reset): a seed is picked whose draws say so, a new one each time so the generator restarts.
 */
function resetFirstWriteOnly(): SandboxFaults {
  for (let seed = lastSeed + 1; ; seed += 1) {
    const draw = mulberry32(seed);
    draw();
    const first = draw();
    draw();
    const second = draw();
    if (first < resetRate && second >= resetRate) {
      lastSeed = seed;
      return { ...noFaults, seed, resetAfterCommitRate: resetRate };
    }
  }
}

/** Runs a write with its first attempt reset after the commit, and checks that the fault did happen. */
async function withResetAfterCommit<T>(write: () => Promise<T>): Promise<T> {
  const since = setup.sandbox.requestLog.lastSeq;
  setup.sandbox.configure({ faults: resetFirstWriteOnly() });
  try {
    return await write();
  } finally {
    setup.sandbox.configure({ faults: noFaults });
    const writes = setup.sandbox.requestLog.list({ since }).filter((entry) => entry.method !== 'GET');
    expect(writes[0]?.fault, 'the first write lost its answer after committing').toBe('resetAfterCommit');
    expect(writes.length, 'the client tried again').toBeGreaterThan(1);
  }
}

type Line = Record<string, unknown> & { line?: number };

async function linesOf(recordType: string, id: string): Promise<Line[]> {
  const record = await client.records.get(recordType, id, { expandSubResources: true });
  return ((record.item as { items?: Line[] } | undefined)?.items ?? []).map((line) => ({ ...line }));
}

async function orderWithTwoLines(memo: string): Promise<string> {
  const { id } = await client.records.create('salesOrder', {
    entity: { id: customerId },
    memo,
    item: { items: [{ item: { id: itemId }, quantity: 1, rate: 10 }, { item: { id: itemId }, quantity: 2, rate: 20 }] },
  });
  expect(await linesOf('salesOrder', id)).toHaveLength(2);
  return id;
}

beforeAll(async () => {
  setup = await setUpClient();
  client = setup.client();
  [customerId, itemId] = await Promise.all([firstIdOf(client, 'customer'), firstIdOf(client, 'item')]);
});

afterAll(async () => {
  await setup?.stop();
});

beforeEach(() => {
  setup.sandbox.configure({ faults: noFaults, latency: { perRequestMs: 0, perRowMs: 0, asyncJobMs: 0 } });
});

describe('a reset after the commit changes the record exactly once', () => {
  it('a PATCH adding a line without replace (the agents\u2019 updateRecord): 2 lines become 3, not 4', async () => {
    const id = await orderWithTwoLines('Retry Append SO');
    await withResetAfterCommit(() => client.records.patch('salesOrder', id, { item: { items: [{ item: { id: itemId }, quantity: 7, rate: 1 }] } }));
    const lines = await linesOf('salesOrder', id);
    expect(lines.map((line) => line.quantity)).toEqual([1, 2, 7]);
  });

  it('a Save repeated by the caller under the same key after the first failed on the network adds the line once', async () => {
    const id = await orderWithTwoLines('Caller Repeat SO');
    const key = randomUUID();
    const change = { item: { items: [{ item: { id: itemId }, quantity: 8, rate: 1 }] } };
    const impatient = setup.client({ backoff: { maxAttempts: 1 } });
    setup.sandbox.configure({ faults: { ...noFaults, seed: 99, resetAfterCommitRate: 1 } });
    const failure = await rejection(impatient.records.patch('salesOrder', id, change, { idempotencyKey: key }));
    setup.sandbox.configure({ faults: noFaults });
    expect(failure.kind).toBe('network');
    expect(failure.message).toMatch(/The update salesOrder \d+ may have been applied: NetSuite's answer was lost$/);
    await client.records.patch('salesOrder', id, change, { idempotencyKey: key });
    expect((await linesOf('salesOrder', id)).map((line) => line.quantity)).toEqual([1, 2, 8]);
  });

  it('a PATCH that updates one line by its line id and adds another: one update, one new line', async () => {
    const id = await orderWithTwoLines('Retry Update And Add SO');
    const [first] = await linesOf('salesOrder', id);
    await withResetAfterCommit(() =>
      client.records.patch('salesOrder', id, { item: { items: [{ line: first.line, quantity: 5 }, { item: { id: itemId }, quantity: 9, rate: 3 }] } }),
    );
    expect((await linesOf('salesOrder', id)).map((line) => line.quantity)).toEqual([5, 2, 9]);
  });

  it('a PATCH removing a line with replace and the kept line keys: 2 lines become 1', async () => {
    const id = await orderWithTwoLines('Retry Remove Line SO');
    const [, second] = await linesOf('salesOrder', id);
    await withResetAfterCommit(() => client.records.patch('salesOrder', id, { item: { items: [{ line: second.line }] } }, { replace: ['item'] }));
    expect((await linesOf('salesOrder', id)).map((line) => line.quantity)).toEqual([2]);
  });

  it('a PATCH of body fields only is repeated as is and leaves the lines alone', async () => {
    const id = await orderWithTwoLines('Retry Body SO');
    await withResetAfterCommit(() => client.records.patch('salesOrder', id, { memo: 'Retry Body SO (edited)' }));
    expect((await client.records.get('salesOrder', id)).memo).toBe('Retry Body SO (edited)');
    expect(await linesOf('salesOrder', id)).toHaveLength(2);
  });

  it('an upsert (PUT by external id) with lines: the lines are there once', async () => {
    const externalId = `retry-upsert-${Date.now()}`;
    const body = { entity: { id: customerId }, memo: 'Retry Upsert SO', item: { items: [{ item: { id: itemId }, quantity: 4, rate: 4 }] } };
    const { id } = await withResetAfterCommit(() => client.records.upsert('salesOrder', externalId, body));
    expect((await linesOf('salesOrder', id)).map((line) => line.quantity)).toEqual([4]);
    await withResetAfterCommit(() => client.records.upsert('salesOrder', externalId, { item: { items: [{ item: { id: itemId }, quantity: 6, rate: 6 }] } }));
    expect((await linesOf('salesOrder', id)).map((line) => line.quantity)).toEqual([4, 6]);
  });

  it('a delete finds the record gone on the repeat and says so', async () => {
    const id = await orderWithTwoLines('Retry Delete SO');
    const result = await withResetAfterCommit(() => client.records.delete('salesOrder', id));
    expect(result.alreadyGone).toBe(true);
    expect(Number((await client.queryPage(`SELECT COUNT(*) AS n FROM transaction WHERE id = ${Number(id)}`)).rows[0].raw.n)).toBe(0);
  });

  it('a transform makes one invoice', async () => {
    const id = await orderWithTwoLines('Retry Transform SO');
    const invoice = await withResetAfterCommit(() => client.records.transform('salesOrder', id, 'invoice', { memo: 'Retry Transform INV' }));
    const invoices = await client.queryPage("SELECT id FROM transaction WHERE memo = 'Retry Transform INV'");
    expect(invoices.rows.map((row) => row.raw.id)).toEqual([invoice.id]);
  });
});
