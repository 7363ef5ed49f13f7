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
  FormBusy,
  FormChoices,
  FormErrors,
  FormInit,
  FormValuesSet,
  isFormToHost,
  SearchResults,
  type HostToForm,
} from '../../protocol/formMessages';
import { unhandledMessage } from '../../protocol/guards';
import type { AccountProfile } from '../../app/accounts/accountProfile';
import { referenceChoices, sourcedFromEntity, transformPreview } from '../../app/forms/formAssist';
import { formHtml } from './formHtml';
import { recordTypeLabel } from '../../netsuite/recordTypeLabels';
import { formTitle } from '../../app/forms/formUri';
import type { PlacedErrors } from '../../app/forms/model/fieldErrors';
import type { FormValues } from '../../app/forms/model/formValues';
import type { RecordFormDocument, TransformStart } from './recordFormDocument';
import { recordLabel } from '../../app/forms/recordNames';
import { searchReferences } from '../../app/forms/referenceSearch';
import { confirmDelete, confirmWrite } from './writeConfirmations';

/** `!transform` targets the form offers per source type (netsuite-wire.md §1.7). */
const transformTargets: Record<string, string[]> = { salesorder: ['invoice'] };

export class RecordFormWebview {
  /** The last choices NetSuite gave (sent again whenever the form is redrawn). */
  private choices: { id: string; choices: { id: string; refName: string }[] }[] | undefined;
  private choicesAsked = 0;

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
    const from = form.transformFrom;
    const heading = form.id
      ? `${recordLabel(form.recordType, form.id, form.name)} · ${form.accountLabel}`
      : `New ${recordTypeLabel(form.recordType)}${from ? ` from ${recordLabel(from.sourceType, from.sourceId, from.sourceName)}` : ''} · ${form.accountLabel}`;
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
    if (this.choices) this.post(FormChoices.create({ fields: this.choices }));
  }

  /** NetSuite's choices for the reference fields, for the values entered now; a newer request supersedes an older one. */
  private async refreshChoices(): Promise<void> {
    const asked = ++this.choicesAsked;
    const fields = await referenceChoices(this.form.account.client, this.form.model, this.form.values, this.form.id, this.deps.logger);
    if (asked !== this.choicesAsked) return;
    this.choices = fields;
    // Sent even when empty: the form then knows every field that will get choices has them. Every choice on a body
    // reference gets one answer (this, or the choices it had when reading failed), which is what e2e waits for.
    this.post(FormChoices.create({ fields }));
  }

  /** A chosen customer fills the fields NetSuite sources from it (subsidiary, currency…), then the choices follow. */
  private async afterChoice(path: string): Promise<void> {
    if (path === 'entity') {
      const since = this.form.values;
      const sourced = await sourcedFromEntity(this.form.account.client, this.form.model, since, this.form.baseline, this.form.id, this.deps.logger);
      this.form.applySourced(sourced, since);
    }
    await this.refreshChoices();
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
      switch (message.type) {
        case 'ready':
          this.showForm();
          await this.form.refreshScope();
          await this.refreshChoices().catch((error: unknown) => {
            this.deps.logger.warn('NetSuite\'s choices for the form could not be read', error);
            this.post(FormChoices.create({ fields: [] }));
          });
          return;
        case 'edit':
          this.form.edit({ action: message.action, path: message.path }, message.values);
          // A choice on the body (not typing, not a line) can change what NetSuite sources and offers.
          if (message.action === 'set' && !message.path.includes('.') && this.form.model.fields.some((field) => field.id === message.path && field.kind === 'reference')) {
            await this.form.refreshScope();
            await this.afterChoice(message.path).catch((error: unknown) => {
              this.deps.logger.warn('Sourcing from the choice, or the choices after it, could not be read', error);
              // The form keeps the choices it has; answering still tells it the choice was taken in (see refreshChoices).
              this.post(FormChoices.create({ fields: this.choices ?? [] }));
            });
          }
          return;
        case 'save':
          this.form.takeValues(message.values);
          // A transform's preview has nothing edited yet, and VS Code does not save an editor that is not dirty.
          if (this.form.transformFrom && !this.isDirty()) {
            await this.form.save().catch((error: unknown) => this.deps.logger.debug(`Record form not saved: ${describeError(error)}`));
            return;
          }
          // Through VS Code, like Ctrl+S, so the tab's dirty state follows the outcome; the form already shows errors.
          await Promise.resolve(vscode.workspace.save(this.form.uri)).catch((error: unknown) => this.deps.logger.debug(`Record form not saved: ${describeError(error)}`));
          return;
        case 'search':
          await this.form.refreshScope();
          await this.search(message.requestId, message.referenceType, message.text);
          return;
        case 'delete':
          await this.form.refreshScope();
          await this.delete();
          return;
        case 'transform':
          await this.form.refreshScope();
          await this.transform(message.targetType);
          return;
        default:
          unhandledMessage(message);
      }
    } catch (error) {
      this.deps.logger.error(`Record form ${message.type} failed`, error);
      this.showBusy(false);
      this.showErrors({ fields: [], general: [describeError(error)] });
    }
  }

  private isDirty(): boolean {
    return vscode.window.tabGroups.all
      .flatMap((group) => group.tabs)
      .some((tab) => tab.isDirty && tab.input instanceof vscode.TabInputCustom && tab.input.uri.toString() === this.form.uri.toString());
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
    await previewOrTransform(form.account.client, form.account.profile, { recordType: form.recordType, id, name: form.name }, targetType, {
      openPreview: (transform) => form.openOther({ accountId: form.accountId, recordType: targetType }, transform),
      openCreated: async (newId) => {
        await form.openOther({ accountId: form.accountId, recordType: targetType, id: newId });
        revealInTree(form.accountId, targetType, newId);
      },
      logger: this.deps.logger,
    });
  }
}

/**
 * "Create Invoice": the invoice NetSuite would create opens as a new, unsaved form (create-form on `!transform`),
 * created only when the person saves it. An account without the preview gets today's behaviour: the transform runs
 * after the confirmation and the created invoice opens.
 */
export async function previewOrTransform(
  client: NetSuiteClient,
  profile: AccountProfile,
  source: { recordType: string; id: string; name?: string },
  targetType: string,
  open: { openPreview(transform: TransformStart): Promise<unknown>; openCreated(id: string): Promise<unknown>; logger: Logger },
): Promise<void> {
  const preview = await transformPreview(client, source.recordType, source.id, targetType, open.logger);
  if (preview) {
    await open.openPreview({ sourceType: source.recordType, sourceId: source.id, sourceName: source.name, preview });
    return;
  }
  const { id } = await transformRecord(client, profile, source.recordType, source.id, targetType, source.name);
  if (id) await open.openCreated(id);
}

/** Shows the record in the NetSuite explorer (selected, its type expanded); a tree without it refreshes instead. */
export function revealInTree(accountId: string, recordType: string, id: string): void {
  void vscode.commands
    .executeCommand('suitelens.explorer.revealRecord', { accountId, recordType, id })
    .then(undefined, () => vscode.commands.executeCommand('suitelens.explorer.refresh'))
    .then(undefined, () => undefined);
}

/** `POST …/!transform/<target>` with a key kept across retries; undefined id when the user declined. */
async function transformRecord(
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
