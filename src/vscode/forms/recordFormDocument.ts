/**
 * One record form as VS Code's custom-editor document (`suitelens-form:` resource, see formUri.ts): the values it
 * edits, its undo steps, its backups, and the lifetime of its tab. It creates a record or edits an existing one.
 * Because it is a custom editor, VS Code itself keeps the undo stack (each edit is a step, see model/formEdits.ts;
 * dirty = not at the save point), marks the tab dirty, asks before a dirty form closes (Save / Don't Save / Cancel),
 * saves on Ctrl+S, and keeps the edits across a window reload (hot-exit backups). The save itself is the workflow in
 * saveRecordForm.ts; the webview is drawn and heard by recordFormWebview.ts. A save that did not reach NetSuite
 * rejects, so the form stays dirty with every edit.
 */
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { NetSuiteClient } from '../../netsuite/client';
import { describeError } from '../../netsuite/describeError';
import type { Logger } from '../../netsuite/log';
import { recordTitle, recordTypeLabel } from '../../netsuite/recordTypeLabels';
import type { AccountProfile } from '../../app/accounts/accountProfile';
import type { AccountRegistry } from '../accounts/accountRegistry';
import { serializeFormBackup, type FormBackup, type TransformSource } from '../../app/forms/formBackup';
import { formScheme, formTitle, formUriParts, type FormResource } from '../../app/forms/formUri';
import { applyStep, continuesStep, editLabel, type FormChange, type FormEditStep } from '../../app/forms/model/formEdits';
import { buildFormModel, type FormModel } from '../../app/forms/model/formModel';
import { formValuesOf, type FormValues } from '../../app/forms/model/formValues';
import { sameValue } from '../../protocol/formModel';
import type { NetSuiteRecord } from '../../netsuite/records';
import { createDefaults } from '../../app/forms/formAssist';
import { withItemNames } from '../../app/forms/itemNames';
import { RecordFormWebview, revealInTree } from './recordFormWebview';
import { recordLabel } from '../../app/forms/recordNames';
import { loadRecord, saveRecordForm, type LoadedRecord, type SaveKeys } from '../../app/forms/saveRecordForm';
import { saveDialogs } from './writeConfirmations';

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
  edited(form: RecordFormDocument, step: UndoStep): void;
  /** The form has no unsaved edits any more (saved, reverted, closed): its backup is not needed. */
  settled(form: RecordFormDocument): void;
}

/** What VS Code needs of an undo step (`CustomDocumentEditEvent` without the document). */
export interface UndoStep {
  label: string;
  undo(): void;
  redo(): void;
}

/** A record started from another, as NetSuite would create it (an invoice from a sales order), not yet saved. */
export interface TransformStart extends TransformSource {
  /** NetSuite's prefilled target (create-form on `!transform`). */
  preview: NetSuiteRecord;
}

export interface OpenOptions {
  /** Shown at the top of the form once it is drawn. */
  notice?: string;
  /** Opens a new record prefilled from a transform preview; saving it runs the transform. */
  transform?: TransformStart;
  viewColumn?: vscode.ViewColumn;
}

/** The account a form writes to, as the last action found it. */
export interface FormAccount {
  profile: AccountProfile;
  client: NetSuiteClient;
}

/** What a transform's preview says at its top: nothing is saved until the person creates it. */
export function previewNotice(transform: TransformStart, targetType: string): string {
  return `This is the ${targetType} NetSuite would create from ${recordLabel(transform.sourceType, transform.sourceId, transform.sourceName)}. Nothing is saved until you press Create.`;
}

/** How long to wait for VS Code to close an editor after "Save" in its close prompt (it does so right away). */
const closeAfterSaveMs = 500;

const openForms = new Set<RecordFormDocument>();
/** Forms prepared by `open` and waiting for VS Code to ask for their document. */
const pendingForms = new Map<string, RecordFormDocument>();

