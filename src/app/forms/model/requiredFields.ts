/**
 * Which fields NetSuite will not save a record without, so the form can mark them before the save fails. NetSuite's
 * record schemas do not say (netsuite-wire.md §2.2: no `required` list, `nullable` on almost every property), so the
 * marks come from two places: a schema's own JSON Schema `required` list where a catalog has one, and NetSuite's
 * mandatory fields of the standard record types below — the fields its "Please enter value(s) for: …" error names
 * when they are missing (the SuiteScript Records Browser marks the same fields "Required"). Sublist columns are named
 * `sublist.column`. Record types are matched case-insensitively (`salesorder`, `salesOrder`).
 */
const mandatoryFields: Record<string, string[]> = {
  customer: ['subsidiary'],
  vendor: ['subsidiary'],
  employee: ['subsidiary'],
  contact: ['subsidiary'],
  salesorder: ['entity', 'item.item', 'item.quantity'],
  invoice: ['entity', 'item.item', 'item.quantity'],
  estimate: ['entity', 'item.item'],
  cashsale: ['entity', 'item.item'],
  vendorbill: ['entity', 'expense.account', 'expense.amount'],
  purchaseorder: ['entity', 'item.item'],
  inventoryitem: ['itemId'],
  noninventorysaleitem: ['itemId'],
  serviceitem: ['itemId'],
  journalentry: ['subsidiary', 'line.account'],
};

/** True when NetSuite requires `path` (`entity`, `item.quantity`) on `recordType`, or the schema lists it as required. */
export function isRequiredField(recordType: string, path: string, schemaRequired: readonly string[] = []): boolean {
  return schemaRequired.includes(path.split('.').pop() ?? path) || (mandatoryFields[recordType.toLowerCase()] ?? []).includes(path);
}
