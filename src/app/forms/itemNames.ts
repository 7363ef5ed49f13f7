/**
 * Items on transaction lines by the names people know them by. NetSuite names an item reference by its Item
 * Name/Number (the SKU, `ADA-1000`); its form shows the display name beside it. Lines here read "Display Name
 * (SKU)": one SuiteQL query for the items of a record's lines, and the same words in the picker's search (which
 * matches either). Only the `refName` changes, which is never sent back (writes carry `{id}`).
 */
import type { NetSuiteClient } from '../../netsuite/client';
import type { FieldValue, FormModel, FormValues, LineValues } from '../../protocol/formModel';

/** Reference types that are items (`item` on a line points at one of these). */
const itemTypes = new Set(['item', 'inventoryitem', 'noninventorysaleitem', 'noninventoryresaleitem', 'noninventorypurchaseitem', 'serviceitem', 'serviceresaleitem', 'servicesaleitem', 'kititem', 'assemblyitem', 'otherchargesaleitem', 'discountitem']);

export function isItemType(referenceType: string | undefined): boolean {
  return referenceType !== undefined && itemTypes.has(referenceType.toLowerCase());
}

/** `Adapter Cable (ADA-1000)`; the SKU alone when the item has no display name. */
export function itemLabel(itemId: string, displayName: string | undefined): string {
  return displayName && displayName !== itemId ? `${displayName} (${itemId})` : itemId;
}

/** `values` with every line item named by its display name and SKU; unchanged when the names cannot be read. */
export async function withItemNames(client: Pick<NetSuiteClient, 'queryPage'>, model: FormModel, values: FormValues): Promise<FormValues> {
  const columns = model.sublists.flatMap((sublist) => sublist.columns.filter((column) => column.kind === 'reference' && isItemType(column.referenceType)).map((column) => [sublist.id, column.id] as const));
  const lineItems = (sublistId: string): LineValues[] => ((values[sublistId] as { items?: LineValues[] } | undefined)?.items ?? []);
  const ids = new Set<string>();
  for (const [sublistId, columnId] of columns) {
    for (const line of lineItems(sublistId)) {
      const value = line[columnId];
      if (typeof value === 'object' && value !== null && /^\d{1,18}$/.test(value.id)) ids.add(value.id);
    }
  }
  if (ids.size === 0) return values;
  const page = await client.queryPage(`SELECT id, itemid, displayname FROM item WHERE id IN (${[...ids].join(', ')})`, 0, { pageSize: 1000 }).catch(() => undefined);
  if (!page) return values;
  const labels = new Map(page.rows.map((row) => [String(row.raw.id), itemLabel(String(row.raw.itemid ?? row.raw.id), row.raw.displayname ?? undefined)]));
  const named = structuredClone(values);
  for (const [sublistId, columnId] of columns) {
    for (const line of ((named[sublistId] as { items?: LineValues[] } | undefined)?.items ?? [])) {
      const value = line[columnId] as FieldValue;
      if (typeof value === 'object' && value !== null && labels.has(value.id)) line[columnId] = { ...value, refName: labels.get(value.id) };
    }
  }
  return named;
}
