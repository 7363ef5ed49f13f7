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
