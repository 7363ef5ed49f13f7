import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetSuiteClient } from '../../src/netsuite/client';
import { isNetSuiteError } from '../../src/netsuite/errors';
import { columnTypesFromSchema } from '../../src/netsuite/metadata';
import { setUpClient, type ClientSetup } from './client-sandbox';

let setup: ClientSetup;
let client: NetSuiteClient;
let customerCount: number;

const customerIds = 'SELECT id, companyname FROM customer ORDER BY id';

function suiteqlRequestsSince(since: number): number {
  return setup.sandbox.requestLog.list({ since, method: 'POST', pathPrefix: '/services/rest/query/v1/suiteql' }).length;
}

beforeAll(async () => {
  setup = await setUpClient();
  client = setup.client();
  customerCount = (await client.queryPage('SELECT COUNT(*) AS n FROM customer')).rows[0].raw.n as unknown as number;
  customerCount = Number(customerCount);
});

afterAll(async () => {
  await setup?.stop();
});

describe('SuiteQL runner against the sandbox', () => {
  it('delivers every row once, in order, the first after a single round trip', async () => {
    expect(customerCount).toBeGreaterThan(250);
    const since = setup.sandbox.requestLog.lastSeq;
    const ids: number[] = [];
    let requestsAtFirstRow = -1;
    for await (const row of client.query(customerIds, { pageSize: 50 })) {
      if (requestsAtFirstRow < 0) requestsAtFirstRow = suiteqlRequestsSince(since);
      ids.push(Number(row.raw.id));
    }
    expect(requestsAtFirstRow).toBe(1);
    expect(ids).toHaveLength(customerCount);
    expect(new Set(ids).size).toBe(customerCount);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(suiteqlRequestsSince(since)).toBe(Math.ceil(customerCount / 50));
  });

  it('with the total known beforehand, sends the first wave beside page one, and still delivers every row once, in order', async () => {
    const since = setup.sandbox.requestLog.lastSeq;
    const ids: number[] = [];
    let requestsAtFirstRow = -1;
    for await (const row of client.query(customerIds, { pageSize: 50, expectedRows: customerCount })) {
      if (requestsAtFirstRow < 0) requestsAtFirstRow = suiteqlRequestsSince(since);
      ids.push(Number(row.raw.id));
    }
    // The first row came after one round in which several pages went out together, not after page one alone.
    expect(requestsAtFirstRow).toBeGreaterThan(1);
    expect(ids).toHaveLength(customerCount);
    expect(ids).toEqual([...new Set(ids)].sort((a, b) => a - b));
    expect(suiteqlRequestsSince(since)).toBe(Math.ceil(customerCount / 50));
  });

  it('with the total known, asks for page one before the wave it starts beside it', async () => {
    // One request at a time makes the order of asking the order the sandbox sees. Page one is read first; asked
    // after the wave, it waited behind all of it (a whole round at 65 concurrent requests).
    const single = setup.client({ concurrencyLimit: 1 });
    const since = setup.sandbox.requestLog.lastSeq;
    let rows = 0;
    for await (const _row of single.query(customerIds, { pageSize: 50, expectedRows: customerCount })) rows++;
    expect(rows).toBe(customerCount);
    const offsets = setup.sandbox.requestLog.list({ since, method: 'POST', pathPrefix: '/services/rest/query/v1/suiteql' }).map((entry) => Number(entry.query.offset));
    expect(offsets[0]).toBe(0);
    expect([...offsets].sort((a, b) => a - b)).toEqual(Array.from({ length: Math.ceil(customerCount / 50) }, (_, page) => page * 50));
  });

  it('gives each row its columns as sent, lower-case, as strings, without links or NULL columns', async () => {
    const page = await client.queryPage('SELECT companyname AS Name, id, NULL AS nothing, 7 AS seven FROM customer ORDER BY id', 0, { pageSize: 2 });
    expect(page.rows).toHaveLength(2);
    for (const row of page.rows) {
      expect(Object.keys(row.raw)).toEqual(['name', 'id', 'seven']);
      expect(Object.values(row.raw).every((value) => typeof value === 'string')).toBe(true);
      expect(row.raw.seven).toBe('7');
    }
  });

  it('drops pages started on a hint larger than the real total, delivering only the real rows', async () => {
    const query = 'SELECT id FROM customer WHERE id <= 120 ORDER BY id';
    const real = Number((await client.queryPage('SELECT COUNT(*) AS n FROM customer WHERE id <= 120')).rows[0].raw.n);
    const ids: string[] = [];
    for await (const row of client.query(query, { pageSize: 50, expectedRows: 5000 })) ids.push(row.raw.id);
    expect(ids).toHaveLength(real);
    expect(new Set(ids).size).toBe(real);
  });

  it('reports progress up to the total, and the sequential mode yields the same rows', async () => {
    const progress: number[] = [];
    const run = client.query(customerIds, { pageSize: 100, onProgress: (p) => progress.push(p.rowsDelivered) });
    const parallelIds: string[] = [];
    for await (const row of run) parallelIds.push(row.raw.id);
    expect(progress.at(-1)).toBe(customerCount);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(run.summary).toMatchObject({ rowsDelivered: customerCount, totalResults: customerCount, truncated: false });

    const sequentialIds: string[] = [];
    for await (const row of client.query(customerIds, { pageSize: 100, mode: 'sequential' })) sequentialIds.push(row.raw.id);
    expect(sequentialIds).toEqual(parallelIds);
  });

  it('lets pages flow through: a consumer that pauses holds back the fetching', async () => {
    const since = setup.sandbox.requestLog.lastSeq;
    const pages = client.query(customerIds, { pageSize: 10, prefetchPages: 3 }).pages();
    await pages.next();
    await pages.next();
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Page 1, then pages 2–4 (window of 3) and page 5 once page 2 was taken.
    expect(suiteqlRequestsSince(since)).toBeLessThanOrEqual(5);
    expect(Math.ceil(customerCount / 10)).toBeGreaterThan(10);
    await pages.return(undefined);
    expect(client.activity).toMatchObject({ inFlight: 0, queued: 0 });
  });

  it('types values back from the metadata, keeping the raw strings', async () => {
    const columnTypes = columnTypesFromSchema(await client.metadata.schema('customer'));
    const page = await client.queryPage('SELECT id, isinactive, datecreated FROM customer ORDER BY id', 0, { pageSize: 5, columnTypes: { ...columnTypes, id: 'integer', datecreated: 'datetime' } });
    const row = page.rows[0];
    expect(typeof row.values.id).toBe('number');
    expect(String(row.values.id)).toBe(row.raw.id);
    expect(typeof row.values.isinactive).toBe('boolean');
    expect(row.raw.isinactive).toMatch(/^[TF]$/);
  });

  it('stays correct when the account allows fewer concurrent requests than we assumed', async () => {
    const crowded = await setUpClient({ concurrencyLimit: 2, latency: { perRequestMs: 20 } });
    try {
      const eager = crowded.client({ concurrencyLimit: 5 });
      const ids: string[] = [];
      for await (const row of eager.query(customerIds, { pageSize: 20 })) ids.push(row.raw.id);
      const total = Number((await eager.queryPage('SELECT COUNT(*) AS n FROM customer')).rows[0].raw.n);
      expect(ids).toHaveLength(total);
      expect(new Set(ids).size).toBe(total);
      expect(crowded.sandbox.requestLog.list({ method: 'POST' }).some((entry) => entry.status === 429)).toBe(true);
    } finally {
      await crowded.stop();
    }
  });

  it('fetches ahead at a Tier 1 account\u2019s 15 concurrent requests without Node reporting a listener leak', async () => {
    const tier1 = await setUpClient({ concurrencyLimit: 15, latency: { perRequestMs: 20 } });
    const warnings: string[] = [];
    const onWarning = (warning: Error): void => {
      warnings.push(`${warning.name}: ${warning.message}`);
    };
    process.on('warning', onWarning);
    try {
      const wide = tier1.client({ concurrencyLimit: 15 });
      let rows = 0;
      for await (const _row of wide.query(customerIds, { pageSize: 10, expectedRows: customerCount })) rows++;
      expect(rows).toBe(customerCount);
      // Warnings are emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((w) => w.startsWith('MaxListenersExceededWarning'))).toEqual([]);
    } finally {
      process.off('warning', onWarning);
      await tier1.stop();
    }
  });

  it('rejects a bad query with NetSuite\u2019s detail before streaming anything', async () => {
    const run = client.query('SELECT nosuchcolumn FROM customer');
    const error = await (async () => {
      for await (const _row of run) return undefined;
    })().catch((caught: unknown) => caught);
    expect(isNetSuiteError(error, 'invalid')).toBe(true);
    expect((error as Error).message).toContain('nosuchcolumn');
  });
});
