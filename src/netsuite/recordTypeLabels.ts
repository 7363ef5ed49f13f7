/**
 * What people call a record type: NetSuite's own label ("Sales Order") for a REST record type id (`salesorder`).
 * The metadata catalog lists ids only (netsuite-wire.md §2: `items[].name`, no title), so the standard types' labels
 * are written down (`restRecordTypes.ts`, with their sources), as NetSuite's Records Browser names them (e.g.
 * `classification` is "Class", `job` is "Project"). A type not listed (a custom record) keeps its id, which is what
 * NetSuite shows for it too until its own name is known. Pure.
 */
import { documentedRestRecordTypes } from './restRecordTypes';

/** Record types people meet that the REST API Browser does not list as tags of their own (customer subtypes, items). */
const labelsBeyondTheBrowser: Record<string, string> = {
  lead: 'Lead',
  otherchargeitem: 'Other Charge Item',
  project: 'Project',
  prospect: 'Prospect',
  serviceitem: 'Service Item',
};

const labels: ReadonlyMap<string, string> = new Map([
  ...documentedRestRecordTypes.map(([id, label]) => [id.toLowerCase(), label] as const),
  ...Object.entries(labelsBeyondTheBrowser),
]);

/** "Sales Order" for `salesorder` / `salesOrder`; the id itself when NetSuite's label is not known here. */
export function recordTypeLabel(recordType: string): string {
  return labels.get(recordType.toLowerCase()) ?? recordType;
}

/**
 * The label as a noun inside a sentence ("can read sales order records"): capitalised words in lower case, acronyms
 * ("CRM Group") and a custom record's id kept as they are.
 */
export function recordTypeNoun(recordType: string): string {
  return recordTypeLabel(recordType)
    .split(' ')
    .map((word) => (/^[A-Z][a-z]+(?:-[A-Z][a-z]+)*$/.test(word) ? word.toLowerCase() : word))
    .join(' ');
}

/** A record as people name it: its own name ("SO1001"), or its type's label and id ("Customer 222") without one. */
export function recordTitle(recordType: string, id: string, name?: string): string {
  return name && name !== id ? name : `${recordTypeLabel(recordType)} ${id}`;
}
