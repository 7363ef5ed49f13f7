/**
 * Building blocks for seeded records: the demo account's fixed "now", ISO formatting as NetSuite writes it, and a
 * `StoredRecord` builder that fills the type's own timestamp fields (entities say `dateCreated`, transactions and
 * items `createdDate`, custom records `created`) so REST and SuiteQL both see them.
 */
import { findRecordType } from '../catalog/registry';
import type { StoredRecord } from '../model/recordTypes';

/** The demo account's "now": every seeded date is relative to it, never to the wall clock. */
export const SEED_EPOCH = Date.UTC(2026, 0, 1, 9, 0, 0);
export const DAY_MS = 86_400_000;

/** `2026-01-01T09:00:00Z`: seconds, no milliseconds, as NetSuite writes datetimes. */
export const isoDateTime = (epochMs: number) => new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
export const isoDate = (epochMs: number) => new Date(epochMs).toISOString().slice(0, 10);

/** A stored reference or enum value: the id only (the server resolves `refName` and links). */
export const ref = (id: string | number) => ({ id: String(id) });

const createdFieldIds = ['dateCreated', 'createdDate', 'created'];
const modifiedFieldIds = ['lastModifiedDate', 'lastModified'];

export interface RecordDates {
  created: number;
  modified: number;
}

export function storedRecord(
  type: string,
  id: string | number,
  fields: Record<string, unknown>,
  dates: RecordDates,
  sublists: Record<string, Record<string, unknown>[]> = {},
  externalId?: string,
): StoredRecord {
  const definition = findRecordType(type);
  if (!definition) throw new Error(`Seed data names an unknown record type '${type}'.`);
  const createdDate = isoDateTime(dates.created);
  const lastModifiedDate = isoDateTime(dates.modified);
  const withDates: Record<string, unknown> = { ...fields };
  for (const field of definition.fields) {
    if (createdFieldIds.includes(field.id)) withDates[field.id] = createdDate;
    if (modifiedFieldIds.includes(field.id)) withDates[field.id] = lastModifiedDate;
  }
  const record: StoredRecord = { type: definition.id, id: String(id), fields: withDates, sublists, createdDate, lastModifiedDate };
  if (externalId !== undefined) record.externalId = externalId;
  return record;
}
