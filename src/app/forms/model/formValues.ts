/**
 * The values a record form edits, and what a save sends: a create body, or a PATCH body with only the changed
 * fields (netsuite-wire.md §1.5) and, per sublist, only the changed lines: an edited line by its key (`line` on
 * transactions, `internalId` on address books) with only its changed cells, a new line without a key, and no
 * `replace`, so lines someone else added meanwhile stay (§1.6: without `replace` NetSuite updates the lines whose key
 * matches and adds the rest). A removed line can only go with `replace=<sublist>` (NetSuite has no per-line delete in
 * REST, §1.6 "Delete a single line"), which then lists every line to keep by its key — the lines of the record as it
 * is now in NetSuite when the caller passes it, so a line added elsewhere is kept. A cleared value is sent as `null`,
 * NetSuite's way to clear a field (§1.5); lines without a key column cannot be addressed and go whole with `replace`.
 * Pure, unit-tested.
 */
import { changedFields, type NetSuiteRecord } from '../../../netsuite/records';
import type { FieldModel, FieldValue, FormModel, FormValues, LineValues, SublistModel } from '../../../protocol/formModel';

export type { FieldValue, FormValues, LineValues } from '../../../protocol/formModel';

export interface WritePlan {
  body: NetSuiteRecord;
  /** Sublists whose lines the request replaces. */
  replace: string[];
  /** Per changed sublist, what the lines in `body` do (for the confirmation and the Overwrite prompt). */
  lineChanges?: SublistChange[];
  /**
   * Edits that cannot go against the record as NetSuite has it now (`latest`): a cell of a line deleted there, or a
   * sublist without line keys whose lines changed there (sent whole, it would undo that change). Not in `body`;
   * a save refuses the plan rather than drop them or overwrite the other change unasked.
   */
  conflicts?: string[];
}

export interface EditedCell {
  line: number;
  column: string;
  before: string;
  after: string;
}

/** What a PATCH does to one sublist's lines. Line numbers count from 1 as the form shows them. */
export interface SublistChange {
  sublist: string;
  edited: EditedCell[];
  added: number;
  /** Form line numbers (in the form as it opened) of the lines removed. */
  removed: number[];
  /** True when the sublist has no line key and must be sent whole with `replace`. */
  whole: boolean;
  /** Lines kept by key because they are in NetSuite now (only with removals). */
  kept: number;
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
    const lines = createdLines(values, sublist).map((line) => filledColumns(line, sublist.columns, false));
    if (lines.length > 0) body[sublist.id] = { items: lines };
  }
  return { body, replace };
}

/** The form's lines a create sends, in order: those with an editable column filled in (blank lines are not sent). */
export function createdLines(values: FormValues, sublist: SublistModel): LineValues[] {
  return linesOf(values, sublist.id).filter((line) => Object.keys(filledColumns(line, sublist.columns, false)).length > 0);
}

/**
 * An edit: only body fields whose value changed (`null` clears one), read-only fields never; per sublist only the
 * changed lines (see the file comment). `latest` is the record as NetSuite has it now: when lines were removed, the
 * lines to keep are taken from it, so lines added there since the form opened survive.
 */
export function patchPlan(original: FormValues, edited: FormValues, model: FormModel, latest?: FormValues): WritePlan {
  const editable = model.fields.filter((field) => !field.readOnly);
  const pick = (values: FormValues): NetSuiteRecord =>
    Object.fromEntries(editable.flatMap((field) => {
      const value = wireValue(values[field.id] as FieldValue | undefined);
      return value === undefined || value === '' ? [] : [[field.id, value]];
    }));
  const body = changedFields(pick(original), pick(edited));
  const replace: string[] = [];
  const lineChanges: SublistChange[] = [];
  const conflicts: string[] = [];
  for (const sublist of model.sublists) {
    const planned = sublistPlan(sublist, linesOf(original, sublist.id), linesOf(edited, sublist.id), latest ? linesOf(latest, sublist.id) : undefined);
    if (!planned) continue;
    conflicts.push(...planned.conflicts);
    if (planned.items.length === 0 && !planned.replace && planned.conflicts.length > 0) continue;
    body[sublist.id] = { items: planned.items };
    if (planned.replace) replace.push(sublist.id);
    lineChanges.push(planned.change);
  }
  return { body, replace, ...(lineChanges.length > 0 ? { lineChanges } : {}), ...(conflicts.length > 0 ? { conflicts } : {}) };
}

