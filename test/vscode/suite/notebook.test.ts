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

  test('a run is remembered in the account history', async () => {
    const suitelens = await api();
    const accountId = await suitelens.startDemo();
    const queries = suitelens.notebooks.history.entries(accountId).map((e) => e.query);
    assert.ok(queries.includes('SELECT id, companyname FROM customer ORDER BY id'), `history: ${queries.join(' | ')}`);
  });
});
