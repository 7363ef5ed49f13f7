/**
 * One record form: a custom editor document (`suitelens-form:` resource, see formUri.ts) and its webview. It creates
 * a record or edits an existing one. The host owns every decision that touches NetSuite — validation against the
 * schema, the PATCH body of only the changed fields, the re-read that detects someone else's change, the production
 * confirmation, the idempotency key that makes "Save again" after a network failure safe — and the webview only
 * draws values and reports edits. Because it is a custom editor, VS Code itself keeps the undo stack (each edit is
 * a step, see model/formEdits.ts; dirty = not at the save point), marks the tab dirty, asks before a
 * dirty form closes (Save / Don't Save / Cancel), saves on Ctrl+S, and keeps the edits across a window reload
 * (hot-exit backups). A save that did not reach NetSuite rejects, so the form stays dirty with every edit.
 */
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { NetSuiteClient } from '../../netsuite/client';
import { isNetSuiteError } from '../../netsuite/errors';
import type { Logger } from '../../netsuite/log';
import type { NetSuiteRecord } from '../../netsuite/records';
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
import type { AccountRegistry } from '../accounts/accountRegistry';
import { serializeFormBackup, type FormBackup } from './formBackup';
import { formHtml } from './formHtml';
import { formScheme, formTitle, formUriParts, type FormResource } from './formUri';
import { placeErrors } from './model/fieldErrors';
import { applyStep, continuesStep, editLabel, type FormChange, type FormEditStep } from './model/formEdits';
import { buildFormModel, type FormModel } from './model/formModel';
import { validateWrite } from './model/formValidation';
import { createPlan, describeChanges, formValuesOf, notCleared, patchPlan, type FormValues, type WritePlan } from './model/formValues';
import { searchReferences } from './referenceSearch';
import { confirmDelete, confirmWrite, recordLabel } from './writeConfirmations';

/** The custom editor's view type (package.json `customEditors`). */
export const recordFormViewType = 'suitelens.recordForm';

/** Refusal to write on an account the user marked read-only; shown as it is, without a "could not" prefix. */
export class ReadOnlyAccountError extends Error {
  constructor(accountLabel: string, what: string) {
    super(`${accountLabel} is read-only: ${what}. Turn Read-only off in Account Options to change records.`);
    this.name = 'ReadOnlyAccountError';
  }
}

/** A save that did not reach NetSuite; VS Code shows "Failed to save '<tab>': <message>" and keeps the form dirty. */
export class FormNotSavedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FormNotSavedError';
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
  /** Gives VS Code one undo step of the form (the editor provider's `onDidChangeCustomDocument`). */
  edited(form: RecordFormPanel, step: UndoStep): void;
  /** The form has no unsaved edits any more (saved, reverted, closed): its backup is not needed. */
  settled(form: RecordFormPanel): void;
}

/** What VS Code needs of an undo step (`CustomDocumentEditEvent` without the document). */
export interface UndoStep {
  label: string;
  undo(): void;
  redo(): void;
}

export interface OpenOptions {
  /** Shown at the top of the form once it is drawn. */
  notice?: string;
  viewColumn?: vscode.ViewColumn;
}

/** `!transform` targets the form offers per source type (netsuite-wire.md §1.7). */
const transformTargets: Record<string, string[]> = { salesorder: ['invoice'] };
/** How long to wait for VS Code to close an editor after "Save" in its close prompt (it does so right away). */
const closeAfterSaveMs = 500;

const openForms = new Set<RecordFormPanel>();
/** Forms prepared by `open` and waiting for VS Code to ask for their document. */
const pendingForms = new Map<string, RecordFormPanel>();

interface LoadedRecord {
  recordId?: string;
  recordName?: string;
  original: FormValues;
  current: FormValues;
  createKey?: string;
}

interface AccountScope {
  profile: AccountProfile;
  client: NetSuiteClient;
}

