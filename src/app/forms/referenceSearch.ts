/**
 * Candidates for a reference picker, looked up with ONE SuiteQL query on the target type's name column (the same
 * table/column knowledge the explorer uses to name records). The user's text is matched case-insensitively and
 * quoted as a SuiteQL string literal, so it can never change the query's shape.
 */
import type { NetSuiteClient } from '../../netsuite/client';
import { suiteQLNameSource } from '../explorer/recordNaming';
import { isItemType, itemLabel } from './itemNames';

export interface ReferenceCandidate {
  id: string;
  refName: string;
}

/** The query for a picker's candidates, ordered by name; the caller takes only the first page. */
export function referenceSearchQuery(referenceType: string, text: string): string {
  const source = suiteQLNameSource(referenceType);
  const needle = text.trim().toLowerCase();
  const conditions = [source.typeCondition, needle ? `LOWER(${source.nameColumn}) LIKE ${sqlString(`%${needle}%`)}` : undefined].filter(Boolean);
  const where = conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '';
  return `SELECT id, ${source.nameColumn} AS name FROM ${source.table}${where} ORDER BY ${source.nameColumn}`;
}

export async function searchReferences(client: NetSuiteClient, referenceType: string, text: string): Promise<ReferenceCandidate[]> {
  if (referenceType === 'nsResource' || !/^[A-Za-z][A-Za-z0-9_]*$/.test(referenceType)) {
    throw new Error('NetSuite does not say which record type this field refers to; type the internal id instead.');
  }
  if (isItemType(referenceType)) {
    // Items by display name or SKU, shown as both (itemNames.ts).
    const page = await client.queryPage(itemSearchQuery(referenceType, text), 0, { pageSize: 25 });
    return page.rows.map((row) => ({ id: String(row.raw.id), refName: itemLabel(String(row.raw.name ?? row.raw.id), row.raw.displayname ?? undefined) }));
  }
  const page = await client.queryPage(referenceSearchQuery(referenceType, text), 0, { pageSize: 25 });
  return page.rows.map((row) => ({ id: String(row.raw.id), refName: row.raw.name ?? String(row.raw.id) }));
}

/** Items whose SKU or display name contains `text`, by SKU. */
export function itemSearchQuery(referenceType: string, text: string): string {
  const source = suiteQLNameSource(referenceType);
  const needle = sqlString(`%${text.trim().toLowerCase()}%`);
  const conditions = [source.typeCondition, `(LOWER(${source.nameColumn}) LIKE ${needle} OR LOWER(displayname) LIKE ${needle})`].filter(Boolean);
  return `SELECT id, ${source.nameColumn} AS name, displayname FROM ${source.table} WHERE ${conditions.join(' AND ')} ORDER BY ${source.nameColumn}`;
}

function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
