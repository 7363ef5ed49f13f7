/**
 * Fields whose values live on the stored record itself rather than in its field map: the internal id, the
 * external id and the timestamps (entities say `dateCreated`, transactions and items `createdDate`).
 */
import type { StoredRecord } from '../model/recordTypes';

export type SystemField = 'id' | 'externalId' | 'createdDate' | 'lastModifiedDate';

const systemFieldIds: Record<string, SystemField> = {
  id: 'id',
  externalid: 'externalId',
  createddate: 'createdDate',
  datecreated: 'createdDate',
  lastmodifieddate: 'lastModifiedDate',
};

export function systemFieldOf(fieldId: string): SystemField | undefined {
  return systemFieldIds[fieldId.toLowerCase()];
}

export function fieldValue(record: StoredRecord, fieldId: string): unknown {
  const system = systemFieldOf(fieldId);
  if (system) return record[system];
  return record.fields[fieldId];
}