export class RecordFormPanel implements vscode.CustomDocument {
  /** Absent only for a form restored from a backup while its account was not there (e.g. the demo, not started). */
  private scope: AccountScope | undefined;
  /** The record's values when the form last loaded it: what an edit is diffed against. */
  private original: FormValues;
  private current: FormValues;
  private recordId: string | undefined;
  private recordName: string | undefined;
  /** Kept for the life of one create submission: a retry after a network failure is the same request. */
  private createKey: string | undefined;
  /** The idempotency key of the last unconfirmed edit save, with the change it was for. */
  private editKey: { change: string; key: string } | undefined;
  private notice: string | undefined;
  private closingForGood = false;
  /** The step keystrokes still extend (see `continuesStep`); closed by a save, a revert, an undo or a redo. */
  private openStep: FormEditStep | undefined;
  private panel: vscode.WebviewPanel | undefined;
  private readonly attached: Promise<void>;
  private markAttached!: () => void;
  private readonly closed: Promise<void>;
  private markClosed!: () => void;

  /** Opens a form in an editor tab (edit when `target.id` is set); a read-only account refuses edit mode first. */
  static async open(deps: FormDeps, target: FormTarget, options: OpenOptions = {}): Promise<RecordFormPanel> {
    const form = await RecordFormPanel.prepare(deps, { ...target, formKey: randomUUID().slice(0, 8) });
    form.notice = options.notice;
    const key = form.uri.toString();
    pendingForms.set(key, form);
    try {
      await vscode.commands.executeCommand('vscode.openWith', form.uri, recordFormViewType, { viewColumn: options.viewColumn ?? vscode.ViewColumn.Active, preview: false });
    } finally {
      pendingForms.delete(key);
    }
    await form.attached;
    return form;
  }

  /** The form `open` prepared for this resource, if VS Code is asking for it now. */
  static takePending(uri: vscode.Uri): RecordFormPanel | undefined {
    const form = pendingForms.get(uri.toString());
    pendingForms.delete(uri.toString());
    return form;
  }

  /**
   * Everything before the editor shows: the read-only check, the form model, the record. With a backup (VS Code
   * restoring a form after a reload) the model and values come from it, so nothing lost needs NetSuite to come back.
   */
  static async prepare(deps: FormDeps, resource: FormResource, restore?: { uri: vscode.Uri; backup?: FormBackup }): Promise<RecordFormPanel> {
    const backup = restore?.backup;
    if (backup) {
      // Unsaved edits come back whatever the account's state; saving them waits for the account (and says so).
      const scope = await deps.registry.scope(resource.accountId).catch((error: unknown) => error as Error);
      const form = new RecordFormPanel(deps, resource, restore.uri, backup.model, scope instanceof Error ? undefined : scope, backup);
      const restored = `Restored your unsaved edits from ${new Date(backup.savedAt).toLocaleString()}.`;
      form.notice = scope instanceof Error ? `${restored} ${scope.message} Save once the account is back; the edits are kept until then.` : restored;
      return form;
    }
    const scope = await deps.registry.scope(resource.accountId);
    const { profile, client } = scope;
    if (profile.readOnly) {
      throw new ReadOnlyAccountError(profile.label, resource.id ? `${resource.recordType} ${resource.id} cannot be edited` : `no ${resource.recordType} can be created`);
    }
    const model = await buildFormModel(resource.recordType, await client.metadata.schema(resource.recordType), (name) => client.metadata.schema(name));
    const loaded = resource.id ? await loadRecord(client, resource.recordType, resource.id, model) : { original: {}, current: {} };
    const uri = restore?.uri ?? vscode.Uri.from({ scheme: formScheme, ...formUriParts(resource, formTitle(resource.recordType, loaded.recordId, loaded.recordName)) });
    return new RecordFormPanel(deps, resource, uri, model, scope, loaded);
  }

  /** Forms currently open in an editor (extension-host tests look at them). */
  static all(): readonly RecordFormPanel[] {
    return [...openForms];
  }

