import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetSuiteClient } from '../../src/netsuite/client';
import { loadMoreRows, nextPageFor } from '../../src/app/notebook/loadMore';
import { setUpClient, type ClientSetup } from './client-sandbox';

let setup: ClientSetup;
let client: NetSuiteClient;
let allIds: string[];
const query = 'SELECT id FROM customer ORDER BY id';

beforeAll(async () => {
  setup = await setUpClient();
  client = setup.client();
  allIds = [];
  for await (const row of client.query(query, { pageSize: 1000 })) allIds.push(String(row.raw.id));
});

afterAll(async () => {
  await setup?.stop();
});

describe('Load more in the grid (sandbox over HTTP)', () => {
  it('keeps the page size the result ran with after the setting changed', async () => {
    expect(allIds.length).toBeGreaterThan(200);
    // The cell ran with 50 rows a page; the setting is 1000 now. NetSuite refuses offset 50 with limit 1000.
    const more = await loadMoreRows(client, { query, loaded: 50, pageSize: 50 });
    expect(more.rows.map((row) => row.id)).toEqual(allIds.slice(50, 100));
    expect(more.totalResults).toBe(allIds.length);
  });

  it('continues after a stopped "Load all" that ended mid-page, without repeating a row', async () => {
    // "Load all" stopped with 130 rows in the grid; the result's page size is 100.
    const more = await loadMoreRows(client, { query, loaded: 130, pageSize: 100 });
    expect(more.rows.map((row) => row.id)).toEqual(allIds.slice(130, 200));
    const after = await loadMoreRows(client, { query, loaded: 200, pageSize: 100 });
    expect(after.rows.map((row) => row.id)).toEqual(allIds.slice(200, 300));
  });

  it('asks NetSuite only for offsets that are multiples of the page size', () => {
    expect(nextPageFor(0, 1000)).toEqual({ offset: 0, pageSize: 1000, skip: 0 });
    expect(nextPageFor(1500, 1000)).toEqual({ offset: 1000, pageSize: 1000, skip: 500 });
    expect(nextPageFor(2000, 1000)).toEqual({ offset: 2000, pageSize: 1000, skip: 0 });
    expect(nextPageFor(7, 3)).toEqual({ offset: 6, pageSize: 3, skip: 1 });
  });
});