export class RecordFormDocument implements vscode.CustomDocument {
  /** Absent only for a form restored from a backup while its account was not there (e.g. the demo, not started). */
  private scope: FormAccount | undefined;
  /** The record's values when the form last loaded it: what an edit is diffed against. */
  private original: FormValues;
  private current: FormValues;
  private recordId: string | undefined;
  private recordName: string | undefined;
  /** The create's and the last unconfirmed edit's idempotency keys, kept across save attempts. */
  private readonly keys: SaveKeys;
  private notice: string | undefined;
  /** A new record's values as NetSuite started it (defaults or transform preview): what Revert returns to, and what sourcing compares with. */
  private start: FormValues = {};
  /** Set while this form shows a transform's preview: its save runs the transform. */
  transformFrom: TransformSource | undefined;
  private closingForGood = false;
  /** The step keystrokes still extend (see `continuesStep`); closed by a save, a revert, an undo or a redo. */
  private openStep: FormEditStep | undefined;
  private view: RecordFormWebview | undefined;
  private readonly attached: Promise<void>;
  private markAttached!: () => void;
  private readonly closed: Promise<void>;
  private markClosed!: () => void;

  /** Opens a form in an editor tab (edit when `target.id` is set); a read-only account refuses edit mode first. */
  static async open(deps: FormDeps, target: FormTarget, options: OpenOptions = {}): Promise<RecordFormDocument> {
    const form = await RecordFormDocument.prepare(deps, { ...target, formKey: randomUUID().slice(0, 8) }, undefined, options.transform);
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
  static takePending(uri: vscode.Uri): RecordFormDocument | undefined {
    const form = pendingForms.get(uri.toString());
    pendingForms.delete(uri.toString());
    return form;
  }

  /**
   * Everything before the editor shows: the read-only check, the form model, the record. With a backup (VS Code
   * restoring a form after a reload) the model and values come from it, so nothing lost needs NetSuite to come back.
   */
  static async prepare(deps: FormDeps, resource: FormResource, restore?: { uri: vscode.Uri; backup?: FormBackup }, transform?: TransformStart): Promise<RecordFormDocument> {
    const backup = restore?.backup;
    if (backup) {
      // Unsaved edits come back whatever the account's state; saving them waits for the account (and says so).
      const scope = await deps.registry.scope(resource.accountId).catch((error: unknown) => error as Error);
      const form = new RecordFormDocument(deps, resource, restore.uri, backup.model, scope instanceof Error ? undefined : scope, backup);
      // A restored preview still saves as the transform (the invoice linked to its order), and reverts to the preview.
      form.start = backup.start ?? {};
      form.transformFrom = backup.transformFrom;
      const restored = `Restored your unsaved edits from ${new Date(backup.savedAt).toLocaleString()}.`;
      form.notice = scope instanceof Error ? `${restored} ${scope.message} Save once the account is back; the edits are kept until then.` : restored;
      return form;
    }
    const scope = await deps.registry.scope(resource.accountId);
    const { profile, client } = scope;
    if (profile.readOnly) {
      throw new ReadOnlyAccountError(profile.label, resource.id ? `${recordTitle(resource.recordType, resource.id)} cannot be edited` : `no ${recordTypeLabel(resource.recordType)} can be created`);
    }
    const model = await buildFormModel(resource.recordType, await client.metadata.schema(resource.recordType), (name) => client.metadata.schema(name));
    let loaded: LoadedRecord;
    let start: FormValues = {};
    if (resource.id) loaded = await loadRecord(client, resource.recordType, resource.id, model);
    else {
      // A new record starts as NetSuite starts it: its defaults, or the transform's prefilled record (unsaved).
      start = await withItemNames(client, model, transform ? formValuesOf(transform.preview, model) : ((await createDefaults(client, model, deps.logger)) ?? {}));
      loaded = { original: start, current: start };
    }
    const uri = restore?.uri ?? vscode.Uri.from({ scheme: formScheme, ...formUriParts(resource, formTitle(resource.recordType, loaded.recordId, loaded.recordName)) });
    const form = new RecordFormDocument(deps, resource, uri, model, scope, loaded);
    form.start = start;
    form.transformFrom = transform && { sourceType: transform.sourceType, sourceId: transform.sourceId, sourceName: transform.sourceName };
    return form;
  }

  /** Forms currently open in an editor (extension-host tests look at them). */
  static all(): readonly RecordFormDocument[] {
    return [...openForms];
  }

  private constructor(
    private readonly deps: FormDeps,
    private readonly target: FormTarget,
    readonly uri: vscode.Uri,
    readonly model: FormModel,
    scope: FormAccount | undefined,
    loaded: LoadedRecord & Pick<FormBackup, 'createKey' | 'createSent' | 'pendingEdit'>,
  ) {
    this.scope = scope;
    this.recordId = loaded.recordId;
    this.recordName = loaded.recordName;
    this.original = loaded.original;
    this.current = loaded.current;
    // A backup from before `createSent` was kept has the key alone: its body is then taken as unknown.
    this.keys = { create: loaded.createKey ? { key: loaded.createKey, sent: loaded.createSent ?? '' } : undefined, edit: loaded.pendingEdit && { ...loaded.pendingEdit } };
    this.attached = new Promise((resolve) => (this.markAttached = resolve));
    this.closed = new Promise((resolve) => (this.markClosed = resolve));
  }

  get mode(): 'create' | 'edit' {
    return this.recordId ? 'edit' : 'create';
  }

  get id(): string | undefined {
    return this.recordId;
  }

  get name(): string | undefined {
    return this.recordName;
  }

  get recordType(): string {
    return this.target.recordType;
  }

  get accountId(): string {
    return this.target.accountId;
  }

  /** What the heading calls the account: its label once known, else its id. */
  get accountLabel(): string {
    return this.scope?.profile.label ?? this.target.accountId;
  }

  /** The values a save would send now (extension-host tests read them). */
  get values(): FormValues {
    return this.current;
  }

  /** The notice to show once, the next time the form is drawn. */
  takeNotice(): string | undefined {
    const notice = this.notice;
    this.notice = undefined;
    return notice;
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

  /** The webview's values as its Save button sent them (each edit already came as a step). */
  takeValues(values: FormValues): void {
    this.current = values;
  }

  /** The values the form started from (a new record's defaults or preview; an existing record as loaded). */
  get baseline(): FormValues {
    return this.recordId ? this.original : this.start;
  }

  /**
   * Values NetSuite filled in after an edit (sourcing from the customer just chosen): part of that edit's undo step,
   * shown in place. Fields the person changed meanwhile are kept.
   */
  applySourced(sourced: FormValues, since: FormValues): void {
    const fresh = Object.entries(sourced).filter(([id]) => sameValue(this.current[id], since[id]));
    if (fresh.length === 0) return;
    const values = { ...this.current, ...Object.fromEntries(fresh) };
    if (this.openStep) this.openStep.after = values;
    this.current = values;
    this.view?.showValues(values);
  }

  /** Undo/redo: the host's values and the webview's controls, updated in place (no redraw, focus stays). */
  private showValues(values: FormValues): void {
    this.openStep = undefined;
    this.current = values;
    this.view?.showValues(values);
  }

  /** Shows this form in the editor VS Code made for it. */
  attach(panel: vscode.WebviewPanel): void {
    this.view = new RecordFormWebview(panel, this, { extensionUri: this.deps.extensionUri, logger: this.deps.logger });
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
    const { profile, client } = await this.refreshScope().catch((error: unknown) => {
      const text = `${describeError(error)} Nothing was sent; your edits are kept.`;
      this.view?.showErrors({ fields: [], general: [text] });
      throw new FormNotSavedError(text);
    });
    let busy = false;
    const outcome = await saveRecordForm({
      client,
      account: profile,
      form: {
        recordType: this.recordType,
        model: this.model,
        recordId: this.recordId,
        recordName: this.recordName,
        original: this.original,
        current: this.current,
        transformFrom: this.transformFrom && { recordType: this.transformFrom.sourceType, id: this.transformFrom.sourceId, name: this.transformFrom.sourceName },
      },
      keys: this.keys,
      dialogs: saveDialogs(profile),
      sending: () => {
        busy = true;
        this.view?.showBusy(true, 'Saving…');
      },
    });
    switch (outcome.status) {
      case 'unchanged':
        this.view?.showErrors({ fields: [], general: [outcome.message] });
        this.deps.settled(this);
        return;
      case 'reloaded':
        this.show(outcome.record, outcome.notice);
        this.deps.settled(this);
        return;
      case 'saved':
        this.show(outcome.record, outcome.notice);
        if (outcome.createdId) {
          const id = outcome.createdId;
          this.transformFrom = undefined;
          revealInTree(this.accountId, this.recordType, id);
          void this.becomeEditFormOf(id, outcome.notice).catch((error: unknown) => this.deps.logger.warn('Opening the created record in its own form failed', error));
        }
        this.deps.settled(this);
        return;
      case 'cancelled':
        if (busy) this.view?.showBusy(false);
        throw new vscode.CancellationError();
      case 'notSaved':
        if (outcome.shown) this.show(outcome.shown.record, outcome.shown.notice);
        // An earlier submission made the record: this form now edits it, its later edits unsaved (so it stays dirty).
        if (outcome.createdId) {
          this.transformFrom = undefined;
          revealInTree(this.accountId, this.recordType, outcome.createdId);
        }
        if (busy) this.view?.showBusy(false);
        this.view?.showErrors(outcome.errors);
        throw new FormNotSavedError(outcome.reason);
    }
  }

  /** "Revert File" and "Don't Save": the record as NetSuite has it now (a new record: as NetSuite started it). */
  async revert(): Promise<void> {
    this.openStep = undefined;
    this.deps.settled(this);
    if (this.closingForGood) return;
    const { client } = await this.refreshScope();
    if (this.recordId) this.show(await loadRecord(client, this.target.recordType, this.recordId, this.model), 'Reverted to the record as it is now in NetSuite.');
    else this.show({ original: this.start, current: this.start }, this.transformFrom ? 'Reverted to the record as NetSuite would create it.' : 'Reverted to a new record as NetSuite starts it.');
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
      createKey: this.keys.create?.key,
      createSent: this.keys.create?.sent,
      pendingEdit: this.keys.edit && { ...this.keys.edit },
      start: this.recordId ? undefined : this.start,
      transformFrom: this.transformFrom,
      savedAt: Date.now(),
    };
    await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode(serializeFormBackup(backup)));
    return {
      id: destination.toString(),
      delete: () => void Promise.resolve(vscode.workspace.fs.delete(destination)).catch(() => undefined),
    };
  }

