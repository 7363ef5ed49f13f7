/**
 * The save of a record form, as one workflow with its questions injected: VS Code's modal dialogs in the editor,
 * scripted answers in the integration spec, which runs it against the sandbox. No `vscode` import. It decides every
 * step that touches NetSuite: the read-only refusal, validation against the schema, the create body or the PATCH of
 * only the changed fields, the re-read that detects someone else's change (Overwrite / Reload / Keep Editing), the
 * confirmation before a write, the idempotency keys that make "Save again" after a lost answer safe, and what to say
 * when NetSuite refuses. The caller shows the outcome; nothing here draws.
 */
import { randomUUID } from 'node:crypto';
import type { NetSuiteClient } from '../../netsuite/client';
import { describeError } from '../../netsuite/describeError';
import { isNetSuiteError } from '../../netsuite/errors';
import { recordNameOf } from '../../netsuite/recordNames';
import type { NetSuiteRecord } from '../../netsuite/records';
import { placeErrors, type PlacedErrors } from './model/fieldErrors';
import { plannedChangesIn } from './model/plannedChanges';
import type { FormModel } from './model/formModel';
import { validateWrite } from './model/formValidation';
import { createPlan, describeChanges, formValuesOf, notCleared, patchPlan, type FieldChange, type FormValues, type WritePlan } from './model/formValues';
import { withEditsSince, withTransformEditsSince } from './model/editsSince';
import { withSettledEdit } from './model/settledEdit';
import { withItemNames } from './itemNames';
import { answerLost, settlePendingEdit } from './settlePendingEdit';
import { recordLabel } from './recordNames';

/** A record as a form shows it: `original` is what edits are diffed against, `current` what a save would send. */
export interface LoadedRecord {
  recordId?: string;
  recordName?: string;
  original: FormValues;
  current: FormValues;
}

/** What the form holds when Save is pressed. */
export interface SavedForm {
  recordType: string;
  model: FormModel;
  recordId?: string;
  recordName?: string;
  original: FormValues;
  current: FormValues;
  /** A new record shown as a transform's preview (an invoice of a sales order): saving it runs the transform. */
  transformFrom?: { recordType: string; id: string; name?: string };
}

/**
 * Idempotency keys kept across save attempts of one form: the create's until it succeeds (a retry after a network
 * failure is the same request), and the last unconfirmed PATCH's with the change it was for, which is settled under
 * that key before any other change is sent (its job may still run). The workflow updates them.
 * Each key names the latest submission (a job that failed is re-submitted under a fresh key, which replaces it here),
 * and the create's is bound to the body sent under it (`sent`, its JSON): a Save again with a different body that
 * finds the earlier submission made the record keeps the difference as edits of that record.
 */
export interface SaveKeys {
  create?: CreateKey;
  edit?: { change: string; key: string };
}

export interface CreateKey {
  key: string;
  /** JSON of the body sent under `key`. */
  sent: string;
}

/** The user's answer when the record changed in NetSuite since the form opened. */
export type ConflictChoice = 'overwrite' | 'reload' | 'keepEditing';

export interface SaveDialogs {
  /** Before any write; true lets it go (accounts that do not ask answer true at once). */
  confirmWrite(what: string, changes: readonly FieldChange[]): Promise<boolean>;
  /** The record changed in NetSuite meanwhile: `question` names it, `detail` lists their change and what goes. */
  chooseOnConflict(question: string, detail: string): Promise<ConflictChoice>;
}

export interface SaveRecordFormInput {
  client: Pick<NetSuiteClient, 'records' | 'queryPage'>;
  account: { label: string; readOnly: boolean };
  form: SavedForm;
  keys: SaveKeys;
  dialogs: SaveDialogs;
  /** Called once, when the form is valid and the first request is about to go (the form shows "Saving…"). */
  sending?(): void;
}

