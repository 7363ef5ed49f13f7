import { describe, expect, it } from 'vitest';
import { catalogRecordTypeDefinitions, findRecordType, handleMetadataRequest, recordTypeDefinitions, recordTypeJsonSchema, recordTypesOpenApi } from '../../src/sandbox/catalog';
import { createRecordBodyValidator, errorPathFromPointer } from '../../src/sandbox/catalog/recordBodyValidation';
import type { SandboxRole } from '../../src/sandbox/model/seams';

type Schema = { properties: Record<string, Record<string, unknown>>; 'x-ns-filterable': string[] } & Record<string, unknown>;

const administrator: SandboxRole = { id: '3', name: 'Administrator', permissions: { '*': 'full' } };
const narrow: SandboxRole = { id: '1001', name: 'Narrow', permissions: { customer: 'edit', contact: 'view', '*': 'none' } };
const baseUrl = 'http://127.0.0.1:4321';
const CATALOG = '/services/rest/record/v1/metadata-catalog';

function request(path: string, accept?: string, role = administrator) {
  const answer = handleMetadataRequest({ url: new URL(baseUrl + path), accept, baseUrl, role, accountId: 'TSTDRV1', now: () => new Date('2026-01-02T03:04:05Z') });
  return { ...answer, json: JSON.parse(answer.body) };
}

const schemaOf = (type: string) => recordTypeJsonSchema(findRecordType(type)!) as Schema;

/** Every `$ref` anywhere in a document. */
function refsIn(value: unknown): string[] {
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => (key === '$ref' && typeof inner === 'string' ? [inner] : refsIn(inner)));
}

describe('per-type JSON Schema (application/schema+json)', () => {
  it('describes customer fields with the keys NetSuite uses', () => {
    const customer = schemaOf('customer');
    expect(customer.type).toBe('object');
    expect(customer.properties.companyName).toMatchObject({ title: 'Company Name', type: 'string', nullable: true });
    // Booleans are never nullable in NetSuite's schemas; dates carry a format; balances are read-only doubles.
    expect(customer.properties.isPerson).toEqual({ title: 'Is Individual', type: 'boolean' });
    expect(customer.properties.startDate).toMatchObject({ type: 'string', format: 'date', nullable: true });
    expect(customer.properties.dateCreated).toMatchObject({ type: 'string', format: 'date-time', readOnly: true });
    expect(customer.properties.balance).toMatchObject({ type: 'number', format: 'double', readOnly: true });
    expect(customer.properties.id).toMatchObject({ type: 'string', readOnly: true });
    expect(customer.properties.links).toMatchObject({ type: 'array', readOnly: true, items: { $ref: `${CATALOG}/nsLink` } });
  });

  it('writes references and sublists as $refs to catalog URLs and enums as {id, refName} objects', () => {
    const customer = schemaOf('customer');
    // Typed with the target's schema (2026.1 browser); untyped nsResource when the target is not a REST record here.
    expect(customer.properties.subsidiary).toMatchObject({ $ref: `${CATALOG}/subsidiary`, title: 'Primary Subsidiary' });
    expect(customer.properties.parent.$ref).toBe(`${CATALOG}/customer`);
    expect(customer.properties.entityStatus.$ref).toBe(`${CATALOG}/nsResource`);
    expect(customer.properties.addressBook.$ref).toBe(`${CATALOG}/customer-addressBookCollection`);
    expect(customer.properties.emailPreference).toMatchObject({
      type: 'object',
      properties: { id: { type: 'string', enum: ['PDF', 'HTML', 'DEFAULT'] }, refName: { type: 'string' } },
    });
  });

  it('flags custom fields and lists filterable body fields at the top level', () => {
    const customer = schemaOf('customer');
    expect(customer.properties.custentity_loyalty_tier['x-ns-custom-field']).toBe(true);
    expect(customer.properties.custentity_current_milestone).toMatchObject({ $ref: `${CATALOG}/customrecord_project_milestone`, 'x-ns-custom-field': true });
    expect(customer.properties.companyName['x-ns-custom-field']).toBeUndefined();
    expect(customer['x-ns-filterable']).toEqual(expect.arrayContaining(['companyName', 'email', 'isInactive', 'custentity_loyalty_tier']));
    expect(customer['x-ns-filterable']).not.toContain('addressBook');
    for (const name of customer['x-ns-filterable']) expect(customer.properties[name], name).toBeDefined();
  });

  it('gives the sales order its item sublist and the custom record its custrecord fields', () => {
    expect(schemaOf('salesOrder').properties.item.$ref).toBe(`${CATALOG}/salesOrder-itemCollection`);
    const milestone = schemaOf('customrecord_project_milestone');
    expect(milestone.properties.custrecord_pm_customer).toMatchObject({ $ref: `${CATALOG}/customer`, 'x-ns-custom-field': true });
    expect(milestone.properties.custrecord_pm_due_date).toMatchObject({ format: 'date', 'x-ns-custom-field': true });
    expect(milestone.properties.name['x-ns-custom-field']).toBeUndefined();
  });
});

