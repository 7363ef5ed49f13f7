/**
 * Forms that know NetSuite's defaults and choices, over real HTTP against the sandbox: selectOptions answers the
 * role's choices for a field given the values already entered (and changes when they change), create-form starts a
 * record (or a sales order's invoice) prefilled without saving anything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetSuiteClient } from '../../src/netsuite/client';
import { setUpClient, type ClientSetup } from './client-sandbox';

let setup: ClientSetup;
let client: NetSuiteClient;

async function rows(sql: string): Promise<Record<string, string>[]> {
  return (await client.queryPage(sql, 0, { pageSize: 1000 })).rows.map((row) => row.raw as Record<string, string>);
}

beforeAll(async () => {
  setup = await setUpClient();
  client = setup.client();
});

afterAll(async () => {
  await setup?.stop();
});

describe('selectOptions', () => {
  it('offers the sales reps of the subsidiary entered, and other ones when the subsidiary changes', async () => {
    const reps = await rows(`SELECT id, entityid, subsidiary FROM employee WHERE issalesrep = 'T' AND isinactive = 'F' ORDER BY id`);
    const subsidiaries = [...new Set(reps.map((rep) => rep.subsidiary))];
    expect(subsidiaries.length).toBeGreaterThan(1);
    const [first, second] = subsidiaries;
    const forFirst = await client.forms.selectOptions('customer', ['salesRep'], { subsidiary: { id: first } });
    const forSecond = await client.forms.selectOptions('customer', ['salesRep'], { subsidiary: { id: second } });
    expect(forFirst?.salesRep.map((option) => option.id)).toEqual(reps.filter((rep) => rep.subsidiary === first).map((rep) => rep.id));
    expect(forSecond?.salesRep.map((option) => option.id)).toEqual(reps.filter((rep) => rep.subsidiary === second).map((rep) => rep.id));
    expect(forFirst?.salesRep[0].refName).toBe(reps.find((rep) => rep.subsidiary === first)?.entityid);
  });

  it('lists a field\u2019s choices on an existing record, for a type that is not a REST record, and refuses a field without choices', async () => {
    const customerId = (await rows(`SELECT id FROM customer ORDER BY id`))[0].id;
    const choices = await client.forms.selectOptions('customer', ['entityStatus', 'emailPreference'], {}, { id: customerId });
    expect(choices?.entityStatus.map((option) => option.refName)).toContain('CUSTOMER-Closed Won');
    expect(choices?.emailPreference.map((option) => option.id)).toEqual(['PDF', 'HTML', 'DEFAULT']);
    await expect(client.forms.selectOptions('customer', ['companyName'])).rejects.toThrow(/has no select options/);
  });
});

describe('create-form', () => {
  it('starts a sales order with NetSuite\u2019s defaults and saves nothing', async () => {
    const before = await rows(`SELECT COUNT(*) AS n FROM transaction`);
    const customerId = (await rows(`SELECT id FROM customer ORDER BY id`))[0].id;
    const form = await client.forms.createForm('salesOrder', { entity: { id: customerId } });
    expect(form?.id).toBeUndefined();
    expect(form?.tranDate).toBe(new Date().toISOString().slice(0, 10));
    expect(form?.entity).toMatchObject({ id: customerId });
    expect(form?.status).toBeDefined();
    expect(await rows(`SELECT COUNT(*) AS n FROM transaction`)).toEqual(before);
  });

  it('sources the subsidiary and currency from the customer chosen, as NetSuite\u2019s form does when the customer changes', async () => {
    const [first, other] = await rows(`SELECT c.id, c.subsidiary, c.currency FROM customer c WHERE c.subsidiary IS NOT NULL AND c.currency IS NOT NULL ORDER BY c.id`).then((all) => [all[0], all.find((row) => row.subsidiary !== all[0].subsidiary)!]);
    const form = await client.forms.createForm('salesOrder', { entity: { id: first.id } });
    expect(form?.subsidiary).toMatchObject({ id: String(first.subsidiary) });
    expect(form?.currency).toMatchObject({ id: String(first.currency) });
    const changed = await client.forms.createForm('salesOrder', { entity: { id: other.id } });
    expect(changed?.subsidiary).toMatchObject({ id: String(other.subsidiary) });
    // A value the person set stays: only fields the request leaves out are sourced.
    const kept = await client.forms.createForm('salesOrder', { entity: { id: other.id }, subsidiary: { id: String(first.subsidiary) } });
    expect(kept?.subsidiary).toMatchObject({ id: String(first.subsidiary) });
  });

  it('shows the invoice a sales order would become, prefilled from the order, before anything is saved', async () => {
    const customerId = (await rows(`SELECT id FROM customer ORDER BY id`))[0].id;
    const itemIds = (await rows(`SELECT id FROM item ORDER BY id`)).slice(0, 2).map((row) => row.id);
    const created = await client.records.create('salesOrder', { entity: { id: customerId }, item: { items: itemIds.map((id) => ({ item: { id }, quantity: 2, rate: 7 })) } });
    const order = { id: created.id, entity: customerId };
    const before = await rows(`SELECT COUNT(*) AS n FROM transaction WHERE type = 'CustInvc'`);
    const invoice = await client.forms.transformForm('salesOrder', order.id, 'invoice');
    const orderRecord = await client.records.get('salesOrder', order.id, { expandSubResources: true });
    expect(invoice?.entity).toMatchObject({ id: order.entity });
    expect(invoice?.createdFrom).toMatchObject({ id: order.id });
    const lines = (invoice?.item as { items: Array<{ item: { id: string } }> }).items;
    const orderLines = (orderRecord.item as { items: Array<{ item: { id: string } }> }).items;
    expect(lines.map((line) => line.item.id)).toEqual(orderLines.map((line) => line.item.id));
    expect(await rows(`SELECT COUNT(*) AS n FROM transaction WHERE type = 'CustInvc'`)).toEqual(before);
  });
});
