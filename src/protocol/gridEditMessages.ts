/**
 * Messages of editing in the grid (edit mode, Apply, bulk Set field… / Delete records…), declared once with their
 * guards. The renderer holds the rows and the edits; the host decides which columns map to which REST fields, checks
 * every change against that decision, and talks to NetSuite. Neither side trusts the other's message.
 */
import { arrayOf, defineMessage, either, isNull, isNumber, isString, objectOf, oneOf, optional, type ShapeType } from './guards';

/**
 * Columns that name each row's record type when the table holds several (`transaction`, `entity`, `item`), in the
 * order they are looked for: NetSuite's `recordtype` (a record type id, e.g. `salesorder`), else `type`
 * (`SalesOrd`, `CustJob`) or `itemtype` (`InvtPart`) codes.
 */
export const rowTypeColumnNames = ['recordtype', 'type', 'itemtype'] as const;

/** The index of the column that names each row's record type, if the result has one. */
export function rowTypeColumnOf(columns: readonly { name: string }[]): number | undefined {
  for (const name of rowTypeColumnNames) {
    const index = columns.findIndex((column) => column.name.toLowerCase() === name);
    if (index >= 0) return index;
  }
  return undefined;
}

// Renderer → host
/** Edit mode turned on: `typeValues` are the distinct values of the row-type column among the loaded rows. */
export const EditStart = defineMessage('editStart', { queryId: isString, typeValues: arrayOf(isString) });

const cellChangeShape = { column: isNumber, field: isString, before: either(isString, isNull), after: isString };
export type GridCellChange = ShapeType<typeof cellChangeShape>;
const recordEditShape = { row: isNumber, recordType: isString, id: isString, changes: arrayOf(objectOf(cellChangeShape)) };
export type GridRecordEdit = ShapeType<typeof recordEditShape>;
const isRecordEdit = objectOf(recordEditShape);
/** Apply the edited cells: one entry per edited record, the row's index among the loaded rows. */
export const ApplyEdits = defineMessage('applyEdits', { queryId: isString, records: arrayOf(isRecordEdit) });

const rowRecordShape = { row: isNumber, recordType: isString, id: isString };
export type GridRowRecord = ShapeType<typeof rowRecordShape>;
const isRowRecord = objectOf(rowRecordShape);
/** "Set field…" or "Delete records…" on the selected rows. */
export const BulkAction = defineMessage('bulkAction', { queryId: isString, action: oneOf('setField', 'delete'), records: arrayOf(isRowRecord) });

export type GridEditRequest = ReturnType<typeof EditStart.create> | ReturnType<typeof ApplyEdits.create> | ReturnType<typeof BulkAction.create>;

export function isGridEditRequest(value: unknown): value is GridEditRequest {
  return EditStart.is(value) || ApplyEdits.is(value) || BulkAction.is(value);
}

// Host → renderer
const typeMapShape = {
  /** The row-type column's value these rows have; '' when every row is of one record type. */
  value: isString,
  /** The REST record type; absent when the value names none SuiteLens can edit (`rowReason` says why). */
  recordType: optional(isString),
  rowReason: optional(isString),
  /** Per column: the REST field it writes, or null (then `reasons` says why the column is read-only). */
  fields: arrayOf(either(isString, isNull)),
  reasons: arrayOf(either(isString, isNull)),
};
export type GridTypeMap = ShapeType<typeof typeMapShape>;
const isTypeMap = objectOf(typeMapShape);

/** Which cells can be edited; `reason` when none can (a join, no id column, a table that is no record type). */
export const EditMap = defineMessage('editMap', {
  queryId: isString,
  reason: optional(isString),
  idColumn: optional(isNumber),
  typeColumn: optional(isNumber),
  types: arrayOf(isTypeMap),
  /** The account refuses writes (read-only) — the grid says so instead of editing. */
  readOnly: optional(isString),
});

const rowResultShape = {
  row: isNumber,
  status: oneOf('saved', 'failed', 'deleted', 'unknown', 'notSubmitted'),
  /** NetSuite's error (or ours) for a row that did not save; shown on `column` when it names one. */
  message: optional(isString),
  column: optional(isNumber),
  /** New cell values to show for saved rows (a bulk Set field on a column of the result). */
  values: optional(arrayOf(objectOf({ column: isNumber, value: either(isString, isNull) }))),
};
export type GridRowResult = ShapeType<typeof rowResultShape>;
const isRowResult = objectOf(rowResultShape);

/** What happened to each row of an Apply or bulk action; `summary` is the one line the grid shows. */
export const EditResults = defineMessage('editResults', { queryId: isString, results: arrayOf(isRowResult), summary: isString, failed: isNumber });

export type GridEditNotice = ReturnType<typeof EditMap.create> | ReturnType<typeof EditResults.create>;

export function isGridEditNotice(value: unknown): value is GridEditNotice {
  return EditMap.is(value) || EditResults.is(value);
}
