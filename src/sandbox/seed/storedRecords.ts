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
export const isoDateTime = (epochMs: number) => `${new Date(epochMs).toISOString().slice(0, 19)}Z`;
export const isoDate = (epochMs: number) => new Date(epochMs).toISOString().slice(0, 10);

/** A stored reference or enum value: the id only (the server resolves `refName` and links). */
export const ref = (id: string | number) => ({ id: String(id) });

const createdFieldIds = ['dateCreated', 'createdDate', 'created'];
const modifiedFieldIds = ['lastModifiedDate', 'lastModified'];

/** Per record type: its canonical id and which of its fields hold the timestamps (looked up once per type). */
const timestampFieldsByType = new Map<string, { typeId: string; created: string[]; modified: string[] }>();

function timestampFields(type: string) {
  let entry = timestampFieldsByType.get(type);
  if (!entry) {
    const definition = findRecordType(type);
    if (!definition) throw new Error(`Seed data names an unknown record type '${type}'.`);
    const ids = definition.fields.map((field) => field.id);
    entry = { typeId: definition.id, created: ids.filter((id) => createdFieldIds.includes(id)), modified: ids.filter((id) => modifiedFieldIds.includes(id)) };
    timestampFieldsByType.set(type, entry);
  }
  return entry;
}

export interface RecordDates {
  created: number;
  modified: number;
}

/** Takes ownership of `fields` (adds the timestamp fields to it): callers pass a fresh object. */
export function storedRecord(
  type: string,
  id: string | number,
  fields: Record<string, unknown>,
  dates: RecordDates,
  sublists: Record<string, Record<string, unknown>[]> = {},
  externalId?: string,
): StoredRecord {
  const { typeId, created, modified } = timestampFields(type);
  const createdDate = isoDateTime(dates.created);
  const lastModifiedDate = isoDateTime(dates.modified);
  for (const fieldId of created) fields[fieldId] = createdDate;
  for (const fieldId of modified) fields[fieldId] = lastModifiedDate;
  const record: StoredRecord = { type: typeId, id: String(id), fields, sublists, createdDate, lastModifiedDate };
  if (externalId !== undefined) record.externalId = externalId;
  return record;
}
