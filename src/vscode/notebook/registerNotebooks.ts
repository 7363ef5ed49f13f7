import { join } from 'node:path';
import * as vscode from 'vscode';
import type { NetSuiteClient } from '../../netsuite/client';
import { tablesReadBy } from '../../suiteql/tables';
import type { AccountRegistry } from '../accounts/accountRegistry';
import { accountStateKey } from '../../app/accounts/accountState';
import type { RunFrom } from '../../app/language/runFrom';
import { AccountNotebookController, notebookOutput } from './controller';
import { withoutFileOutputs, withRunOutputs } from '../../app/notebook/snbFormat';
import type { XlsxWriterModule } from '../../app/notebook/exportWriter';
import { GridMessaging } from './gridMessaging';
import { PersonAtNotebook } from './personAtNotebook';
import { NotebookParameters } from './queryParameters';
import { QueryHistory } from '../../app/notebook/queryHistory';
import { registerQueryLibrary } from './queryLibrary';
import { ResultSessions } from './resultSessions';
import { notebookType, SuiteQLNotebookSerializer } from './serializer';

/** The notebook controller of an account, kept in the account's state (accountState.ts). */
const notebookControllerKey = accountStateKey<AccountNotebookController>('notebook.controller');

// SuiteQL tables whose `id` is not the internal id of one REST record type of the same name.
const tablesWithoutOneRecordType = new Set(['transaction', 'transactionline', 'transactionaccountingline', 'item', 'entity', 'dual']);

/** For `SELECT … FROM customer`, the grid links `id` values to the customer record. */
export function idRecordTypeOf(query: string): string | undefined {
  const read = tablesReadBy(query);
  if (!read.ok || read.tables.length !== 1) return undefined;
  const [table] = read.tables;
  return tablesWithoutOneRecordType.has(table) ? undefined : table;
}

export interface NotebookFeature extends vscode.Disposable {
  readonly history: QueryHistory;
  /** Controller id for an account (tests select it programmatically). */
  controllerId(accountId: string): string | undefined;
}

/**
 * SuiteQL notebooks: the `*.snb` serializer, one controller per account (kept in step with the account list), the
 * grid's host side, query history, and the notebook commands.
 */
export function registerNotebooks(
  context: vscode.ExtensionContext,
  registry: AccountRegistry<NetSuiteClient>,
  learnColumns?: (accountId: string, query: string, columns: readonly string[]) => void,
  noteResultSize?: (query: string, totalResults: number, pageSize: number) => void,
): NotebookFeature {
  const sessions = new ResultSessions();
  const history = new QueryHistory(context.globalState);
  const presence = new PersonAtNotebook();
  const parameters = new NotebookParameters(context.workspaceState);
  const prepareQuery = (query: string, notebook: vscode.NotebookDocument) => parameters.prepare(query, notebook);
  const pageSize = () => Math.min(1000, Math.max(1, vscode.workspace.getConfiguration('suitelens').get<number>('notebook.pageSize', 1000)));
  const disposables: vscode.Disposable[] = [];

  // Each account's controller lives in the account's state: removing the account disposes it.
  const syncControllers = () => {
    for (const profile of registry.list()) {
      registry
        .state(profile.accountId)
        .get(notebookControllerKey, () => new AccountNotebookController(profile, { registry, sessions, history, presence, pageSize, idRecordType: idRecordTypeOf, learnColumns, noteResultSize, prepareQuery }));
    }
  };
  syncControllers();

  disposables.push(
    vscode.workspace.registerNotebookSerializer(notebookType, new SuiteQLNotebookSerializer(), { transientOutputs: true }),
    registry.onDidChange(syncControllers),
    presence,
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a separate bundle, loaded on the first XLSX export
    new GridMessaging(registry, sessions, () => require(join(context.extensionPath, 'dist', 'xlsxWriter.js')) as XlsxWriterModule, context.extensionUri),
    vscode.commands.registerCommand('suitelens.newNotebook', (query?: unknown) => openNewNotebook(registry, typeof query === 'string' ? query : undefined)),
    registerQueryLibrary((query) => openNewNotebook(registry, query)),
    vscode.commands.registerCommand('suitelens.queryHistory', () => showHistory(registry, history)),
    vscode.commands.registerCommand('suitelens.toggleSaveOutputs', () => toggleSaveOutputs()),
  );

  return {
    history,
    controllerId: (accountId) => registry.accountStates().find((state) => state.accountId === accountId)?.peek(notebookControllerKey)?.id,
    dispose() {
      for (const state of registry.accountStates()) state.delete(notebookControllerKey);
      sessions.dispose();
      for (const disposable of disposables) disposable.dispose();
    },
  };
}

