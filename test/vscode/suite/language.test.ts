import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SuiteLensApi } from '../../../src/extension';
import { activeSuiteLens } from './extension';

suite('SuiteQL language features in the editor', () => {
  test('completes the columns of an aliased table after "c."', async function () {
    this.timeout(60_000);
    const suitelens = (await activeSuiteLens()).exports as SuiteLensApi;
    await suitelens.startDemo();
    const text = 'SELECT c. FROM customer c';
    const document = await vscode.workspace.openTextDocument({ language: 'suiteql', content: text });
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, document.positionAt(text.indexOf('c.') + 2));
    const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    assert.ok(labels.includes('companyname'), `got: ${labels.slice(0, 30).join(', ')}`);
    assert.ok(labels.includes('email'));
    assert.ok(!labels.includes('customer'), 'after an alias dot only columns are offered');
  });

  test("sends an item's description only when the editor resolves that item, not with the whole list", async function () {
    this.timeout(60_000);
    const suitelens = (await activeSuiteLens()).exports as SuiteLensApi;
    await suitelens.startDemo();
    const text = 'SELECT c. FROM customer c';
    const document = await vscode.workspace.openTextDocument({ language: 'suiteql', content: text });
    const at = document.positionAt(text.indexOf('c.') + 2);
    const docsOf = (list: vscode.CompletionList) => {
      const item = list.items.find((candidate) => (typeof candidate.label === 'string' ? candidate.label : candidate.label.label) === 'companyname');
      assert.ok(item, 'companyname is offered');
      return typeof item.documentation === 'string' ? item.documentation : item.documentation?.value;
    };
    const listed = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, at);
    assert.equal(docsOf(listed), undefined);
    const resolved = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, at, undefined, 1_000);
    assert.match(docsOf(resolved) ?? '', /`customer\.companyname`/);
  });

  test('warns about LIMIT, which SuiteQL does not have', async function () {
    this.timeout(30_000);
    const document = await vscode.workspace.openTextDocument({ language: 'suiteql', content: 'SELECT id FROM customer LIMIT 10' });
    let found: vscode.Diagnostic[] = [];
    for (let waited = 0; found.length === 0 && waited < 10_000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      found = vscode.languages.getDiagnostics(document.uri);
    }
    assert.ok(found.some((d) => /LIMIT/.test(d.message)), `diagnostics: ${found.map((d) => d.message).join(' | ')}`);
    // No ORDER BY, but nothing has shown this result spans pages: a paging warning here would be noise.
    assert.ok(!found.some((d) => d.code === 'unordered-paging'), `diagnostics: ${found.map((d) => d.message).join(' | ')}`);
  });
});

suite('.suiteql files', () => {
  test('show a Run lens and run into the same grid as notebooks', async function () {
    this.timeout(120_000);
    const suitelens = (await activeSuiteLens()).exports as SuiteLensApi;
    await suitelens.startDemo();
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const uri = vscode.Uri.joinPath(folder, 'customers.suiteql');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('SELECT id, companyname FROM customer ORDER BY id;\n'));
    const document = await vscode.workspace.openTextDocument(uri);
    assert.equal(document.languageId, 'suiteql');
    await vscode.window.showTextDocument(document);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    assert.ok(lenses.some((lens) => /Run SuiteQL on Demo \(sandbox\)/.test(lens.command?.title ?? '')), `lenses: ${lenses.map((l) => l.command?.title).join(' | ')}`);

    await vscode.commands.executeCommand('suitelens.runSuiteQLFile', uri);
    const editor = vscode.window.activeNotebookEditor;
    assert.ok(editor, 'a notebook opened for the query');
    const cell = editor.notebook.cellAt(0);
    assert.equal(cell.document.getText(), 'SELECT id, companyname FROM customer ORDER BY id');
    for (let waited = 0; cell.executionSummary?.success === undefined && waited < 60_000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(cell.executionSummary?.success, true);
    const item = cell.outputs[0].items.find((i) => i.mime === 'application/vnd.suitelens.rows+json');
    assert.equal((JSON.parse(new TextDecoder().decode(item!.data)) as { kind: string }).kind, 'rows');
  });

  test("mark NetSuite's refusal in the file itself, at the name NetSuite names", async function () {
    this.timeout(120_000);
    const suitelens = (await activeSuiteLens()).exports as SuiteLensApi;
    await suitelens.startDemo();
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const uri = vscode.Uri.joinPath(folder, 'refused.suiteql');
    const text = '-- a name NetSuite does not know\n\n  SELECT id, nosuchcolumn FROM customer;\n';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('suitelens.runSuiteQLFile', uri);
    const netsuiteErrors = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'NetSuite');
    for (let waited = 0; netsuiteErrors().length === 0 && waited < 60_000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const [error] = netsuiteErrors();
    assert.ok(error, `diagnostics on the file: ${vscode.languages.getDiagnostics(uri).map((d) => d.message).join(' | ')}`);
    assert.equal(document.getText(error.range), 'nosuchcolumn');
    assert.equal(error.severity, vscode.DiagnosticSeverity.Error);
    assert.match(error.message, /^NetSuite: /);

    // Editing the file takes the mark away: its offsets no longer hold.
    await vscode.window.showTextDocument(document);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), ' ');
    await vscode.workspace.applyEdit(edit);
    assert.equal(netsuiteErrors().length, 0);
    // Leave no dirty editor behind for the tests after this one.
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
