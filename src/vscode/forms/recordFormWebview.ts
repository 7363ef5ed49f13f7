/**
 * The webview of one record form: draws the form (media/form) and hears it. The host owns every decision that touches
 * NetSuite; the webview only draws values and reports edits, each message checked against src/protocol/formMessages.ts.
 * Edits and Save go to the form's document (recordFormDocument.ts); the reference search, Delete and the sales order's
 * "Create Invoice" are handled here.
 */
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { NetSuiteClient } from '../../netsuite/client';
import { describeError } from '../../netsuite/describeError';
import type { Logger } from '../../netsuite/log';
import {
  DeleteRequest,
  FormBusy,
  FormEdited,
  FormErrors,
  FormInit,
  FormReady,
  FormValuesSet,
  isFormToHost,
  SaveRequest,
  SearchRequest,
  SearchResults,
  TransformRequest,
  type HostToForm,
} from '../../protocol/formMessages';
import type { AccountProfile } from '../accounts/accountProfile';
import { formHtml } from './formHtml';
import { formTitle } from './formUri';
import type { PlacedErrors } from './model/fieldErrors';
import type { FormValues } from './model/formValues';
import type { RecordFormDocument } from './recordFormDocument';
import { recordLabel } from './recordNames';
import { searchReferences } from './referenceSearch';
import { confirmDelete, confirmWrite } from './writeConfirmations';

/** `!transform` targets the form offers per source type (netsuite-wire.md §1.7). */
const transformTargets: Record<string, string[]> = { salesorder: ['invoice'] };

export class RecordFormWebview {
  constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly form: RecordFormDocument,
    private readonly deps: { extensionUri: vscode.Uri; logger: Logger },
  ) {
    const mediaRoot = vscode.Uri.joinPath(deps.extensionUri, 'dist', 'media');
    panel.webview.options = { enableScripts: true, localResourceRoots: [mediaRoot] };
    panel.webview.html = formHtml(panel.webview, {
      script: panel.webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'form.js')),
      codicons: panel.webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'codicon.css')),
      title: formTitle(form.recordType, form.id, form.name),
    });
    panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message));
  }

  get viewColumn(): vscode.ViewColumn | undefined {
    return this.panel.viewColumn;
  }

  /** Draws the whole form: model, values, heading, and the notice waiting to be shown. */
  showForm(): void {
    const { form } = this;
    const heading = form.id ? `${recordLabel(form.recordType, form.id, form.name)} · ${form.accountLabel}` : `New ${form.recordType} · ${form.accountLabel}`;
    this.post(
      FormInit.create({
        model: form.model,
        values: form.values,
        mode: form.mode,
        heading,
        recordId: form.id,
        transforms: form.id ? (transformTargets[form.recordType.toLowerCase()] ?? []) : [],
        notice: form.takeNotice(),
      }),
    );
  }

  /** Sets the controls' values in place (undo/redo: no redraw, focus stays). */
  showValues(values: FormValues): void {
    this.post(FormValuesSet.create({ values }));
  }

  showErrors(errors: PlacedErrors): void {
    this.post(FormErrors.create(errors));
  }

  showBusy(busy: boolean, label?: string): void {
    this.post(FormBusy.create(label ? { busy, label } : { busy }));
  }

  private post(message: HostToForm): void {
    void this.panel.webview.postMessage(message);
  }

  private async receive(message: unknown): Promise<void> {
    if (!isFormToHost(message)) {
      this.deps.logger.warn('Record form sent a message SuiteLens does not accept; ignored');
      return;
    }
    try {
      if (FormReady.is(message)) this.showForm();
      else if (FormEdited.is(message)) this.form.edit({ action: message.action, path: message.path }, message.values);
      else if (SaveRequest.is(message)) {
        this.form.takeValues(message.values);
        // Through VS Code, like Ctrl+S, so the tab's dirty state follows the outcome; the form already shows errors.
        await Promise.resolve(vscode.workspace.save(this.form.uri)).catch((error: unknown) => this.deps.logger.debug(`Record form not saved: ${describeError(error)}`));
      } else {
        await this.form.refreshScope();
        if (SearchRequest.is(message)) await this.search(message.requestId, message.referenceType, message.text);
        else if (DeleteRequest.is(message)) await this.delete();
        else if (TransformRequest.is(message)) await this.transform(message.targetType);
      }
    } catch (error) {
      this.deps.logger.error(`Record form ${message.type} failed`, error);
      this.showBusy(false);
      this.showErrors({ fields: [], general: [describeError(error)] });
    }
  }

  private async search(requestId: string, referenceType: string, text: string): Promise<void> {
    try {
      const candidates = await searchReferences(this.form.account.client, referenceType, text);
      this.post(SearchResults.create({ requestId, candidates }));
    } catch (error) {
      this.post(SearchResults.create({ requestId, candidates: [], error: describeError(error) }));
    }
  }

  private async delete(): Promise<void> {
    const { form } = this;
    const id = form.id;
    if (!id) return;
    if (!(await confirmDelete(form.account.profile, form.recordType, id, form.name))) return;
    await form.account.client.records.delete(form.recordType, id);
    void vscode.window.showInformationMessage(`Deleted ${recordLabel(form.recordType, id, form.name)}.`);
    await form.close();
    void vscode.commands.executeCommand('suitelens.explorer.refresh').then(undefined, () => undefined);
  }

  private async transform(targetType: string): Promise<void> {
    const { form } = this;
    const id = form.id;
    if (!id || !(transformTargets[form.recordType.toLowerCase()] ?? []).includes(targetType)) return;
    const { id: newId } = await transformRecord(form.account.client, form.account.profile, form.recordType, id, targetType, form.name);
    if (!newId) return;
    await form.openOther({ accountId: form.accountId, recordType: targetType, id: newId });
    revealInTree(form.accountId, targetType, newId);
  }
}

/** Shows the record in the NetSuite explorer (selected, its type expanded); a tree without it refreshes instead. */
export function revealInTree(accountId: string, recordType: string, id: string): void {
  void vscode.commands
    .executeCommand('suitelens.explorer.revealRecord', { accountId, recordType, id })
    .then(undefined, () => vscode.commands.executeCommand('suitelens.explorer.refresh'))
    .then(undefined, () => undefined);
}

/** `POST …/!transform/<target>` with a key kept across retries; undefined id when the user declined. */
export async function transformRecord(
  client: NetSuiteClient,
  profile: AccountProfile,
  recordType: string,
  id: string,
  targetType: string,
  name?: string,
): Promise<{ id?: string }> {
  const what = `Create ${targetType} from ${recordLabel(recordType, id, name)}`;
  if (!(await confirmWrite(profile, what, [{ field: 'Transform', before: `${recordType} ${id}`, after: `new ${targetType}` }]))) return {};
  const result = await client.records.transform(recordType, id, targetType, {}, { idempotencyKey: randomUUID() });
  void vscode.window.showInformationMessage(`Created ${targetType} ${result.id} from ${recordLabel(recordType, id, name)}.`);
  return { id: result.id };
}
