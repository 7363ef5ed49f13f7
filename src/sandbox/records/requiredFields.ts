/**
 * Mandatory fields, checked on the record as it would be saved (after merging a PATCH), with NetSuite's wording:
 * `Please enter value(s) for: Customer, Items` and the errorCode SuiteScript and REST share for it (USER_ERROR).
 * Like NetSuite, the detail names the fields by label only: real captures carry no `o:errorPath` for it (issue 13),
 * so clients must show it at the top of a form, not on a field.
 */
import type { FieldDefinition, RecordTypeDefinition, StoredRecord } from '../model/recordTypes';
import { NetSuiteHttpError } from '../http/errors';
import { fieldValue } from './systemFields';

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

export function assertRequiredFields(definition: RecordTypeDefinition, record: StoredRecord): void {
  const missing: Array<{ label: string }> = [];
  const requiredIn = (fields: FieldDefinition[]) => fields.filter((field) => field.required && !field.readOnly);
  for (const field of requiredIn(definition.fields)) {
    if (isEmpty(fieldValue(record, field.id))) missing.push({ label: field.label });
  }
  for (const sublist of definition.sublists) {
    const lines = record.sublists[sublist.id] ?? [];
    if (sublist.required && lines.length === 0) missing.push({ label: sublist.label });
    for (const line of lines) {
      for (const field of requiredIn(sublist.fields)) {
        if (isEmpty(line[field.id])) missing.push({ label: field.label });
      }
    }
  }
  if (missing.length === 0) return;
  const labels = [...new Set(missing.map((entry) => entry.label))].join(', ');
  throw new NetSuiteHttpError(400, [
    { detail: `Error while accessing a resource. Please enter value(s) for: ${labels}`, 'o:errorCode': 'USER_ERROR' },
  ]);
}
