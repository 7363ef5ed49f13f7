/** Record service reads over real HTTP: single GET shape, sublists, fields=, enums, collections, paging. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox';
import { fixtureRecords } from './fixtureRecords';
import { call } from './sandboxTestClient';

let sandbox: RunningSandbox;
const record = '/services/rest/record/v1';

beforeAll(async () => {
  sandbox = await startSandbox({ seedRecords: fixtureRecords() });
});
afterAll(async () => {
  await sandbox?.stop();
});

describe('single-record GET', () => {
  it('serialises a customer as NetSuite does: links first, sorted keys, string id, references and enums as objects', async () => {
    const response = await call(sandbox, 'GET', `${record}/customer/101`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.oracle.resource+json; type=singular; charset=UTF-8');
    const body = response.json;
    const keys = Object.keys(body);
    expect(keys[0]).toBe('links');
    const rest = keys.slice(1);
    expect(rest).toEqual([...rest].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    expect(body.id).toBe('101');
    expect(body.links).toEqual([{ rel: 'self', href: `${sandbox.baseUrl}${record}/customer/101` }]);
    expect(body.companyName).toBe('Zoë Ålander GmbH 東京');
    expect(body.subsidiary).toEqual({ links: [{ rel: 'self', href: `${sandbox.baseUrl}${record}/subsidiary/1` }], id: '1', refName: 'Honeycomb Mfg.' });
    expect(body.emailPreference).toEqual({ id: 'HTML', refName: 'HTML' });
    // customerStatus is not a REST record: its reference carries no links.
    expect(body.entityStatus).toEqual({ id: '13', refName: 'CUSTOMER-Closed Won' });
    expect(body.balance).toBe(10.5);
    expect(body.isPerson).toBe(false);
    expect(body.dateCreated).toBe('2024-01-02T09:30:00Z');
    expect(body).not.toHaveProperty('phone');
    expect(body.addressBook).toEqual({ links: [{ rel: 'self', href: `${sandbox.baseUrl}${record}/customer/101/addressBook` }] });
  });

  it('keeps hostile names intact as JSON text', async () => {
    const response = await call(sandbox, 'GET', `${record}/customer/102`);
    expect(response.json.companyName).toBe('<img src=x onerror=alert(1)>');
    const quoted = await call(sandbox, 'GET', `${record}/customer/100`);
    expect(quoted.json.companyName).toBe("O'Brien & Sons");
  });

  it('echoes the request URL in the self link and matches type names case-insensitively', async () => {
    const response = await call(sandbox, 'GET', `${record}/CUSTOMER/100?expandSubResources=true`);
    expect(response.status).toBe(200);
    expect(response.json.links[0].href).toBe(`${sandbox.baseUrl}${record}/CUSTOMER/100?expandSubResources=true`);
    expect(response.json.subsidiary.links[0].href).toBe(`${sandbox.baseUrl}${record}/subsidiary/1`);
  });

  it('expands sublists with line links and totalResults when expandSubResources=true', async () => {
    const response = await call(sandbox, 'GET', `${record}/customer/100?expandSubResources=true`);
    const addressBook = response.json.addressBook;
    expect(addressBook.totalResults).toBe(2);
    expect(addressBook.items[0].links).toEqual([{ rel: 'self', href: `${sandbox.baseUrl}${record}/customer/100/addressBook/1` }]);
    expect(addressBook.items[0].country).toEqual({ id: 'IE', refName: 'Ireland' });
    expect(addressBook.items[1].city).toBe('Cork');
    const order = await call(sandbox, 'GET', `${record}/salesorder/300?expandSubResources=true`);
    expect(order.json.item.items.map((line: { item: { refName: string } }) => line.item.refName)).toEqual(['WIDGET-1', 'GADGET-2']);
    expect(order.json.entity.refName).toBe('CUST0');
  });

  it('returns bare enum ids with simpleEnumFormat=true and only the asked fields with fields=', async () => {
    const simple = await call(sandbox, 'GET', `${record}/customer/100?simpleEnumFormat=true`);
    expect(simple.json.emailPreference).toBe('PDF');
    const some = await call(sandbox, 'GET', `${record}/customer/100?fields=companyName,email`);
    expect(Object.keys(some.json)).toEqual(['links', 'companyName', 'email', 'id']);
  });

  it('serves sublists and single lines as resources of their own', async () => {
    const sublist = await call(sandbox, 'GET', `${record}/salesOrder/300/item`);
    expect(sublist.status).toBe(200);
    expect(sublist.json).toMatchObject({ count: 2, hasMore: false, offset: 0, totalResults: 2 });
    expect(sublist.json.items[1]).toMatchObject({ line: 2, quantity: 2, amount: 50, item: { id: '201', refName: 'GADGET-2' } });
    const line = await call(sandbox, 'GET', `${record}/salesOrder/300/item/2`);
    expect(line.status).toBe(200);
    expect(line.json.links).toEqual([{ rel: 'self', href: `${sandbox.baseUrl}${record}/salesOrder/300/item/2` }]);
    expect(line.json.rate).toBe(25);
    expect((await call(sandbox, 'GET', `${record}/salesOrder/300/item/9`)).status).toBe(404);
    expect((await call(sandbox, 'GET', `${record}/salesOrder/300/nosuchsublist`)).status).toBe(404);
  });

  it('resolves eid: external ids', async () => {
    const response = await call(sandbox, 'GET', `${record}/customer/eid:EXT-3`);
    expect(response.status).toBe(200);
    expect(response.json.id).toBe('103');
    expect(response.json.externalId).toBe('EXT-3');
  });

  it('answers unknown ids, types and fields with NetSuite errors', async () => {
    const missing = await call(sandbox, 'GET', `${record}/customer/99999`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('application/vnd.oracle.resource+json; type=error; charset=UTF-8');
    expect(missing.json).toEqual({
      type: 'https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.5',
      title: 'Not Found',
      status: 404,
      'o:errorDetails': [{ detail: 'The record instance does not exist. Provide a valid record instance ID.', 'o:errorCode': 'NONEXISTENT_ID' }],
    });
    const badType = await call(sandbox, 'GET', `${record}/bad-path/1`);
    expect(badType.status).toBe(404);
    expect(badType.json['o:errorDetails'][0].detail).toBe("Record type 'bad-path' does not exist.");
    const badField = await call(sandbox, 'GET', `${record}/customer/100?fields=nope`);
    expect(badField.status).toBe(400);
    expect(badField.json['o:errorDetails'][0]['o:errorQueryParam']).toBe('fields');
  });
});

describe('collection GET', () => {
  it('pages with count, hasMore, offset, totalResults and next/last/self links', async () => {
    const response = await call(sandbox, 'GET', `${record}/customer?limit=10`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.oracle.resource+json; type=collection; charset=UTF-8');
    const body = response.json;
    expect(Object.keys(body)).toEqual(['links', 'count', 'hasMore', 'items', 'offset', 'totalResults']);
    expect(body.count).toBe(10);
    expect(body.hasMore).toBe(true);
    expect(body.totalResults).toBe(25);
    expect(body.items[0]).toEqual({ links: [{ rel: 'self', href: `${sandbox.baseUrl}${record}/customer/100` }], id: '100' });
    expect(body.links).toEqual([
      { rel: 'next', href: `${sandbox.baseUrl}${record}/customer?limit=10&offset=10` },
      { rel: 'last', href: `${sandbox.baseUrl}${record}/customer?limit=10&offset=20` },
      { rel: 'self', href: `${sandbox.baseUrl}${record}/customer?limit=10` },
    ]);
  });

  it('adds first and prev links on later pages and stops at the last', async () => {
    const response = await call(sandbox, 'GET', `${record}/customer?limit=10&offset=20`);
    expect(response.json.count).toBe(5);
    expect(response.json.hasMore).toBe(false);
    expect(response.json.links.map((link: { rel: string }) => link.rel)).toEqual(['first', 'prev', 'last', 'self']);
    expect(response.json.items.map((item: { id: string }) => item.id)).toEqual(['120', '121', '122', '123', '124']);
  });

  it('narrows to ids= (internal or eid:) and returns whole records with expandRecords=true', async () => {
    const byIds = await call(sandbox, 'GET', `${record}/customer?ids=${encodeURIComponent('101,eid:EXT-3,120')}&q=${encodeURIComponent('id LESS 110')}`);
    expect(byIds.json.items.map((item: { id: string }) => item.id)).toEqual(['101', '103']);
    const expanded = await call(sandbox, 'GET', `${record}/customer?ids=100,102&expandRecords=true`);
    expect(expanded.json.items.map((item: { companyName: string }) => item.companyName)).toEqual(["O'Brien & Sons", '<img src=x onerror=alert(1)>']);
    expect(expanded.json.items[0].links).toEqual([{ rel: 'self', href: `${sandbox.baseUrl}${record}/customer/100` }]);
    expect(expanded.json.items[0].subsidiary.refName).toBe('Honeycomb Mfg.');
    const bad = await call(sandbox, 'GET', `${record}/customer?ids=abc`);
    expect(bad.status).toBe(400);
    expect(bad.json['o:errorDetails'][0]['o:errorQueryParam']).toBe('ids');
  });

  it('refuses a limit over 1000 and an offset that is not a multiple of the limit', async () => {
    const tooBig = await call(sandbox, 'GET', `${record}/customer?limit=1001`);
    expect(tooBig.status).toBe(400);
    expect(tooBig.json['o:errorDetails'][0]).toMatchObject({ 'o:errorCode': 'INVALID_PARAMETER', 'o:errorQueryParam': 'limit' });
    const misaligned = await call(sandbox, 'GET', `${record}/customer?limit=10&offset=5`);
    expect(misaligned.status).toBe(400);
    expect(misaligned.json['o:errorDetails'][0]).toMatchObject({ 'o:errorCode': 'INVALID_PARAMETER', 'o:errorQueryParam': 'offset' });
  });
});