/**
 * - `saved`: NetSuite has the change; `record` is the record read back, `createdId` set for a create.
 * - `reloaded`: the user chose Reload after a concurrent change; nothing was sent, `record` is NetSuite's now.
 * - `unchanged`: nothing to send (an edit form without changes).
 * - `cancelled`: the user said no to a question; nothing was sent.
 * - `notSaved`: refused (read-only, invalid, NetSuite's error, lost answer); `errors` go on the form's fields, `reason`
 *   is the one-line message; the edits stay in the form.
 *   `createdId` with `shown`: an earlier submission of this new record made it, and `shown` is that record with the
 *   edits made since (unsaved); the form now edits it.
 */
export type SaveOutcome =
  | { status: 'saved'; record: LoadedRecord; notice: string; createdId?: string }
  | { status: 'reloaded'; record: LoadedRecord; notice: string }
  | { status: 'unchanged'; message: string }
  | { status: 'cancelled' }
  | { status: 'notSaved'; errors: PlacedErrors; reason: string; shown?: { record: LoadedRecord; notice: string }; createdId?: string };

/** Ctrl+S, the form's Save button and "Save" in VS Code's close prompt all end here. */
export async function saveRecordForm(input: SaveRecordFormInput): Promise<SaveOutcome> {
  const { account, form } = input;
  if (account.readOnly) {
    const text = `${account.label} is now read-only in SuiteLens; nothing was sent. Your edits are kept.`;
    return { status: 'notSaved', errors: { fields: [], general: [text] }, reason: text };
  }
  const plan = form.recordId ? patchPlan(form.original, form.current, form.model) : createPlan(form.current, form.model);
  const invalid = validateWrite(form.model, plan.body);
  if (invalid.length > 0) {
    return {
      status: 'notSaved',
      errors: { fields: invalid, general: ['Some fields are not valid; nothing was sent to NetSuite.'] },
      reason: `${invalid.map((error) => `${error.path}: ${error.message}`).join('; ')}. Nothing was sent to NetSuite.`,
    };
  }
  // A form set back to the record it opened with still has work when an earlier save may be pending: undo it.
  if (form.recordId && Object.keys(plan.body).length === 0 && !input.keys.edit) return { status: 'unchanged', message: 'Nothing changed, so nothing was sent.' };
  input.sending?.();
  try {
    return form.recordId ? await saveEdit(input, form.recordId) : await saveCreate(input, plan);
  } catch (error) {
    return notSavedFor(error, form.model);
  }
}

/** NetSuite's refusal or a failure as the form shows it: errors on the fields NetSuite names, the edits kept. */
function notSavedFor(error: unknown, model: FormModel): SaveOutcome {
  const errors = isNetSuiteError(error) ? placeErrors(error.details, model, describeError(error)) : { fields: [], general: [describeError(error)] };
  // NetSuite's own details come without our advice sentence; the fallback text already carries it.
  if (isNetSuiteError(error) && error.details.length > 0 && errors.general.length > 0) errors.general.push(error.advice);
  return { status: 'notSaved', errors, reason: `${describeError(error)} Your edits are kept.` };
}

/** Reads the record as a form shows it (sublists expanded). */
export async function loadRecord(client: Pick<NetSuiteClient, 'records' | 'queryPage'>, recordType: string, id: string, model: FormModel): Promise<LoadedRecord> {
  const record = await client.records.get(recordType, id, { expandSubResources: true });
  const values = await withItemNames(client, model, formValuesOf(record, model));
  return { recordId: id, recordName: recordNameOf(record), original: values, current: values };
}

async function saveCreate(input: SaveRecordFormInput, plan: WritePlan): Promise<SaveOutcome> {
  const { client, form, keys, dialogs } = input;
  if (form.transformFrom) return saveTransform(input, form.transformFrom);
  if (!(await dialogs.confirmWrite(`Create this ${form.recordType}`, describeChanges(plan, {}, form.model, form.current)))) return { status: 'cancelled' };
  const body = JSON.stringify(plan.body);
  keys.create ??= { key: randomUUID(), sent: body };
  const { id } = await client.records.create(form.recordType, plan.body, {
    idempotencyKey: keys.create.key,
    replace: plan.replace,
    keyReplaced: (key) => (keys.create = { key, sent: body }),
  });
  const sent = keys.create.sent;
  keys.create = undefined;
  const record = await loadRecord(client, form.recordType, id, form.model);
  const later = sent === body ? undefined : laterEdits(form, record, withEditsSince(record.current, sentBody(sent), plan.body, form.current, form.model));
  if (later) return later;
  return { status: 'saved', record, notice: `Created ${form.recordType} ${id}. This form now edits it.`, createdId: id };
}

