/** How a record is named to the user: in questions, notices and tab titles. Pure. */
import type { NetSuiteRecord } from '../../netsuite/records';

/** `customer 123 "Acme"`, or `customer 123` when the record has no name of its own. */
export function recordLabel(recordType: string, id: string, name?: string): string {
  return name && name !== id ? `${recordType} ${id} "${name}"` : `${recordType} ${id}`;
}

/** The record's own name, from the first field that holds one. */
export function nameOf(record: NetSuiteRecord): string | undefined {
  for (const key of ['entityId', 'tranId', 'itemId', 'name', 'companyName']) {
    if (typeof record[key] === 'string' && record[key]) return record[key];
  }
  return undefined;
}
