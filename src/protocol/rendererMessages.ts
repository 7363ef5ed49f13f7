/**
 * Messages between the SuiteQL grid renderer (notebook output webview) and the extension host, declared once with
 * their guards. Both sides validate what they receive: the renderer runs NetSuite data, the host must not trust it.
 */
import { arrayOf, defineMessage, isBoolean, isNumber, isString, oneOf, optional } from './guards';
import { isChartSettings } from './chartSettings';
import { isGridEditRequest, type GridEditRequest } from './gridEditMessages';
import { isRow, isRowsColumn, isRowsPayload } from './rows';

// Renderer → host
export const LoadMoreRequest = defineMessage('loadMore', { queryId: isString });
export const LoadAllRequest = defineMessage('loadAll', { queryId: isString });
export const CancelLoadRequest = defineMessage('cancelLoad', { queryId: isString });
export const ExportRequest = defineMessage('export', { queryId: isString, format: oneOf('csv', 'json', 'xlsx', 'markdown') });
export const OpenRecordRequest = defineMessage('openRecord', { queryId: isString, recordType: isString, id: isString });
/** The chart's settings changed (or the chart was closed: no `chart`); the host keeps them in the cell's metadata. */
export const ChartChanged = defineMessage('chartChanged', { queryId: isString, chart: optional(isChartSettings) });
/** Open the result in an editor tab of its own: the rows the grid has loaded travel along (the host keeps none). */
export const OpenInEditorRequest = defineMessage('openInEditor', { queryId: isString, result: isRowsPayload });

export type RendererToHost =
  | ReturnType<typeof LoadMoreRequest.create>
  | ReturnType<typeof LoadAllRequest.create>
  | ReturnType<typeof CancelLoadRequest.create>
  | ReturnType<typeof ExportRequest.create>
  | ReturnType<typeof OpenRecordRequest.create>
  | ReturnType<typeof ChartChanged.create>
  | ReturnType<typeof OpenInEditorRequest.create>
  | GridEditRequest;

/** What a grid asks about its result (rows, export, chart, open): every request but editing (gridEditMessages.ts). */
export type GridRequest = Exclude<RendererToHost, GridEditRequest>;

export function isGridRequest(value: unknown): value is GridRequest {
  return [LoadMoreRequest, LoadAllRequest, CancelLoadRequest, ExportRequest, OpenRecordRequest, ChartChanged, OpenInEditorRequest].some((m) => m.is(value));
}

export function isRendererToHost(value: unknown): value is RendererToHost {
  return isGridRequest(value) || isGridEditRequest(value);
}

// Host → renderer
/** More rows for a query, in order, appended after the rows the renderer already has. */
export const RowsAppended = defineMessage('rowsAppended', {
  queryId: isString,
  rows: arrayOf(isRow),
  /**
   * The full column list when these rows bring columns the grid has not seen: NetSuite omits NULL columns per row,
   * so a column that was NULL throughout page 1 first appears on a later page. Rows are aligned with this list.
   */
  columns: optional(arrayOf(isRowsColumn)),
  loaded: isNumber,
  totalResults: isNumber,
  /** True when the host has nothing more to send for this request (all rows, or stopped). */
  done: isBoolean,
});
export const LoadFailed = defineMessage('loadFailed', { queryId: isString, detail: isString });
export const LoadProgress = defineMessage('loadProgress', { queryId: isString, loaded: isNumber, totalResults: isNumber });

export type HostToRenderer =
  | ReturnType<typeof RowsAppended.create>
  | ReturnType<typeof LoadFailed.create>
  | ReturnType<typeof LoadProgress.create>;

export function isHostToRenderer(value: unknown): value is HostToRenderer {
  return [RowsAppended, LoadFailed, LoadProgress].some((m) => m.is(value));
}
