/**
 * The SuiteQL notebook file format (`*.snb`): JSON with cells, the account id the notebook last ran against (an id,
 * never a secret), and outputs only when the user opted in. Pure — the VS Code serializer adapts it.
 *
 * A save must never write less than what was read unless the user removed it: keys this version does not know (at
 * the top, on a cell, on an output), an account written as a number and output data that is JSON rather than text
 * are all carried through the notebook's metadata and written back as the exact JSON text they were read as (a
 * number JSON.parse would round stays as written). Metadata other extensions give a cell is kept under the cell's
 * `metadata`.
 */
import { isChartSettings, type ChartSettings } from '../../protocol/chartSettings';
import { jsonSpans, rawJson, stringifyWithRaw, type JsonSpan, type RawJson } from './jsonSpans';

export const SNB_FORMAT_VERSION = 1;

export interface SnbOutputItem {
  mime: string;
  /** The item's data as text; JSON text when `json` is set. */
  data: string;
  /** The file held this item's data as a JSON value, not a string: written back as that value. */
  json?: boolean;
}

export interface SnbOutput {
  items: SnbOutputItem[];
  /** Keys of the output object other than `items`, kept as read. */
  extra?: Record<string, unknown>;
}

export interface SnbCell {
  kind: 'code' | 'markdown';
  /** `suiteql` for code cells, `markdown` for markdown cells. */
  language: string;
  source: string;
  /** Saved outputs (written when `saveOutputs` is on, or when they were read from the file). */
  outputs?: SnbOutput[];
  /** The result's chart, when the cell shows one (kept so the notebook reopens with it). */
  chart?: ChartSettings;
  /** Keys of the cell object this version does not know, kept as read. */
  extra?: Record<string, unknown>;
  /** Cell metadata SuiteLens does not own (other extensions'), written under the cell's `metadata`. */
  metadata?: Record<string, unknown>;
  /** `metadata` as the exact text read, written instead while the metadata is unchanged. */
  metadataAsRead?: RawJson;
}

export interface SnbDocument {
  version: number;
  /** Account id (e.g. `1234567_SB1`) whose controller the notebook prefers. */
  account?: string;
  /** The `account` value exactly as read (a number, say), written back while the account is unchanged. */
  accountAsRead?: unknown;
  saveOutputs?: boolean;
  cells: SnbCell[];
  /** Top-level keys this version does not know, kept as read. */
  extra?: Record<string, unknown>;
}

/** A notebook file we could not read. Thrown so VS Code refuses to open it — an empty notebook could be saved over it. */
export class SnbFormatError extends Error {
  override readonly name = 'SnbFormatError';
}

const untouched = 'The file was left untouched.';
const knownTopKeys = new Set(['version', 'account', 'saveOutputs', 'cells']);
const knownCellKeys = new Set(['kind', 'language', 'source', 'outputs', 'metadata']);

export function emptySnb(): SnbDocument {
  return { version: SNB_FORMAT_VERSION, cells: [{ kind: 'code', language: 'suiteql', source: 'SELECT id, entityid, companyname\nFROM customer\nORDER BY id' }] };
}

/** The keys `known` leaves out, each as its exact JSON text from the file (`span`), or as parsed without one. */
function extraKeys(record: Record<string, unknown>, known: Set<string>, span: JsonSpan | undefined): Record<string, unknown> | undefined {
  const extra = Object.fromEntries(Object.entries(record).filter(([key]) => !known.has(key)).map(([key, value]) => [key, kept(value, span?.keys?.get(key))]));
  return Object.keys(extra).length > 0 ? extra : undefined;
}

/** A value as the exact text it was read as, when we have it. */
function kept(value: unknown, span: JsonSpan | undefined): unknown {
  return span ? rawJson(sourceText.slice(span.start, span.end)) : value;
}

/** The text being parsed (parseSnb is synchronous, so one at a time). */
let sourceText = '';

/**
 * A notebook file's bytes as text. Only UTF-8 is a notebook: a file in another encoding (Latin-1, say) would open with
 * U+FFFD in place of its accented letters and be written back that way, so it is refused like invalid JSON.
 */
export function decodeSnb(bytes: Uint8Array, fileName = 'notebook'): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new SnbFormatError(`${fileName} is not a SuiteQL notebook: it is not UTF-8 text (another encoding such as Latin-1?). Convert it to UTF-8 and open it again. ${untouched}`);
  }
}

