/**
 * Record writes over real HTTP: create/patch/upsert/delete answers, validation with o:errorPath, required and
 * unique fields, sublist merge and replace, transform, and idempotency keys.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox';
import { fixtureRecords } from './fixtureRecords';
import { call, idFromLocation } from './sandboxTestClient';

let sandbox: RunningSandbox;
const record = '/services/rest/record/v1';

beforeAll(async () => {
  sandbox = await startSandbox({ seedRecords: fixtureRecords() });
});
afterAll(async () => {
  await sandbox?.stop();
});

function firstDetail(response: { json: { 'o:errorDetails': Array<Record<string, string>> } }): Record<string, string> {
  return response.json['o:errorDetails'][0];
}

async function countCustomers(q: string): Promise<number> {
  const response = await call(sandbox, 'GET', `${record}/customer?q=${encodeURIComponent(q)}`);
  return response.json.totalResults;
}

describe('create (POST)', () => {
  it('answers 204 with an absolute Location and stores what was sent', async () => {
    const created = await call(sandbox, 'POST', `${record}/customer`, {
      body: { entityId: 'NEW-1', companyName: 'New Co', subsidiary: { id: '1' }, emailPreference: 'PDF', email: 'a@b.example' },
    });
    expect(created.status).toBe(204);
    expect(created.text).toBe('');
    const location = created.headers.get('location') ?? '';
    expect(location).toMatch(new RegExp(`^${sandbox.baseUrl}${record}/customer/\\d+$`));
    const fetched = await call(sandbox, 'GET', location.slice(sandbox.baseUrl.length));
    expect(fetched.json).toMatchObject({ entityId: 'NEW-1', companyName: 'New Co', emailPreference: { id: 'PDF', refName: 'PDF' }, subsidiary: { id: '1', refName: 'Honeycomb Mfg.' } });
    expect(Number(fetched.json.id)).toBeGreaterThan(124);
  });

  it('names the missing mandatory fields by label, with no o:errorPath, as NetSuite does', async () => {
    const response = await call(sandbox, 'POST', `${record}/customer`, { body: { companyName: 'No Subsidiary' } });
    expect(response.status).toBe(400);
    expect(firstDetail(response)).toEqual({
      detail: 'Error while accessing a resource. Please enter value(s) for: Primary Subsidiary',
      'o:errorCode': 'USER_ERROR',
    });
  });

  it('rejects unknown and read-only fields with o:errorPath, unless PropertyNameValidation says Warning', async () => {
    const unknown = await call(sandbox, 'POST', `${record}/customer`, { body: { subsidiary: { id: '1' }, favouriteColour: 'blue' } });
    expect(unknown.status).toBe(400);
    expect(firstDetail(unknown)).toMatchObject({ 'o:errorCode': 'NONEXISTENT_FIELD', 'o:errorPath': 'favouriteColour' });
    const readOnly = await call(sandbox, 'POST', `${record}/customer`, { body: { subsidiary: { id: '1' }, balance: 5, id: '7' } });
    expect(readOnly.status).toBe(400);
    expect(readOnly.json['o:errorDetails'].map((detail: Record<string, string>) => detail['o:errorPath']).sort()).toEqual(['balance', 'id']);
    const warned = await call(sandbox, 'POST', `${record}/customer`, {
      body: { subsidiary: { id: '1' }, companyName: 'Warned', favouriteColour: 'blue' },
      headers: { 'X-NetSuite-PropertyNameValidation': 'Warning' },
    });
    expect(warned.status).toBe(204);
    expect(warned.headers.get('x-netsuite-warning')).toContain('favouriteColour');
  });

  it('rejects bad values, sublist lines and references with the path of the offending value', async () => {
    const badEnum = await call(sandbox, 'POST', `${record}/customer`, { body: { subsidiary: { id: '1' }, emailPreference: 'FAX' } });
    expect(badEnum.status).toBe(400);
    expect(firstDetail(badEnum)).toMatchObject({ 'o:errorCode': 'INVALID_CONTENT', 'o:errorPath': 'emailPreference' });
    const badReference = await call(sandbox, 'POST', `${record}/customer`, { body: { subsidiary: { id: '999' } } });
    expect(firstDetail(badReference)).toEqual({
      detail: 'Error while accessing a resource. You have entered an Invalid Field Value 999 for the following field: subsidiary',
      'o:errorCode': 'INVALID_CONTENT',
      'o:errorPath': 'subsidiary',
    });
    const badLine = await call(sandbox, 'POST', `${record}/salesOrder`, {
      body: { entity: { id: '100' }, item: { items: [{ item: { id: '200' }, quantity: 1 }, { item: { id: '9999' }, quantity: 1 }] } },
    });
    expect(badLine.status).toBe(400);
    expect(firstDetail(badLine)['o:errorPath']).toBe('item.items[1].item');
    const tooLong = await call(sandbox, 'POST', `${record}/customer`, { body: { subsidiary: { id: '1' }, companyName: 'x'.repeat(84) } });
    expect(firstDetail(tooLong)['o:errorPath']).toBe('companyName');
  });

  it('refuses a body that is not JSON', async () => {
    const response = await call(sandbox, 'POST', `${record}/customer`, { rawBody: '{nope', headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(400);
    expect(firstDetail(response).detail).toBe('Invalid content in the request body.');
  });

  it('keeps entity ids unique per record type (409 DUP_ENTITY)', async () => {
    const response = await call(sandbox, 'POST', `${record}/customer`, { body: { entityId: 'cust5', subsidiary: { id: '1' } } });
    expect(response.status).toBe(409);
    expect(firstDetail(response)).toMatchObject({ 'o:errorCode': 'DUP_ENTITY', 'o:errorPath': 'entityId' });
  });

  it('names an entity created without an id after the company or the person, and a taken name is a DUP_ENTITY', async () => {
    const company = await call(sandbox, 'POST', `${record}/customer`, { body: { companyName: 'Unnumbered Co', subsidiary: { id: '1' } } });
    expect(company.status).toBe(204);
    expect((await call(sandbox, 'GET', `${record}/customer/${idFromLocation(company)}`)).json.entityId).toBe('Unnumbered Co');
    const person = await call(sandbox, 'POST', `${record}/customer`, {
      body: { isPerson: true, firstName: 'Ada', lastName: 'Lovelace', subsidiary: { id: '1' } },
    });
    expect(person.status).toBe(204);
    expect((await call(sandbox, 'GET', `${record}/customer/${idFromLocation(person)}`)).json.entityId).toBe('Ada Lovelace');
    const again = await call(sandbox, 'POST', `${record}/customer`, { body: { companyName: 'Unnumbered Co', subsidiary: { id: '1' } } });
    expect(again.status).toBe(409);
    expect(firstDetail(again)).toMatchObject({ 'o:errorCode': 'DUP_ENTITY', 'o:errorPath': 'entityId' });
  });

  it('computes line amounts and the total of a new sales order', async () => {
    const created = await call(sandbox, 'POST', `${record}/salesOrder`, {
      body: { entity: { id: '101' }, item: { items: [{ item: { id: '200' }, quantity: 3, rate: 10 }, { item: { id: '201' }, quantity: 1, rate: 25 }] } },
    });
    expect(created.status).toBe(204);
    const order = await call(sandbox, 'GET', `${record}/salesOrder/${idFromLocation(created)}?expandSubResources=true`);
    expect(order.json.total).toBe(55);
    expect(order.json.item.items.map((line: { line: number; amount: number }) => [line.line, line.amount])).toEqual([
      [1, 30],
      [2, 25],
    ]);
  });
});

describe('update (PATCH), upsert (PUT) and delete', () => {
  it('changes only the fields sent, clears fields sent as null, and answers 204 with Location', async () => {
    const before = await call(sandbox, 'GET', `${record}/customer/104`);
    const patched = await call(sandbox, 'PATCH', `${record}/customer/104`, { body: { companyName: 'Renamed', email: null } });
    expect(patched.status).toBe(204);
    expect(patched.headers.get('location')).toBe(`${sandbox.baseUrl}${record}/customer/104`);
    const after = await call(sandbox, 'GET', `${record}/customer/104`);
    expect(after.json.companyName).toBe('Renamed');
    expect(after.json).not.toHaveProperty('email');
    expect(after.json.entityId).toBe(before.json.entityId);
    expect(after.json.lastModifiedDate).not.toBe(before.json.lastModifiedDate);
  });

  it('merges keyed sublist lines by key, appends new ones, and replaces them all with ?replace=', async () => {
    const lines = async () => (await call(sandbox, 'GET', `${record}/customer/100?expandSubResources=true`)).json.addressBook.items;
    const merged = await call(sandbox, 'PATCH', `${record}/customer/100`, {
      body: { addressBook: { items: [{ internalId: 2, city: 'Galway' }, { label: 'Warehouse', city: 'Limerick', country: 'IE' }] } },
    });
    expect(merged.status).toBe(204);
    expect((await lines()).map((line: { internalId: number; city: string }) => [line.internalId, line.city])).toEqual([
      [1, 'Dublin'],
      [2, 'Galway'],
      [3, 'Limerick'],
    ]);
    const replaced = await call(sandbox, 'PATCH', `${record}/customer/100?replace=addressBook`, { body: { addressBook: { items: [{ internalId: 3 }] } } });
    expect(replaced.status).toBe(204);
    expect((await lines()).map((line: { city: string }) => line.city)).toEqual(['Limerick']);
    const badReplace = await call(sandbox, 'PATCH', `${record}/customer/100?replace=nope`, { body: {} });
    expect(badReplace.status).toBe(400);
    expect(firstDetail(badReplace)['o:errorQueryParam']).toBe('replace');
  });

  it('updates a transaction line by its line number and recomputes its amount and the total', async () => {
    const patched = await call(sandbox, 'PATCH', `${record}/salesOrder/300`, { body: { item: { items: [{ line: 2, quantity: 4 }] } } });
    expect(patched.status, patched.text).toBe(204);
    const order = await call(sandbox, 'GET', `${record}/salesOrder/300?expandSubResources=true`);
    expect(order.json.item.items.map((line: { line: number; quantity: number; amount: number }) => [line.line, line.quantity, line.amount])).toEqual([
      [1, 2, 20],
      [2, 4, 100],
    ]);
    expect(order.json.total).toBe(120);
    // Restore, so the transform test below sees the fixture's order.
    await call(sandbox, 'PATCH', `${record}/salesOrder/300`, { body: { item: { items: [{ line: 2, quantity: 2 }] } } });
  });

  it('clears named body fields with replaceSelectedFields=true', async () => {
    await call(sandbox, 'PATCH', `${record}/customer/105?replaceSelectedFields=true&replace=companyName`, { body: { entityId: 'CUST5-B' } });
    const after = await call(sandbox, 'GET', `${record}/customer/105`);
    expect(after.json).not.toHaveProperty('companyName');
    expect(after.json.entityId).toBe('CUST5-B');
  });

  it('accepts eid: on PATCH and DELETE, and 404s an unknown id', async () => {
    const patched = await call(sandbox, 'PATCH', `${record}/customer/eid:EXT-3`, { body: { phone: '555-0100' } });
    expect(patched.status).toBe(204);
    expect((await call(sandbox, 'GET', `${record}/customer/103`)).json.phone).toBe('555-0100');
    const missing = await call(sandbox, 'PATCH', `${record}/customer/99999`, { body: { phone: '1' } });
    expect(missing.status).toBe(404);
  });

  it('upserts by external id with PUT: creates once, then updates the same record', async () => {
    const first = await call(sandbox, 'PUT', `${record}/customer/eid:UPSERT-1`, { body: { companyName: 'Upsert One', subsidiary: { id: '1' } } });
    expect(first.status).toBe(204);
    const id = idFromLocation(first);
    const second = await call(sandbox, 'PUT', `${record}/customer/eid:UPSERT-1`, { body: { companyName: 'Upsert Two' } });
    expect(second.status).toBe(204);
    expect(idFromLocation(second)).toBe(id);
    const fetched = await call(sandbox, 'GET', `${record}/customer/eid:UPSERT-1`);
    expect(fetched.json).toMatchObject({ id, externalId: 'UPSERT-1', companyName: 'Upsert Two' });
    const noEid = await call(sandbox, 'PUT', `${record}/customer/123`, { body: { companyName: 'x' } });
    expect(noEid.status).toBe(400);
  });

  it('deletes with 204, after which the record is gone', async () => {
    const deleted = await call(sandbox, 'DELETE', `${record}/customer/124`);
    expect(deleted.status).toBe(204);
    expect((await call(sandbox, 'GET', `${record}/customer/124`)).status).toBe(404);
    expect((await call(sandbox, 'DELETE', `${record}/customer/124`)).status).toBe(404);
  });
});

describe('transform', () => {
  it('turns a sales order into an invoice that carries its customer, lines and a createdFrom link', async () => {
    const response = await call(sandbox, 'POST', `${record}/salesOrder/300/!transform/invoice`, { body: { memo: 'Billed' } });
    expect(response.status).toBe(204);
    expect(response.headers.get('location')).toMatch(new RegExp(`^${sandbox.baseUrl}${record}/invoice/\\d+$`));
    const invoice = await call(sandbox, 'GET', `${record}/invoice/${idFromLocation(response)}?expandSubResources=true`);
    expect(invoice.json).toMatchObject({ entity: { id: '100' }, createdFrom: { id: '300', refName: 'SO300' }, memo: 'Billed', total: 70 });
    expect(invoice.json.item.items).toHaveLength(2);
  });

  it('refuses targets the source type cannot become, and unknown sources', async () => {
    const wrongTarget = await call(sandbox, 'POST', `${record}/salesOrder/300/!transform/vendorBill`, { body: {} });
    expect(wrongTarget.status).toBe(400);
    expect(firstDetail(wrongTarget).detail).toContain('cannot transform a salesOrder into a vendorBill');
    const missing = await call(sandbox, 'POST', `${record}/salesOrder/99999/!transform/invoice`, { body: {} });
    expect(missing.status).toBe(404);
  });
});

describe('idempotency keys on synchronous writes', () => {
  // NetSuite ignores the key when the call is synchronous (netsuite-wire.md §1.9): so does the sandbox, or our
  // tests would pass while a real account makes a second record on a retried synchronous create.
  it('ignores the key: a replayed synchronous create makes a second record', async () => {
    // A sales order: an entity replayed without its id would be caught by its unique name instead (DUP_ENTITY).
    const headers = { 'X-NetSuite-Idempotency-Key': randomUUID() };
    const body = { entity: { id: '101' }, memo: 'Sync key ignored', item: { items: [{ item: { id: '200' }, quantity: 1, rate: 5 }] } };
    const first = await call(sandbox, 'POST', `${record}/salesOrder`, { body, headers });
    const replay = await call(sandbox, 'POST', `${record}/salesOrder`, { body, headers });
    expect([first.status, replay.status]).toEqual([204, 204]);
    expect(idFromLocation(replay)).not.toBe(idFromLocation(first));
    const orders = await call(sandbox, 'GET', `${record}/salesOrder?q=${encodeURIComponent('memo IS "Sync key ignored"')}`);
    expect(orders.json.totalResults).toBe(2);
  });

  it('does not even read it: a key that is not a UUID is no error on a synchronous create', async () => {
    const response = await call(sandbox, 'POST', `${record}/customer`, { body: { subsidiary: { id: '1' } }, headers: { 'X-NetSuite-Idempotency-Key': 'abc' } });
    expect(response.status).toBe(204);
  });
});

describe('asynchronous writes (Prefer: respond-async)', () => {
  const async = { prefer: 'respond-async' };

  it('answers 202 with the job location; the job, its task and the result (the original answer) are readable', async () => {
    const accepted = await call(sandbox, 'POST', `${record}/customer`, { body: { entityId: 'ASYNC-1', subsidiary: { id: '1' } }, headers: async });
    expect(accepted.status).toBe(202);
    expect(accepted.text).toBe('');
    expect(accepted.headers.get('preference-applied')).toBe('respond-async');
    expect(accepted.headers.get('content-type')).toMatch(/^application\/json/);
    const jobPath = accepted.headers.get('location') ?? '';
    expect(jobPath).toMatch(/^\/services\/rest\/async\/v1\/job\/\d+$/);
    const job = await call(sandbox, 'GET', jobPath);
    expect(job.json).toMatchObject({ completed: true, progress: 'succeeded', task: { links: [{ rel: 'self', href: `${sandbox.baseUrl}${jobPath}/task` }] } });
    const tasks = await call(sandbox, 'GET', `${jobPath}/task`);
    expect(tasks.json.items).toEqual([{ links: [{ rel: 'self', href: `${sandbox.baseUrl}${jobPath}/task/1` }], id: '1' }]);
    const task = await call(sandbox, 'GET', `${jobPath}/task/1`);
    expect(task.json).toMatchObject({ completed: true, id: '1', progress: 'succeeded' });
    expect(task.json.links[0]).toEqual({ rel: 'related', href: `${sandbox.baseUrl}${jobPath}/task/1/result` });
    const result = await call(sandbox, 'GET', `${jobPath}/task/1/result`);
    expect(result.status).toBe(204);
    const created = await call(sandbox, 'GET', (result.headers.get('location') ?? '').slice(sandbox.baseUrl.length));
    expect(created.json.entityId).toBe('ASYNC-1');
  });

  it('records a failed write as a failed job whose result is the error', async () => {
    const accepted = await call(sandbox, 'POST', `${record}/customer`, { body: { companyName: 'No subsidiary' }, headers: async });
    expect(accepted.status).toBe(202);
    const jobPath = accepted.headers.get('location') ?? '';
    expect((await call(sandbox, 'GET', jobPath)).json.progress).toBe('failed');
    const result = await call(sandbox, 'GET', `${jobPath}/task/1/result`);
    expect(result.status).toBe(400);
    expect(firstDetail(result)['o:errorCode']).toBe('USER_ERROR');
    expect((await call(sandbox, 'GET', '/services/rest/async/v1/job/99999')).status).toBe(404);
  });

  it('points a replayed idempotency key at the first job, in the documented body, and writes nothing again', async () => {
    const headers = { ...async, 'X-NetSuite-Idempotency-Key': randomUUID() };
    const body = { companyName: 'Async Keyed Co', subsidiary: { id: '1' } };
    const first = await call(sandbox, 'POST', `${record}/customer`, { body, headers });
    expect(first.status).toBe(202);
    const replay = await call(sandbox, 'POST', `${record}/customer`, { body, headers });
    expect(replay.status).toBe(409);
    expect(replay.json).toMatchObject({ title: 'Conflict', status: 409 });
    expect(firstDetail(replay)).toEqual({
      detail: 'A request with the same idempotency key is already submitted. See the "Location" header for a link to the previously submitted job',
      'o:errorCode': 'IDEMPOTENCY_ERROR',
    });
    expect(replay.headers.get('location')).toBe(first.headers.get('location'));
    expect(replay.headers.get('preference-applied')).toBe('respond-async');
    expect(await countCustomers('companyName IS "Async Keyed Co"')).toBe(1);
  });

  it('keeps a key taken by a job that failed: the replay points at the failed job, whose result is the first error', async () => {
    const headers = { ...async, 'X-NetSuite-Idempotency-Key': randomUUID() };
    const first = await call(sandbox, 'POST', `${record}/customer`, { body: { companyName: 'Failed First Co' }, headers });
    const replay = await call(sandbox, 'POST', `${record}/customer`, { body: { companyName: 'Failed First Co', subsidiary: { id: '1' } }, headers });
    expect(replay.status).toBe(409);
    expect(replay.headers.get('location')).toBe(first.headers.get('location'));
    const result = await call(sandbox, 'GET', `${first.headers.get('location')}/task/1/result`);
    expect(firstDetail(result)).toMatchObject({ 'o:errorCode': 'USER_ERROR', detail: expect.stringContaining('Please enter value(s) for: Primary Subsidiary') });
    expect(await countCustomers('companyName IS "Failed First Co"')).toBe(0);
  });

  it('refuses an async submission whose key is not a UUID, before queueing anything', async () => {
    const response = await call(sandbox, 'POST', `${record}/customer`, { body: { subsidiary: { id: '1' } }, headers: { ...async, 'X-NetSuite-Idempotency-Key': 'abc' } });
    expect(response.status).toBe(400);
    expect(firstDetail(response)).toMatchObject({ 'o:errorCode': 'INVALID_PARAMETER', 'o:errorHeader': 'X-NetSuite-Idempotency-Key' });
  });

  it('runs a transform as a job whose result is the new record', async () => {
    // Its own order: SO300 was billed by the transform tests above, and NetSuite refuses to bill an order twice.
    const order = await call(sandbox, 'POST', `${record}/salesOrder`, {
      body: { entity: { id: '100' }, subsidiary: { id: '1' }, currency: { id: '1' }, item: { items: [{ item: { id: '200' }, quantity: 1, rate: 10 }] } },
    });
    expect(order.status).toBe(204);
    const orderId = idFromLocation(order);
    const accepted = await call(sandbox, 'POST', `${record}/salesOrder/${orderId}/!transform/invoice`, { body: { memo: 'Async bill' }, headers: { ...async, 'X-NetSuite-Idempotency-Key': randomUUID() } });
    expect(accepted.status).toBe(202);
    const result = await call(sandbox, 'GET', `${accepted.headers.get('location')}/task/1/result`);
    expect(result.status).toBe(204);
    const invoice = await call(sandbox, 'GET', (result.headers.get('location') ?? '').slice(sandbox.baseUrl.length));
    expect(invoice.json).toMatchObject({ memo: 'Async bill', createdFrom: { id: orderId } });
  });

  it('keeps a job pending for latency.asyncJobMs: nothing is written and there is no result until it has run', async () => {
    sandbox.configure({ latency: { asyncJobMs: 300 } });
    try {
      const accepted = await call(sandbox, 'POST', `${record}/customer`, { body: { companyName: 'Queued Co', subsidiary: { id: '1' } }, headers: async });
      const jobPath = accepted.headers.get('location') ?? '';
      expect((await call(sandbox, 'GET', jobPath)).json).toMatchObject({ completed: false, progress: 'pending' });
      expect((await call(sandbox, 'GET', `${jobPath}/task/1`)).json).toMatchObject({ completed: false, progress: 'pending' });
      expect((await call(sandbox, 'GET', `${jobPath}/task/1/result`)).status).toBe(404);
      expect(await countCustomers('companyName IS "Queued Co"')).toBe(0);
      await expect.poll(async () => (await call(sandbox, 'GET', jobPath)).json.progress, { timeout: 10_000, interval: 100 }).toBe('succeeded');
      expect(await countCustomers('companyName IS "Queued Co"')).toBe(1);
    } finally {
      sandbox.configure({ latency: { asyncJobMs: 0 } });
    }
  });
});
