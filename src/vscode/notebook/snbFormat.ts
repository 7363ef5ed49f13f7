/**
 * The SuiteQL notebook file format (`*.snb`): JSON with cells, the account id the notebook last ran against (an id,
 * never a secret), and outputs only when the user opted in. Pure — the VS Code serializer adapts it.
 */

export const SNB_FORMAT_VERSION = 1;

export interface SnbCell {
  kind: 'code' | 'markdown';
  /** `suiteql` for code cells, `markdown` for markdown cells. */
  language: string;
  source: string;
  /** Saved outputs (only when `saveOutputs` is on): MIME → text. */
  outputs?: { items: { mime: string; data: string }[] }[];
}

export interface SnbDocument {
  version: number;
  /** Account id (e.g. `1234567_SB1`) whose controller the notebook prefers. */
  account?: string;
  saveOutputs?: boolean;
  cells: SnbCell[];
}

/** A notebook file we could not read. Thrown so VS Code refuses to open it — an empty notebook could be saved over it. */
export class SnbFormatError extends Error {
  override readonly name = 'SnbFormatError';
}

export function emptySnb(): SnbDocument {
  return { version: SNB_FORMAT_VERSION, cells: [{ kind: 'code', language: 'suiteql', source: 'SELECT id, entityid, companyname\nFROM customer\nORDER BY id' }] };
}

export function parseSnb(text: string, fileName = 'notebook'): SnbDocument {
  if (text.trim() === '') return emptySnb(); // a brand-new file
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SnbFormatError(`${fileName} is not a SuiteQL notebook: its JSON is invalid (${(error as Error).message}). The file was left untouched.`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SnbFormatError(`${fileName} is not a SuiteQL notebook: expected a JSON object with "cells". The file was left untouched.`);
  }
  const record = value as Record<string, unknown>;
  const version = record.version ?? SNB_FORMAT_VERSION;
  if (typeof version !== 'number' || version > SNB_FORMAT_VERSION) {
    throw new SnbFormatError(`${fileName} was written by a newer SuiteLens (format ${String(version)}); update SuiteLens to open it. The file was left untouched.`);
  }
  if (!Array.isArray(record.cells)) {
    throw new SnbFormatError(`${fileName} is not a SuiteQL notebook: "cells" must be a list. The file was left untouched.`);
  }
  const cells = record.cells.map((cell, index) => parseCell(cell, index, fileName));
  const document: SnbDocument = { version: SNB_FORMAT_VERSION, cells };
  if (typeof record.account === 'string' && record.account !== '') document.account = record.account;
  if (record.saveOutputs === true) document.saveOutputs = true;
  return document;
}

function parseCell(cell: unknown, index: number, fileName: string): SnbCell {
  const where = `${fileName}: cell ${index + 1}`;
  if (typeof cell !== 'object' || cell === null) throw new SnbFormatError(`${where} is not an object. The file was left untouched.`);
  const record = cell as Record<string, unknown>;
  const kind = record.kind ?? 'code';
  if (kind !== 'code' && kind !== 'markdown') throw new SnbFormatError(`${where} has unknown kind ${JSON.stringify(kind)}. The file was left untouched.`);
  const source = Array.isArray(record.source) && record.source.every((line) => typeof line === 'string') ? record.source.join('') : record.source;
  if (typeof source !== 'string') throw new SnbFormatError(`${where} has no "source" text. The file was left untouched.`);
  const language = typeof record.language === 'string' ? record.language : kind === 'code' ? 'suiteql' : 'markdown';
  const parsed: SnbCell = { kind, language, source };
  if (Array.isArray(record.outputs)) {
    parsed.outputs = record.outputs.filter(isSavedOutput);
  }
  return parsed;
}

function isSavedOutput(value: unknown): value is { items: { mime: string; data: string }[] } {
  if (typeof value !== 'object' || value === null) return false;
  const items = (value as { items?: unknown }).items;
  return Array.isArray(items) && items.every((item) => typeof item?.mime === 'string' && typeof item?.data === 'string');
}

/** Serialises with stable key order and a trailing newline, so notebooks diff cleanly in git. */
export function serializeSnb(document: SnbDocument): string {
  const cells = document.cells.map((cell) => {
    const out: Record<string, unknown> = { kind: cell.kind, language: cell.language, source: cell.source };
    if (document.saveOutputs && cell.outputs && cell.outputs.length > 0) out.outputs = cell.outputs;
    return out;
  });
  const out: Record<string, unknown> = { version: SNB_FORMAT_VERSION };
  if (document.account) out.account = document.account;
  if (document.saveOutputs) out.saveOutputs = true;
  out.cells = cells;
  return `${JSON.stringify(out, null, 2)}\n`;
}
