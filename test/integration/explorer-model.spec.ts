import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetSuiteClient } from '../../src/netsuite/client';
import { createProfile } from '../../src/app/accounts/accountProfile';
import type { ExplorerNode, MessageNode, RecordNode, RecordTypeNode } from '../../src/app/explorer/explorerNodes';
import { ExplorerModel } from '../../src/app/explorer/explorerModel';
import { isCustomRecordType } from '../../src/app/explorer/recordTypeGroups';
import { setUpClient, tbaAuth, type ClientSetup } from './client-sandbox';
import { oneAccountState } from '../../src/app/accounts/accountState';

let setup: ClientSetup;
let client: NetSuiteClient;

function modelFor(accountClient: NetSuiteClient, pageSize = 25): ExplorerModel {
  const profile = createProfile({ accountId: setup.sandbox.accountId, label: 'Sandbox', authKind: 'tba', restBaseUrl: setup.sandbox.baseUrl });
  return new ExplorerModel({ accounts: { list: () => [profile], scope: async () => ({ client: accountClient }), state: oneAccountState(profile.accountId) }, pageSize: () => pageSize });
}

async function child(model: ExplorerModel, parent: ExplorerNode, label: (node: ExplorerNode) => boolean): Promise<ExplorerNode> {
  const children = await model.children(parent);
  const found = children.find(label);
  if (!found) throw new Error(`no such child under ${parent.id}: ${children.map((c) => c.id).join(', ')}`);
  return found;
}

async function typeNode(model: ExplorerModel, recordType: string): Promise<RecordTypeNode> {
  const [account] = model.roots();
  const group = await child(model, account, (n) => n.kind === 'typeGroup' && n.group === (isCustomRecordType(recordType) ? 'custom' : 'standard'));
  return (await child(model, group, (n) => n.kind === 'recordType' && n.recordType === recordType)) as RecordTypeNode;
}

// Requests for the catalog list itself (per-type schemas are separate entries).
const catalogRequests = (since: number): number =>
  setup.sandbox.requestLog.list({ since }).filter((r) => r.path.replace(/\/$/, '') === '/services/rest/record/v1/metadata-catalog').length;
const records = (nodes: ExplorerNode[]): RecordNode[] => nodes.filter((n): n is RecordNode => n.kind === 'record');
const messages = (nodes: ExplorerNode[]): MessageNode[] => nodes.filter((n): n is MessageNode => n.kind === 'message');

beforeAll(async () => {
  setup = await setUpClient();
  client = setup.client();
});

afterAll(async () => {
  await setup?.stop();
});

