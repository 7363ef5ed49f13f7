/**
 * Writes grid edits and bulk actions to NetSuite. Pure (no `vscode`): the integration spec runs it against the
 * sandbox. Only the changed fields are sent; one record goes as one PATCH (or DELETE), more as NetSuite's batch
 * operations (recordBatches.ts: idempotency key per batch, per-record results). Every change is checked against the
 * edit map the host made for the result, never against what the renderer claims.
 */
import type { NetSuiteClient } from '../../netsuite/client';
import { typedFieldValue } from '../../netsuite/csvImport';
import { describeError } from '../../netsuite/describeError';
import { isNetSuiteError } from '../../netsuite/errors';
import type { BatchEntry, BatchEntryResult, BatchOperation, BatchProgress } from '../../netsuite/recordBatches';
import type { NetSuiteRecord } from '../../netsuite/records';
import type { GridRecordEdit, GridRowRecord, GridRowResult } from '../../protocol/gridEditMessages';
import type { FieldModel } from '../forms/model/formModel';
import type { FieldChange } from '../forms/model/formValues';
import type { GridEditMap } from './gridEditMapping';

export type GridWriteClient = Pick<NetSuiteClient, 'records' | 'batches'>;

/** A cell's text as the REST value of its field: empty clears it; a reference or list value is an internal id. */
export function cellValue(field: FieldModel, text: string): { value?: unknown; error?: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { value: null };
  if (field.kind === 'reference') {
    return /^\d+$/.test(trimmed) ? { value: { id: trimmed } } : { error: `${field.title}: type the internal id of the ${field.referenceType ?? 'record'} (a number), as the query shows it` };
  }
  return typedFieldValue(field, trimmed);
}

/** How a written value reads in a SuiteQL result (T/F for checkboxes, the id of a reference). */
export function suiteQLText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 'T' : 'F';
  if (typeof value === 'object' && 'id' in value) return String((value as { id: unknown }).id);
  return String(value);
}

interface PlannedWrite {
  row: number;
  recordType: string;
  id: string;
  body: NetSuiteRecord;
  /** Field id → column, to put NetSuite's error on the cell its `o:errorPath` names. */
  columns: Map<string, number>;
  values: { column: number; value: string | null }[];
}

export interface ApplyOptions {
  signal?: AbortSignal;
  stop?: AbortSignal;
  onProgress?: (progress: BatchProgress) => void;
  /** Batches in flight at once (default: the account's concurrency limit). */
  concurrency?: number;
}

/** Applies edited rows; one result per record, in the order given. */
export async function applyGridEdits(client: GridWriteClient, edits: readonly GridRecordEdit[], map: GridEditMap, options: ApplyOptions = {}): Promise<GridRowResult[]> {
  const results: GridRowResult[] = [];
  const planned: PlannedWrite[] = [];
  for (const edit of edits) {
    const plan = planWrite(edit, map);
    if ('error' in plan) results.push({ row: edit.row, status: 'failed', message: plan.error, column: plan.column });
    else planned.push(plan);
  }
  results.push(...(await write(client, planned, 'update', options)));
  return order(results, edits.map((edit) => edit.row));
}

export interface GridApplyInput {
  account: { label: string; readOnly: boolean };
  /** The form's question before a write (asked only on accounts that want it, e.g. production). */
  confirmWrite(what: string, changes: readonly FieldChange[]): Promise<boolean>;
  client: GridWriteClient;
  edits: readonly GridRecordEdit[];
  map: GridEditMap;
  /** Runs the writes, e.g. under a cancellable progress notification whose Cancel aborts `stop`. */
  inProgress?<T>(work: (stop: AbortSignal) => Promise<T>): PromiseLike<T>;
}

/**
 * Apply as a form's Save behaves: nothing leaves a read-only account, the account's confirmation (old → new per
 * record and field) comes first, and a "no" sends nothing and keeps the edits.
 */
