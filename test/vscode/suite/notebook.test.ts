import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SuiteLensApi } from '../../../src/extension';
import { activeSuiteLens } from './extension';

const rowsMime = 'application/vnd.suitelens.rows+json';

async function api(): Promise<SuiteLensApi> {
  return (await activeSuiteLens()).exports as SuiteLensApi;
}

async function runInNewNotebook(suitelens: SuiteLensApi, query: string): Promise<vscode.NotebookCell> {
  const accountId = await suitelens.startDemo();
  const editor = await vscode.commands.executeCommand<vscode.NotebookEditor>('suitelens.newNotebook', query);
  const controllerId = suitelens.notebooks.controllerId(accountId);
  assert.ok(controllerId, 'a controller exists for the demo account');
  await vscode.commands.executeCommand('notebook.selectKernel', { editor, id: controllerId, extension: 'suitelens.suitelens' });
  const cell = editor.notebook.cellAt(0);
  await vscode.commands.executeCommand('notebook.cell.execute', { ranges: [{ start: 0, end: 1 }], document: editor.notebook.uri });
  for (let waited = 0; cell.executionSummary?.success === undefined && waited < 60_000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return cell;
}

/** Runs a notebook's first cell on the demo account, in its editor, and waits for it to succeed. */
async function runFirstCell(document: vscode.NotebookDocument): Promise<vscode.NotebookCell> {
  const suitelens = await api();
  const accountId = await suitelens.startDemo();
  const editor = await vscode.window.showNotebookDocument(document);
  await vscode.commands.executeCommand('notebook.selectKernel', { editor, id: suitelens.notebooks.controllerId(accountId), extension: 'suitelens.suitelens' });
  await vscode.commands.executeCommand('notebook.cell.execute', { ranges: [{ start: 0, end: 1 }], document: document.uri });
  const cell = document.cellAt(0);
  for (let waited = 0; cell.executionSummary?.success === undefined && waited < 60_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
  assert.equal(cell.executionSummary?.success, true);
  return cell;
}

/**
 * Saves the notebook unless VS Code's auto save (afterDelay, the web default) already did while a cell ran: then
 * save() answers false for a clean document. Either way the file on disk is what the test reads next.
 */
async function savedToDisk(document: vscode.NotebookDocument, what: string): Promise<void> {
  if (document.isDirty) assert.ok(await document.save(), what);
  assert.equal(document.isDirty, false, what);
}

function outputJson(cell: vscode.NotebookCell): Record<string, unknown> {
  const item = cell.outputs[0]?.items.find((i) => i.mime === rowsMime);
  assert.ok(item, `the cell has a ${rowsMime} output`);
  return JSON.parse(new TextDecoder().decode(item.data)) as Record<string, unknown>;
}

suite('SuiteQL notebooks', () => {
  test('a cell runs against the demo account and produces grid rows with a text fallback', async function () {
    this.timeout(120_000);
    const cell = await runInNewNotebook(await api(), 'SELECT id, companyname FROM customer ORDER BY id');
    assert.equal(cell.executionSummary?.success, true);
    const payload = outputJson(cell);
    assert.equal(payload.kind, 'rows');
    assert.ok((payload.rows as unknown[]).length > 0);
    assert.deepEqual((payload.columns as { name: string }[]).map((c) => c.name), ['id', 'companyname']);
    assert.ok(cell.outputs[0].items.some((i) => i.mime === 'text/plain'));
  });

  test("a bad query fails the cell and shows NetSuite's own detail", async function () {
    this.timeout(120_000);
    const cell = await runInNewNotebook(await api(), 'SELECT nosuchcolumn FROM customer');
    assert.equal(cell.executionSummary?.success, false);
    const payload = outputJson(cell);
    assert.equal(payload.kind, 'error');
    assert.match(String(payload.detail), /Unknown identifier 'nosuchcolumn'/);
  });

  test("NetSuite's generic refusal gets SuiteLens's own reading, marked as such, pointing where it is", async function () {
    this.timeout(120_000);
    const cell = await runInNewNotebook(await api(), 'SELECT id FORM customer');
    assert.equal(cell.executionSummary?.success, false);
    const payload = outputJson(cell);
    assert.match(String(payload.detail), /Invalid or unsupported search\.\n[\s\S]*SuiteLens's own check \(not NetSuite's\): line 1, column 16: it saw "customer" where it did not expect it\./);
    assert.equal(payload.position, 15);
  });

  test('a column NULL in every row stays in the grid', async function () {
    this.timeout(120_000);
    const cell = await runInNewNotebook(await api(), 'SELECT id, altphone, companyname FROM customer WHERE altphone IS NULL ORDER BY id');
    assert.equal(cell.executionSummary?.success, true);
    const payload = outputJson(cell);
    assert.deepEqual((payload.columns as { name: string }[]).map((c) => c.name), ['id', 'altphone', 'companyname']);
    assert.ok((payload.rows as unknown[][]).every((row) => row[1] === null));
  });

  test('a run is remembered in the account history', async () => {
    const suitelens = await api();
    const accountId = await suitelens.startDemo();
    const queries = suitelens.notebooks.history.entries(accountId).map((e) => e.query);
    assert.ok(queries.includes('SELECT id, companyname FROM customer ORDER BY id'), `history: ${queries.join(' | ')}`);
  });
});

suite('SuiteQL notebook files', () => {
  test('an unreadable .snb refuses to open (so an empty notebook can never be saved over it)', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder, 'the suite runs with a workspace folder');
    const uri = vscode.Uri.joinPath(folder, 'broken.snb');
    const original = '{"cells": [ {"kind": "code", "source": "SELECT 1 FROM dual"} '; // truncated JSON
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(original));
    await assert.rejects(Promise.resolve(vscode.workspace.openNotebookDocument(uri)), /not a SuiteQL notebook: its JSON is invalid/);
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), original, 'the file is untouched');
  });

  test('a saved notebook keeps its cells and account but not its results unless asked', async function () {
    this.timeout(120_000);
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const uri = vscode.Uri.joinPath(folder, 'saved.snb');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(JSON.stringify({ version: 1, account: 'TSTDRV1234567_SB1', cells: [{ kind: 'code', language: 'suiteql', source: 'SELECT id FROM customer' }] })));
    const document = await vscode.workspace.openNotebookDocument(uri);
    assert.equal(document.metadata.account, 'TSTDRV1234567_SB1');
    assert.equal(document.cellAt(0).document.getText(), 'SELECT id FROM customer');
    assert.equal(document.cellAt(0).document.languageId, 'suiteql');
    await document.save();
    const saved = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))) as Record<string, unknown>;
    assert.equal(saved.account, 'TSTDRV1234567_SB1');
    assert.ok(!JSON.stringify(saved).includes('outputs'));
  });

  test('a save keeps what the file held (unknown keys, a numeric account, outputs read from it) beside the new cell', async function () {
    this.timeout(120_000);
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const uri = vscode.Uri.joinPath(folder, 'kept.snb');
    const cell = { kind: 'code', language: 'suiteql', source: 'SELECT id FROM customer', tags: ['finance'], outputs: [{ items: [{ mime: 'application/json', data: { rows: [[1]] } }] }] };
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(JSON.stringify({ version: 1, account: 1234567, title: 'Month end', cells: [cell] })));
    const document = await vscode.workspace.openNotebookDocument(uri);
    const edit = new vscode.WorkspaceEdit();
    edit.set(uri, [vscode.NotebookEdit.insertCells(1, [new vscode.NotebookCellData(vscode.NotebookCellKind.Markup, '# Notes', 'markdown')])]);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await document.save(), 'the notebook saved');
    const saved = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))) as Record<string, unknown>;
    assert.deepEqual(saved, { version: 1, account: 1234567, title: 'Month end', cells: [cell, { kind: 'markdown', language: 'markdown', source: '# Notes' }] });

    // Run the cell again: its new result replaces the one read from the file, and results are not saved unless asked.
    await runFirstCell(document);
    await savedToDisk(document, 'the notebook saved again');
    const rerun = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))) as { cells: Record<string, unknown>[]; title?: string };
    assert.deepEqual(rerun.cells[0], { kind: 'code', language: 'suiteql', source: 'SELECT id FROM customer', tags: ['finance'] });
    assert.equal(rerun.title, 'Month end');
  });

  test('with "save outputs" on, a save writes the new result; turned off, it writes none', async function () {
    this.timeout(120_000);
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const uri = vscode.Uri.joinPath(folder, 'results.snb');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(JSON.stringify({ version: 1, cells: [{ kind: 'code', language: 'suiteql', source: 'SELECT id FROM customer ORDER BY id' }] })));
    const document = await vscode.workspace.openNotebookDocument(uri);
    await vscode.window.showNotebookDocument(document);
    await vscode.commands.executeCommand('suitelens.toggleSaveOutputs');
    assert.equal(document.metadata.saveOutputs, true);
    const cell = await runFirstCell(document);
    await savedToDisk(document, 'the notebook saved');
    const saved = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))) as { saveOutputs?: boolean; cells: { outputs?: { items: { mime: string; data: string }[] }[] }[] };
    assert.equal(saved.saveOutputs, true);
    const rows = saved.cells[0].outputs?.[0]?.items.find((item) => item.mime === rowsMime);
    assert.ok(rows, 'the new result is in the file');
    assert.deepEqual(JSON.parse(rows.data).rows, outputJson(cell).rows);

    await vscode.commands.executeCommand('suitelens.toggleSaveOutputs');
    await savedToDisk(document, 'the notebook saved again');
    const off = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.ok(!off.includes('outputs'), 'no result is written once "save outputs" is off');
  });

  test('a notebook that is not UTF-8 is refused and left as it was', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const uri = vscode.Uri.joinPath(folder, 'latin1.snb');
    const original = Uint8Array.from([...new TextEncoder().encode('{"version": 1, "cells": [{"kind": "code", "source": "SELECT 1 FROM dual -- caf'), 0xe9, ...new TextEncoder().encode('"}]}')]);
    await vscode.workspace.fs.writeFile(uri, original);
    await assert.rejects(Promise.resolve(vscode.workspace.openNotebookDocument(uri)), /not a SuiteQL notebook: it is not UTF-8 text/);
    assert.deepEqual([...(await vscode.workspace.fs.readFile(uri))], [...original], 'the file is untouched');
  });

  test('a Jupyter notebook renamed .snb is refused, saying what it is', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const uri = vscode.Uri.joinPath(folder, 'jupyter.snb');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ cell_type: 'code', source: ['print(1)'] }] })));
    await assert.rejects(Promise.resolve(vscode.workspace.openNotebookDocument(uri)), /it is a Jupyter notebook \(nbformat 4\)/);
  });

});
