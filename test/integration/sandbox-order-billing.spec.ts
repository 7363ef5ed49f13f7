/**
 * Invoicing moves a sales order's status as NetSuite's statuses read (src/sandbox/records/orderBilling.ts), seen
 * over real HTTP the way a user sees it: on the order record, and in SuiteQL's `transaction.status`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetSuiteClient } from '../../src/netsuite/client';
import { setUpClient, type ClientSetup } from './client-sandbox';

let setup: ClientSetup;
let client: NetSuiteClient;

beforeAll(async () => {
  setup = await setUpClient();
  client = setup.client();
});

afterAll(async () => {
  await setup?.stop();
});

async function newOrder(quantities: number[]): Promise<string> {
  const customerId = (await client.queryPage(`SELECT id FROM customer ORDER BY id`, 0, { pageSize: 1 })).rows[0].raw.id as string;
  const items = (await client.queryPage(`SELECT id FROM item ORDER BY id`, 0, { pageSize: quantities.length })).rows.map((row) => String(row.raw.id));
  const created = await client.records.create('salesOrder', { entity: { id: customerId }, item: { items: quantities.map((quantity, index) => ({ item: { id: items[index] }, quantity, rate: 10 })) } });
  return created.id;
}

async function statusOf(orderId: string): Promise<{ record: string; suiteql: string }> {
  const record = (await client.records.get('salesOrder', orderId)).status as { refName?: string };
  const row = (await client.queryPage(`SELECT BUILTIN.DF(status) AS status FROM transaction WHERE id = ${orderId}`)).rows[0].raw;
  return { record: String(record.refName), suiteql: String(row.status) };
}

describe('a sales order that is invoiced', () => {
  it('reads Billed once one invoice bills all of it', async () => {
    const orderId = await newOrder([2, 3]);
    expect((await statusOf(orderId)).record).toBe('Pending Approval');
    await client.records.transform('salesOrder', orderId, 'invoice');
    expect(await statusOf(orderId)).toEqual({ record: 'Billed', suiteql: expect.stringMatching(/Billed/) });
  });

  it('reads Pending Billing/Partially Fulfilled while part is billed, then Billed when a second invoice bills the rest', async () => {
    const orderId = await newOrder([4, 1]);
    const order = await client.records.get('salesOrder', orderId, { expandSubResources: true });
    const [first, second] = (order.item as { items: Array<{ line: number }> }).items;
    // Bill 1 of the first line's 4, and the second line's 1 whole (Oracle's partial-invoice example sets a line's quantity).
    await client.records.transform('salesOrder', orderId, 'invoice', { item: { items: [{ line: first.line, quantity: 1 }] } });
    const partial = await client.records.get('invoice', (await client.queryPage(`SELECT MAX(t.id) AS id FROM transaction t WHERE t.type = 'CustInvc'`)).rows[0].raw.id as string, { expandSubResources: true });
    expect(partial.total).toBe(10 + 10);
    expect((await statusOf(orderId)).record).toBe('Pending Billing/Partially Fulfilled');

    // The next invoice starts from what is still open: 3 of the first line's item, and no line for the billed one.
    const preview = await client.forms.transformForm('salesOrder', orderId, 'invoice');
    const previewLines = (preview?.item as { items: Array<{ quantity: number; line: number }> }).items;
    expect(previewLines.map((line) => line.quantity)).toEqual([3]);
    expect(second.line).not.toBe(first.line);
    await client.records.transform('salesOrder', orderId, 'invoice');
    expect((await statusOf(orderId)).record).toBe('Billed');
  });
});