  /** The account's client is replaced when its options or sign-in change: every action takes the current one. */
  async refreshScope(): Promise<FormAccount> {
    const { profile, client } = await this.deps.registry.scope(this.target.accountId);
    this.scope = { profile, client };
    return this.scope;
  }

  /** The account as the last action found it (every action refreshes it first). */
  get account(): FormAccount {
    if (!this.scope) throw new Error(`SuiteLens has no account ${this.target.accountId} right now.`);
    return this.scope;
  }

  /** Opens another record's form (a transform's new record) in the same way this one was opened. */
  openOther(target: FormTarget, transform?: TransformStart): Promise<RecordFormDocument> {
    return RecordFormDocument.open(this.deps, target, transform ? { transform, notice: previewNotice(transform, target.recordType) } : {});
  }

  /** The record as NetSuite has it now, with a notice, drawn again. */
  private show(loaded: LoadedRecord, notice: string): void {
    this.recordId = loaded.recordId;
    this.recordName = loaded.recordName;
    this.original = loaded.original;
    this.current = loaded.current;
    this.notice = notice;
    this.view?.showForm();
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
    await RecordFormDocument.open(this.deps, { accountId: this.target.accountId, recordType: this.target.recordType, id }, { notice, viewColumn: this.view?.viewColumn });
    this.closingForGood = true;
    await this.closeTab();
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
