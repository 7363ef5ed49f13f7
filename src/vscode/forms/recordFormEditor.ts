/**
 * Record forms as a custom editor (`suitelens.recordForm` over `suitelens-form:` resources): what lets VS Code own
 * the dirty dot, the "Do you want to save…?" prompt on close, Ctrl+S, Revert, and hot-exit backups. Each method hands
 * over to the form (recordFormDocument.ts); this file only connects VS Code's lifecycle to it.
 *
 * Auto save: VS Code in a browser (code-server, vscode.dev) defaults `files.autoSave` to `afterDelay` (1 s), which
 * would send a half-typed form to NetSuite. A setting can only differ per language, and VS Code guesses the language
 * of a custom editor's working copy from its resource `vscode-custom-editor://<viewType>/<base64 of our URI>`, so
 * package.json declares a `suitelens-form` language matching that base64 prefix ("suitelens-form:" in UTF-16LE) and
 * defaults `[suitelens-form] files.autoSave` to `off`. A user who wants auto save for forms can still turn it on.
 *
 * Backups: VS Code hands a form its backup only through the editor state it saved at shutdown, and a browser window
 * can go before that state is written (seen in e2e: the tab came back clean, its backup unused). So the provider also
 * keeps its own index, form resource → latest backup, in workspace state, and restores from it when VS Code did not.
 */
import * as vscode from 'vscode';
import type { NetSuiteClient } from '../../netsuite/client';
import type { Logger } from '../../netsuite/log';
import type { AccountRegistry } from '../accounts/accountRegistry';
import { parseFormBackup } from '../../app/forms/formBackup';
import { parseFormUri } from '../../app/forms/formUri';
import { RecordFormDocument, recordFormViewType, type FormDeps } from './recordFormDocument';

/** Workspace-state key of the index: form resource → the latest backup written for it. */
const backupKey = 'suitelens.forms.backups';

export class RecordFormEditorProvider implements vscode.CustomEditorProvider<RecordFormDocument>, vscode.Disposable {
  /**
   * Edits are undo steps (`CustomDocumentEditEvent`): VS Code's Undo/Redo run them and the tab is clean again at the
   * save point. A form restored from a backup is reported once as a content change instead, which VS Code keeps dirty
   * until a save or revert: with undo steps alone, undoing the first edit after a restore would mark the tab clean
   * while the restored edits are still unsaved. VS Code tells the two apart per event (an edit has undo and redo).
   */
  private readonly changes = new vscode.EventEmitter<vscode.CustomDocumentEditEvent<RecordFormDocument> | vscode.CustomDocumentContentChangeEvent<RecordFormDocument>>();
  readonly onDidChangeCustomDocument = this.changes.event;
  readonly deps: FormDeps;
  /** Forms restored from a backup, not yet reported to VS Code as dirty (see `changes`). */
  private readonly restoredUnseen = new WeakSet<RecordFormDocument>();

  constructor(registry: AccountRegistry<NetSuiteClient>, extensionUri: vscode.Uri, logger: Logger, private readonly backupIndex?: vscode.Memento) {
    this.deps = {
      registry,
      extensionUri,
      logger,
      edited: (form, step) => this.changes.fire({ document: form, ...step }),
      settled: (form) => {
        void this.forgetBackup(form.uri);
        // Saved, reverted or closed: the tree's rows of this record show what NetSuite has now (not the old phone).
        const resource = parseFormUri({ path: form.uri.path, query: form.uri.query });
        if (resource && form.id) {
          void vscode.commands.executeCommand('suitelens.explorer.recordChanged', { accountId: resource.accountId, recordType: form.recordType, id: form.id }).then(undefined, () => undefined);
        }
      },
    };
  }

  async openCustomDocument(uri: vscode.Uri, context: vscode.CustomDocumentOpenContext): Promise<RecordFormDocument> {
    const prepared = RecordFormDocument.takePending(uri);
    if (prepared && !context.backupId) return prepared;
    // VS Code restores the tab after a reload: from the hot-exit backup when it had edits, else from NetSuite.
    const resource = parseFormUri({ path: uri.path, query: uri.query });
    if (!resource) throw new Error(`${uri.toString()} is not a SuiteLens record form`);
    const backupId = context.backupId ?? (await this.indexedBackup(uri));
    const backup = backupId ? parseFormBackup(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(backupId)))) : undefined;
    const form = await RecordFormDocument.prepare(this.deps, resource, { uri, backup });
    if (backup) this.restoredUnseen.add(form);
    return form;
  }

  resolveCustomEditor(form: RecordFormDocument, panel: vscode.WebviewPanel): void {
    form.attach(panel);
    // Restored from a backup (VS Code's or our index's): the form has unsaved edits (dirty tab, asks before closing).
    if (this.restoredUnseen.delete(form)) this.changes.fire({ document: form });
  }

  saveCustomDocument(form: RecordFormDocument): Promise<void> {
    return form.save();
  }

  saveCustomDocumentAs(): Promise<void> {
    return Promise.reject(new Error('A record form saves to NetSuite; it cannot be saved as a file. Use Save.'));
  }

  revertCustomDocument(form: RecordFormDocument): Promise<void> {
    return form.revert();
  }

  async backupCustomDocument(form: RecordFormDocument, context: vscode.CustomDocumentBackupContext): Promise<vscode.CustomDocumentBackup> {
    const backup = await form.backup(context.destination);
    await this.backupIndex?.update(backupKey, { ...this.indexEntries(), [form.uri.toString()]: backup.id });
    return backup;
  }

  private indexEntries(): Record<string, string> {
    return this.backupIndex?.get<Record<string, string>>(backupKey) ?? {};
  }

  /** The latest backup this provider wrote for the form, if it is still there. */
  private async indexedBackup(uri: vscode.Uri): Promise<string | undefined> {
    const id = this.indexEntries()[uri.toString()];
    if (!id) return undefined;
    const exists = await Promise.resolve(vscode.workspace.fs.stat(vscode.Uri.parse(id))).then(() => true, () => false);
    if (!exists) await this.forgetBackup(uri);
    return exists ? id : undefined;
  }

  private async forgetBackup(uri: vscode.Uri): Promise<void> {
    const entries = this.indexEntries();
    if (!(uri.toString() in entries)) return;
    delete entries[uri.toString()];
    await this.backupIndex?.update(backupKey, entries);
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
