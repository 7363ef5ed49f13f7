/** The metadata catalog and the seeded demo data, over real HTTP against a running sandbox. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox';
import { catalogRecordTypeDefinitions } from '../../../src/sandbox/catalog';
import { documentedRestRecordTypes } from '../../../src/netsuite/restRecordTypes';
import { recordTypeLabel } from '../../../src/netsuite/recordTypeLabels';
import { generateSeedData } from '../../../src/sandbox/seed';
import { call } from './sandboxTestClient';

const CATALOG = '/services/rest/record/v1/metadata-catalog';
const record = '/services/rest/record/v1';
const seed = generateSeedData({ seed: 7 });
const hostileCustomer = seed.find((candidate) => candidate.type === 'customer' && candidate.fields.companyName === '<img src=x onerror=alert(1)>')!;

let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ seedRecords: seed });
});
afterAll(async () => {
  await sandbox?.stop();
});

function refsIn(value: unknown): string[] {
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => (key === '$ref' && typeof inner === 'string' ? [inner] : refsIn(inner)));
}

describe('metadata-catalog over HTTP', () => {
  it('lists every record type with absolute links in the three media types', async () => {
    const response = await call(sandbox, 'GET', CATALOG);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    const names = response.json.items.map((item: { name: string }) => item.name);
    expect(names).toEqual(catalogRecordTypeDefinitions.map((definition) => definition.id.toLowerCase()));
    const customer = response.json.items.find((item: { name: string }) => item.name === 'customer');
    expect(customer.links.map((link: { mediaType: string }) => link.mediaType)).toEqual(['application/json', 'application/swagger+json', 'application/schema+json']);
    expect(customer.links[0].href).toBe(`${sandbox.baseUrl}${CATALOG}/customer`);
  });

  it('narrows with ?select= and answers a bad name in NetSuite’s error envelope', async () => {
    const selected = await call(sandbox, 'GET', `${CATALOG}?select=customer,salesorder`);
    expect(selected.json.items.map((item: { name: string }) => item.name)).toEqual(['customer', 'salesorder']);
    const bad = await call(sandbox, 'GET', `${CATALOG}?select=nosuchthing`);
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('type=error');
    expect(bad.json['o:errorDetails'][0]).toMatchObject({ 'o:errorCode': 'INVALID_PARAMETER', 'o:errorQueryParam': 'select' });
  });

  it('serves a JSON Schema whose every $ref is itself answerable', async () => {
    const response = await call(sandbox, 'GET', `${CATALOG}/customer`, { headers: { accept: 'application/schema+json' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/schema+json');
    expect(response.json['x-ns-filterable']).toContain('companyName');
    expect(response.json.properties.custentity_loyalty_tier['x-ns-custom-field']).toBe(true);
    const refs = [...new Set(refsIn(response.json))];
    expect(refs).toEqual(expect.arrayContaining([`${CATALOG}/nsResource`, `${CATALOG}/customer-addressBookCollection`]));
    for (const ref of refs) {
      const referenced = await call(sandbox, 'GET', ref, { headers: { accept: 'application/schema+json' } });
      expect(referenced.status, ref).toBe(200);
      expect(referenced.json.type, ref).toBe('object');
    }
  });

  it('serves an OpenAPI 3.0.1 document pointing at this sandbox, with the transform path', async () => {
    const response = await call(sandbox, 'GET', `${CATALOG}/salesOrder`, { headers: { accept: 'application/swagger+json' } });
    expect(response.status).toBe(200);
    expect(response.json.openapi).toBe('3.0.1');
    expect(response.json.servers).toEqual([{ url: `${sandbox.baseUrl}/services/rest/record/v1` }]);
    expect(response.json.info.description).toContain(sandbox.accountId);
    expect(Object.keys(response.json.paths)).toContain('/salesOrder/{id}/!transform/invoice');
    expect(response.json.components.schemas['salesOrder-itemElement'].properties.quantity).toMatchObject({ type: 'number' });
  });

  it('shows the narrow role only the types it may view', async () => {
    const credentials = sandbox.narrowCredentials.tba;
    const list = await call(sandbox, 'GET', CATALOG, { credentials });
    const names = list.json.items.map((item: { name: string }) => item.name);
    expect(names).toContain('customer');
    expect(names).not.toContain('vendor');
    expect(names).not.toContain('salesorder');
    const hidden = await call(sandbox, 'GET', `${CATALOG}/vendor`, { credentials, headers: { accept: 'application/schema+json' } });
    expect(hidden.status).toBe(404);
  });

  it('answers an unknown type with 404 and the record-type detail', async () => {
    const response = await call(sandbox, 'GET', `${CATALOG}/transaction`, { headers: { accept: 'application/schema+json' } });
    expect(response.status).toBe(404);
    expect(response.json).toMatchObject({ status: 404, 'o:errorDetails': [{ detail: "Record type 'transaction' does not exist." }] });
  });

  it('requires authentication like every REST call', async () => {
    const response = await call(sandbox, 'GET', CATALOG, { credentials: null });
    expect(response.status).toBe(401);
  });
});

describe('the catalog at a real account\u2019s size', () => {
  it('lists every record type NetSuite documents for REST, each with the label people see', async () => {
    const response = await call(sandbox, 'GET', CATALOG);
    const names: string[] = response.json.items.map((item: { name: string }) => item.name);
    expect(names.length).toBeGreaterThanOrEqual(200);
    for (const [id] of documentedRestRecordTypes) expect(names, id).toContain(id.toLowerCase());
    // NetSuite lists ids only; the labels come from the client's list of documented types.
    const unlabelled = names.filter((name) => !name.startsWith('customrecord') && recordTypeLabel(name) === name);
    expect(unlabelled).toEqual([]);
    expect(recordTypeLabel('advintercompanyjournalentry')).toBe('Advanced Intercompany Journal Entry');
  });

  it('answers a type without data with an empty collection in NetSuite\u2019s shape, and a record of it with 404', async () => {
    const collection = await call(sandbox, 'GET', `${record}/assemblyBuild`);
    expect(collection.status).toBe(200);
    expect(collection.json).toEqual({ links: [{ rel: 'self', href: `${sandbox.baseUrl}${record}/assemblyBuild` }], count: 0, hasMore: false, items: [], offset: 0, totalResults: 0 });
    const filtered = await call(sandbox, 'GET', `${record}/assemblybuild?q=${encodeURIComponent('externalId IS "A-1"')}&limit=10`);
    expect(filtered.json).toMatchObject({ count: 0, items: [], totalResults: 0 });

    const single = await call(sandbox, 'GET', `${record}/assemblyBuild/1`);
    expect(single.status).toBe(404);
    expect(single.json['o:errorDetails']).toEqual([{ detail: 'The record instance does not exist. Provide a valid record instance ID.', 'o:errorCode': 'NONEXISTENT_ID' }]);
  });

  it('describes a type without data with the fields every record has, and refuses to write it', async () => {
    const schema = await call(sandbox, 'GET', `${CATALOG}/assemblybuild`, { headers: { accept: 'application/schema+json' } });
    expect(schema.status).toBe(200);
    expect(Object.keys(schema.json.properties)).toEqual(expect.arrayContaining(['id', 'externalId', 'refName', 'links']));
    const created = await call(sandbox, 'POST', `${record}/assemblyBuild`, { body: { externalId: 'A-1' } });
    expect(created.status).toBe(400);
    expect(created.json['o:errorDetails'][0].detail).toContain('keeps no records of it');
  });

  it('still serves the types with data, and writes them with references to a type without data', async () => {
    const customers = await call(sandbox, 'GET', `${record}/customer?limit=1`);
    expect(customers.json.totalResults).toBe(seed.filter((candidate) => candidate.type === 'customer').length);
    // A customer's status is a customerStatus, listed without data: the reference is not checked against records.
    const created = await call(sandbox, 'POST', `${record}/customer`, { body: { companyName: 'Catalog Size Co', subsidiary: { id: '1' }, entityStatus: { id: '13' } } });
    expect(created.status, created.text).toBe(204);
    // Gone again, so the seeded counts below still hold.
    const removed = await call(sandbox, 'DELETE', new URL(created.headers.get('location') ?? '').pathname);
    expect(removed.status).toBe(204);
  });
});

describe('seeded demo data over HTTP', () => {
  it('serves the XSS-probe customer with its name untouched', async () => {
    const response = await call(sandbox, 'GET', `${record}/customer/${hostileCustomer.id}`);
    expect(response.status).toBe(200);
    expect(response.json.companyName).toBe('<img src=x onerror=alert(1)>');
    expect(response.json.entityId).toBe('<img src=x onerror=alert(1)>');
  });

  it('serves every seeded customer in the collection', async () => {
    const response = await call(sandbox, 'GET', `${record}/customer?limit=5`);
    expect(response.status).toBe(200);
    expect(response.json.totalResults).toBe(seed.filter((candidate) => candidate.type === 'customer').length);
  });

  it('serves a seeded sales order with its item lines', async () => {
    const order = seed.find((candidate) => candidate.type === 'salesOrder')!;
    const response = await call(sandbox, 'GET', `${record}/salesOrder/${order.id}?expandSubResources=true`);
    expect(response.status).toBe(200);
    expect(response.json.tranId).toBe(order.fields.tranId);
    expect(response.json.total).toBe(order.fields.total);
    expect(response.json.item.items).toHaveLength(order.sublists.item.length);
  });

  it('rejects a body the served schema forbids, naming the line field', async () => {
    const customer = seed.find((candidate) => candidate.type === 'customer')!;
    const response = await call(sandbox, 'POST', `${record}/salesOrder`, {
      body: { entity: { id: customer.id }, item: { items: [{ item: { id: '1' }, quantity: 'two' }] } },
    });
    expect(response.status).toBe(400);
    expect(response.json['o:errorDetails'][0]['o:errorPath']).toBe('item.items[0].quantity');
  });
});
