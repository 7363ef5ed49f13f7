/**
 * What a record form writes when VS Code asks for a backup (hot exit, window reload): everything needed to show the
 * form again with every edit and without asking NetSuite — its model, the record as it was loaded (what edits are
 * diffed against), the edited values, and the create's idempotency key so a retried create stays one record, and
 * an edit's key whose job may still be running so a restored form settles it before sending anything else.
 * Pure: text in, checked backup out; a backup that does not read back is refused with a reason, never half-used.
 */
import { isFormModel, isFormValues } from '../../protocol/formMessages';
import { isNumber, isString, objectOf, oneOf, optional } from '../../protocol/guards';
import type { FormModel } from './model/formModel';
import type { FormValues } from './model/formValues';

/** The record a new, unsaved form was started from by a transform (an invoice from a sales order). */
export interface TransformSource {
  sourceType: string;
  sourceId: string;
  sourceName?: string;
}

export interface FormBackup {
  version: 1;
  model: FormModel;
  recordId?: string;
  recordName?: string;
  original: FormValues;
  current: FormValues;
  createKey?: string;
  /** JSON of the create body sent under `createKey`, so a Save again after a restore knows which edits came later. */
  createSent?: string;
  /**
   * An edit's PATCH whose answer was lost while its job may still run: its key and change (see `SaveKeys.edit`).
   * Without it a restored form would send its lines again under a new key, and NetSuite would add them twice.
   */
  pendingEdit?: { change: string; key: string };
  /** A new record's values as NetSuite started it (its defaults or a transform's preview): what Revert returns to. */
  start?: FormValues;
  /** Set for a transform's unsaved preview: saving the restored form must still run the transform, not a plain create. */
  transformFrom?: TransformSource;
  /** When the backup was taken (ms since epoch), for the notice shown after restoring it. */
  savedAt: number;
}

const isFormBackup = objectOf({
  version: oneOf(1),
  model: isFormModel,
  recordId: optional(isString),
  recordName: optional(isString),
  original: isFormValues,
  current: isFormValues,
  createKey: optional(isString),
  createSent: optional(isString),
  pendingEdit: optional(objectOf({ change: isString, key: isString })),
  start: optional(isFormValues),
  transformFrom: optional(objectOf({ sourceType: isString, sourceId: isString, sourceName: optional(isString) })),
  savedAt: isNumber,
});

export function serializeFormBackup(backup: FormBackup): string {
  return JSON.stringify(backup);
}

export function parseFormBackup(text: string): FormBackup {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error('The record form backup is not valid JSON');
  }
  if (!isFormBackup(parsed)) throw new Error('The record form backup does not have the shape SuiteLens writes');
  return parsed as FormBackup;
}
