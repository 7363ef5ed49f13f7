/**
 * Messages between the CSV import webview (media/import) and the extension host, each declared once with its guard.
 * The webview only draws what the host sends and reports the mapping the person chose; the host checks that mapping
 * against the file's columns and the record type's fields before any dry run or import (it must not be trusted).
 */
import { arrayOf, defineMessage, isBoolean, isNumber, isString, objectOf, oneOf, optional } from './guards';

const isReferenceMatch = oneOf('internalId', 'externalId', 'name');
/** One CSV column → field choice; `field` '' leaves the column out; `id` / `externalId` are the row's key. */
const isColumnChoice = objectOf({ column: isString, field: isString, reference: optional(isReferenceMatch) });

const isColumn = objectOf({ name: isString, samples: arrayOf(isString) });
/** A field a column can fill; `reference` fields get a "match by" choice. */
const isTargetField = objectOf({ id: isString, title: isString, kind: isString, reference: isBoolean });
const isProblem = objectOf({ row: isNumber, column: isString, message: isString });
const isColumnCount = objectOf({ column: isString, count: isNumber });

// Webview → host
export const ImportReady = defineMessage('ready', {});
/** The mapping changed: the host answers with whether an earlier run of exactly this import can be resumed. */
export const MappingChanged = defineMessage('mapping', { mapping: arrayOf(isColumnChoice) });
export const DryRunRequest = defineMessage('dryRun', { mapping: arrayOf(isColumnChoice) });
export const ApplyRequest = defineMessage('apply', { mapping: arrayOf(isColumnChoice) });
export const OpenResultsRequest = defineMessage('openResults', {});

export type ColumnChoice = ReturnType<typeof MappingChanged.create>['mapping'][number];

export type ImportToHost =
  | ReturnType<typeof ImportReady.create>
  | ReturnType<typeof MappingChanged.create>
  | ReturnType<typeof DryRunRequest.create>
  | ReturnType<typeof ApplyRequest.create>
  | ReturnType<typeof OpenResultsRequest.create>;

export function isImportToHost(value: unknown): value is ImportToHost {
  return [ImportReady, MappingChanged, DryRunRequest, ApplyRequest, OpenResultsRequest].some((m) => m.is(value));
}

// Host → webview
/** Draws the page: the file, where it goes, its columns with sample values, the fields, the suggested mapping. */
export const ImportInit = defineMessage('init', {
  heading: isString,
  file: isString,
  account: isString,
  production: isBoolean,
  readOnly: isBoolean,
  /** What people call the type ("Customer"), for the field list's heading. */
  recordTypeLabel: isString,
  mode: oneOf('create', 'update', 'upsert'),
  rowCount: isNumber,
  columns: arrayOf(isColumn),
  fields: arrayOf(isTargetField),
  mapping: arrayOf(isColumnChoice),
  resume: optional(isString),
});
export const ImportBusy = defineMessage('busy', { busy: isBoolean, label: optional(isString) });
/** "Resume import: N of M rows already done", or nothing when this mapping starts afresh. */
export const ResumeNotice = defineMessage('resume', { text: optional(isString) });
/**
 * Row problems, from a dry run (nothing written) or an import (invalid and failed rows with NetSuite's error): the
 * first `problems` of `problemRows` rows, and how many rows each column holds problems in.
 */
export const ProblemsShown = defineMessage('problems', {
  phase: oneOf('dryRun', 'import'),
  summary: isString,
  checkedRows: isNumber,
  problemRows: isNumber,
  byColumn: arrayOf(isColumnCount),
  problems: arrayOf(isProblem),
  resultsFile: optional(isString),
});
export type ProblemsPayload = Omit<ReturnType<typeof ProblemsShown.create>, 'type'>;
export const ImportFailed = defineMessage('failed', { message: isString });

export type HostToImport =
  | ReturnType<typeof ImportInit.create>
  | ReturnType<typeof ImportBusy.create>
  | ReturnType<typeof ResumeNotice.create>
  | ReturnType<typeof ProblemsShown.create>
  | ReturnType<typeof ImportFailed.create>;

export function isHostToImport(value: unknown): value is HostToImport {
  return [ImportInit, ImportBusy, ResumeNotice, ProblemsShown, ImportFailed].some((m) => m.is(value));
}
