/**
 * The account's record types as the tree shows them: standard types and custom ones (`customrecord_*`,
 * `customlist_*`, `customtransaction_*`) in two groups, each sorted by the label people see ("Sales Order"),
 * narrowed by the user's type filter, which matches the label or the script id.
 */
import { recordTypeLabel } from '../../netsuite/recordTypeLabels';

export interface RecordTypeGroups {
  standard: string[];
  custom: string[];
}

export function isCustomRecordType(recordType: string): boolean {
  return /^custom(record|list|transaction)/i.test(recordType);
}

/** `filter` matches anywhere in the label or the id, case-insensitively ("order" finds Sales Order and Purchase Order). */
export function groupRecordTypes(recordTypes: readonly string[], filter = '', labelOf: (recordType: string) => string = recordTypeLabel): RecordTypeGroups {
  const wanted = filter.trim().toLowerCase();
  const matches = (type: string) => !wanted || type.toLowerCase().includes(wanted) || labelOf(type).toLowerCase().includes(wanted);
  const shown = [...new Set(recordTypes)].filter(matches).sort((a, b) => labelOf(a).localeCompare(labelOf(b)) || a.localeCompare(b));
  return { standard: shown.filter((type) => !isCustomRecordType(type)), custom: shown.filter(isCustomRecordType) };
}
