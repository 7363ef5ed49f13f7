/**
 * The notebook output payload for SuiteQL results: MIME `application/vnd.suitelens.rows+json`.
 * Produced by the notebook controller in the extension host, rendered by `media/renderer` (the grid).
 * Rows are arrays aligned with `columns` (compact for 100,000-row results); `null` means the column was absent
 * from NetSuite's row (NetSuite omits NULL columns), which the grid shows differently from an empty string.
 */
import { isChartSettings } from './chartSettings';
import { arrayOf, either, isNull, isNumber, isString, objectOf, oneOf, optional, type ShapeType } from './guards';

export const ROWS_MIME = 'application/vnd.suitelens.rows+json';

const columnShape = {
  name: isString,
  /** Inferred from NetSuite's strings: sorts numerically or by date where known. */
  type: optional(oneOf('string', 'number', 'date', 'boolean')),
  /** When set, the column holds internal ids of this record type and renders as an "open record" link. */
  recordType: optional(isString),
};
export const isRowsColumn = objectOf(columnShape);
export type RowsColumn = ShapeType<typeof columnShape>;

export const isCell = either(isString, isNull);
export type Cell = string | null;
export const isRow = arrayOf(isCell);

const accountShape = { id: isString, environment: oneOf('production', 'sandbox', 'releasePreview') };

const rowsPayloadShape = {
  kind: oneOf('rows'),
  queryId: isString,
  columns: arrayOf(isRowsColumn),
  rows: arrayOf(isRow),
  /** NetSuite's totalResults for the query (capped at 100,000 by NetSuite). */
  totalResults: isNumber,
  elapsedMs: isNumber,
  /** Set to NetSuite's cap (100,000) when the query has more rows than NetSuite will page through. */
  truncatedAt: optional(isNumber),
  account: objectOf(accountShape),
  /** The chart the cell keeps in its metadata, drawn when the result is shown as a chart. */
  chart: optional(isChartSettings),
};
export const isRowsPayload = objectOf(rowsPayloadShape);
export type RowsPayload = ShapeType<typeof rowsPayloadShape>;

const errorPayloadShape = {
  kind: oneOf('error'),
  queryId: isString,
  title: isString,
  /** NetSuite's own `detail`, verbatim. */
  detail: isString,
  code: optional(isString),
  /** The query that failed and, when NetSuite names one, the 0-based offset of the failing position in it. */
  query: optional(isString),
  position: optional(isNumber),
  account: optional(objectOf(accountShape)),
};
export const isErrorPayload = objectOf(errorPayloadShape);
export type ErrorPayload = ShapeType<typeof errorPayloadShape>;

export type RendererPayload = RowsPayload | ErrorPayload;
export function isRendererPayload(value: unknown): value is RendererPayload {
  return isRowsPayload(value) || isErrorPayload(value);
}