/**
 * A create or transform answered by an earlier submission of this form (its key was sent again after a lost answer)
 * made the record from the body sent then. Edits made since are not in it: `current` is the record with them laid
 * over (see editsSince.ts); they stay as unsaved edits of the new record, and the form says so instead of
 * "Created". Undefined when the record has everything (the key's first submission was this body after all).
 */
function laterEdits(form: SavedForm, record: LoadedRecord, current: FormValues): SaveOutcome | undefined {
  const unsaved = patchPlan(record.current, current, form.model);
  if (Object.keys(unsaved.body).length === 0) return undefined;
  const fields = Object.keys(unsaved.body).map((field) => fieldLabel(form.model, field)).join(', ');
  const notice = `An earlier save of this form had already created ${form.recordType} ${record.recordId}, with the values sent then. Your later changes (${fields}) are not in NetSuite yet: they are kept here as unsaved edits of ${form.recordType} ${record.recordId}. Save to send them.`;
  return { status: 'notSaved', errors: { fields: [], general: [notice] }, reason: notice, shown: { record: { ...record, current }, notice }, createdId: record.recordId };
}

/** The body a create key was sent with; `{}` when unknown (a backup from before it was kept): every value then counts as later. */
function sentBody(sent: string): NetSuiteRecord {
  try {
    const body: unknown = JSON.parse(sent);
    return typeof body === 'object' && body !== null ? (body as NetSuiteRecord) : {};
  } catch {
    return {};
  }
}

/**
 * A transform's preview saved: the transform runs now, carrying only what the person changed on the prefilled record
 * (NetSuite starts the target from the source again and applies those changes, as in Oracle's partial-invoice
 * example), under one idempotency key kept until it succeeds.
 */
async function saveTransform({ client, form, keys, dialogs }: SaveRecordFormInput, source: { recordType: string; id: string; name?: string }): Promise<SaveOutcome> {
  const plan = patchPlan(form.original, form.current, form.model);
  const sourceLabel = recordLabel(source.recordType, source.id, source.name);
  const changes = [{ field: 'Transform', before: sourceLabel, after: `new ${form.recordType}` }, ...describeChanges(plan, form.original, form.model, form.current)];
  if (!(await dialogs.confirmWrite(`Create ${form.recordType} from ${sourceLabel}`, changes))) return { status: 'cancelled' };
  const body = JSON.stringify(plan.body);
  keys.create ??= { key: randomUUID(), sent: body };
  const { id } = await client.records.transform(source.recordType, source.id, form.recordType, plan.body, {
    idempotencyKey: keys.create.key,
    replace: plan.replace,
    keyReplaced: (key) => (keys.create = { key, sent: body }),
  });
  const sent = keys.create.sent;
  keys.create = undefined;
  const record = await loadRecord(client, form.recordType, id, form.model);
  const later = sent === body ? undefined : laterEdits(form, record, withTransformEditsSince(record.current, sentBody(sent), plan.body, form.current, form.original, form.model));
  if (later) return later;
  return { status: 'saved', record, notice: `Created ${form.recordType} ${id} from ${sourceLabel}. This form now edits it.`, createdId: id };
}

/**
 * An edit's save. A PATCH of this form whose answer was lost (`keys.edit`) and that differs from this save's is
 * settled first and laid over the form, so this save sends only what differs from the record after it (see
 * `saveOverPending`); the same change again goes under its own key (see `editAgainst`).
 */
async function saveEdit(input: SaveRecordFormInput, id: string): Promise<SaveOutcome> {
  const { form, keys } = input;
  const latest = await readValues(input, id);
  const pending = keys.edit;
  if (!pending || pending.change === changeOf(patchPlan(form.original, form.current, form.model, latest))) return editAgainst(input, id, latest);
  return saveOverPending(input, id, pending);
}

