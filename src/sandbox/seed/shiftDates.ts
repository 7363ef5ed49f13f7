/**
 * The demo's data dated relative to today. The seed is generated against the fixed SEED_EPOCH (tests and snapshots
 * stay deterministic); a sandbox asked for today's data moves every date and datetime field — and the records'
 * created and last-modified stamps — by the whole days between SEED_EPOCH and today, so "last 12 months" and "overdue"
 * mean what they say in the demo whenever it runs. Only fields the record type declares as date or datetime move,
 * so text that happens to look like a date is left alone.
 */
import { findRecordType } from '../catalog/registry';
import type { FieldDefinition, StoredRecord } from '../model/recordTypes';
import { DAY_MS, SEED_EPOCH } from './storedRecords';

/** Whole days from SEED_EPOCH's day to `now`'s day (UTC): the shift that makes the seed end on today. */
export function daysToToday(now: number): number {
  return Math.floor(now / DAY_MS) - Math.floor(SEED_EPOCH / DAY_MS);
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const dateTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

function shiftValue(value: unknown, kind: FieldDefinition['kind'], days: number): unknown {
  if (typeof value !== 'string') return value;
  if (kind === 'date' && datePattern.test(value)) return new Date(Date.parse(`${value}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
  if (kind === 'datetime' && dateTimePattern.test(value)) return `${new Date(Date.parse(value) + days * DAY_MS).toISOString().slice(0, 19)}Z`;
  return value;
}

function shiftFields(fields: Record<string, unknown>, definitions: readonly FieldDefinition[], days: number): Record<string, unknown> {
  const shifted = { ...fields };
  for (const field of definitions) {
    if ((field.kind === 'date' || field.kind === 'datetime') && field.id in shifted) shifted[field.id] = shiftValue(shifted[field.id], field.kind, days);
  }
  return shifted;
}

/** The record with its dates moved by `days` (a new object; the input is left as it was). */
export function shiftedRecord(record: StoredRecord, days: number): StoredRecord {
  if (days === 0) return record;
  const definition = findRecordType(record.type);
  if (!definition) return record;
  const sublists = Object.fromEntries(
    Object.entries(record.sublists).map(([id, lines]) => {
      const columns = definition.sublists.find((sublist) => sublist.id === id)?.fields ?? [];
      return [id, lines.map((line) => shiftFields(line, columns, days))];
    }),
  );
  return {
    ...record,
    fields: shiftFields(record.fields, definition.fields, days),
    sublists,
    createdDate: shiftValue(record.createdDate, 'datetime', days) as string,
    lastModifiedDate: shiftValue(record.lastModifiedDate, 'datetime', days) as string,
  };
}
