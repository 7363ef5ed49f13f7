/**
 * The record form commands: New Record (on a record type), Edit Record and Delete Record (on a record), and Create
 * Invoice from a sales order. Each accepts an explorer node or a plain `{accountId, recordType, id}` (palette,
 * other extensions, tests); from the palette with nothing, it asks for what it needs on the active account.
 */
import * as vscode from 'vscode';
import type { NetSuiteClient } from '../../netsuite/client';
import { describeError } from '../../netsuite/describeError';
import type { Logger } from '../../netsuite/log';
import { recordTitle } from '../../netsuite/recordTypeLabels';
import type { AccountRegistry } from '../accounts/accountRegistry';
import { RecordFormEditorProvider, registerRecordFormEditor } from './recordFormEditor';
import { previewNotice, ReadOnlyAccountError, RecordFormDocument, type FormTarget } from './recordFormDocument';
import { previewOrTransform, revealInTree } from './recordFormWebview';
import { recordLabel } from '../../app/forms/recordNames';
import { confirmDelete } from './writeConfirmations';

export interface FormsFeature extends vscode.Disposable {
  /** Open forms, newest last (for extension-host tests). */
  forms(): readonly RecordFormDocument[];
}

/** Reads `{accountId, recordType, id|recordId}` from an explorer node or a plain argument. */
export function formTargetOf(argument: unknown): Partial<FormTarget> {
  if (typeof argument !== 'object' || argument === null) return {};
  const a = argument as Record<string, unknown>;
  const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);
  return { accountId: text(a.accountId), recordType: text(a.recordType), id: text(a.recordId) ?? text(a.id) };
}

/** `backupIndex` (the workspace state) lets a form's unsaved edits come back even when VS Code lost track of them. */
export function registerForms(registry: AccountRegistry<NetSuiteClient>, extensionUri: vscode.Uri, logger: Logger, backupIndex?: vscode.Memento): FormsFeature {
  const provider = new RecordFormEditorProvider(registry, extensionUri, logger, backupIndex);
  const deps = provider.deps;
  const failed = (what: string) => (error: unknown) => {
    logger.error(`${what} failed`, error);
    if (error instanceof ReadOnlyAccountError) {
      void vscode.window.showWarningMessage(error.message);
      return;
    }
    void vscode.window.showErrorMessage(`${what}: ${describeError(error)}`);
  };

  const withTarget = async (argument: unknown, needsId: boolean, purpose?: string): Promise<FormTarget | undefined> => {
    const given = formTargetOf(argument);
    const accountId = given.accountId ?? registry.activeAccountId;
    if (!accountId) {
      void vscode.window.showInformationMessage('Add a NetSuite account (or try the demo sandbox) first.');
      return undefined;
    }
    if (given.recordType && (given.id || !needsId)) return { accountId, recordType: given.recordType, id: needsId ? given.id : undefined };
    // The explorer's record picker: record types by label, then a search of that type's records as the user types.
    const picked = await vscode.commands.executeCommand<{ recordType: string; id?: string } | undefined>('suitelens.explorer.pickRecord', {
      accountId,
      recordType: given.recordType,
      purpose,
      typeOnly: !needsId,
    });
    if (!picked || (needsId && !picked.id)) return undefined;
    return { accountId, recordType: picked.recordType, id: needsId ? picked.id : undefined };
  };

  const registrations = vscode.Disposable.from(
    vscode.commands.registerCommand('suitelens.newRecord', async (argument?: unknown) => {
        const target = await withTarget(argument, false, 'New');
        if (target) return RecordFormDocument.open(deps, target).catch(failed(`Could not open a new ${target.recordType} form`));
      }),
      vscode.commands.registerCommand('suitelens.editRecord', async (argument?: unknown) => {
        const target = await withTarget(argument, true, 'Edit');
        if (target) return RecordFormDocument.open(deps, target).catch(failed(`Could not open ${target.recordType} ${target.id ?? ''} for editing`));
      }),
      vscode.commands.registerCommand('suitelens.deleteRecord', async (argument?: unknown) => {
        const target = await withTarget(argument, true, 'Delete');
        if (!target?.id) return;
        const name = typeof (argument as { name?: unknown } | undefined)?.name === 'string' ? (argument as { name: string }).name : undefined;
        try {
          const { profile, client } = await registry.scope(target.accountId);
          if (profile.readOnly) throw new ReadOnlyAccountError(profile.label, `${recordTitle(target.recordType, target.id)} cannot be deleted`);
          if (!(await confirmDelete(profile, target.recordType, target.id, name))) return false;
          await client.records.delete(target.recordType, target.id);
          for (const form of RecordFormDocument.all()) if (form.recordType === target.recordType && form.id === target.id) await form.close();
          void vscode.window.showInformationMessage(`Deleted ${recordLabel(target.recordType, target.id, name)}.`);
          void vscode.commands.executeCommand('suitelens.explorer.refresh').then(undefined, () => undefined);
          return true;
        } catch (error) {
          failed(`Could not delete ${target.recordType} ${target.id}`)(error);
          return false;
        }
      }),
      vscode.commands.registerCommand('suitelens.createInvoiceFromSalesOrder', async (argument?: unknown) => {
        const given = formTargetOf(argument);
        const target = await withTarget({ ...given, recordType: given.recordType ?? 'salesOrder' }, true, 'Create Invoice from');
        if (!target?.id) return;
        try {
          const { profile, client } = await registry.scope(target.accountId);
          if (profile.readOnly) throw new ReadOnlyAccountError(profile.label, 'no invoice can be created');
          let form: RecordFormDocument | undefined;
          await previewOrTransform(client, profile, { recordType: target.recordType, id: target.id }, 'invoice', {
            openPreview: async (transform) => (form = await RecordFormDocument.open(deps, { accountId: target.accountId, recordType: 'invoice' }, { transform, notice: previewNotice(transform, 'invoice') })),
            openCreated: async (id) => {
              form = await RecordFormDocument.open(deps, { accountId: target.accountId, recordType: 'invoice', id });
              revealInTree(target.accountId, 'invoice', id);
            },
            logger,
          });
          return form;
        } catch (error) {
          failed(`Could not create an invoice from sales order ${target.id}`)(error);
        }
      }),
      // Open forms stay: VS Code restores their tabs (and unsaved edits) on the next start.
      registerRecordFormEditor(provider),
      provider,
  );
  return { forms: () => RecordFormDocument.all(), dispose: () => registrations.dispose() };
}