describe('explorer model against the sandbox', () => {
  it('lists the catalog types grouped into standard and custom', async () => {
    const model = modelFor(client);
    const [account] = model.roots();
    expect(account).toMatchObject({ kind: 'account', label: 'Sandbox' });
    const groups = await model.children(account);
    expect(groups.map((g) => g.kind === 'typeGroup' && g.group)).toEqual(['standard', 'custom']);
    const custom = await model.children(groups[1]);
    expect(custom.map((n) => n.kind === 'recordType' && n.recordType)).toEqual(['customrecord_project_milestone']);
    const standard = await model.children(groups[0]);
    expect(standard.map((n) => n.kind === 'recordType' && n.recordType)).toEqual(expect.arrayContaining(['customer', 'salesorder', 'vendor']));

    model.setTypeFilter(account.accountId, 'ORDER');
    const filtered = await model.children(groups[0]);
    // The catalog lists every documented REST type: "order" finds each type whose label or id says order.
    const ordered = filtered.map((n) => (n.kind === 'recordType' ? n.recordType : ''));
    expect(ordered).toEqual(expect.arrayContaining(['salesorder', 'purchaseorder', 'transferorder', 'workorder']));
    for (const type of ordered) expect(`${type} ${model.typeLabel(account.accountId, type)}`.toLowerCase(), type).toContain('order');
    expect(model.roots()[0].description).toContain('types: "ORDER"');
    model.setTypeFilter(account.accountId, 'no-such-type');
    expect(messages(await model.children(account))[0]).toMatchObject({ severity: 'empty', text: 'No record type matches "no-such-type"' });
  });

  it('pages records with their names in ONE SuiteQL query per page, never one request per row', async () => {
    const model = modelFor(client, 25);
    const customers = await typeNode(model, 'customer');
    const since = setup.sandbox.requestLog.lastSeq;
    const first = await model.children(customers);
    expect(records(first)).toHaveLength(25);
    expect(first.at(-1)).toMatchObject({ kind: 'loadMore', loaded: 25 });
    for (const record of records(first)) {
      expect(record.name, `customer ${record.recordId} has a name`).toBeTruthy();
      expect(record.name).not.toBe(record.recordId);
    }
    const requests = setup.sandbox.requestLog.list({ since });
    // The REST list has no order control; SuiteQL lists, orders and names the page in one request.
    expect(requests.filter((r) => r.method === 'GET' && /\/record\/v1\/customer$/i.test(r.path))).toHaveLength(0);
    expect(requests.filter((r) => r.path.endsWith('/query/v1/suiteql'))).toHaveLength(1);
    expect(requests.filter((r) => /\/record\/v1\/customer\/\d+/i.test(r.path))).toHaveLength(0);

    await model.loadMore(customers);
    const both = await model.children(customers);
    expect(records(both)).toHaveLength(50);
    expect(new Set(records(both).map((r) => r.recordId)).size).toBe(50);
    expect(setup.sandbox.requestLog.list({ since }).length).toBe(2);
  });

  it('filters by name text (escaped) or by a raw q expression, and says so when nothing matches', async () => {
    const model = modelFor(client);
    const customers = await typeNode(model, 'customer');
    const filter = await model.setRecordFilter(customers, '<img src=x');
    expect(filter?.q).toBe('companyName CONTAIN "<img src=x" OR entityId CONTAIN "<img src=x" OR lastName CONTAIN "<img src=x"');
    const hostile = records(await model.children(customers));
    expect(hostile.map((r) => r.name)).toEqual(['<img src=x onerror=alert(1)>']);

    await model.setRecordFilter(customers, 'O\'Brien & "Sons');
    expect(messages(await model.children(customers))[0]).toMatchObject({ severity: 'empty' });

    await model.setRecordFilter(customers, 'email START_WITH accounts@');
    const raw = records(await model.children(customers));
    expect(raw.length).toBeGreaterThan(0);
    for (const record of raw.slice(0, 3)) expect(String((await model.recordJson(record)).email)).toMatch(/^accounts@/);

    // A q the filter box passes on (a known field and operator) but NetSuite refuses: its error node with advice.
    await model.setRecordFilter(customers, 'email START_WITH "x" AND');
    const [error] = messages(await model.children(customers));
    expect(error).toMatchObject({ severity: 'error', errorKind: 'invalid' });
    expect(error.advice).toMatch(/parameter "q"/);

    await model.setRecordFilter(customers, '');
    expect(model.recordFilter(customers)).toBeUndefined();
    expect(records(await model.children(customers))).toHaveLength(25);
  });

  it('expands a record into titled fields, navigable references and sublist lines', async () => {
    const model = modelFor(client);
    const orders = await typeNode(model, 'salesorder');
    const [order] = records(await model.children(orders));
    expect(order.name).toMatch(/^SO\d+/);
    const fields = await model.children(order);
    expect(fields.find((f) => f.kind === 'field' && f.field === 'tranId')).toMatchObject({ title: 'Document Number', value: order.name, valueType: 'string' });

    const customer = fields.find((f): f is RecordNode => f.kind === 'record' && f.fieldTitle === 'Customer');
    expect(customer).toMatchObject({ recordType: 'customer' });
    const customerFields = await model.children(customer!);
    expect(customerFields.find((f) => f.kind === 'field' && f.field === 'companyName')).toMatchObject({ title: 'Company Name' });

    const items = fields.find((f) => f.kind === 'sublist' && f.field === 'item')!;
    expect(items).toMatchObject({ title: 'Items' });
    const lines = await model.children(items);
    expect(lines[0]).toMatchObject({ kind: 'line', label: expect.stringMatching(/^Line 1: /) });
    const lineFields = await model.children(lines[0]);
    expect(lineFields.find((f) => f.kind === 'field' && f.field === 'quantity')).toMatchObject({ title: 'Quantity' });
    expect(lineFields.find((f) => f.kind === 'record' && f.fieldTitle === 'Item')).toMatchObject({ recordType: expect.stringMatching(/item/i) });
  });

  it('shows a record\'s new values after it changed elsewhere, and tells the tree which row to redraw', async () => {
    const model = modelFor(client);
    const customers = await typeNode(model, 'customer');
    const [customer] = records(await model.children(customers));
    const phoneOf = async () => (await model.children(customer)).find((f) => f.kind === 'field' && f.field === 'phone');
    await phoneOf();
    const newPhone = `+1 555 ${String(Date.now()).slice(-4)}`;
    await client.records.patch('customer', customer.recordId, { phone: newPhone });
    const changed: Array<ExplorerNode | undefined> = [];
    model.onDidChange((node) => changed.push(node));
    model.recordChanged(setup.sandbox.accountId, 'Customer', customer.recordId);
    expect(changed).toEqual([customer]);
    expect(await phoneOf()).toMatchObject({ value: newPhone });
  });

  it('shows a 403 as an error node naming the missing permission', async () => {
    const narrow = setup.client({ auth: tbaAuth(setup.sandbox, setup.sandbox.narrowCredentials.tba), cacheRoot: `${setup.cacheRoot}-narrow` });
    const model = modelFor(narrow);
    const customers = await typeNode(model, 'customer');
    const [first] = records(await model.children(customers));
    const salesRep = (await model.children(first)).find((f): f is RecordNode => f.kind === 'record' && f.recordType === 'employee');
    expect(salesRep).toBeDefined();
    const [error] = messages(await model.children(salesRep!));
    expect(error).toMatchObject({ severity: 'error', errorKind: 'permission' });
    expect(error.text).toMatch(/You need the 'Employee' permission/);
    expect(error.advice).toMatch(/lacks the "Employee" permission at level View/);
  });

  it('shows rejected credentials as an auth error node that says to sign in again', async () => {
    const wrong = { ...setup.sandbox.credentials.tba, tokenSecret: 'not-the-token-secret-0000' };
    const model = modelFor(setup.client({ auth: tbaAuth(setup.sandbox, wrong), cacheRoot: `${setup.cacheRoot}-wrong` }));
    const [error] = messages(await model.children(model.roots()[0]));
    expect(error).toMatchObject({ severity: 'error', errorKind: 'auth' });
    expect(error.advice).toMatch(/sign in to the account again/);
  });

  it('serves the catalog from its cache after a restart, and refetches it only on refresh', async () => {
    const warm = modelFor(client);
    await warm.children(warm.roots()[0]);
    const restarted = modelFor(setup.client());
    const since = setup.sandbox.requestLog.lastSeq;
    const groups = await restarted.children(restarted.roots()[0]);
    expect(groups).toHaveLength(2);
    expect(catalogRequests(since)).toBe(0);

    restarted.refresh(restarted.roots()[0]);
    await restarted.children(restarted.roots()[0]);
    expect(catalogRequests(since)).toBe(1);
  });

  it('loads quietly, peeks without loading, and tells listeners what a refresh or a filter changed', async () => {
    const model = modelFor(client);
    const customers = await typeNode(model, 'customer');
    const changed: (ExplorerNode | undefined)[] = [];
    model.onDidChange((node) => changed.push(node));
    expect(model.peekChildren(customers)).toBeUndefined();
    expect(model.loadingNode(customers)).toMatchObject({ kind: 'message', severity: 'loading' });
    await model.children(customers);
    expect(changed).toEqual([]);
    expect(model.peekChildren(customers)?.length).toBe(26);

    model.refresh(customers);
    expect(changed).toEqual([customers]);
    expect(model.peekChildren(customers)).toBeUndefined();
    await model.setRecordFilter(customers, 'acme');
    expect(changed.at(-1)).toBe(customers.parent);
  });

  it('reveals a record already in a loaded page as that very row, loading account → type → first page', async () => {
    const model = modelFor(client, 10);
    const target = String((await client.queryPage('SELECT id FROM customer ORDER BY id', 0, { pageSize: 10 })).rows[3].raw.id);
    const changed: (ExplorerNode | undefined)[] = [];
    model.onDidChange((node) => changed.push(node));

    const { node, clearedFilters } = await model.revealRecord({ accountId: setup.sandbox.accountId, recordType: 'customer', id: target });
    expect(clearedFilters).toEqual([]);
    const customers = await typeNode(model, 'customer');
    expect(node.parent).toBe(customers);
    expect(customers.parent).toMatchObject({ kind: 'typeGroup', group: 'standard', parent: model.roots()[0] });
    const rows = records(await model.children(customers));
    expect(rows).toHaveLength(10);
    expect(rows[3]).toBe(node);
    expect(node.name).toBeTruthy();
    expect(changed).toEqual([]);
  });

  it('reveals a record beyond the loaded pages at the top of its type, named by SuiteQL, and never twice after Load more', async () => {
    const model = modelFor(client, 5);
    const customers = await typeNode(model, 'customer');
    await model.children(customers);
    const { id } = await client.records.create('customer', { companyName: 'Reveal Me Beyond Page One Co', entityId: 'Reveal Me Beyond Page One Co', subsidiary: { id: '1' } });
    const changed: (ExplorerNode | undefined)[] = [];
    model.onDidChange((node) => changed.push(node));
    const since = setup.sandbox.requestLog.lastSeq;

    // The forms feature passes the type as it spells it (salesOrder, Customer): matched case-insensitively.
    const { node } = await model.revealRecord({ accountId: setup.sandbox.accountId, recordType: 'Customer', id });
    expect(node).toMatchObject({ kind: 'record', recordType: 'customer', recordId: id, name: expect.stringMatching(/Reveal Me Beyond Page One Co/), id: `${customers.id}/${id}` });
    const requests = setup.sandbox.requestLog.list({ since });
    expect(requests.map((r) => r.path)).toEqual([expect.stringMatching(/\/query\/v1\/suiteql$/)]); // no paging to find it
    expect(changed).toEqual([customers]);

    const shown = await model.children(customers);
    expect(records(shown)[0]).toBe(node);
    expect(records(shown)).toHaveLength(6);
    // Page through to the end: the record's own page must not add a second row for it.
    for (let pages = 0; pages < 200 && model.peekChildren(customers)?.some((n) => n.kind === 'loadMore'); pages += 1) await model.loadMore(customers);
    const all = records(await model.children(customers));
    expect(all.length).toBe((await client.records.list('customer', { limit: 1 })).totalResults); // every page is in
    expect(all.filter((row) => row.recordId === id)).toHaveLength(1);
    expect(new Set(all.map((row) => row.id)).size).toBe(all.length);

    // Revealing it again selects the same row, with no request and no change.
    const again = setup.sandbox.requestLog.lastSeq;
    expect((await model.revealRecord({ accountId: setup.sandbox.accountId, recordType: 'customer', id })).node).toBe(node);
    expect(setup.sandbox.requestLog.list({ since: again })).toHaveLength(0);
  });

  it('clears the record and type filters that hide the record, and says which', async () => {
    const model = modelFor(client, 5);
    const customers = await typeNode(model, 'customer');
    const { id } = await client.records.create('customer', { companyName: 'Filtered Out Reveal Co', entityId: 'Filtered Out Reveal Co', subsidiary: { id: '1' } });
    await model.setRecordFilter(customers, 'zzz-no-customer-has-this');
    model.setTypeFilter(setup.sandbox.accountId, 'order');
    const changed: (ExplorerNode | undefined)[] = [];
    model.onDidChange((node) => changed.push(node));

    const { node, clearedFilters } = await model.revealRecord({ accountId: setup.sandbox.accountId, recordType: 'customer', id });
    expect(clearedFilters).toEqual(['the record type filter "order"', 'the Customer filter "zzz-no-customer-has-this"']);
    expect(model.typeFilter(setup.sandbox.accountId)).toBeUndefined();
    expect(model.recordFilter(customers)).toBeUndefined();
    expect(changed).toEqual([undefined]); // the whole tree: the account row's description named the type filter
    expect(records(await model.children(customers))[0]).toBe(node);
    expect(node.name).toMatch(/Filtered Out Reveal Co/);

    // A filtered list that already shows the record keeps its filter.
    await model.setRecordFilter(customers, 'Filtered Out Reveal');
    const kept = await model.revealRecord({ accountId: setup.sandbox.accountId, recordType: 'customer', id });
    expect(kept.clearedFilters).toEqual([]);
    expect(model.recordFilter(customers)?.text).toBe('Filtered Out Reveal');
    expect(records(await model.children(customers))).toEqual([kept.node]);
  });

  it('reveals a custom record under Custom Record Types', async () => {
    const model = modelFor(client, 5);
    const [milestone] = (await client.records.list('customrecord_project_milestone', { limit: 1 })).items;
    const { node } = await model.revealRecord({ accountId: setup.sandbox.accountId, recordType: 'customrecord_project_milestone', id: milestone.id });
    expect(node.parent).toMatchObject({ kind: 'recordType', recordType: 'customrecord_project_milestone', parent: { kind: 'typeGroup', group: 'custom' } });
    expect(records(await model.children(node.parent!))).toContain(node);
  });

  it('says plainly when the record, its type or its account does not exist', async () => {
    const model = modelFor(client, 5);
    const accountId = setup.sandbox.accountId;
    await expect(model.revealRecord({ accountId, recordType: 'customer', id: '987654321' })).rejects.toThrow(/The record instance does not exist/);
    await expect(model.revealRecord({ accountId, recordType: 'nosuchtype', id: '1' })).rejects.toThrow('Sandbox has no record type "nosuchtype" in its metadata catalog.');
    await expect(model.revealRecord({ accountId: 'NOPE', recordType: 'customer', id: '1' })).rejects.toThrow('The NetSuite account NOPE is not in the explorer.');
    const customers = await typeNode(model, 'customer');
    expect(records(await model.children(customers)).map((row) => row.recordId)).not.toContain('987654321');
  });
});
