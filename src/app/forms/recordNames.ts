/** How a record is named to the user in questions and notices (its name: src/netsuite/recordNames.ts). Pure. */
import { recordTypeLabel } from '../../netsuite/recordTypeLabels';

/** `Customer 123 "Acme"`, or `Sales Order 851` when the record has no name of its own: the type by NetSuite's label. */
export function recordLabel(recordType: string, id: string, name?: string): string {
  const type = recordTypeLabel(recordType);
  return name && name !== id ? `${type} ${id} "${name}"` : `${type} ${id}`;
}

