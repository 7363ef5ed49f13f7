/**
 * The sandbox's record-type catalog: every record type the emulator serves, in dependency order (a type only
 * references types listed before it, except self-references and the custom entity field that points at the
 * custom record). The seed generator, the store, the record service and the metadata catalog all read this list.
 */
import type { RecordTypeDefinition } from '../model/recordTypes';
import { customerDefinition, contactDefinition, employeeDefinition, vendorDefinition } from './definitions/entities';
import { projectMilestoneDefinition } from './definitions/customFields';
import { inventoryItemDefinition } from './definitions/inventoryItem';
import {
  accountDefinition,
  classificationDefinition,
  currencyDefinition,
  departmentDefinition,
  locationDefinition,
  subsidiaryDefinition,
  termDefinition,
} from './definitions/lists';
import { invoiceDefinition, salesOrderDefinition, vendorBillDefinition } from './definitions/transactions';

export const recordTypeDefinitions: readonly RecordTypeDefinition[] = [
  currencyDefinition,
  subsidiaryDefinition,
  termDefinition,
  departmentDefinition,
  locationDefinition,
  classificationDefinition,
  accountDefinition,
  employeeDefinition,
  customerDefinition,
  contactDefinition,
  vendorDefinition,
  inventoryItemDefinition,
  projectMilestoneDefinition,
  salesOrderDefinition,
  invoiceDefinition,
  vendorBillDefinition,
];

const definitionsByLowerCaseId = new Map(recordTypeDefinitions.map((definition) => [definition.id.toLowerCase(), definition]));

/** Record type names in URLs are case-insensitive (`salesorder` = `salesOrder`, netsuite-wire.md §1.1). */
export function findRecordType(name: string): RecordTypeDefinition | undefined {
  return definitionsByLowerCaseId.get(name.toLowerCase());
}

/** A field of a record type by id, case-insensitively (2020 and 2026 clients spell `isinactive` / `isInactive`). */
export function findField(definition: RecordTypeDefinition, fieldId: string) {
  const wanted = fieldId.toLowerCase();
  return definition.fields.find((field) => field.id.toLowerCase() === wanted);
}

export function findSublist(definition: RecordTypeDefinition, sublistId: string) {
  const wanted = sublistId.toLowerCase();
  return definition.sublists.find((sublist) => sublist.id.toLowerCase() === wanted);
}