interface PlannedSublist {
  items: NetSuiteRecord[];
  replace: boolean;
  change: SublistChange;
  conflicts: string[];
}

function sublistPlan(sublist: SublistModel, before: LineValues[], after: LineValues[], now: LineValues[] | undefined): PlannedSublist | undefined {
  const key = sublist.columns.find((column) => lineKeys.has(column.id))?.id;
  const editable = sublist.columns.filter((column) => !column.readOnly);
  if (!key) {
    const whole = (lines: LineValues[]) => JSON.stringify(lines.map((line) => filledColumns(line, sublist.columns, true)));
    if (whole(before) === whole(after)) return undefined;
    const change = { sublist: sublist.title, edited: [], added: 0, removed: [], whole: true, kept: 0 };
    // Lines without a key go whole: over lines changed elsewhere that would silently undo the other change.
    const changedThere = now !== undefined && whole(now) !== whole(before);
    const conflicts = changedThere ? [`${sublist.title} has no line ids, so your change replaces all its lines, and they were changed in NetSuite since this form opened`] : [];
    return { items: JSON.parse(whole(after)) as NetSuiteRecord[], replace: true, change, conflicts };
  }
  const keyOf = (line: LineValues): string | undefined => (line[key] === undefined || line[key] === null || line[key] === '' ? undefined : String(line[key]));
  const beforeByKey = new Map(before.flatMap((line, index) => (keyOf(line) === undefined ? [] : [[keyOf(line)!, { line, index }] as const])));
  const keptKeys = new Set(after.flatMap((line) => keyOf(line) ?? []));
  // Lines deleted in NetSuite since the form opened: edits to them cannot be sent (a PATCH by their key has no line).
  const nowKeys = now && new Set(now.flatMap((line) => keyOf(line) ?? []));
  const conflicts: string[] = [];
  const updates = new Map<string, NetSuiteRecord>();
  const added: NetSuiteRecord[] = [];
  const edited: EditedCell[] = [];
  for (const line of after) {
    const lineKey = keyOf(line);
    const earlier = lineKey === undefined ? undefined : beforeByKey.get(lineKey);
    if (!earlier) {
      const filled = filledColumns(line, sublist.columns, false);
      if (Object.keys(filled).length > 0) added.push(filled);
      continue;
    }
    const cells: NetSuiteRecord = {};
    const lineEdits: EditedCell[] = [];
    for (const column of editable) {
      const was = emptyToUndefined(wireValue(earlier.line[column.id]));
      const is = emptyToUndefined(wireValue(line[column.id]));
      if (JSON.stringify(was) === JSON.stringify(is)) continue;
      cells[column.id] = is === undefined ? null : is;
      lineEdits.push({ line: earlier.index + 1, column: column.title, before: displayValue(earlier.line[column.id]), after: displayValue(line[column.id]) });
    }
    if (lineEdits.length === 0) continue;
    if (nowKeys && !nowKeys.has(lineKey!)) {
      const what = lineEdits.map((cell) => `${cell.column} ${cell.before} → ${cell.after}`).join(', ');
      conflicts.push(`${sublist.title} line ${earlier.index + 1} was deleted in NetSuite since this form opened, so your change to it (${what}) cannot be saved`);
      continue;
    }
    edited.push(...lineEdits);
    updates.set(lineKey!, { [key]: earlier.line[key], ...cells });
  }
  const removed = [...beforeByKey.entries()].filter(([lineKey]) => !keptKeys.has(lineKey)).map(([, entry]) => entry.index + 1);
  if (updates.size === 0 && added.length === 0 && removed.length === 0) return conflicts.length > 0 ? { items: [], replace: false, change: { sublist: sublist.title, edited, added: 0, removed, whole: false, kept: 0 }, conflicts } : undefined;
  const change: SublistChange = { sublist: sublist.title, edited, added: added.length, removed, whole: false, kept: 0 };
  if (removed.length === 0) return { items: [...updates.values(), ...added], replace: false, change, conflicts };
  // Removing needs `replace`: every line to keep is named by its key, from NetSuite's current lines when known.
  const removedKeys = new Set([...beforeByKey.keys()].filter((lineKey) => !keptKeys.has(lineKey)));
  const keptKeysNow = (now ?? after).flatMap((line) => {
    const lineKey = keyOf(line);
    return lineKey === undefined || removedKeys.has(lineKey) ? [] : [{ lineKey, value: line[key] }];
  });
  const keep = keptKeysNow.map(({ lineKey, value }) => updates.get(lineKey) ?? { [key]: value });
  change.kept = keptKeysNow.filter(({ lineKey }) => !updates.has(lineKey)).length;
  return { items: [...keep, ...added], replace: true, change, conflicts };
}

