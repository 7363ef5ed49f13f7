/**
 * The fields that hold a record's own name, most telling first, for every record family: a company's name, an
 * entity's id (a person's name), a transaction's document number, an item's name, an account's display name, and
 * the `name`/`title` of lists and custom records; `altName` and `lastName` for entities without a company name.
 * One list, used wherever SuiteLens names a record (form tabs, agent results) or filters by name (the explorer).
 */
import type { NetSuiteRecord } from './records';

export const recordNameFields = ['companyName', 'entityId', 'tranId', 'itemId', 'accountSearchDisplayName', 'name', 'title', 'altName', 'lastName'] as const;

/** The record's own name, from the first name field that holds text. */
export function recordNameOf(record: NetSuiteRecord | undefined): string | undefined {
  if (!record) return undefined;
  for (const field of recordNameFields) {
    const value = record[field];
    if (typeof value === 'string' && value.trim()) return value;
  }
  return undefined;
}