/**
 * The pending PATCH settled (NetSuite ran it, once), the form is saved as if it had opened on the record with that
 * change: its new lines are ours, not someone else's, and a form set back sends the change undone. Not settled:
 * nothing else is sent. The form takes the settled change as what it diffs against whenever it keeps its edits
 * (`shown`), as the next save must not send it again; after a Cancel `keys.edit` stays, and settles again at no cost.
 */
async function saveOverPending(input: SaveRecordFormInput, id: string, pending: { change: string; key: string }): Promise<SaveOutcome> {
  const { client, form, keys } = input;
  const sent = await settlePendingEdit(input, id, pending);
  if ('status' in sent) return sent;
  const latest = await readValues(input, id);
  const settled: SavedForm = { ...form, ...withSettledEdit(form.original, form.current, sent, latest, form.model) };
  if (Object.keys(patchPlan(settled.original, settled.current, form.model).body).length === 0) {
    keys.edit = undefined;
    return { status: 'saved', record: await loadRecord(client, form.recordType, id, form.model), notice: `${earlierSaved} Nothing else changed, so nothing more was sent.` };
  }
  const outcome = await editAgainst({ ...input, form: settled }, id, latest).catch((error: unknown) => notSavedFor(error, form.model));
  if (outcome.status === 'cancelled') return outcome;
  if (keys.edit === pending) keys.edit = undefined;
  if (outcome.status === 'saved') return { ...outcome, notice: `${earlierSaved} ${outcome.notice}` };
  if (outcome.status !== 'notSaved' || outcome.shown) return outcome;
  const record: LoadedRecord = { recordId: id, recordName: form.recordName, original: settled.original, current: settled.current };
  return { ...outcome, shown: { record, notice: `${earlierSaved} ${outcome.reason}` } };
}

const earlierSaved = 'An earlier save of this form, whose answer was lost, has now finished in NetSuite.';

async function readValues({ client, form }: SaveRecordFormInput, id: string): Promise<FormValues> {
  return formValuesOf(await client.records.get(form.recordType, id, { expandSubResources: true }), form.model);
}

/** A PATCH's identity for its idempotency key: the same body and replace list is the same change. */
function changeOf(plan: WritePlan): string {
  return JSON.stringify([plan.body, plan.replace]);
}

/**
 * Against the record as read (`latest`): a change made elsewhere since the form opened is shown, and Overwrite sends
 * only this form's changes against the record as it is now (changed body fields, changed lines by line id, removed
 * lines by keeping every other line NetSuite has), so someone else's new line survives. The prompt lists exactly that.
 */
async function editAgainst(input: SaveRecordFormInput, id: string, latest: FormValues): Promise<SaveOutcome> {
  const { client, form, keys, dialogs } = input;
  const label = recordLabel(form.recordType, id, form.recordName);
  const theirs = patchPlan(form.original, latest, form.model);
  const plan = patchPlan(form.original, form.current, form.model, latest);
  if (plan.conflicts) {
    // Sending the rest would drop these edits from the form unsaved, or undo the other change unasked: nothing goes.
    const text = `${plan.conflicts.join('. ')}. Nothing was sent; your edits are kept. Remove or redo ${plan.conflicts.length === 1 ? 'that edit' : 'those edits'} (a deleted line can be added again as a new line), or Revert to see ${label} as NetSuite has it now.`;
    return { status: 'notSaved', errors: { fields: [], general: [text] }, reason: text };
  }
  const sent = describeChanges(plan, form.original, form.model, form.current).map((c) => `${c.field}: ${c.before} → ${c.after}`);
  if (Object.keys(theirs.body).length > 0) {
    const changes = describeChanges(theirs, form.original, form.model, latest).map((c) => `${c.field}: ${c.before} → ${c.after}`);
    const choice = await dialogs.chooseOnConflict(
      `${label} was changed in NetSuite since this form opened.`,
      `Changed there:\n${changes.join('\n')}\n\nOverwrite sends only your changes, and keeps everything else as it is in NetSuite now:\n${sent.join('\n')}\n\nReload discards your edits.`,
    );
    if (choice === 'reload') {
      return { status: 'reloaded', record: await loadRecord(client, form.recordType, id, form.model), notice: 'Reloaded the record as it is now in NetSuite.' };
    }
    if (choice !== 'overwrite') return { status: 'cancelled' };
  }
  if (!(await dialogs.confirmWrite(`Update ${label}`, describeChanges(plan, form.original, form.model, form.current)))) return { status: 'cancelled' };
  // A Save repeated after a lost answer sends the same change under the same key: NetSuite recognises it rather
  // than adding its lines twice. A different change gets a new key.
  const change = changeOf(plan);
  if (keys.edit?.change !== change) keys.edit = { change, key: randomUUID() };
  try {
    const edit = keys.edit;
    await client.records.patch(form.recordType, id, plan.body, { replace: plan.replace, idempotencyKey: edit.key, keyReplaced: (key) => (edit.key = key) });
  } catch (error) {
    return afterLostAnswer(input, error, id, latest, plan);
  }
  keys.edit = undefined;
  const record = await loadRecord(client, form.recordType, id, form.model);
  const kept = notCleared(plan, record.current, form.model);
  const keptNote = kept.length > 0 ? ` NetSuite did not clear ${kept.join(', ')}: it fills ${kept.length === 1 ? 'that field' : 'those fields'} itself, so the value it kept is shown.` : '';
  return { status: 'saved', record, notice: `Saved: ${Object.keys(plan.body).map((field) => fieldLabel(form.model, field)).join(', ')}.${keptNote}` };
}