/** Says what a JSON file is when it is not a SuiteQL notebook, so the refusal names it. */
function foreignNotebookKind(record: Record<string, unknown>): string | undefined {
  const cells = Array.isArray(record.cells) ? (record.cells as unknown[]) : [];
  const jupyterCell = cells.some((cell) => typeof cell === 'object' && cell !== null && 'cell_type' in cell);
  if ('nbformat' in record || jupyterCell) {
    const version = typeof record.nbformat === 'number' ? ` (nbformat ${record.nbformat})` : '';
    return `a Jupyter notebook${version}; open it with the Jupyter extension or rename it to .ipynb`;
  }
  if (typeof record.kernelspec === 'object' || typeof record.metadata === 'object' && record.metadata !== null && 'kernelspec' in record.metadata) {
    return 'a Jupyter notebook; open it with the Jupyter extension or rename it to .ipynb';
  }
  if (!('cells' in record)) {
    const keys = Object.keys(record).slice(0, 4).map((key) => JSON.stringify(key)).join(', ');
    return `a JSON object without "cells"${keys ? ` (it has ${keys})` : ' (it is empty)'}`;
  }
  return undefined;
}

export function parseSnb(input: string, fileName = 'notebook'): SnbDocument {
  // Editors on Windows save UTF-8 with a byte-order mark; JSON.parse rejects it with an invisible "Unexpected token".
  const text = input.replace(/^\uFEFF/, '');
  if (text.trim() === '') return emptySnb(); // a brand-new file
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SnbFormatError(`${fileName} is not a SuiteQL notebook: its JSON is invalid (${(error as Error).message}). ${untouched}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const what = Array.isArray(value) ? 'a JSON list' : `a JSON ${value === null ? 'null' : typeof value}`;
    throw new SnbFormatError(`${fileName} is not a SuiteQL notebook: it is ${what}; expected a JSON object with "cells". ${untouched}`);
  }
  const record = value as Record<string, unknown>;
  sourceText = text;
  const spans = jsonSpans(text);
  try {
    return parseDocument(record, spans, fileName);
  } finally {
    sourceText = '';
  }
}

function parseDocument(record: Record<string, unknown>, spans: JsonSpan, fileName: string): SnbDocument {
  const foreign = foreignNotebookKind(record);
  if (foreign) throw new SnbFormatError(`${fileName} is not a SuiteQL notebook: it is ${foreign}. ${untouched}`);
  const version = record.version ?? SNB_FORMAT_VERSION;
  if (typeof version !== 'number' || version > SNB_FORMAT_VERSION) {
    throw new SnbFormatError(`${fileName} was written by a newer SuiteLens (format ${String(version)}); update SuiteLens to open it. ${untouched}`);
  }
  if (!Array.isArray(record.cells)) {
    throw new SnbFormatError(`${fileName} is not a SuiteQL notebook: "cells" must be a list. ${untouched}`);
  }
  const cellSpans = spans.keys?.get('cells')?.items;
  const cells = record.cells.map((cell, index) => parseCell(cell, index, fileName, cellSpans?.[index]));
  const document: SnbDocument = { version: SNB_FORMAT_VERSION, cells };
  if ((typeof record.account === 'string' && record.account !== '') || typeof record.account === 'number') {
    document.account = String(record.account);
  }
  if (record.account !== undefined) document.accountAsRead = record.account;
  if (record.saveOutputs === true) document.saveOutputs = true;
  else if (record.saveOutputs !== undefined) document.extra = { saveOutputs: kept(record.saveOutputs, spans.keys?.get('saveOutputs')) };
  const extra = extraKeys(record, knownTopKeys, spans);
  if (extra) document.extra = { ...document.extra, ...extra };
  return document;
}

function parseCell(cell: unknown, index: number, fileName: string, span: JsonSpan | undefined): SnbCell {
  const where = `${fileName}: cell ${index + 1}`;
  if (typeof cell !== 'object' || cell === null || Array.isArray(cell)) throw new SnbFormatError(`${where} is not an object. ${untouched}`);
  const record = cell as Record<string, unknown>;
  const kind = record.kind ?? 'code';
  if (kind !== 'code' && kind !== 'markdown') throw new SnbFormatError(`${where} has unknown kind ${JSON.stringify(kind)}. ${untouched}`);
  const source = Array.isArray(record.source) && record.source.every((line) => typeof line === 'string') ? record.source.join('') : record.source;
  if (typeof source !== 'string') throw new SnbFormatError(`${where} has no "source" text. ${untouched}`);
  const language = typeof record.language === 'string' ? record.language : kind === 'code' ? 'suiteql' : 'markdown';
  const parsed: SnbCell = { kind, language, source };
  if (record.outputs !== undefined && !Array.isArray(record.outputs)) {
    throw new SnbFormatError(`${where} has "outputs" that is not a list. ${untouched}`);
  }
  const outputSpans = span?.keys?.get('outputs')?.items;
  if (Array.isArray(record.outputs) && record.outputs.length > 0) parsed.outputs = record.outputs.map((output, at) => parseOutput(output, `${where}, output ${at + 1}`, outputSpans?.[at]));
  const extra = extraKeys(record, knownCellKeys, span) ?? {};
  // A language that is not text (written by another tool) cannot be the cell's; it is kept and written back as read.
  if (record.language !== undefined && typeof record.language !== 'string') extra.language = kept(record.language, span?.keys?.get('language'));
  // Other extensions' cell metadata: theirs to read in VS Code, and written back under `metadata`.
  const metadata = record.metadata;
  if (typeof metadata === 'object' && metadata !== null && !Array.isArray(metadata)) {
    const foreign = Object.fromEntries(Object.entries(metadata).filter(([key]) => key !== keptFromFileKey && key !== 'chart'));
    if (Object.keys(foreign).length > 0) parsed.metadata = foreign;
    const metadataSpan = span?.keys?.get('metadata');
    if (Object.keys(foreign).length !== Object.keys(metadata).length) extra.metadata = kept(metadata, metadataSpan);
    else if (metadataSpan) parsed.metadataAsRead = rawJson(sourceText.slice(metadataSpan.start, metadataSpan.end));
  } else if (metadata !== undefined) extra.metadata = kept(metadata, span?.keys?.get('metadata'));
  // A chart this version can draw is the cell's; anything else under `chart` is kept as read, like any unknown key.
  if (isChartSettings(record.chart)) {
    parsed.chart = record.chart;
    delete extra.chart;
  }
  if (Object.keys(extra).length > 0) parsed.extra = extra;
  return parsed;
}

function parseOutput(output: unknown, where: string, span: JsonSpan | undefined): SnbOutput {
  if (typeof output !== 'object' || output === null || Array.isArray(output)) throw new SnbFormatError(`${where} is not an object. ${untouched}`);
  const record = output as Record<string, unknown>;
  const items = record.items ?? [];
  const itemSpans = span?.keys?.get('items')?.items;
  if (!Array.isArray(items)) throw new SnbFormatError(`${where} has "items" that is not a list. ${untouched}`);
  const parsed: SnbOutput = {
    items: items.map((item, at) => {
      const mime = (item as { mime?: unknown } | null)?.mime;
      if (typeof mime !== 'string') throw new SnbFormatError(`${where}, item ${at + 1} has no "mime" text. ${untouched}`);
      const data = (item as { data?: unknown }).data;
      if (typeof data === 'string') return { mime, data };
      const dataSpan = itemSpans?.[at]?.keys?.get('data');
      return { mime, data: dataSpan ? sourceText.slice(dataSpan.start, dataSpan.end) : JSON.stringify(data ?? null), json: true };
    }),
  };
  const extra = extraKeys(record, new Set(['items']), span);
  if (extra) parsed.extra = extra;
  return parsed;
}

function writeOutput(output: SnbOutput): Record<string, unknown> {
  const items = output.items.map((item) => ({ mime: item.mime, data: item.json ? rawJson(item.data) : item.data }));
  return { items, ...output.extra };
}

/** Serialises with stable key order and a trailing newline, so notebooks diff cleanly in git. */
export function serializeSnb(document: SnbDocument): string {
  const cells = document.cells.map((cell) => {
    const out: Record<string, unknown> = { kind: cell.kind, language: cell.language, source: cell.source };
    if (cell.outputs && cell.outputs.length > 0) out.outputs = cell.outputs.map(writeOutput);
    if (cell.chart) out.chart = cell.chart;
    if (cell.metadata && Object.keys(cell.metadata).length > 0) out.metadata = cell.metadataAsRead ?? cell.metadata;
    return { ...out, ...cell.extra };
  });
  const out: Record<string, unknown> = { version: SNB_FORMAT_VERSION };
  if (document.account !== undefined && document.accountAsRead !== undefined && String(document.accountAsRead) === document.account) {
    out.account = document.accountAsRead;
  } else if (document.account) {
    out.account = document.account;
  } else if (document.accountAsRead !== undefined) {
    out.account = document.accountAsRead; // a value SuiteLens could not use, but the user's to keep
  }
  if (document.saveOutputs) out.saveOutputs = true;
  out.cells = cells;
  return `${stringifyWithRaw({ ...out, ...document.extra })}\n`;
}

/**
 * The plain shape of a VS Code notebook the serializer converts to and from, so what is kept across a save is
 * decided (and tested) here. VS Code hands the serializer no outputs (they are registered transient, so running a
 * query does not dirty the file while results are not saved); the outputs a save writes are therefore kept in the
 * cell's metadata: those read from the file until the cell runs again (the controller then drops them, see
 * `withoutFileOutputs`), and a run's new ones only while the notebook saves outputs (`withRunOutputs`).
 */
export interface SnbNotebookOutput {
  items: { mime: string; text: string }[];
}
export interface SnbNotebookCell {
  kind: 'code' | 'markdown';
  language: string;
  source: string;
  metadata?: Record<string, unknown>;
  outputs?: SnbNotebookOutput[];
}
export interface SnbNotebook {
  metadata: Record<string, unknown>;
  cells: SnbNotebookCell[];
}

interface KeptFromFile {
  extra?: Record<string, unknown>;
  accountAsRead?: unknown;
  outputs?: SnbOutput[];
  /** The cell's foreign metadata as read: `text` (its JSON) tells whether it changed, `raw` is written back if not. */
  metadata?: { text: string; raw: RawJson };
}

/** The metadata key under which a notebook and its cells keep what the file held beyond what VS Code shows. */
export const keptFromFileKey = 'suitelensFile';

export function snbToNotebook(document: SnbDocument): SnbNotebook {
  const topKept: KeptFromFile = { extra: document.extra, accountAsRead: document.accountAsRead };
  return {
    metadata: { account: document.account, saveOutputs: document.saveOutputs ?? false, [keptFromFileKey]: topKept },
    cells: document.cells.map((cell) => {
      const kept: KeptFromFile = {
        ...(cell.extra ? { extra: cell.extra } : {}),
        ...(cell.outputs ? { outputs: cell.outputs } : {}),
        ...(cell.metadata && cell.metadataAsRead ? { metadata: { text: JSON.stringify(cell.metadata), raw: cell.metadataAsRead } } : {}),
      };
      const metadata = { ...cell.metadata, ...(Object.keys(kept).length > 0 ? { [keptFromFileKey]: kept } : {}), ...(cell.chart ? { chart: cell.chart } : {}) };
      return {
        kind: cell.kind,
        language: cell.language,
        source: cell.source,
        ...(Object.keys(metadata).length > 0 ? { metadata } : {}),
        ...(cell.outputs ? { outputs: cell.outputs.map((output) => ({ items: output.items.map((item) => ({ mime: item.mime, text: item.data })) })) } : {}),
      };
    }),
  };
}

function keptOf(metadata: Record<string, unknown> | undefined): KeptFromFile {
  const kept = metadata?.[keptFromFileKey];
  return typeof kept === 'object' && kept !== null ? (kept as KeptFromFile) : {};
}

/** A cell's metadata once it has run: the outputs it read from the file are replaced by the new ones. */
export function withoutFileOutputs(metadata: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  const kept = keptOf(metadata);
  if (!kept.outputs) return undefined;
  const { outputs: _outputs, ...rest } = kept;
  return { ...metadata, [keptFromFileKey]: rest };
}

/**
 * A cell's metadata once it has run in a notebook that saves outputs: the run's outputs are what the next save writes.
 * Undefined when the notebook does not save outputs (nothing of the run may reach the file).
 */
export function withRunOutputs(metadata: Record<string, unknown> | undefined, saveOutputs: boolean, outputs: readonly SnbNotebookOutput[]): Record<string, unknown> | undefined {
  if (!saveOutputs || outputs.length === 0) return undefined;
  const kept = keptOf(metadata);
  const written: SnbOutput[] = outputs.map((output) => ({ items: output.items.map((item) => ({ mime: item.mime, data: item.text })) }));
  return { ...metadata, [keptFromFileKey]: { ...kept, outputs: written } };
}

export function snbFromNotebook(notebook: SnbNotebook): SnbDocument {
  const saveOutputs = notebook.metadata.saveOutputs === true;
  const top = keptOf(notebook.metadata);
  const cells = notebook.cells.map((cell) => {
    const out: SnbCell = { kind: cell.kind, language: cell.language, source: cell.source };
    const kept = keptOf(cell.metadata);
    const fresh = saveOutputs && cell.outputs && cell.outputs.length > 0 ? cell.outputs.map((output) => ({ items: output.items.map((item) => ({ mime: item.mime, data: item.text })) })) : undefined;
    const outputs = fresh ?? kept.outputs;
    if (outputs && outputs.length > 0) out.outputs = outputs;
    if (kept.extra) out.extra = kept.extra;
    const chart: unknown = cell.metadata?.chart;
    if (isChartSettings(chart)) out.chart = chart;
    const foreign = Object.fromEntries(Object.entries(cell.metadata ?? {}).filter(([key]) => key !== keptFromFileKey && key !== 'chart'));
    if (Object.keys(foreign).length > 0) {
      out.metadata = foreign;
      if (kept.metadata && JSON.stringify(foreign) === kept.metadata.text) out.metadataAsRead = kept.metadata.raw;
    }
    return out;
  });
  const document: SnbDocument = { version: SNB_FORMAT_VERSION, cells };
  if (saveOutputs) document.saveOutputs = true;
  if (typeof notebook.metadata.account === 'string') document.account = notebook.metadata.account;
  if (top.accountAsRead !== undefined) document.accountAsRead = top.accountAsRead;
  if (top.extra) document.extra = top.extra;
  return document;
}