  private constructor(
    private readonly deps: FormDeps,
    private readonly target: FormTarget,
    readonly uri: vscode.Uri,
    private readonly model: FormModel,
    scope: AccountScope | undefined,
    loaded: LoadedRecord,
  ) {
    this.scope = scope;
    this.recordId = loaded.recordId;
    this.recordName = loaded.recordName;
    this.original = loaded.original;
    this.current = loaded.current;
    this.createKey = loaded.createKey;
    this.attached = new Promise((resolve) => (this.markAttached = resolve));
    this.closed = new Promise((resolve) => (this.markClosed = resolve));
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

  /** The values a save would send now (extension-host tests read them). */
  get values(): FormValues {
    return this.current;
  }

  /**
   * An edit the webview reported (extension-host tests stand in for the webview here): a new undo step for VS Code,
   * or, for more keystrokes in the field being typed, the open step grown. VS Code marks the tab dirty on a new step
   * and clean again when undo comes back to the save point.
   */
  edit(change: FormChange, values: FormValues): void {
    const at = Date.now();
    if (continuesStep(this.openStep, change, at)) {
      this.openStep!.after = values;
      this.openStep!.lastAt = at;
      this.current = values;
      return;
    }
    const step: FormEditStep = { label: editLabel(this.model, change), change, before: this.current, after: values, lastAt: at };
    this.current = values;
    this.openStep = step;
    this.deps.edited(this, {
      label: step.label,
      undo: () => this.showValues(applyStep(this.current, step.after, step.before)),
      redo: () => this.showValues(applyStep(this.current, step.before, step.after)),
    });
  }

  /** Undo/redo: the host's values and the webview's controls, updated in place (no redraw, focus stays). */
  private showValues(values: FormValues): void {
    this.openStep = undefined;
    this.current = values;
    this.post(FormValuesSet.create({ values }));
  }

  /** Shows this form in the editor VS Code made for it. */
  attach(panel: vscode.WebviewPanel): void {
    const mediaRoot = vscode.Uri.joinPath(this.deps.extensionUri, 'dist', 'media');
    this.panel = panel;
    panel.webview.options = { enableScripts: true, localResourceRoots: [mediaRoot] };
    panel.webview.html = formHtml(panel.webview, {
      script: panel.webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'form.js')),
      codicons: panel.webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'codicon.css')),
      title: this.title(),
    });
    panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message));
    panel.onDidDispose(() => {
      openForms.delete(this);
      this.markClosed();
    });
    openForms.add(this);
    this.markAttached();
  }

  /** Closes the form's tab for good, without VS Code's save prompt (the record was deleted, or a test is done). */
  async close(): Promise<void> {
    this.closingForGood = true;
    this.deps.settled(this);
    await this.closeTab();
  }

  /**
   * VS Code's end of the document: its editor closed, or the window is going away. Nothing to close here — at a
   * window reload the tab must stay dirty so VS Code restores it from its backup.
   */
  dispose(): void {
    openForms.delete(this);
  }

  /**
   * Ctrl+S, the form's own Save button and "Save" in VS Code's close prompt all come here. Resolves once NetSuite
   * has the change; rejects when nothing was saved (invalid field, NetSuite's error, the user said no), so VS Code
   * keeps the form dirty with every edit. A cancellation rejects with `CancellationError`, which VS Code shows no
   * error for.
   */
  async save(): Promise<void> {
    // Whatever the outcome, keystrokes after this are a new step: VS Code may put its save point here.
    this.openStep = undefined;
    const { profile } = await this.refreshScope().catch((error: unknown) => {
      const text = `${errorText(error)} Nothing was sent; your edits are kept.`;
      this.post(FormErrors.create({ fields: [], general: [text] }));
      throw new FormNotSavedError(text);
    });
    const values = this.current;
    if (profile.readOnly) {
      const text = `${profile.label} is now read-only in SuiteLens; nothing was sent. Your edits are kept.`;
      this.post(FormErrors.create({ fields: [], general: [text] }));
      throw new FormNotSavedError(text);
    }
    const plan = this.recordId ? patchPlan(this.original, values, this.model) : createPlan(values, this.model);
    const invalid = validateWrite(this.model, plan.body);
    if (invalid.length > 0) {
      this.post(FormErrors.create({ fields: invalid, general: ['Some fields are not valid; nothing was sent to NetSuite.'] }));
      throw new FormNotSavedError(`${invalid.map((error) => `${error.path}: ${error.message}`).join('; ')}. Nothing was sent to NetSuite.`);
    }
    if (this.recordId && Object.keys(plan.body).length === 0) {
      this.post(FormErrors.create({ fields: [], general: ['Nothing changed, so nothing was sent.'] }));
      this.deps.settled(this);
      return;
    }
    this.post(FormBusy.create({ busy: true, label: 'Saving…' }));
    try {
      if (this.recordId) await this.saveEdit();
      else await this.saveCreate(plan);
      this.deps.settled(this);
    } catch (error) {
      this.post(FormBusy.create({ busy: false }));
      if (error instanceof vscode.CancellationError) throw error;
      const placed = isNetSuiteError(error)
        ? placeErrors(error.details, this.model, `${error.message}. ${error.advice}`)
        : { fields: [], general: [errorText(error)] };
      // NetSuite's own details come without our advice sentence; the fallback text already carries it.
      if (isNetSuiteError(error) && error.details.length > 0 && placed.general.length > 0) placed.general.push(error.advice);
      this.post(FormErrors.create(placed));
      throw new FormNotSavedError(error instanceof SaveMayHaveApplied ? error.message : `${errorText(error)} Your edits are kept.`);
    }
  }

  /** "Revert File" and "Don't Save": the record as NetSuite has it now (a new record: an empty form). */
  async revert(): Promise<void> {
    this.openStep = undefined;
    this.deps.settled(this);
    if (this.closingForGood) return;
    const { client } = await this.refreshScope();
    if (this.recordId) {
      this.apply(await loadRecord(client, this.target.recordType, this.recordId, this.model));
      this.notice = 'Reverted to the record as it is now in NetSuite.';
    } else {
      this.apply({ original: {}, current: {} });
      this.notice = 'Reverted to an empty form.';
    }
    this.sendForm();
  }

  /** A hot-exit backup of the edits, written where VS Code says; its id is where it was written. */
  async backup(destination: vscode.Uri): Promise<vscode.CustomDocumentBackup> {
    const backup: FormBackup = {
      version: 1,
      model: this.model,
      recordId: this.recordId,
      recordName: this.recordName,
      original: this.original,
      current: this.current,
      createKey: this.createKey,
      savedAt: Date.now(),
    };
    await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode(serializeFormBackup(backup)));
    return {
      id: destination.toString(),
      delete: () => void Promise.resolve(vscode.workspace.fs.delete(destination)).catch(() => undefined),
    };
  }

  private apply(loaded: LoadedRecord): void {
    this.recordId = loaded.recordId;
    this.recordName = loaded.recordName;
    this.original = loaded.original;
    this.current = loaded.current;
  }

  private title(): string {
    return formTitle(this.target.recordType, this.recordId, this.recordName);
  }

  private post(message: HostToForm): void {
    void this.panel?.webview.postMessage(message);
  }

  private sendForm(): void {
    const accountLabel = this.scope?.profile.label ?? this.target.accountId;
    this.post(
      FormInit.create({
        model: this.model,
        values: this.current,
        mode: this.mode,
        heading: this.recordId ? `${recordLabel(this.target.recordType, this.recordId, this.recordName)} · ${accountLabel}` : `New ${this.target.recordType} · ${accountLabel}`,
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
      if (FormReady.is(message)) this.sendForm();
      else if (FormEdited.is(message)) this.edit({ action: message.action, path: message.path }, message.values);
      else if (SaveRequest.is(message)) {
        this.current = message.values;
        // Through VS Code, like Ctrl+S, so the tab's dirty state follows the outcome; the form already shows errors.
        await Promise.resolve(vscode.workspace.save(this.uri)).catch((error: unknown) => this.deps.logger.debug(`Record form not saved: ${errorText(error)}`));
      } else {
        // The account's client is replaced when its options or sign-in change: take the current one every time.
        await this.refreshScope();
        if (SearchRequest.is(message)) await this.search(message.requestId, message.referenceType, message.text);
        else if (DeleteRequest.is(message)) await this.delete();
        else if (TransformRequest.is(message)) await this.transform(message.targetType);
      }
    } catch (error) {
      this.deps.logger.error(`Record form ${message.type} failed`, error);
      this.post(FormBusy.create({ busy: false }));
      this.post(FormErrors.create({ fields: [], general: [errorText(error)] }));
    }
  }

  private async refreshScope(): Promise<AccountScope> {
    const { profile, client } = await this.deps.registry.scope(this.target.accountId);
    this.scope = { profile, client };
    return this.scope;
  }

  /** The account as the last action found it (every action refreshes it first). */
  private get account(): AccountScope {
    if (!this.scope) throw new Error(`SuiteLens has no account ${this.target.accountId} right now.`);
    return this.scope;
  }

  private async search(requestId: string, referenceType: string, text: string): Promise<void> {
    try {
      const candidates = await searchReferences(this.account.client, referenceType, text);
      this.post(SearchResults.create({ requestId, candidates }));
    } catch (error) {
      this.post(SearchResults.create({ requestId, candidates: [], error: errorText(error) }));
    }
  }

  private async saveCreate(plan: WritePlan): Promise<void> {
    if (!(await confirmWrite(this.account.profile, `Create this ${this.target.recordType}`, describeChanges(plan, {}, this.model, this.current)))) {
      throw new vscode.CancellationError();
    }
    this.createKey ??= randomUUID();
    const { id } = await this.account.client.records.create(this.target.recordType, plan.body, { idempotencyKey: this.createKey, replace: plan.replace });
    this.createKey = undefined;
    this.apply(await loadRecord(this.account.client, this.target.recordType, id, this.model));
    const notice = `Created ${this.target.recordType} ${id}. This form now edits it.`;
    this.notice = notice;
    this.sendForm();
    revealInTree(this.target.accountId, this.target.recordType, id);
    void this.becomeEditFormOf(id, notice).catch((error: unknown) => this.deps.logger.warn('Opening the created record in its own form failed', error));
  }

  /**
   * The tab of a new record is named "New customer" and its resource cannot change, so after the create the form
   * reopens as the new record's own form (tab `customer 123 Acme`) in the same place, and this one closes. Not when
   * the save came from VS Code's close prompt: VS Code closes this editor right after the save, and then nothing
   * reopens.
   */
  private async becomeEditFormOf(id: string, notice: string): Promise<void> {
    const closedMeanwhile = await Promise.race([this.closed.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), closeAfterSaveMs))]);
    if (closedMeanwhile) return;
    await RecordFormPanel.open(this.deps, { accountId: this.target.accountId, recordType: this.target.recordType, id }, { notice, viewColumn: this.panel?.viewColumn });
    this.closingForGood = true;
    await this.closeTab();
  }

  /**
   * Re-reads the record first: a change made elsewhere since the form opened is shown, and Overwrite sends only this
   * form's changes against the record as it is now (changed body fields, changed lines by line id, removed lines by
   * keeping every other line NetSuite has), so someone else's new line survives. The prompt lists exactly that.
   */
  private async saveEdit(): Promise<void> {
    const id = this.recordId!;
    const latest = formValuesOf(await this.account.client.records.get(this.target.recordType, id, { expandSubResources: true }), this.model);
    const theirs = patchPlan(this.original, latest, this.model);
    const plan = patchPlan(this.original, this.current, this.model, latest);
    const sent = describeChanges(plan, this.original, this.model, this.current).map((c) => `${c.field}: ${c.before} → ${c.after}`);
    if (Object.keys(theirs.body).length > 0) {
      const changes = describeChanges(theirs, this.original, this.model, latest).map((c) => `${c.field}: ${c.before} → ${c.after}`);
      const choice = await vscode.window.showWarningMessage(
        `${recordLabel(this.target.recordType, id, this.recordName)} was changed in NetSuite since this form opened.`,
        {
          modal: true,
          detail: `Changed there:\n${changes.join('\n')}\n\nOverwrite sends only your changes, and keeps everything else as it is in NetSuite now:\n${sent.join('\n')}\n\nReload discards your edits.`,
        },
        'Overwrite',
        'Reload',
        'Keep Editing',
      );
      if (choice === 'Reload') {
        this.apply(await loadRecord(this.account.client, this.target.recordType, id, this.model));
        this.notice = 'Reloaded the record as it is now in NetSuite.';
        this.sendForm();
        return;
      }
      if (choice !== 'Overwrite') throw new vscode.CancellationError();
    }
    if (!(await confirmWrite(this.account.profile, `Update ${recordLabel(this.target.recordType, id, this.recordName)}`, describeChanges(plan, this.original, this.model, this.current)))) {
      throw new vscode.CancellationError();
    }
    // A Save repeated after a lost answer sends the same change under the same key: NetSuite recognises it rather
    // than adding its lines twice. A different change gets a new key.
    const change = JSON.stringify([plan.body, plan.replace]);
    if (this.editKey?.change !== change) this.editKey = { change, key: randomUUID() };
    try {
      await this.account.client.records.patch(this.target.recordType, id, plan.body, { replace: plan.replace, idempotencyKey: this.editKey.key });
    } catch (error) {
      throw await this.afterLostAnswer(error, id, latest);
    }
    this.editKey = undefined;
    const reloaded = await loadRecord(this.account.client, this.target.recordType, id, this.model);
    this.apply(reloaded);
    const kept = notCleared(plan, reloaded.current, this.model);
    const keptNote = kept.length > 0 ? ` NetSuite did not clear ${kept.join(', ')}: it fills ${kept.length === 1 ? 'that field' : 'those fields'} itself, so the value it kept is shown.` : '';
    this.notice = `Saved: ${Object.keys(plan.body).join(', ')}.${keptNote}`;
    this.sendForm();
  }

  /**
   * A save whose answer was lost (the connection failed, or its job could not be followed) may have been applied. The
   * record is read again: if it changed since just before the save, the form shows it as NetSuite has it and says the
   * change may have been applied; otherwise the edits stay and the message says NetSuite does not have them.
   */
  private async afterLostAnswer(error: unknown, id: string, before: FormValues): Promise<unknown> {
    const unclear = isNetSuiteError(error) && (error.kind === 'network' || (error.kind === 'server' && error.status === undefined));
    if (!unclear) return error;
    const now = await loadRecord(this.account.client, this.target.recordType, id, this.model).catch(() => undefined);
    if (!now) return new Error(`${errorText(error)} The change may have been applied: reload the record to see before saving again.`);
    if (JSON.stringify(now.original) === JSON.stringify(before)) {
      return new Error(`${errorText(error)} NetSuite does not have the change (the record is as it was), so your edits are kept: Save again.`);
    }
    this.editKey = undefined;
    this.apply(now);
    this.notice = 'The answer to the save was lost and the record has changed in NetSuite since, so the change may have been applied. The form shows the record as NetSuite has it now: check it before saving again.';
    this.sendForm();
    return new SaveMayHaveApplied(this.notice);
  }

  private async delete(): Promise<void> {
    const id = this.recordId;
    if (!id) return;
    if (!(await confirmDelete(this.account.profile, this.target.recordType, id, this.recordName))) return;
    await this.account.client.records.delete(this.target.recordType, id);
    void vscode.window.showInformationMessage(`Deleted ${recordLabel(this.target.recordType, id, this.recordName)}.`);
    await this.close();
    void vscode.commands.executeCommand('suitelens.explorer.refresh').then(undefined, () => undefined);
  }

  private async transform(targetType: string): Promise<void> {
    const id = this.recordId;
    if (!id || !(transformTargets[this.target.recordType.toLowerCase()] ?? []).includes(targetType)) return;
    const { id: newId } = await transformRecord(this.account.client, this.account.profile, this.target.recordType, id, targetType, this.recordName);
    if (!newId) return;
    await RecordFormPanel.open(this.deps, { accountId: this.target.accountId, recordType: targetType, id: newId });
    revealInTree(this.target.accountId, targetType, newId);
  }

  /** Closes this form's tab without the save prompt: a dirty form is reverted first (revert does nothing now). */
  private async closeTab(): Promise<void> {
    const tab = vscode.window.tabGroups.all
      .flatMap((group) => group.tabs)
      .find((candidate) => candidate.input instanceof vscode.TabInputCustom && candidate.input.uri.toString() === this.uri.toString());
    if (!tab) return;
    if (!tab.isDirty) {
      await vscode.window.tabGroups.close(tab);
      return;
    }
    await vscode.commands.executeCommand('vscode.openWith', this.uri, recordFormViewType, { viewColumn: tab.group.viewColumn, preview: false });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}

/** Shows the record in the NetSuite explorer (selected, its type expanded); a tree without it refreshes instead. */
export function revealInTree(accountId: string, recordType: string, id: string): void {
  void vscode.commands
    .executeCommand('suitelens.explorer.revealRecord', { accountId, recordType, id })
    .then(undefined, () => vscode.commands.executeCommand('suitelens.explorer.refresh'))
    .then(undefined, () => undefined);
}

async function loadRecord(client: NetSuiteClient, recordType: string, id: string, model: FormModel): Promise<LoadedRecord> {
  const record = await client.records.get(recordType, id, { expandSubResources: true });
  const values = formValuesOf(record, model);
  return { recordId: id, recordName: nameOf(record), original: values, current: values };
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

/** A save whose answer was lost while NetSuite's record changed: the form now shows NetSuite's record, not the edits. */
class SaveMayHaveApplied extends Error {}

function errorText(error: unknown): string {
  if (isNetSuiteError(error)) return `${error.message}. ${error.advice}`;
  return error instanceof Error ? error.message : String(error);
}
