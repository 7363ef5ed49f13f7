import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SuiteLensApi } from '../../../src/extension';
import type { ExplorerNode, RecordNode } from '../../../src/app/explorer/explorerNodes';
import { activeSuiteLens } from './extension';

interface Row {
  node: ExplorerNode;
  item: vscode.TreeItem;
}

async function rows(node?: ExplorerNode): Promise<Row[]> {
  return (await vscode.commands.executeCommand<Row[]>('suitelens.explorer.children', node)) ?? [];
}

async function row(parent: ExplorerNode | undefined, label: string): Promise<Row> {
  const children = await rows(parent);
  const found = children.find((r) => r.item.label === label);
  assert.ok(found, `no "${label}" under ${parent?.id ?? 'the root'}: ${children.map((r) => String(r.item.label)).join(', ')}`);
  return found;
}

/** What the tree view has selected, once VS Code has told the extension host (selection events are async). */
async function selectionBecomes(id: string): Promise<ExplorerNode[]> {
  let selection: ExplorerNode[] = [];
  for (let tries = 0; tries < 100; tries += 1) {
    selection = (await vscode.commands.executeCommand<ExplorerNode[]>('suitelens.explorer.selection')) ?? [];
    if (selection.length === 1 && selection[0].id === id) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return selection;
}

// The explorer as the extension registers it, through its own commands, against the in-process demo sandbox.
suite('NetSuite explorer through the extension', () => {
  let demoAccount: Row;

  suiteSetup(async function () {
    this.timeout(120_000);
    const api = (await activeSuiteLens()).exports as SuiteLensApi;
    const accountId = await api.startDemo();
    demoAccount = (await rows()).find((r) => r.node.accountId === accountId)!;
    assert.ok(demoAccount, 'the demo account is a root of the explorer');
  });

  test('shows the demo account with its record types, standard and custom apart', async () => {
    assert.equal(demoAccount.item.label, 'Demo (sandbox)');
    assert.equal(demoAccount.item.contextValue, 'suitelens.account');
    const groups = (await rows(demoAccount.node)).map((r) => r.item.label);
    assert.deepEqual(groups, ['Record Types', 'Custom Record Types']);
    const custom = await rows((await row(demoAccount.node, 'Custom Record Types')).node);
    // A custom record type by its own name (SuiteQL's customrecordtype), the script id beside it.
    assert.deepEqual(custom.map((r) => [r.item.label, r.item.description]), [['Project Milestone', 'customrecord_project_milestone']]);
  });

  test('lists a page of customers by name with "Load more…", and loads the next page', async () => {
    const standard = await row(demoAccount.node, 'Record Types');
    const customers = await row(standard.node, 'Customer');
    assert.equal(customers.item.contextValue, 'suitelens.recordType');
    const page = await rows(customers.node);
    const records = page.filter((r) => r.node.kind === 'record');
    assert.equal(records.length, 100, 'the default page size is 100');
    assert.ok(records.every((r) => typeof r.item.label === 'string' && !/^\d+$/.test(r.item.label)), 'rows are labelled by name, not id');
    assert.ok(records.every((r) => r.item.contextValue === 'suitelens.record:customer'), 'record rows carry their type for type-specific menus');
    const more = page.at(-1)!;
    assert.equal(more.item.label, 'Load more…');
    assert.equal(more.item.command?.command, 'suitelens.explorer.loadMore');

    await vscode.commands.executeCommand('suitelens.explorer.loadMore', more.node);
    const twoPages = (await rows(customers.node)).filter((r) => r.node.kind === 'record');
    assert.equal(twoPages.length, 200);
    assert.equal(new Set(twoPages.map((r) => r.node.id)).size, 200);
  });

  test('keeps the hostile customer name as plain text and opens a record, a reference and a sublist', async () => {
    const standard = await row(demoAccount.node, 'Record Types');
    const orders = await row(standard.node, 'Sales Order');
    const [order] = (await rows(orders.node)).filter((r) => r.node.kind === 'record');
    assert.match(String(order.item.label), /^SO\d+$/);
    const fields = await rows(order.node);
    const documentNumber = fields.find((r) => r.item.label === 'Document Number');
    assert.equal(documentNumber?.item.description, order.item.label);
    const customer = fields.find((r) => r.item.label === 'Customer');
    assert.equal(order.item.contextValue, 'suitelens.record:salesorder', 'a sales order row, so its menu offers Create Invoice');
    assert.equal(customer?.item.contextValue, 'suitelens.record.reference:customer');
    const customerFields = await rows(customer!.node);
    assert.ok(customerFields.some((r) => r.item.label === 'Company Name'), 'the reference expands into the customer');
    const items = fields.find((r) => r.item.label === 'Items');
    assert.ok(items, 'the Items sublist is there');
    const [line] = await rows(items.node);
    assert.match(String(line.item.label), /^Line 1: /);
    assert.ok((await rows(line.node)).some((r) => r.item.label === 'Quantity'));

    const suitelens = (await activeSuiteLens()).exports as SuiteLensApi;
    const { client } = await suitelens.registry.scope(demoAccount.node.accountId);
    const hostile = await client.records.list('customer', { q: 'companyName START_WITH "<img"' });
    const hostileRecord = await client.records.get('customer', hostile.items[0].id);
    const customerType = await row(standard.node, 'Customer');
    let hostileRow: Row | undefined;
    for (let pages = 0; !hostileRow && pages < 5; pages += 1) {
      const page = await rows(customerType.node);
      hostileRow = page.find((r) => r.node.kind === 'record' && r.node.recordId === hostileRecord.id);
      const more = page.find((r) => r.node.kind === 'loadMore');
      if (!hostileRow && more) await vscode.commands.executeCommand('suitelens.explorer.loadMore', more.node);
    }
    assert.ok(hostileRow, 'the hostile customer is listed');
    assert.equal(hostileRow.item.label, '<img src=x onerror=alert(1)>', 'the label is the raw text');
    assert.equal(typeof hostileRow.item.tooltip, 'string', 'tooltips are plain strings, never rendered markdown/HTML');
  });

  test('opens a record as a read-only JSON document', async () => {
    const standard = await row(demoAccount.node, 'Record Types');
    const customers = await row(standard.node, 'Customer');
    const [first] = (await rows(customers.node)).filter((r) => r.node.kind === 'record');
    await vscode.commands.executeCommand('suitelens.explorer.openJson', first.node);
    let editor: vscode.TextEditor | undefined;
    for (let tries = 0; tries < 50 && !editor; tries += 1) {
      editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'suitelens-record');
      if (!editor) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.ok(editor, 'a suitelens-record: document is shown');
    const json = JSON.parse(editor.document.getText()) as { id: string; entityId: string };
    assert.equal(json.id, first.node.kind === 'record' ? first.node.recordId : '');
    assert.equal(json.entityId, first.item.label);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('copies a record id and its JSON', async () => {
    const standard = await row(demoAccount.node, 'Record Types');
    const terms = await row(standard.node, 'Term');
    const [first] = (await rows(terms.node)).filter((r) => r.node.kind === 'record');
    await vscode.commands.executeCommand('suitelens.explorer.copyId', first.node);
    assert.equal(await vscode.env.clipboard.readText(), first.node.kind === 'record' ? first.node.recordId : '');
    await vscode.commands.executeCommand('suitelens.explorer.copyJson', first.node);
    assert.equal((JSON.parse(await vscode.env.clipboard.readText()) as { name: string }).name, first.item.label);
  });

  test('opens a SuiteQL notebook prefilled with the type\'s rows', async () => {
    const standard = await row(demoAccount.node, 'Record Types');
    const invoices = await row(standard.node, 'Invoice');
    await vscode.commands.executeCommand('suitelens.explorer.queryInNotebook', invoices.node);
    let text: string | undefined;
    for (let tries = 0; tries < 50 && !text; tries += 1) {
      text = vscode.window.activeNotebookEditor?.notebook.cellAt(0).document.getText();
      if (!text) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(text, "SELECT *\nFROM transaction\nWHERE type = 'CustInvc'\nORDER BY id DESC");
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('refresh on a record fetches it again', async () => {
    const suitelens = (await activeSuiteLens()).exports as SuiteLensApi;
    const { client } = await suitelens.registry.scope(demoAccount.node.accountId);
    const standard = await row(demoAccount.node, 'Record Types');
    const customers = await row(standard.node, 'Customer');
    const [first] = (await rows(customers.node)).filter((r) => r.node.kind === 'record');
    const phoneBefore = (await rows(first.node)).find((r) => r.item.label === 'Phone');
    assert.ok(phoneBefore, 'the customer shows a Phone field');
    const newPhone = '+1 555-0199';
    await client.records.patch('customer', first.node.kind === 'record' ? first.node.recordId : '', { phone: newPhone });
    assert.equal((await rows(first.node)).find((r) => r.item.label === 'Phone')?.item.description, phoneBefore.item.description, 'cached until refreshed');
    await vscode.commands.executeCommand('suitelens.explorer.refresh', first.node);
    assert.equal((await rows(first.node)).find((r) => r.item.label === 'Phone')?.item.description, newPhone);
  });

  test('reveals a record of a loaded page by selecting its row', async () => {
    const standard = await row(demoAccount.node, 'Record Types');
    const customers = await row(standard.node, 'Customer');
    const loaded = (await rows(customers.node)).filter((r) => r.node.kind === 'record');
    const target = loaded[7].node as RecordNode;
    const revealed = await vscode.commands.executeCommand<RecordNode | undefined>('suitelens.explorer.revealRecord', { accountId: target.accountId, recordType: 'customer', id: target.recordId });
    assert.equal(revealed, target, 'the very row of the loaded page');
    assert.deepEqual((await selectionBecomes(target.id)).map((n) => n.id), [target.id]);
    assert.deepEqual((await rows(customers.node)).filter((r) => r.node.kind === 'record').map((r) => r.node.id), loaded.map((r) => r.node.id), 'the list is unchanged');
  });

  test('reveals a record beyond the loaded pages at the top of its type, selected, and not twice after Load more', async () => {
    const suitelens = (await activeSuiteLens()).exports as SuiteLensApi;
    const accountId = demoAccount.node.accountId;
    const { client } = await suitelens.registry.scope(accountId);
    const standard = await row(demoAccount.node, 'Record Types');
    const customers = await row(standard.node, 'Customer');
    await rows(customers.node);
    // What the record forms do after a create: the new record, with the type as the form spells it.
    const { id } = await client.records.create('customer', { companyName: 'Revealed After Create Co', entityId: 'Revealed After Create Co', subsidiary: { id: '1' } });
    const revealed = await vscode.commands.executeCommand<RecordNode | undefined>('suitelens.explorer.revealRecord', { accountId, recordType: 'Customer', id });
    assert.ok(revealed, 'the command answers with the revealed row');
    assert.equal(revealed.recordId, id);
    assert.deepEqual((await selectionBecomes(revealed.id)).map((n) => n.id), [revealed.id], 'the new record is selected');
    const [first] = (await rows(customers.node)).filter((r) => r.node.kind === 'record');
    assert.equal(first.node.id, revealed.id, 'at the top of the loaded customers');
    assert.equal(first.item.label, 'Revealed After Create Co', 'named like every other row');
    assert.equal(first.item.contextValue, 'suitelens.record:customer');

    for (let pages = 0; pages < 20; pages += 1) {
      const more = (await rows(customers.node)).find((r) => r.node.kind === 'loadMore');
      if (!more) break;
      await vscode.commands.executeCommand('suitelens.explorer.loadMore', more.node);
    }
    const all = (await rows(customers.node)).filter((r) => r.node.kind === 'record');
    assert.equal(all.length, (await client.records.list('customer', { limit: 1 })).totalResults, 'every page is loaded');
    assert.equal(all.filter((r) => (r.node as RecordNode).recordId === id).length, 1, 'the new record shows once');
  });

  test('"Reveal in Type List" on a reference selects the referenced record under its own type', async () => {
    const standard = await row(demoAccount.node, 'Record Types');
    const orders = await row(standard.node, 'Sales Order');
    const [order] = (await rows(orders.node)).filter((r) => r.node.kind === 'record');
    const reference = (await rows(order.node)).find((r) => r.item.label === 'Customer');
    assert.ok(reference, 'the order has a Customer reference');
    const target = reference.node as RecordNode;
    const revealed = await vscode.commands.executeCommand<RecordNode | undefined>('suitelens.explorer.revealInTypeList', target);
    assert.ok(revealed);
    assert.equal(revealed.recordId, target.recordId);
    assert.equal(revealed.parent?.kind === 'recordType' && revealed.parent.recordType, 'customer');
    assert.equal(revealed.fieldTitle, undefined, 'the row in the type list, not the reference');
    assert.deepEqual((await selectionBecomes(revealed.id)).map((n) => n.id), [revealed.id]);
  });
});
