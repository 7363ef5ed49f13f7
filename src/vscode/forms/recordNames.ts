/** How a record is named to the user in questions and notices (its name: src/netsuite/recordNames.ts). Pure. */

/** `customer 123 "Acme"`, or `customer 123` when the record has no name of its own. */
export function recordLabel(recordType: string, id: string, name?: string): string {
  return name && name !== id ? `${recordType} ${id} "${name}"` : `${recordType} ${id}`;
}

