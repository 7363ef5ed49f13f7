import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SuiteLensApi } from '../../../src/extension';
import { activeSuiteLens } from './extension';

interface OpenedForm {
  mode: 'create' | 'edit';
  id: string | undefined;
  recordType: string;
  uri: vscode.Uri;
  values: Record<string, unknown>;
  /** What the webview calls on an edit; the test stands in for the webview. */
  edit(change: { action: 'type' | 'set'; path: string }, values: Record<string, unknown>): void;
  close(): Promise<void>;
}

function formTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputCustom && tab.input.viewType === 'suitelens.recordForm');
}

function tabLabels(): string[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs.map((tab) => tab.label));
}

/** Tabs reach the API a moment after the panel is created, so poll for the one expected. */
async function waitForTab(matches: (label: string) => boolean): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const found = tabLabels().find(matches);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no such tab; tabs: ${tabLabels().join(', ')}`);
}

async function waitForDirty(label: string, dirty: boolean): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (formTabs().find((tab) => tab.label === label)?.isDirty === dirty) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`tab ${label} did not become ${dirty ? 'dirty' : 'clean'}`);
}

// The record form commands as the extension registers them, against the in-process demo sandbox.
suite('Record forms through the extension', () => {
  let accountId: string;

  suiteSetup(async function () {
    this.timeout(120_000);
    const api = (await activeSuiteLens()).exports as SuiteLensApi;
    accountId = await api.startDemo();
  });

  test('the explorer placeholders are real commands now', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const command of ['suitelens.newRecord', 'suitelens.editRecord', 'suitelens.deleteRecord', 'suitelens.createInvoiceFromSalesOrder']) {
      assert.ok(registered.has(command), `${command} is registered`);
    }
  });

  test('Edit Record on an explorer record node opens that record in an edit form tab', async function () {
    this.timeout(60_000);
    const node = { kind: 'record', accountId, recordType: 'customer', recordId: '100', id: `${accountId}/customer/100` };
    const form = await vscode.commands.executeCommand<OpenedForm>('suitelens.editRecord', node);
    assert.equal(form.mode, 'edit');
    assert.equal(form.id, '100');
    assert.match(await waitForTab((label) => label.startsWith('Customer ')), /^Customer /);
    await form.close();
  });

  test('a form is a VS Code editor of its own resource, named after the record, that saves through VS Code', async function () {
    this.timeout(60_000);
    const form = await vscode.commands.executeCommand<OpenedForm>('suitelens.editRecord', { accountId, recordType: 'customer', id: '101' });
    assert.equal(form.uri.scheme, 'suitelens-form');
    const label = await waitForTab((tabLabel) => tabLabel.startsWith('Customer 101 '));
    const tab = formTabs().find((candidate) => candidate.label === label);
    assert.ok(tab, 'the form tab is a custom editor tab of suitelens.recordForm');
    assert.equal((tab.input as vscode.TabInputCustom).uri.toString(), form.uri.toString());
    assert.equal(tab.isDirty, false);
    // Saving an unchanged form is what Ctrl+S does on it: VS Code runs the form's save, which sends nothing.
    const saved = await vscode.workspace.save(form.uri);
    assert.equal(saved?.toString(), form.uri.toString());
    await form.close();
    for (let attempt = 0; attempt < 50 && formTabs().some((candidate) => candidate.label === label); attempt++) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(formTabs().filter((candidate) => candidate.label === label).length, 0, 'close() closed the tab');
  });

  test('an edit is a VS Code undo step: Undo brings the old value back and the tab clean, Redo the edit and the dirty dot', async function () {
    this.timeout(60_000);
    const form = await vscode.commands.executeCommand<OpenedForm>('suitelens.editRecord', { accountId, recordType: 'customer', id: '102' });
    const label = await waitForTab((tabLabel) => tabLabel.startsWith('Customer 102 '));
    const original = form.values.phone;
    // Two keystrokes in Phone, as the webview reports them: one undo step.
    form.edit({ action: 'type', path: 'phone' }, { ...form.values, phone: '+1 555 07' });
    form.edit({ action: 'type', path: 'phone' }, { ...form.values, phone: '+1 555 0700' });
    await waitForDirty(label, true);

    await vscode.commands.executeCommand('undo');
    await waitForDirty(label, false);
    assert.equal(form.values.phone, original, 'one Undo took back both keystrokes');

    await vscode.commands.executeCommand('redo');
    await waitForDirty(label, true);
    assert.equal(form.values.phone, '+1 555 0700');

    // Saved: the save point moves here. A second field is a second step; undoing it comes back to the save point
    // (clean), and undoing past it takes back the saved phone (dirty again), as in a text editor.
    assert.ok(await vscode.workspace.save(form.uri));
    await waitForDirty(label, false);
    form.edit({ action: 'type', path: 'fax' }, { ...form.values, fax: '+1 555 0701' });
    await waitForDirty(label, true);
    await vscode.commands.executeCommand('undo');
    await waitForDirty(label, false);
    assert.equal(form.values.fax, undefined, 'Undo took back the fax only');
    assert.equal(form.values.phone, '+1 555 0700');
    await vscode.commands.executeCommand('undo');
    await waitForDirty(label, true);
    assert.equal(form.values.phone, original);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitForDirty(label, false);
    await form.close();
  });

  test('forms never auto save: a half-typed form must not reach NetSuite (the web default is afterDelay)', () => {
    assert.equal(vscode.workspace.getConfiguration('files', { languageId: 'suitelens-form' }).get('autoSave'), 'off');
  });

  test('New Record on a record type node opens an empty create form', async function () {
    this.timeout(60_000);
    const form = await vscode.commands.executeCommand<OpenedForm>('suitelens.newRecord', { kind: 'recordType', accountId, recordType: 'salesOrder' });
    assert.equal(form.mode, 'create');
    assert.equal(form.id, undefined);
    assert.equal(await waitForTab((label) => label === 'New Sales Order'), 'New Sales Order');
    await form.close();
  });
});