function emptyToUndefined(value: unknown): unknown {
  return value === null || value === '' ? undefined : value;
}

/**
 * Fields and cells the plan cleared (sent as `null`) that still have a value in the record as NetSuite returned it
 * after the save: NetSuite fills some itself (a line's amount from quantity × rate, defaults) and keeps them. Named
 * as the form shows them ("Memo", "Items line 1 Amount") so the form can say so instead of showing "Saved".
 */
export function notCleared(plan: WritePlan, reloaded: FormValues, model: FormModel): string[] {
  const kept: string[] = [];
  for (const [id, value] of Object.entries(plan.body)) {
    const sublist = model.sublists.find((candidate) => candidate.id === id);
    if (!sublist) {
      if (value === null && emptyToUndefined(wireValue(reloaded[id] as FieldValue | undefined)) !== undefined) kept.push(model.fields.find((f) => f.id === id)?.title ?? id);
      continue;
    }
    const key = sublist.columns.find((column) => lineKeys.has(column.id))?.id;
    if (!key) continue;
    const lines = linesOf(reloaded, id);
    for (const sent of (value as { items: NetSuiteRecord[] }).items) {
      const index = lines.findIndex((line) => sent[key] !== undefined && String(line[key]) === String(sent[key]));
      if (index < 0) continue;
      for (const [column, cell] of Object.entries(sent)) {
        if (cell !== null || emptyToUndefined(wireValue(lines[index][column])) === undefined) continue;
        kept.push(`${sublist.title} line ${index + 1} ${sublist.columns.find((c) => c.id === column)?.title ?? column}`);
      }
    }
  }
  return kept;
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
  return Object.entries(plan.body).flatMap(([id, value]): FieldChange[] => {
    const field = model.fields.find((f) => f.id === id);
    const sublist = model.sublists.find((s) => s.id === id);
    if (sublist) {
      const change = plan.lineChanges?.find((candidate) => candidate.sublist === sublist.title);
      if (change && !change.whole) return describeLines(change);
      const before = linesOf(original, id).length;
      const after = (value as { items: unknown[] }).items.length;
      return [{ field: sublist.title, before: `${before} line${before === 1 ? '' : 's'}`, after: `${after} line${after === 1 ? '' : 's'} (replaced)` }];
    }
    const after = value === null ? null : ((edited[id] as FieldValue | undefined) ?? (value as FieldValue));
    return [{ field: field?.title ?? id, before: displayValue(original[id] as FieldValue | undefined), after: displayValue(after) }];
  });
}

/** A sublist's line changes as rows: each edited cell, the new lines, the removed lines and what is kept. */
function describeLines(change: SublistChange): FieldChange[] {
  const rows: FieldChange[] = change.edited.map((cell) => ({ field: `${change.sublist} line ${cell.line} ${cell.column}`, before: cell.before, after: cell.after }));
  if (change.added > 0) rows.push({ field: change.sublist, before: '(none)', after: `${change.added} new line${change.added === 1 ? '' : 's'} added` });
  if (change.removed.length > 0) {
    const kept = change.kept > 0 ? `; the other ${change.kept} line${change.kept === 1 ? '' : 's'} in NetSuite kept by line id` : '';
    rows.push({ field: change.sublist, before: `line${change.removed.length === 1 ? '' : 's'} ${change.removed.join(', ')}`, after: `removed${kept}` });
  }
  return rows;
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
