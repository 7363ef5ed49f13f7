// The explorer's list order, "Sort By…" with Load more, the filter carried into "Query in Notebook", and the record
// picker's search — all against the sandbox over HTTP (issue 21, items 5 and 6).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetSuiteClient } from '../../src/netsuite/client';
import { createProfile } from '../../src/app/accounts/accountProfile';
import type { ExplorerNode, RecordNode, RecordTypeNode } from '../../src/app/explorer/explorerNodes';
import { ExplorerModel } from '../../src/app/explorer/explorerModel';
import { setUpClient, type ClientSetup } from './client-sandbox';
import { oneAccountState } from '../../src/app/accounts/accountState';

let setup: ClientSetup;
let client: NetSuiteClient;

function modelFor(pageSize: number): ExplorerModel {
  const profile = createProfile({ accountId: setup.sandbox.accountId, label: 'Sandbox', authKind: 'tba', restBaseUrl: setup.sandbox.baseUrl });
  return new ExplorerModel({ accounts: { list: () => [profile], scope: async () => ({ client }), state: oneAccountState(profile.accountId) }, pageSize: () => pageSize });
}

async function typeNode(model: ExplorerModel, recordType: string): Promise<RecordTypeNode> {
  const [account] = model.roots();
  const [standard] = await model.children(account);
  const found = (await model.children(standard)).find((node) => node.kind === 'recordType' && node.recordType === recordType);
  if (!found) throw new Error(`no ${recordType} type`);
  return found as RecordTypeNode;
}

const records = (nodes: ExplorerNode[]): RecordNode[] => nodes.filter((n): n is RecordNode => n.kind === 'record');
const suiteQLIds = async (query: string, pageSize = 1000): Promise<string[]> =>
  (await client.queryPage(query, 0, { pageSize })).rows.map((row) => String(row.raw.id));

beforeAll(async () => {
  setup = await setUpClient();
  client = setup.client();
});

afterAll(async () => {
  await setup?.stop();
});

describe('explorer list order and sorting against the sandbox', () => {
  it('lists records in internal id order as numbers (2 before 10), across Load more', async () => {
    const model = modelFor(20);
    const orders = await typeNode(model, 'salesorder');
    await model.children(orders);
    await model.loadMore(orders);
    const ids = records(await model.children(orders)).map((row) => Number(row.recordId));
    expect(ids).toHaveLength(40);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(ids.slice(0, 3)).toEqual([1, 2, 3]);
  });

  it('sorts by a field the type offers (Balance, highest first), shows its value on each row, and keeps the order with Load more', async () => {
    const model = modelFor(5);
    const customers = await typeNode(model, 'customer');
    const balance = (await model.sortColumns(customers)).find((column) => column.label === 'Balance');
    expect(balance).toMatchObject({ column: 'balancesearch', type: 'currency' });
    model.setRecordSort(customers, { ...balance!, direction: 'desc' });
    expect(model.recordSort(customers)).toMatchObject({ label: 'Balance', direction: 'desc' });

    await model.children(customers);
    await model.loadMore(customers);
    const rows = records(await model.children(customers));
    expect(rows).toHaveLength(10);
    const expected = (await client.queryPage('SELECT id, balancesearch FROM customer ORDER BY balancesearch DESC NULLS LAST, id', 0, { pageSize: 10 })).rows;
    expect(rows.map((row) => row.recordId)).toEqual(expected.map((row) => String(row.raw.id)));
    const amounts = rows.map((row) => Number(row.sorted!.text.replace(/,/g, '')));
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    expect(rows[0].sorted).toEqual({ label: 'Balance', text: new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Number(expected[0].raw.balancesearch)) });
    expect(rows[0].sorted!.text).toMatch(/^\d{1,3}(,\d{3})*\.\d{2}$/);

    model.setRecordSort(customers, undefined);
    const unsorted = records(await model.children(customers));
    expect(unsorted[0].sorted).toBeUndefined();
    expect(unsorted.map((row) => row.recordId)).toEqual(await suiteQLIds('SELECT id FROM customer ORDER BY id', 5));
  });

  it('carries the filter (and the sort) into the notebook query, which finds the very rows the tree lists', async () => {
    const model = modelFor(1000);
    const customers = await typeNode(model, 'customer');
    expect(model.notebookQuery(customers)).toBe('SELECT *\nFROM customer\nORDER BY id DESC');

    await model.setRecordFilter(customers, 'bakery');
    const byName = model.notebookQuery(customers);
    expect(byName).toContain("WHERE (LOWER(companyname) LIKE '%bakery%' OR LOWER(entityid) LIKE '%bakery%' OR LOWER(lastname) LIKE '%bakery%')");
    const tree = records(await model.children(customers)).map((row) => row.recordId);
    expect(tree.length).toBeGreaterThan(1);
    expect((await suiteQLIds(byName)).sort()).toEqual([...tree].sort());

    await model.setRecordFilter(customers, 'balance GREATER 20000');
    const balance = (await model.sortColumns(customers)).find((column) => column.column === 'balancesearch')!;
    model.setRecordSort(customers, { ...balance, direction: 'desc' });
    const rich = model.notebookQuery(customers);
    expect(rich).toBe('SELECT *\nFROM customer\nWHERE (balancesearch > 20000)\nORDER BY balancesearch DESC NULLS LAST, id');
    expect(await suiteQLIds(rich)).toEqual(records(await model.children(customers)).map((row) => row.recordId));

    // A transaction type keeps its type condition beside the filter.
    const orders = await typeNode(model, 'salesorder');
    await model.setRecordFilter(orders, 'SO100');
    expect(model.notebookQuery(orders)).toBe("SELECT *\nFROM transaction\nWHERE type = 'SalesOrd'\n  AND (LOWER(tranid) LIKE '%so100%')\nORDER BY id DESC");
  });

  it('names a custom record type by its own name from SuiteQL, and the type filter finds it by that name', async () => {
    const model = modelFor(10);
    const [account] = model.roots();
    const [, custom] = await model.children(account);
    const [milestone] = await model.children(custom);
    expect(milestone).toMatchObject({ kind: 'recordType', recordType: 'customrecord_project_milestone' });
    expect(model.typeLabel(account.accountId, 'customrecord_project_milestone')).toBe('Project Milestone');
    model.setTypeFilter(account.accountId, 'project mile'); // in the name only, not in the script id
    expect((await model.children(account)).map((node) => node.kind === 'typeGroup' && node.group)).toEqual(['custom']);
  });

  it('names types by label in its messages, and an empty filtered list says so with the label', async () => {
    const model = modelFor(10);
    const orders = await typeNode(model, 'salesorder');
    await model.setRecordFilter(orders, 'zzz-no-such-order');
    const [message] = await model.children(orders);
    expect(message).toMatchObject({ kind: 'message', severity: 'empty' });
    expect(message.kind === 'message' && message.text).toMatch(/^No Sales Order record matches /);
  });

  it('finds records for the record picker by company name or internal id, as the user types', async () => {
    const model = modelFor(10);
    const found = await model.searchRecords(setup.sandbox.accountId, 'customer', 'nordlicht');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((record) => /nordlicht/i.test(record.name ?? ''))).toBe(true);
    const [first] = await suiteQLIds('SELECT id FROM customer ORDER BY id', 1);
    expect((await model.searchRecords(setup.sandbox.accountId, 'customer', first)).map((record) => record.id)).toContain(first);
    const orders = await model.searchRecords(setup.sandbox.accountId, 'salesorder', 'so1001');
    expect(orders.map((record) => record.name)).toEqual(['SO1001']);
  });
});