describe('metadata-catalog answers', () => {
  it('lists every type with the three media-type links, lower-case names, absolute hrefs', () => {
    const list = request(CATALOG);
    expect(list.status).toBe(200);
    expect(list.json.items.map((item: { name: string }) => item.name)).toEqual(catalogRecordTypeDefinitions.map((definition) => definition.id.toLowerCase()));
    const salesOrder = list.json.items.find((item: { name: string }) => item.name === 'salesorder');
    const href = `${baseUrl}${CATALOG}/salesorder`;
    expect(salesOrder.links).toEqual([
      { rel: 'canonical', href, mediaType: 'application/json' },
      { rel: 'alternate', href, mediaType: 'application/swagger+json' },
      { rel: 'alternate', href, mediaType: 'application/schema+json' },
    ]);
  });

  it('narrows the list with ?select= (case-insensitive) and refuses an unknown name', () => {
    expect(request(`${CATALOG}?select=Customer,salesorder`).json.items.map((item: { name: string }) => item.name)).toEqual(['customer', 'salesorder']);
    const bad = request(`${CATALOG}?select=customer,nosuchtype`);
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toContain('type=error');
    expect(bad.json['o:errorDetails'][0]).toMatchObject({ 'o:errorCode': 'INVALID_PARAMETER', 'o:errorQueryParam': 'select' });
  });

  it('shows a narrow role only what it may view, and hides the rest as nonexistent', () => {
    expect(request(CATALOG, undefined, narrow).json.items.map((item: { name: string }) => item.name)).toEqual(['contact', 'customer']);
    const hidden = request(`${CATALOG}/vendor`, 'application/schema+json', narrow);
    expect(hidden.status).toBe(404);
    expect(hidden.json).toMatchObject({ status: 404, title: 'Not Found', 'o:errorDetails': [{ detail: "Record type 'vendor' does not exist." }] });
    expect(request(`${CATALOG}/salesOrder-itemCollection`, undefined, narrow).status).toBe(404);
    expect(request(`${CATALOG}/customer-addressBookElement`, undefined, narrow).status).toBe(200);
  });

  it('leaves references to types a role cannot see untyped, so it can follow every $ref it is given', () => {
    const customer = request(`${CATALOG}/customer`, 'application/schema+json', narrow).json;
    expect(customer.properties.salesRep.$ref).toBe(`${CATALOG}/nsResource`);
    expect(customer.properties.parent.$ref).toBe(`${CATALOG}/customer`);
    for (const ref of refsIn(customer)) expect(request(ref, 'application/schema+json', narrow).status, ref).toBe(200);
  });

  it('answers a type by Accept: JSON Schema, OpenAPI, or its catalog entry', () => {
    const schema = request(`${CATALOG}/SALESORDER`, 'application/schema+json');
    expect(schema.headers['content-type']).toContain('application/schema+json');
    expect(schema.json).toEqual(schemaOf('salesOrder'));
    const swagger = request(`${CATALOG}/salesorder`, 'application/swagger+json');
    expect(swagger.headers['content-type']).toContain('application/swagger+json');
    expect(swagger.json.openapi).toBe('3.0.1');
    expect(request(`${CATALOG}/salesorder`).json.name).toBe('salesorder');
  });

  it('answers every catalog URL a type schema refers to', () => {
    for (const definition of recordTypeDefinitions) {
      for (const ref of refsIn(request(`${CATALOG}/${definition.id}`, 'application/schema+json').json)) {
        expect(ref.startsWith(CATALOG), ref).toBe(true);
        const referenced = request(ref, 'application/schema+json');
        expect(referenced.status, ref).toBe(200);
        for (const inner of refsIn(referenced.json)) expect(request(inner, 'application/schema+json').status, inner).toBe(200);
      }
    }
  });

  it('answers unknown types with 404 in NetSuite’s envelope', () => {
    const missing = request(`${CATALOG}/transaction`, 'application/schema+json');
    expect(missing.status).toBe(404);
    expect(missing.json.type).toBe('https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.5');
  });
});

