/**
 * The values a record form edits, and what a save sends: a create body, or a PATCH body with only the changed
 * fields (netsuite-wire.md §1.5) and, for a changed sublist, all its remaining lines with `replace=<sublist>` so
 * removed lines go and kept lines are matched by their key (`line` on transactions, `internalId` on address books,
 * §1.6). Pure, unit-tested.
 */
import { changedFields, type NetSuiteRecord } from '../../../netsuite/records';
import type { FieldModel, FormModel } from './formModel';

export type FieldValue = string | number | boolean | null | { id: string; refName?: string };
export type LineValues = Record<string, FieldValue>;
/** Body field id → value, and sublist id → `{ items: lines }` (the record's own JSON shape, without links). */
export type FormValues = Record<string, FieldValue | { items: LineValues[] }>;

export interface WritePlan {
  body: NetSuiteRecord;
  /** Sublists whose lines the request replaces. */
  replace: string[];
}

/** A record as NetSuite returned it → the values the form shows (links dropped, references kept as `{id, refName}`). */
export function formValuesOf(record: NetSuiteRecord, model: FormModel): FormValues {
  const values: FormValues = {};
  for (const field of model.fields) {
    const value = plainValue(record[field.id]);
    if (value !== undefined) values[field.id] = value;
  }
  for (const sublist of model.sublists) {
    const items = (record[sublist.id] as { items?: unknown } | undefined)?.items;
    const lines = Array.isArray(items) ? items : [];
    values[sublist.id] = {
      items: lines.map((line) => {
        const out: LineValues = {};
        for (const [key, raw] of Object.entries(line as Record<string, unknown>)) {
          const value = plainValue(raw);
          if (key !== 'links' && value !== undefined) out[key] = value;
        }
        return out;
      }),
    };
  }
  return values;
}

/** A create: every editable field with a value; sublist lines with their editable, filled-in columns. */
export function createPlan(values: FormValues, model: FormModel): WritePlan {
  const body: NetSuiteRecord = {};
  for (const field of model.fields) {
    if (field.readOnly) continue;
    const value = wireValue(values[field.id] as FieldValue | undefined);
    if (value !== undefined && value !== null && value !== '') body[field.id] = value;
  }
  const replace: string[] = [];
  for (const sublist of model.sublists) {
    const lines = linesOf(values, sublist.id).map((line) => filledColumns(line, sublist.columns, false)).filter((line) => Object.keys(line).length > 0);
    if (lines.length > 0) body[sublist.id] = { items: lines };
  }
  return { body, replace };
}

/**
 * An edit: only body fields whose value changed (`null` clears one), read-only fields never; a sublist only when one
 * of its lines changed, then with every remaining line (kept lines carry their key) and the sublist in `replace`.
 */
export function patchPlan(original: FormValues, edited: FormValues, model: FormModel): WritePlan {
  const editable = model.fields.filter((field) => !field.readOnly);
  const pick = (values: FormValues): NetSuiteRecord =>
    Object.fromEntries(editable.flatMap((field) => {
      const value = wireValue(values[field.id] as FieldValue | undefined);
      return value === undefined || value === '' ? [] : [[field.id, value]];
    }));
  const body = changedFields(pick(original), pick(edited));
  const replace: string[] = [];
  for (const sublist of model.sublists) {
    const before = linesOf(original, sublist.id).map((line) => filledColumns(line, sublist.columns, true));
    const after = linesOf(edited, sublist.id).map((line) => filledColumns(line, sublist.columns, true));
    if (JSON.stringify(before) === JSON.stringify(after)) continue;
    body[sublist.id] = { items: after };
    replace.push(sublist.id);
  }
  return { body, replace };
}

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

/**
 * The change a plan makes, as "field: old → new" rows for the confirmation before a production write. `edited`
 * gives the new values their display names (the wire body keeps only a reference's id).
 */
export function describeChanges(plan: WritePlan, original: FormValues, model: FormModel, edited: FormValues = {}): FieldChange[] {
  return Object.entries(plan.body).map(([id, value]) => {
    const field = model.fields.find((f) => f.id === id);
    const sublist = model.sublists.find((s) => s.id === id);
    if (sublist) {
      const before = linesOf(original, id).length;
      const after = (value as { items: unknown[] }).items.length;
      return { field: sublist.title, before: `${before} line${before === 1 ? '' : 's'}`, after: `${after} line${after === 1 ? '' : 's'} (replaced)` };
    }
    const after = value === null ? null : ((edited[id] as FieldValue | undefined) ?? (value as FieldValue));
    return { field: field?.title ?? id, before: displayValue(original[id] as FieldValue | undefined), after: displayValue(after) };
  });
}

export function displayValue(value: FieldValue | undefined): string {
  if (value === undefined || value === null || value === '') return '(empty)';
  if (typeof value === 'object') return value.refName ? `${value.refName} (${value.id})` : value.id;
  return String(value);
}

function linesOf(values: FormValues, sublistId: string): LineValues[] {
  const sublist = values[sublistId];
  return typeof sublist === 'object' && sublist !== null && 'items' in sublist && Array.isArray(sublist.items) ? sublist.items : [];
}

// Line keys NetSuite matches existing lines by; kept on edits even though the schema marks them read-only.
const lineKeys = new Set(['line', 'internalId']);

function filledColumns(line: LineValues, columns: FieldModel[], keepKeys: boolean): NetSuiteRecord {
  const out: NetSuiteRecord = {};
  for (const column of columns) {
    const isKey = lineKeys.has(column.id);
    if (column.readOnly && !(keepKeys && isKey)) continue;
    const value = wireValue(line[column.id]);
    if (value !== undefined && value !== null && value !== '') out[column.id] = value;
  }
  return out;
}

/** What goes on the wire: references and enums as `{id}` (NetSuite ignores refName on writes). */
function wireValue(value: FieldValue | undefined): unknown {
  if (value !== null && typeof value === 'object') return value.id ? { id: value.id } : undefined;
  return value;
}

function plainValue(raw: unknown): FieldValue | undefined {
  if (raw === null || typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') return raw;
  if (typeof raw === 'object' && raw !== null && 'id' in raw && !('items' in raw)) {
    const reference = raw as { id: unknown; refName?: unknown };
    return { id: String(reference.id), ...(typeof reference.refName === 'string' ? { refName: reference.refName } : {}) };
  }
  return undefined;
}
