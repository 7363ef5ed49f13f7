/**
 * One record form: a webview panel that creates a record or edits an existing one. The host owns every decision
 * that touches NetSuite — validation against the schema, the PATCH body of only the changed fields, the re-read that
 * detects someone else's change, the production confirmation, the idempotency key that makes "Save again" after a
 * network failure safe — and the webview only draws values and reports edits. A failed save never clears the form.
 */
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { NetSuiteClient } from '../../netsuite/client';
import { isNetSuiteError } from '../../netsuite/errors';
import type { Logger } from '../../netsuite/log';
import type { NetSuiteRecord } from '../../netsuite/records';
import {
  DeleteRequest,
  DirtyChanged,
  FormBusy,
  FormErrors,
  FormInit,
  FormReady,
  isFormToHost,
  SaveRequest,
  SearchRequest,
  SearchResults,
  TransformRequest,
  type HostToForm,
} from '../../protocol/formMessages';
import type { AccountProfile } from '../accounts/accountProfile';
import type { AccountRegistry } from '../accounts/accountRegistry';
import { formHtml } from './formHtml';
import { placeErrors } from './model/fieldErrors';
import { buildFormModel, type FormModel } from './model/formModel';
import { validateWrite } from './model/formValidation';
import { createPlan, describeChanges, formValuesOf, patchPlan, type FormValues, type WritePlan } from './model/formValues';
import { searchReferences } from './referenceSearch';
import { confirmDelete, confirmWrite, recordLabel } from './writeConfirmations';

/** Refusal to write on an account the user marked read-only; shown as it is, without a "could not" prefix. */
export class ReadOnlyAccountError extends Error {
  constructor(accountLabel: string, what: string) {
    super(`${accountLabel} is read-only: ${what}. Turn Read-only off in Account Options to change records.`);
    this.name = 'ReadOnlyAccountError';
  }
}

export interface FormTarget {
  accountId: string;
  recordType: string;
  /** Absent for a new record. */
  id?: string;
}

export interface FormDeps {
  registry: AccountRegistry<NetSuiteClient>;
  extensionUri: vscode.Uri;
  logger: Logger;
}

/** `!transform` targets the form offers per source type (netsuite-wire.md §1.7). */
const transformTargets: Record<string, string[]> = { salesorder: ['invoice'] };

const openForms = new Set<RecordFormPanel>();

export class RecordFormPanel {
  private model!: FormModel;
  private client!: NetSuiteClient;
  private profile!: AccountProfile;
  /** The record's values when the form last loaded it: what an edit is diffed against. */
  private original: FormValues = {};
  private current: FormValues = {};
  private dirty = false;
  private recordId: string | undefined;
  private recordName: string | undefined;
  /** Kept for the life of one create submission: a retry after a network failure is the same request. */
  private createKey: string | undefined;
  private notice: string | undefined;
  private closingForGood = false;
  private readonly panel: vscode.WebviewPanel;

  /** Opens a form (edit when `target.id` is set); a read-only account refuses edit mode before anything opens. */
  static async open(deps: FormDeps, target: FormTarget, initialValues?: FormValues): Promise<RecordFormPanel> {
    const { profile, client } = await deps.registry.scope(target.accountId);
    if (profile.readOnly) {
      throw new ReadOnlyAccountError(profile.label, target.id ? `${target.recordType} ${target.id} cannot be edited` : `no ${target.recordType} can be created`);
    }
    const model = await buildFormModel(target.recordType, await client.metadata.schema(target.recordType), (name) => client.metadata.schema(name));
    const form = new RecordFormPanel(deps, target);
    form.model = model;
    form.client = client;
    form.profile = profile;
    form.recordId = target.id;
    if (target.id) await form.loadRecord(target.id);
    if (initialValues) {
      form.current = initialValues;
      form.dirty = true;
    }
    return form;
  }

  /** Forms currently open (extension-host tests look at them). */
  static all(): readonly RecordFormPanel[] {
    return [...openForms];
  }

