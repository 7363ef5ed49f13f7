import * as vscode from 'vscode';
import type { NetSuiteClient } from '../../netsuite/client';
import type { AccountRegistry } from '../accounts/accountRegistry';
import { openNewNotebook } from '../notebook/registerNotebooks';
import { queryStartIn, queryToRun } from '../../app/language/queryText';

/**
 * Runs a plain `.suiteql` file (command and a CodeLens at its top). Results appear in the same grid as notebooks:
 * a new notebook opens on the query and runs it on the active account. The cell remembers the file and where the
 * query starts in it, so NetSuite's refusal is marked in the file too (runErrorDiagnostics.ts).
 */
export function registerSuiteQLFileRunner(registry: AccountRegistry<NetSuiteClient>): vscode.Disposable {
  const lens: vscode.CodeLensProvider = {
    provideCodeLenses(document) {
      if (document.getText().trim() === '') return [];
      const account = registry.activeAccountId;
      const title = account ? `$(play) Run SuiteQL on ${registry.get(account)?.label ?? account}` : '$(play) Run SuiteQL (add an account first)';
      return [new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { title, command: 'suitelens.runSuiteQLFile', arguments: [document.uri] })];
    },
  };
  return vscode.Disposable.from(
    vscode.languages.registerCodeLensProvider({ language: 'suiteql', scheme: 'file' }, lens),
    vscode.languages.registerCodeLensProvider({ language: 'suiteql', scheme: 'untitled' }, lens),
    vscode.commands.registerCommand('suitelens.runSuiteQLFile', async (uri?: vscode.Uri) => {
      const editor = vscode.window.activeTextEditor;
      const document = uri ? await vscode.workspace.openTextDocument(uri) : editor?.document;
      if (!document || document.languageId !== 'suiteql') {
        void vscode.window.showInformationMessage('Open a .suiteql file to run it.');
        return;
      }
      if (!registry.activeAccountId) {
        const choice = await vscode.window.showInformationMessage('No NetSuite account yet.', 'Try the Demo Sandbox');
        if (choice) await vscode.commands.executeCommand('suitelens.tryDemoSandbox');
        if (!registry.activeAccountId) return;
      }
      const selection = editor?.document === document ? editor.selection : undefined;
      const selected = selection ? document.getText(selection) : '';
      const query = queryToRun(document.getText(), selected);
      if (query === '') return;
      const chosenStart = selected.trim() !== '' && selection ? document.offsetAt(selection.start) : 0;
      const offset = chosenStart + queryStartIn(selected.trim() !== '' ? selected : document.getText());
      const notebook = await openNewNotebook(registry, query, { uri: document.uri.toString(), offset });
      await vscode.commands.executeCommand('notebook.cell.execute', { ranges: [{ start: 0, end: 1 }], document: notebook.notebook.uri });
    }),
  );
}