/** Opens an untitled SuiteQL notebook (optionally prefilled), preferring the active account's controller. */
/**
 * Opens a new notebook on `query` for the active account. `runFrom` names the `.suiteql` file (and the offset in it)
 * the query came from: it is kept in the cell's metadata so that NetSuite's refusal also lands on that file.
 */
export async function openNewNotebook(registry: AccountRegistry<NetSuiteClient>, query?: string, runFrom?: RunFrom): Promise<vscode.NotebookEditor> {
  const cell = new vscode.NotebookCellData(vscode.NotebookCellKind.Code, query ?? 'SELECT id, entityid, companyname\nFROM customer\nORDER BY id', 'suiteql');
  if (runFrom) cell.metadata = { runFrom };
  const data = new vscode.NotebookData([cell]);
  const accountId = registry.activeAccountId;
  data.metadata = { account: accountId, saveOutputs: false };
  const document = await vscode.workspace.openNotebookDocument(notebookType, data);
  const editor = await vscode.window.showNotebookDocument(document);
  if (accountId) {
    await vscode.commands.executeCommand('notebook.selectKernel', { editor, id: `suitelens.suiteql.${accountId}`, extension: 'suitelens.suitelens' });
  }
  return editor;
}

/** Outputs are not saved unless the user opts in per notebook: results can be large and may hold sensitive data. */
async function toggleSaveOutputs(): Promise<void> {
  const editor = vscode.window.activeNotebookEditor;
  if (!editor || editor.notebook.notebookType !== notebookType) {
    void vscode.window.showInformationMessage('Open a SuiteQL notebook first.');
    return;
  }
  const saveOutputs = editor.notebook.metadata?.saveOutputs !== true;
  const edit = new vscode.WorkspaceEdit();
  // The results already shown are saved from now on; turned off, none is written again, not even those read from the file.
  const cellEdits = editor.notebook.getCells().flatMap((cell) => {
    const metadata = saveOutputs ? withRunOutputs(cell.metadata, true, cell.outputs.map(notebookOutput)) : withoutFileOutputs(cell.metadata);
    return metadata ? [vscode.NotebookEdit.updateCellMetadata(cell.index, metadata)] : [];
  });
  edit.set(editor.notebook.uri, [vscode.NotebookEdit.updateNotebookMetadata({ ...editor.notebook.metadata, saveOutputs }), ...cellEdits]);
  await vscode.workspace.applyEdit(edit);
  void vscode.window.showInformationMessage(
    saveOutputs ? 'Results will be saved in this notebook file (they may contain NetSuite data).' : 'Results will no longer be saved in this notebook file.',
  );
}

async function showHistory(registry: AccountRegistry<NetSuiteClient>, history: QueryHistory): Promise<void> {
  const accountId = registry.activeAccountId;
  if (!accountId) {
    void vscode.window.showInformationMessage('No NetSuite account yet: add one, or try the demo sandbox.');
    return;
  }
  const entries = history.entries(accountId);
  if (entries.length === 0) {
    void vscode.window.showInformationMessage(`No queries run on ${accountId} yet.`);
    return;
  }
  const picked = await vscode.window.showQuickPick(
    entries.map((entry) => ({
      label: entry.query.replace(/\s+/g, ' ').slice(0, 120),
      description: `${entry.ok ? `${entry.rows.toLocaleString('en-US')} rows` : 'failed'} · ${new Date(entry.ranAt).toLocaleString()}`,
      detail: entry.query.length > 120 ? entry.query.replace(/\s+/g, ' ') : undefined,
      entry,
    })),
    { title: `Query history — ${accountId}`, placeHolder: 'Type to search your past queries', matchOnDescription: true, matchOnDetail: true },
  );
  if (!picked) return;
  const action = await vscode.window.showQuickPick(['Run in a new notebook', 'Insert into the current notebook'], { title: 'What should SuiteLens do with this query?' });
  if (action === 'Run in a new notebook') {
    await openNewNotebook(registry, picked.entry.query);
    await vscode.commands.executeCommand('notebook.execute');
  } else if (action === 'Insert into the current notebook') {
    const editor = vscode.window.activeNotebookEditor;
    if (!editor || editor.notebook.notebookType !== notebookType) {
      await openNewNotebook(registry, picked.entry.query);
      return;
    }
    const edit = new vscode.WorkspaceEdit();
    const index = editor.selection.end;
    edit.set(editor.notebook.uri, [vscode.NotebookEdit.insertCells(index, [new vscode.NotebookCellData(vscode.NotebookCellKind.Code, picked.entry.query, 'suiteql')])]);
    await vscode.workspace.applyEdit(edit);
  }
}
