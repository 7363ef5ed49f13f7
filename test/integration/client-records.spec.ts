import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetSuiteClient } from '../../src/netsuite/client';
import { changedFields } from '../../src/netsuite/records';
import { firstId as firstIdOf, rejection, setUpClient, tbaAuth, type ClientSetup } from './client-sandbox';

let setup: ClientSetup;
let client: NetSuiteClient;
let subsidiaryId: string;

const firstId = (table: string) => firstIdOf(client, table);

beforeAll(async () => {
  setup = await setUpClient();
  client = setup.client();
  subsidiaryId = await firstId('subsidiary');
});

afterAll(async () => {
  await setup?.stop();
});

describe('records against the sandbox', () => {
  it('lists a type page by page with a q filter', async () => {
    const firstPage = await client.records.list('customer', { limit: 5 });
    expect(firstPage.items).toHaveLength(5);
    expect(firstPage.hasMore).toBe(true);
    const secondPage = await client.records.list('customer', { limit: 5, offset: 5 });
    expect(secondPage.items.map((item) => item.id)).not.toContain(firstPage.items[0].id);

    const created = await client.records.create('customer', { companyName: 'Zebra Filter Test Co', subsidiary: { id: subsidiaryId }, email: 'zebra-filter@example.com' });
    const filtered = await client.records.list('customer', { q: 'email START_WITH zebra-filter' });
    expect(filtered.items.map((item) => item.id)).toEqual([created.id]);
  });

  it('gets a record with expanded sublists or only chosen fields', async () => {
    const { id } = await client.records.create('customer', {
      companyName: 'Get Test Co',
      subsidiary: { id: subsidiaryId },
      phone: '555-0100',
      addressBook: { items: [{ label: 'HQ', addr1: '1 Main St', city: 'Springfield' }] },
    });
    const expanded = await client.records.get('customer', id, { expandSubResources: true });
    expect(expanded.companyName).toBe('Get Test Co');
    expect((expanded.addressBook as { items: unknown[] }).items).toHaveLength(1);
    const narrow = await client.records.get('customer', id, { fields: ['companyName'] });
    expect(narrow.companyName).toBe('Get Test Co');
    expect(narrow.phone).toBeUndefined();
  });

  it('creates (id from Location), patches only changed fields, and deletes', async () => {
    const { id, location } = await client.records.create('customer', { companyName: 'Patch Test Co', subsidiary: { id: subsidiaryId }, phone: '555-0101' });
    expect(location).toMatch(new RegExp(`/record/v1/customer/${id}$`));
    const original = await client.records.get('customer', id);
    const since = setup.sandbox.requestLog.lastSeq;
    await client.records.patch('customer', id, changedFields(original, { ...original, companyName: 'Patched Co' }));
    const patches = setup.sandbox.requestLog.list({ since, method: 'PATCH' });
    expect(patches).toHaveLength(1);
    expect(patches[0].body).toEqual({ companyName: 'Patched Co' });
    expect((await client.records.get('customer', id)).companyName).toBe('Patched Co');

    await expect(client.records.delete('customer', id)).resolves.toEqual({ alreadyGone: false });
    const gone = await rejection(client.records.get('customer', id));
    expect(gone.kind).toBe('notFound');
    expect(gone.status).toBe(404);
    expect(gone.code).toBe('NONEXISTENT_ID');
  });

  it('replaces a sublist when asked instead of merging', async () => {
    const { id } = await client.records.create('customer', {
      companyName: 'Sublist Test Co',
      subsidiary: { id: subsidiaryId },
      addressBook: { items: [{ label: 'One', city: 'A' }, { label: 'Two', city: 'B' }] },
    });
    await client.records.patch('customer', id, { addressBook: { items: [{ label: 'Three', city: 'C' }] } });
    const merged = await client.records.get('customer', id, { expandSubResources: true });
    expect((merged.addressBook as { items: unknown[] }).items).toHaveLength(3);
    await client.records.patch('customer', id, { addressBook: { items: [{ label: 'Only', city: 'D' }] } }, { replace: ['addressBook'] });
    const replaced = await client.records.get('customer', id, { expandSubResources: true });
    expect((replaced.addressBook as { items: { label: string }[] }).items.map((line) => line.label)).toEqual(['Only']);
  });

  it('upserts by external id: the second call updates the same record', async () => {
    const first = await client.records.upsert('customer', 'EXT-UPSERT-1', { companyName: 'Upsert One', subsidiary: { id: subsidiaryId } });
    const second = await client.records.upsert('customer', 'EXT-UPSERT-1', { companyName: 'Upsert Two', subsidiary: { id: subsidiaryId } });
    expect(second.id).toBe(first.id);
    const record = await client.records.get('customer', `eid:EXT-UPSERT-1`);
    expect(record.companyName).toBe('Upsert Two');
    expect(record.id).toBe(first.id);
  });

  it('transforms a sales order into an invoice', async () => {
    const customerId = await firstId('customer');
    const itemId = await firstId('item');
    const order = await client.records.create('salesOrder', { entity: { id: customerId }, item: { items: [{ item: { id: itemId }, quantity: 2, rate: 10 }] } });
    const invoice = await client.records.transform('salesOrder', order.id, 'invoice');
    expect(invoice.id).not.toBe(order.id);
    const fetched = await client.records.get('invoice', invoice.id);
    expect((fetched.entity as { id: string }).id).toBe(customerId);
  });

  it('reports bad input with NetSuite\u2019s own detail and where it applies', async () => {
    const missing = await rejection(client.records.create('customer', { companyName: 'No Subsidiary Co' }));
    expect(missing.kind).toBe('invalid');
    expect(missing.status).toBe(400);
    expect(missing.message).toMatch(/subsidiary/i);

    const badQuery = await rejection(client.queryPage('SELECT nosuchcolumn FROM customer'));
    expect(badQuery.kind).toBe('invalid');
    expect(badQuery.errorQueryParam).toBe('q');
    expect(badQuery.message).toContain('nosuchcolumn');

    const unknownType = await rejection(client.records.get('nosuchtype', '1'));
    expect(unknownType.kind).toBe('notFound');
    expect(unknownType.message).toContain("Record type 'nosuchtype' does not exist");

    await expect(client.records.list('customer', { limit: 10, offset: 5 })).rejects.toThrow(/multiple of limit/);
  });

  it('retries deletes and creates whose connection dropped after the commit, without errors or duplicates', async () => {
    const marker = `Reset Delete ${Date.now()}`;
    const created = await Promise.all(Array.from({ length: 30 }, (_, index) => client.records.create('customer', { companyName: `${marker} ${index}`, subsidiary: { id: subsidiaryId } })));
    setup.sandbox.configure({ faults: { seed: 11, rate500: 0, rate429: 0, resetBeforeCommitRate: 0, resetAfterCommitRate: 0.3 } });
    try {
      const deleted = await Promise.all(created.map((record) => client.records.delete('customer', record.id)));
      // A delete whose first attempt committed but lost its answer finds the record gone on retry: that is success.
      expect(deleted.some((result) => result.alreadyGone)).toBe(true);
    } finally {
      setup.sandbox.configure({ faults: { seed: 11, rate500: 0, rate429: 0, resetBeforeCommitRate: 0, resetAfterCommitRate: 0 } });
    }
    const left = await client.queryPage(`SELECT COUNT(*) AS n FROM customer WHERE companyname LIKE '${marker} %'`);
    expect(Number(left.rows[0].raw.n)).toBe(0);
  });

  it('gives up on an attempt that takes longer than the timeout, saying so', async () => {
    setup.sandbox.configure({ latency: { perRequestMs: 400, perRowMs: 0 } });
    try {
      const impatient = setup.client({ timeoutMs: 100, backoff: { baseDelayMs: 1, maxDelayMs: 1, maxAttempts: 2 } });
      const error = await rejection(impatient.records.list('customer', { limit: 1 }));
      expect(error.kind).toBe('network');
      expect(error.message).toContain('timed out');
      expect(impatient.activity).toMatchObject({ inFlight: 0, queued: 0 });
    } finally {
      setup.sandbox.configure({ latency: { perRequestMs: 0, perRowMs: 0 } });
    }
  });

  it('names the missing permission when the role may not do something (403)', async () => {
    const narrowClient = setup.client({ auth: tbaAuth(setup.sandbox, setup.sandbox.narrowCredentials.tba) });
    await expect(narrowClient.records.list('customer', { limit: 1 })).resolves.toMatchObject({ count: 1 });
    const denied = await rejection(narrowClient.records.create('vendor', { companyName: 'Denied Vendor', subsidiary: { id: subsidiaryId } }));
    expect(denied.kind).toBe('permission');
    expect(denied.status).toBe(403);
    expect(denied.code).toBe('INSUFFICIENT_PERMISSION');
    expect(denied.advice).toMatch(/lacks the "Vendor" permission/);
  });
});
