/**
 * The sandbox keeps referential integrity as NetSuite does, over real HTTP: a record others reference cannot be
 * deleted, and a fully billed order cannot be transformed into a second invoice. Each refusal carries NetSuite's
 * code and sentence, and nothing is lost or doubled.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetSuiteClient } from '../../src/netsuite/client';
import { firstId as firstIdOf, rejection, setUpClient, type ClientSetup } from './client-sandbox';

let setup: ClientSetup;
let client: NetSuiteClient;
let subsidiaryId: string;
let itemId: string;

beforeAll(async () => {
  setup = await setUpClient();
  client = setup.client();
  subsidiaryId = await firstIdOf(client, 'subsidiary');
  itemId = await firstIdOf(client, 'item');
});

afterAll(async () => {
  await setup?.stop();
});

async function customerWithOrder(name: string): Promise<{ customerId: string; orderId: string }> {
  const customer = await client.records.create('customer', { companyName: name, subsidiary: { id: subsidiaryId } });
  const order = await client.records.create('salesOrder', { entity: { id: customer.id }, item: { items: [{ item: { id: itemId }, quantity: 1, rate: 5 }] } });
  return { customerId: customer.id, orderId: order.id };
}

describe('deleting a record that others reference', () => {
  it('refuses to delete a customer with an order, with NetSuite’s code and sentence, and keeps both', async () => {
    const { customerId, orderId } = await customerWithOrder('Integrity Delete Co');
    const refused = await rejection(client.records.delete('customer', customerId));
    expect(refused.status).toBe(400);
    expect(refused.code).toBe('THIS_RECORD_CANNOT_BE_DELETED_BECAUSE_IT_HAS_DEPENDENT_RECORDS');
    expect(refused.message).toContain('This record cannot be deleted because it has dependent records.');
    expect((await client.records.get('customer', customerId)).companyName).toBe('Integrity Delete Co');
    expect((await client.records.get('salesOrder', orderId)).id).toBe(orderId);
  });

  it('deletes the customer once its order is gone', async () => {
    const { customerId, orderId } = await customerWithOrder('Integrity Delete Later Co');
    await client.records.delete('salesOrder', orderId);
    await expect(client.records.delete('customer', customerId)).resolves.toEqual({ alreadyGone: false });
  });

  it('refuses to delete an order an invoice was created from', async () => {
    const { orderId } = await customerWithOrder('Integrity Invoiced Co');
    await client.records.transform('salesOrder', orderId, 'invoice');
    const refused = await rejection(client.records.delete('salesOrder', orderId));
    expect(refused.code).toBe('THIS_RECORD_CANNOT_BE_DELETED_BECAUSE_IT_HAS_DEPENDENT_RECORDS');
  });
});

describe('transforming a fully billed order again', () => {
  it('refuses the second invoice with INVALID_INITIALIZE_REF, leaving exactly one', async () => {
    const { orderId } = await customerWithOrder('Integrity Billed Co');
    const first = await client.records.transform('salesOrder', orderId, 'invoice');
    const refused = await rejection(client.records.transform('salesOrder', orderId, 'invoice'));
    expect(refused.status).toBe(400);
    expect(refused.code).toBe('INVALID_INITIALIZE_REF');
    expect(refused.message).toContain(`You can not initialize invoice: invalid reference ${orderId}.`);
    const invoices = await client.queryPage(`SELECT t.id FROM transaction t WHERE t.type = 'CustInvc' AND t.id IN (SELECT tl.transaction FROM transactionline tl WHERE tl.createdfrom = ${orderId})`);
    expect(invoices.rows.map((row) => row.raw.id)).toEqual([first.id]);
  });
});
