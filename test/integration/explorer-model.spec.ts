import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetSuiteClient } from '../../src/netsuite/client';
import { createProfile } from '../../src/vscode/accounts/accountProfile';
import type { ExplorerNode, MessageNode, RecordNode, RecordTypeNode } from '../../src/vscode/explorer/explorerNodes';
import { ExplorerModel } from '../../src/vscode/explorer/explorerModel';
import { isCustomRecordType } from '../../src/vscode/explorer/recordTypeGroups';
import { setUpClient, tbaAuth, type ClientSetup } from './client-sandbox';

let setup: ClientSetup;
let client: NetSuiteClient;

function modelFor(accountClient: NetSuiteClient, pageSize = 25): ExplorerModel {
  const profile = createProfile({ accountId: setup.sandbox.accountId, label: 'Sandbox', authKind: 'tba', restBaseUrl: setup.sandbox.baseUrl });
  return new ExplorerModel({ accounts: { list: () => [profile], scope: async () => ({ client: accountClient }) }, pageSize: () => pageSize });
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
    expect(filtered.map((n) => n.kind === 'recordType' && n.recordType)).toEqual(['salesorder']);
    expect(model.roots()[0].description).toContain('types: "ORDER"');
    model.setTypeFilter(account.accountId, 'no-such-type');
    expect(messages(await model.children(account))[0]).toMatchObject({ severity: 'empty', text: 'No record type matches "no-such-type"' });
  });

  it('pages records with names from ONE SuiteQL query per page, never one request per row', async () => {
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
    expect(requests.filter((r) => r.method === 'GET' && /\/record\/v1\/customer$/i.test(r.path))).toHaveLength(1);
    expect(requests.filter((r) => r.path.endsWith('/query/v1/suiteql'))).toHaveLength(1);
    expect(requests.filter((r) => /\/record\/v1\/customer\/\d+/i.test(r.path))).toHaveLength(0);

    await model.loadMore(customers);
    const both = await model.children(customers);
    expect(records(both)).toHaveLength(50);
    expect(new Set(records(both).map((r) => r.recordId)).size).toBe(50);
    expect(setup.sandbox.requestLog.list({ since }).length).toBe(4);
  });

  it('filters by name text (escaped) or by a raw q expression, and says so when nothing matches', async () => {
    const model = modelFor(client);
    const customers = await typeNode(model, 'customer');
    const filter = await model.setRecordFilter(customers, '<img src=x');
    expect(filter?.q).toBe('companyName CONTAIN "<img src=x" OR entityId CONTAIN "<img src=x"');
    const hostile = records(await model.children(customers));
    expect(hostile.map((r) => r.name)).toEqual(['<img src=x onerror=alert(1)>']);

    await model.setRecordFilter(customers, 'O\'Brien & "Sons');
    expect(messages(await model.children(customers))[0]).toMatchObject({ severity: 'empty' });

    await model.setRecordFilter(customers, 'email START_WITH accounts@');
    const raw = records(await model.children(customers));
    expect(raw.length).toBeGreaterThan(0);
    for (const record of raw.slice(0, 3)) expect(String((await model.recordJson(record)).email)).toMatch(/^accounts@/);

    await model.setRecordFilter(customers, 'balance CONTAIN "x" AND');
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
});
