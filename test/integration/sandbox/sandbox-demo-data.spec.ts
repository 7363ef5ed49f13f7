/** The sandbox started with no data options serves the generated demo account through the record service. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox';
import { call } from './sandboxTestClient';

let sandbox: RunningSandbox;
const record = '/services/rest/record/v1';

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 7 });
});
afterAll(async () => {
  await sandbox?.stop();
});

describe('generated demo data', () => {
  it('lists a few hundred customers and serves each with resolved references', async () => {
    const list = await call(sandbox, 'GET', `${record}/customer?limit=5`);
    expect(list.status).toBe(200);
    expect(list.json.totalResults).toBeGreaterThanOrEqual(200);
    const first = await call(sandbox, 'GET', `${record}/customer/${list.json.items[0].id}?expandSubResources=true`);
    expect(first.status).toBe(200);
    expect(first.json.subsidiary.refName).toBeTruthy();
    expect(first.json.addressBook.items.length).toBeGreaterThanOrEqual(0);
  });

  it('contains the hostile names, findable with q', async () => {
    const hostile = await call(sandbox, 'GET', `${record}/customer?q=${encodeURIComponent('companyName CONTAIN "<img"')}`);
    expect(hostile.json.totalResults).toBeGreaterThanOrEqual(1);
    const obrien = await call(sandbox, 'GET', `${record}/customer?q=${encodeURIComponent(`companyName START_WITH "O'Brien"`)}`);
    expect(obrien.json.totalResults).toBeGreaterThanOrEqual(1);
  });

  it('serves every generated record type, and sales orders transform into invoices', async () => {
    for (const type of ['subsidiary', 'currency', 'term', 'employee', 'contact', 'vendor', 'inventoryItem', 'salesOrder', 'invoice', 'vendorBill', 'customrecord_project_milestone']) {
      const list = await call(sandbox, 'GET', `${record}/${type}?limit=1`);
      expect(list.status, type).toBe(200);
      expect(list.json.totalResults, type).toBeGreaterThan(0);
      const one = await call(sandbox, 'GET', `${record}/${type}/${list.json.items[0].id}?expandSubResources=true`);
      expect(one.status, `${type}: ${one.text}`).toBe(200);
    }
    const order = (await call(sandbox, 'GET', `${record}/salesOrder?limit=1`)).json.items[0].id;
    const transformed = await call(sandbox, 'POST', `${record}/salesOrder/${order}/!transform/invoice`, { body: {} });
    expect(transformed.status, transformed.text).toBe(204);
  });
});