export async function applyFromGrid(input: GridApplyInput): Promise<{ results: GridRowResult[]; summary: string; failed: number }> {
  const { account, edits } = input;
  if (account.readOnly) {
    const reason = `${account.label} is read-only in SuiteLens; nothing was sent. Your edits are kept.`;
    return { results: edits.map((edit) => ({ row: edit.row, status: 'notSubmitted', message: reason })), summary: reason, failed: 0 };
  }
  const changes = edits.flatMap((edit) =>
    edit.changes.map((change) => ({ field: `${edit.recordType} ${edit.id} · ${change.field}`, before: change.before ?? '(empty)', after: change.after === '' ? '(empty)' : change.after })),
  );
  const what = `Update ${edits.length} record${edits.length === 1 ? '' : 's'} from the grid`;
  if (!(await input.confirmWrite(what, changes))) return { results: [], summary: 'Nothing was sent; your edits are kept.', failed: 0 };
  const work = (stop?: AbortSignal) => applyGridEdits(input.client, edits, input.map, { stop });
  const results = input.inProgress ? await input.inProgress(work) : await work();
  return { results, summary: summaryOf(results, 'Saved'), failed: results.filter((result) => result.status === 'failed' || result.status === 'unknown').length };
}

function planWrite(edit: GridRecordEdit, map: GridEditMap): PlannedWrite | { error: string; column?: number } {
  const typeMap = map.types.find((type) => type.recordType === edit.recordType);
  const models = map.fieldModels.get(edit.recordType);
  if (!typeMap || !models) return { error: `${edit.recordType} records cannot be edited in this result.` };
  if (!/^\d+$/.test(edit.id)) return { error: `'${edit.id}' is not an internal id.` };
  const body: NetSuiteRecord = {};
  const columns = new Map<string, number>();
  const values: PlannedWrite['values'] = [];
  for (const change of edit.changes) {
    const model = models.get(change.field);
    if (!model || typeMap.fields[change.column] !== change.field) return { error: `Column ${change.column + 1} cannot be edited in this result.`, column: change.column };
    const typed = cellValue(model, change.after);
    if (typed.error) return { error: typed.error, column: change.column };
    body[change.field] = typed.value;
    columns.set(change.field.toLowerCase(), change.column);
    // What was sent, as the query shows it (`1,234.5` is saved as 1234.5), not what was typed.
    values.push({ column: change.column, value: suiteQLText(typed.value) });
  }
  if (Object.keys(body).length === 0) return { error: 'Nothing changed in this row.' };
  return { row: edit.row, recordType: edit.recordType, id: edit.id, body, columns, values };
}

export type BulkChange = { kind: 'setField'; recordType: string; field: FieldModel; text: string; column?: number } | { kind: 'delete'; recordType: string };

/** "Set field…" or "Delete records…" on rows of one record type. */
export async function runBulkAction(client: GridWriteClient, change: BulkChange, records: readonly GridRowRecord[], options: ApplyOptions = {}): Promise<{ results: GridRowResult[]; stopped: boolean }> {
  const wrong = records.find((record) => record.recordType !== change.recordType || !/^\d+$/.test(record.id));
  if (wrong) throw new Error(`Row ${wrong.row + 1} is not a ${change.recordType} record with an internal id.`);
  if (change.kind === 'delete') {
    const planned = records.map((record) => ({ ...record, body: {}, columns: new Map<string, number>(), values: [] }));
    return finish(await write(client, planned, 'delete', options), records, options);
  }
  const typed = cellValue(change.field, change.text);
  if (typed.error) throw new Error(typed.error);
  const columns = new Map(change.column === undefined ? [] : [[change.field.id.toLowerCase(), change.column]]);
  const values = change.column === undefined ? [] : [{ column: change.column, value: suiteQLText(typed.value) }];
  const planned = records.map((record) => ({ ...record, body: { [change.field.id]: typed.value }, columns, values }));
  return finish(await write(client, planned, 'update', options), records, options);
}

function finish(results: GridRowResult[], records: readonly GridRowRecord[], options: ApplyOptions): { results: GridRowResult[]; stopped: boolean } {
  const stopped = (options.stop?.aborted ?? false) && results.some((result) => result.status === 'notSubmitted');
  return { results: order(results, records.map((record) => record.row)), stopped };
}

