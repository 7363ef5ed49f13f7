/**
 * The account's record types as the tree shows them: standard types and custom ones (`customrecord_*`,
 * `customlist_*`, `customtransaction_*`) in two groups, each sorted, narrowed by the user's type filter.
 */

export interface RecordTypeGroups {
  standard: string[];
  custom: string[];
}

export function isCustomRecordType(recordType: string): boolean {
  return /^custom(record|list|transaction)/i.test(recordType);
}

/** `filter` matches anywhere in the name, case-insensitively ("order" finds salesorder and purchaseorder). */
export function groupRecordTypes(recordTypes: readonly string[], filter = ''): RecordTypeGroups {
  const wanted = filter.trim().toLowerCase();
  const shown = [...new Set(recordTypes)].filter((type) => !wanted || type.toLowerCase().includes(wanted)).sort((a, b) => a.localeCompare(b));
  return { standard: shown.filter((type) => !isCustomRecordType(type)), custom: shown.filter(isCustomRecordType) };
}