describe('OpenAPI document (application/swagger+json)', () => {
  const document = request(`${CATALOG}?select=customer,salesOrder`, 'application/swagger+json').json;

  it('has the top level of the real dump', () => {
    expect(document.info).toMatchObject({ title: 'NetSuite REST Record API', version: 'v1' });
    expect(document.info.description).toBe('NetSuite REST Record API generated 2026-01-02 at 03:04:05 UTC for account TSTDRV1 with role Administrator.');
    expect(document.servers).toEqual([{ url: `${baseUrl}/services/rest/record/v1` }]);
    expect(document.security).toContainEqual({ 'OAuth 1.0 authorization': [] });
  });

  it('lists the operations per type, including !transform', () => {
    expect(Object.keys(document.paths)).toEqual(['/customer', '/customer/{id}', '/salesOrder', '/salesOrder/{id}', '/salesOrder/{id}/!transform/invoice']);
    expect(Object.keys(document.paths['/customer/{id}'])).toEqual(['get', 'put', 'patch', 'delete']);
    expect(document.paths['/customer'].get.responses['200'].content['application/vnd.oracle.resource+json; type=collection'].schema.$ref).toBe(
      '#/components/schemas/customerCollection',
    );
    expect(document.paths['/salesOrder'].post.responses).toHaveProperty('204');
    expect(document.paths['/salesOrder/{id}/!transform/invoice'].post.requestBody.content['application/vnd.oracle.resource+json; type=singular'].schema.$ref).toBe(
      `${CATALOG}/invoice`,
    );
  });

  it('holds every component it refers to, with nsError carrying o:errorDetails', () => {
    const schemas = document.components.schemas;
    expect(Object.keys(schemas)).toEqual(
      expect.arrayContaining(['nsResource', 'nsLink', 'nsError', 'customer', 'customerCollection', 'customer-addressBookCollection', 'customer-addressBookElement', 'salesOrder-itemElement']),
    );
    expect(schemas.nsError.properties['o:errorDetails'].items.properties).toHaveProperty('o:errorPath');
    for (const ref of refsIn(document).filter((ref) => ref.startsWith('#/'))) expect(schemas[ref.slice('#/components/schemas/'.length)], ref).toBeDefined();
    // As in the real dump: typed when the target is in the document, nsResource otherwise.
    expect(schemas.customer.properties.subsidiary.$ref).toBe('#/components/schemas/nsResource');
    expect(schemas.salesOrder.properties.entity.$ref).toBe('#/components/schemas/customer');
  });

  it('can be built directly for any set of types', () => {
    const all = recordTypesOpenApi(recordTypeDefinitions, { baseUrl, accountId: 'X', roleName: 'R', generatedAt: new Date(0) }) as { paths: object };
    expect(Object.keys(all.paths)).toContain('/customrecord_project_milestone/{id}');
  });
});

describe('record body validation against the served schemas', () => {
  const validator = createRecordBodyValidator();

  it('accepts valid bodies, bare enum ids and nulls that clear fields', () => {
    expect(
      validator.validate('customer', {
        companyName: "O'Brien & Sons",
        subsidiary: { id: '1' },
        emailPreference: 'PDF',
        custentity_loyalty_tier: { id: '3' },
        startDate: '2024-02-29',
        comments: null,
        addressBook: { items: [{ addr1: '1 Main St', country: { id: 'US' }, defaultBilling: true }] },
      }),
    ).toEqual([]);
  });

  it('names the offending field with NetSuite’s error path', () => {
    const problems = validator.validate('salesOrder', { entity: { id: '1' }, item: { items: [{ item: { id: '2' }, quantity: 1 }, { item: { id: '3' }, quantity: 'two' }] } });
    expect(problems).toHaveLength(1);
    expect(problems[0].errorPath).toBe('item.items[1].quantity');
    expect(problems[0].detail).toContain('Invalid Field Value two for the following field: quantity');
    expect(validator.validate('customer', { emailPreference: 'LOUD' })[0]).toMatchObject({ errorPath: 'emailPreference', detail: expect.stringContaining('PDF, HTML, DEFAULT') });
    expect(validator.validate('customer', { startDate: '02/30/2024' })[0].errorPath).toBe('startDate');
    expect(validator.validate('customer', { isPerson: 'T' })[0].errorPath).toBe('isPerson');
  });

  it('turns JSON pointers into NetSuite error paths', () => {
    expect(errorPathFromPointer('/addressBook/items/0/country')).toBe('addressBook.items[0].country');
    expect(errorPathFromPointer('/companyName')).toBe('companyName');
  });
});