  private constructor(private readonly deps: FormDeps, private readonly target: FormTarget) {
    const mediaRoot = vscode.Uri.joinPath(deps.extensionUri, 'dist', 'media');
    this.panel = vscode.window.createWebviewPanel('suitelens.recordForm', this.title(), vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [mediaRoot],
    });
    this.panel.webview.html = formHtml(this.panel.webview, this.panel.webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'form.js')), this.title());
    this.panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message));
    this.panel.onDidDispose(() => void this.closed());
    openForms.add(this);
  }

  get mode(): 'create' | 'edit' {
    return this.recordId ? 'edit' : 'create';
  }

  get id(): string | undefined {
    return this.recordId;
  }

  get recordType(): string {
    return this.target.recordType;
  }

  dispose(): void {
    this.closingForGood = true;
    this.panel.dispose();
  }

  private title(): string {
    return this.recordId ? `${this.target.recordType} ${this.recordName ?? this.recordId}` : `New ${this.target.recordType}`;
  }

  private async loadRecord(id: string): Promise<void> {
    const record = await this.client.records.get(this.target.recordType, id, { expandSubResources: true });
    this.recordId = id;
    this.recordName = nameOf(record);
    this.original = formValuesOf(record, this.model);
    this.current = this.original;
    this.dirty = false;
  }

  private post(message: HostToForm): void {
    void this.panel.webview.postMessage(message);
  }

  private sendForm(): void {
    this.panel.title = this.title();
    this.post(
      FormInit.create({
        model: this.model,
        values: this.current,
        mode: this.mode,
        heading: this.recordId ? `${recordLabel(this.target.recordType, this.recordId, this.recordName)} · ${this.profile.label}` : `New ${this.target.recordType} · ${this.profile.label}`,
        recordId: this.recordId,
        readOnly: false,
        transforms: this.recordId ? (transformTargets[this.target.recordType.toLowerCase()] ?? []) : [],
        notice: this.notice,
      }),
    );
    this.notice = undefined;
  }

  private async receive(message: unknown): Promise<void> {
    if (!isFormToHost(message)) {
      this.deps.logger.warn('Record form sent a message SuiteLens does not accept; ignored');
      return;
    }
    try {
      // The account's client is replaced when its options or sign-in change: take the current one every time.
      if (!DirtyChanged.is(message)) await this.refreshScope();
      if (FormReady.is(message)) this.sendForm();
      else if (DirtyChanged.is(message)) {
        this.dirty = message.dirty;
        this.current = message.values;
      } else if (SaveRequest.is(message)) await this.save(message.values);
      else if (SearchRequest.is(message)) await this.search(message.requestId, message.referenceType, message.text);
      else if (DeleteRequest.is(message)) await this.delete();
      else if (TransformRequest.is(message)) await this.transform(message.targetType);
    } catch (error) {
      this.deps.logger.error(`Record form ${message.type} failed`, error);
      this.post(FormBusy.create({ busy: false }));
      this.post(FormErrors.create({ fields: [], general: [errorText(error)] }));
    }
  }

  private async refreshScope(): Promise<void> {
    const { profile, client } = await this.deps.registry.scope(this.target.accountId);
    this.profile = profile;
    this.client = client;
  }

  private async search(requestId: string, referenceType: string, text: string): Promise<void> {
    try {
      const candidates = await searchReferences(this.client, referenceType, text);
      this.post(SearchResults.create({ requestId, candidates }));
    } catch (error) {
      this.post(SearchResults.create({ requestId, candidates: [], error: errorText(error) }));
    }
  }

  private async save(values: FormValues): Promise<void> {
    this.current = values;
    if (this.profile.readOnly) {
      this.post(FormErrors.create({ fields: [], general: [`${this.profile.label} is now read-only in SuiteLens; nothing was sent. Your edits are kept.`] }));
      return;
    }
    const plan = this.recordId ? patchPlan(this.original, values, this.model) : createPlan(values, this.model);
    const invalid = validateWrite(this.model, plan.body);
    if (invalid.length > 0) {
      this.post(FormErrors.create({ fields: invalid, general: ['Some fields are not valid; nothing was sent to NetSuite.'] }));
      return;
    }
    if (this.recordId && Object.keys(plan.body).length === 0) {
      this.post(FormErrors.create({ fields: [], general: ['Nothing changed, so nothing was sent.'] }));
      return;
    }
    this.post(FormBusy.create({ busy: true, label: 'Saving…' }));
    try {
      if (this.recordId) await this.saveEdit(plan);
      else await this.saveCreate(plan);
    } catch (error) {
      this.post(FormBusy.create({ busy: false }));
      const placed = isNetSuiteError(error)
        ? placeErrors(error.details, this.model, `${error.message}. ${error.advice}`)
        : { fields: [], general: [errorText(error)] };
      // NetSuite's own details come without our advice sentence; the fallback text already carries it.
      if (isNetSuiteError(error) && error.details.length > 0 && placed.general.length > 0) placed.general.push(error.advice);
      this.post(FormErrors.create(placed));
    }
  }

  private async saveCreate(plan: WritePlan): Promise<void> {
    if (!(await confirmWrite(this.profile, `Create this ${this.target.recordType}`, describeChanges(plan, {}, this.model, this.current)))) {
      this.post(FormBusy.create({ busy: false }));
      return;
    }
    this.createKey ??= randomUUID();
    const { id } = await this.client.records.create(this.target.recordType, plan.body, { idempotencyKey: this.createKey, replace: plan.replace });
    this.createKey = undefined;
    await this.loadRecord(id);
    this.notice = `Created ${this.target.recordType} ${id}. This form now edits it.`;
    this.sendForm();
    void vscode.commands.executeCommand('suitelens.explorer.refresh').then(undefined, () => undefined);
  }

  private async saveEdit(plan: WritePlan): Promise<void> {
    const id = this.recordId!;
    const latest = formValuesOf(await this.client.records.get(this.target.recordType, id, { expandSubResources: true }), this.model);
    const theirs = patchPlan(this.original, latest, this.model);
    if (Object.keys(theirs.body).length > 0) {
      const changes = describeChanges(theirs, this.original, this.model, latest).map((c) => `${c.field}: ${c.before} → ${c.after}`);
      const choice = await vscode.window.showWarningMessage(
        `${recordLabel(this.target.recordType, id, this.recordName)} was changed in NetSuite since this form opened.`,
        { modal: true, detail: `Changed there:\n${changes.join('\n')}\n\nOverwrite sends only your changes; Reload discards your edits.` },
        'Overwrite',
        'Reload',
        'Keep Editing',
      );
      if (choice === 'Reload') {
        await this.loadRecord(id);
        this.notice = 'Reloaded the record as it is now in NetSuite.';
        this.sendForm();
        return;
      }
      if (choice !== 'Overwrite') {
        this.post(FormBusy.create({ busy: false }));
        return;
      }
    }
    if (!(await confirmWrite(this.profile, `Update ${recordLabel(this.target.recordType, id, this.recordName)}`, describeChanges(plan, this.original, this.model, this.current)))) {
      this.post(FormBusy.create({ busy: false }));
      return;
    }
    await this.client.records.patch(this.target.recordType, id, plan.body, { replace: plan.replace });
    await this.loadRecord(id);
    this.notice = `Saved: ${Object.keys(plan.body).join(', ')}.`;
    this.sendForm();
  }

  private async delete(): Promise<void> {
    const id = this.recordId;
    if (!id) return;
    if (!(await confirmDelete(this.profile, this.target.recordType, id, this.recordName))) return;
    await this.client.records.delete(this.target.recordType, id);
    void vscode.window.showInformationMessage(`Deleted ${recordLabel(this.target.recordType, id, this.recordName)}.`);
    this.dispose();
    void vscode.commands.executeCommand('suitelens.explorer.refresh').then(undefined, () => undefined);
  }

  private async transform(targetType: string): Promise<void> {
    const id = this.recordId;
    if (!id || !(transformTargets[this.target.recordType.toLowerCase()] ?? []).includes(targetType)) return;
    const { id: newId } = await transformRecord(this.client, this.profile, this.target.recordType, id, targetType, this.recordName);
    if (!newId) return;
    await RecordFormPanel.open(this.deps, { accountId: this.target.accountId, recordType: targetType, id: newId });
  }

  /** A closed form with unsaved edits offers to come back with them (a webview cannot veto its own closing). */
  private async closed(): Promise<void> {
    openForms.delete(this);
    if (!this.dirty || this.closingForGood) return;
    const choice = await vscode.window.showWarningMessage(
      `The ${this.title()} form was closed with unsaved changes.`,
      { modal: true, detail: 'Reopen it with your edits, or discard them.' },
      'Reopen with My Edits',
      'Discard',
    );
    if (choice === 'Reopen with My Edits') {
      const form = await RecordFormPanel.open(this.deps, this.target, this.current);
      form.original = this.original;
    }
  }
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

function nameOf(record: NetSuiteRecord): string | undefined {
  for (const key of ['entityId', 'tranId', 'itemId', 'name', 'companyName']) {
    if (typeof record[key] === 'string' && record[key]) return record[key];
  }
  return undefined;
}

function errorText(error: unknown): string {
  if (isNetSuiteError(error)) return `${error.message}. ${error.advice}`;
  return error instanceof Error ? error.message : String(error);
}