/** One record: one request. More: NetSuite's batches, per record type. */
async function write(client: GridWriteClient, planned: readonly PlannedWrite[], operation: Extract<BatchOperation, 'update' | 'delete'>, options: ApplyOptions): Promise<GridRowResult[]> {
  if (planned.length === 0) return [];
  if (planned.length === 1) return [await writeOne(client, planned[0], operation, options)];
  const byType = new Map<string, PlannedWrite[]>();
  for (const plan of planned) byType.set(plan.recordType, [...(byType.get(plan.recordType) ?? []), plan]);
  const results: GridRowResult[] = [];
  for (const [recordType, group] of byType) {
    const entries: BatchEntry[] = group.map((plan) => (operation === 'delete' ? { id: plan.id } : { id: plan.id, fields: plan.body }));
    const run = await client.batches.run(recordType, operation, entries, { stop: options.stop, signal: options.signal, onProgress: options.onProgress, concurrency: options.concurrency });
    results.push(...run.results.map((result) => rowResult(group[result.index], result, operation)));
  }
  return results;
}

async function writeOne(client: GridWriteClient, plan: PlannedWrite, operation: 'update' | 'delete', options: ApplyOptions): Promise<GridRowResult> {
  if (options.stop?.aborted) return { row: plan.row, status: 'notSubmitted' };
  try {
    if (operation === 'delete') await client.records.delete(plan.recordType, plan.id, { signal: options.signal });
    else await client.records.patch(plan.recordType, plan.id, plan.body, { signal: options.signal });
    options.onProgress?.({ done: 1, total: 1, succeeded: 1, failed: 0 });
    return { row: plan.row, status: operation === 'delete' ? 'deleted' : 'saved', ...(plan.values.length ? { values: plan.values } : {}) };
  } catch (error) {
    if (isNetSuiteError(error, 'cancelled')) throw error;
    options.onProgress?.({ done: 1, total: 1, succeeded: 0, failed: 1 });
    const errorPath = isNetSuiteError(error) ? error.errorPath : undefined;
    const message = isNetSuiteError(error) && error.detail ? error.detail : describeError(error);
    return { row: plan.row, status: 'failed', message, ...columnOf(plan, errorPath) };
  }
}

function rowResult(plan: PlannedWrite, result: BatchEntryResult, operation: 'update' | 'delete'): GridRowResult {
  if (result.status === 'succeeded') return { row: plan.row, status: operation === 'delete' ? 'deleted' : 'saved', ...(plan.values.length ? { values: plan.values } : {}) };
  if (result.status === 'notSubmitted') return { row: plan.row, status: 'notSubmitted', ...(result.error ? { message: result.error.message } : {}) };
  const message = result.error?.detail ?? result.error?.message ?? 'NetSuite did not say why.';
  return { row: plan.row, status: result.status, message, ...columnOf(plan, result.error?.errorPath) };
}

/** The column of the field NetSuite's `o:errorPath` names (`email`, `addressBook.items[0].zip` → addressBook). */
function columnOf(plan: PlannedWrite, errorPath: string | undefined): { column?: number } {
  const field = errorPath?.split(/[.[]/)[0]?.toLowerCase();
  const column = (field !== undefined ? plan.columns.get(field) : undefined) ?? (plan.columns.size === 1 ? [...plan.columns.values()][0] : undefined);
  return column === undefined ? {} : { column };
}

function order(results: GridRowResult[], rows: readonly number[]): GridRowResult[] {
  const position = new Map(rows.map((row, index) => [row, index]));
  return [...results].sort((a, b) => (position.get(a.row) ?? 0) - (position.get(b.row) ?? 0));
}

/** "Saved 2 records; 1 failed (fix the marked cells and Apply again)." */
export function summaryOf(results: readonly GridRowResult[], verb: 'Saved' | 'Updated' | 'Deleted', stopped = false): string {
  const count = (status: GridRowResult['status']) => results.filter((result) => result.status === status).length;
  const done = count('saved') + count('deleted');
  const parts = [`${verb} ${done} of ${results.length} record${results.length === 1 ? '' : 's'}`];
  if (count('failed')) parts.push(`${count('failed')} refused by NetSuite (the error is on the row)`);
  if (count('unknown')) parts.push(`${count('unknown')} unknown (the answer was lost; read the records before repeating)`);
  if (count('notSubmitted')) parts.push(`${count('notSubmitted')} not sent${stopped ? ' (cancelled)' : ''}`);
  return `${parts.join('; ')}.`;
}
