/**
 * Record forms as a custom editor (`suitelens.recordForm` over `suitelens-form:` resources): what lets VS Code own
 * the dirty dot, the "Do you want to save…?" prompt on close, Ctrl+S, Revert, and hot-exit backups. Each method hands
 * over to the form (recordFormPanel.ts); this file only connects VS Code's lifecycle to it.
 *
 * Auto save: VS Code in a browser (code-server, vscode.dev) defaults `files.autoSave` to `afterDelay` (1 s), which
 * would send a half-typed form to NetSuite. A setting can only differ per language, and VS Code guesses the language
 * of a custom editor's working copy from its resource `vscode-custom-editor://<viewType>/<base64 of our URI>`, so
 * package.json declares a `suitelens-form` language matching that base64 prefix ("suitelens-form:" in UTF-16LE) and
 * defaults `[suitelens-form] files.autoSave` to `off`. A user who wants auto save for forms can still turn it on.
 */
import * as vscode from 'vscode';
import type { NetSuiteClient } from '../../netsuite/client';
import type { Logger } from '../../netsuite/log';
import type { AccountRegistry } from '../accounts/accountRegistry';
import { parseFormBackup } from './formBackup';
import { parseFormUri } from './formUri';
import { RecordFormPanel, recordFormViewType, type FormDeps } from './recordFormPanel';

export class RecordFormEditorProvider implements vscode.CustomEditorProvider<RecordFormPanel>, vscode.Disposable {
  private readonly changes = new vscode.EventEmitter<vscode.CustomDocumentContentChangeEvent<RecordFormPanel>>();
  readonly onDidChangeCustomDocument = this.changes.event;
  readonly deps: FormDeps;

  constructor(registry: AccountRegistry<NetSuiteClient>, extensionUri: vscode.Uri, logger: Logger) {
    this.deps = { registry, extensionUri, logger, edited: (form) => this.changes.fire({ document: form }) };
  }

  async openCustomDocument(uri: vscode.Uri, context: vscode.CustomDocumentOpenContext): Promise<RecordFormPanel> {
    const prepared = RecordFormPanel.takePending(uri);
    if (prepared && !context.backupId) return prepared;
    // VS Code restores the tab after a reload: from the hot-exit backup when it had edits, else from NetSuite.
    const resource = parseFormUri({ path: uri.path, query: uri.query });
    if (!resource) throw new Error(`${uri.toString()} is not a SuiteLens record form`);
    const backup = context.backupId ? parseFormBackup(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(context.backupId)))) : undefined;
    return RecordFormPanel.prepare(this.deps, resource, { uri, backup });
  }

  resolveCustomEditor(form: RecordFormPanel, panel: vscode.WebviewPanel): void {
    form.attach(panel);
  }

  saveCustomDocument(form: RecordFormPanel): Promise<void> {
    return form.save();
  }

  saveCustomDocumentAs(): Promise<void> {
    return Promise.reject(new Error('A record form saves to NetSuite; it cannot be saved as a file. Use Save.'));
  }

  revertCustomDocument(form: RecordFormPanel): Promise<void> {
    return form.revert();
  }

  backupCustomDocument(form: RecordFormPanel, context: vscode.CustomDocumentBackupContext): Promise<vscode.CustomDocumentBackup> {
    return form.backup(context.destination);
  }

  dispose(): void {
    this.changes.dispose();
  }
}

/** Registers the editor; forms keep their webview while in a background tab, so a half-typed reference search stays. */
export function registerRecordFormEditor(provider: RecordFormEditorProvider): vscode.Disposable {
  return vscode.window.registerCustomEditorProvider(recordFormViewType, provider, {
    webviewOptions: { retainContextWhenHidden: true },
    supportsMultipleEditorsPerDocument: false,
  });
}