/** What the form calls a field or sublist ("Phone", "Items"): people read labels, not ids like `creditLimit`. */
function fieldLabel(model: FormModel, id: string): string {
  return model.fields.find((field) => field.id === id)?.title ?? model.sublists.find((sublist) => sublist.id === id)?.title ?? id;
}

/**
 * A save whose answer was lost (the connection failed, or its job could not be followed) may have been applied. The
 * record is read again and the plan's own changes looked for in it. All there: NetSuite has the change, and the form
 * shows the record. Otherwise the edits stay in the form, whatever else changed there: none there, and Save again
 * sends them; some there, and the message says which, as NetSuite may have applied part or someone else changed it.
 */
async function afterLostAnswer({ client, form, keys }: SaveRecordFormInput, error: unknown, id: string, latest: FormValues, plan: WritePlan): Promise<SaveOutcome> {
  if (!answerLost(error)) {
    // NetSuite answered: it refused the change, so nothing of it is pending. Kept, the key would make the next save
    // of the corrected change "settle" this refused one first (saveOverPending) and be refused with it.
    keys.edit = undefined;
    throw error;
  }
  const record = await client.records.get(form.recordType, id, { expandSubResources: true }).catch(() => undefined);
  const keep = (text: string): SaveOutcome => ({ status: 'notSaved', errors: { fields: [], general: [text] }, reason: text });
  if (!record) return keep(`${describeError(error)} The change may have been applied, and the record could not be read to see: your edits are kept: check the record in NetSuite before saving again.`);
  const found = plannedChangesIn(plan, latest, formValuesOf(record, form.model), form.model);
  if (found.missing.length === 0) {
    keys.edit = undefined;
    const shown = await loadRecord(client, form.recordType, id, form.model);
    return { status: 'saved', record: shown, notice: `NetSuite's answer to the save was lost, but the record in NetSuite has your change. Saved: ${found.present.join(', ')}.` };
  }
  if (found.present.length === 0) {
    // A job not yet finished may still apply the change: the next save sends its key again, which waits for that job.
    if (isNetSuiteError(error) && error.kind === 'server') {
      return keep(`${describeError(error)} NetSuite does not have the change yet, but its job may still apply it. Your edits are kept: when you save again, with or without more changes, SuiteLens first waits for that job, so the change is never sent twice.`);
    }
    return keep(`${describeError(error)} NetSuite does not have the change, so your edits are kept: Save again.`);
  }
  return keep(
    `${describeError(error)} The record in NetSuite now has ${found.present.join(', ')} as you changed ${found.present.length === 1 ? 'it' : 'them'}, but not ${found.missing.join(', ')}: part of the save may have been applied, or someone else changed the record. Your edits are kept; Save again shows what differs before anything is sent.`,
  );
}
