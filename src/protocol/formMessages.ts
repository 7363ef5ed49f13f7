/**
 * Messages between the record form webview and the extension host, each declared once with its guard. The host
 * checks everything the webview sends (it runs NetSuite data and must not be trusted); the webview checks what the
 * host sends before drawing it. Payload values are the record's own JSON shape (see `FormValues`).
 */
import type { FieldModel, FieldValue, FormModel, FormValues, LineValues, SublistModel } from './formModel';
import { arrayOf, defineMessage, isBoolean, isNull, isNumber, isString, objectOf, oneOf, optional, type Check } from './guards';

const isReference: Check<{ id: string; refName?: string }> = objectOf({ id: isString, refName: optional(isString) });
export const isFieldValue: Check<FieldValue> = (value): value is FieldValue =>
  isString(value) || isNumber(value) || isBoolean(value) || isNull(value) || isReference(value);

const isLineValues: Check<LineValues> = (value): value is LineValues =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every(isFieldValue);
const isSublistValues = objectOf({ items: arrayOf(isLineValues) });

/** A form's values: body fields and `{items: lines}` sublists, nothing else (no functions, no nested objects). */
export const isFormValues: Check<FormValues> = (value): value is FormValues =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => isFieldValue(v) || isSublistValues(v));

const isFieldModel: Check<FieldModel> = objectOf({
  id: isString,
  title: isString,
  kind: oneOf('text', 'integer', 'number', 'checkbox', 'date', 'datetime', 'enum', 'reference'),
  readOnly: isBoolean,
  custom: isBoolean,
  maxLength: optional(isNumber),
  options: optional(arrayOf(isString)),
  referenceType: optional(isString),
  required: optional(isBoolean),
}) as Check<FieldModel>;
const isSublistModel: Check<SublistModel> = objectOf({ id: isString, title: isString, columns: arrayOf(isFieldModel) });
export const isFormModel: Check<FormModel> = objectOf({ recordType: isString, fields: arrayOf(isFieldModel), sublists: arrayOf(isSublistModel) });
const isFieldError = objectOf({ path: isString, message: isString });
const isCandidate = objectOf({ id: isString, refName: isString });

// Webview → host
export const FormReady = defineMessage('ready', {});
export const SaveRequest = defineMessage('save', { values: isFormValues });
/**
 * Sent on every edit, with the values after it: the host turns it into a VS Code undo step (or extends the open one,
 * see formEdits.ts), saves with these values on Ctrl+S, and writes them into hot-exit backups. `action` says what
 * kind of edit it was: `type` (a keystroke in a text field, coalesced), `set` (a choice: checkbox, option, picked
 * reference), `addLine`/`removeLine` (path = the sublist / the line, e.g. `item.items[2]`).
 */
export const FormEdited = defineMessage('edit', { action: oneOf('type', 'set', 'addLine', 'removeLine'), path: isString, values: isFormValues });
/** Candidates for a reference picker: records of `referenceType` whose name contains `text`. */
export const SearchRequest = defineMessage('search', { requestId: isString, referenceType: isString, text: isString });
export const DeleteRequest = defineMessage('delete', {});
export const TransformRequest = defineMessage('transform', { targetType: isString });

export type FormToHost =
  | ReturnType<typeof FormReady.create>
  | ReturnType<typeof SaveRequest.create>
  | ReturnType<typeof FormEdited.create>
  | ReturnType<typeof SearchRequest.create>
  | ReturnType<typeof DeleteRequest.create>
  | ReturnType<typeof TransformRequest.create>;

export function isFormToHost(value: unknown): value is FormToHost {
  return [FormReady, SaveRequest, FormEdited, SearchRequest, DeleteRequest, TransformRequest].some((m) => m.is(value));
}

// Host → webview
/** Draws the form: its model, values, and whether it edits an existing record. Sent again after a save or reload. */
export const FormInit = defineMessage('init', {
  model: isFormModel,
  values: isFormValues,
  mode: oneOf('create', 'edit'),
  heading: isString,
  recordId: optional(isString),
  /** `!transform` targets offered for this record (e.g. invoice from a sales order). */
  transforms: arrayOf(isString),
  notice: optional(isString),
});
export const FormBusy = defineMessage('busy', { busy: isBoolean, label: optional(isString) });
/** A failed save or validation: field errors by path, the rest for the top. The webview keeps every edit. */
export const FormErrors = defineMessage('errors', { fields: arrayOf(isFieldError), general: arrayOf(isString) });
export const SearchResults = defineMessage('searchResults', { requestId: isString, candidates: arrayOf(isCandidate), error: optional(isString) });
/**
 * Undo/redo of an edit (VS Code's Edit → Undo, Ctrl+Z): the values to show now. The webview updates the controls
 * whose values differ in place, so focus, scroll and half-typed reference searches elsewhere stay as they are.
 */
export const FormValuesSet = defineMessage('setValues', { values: isFormValues });

/**
 * NetSuite's choices for body fields (selectOptions), given the values entered so far: field id → choices. A field
 * listed here is drawn as a drop-down of these choices instead of a search; sent again when the values they depend
 * on change. A field left out keeps its search.
 */
export const FormChoices = defineMessage('choices', { fields: arrayOf(objectOf({ id: isString, choices: arrayOf(isCandidate) })) });

export type HostToForm =
  | ReturnType<typeof FormChoices.create>
  | ReturnType<typeof FormInit.create>
  | ReturnType<typeof FormBusy.create>
  | ReturnType<typeof FormErrors.create>
  | ReturnType<typeof SearchResults.create>
  | ReturnType<typeof FormValuesSet.create>;

export function isHostToForm(value: unknown): value is HostToForm {
  return [FormInit, FormBusy, FormErrors, SearchResults, FormValuesSet, FormChoices].some((m) => m.is(value));
}
