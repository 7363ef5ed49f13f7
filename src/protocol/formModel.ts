/**
 * The record form's model and values: what the host sends the form webview (media/form) and gets back. Shared by both
 * sides, so it lives here with the messages; the host builds the model from NetSuite's JSON Schema
 * (src/app/forms/model/formModel.ts) and plans the writes (formValues.ts). Types and one pure comparison only.
 */

export type FieldKind = 'text' | 'integer' | 'number' | 'checkbox' | 'date' | 'datetime' | 'enum' | 'reference';

export interface FieldModel {
  id: string;
  title: string;
  kind: FieldKind;
  readOnly: boolean;
  /** `x-ns-custom-field`: shown in its own group. */
  custom: boolean;
  maxLength?: number;
  /** Enum choices (ids from the schema; labels are the ids until a record tells us its refName). */
  options?: string[];
  /** Reference target (`customer`, `employee`, `nsResource` when NetSuite does not say). */
  referenceType?: string;
  /** NetSuite will not save the record without it (see src/app/forms/model/requiredFields.ts): marked on the form. */
  required?: boolean;
  /** An amount: NetSuite's schemas type money as `number`/`double` and other decimals as `float`. Shown with 2 decimals. */
  money?: boolean;
}

export interface SublistModel {
  id: string;
  title: string;
  columns: FieldModel[];
}

export interface FormModel {
  recordType: string;
  fields: FieldModel[];
  sublists: SublistModel[];
}

export type FieldValue = string | number | boolean | null | { id: string; refName?: string };
export type LineValues = Record<string, FieldValue>;
/** Body field id → value, and sublist id → `{ items: lines }` (the record's own JSON shape, without links). */
export type FormValues = Record<string, FieldValue | { items: LineValues[] }>;

/** Values are plain JSON (the record's own shape); key order is the same on both sides, set by the same code. */
export function sameValue(a: FormValues[string] | FieldValue | undefined, b: FormValues[string] | FieldValue | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
