/**
 * The demo account's catalog at a real account's size: besides the types it has data for (`registry.ts`), it lists
 * every record type NetSuite documents for REST (`src/netsuite/restRecordTypes.ts`, with its sources), so the tree,
 * completion and forms meet a real catalog. A type without data gets a minimal schema of what every NetSuite record
 * carries (internal id and external id; `refName` and `links` come with every record schema), its collection answers
 * empty, a record of it 404s, and writes to it are refused (`records/typesWithoutData.ts`). These definitions never
 * reach the store or SuiteQL, which are built from `recordTypeDefinitions` alone.
 */
import { documentedRestRecordTypes } from '../../netsuite/restRecordTypes';
import type { RecordTypeDefinition } from '../model/recordTypes';
import { externalId, internalId } from './definitions/fieldKit';
import { findRecordType, recordTypeDefinitions } from './registry';

const recordTypesWithoutData: readonly RecordTypeDefinition[] = documentedRestRecordTypes
  .filter(([id]) => !findRecordType(id))
  .map(([id, label]) => ({
    id,
    label,
    family: 'list',
    suiteqlTable: id.toLowerCase(),
    nameField: 'id',
    fields: [internalId(), externalId()],
    sublists: [],
  }));

/** Everything the metadata catalog lists, in the catalog's order (by lower-case name, as its list is). */
export const catalogRecordTypeDefinitions: readonly RecordTypeDefinition[] = [...recordTypeDefinitions, ...recordTypesWithoutData].sort((a, b) =>
  a.id.toLowerCase().localeCompare(b.id.toLowerCase()),
);

const catalogByLowerCaseId = new Map(catalogRecordTypeDefinitions.map((definition) => [definition.id.toLowerCase(), definition]));
const withoutDataIds = new Set(recordTypesWithoutData.map((definition) => definition.id.toLowerCase()));

/** A record type of the catalog, with or without data, case-insensitively. */
export function findCatalogRecordType(name: string): RecordTypeDefinition | undefined {
  return catalogByLowerCaseId.get(name.toLowerCase());
}

export function hasNoData(recordType: string): boolean {
  return withoutDataIds.has(recordType.toLowerCase());
}
