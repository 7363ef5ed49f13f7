/**
 * Sourcing from the entity, as NetSuite's transaction forms do when the customer (or vendor) is chosen: the
 * transaction takes the entity's subsidiary and currency (and its terms and sales rep where the transaction has
 * those fields), unless the request sets them itself. NetSuite documents sourcing as a field "sourced from" another
 * record's field (help: "Sourcing and Filtering"); which fields a sales order sources from its customer is our
 * reading of the standard form **[I]**. Create-form answers show it before anything is saved; creates apply it too.
 */
import type { RecordTypeDefinition, StoredRecord } from '../model/recordTypes';
import type { RecordStore } from '../store/recordStore';
import type { ValidatedBody } from './bodyValidation';

/** Transaction fields the entity's field of the same id fills. */
const sourcedFromEntity = ['subsidiary', 'currency', 'terms', 'salesRep'];

export async function sourceFromEntity(store: Pick<RecordStore, 'get'>, definition: RecordTypeDefinition, record: StoredRecord, body: ValidatedBody): Promise<void> {
  if (definition.family !== 'transaction' || !('entity' in body.fields)) return;
  const entityField = definition.fields.find((field) => field.id === 'entity');
  const entityId = (record.fields.entity as { id?: unknown } | undefined)?.id;
  if (!entityField?.referenceType || entityId === undefined) return;
  const entity = await store.get(entityField.referenceType, String(entityId));
  if (!entity) return;
  for (const fieldId of sourcedFromEntity) {
    if (fieldId in body.fields || !definition.fields.some((field) => field.id === fieldId && !field.readOnly)) continue;
    const value = entity.fields[fieldId];
    if (value !== undefined && value !== null) record.fields[fieldId] = structuredClone(value);
  }
}
