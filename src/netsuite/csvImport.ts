/**
 * CSV import, the part before anything is written: read the file (csv-parse), suggest which column fills which
 * field, and a dry run that turns every row into the record body it would send — values typed by the field's kind,
 * the row's key (internal id for update, external id for upsert) present, required fields filled, references
 * resolved (by internal id, external id or name, through SuiteQL) — and says, row by row, what is wrong.
 */
import { parse } from 'csv-parse/sync';
import type { NetSuiteClient } from './client';
import { isNetSuiteError } from './errors';
import { parseCheckboxText, parseDateText, parseDatetimeText, parseDecimalText, parseIntegerText, type TextParse } from './fieldText';
import type { NetSuiteRecord } from './records';

export type ImportMode = 'create' | 'update' | 'upsert';
export type ImportFieldKind = 'text' | 'integer' | 'number' | 'checkbox' | 'date' | 'datetime' | 'enum' | 'reference';

/** A field a column can fill (the form model's fields fit: id, title, kind, readOnly, referenceType). */
export interface ImportField {
  id: string;
  title: string;
  kind: ImportFieldKind;
  readOnly?: boolean;
  referenceType?: string;
  required?: boolean;
  /** An enum's ids, when the schema lists them: a value outside them is refused before anything is sent. */
  options?: readonly string[];
}

/** How a reference column names the record: by internal id, external id, or its name. */
export type ReferenceMatch = 'internalId' | 'externalId' | 'name';

export interface ColumnMapping {
  column: string;
  /** A field id, or `id` / `externalId` (the row's key). */
  field: string;
  reference?: ReferenceMatch;
}

export interface ImportPlan {
  recordType: string;
  mode: ImportMode;
  columns: ColumnMapping[];
}

export interface CsvTable {
  headers: string[];
  /** Data rows as header → text; row n of `rows` is line n + 2 of the file (after the header). */
  rows: Record<string, string>[];
}

export interface RowCheck {
  /** 1-based data row number (the header is not counted). */
  row: number;
  errors: string[];
  /** The body to send, with `id` / `externalId` as the batch item needs them; absent when the row has errors. */
  entry?: { id?: string; externalId?: string; fields: NetSuiteRecord };
}

/**
 * The file as a table. A row with more cells than the header has columns, or two columns with one name, would lose
 * values without a word (an unquoted `Acme, Inc,5000` shifts 5000 out of the table): both are refused, naming the row.
 * A row with fewer cells reads its missing cells as empty, and extra cells that are empty (trailing commas) are let be.
 */
export function readCsv(text: string): CsvTable {
  // The file line each record ends on, for errors that name it.
  const lineOf: number[] = [];
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      on_record: (record: string[], context) => {
        lineOf.push(context.lines);
        return record;
      },
    });
  } catch (error) {
    // csv-parse names the line it stopped on; an unclosed quote runs to the end of the file, so name where it opened.
    const code = (error as { code?: unknown }).code;
    const opened = (lineOf.at(-1) ?? 0) + 1;
    const why = code === 'CSV_QUOTE_NOT_CLOSED' ? `the double quote opened on line ${opened} is never closed` : error instanceof Error ? error.message : String(error);
    throw new Error(`The file is not valid CSV (nothing was imported): ${why}`, { cause: error });
  }
  const [first = [], ...data] = records;
  const headers = first.map((header) => header.trim());
  const seen = new Map<string, number>();
  headers.forEach((header, index) => {
    const earlier = seen.get(header);
    if (earlier !== undefined) {
      throw new Error(`The header row names column ${earlier + 1} and column ${index + 1} both '${header}': rename one so that each column has its own name (nothing was imported)`);
    }
    seen.set(header, index);
  });
  const rows = data.map((cells, index) => {
    const extra = cells.slice(headers.length).filter((cell) => cell.trim() !== '');
    if (extra.length > 0) {
      const quoted = extra.map((cell) => `'${cell}'`).join(', ');
      throw new Error(
        `Row ${index + 1} (line ${lineOf[index + 1]} of the file) has ${cells.length} cells but the header names ${headers.length} columns, so ${quoted} would be lost: put a value that holds a comma in double quotes ("Acme, Inc") (nothing was imported)`,
      );
    }
    return Object.fromEntries(headers.map((header, column) => [header, cells[column] ?? '']));
  });
  return { headers, rows };
}

const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Columns matched to fields by id or title, ignoring case, spaces and punctuation; `Internal ID` → id. */
export function suggestMapping(headers: string[], fields: ImportField[], mode: ImportMode): ColumnMapping[] {
  const writable = fields.filter((field) => !field.readOnly);
  return headers.flatMap((column): ColumnMapping[] => {
    const key = squash(column);
    if (['id', 'internalid'].includes(key)) return mode === 'update' ? [{ column, field: 'id' }] : [];
    if (key === 'externalid') return [{ column, field: 'externalId' }];
    const field = writable.find((candidate) => squash(candidate.id) === key) ?? writable.find((candidate) => squash(candidate.title) === key);
    if (!field) return [];
    return [{ column, field: field.id, ...(field.kind === 'reference' ? { reference: 'name' as const } : {}) }];
  });
}

/** The SuiteQL name column of a record type, for references given by name. */
function nameColumn(recordType: string): string {
  const type = recordType.toLowerCase();
  if (['customer', 'vendor', 'employee', 'contact', 'partner', 'entity'].includes(type)) return 'entityid';
  if (type === 'item' || type.endsWith('item')) return 'itemid';
  return 'name';
}

function sqlText(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** Resolves reference values to internal ids, one SuiteQL query per referenced type and match kind. */
async function resolveReferences(client: NetSuiteClient, wanted: Map<string, { type: string; match: ReferenceMatch; values: Set<string> }>, signal?: AbortSignal): Promise<Map<string, Map<string, string[]>>> {
  const resolved = new Map<string, Map<string, string[]>>();
  for (const [key, { type, match, values }] of wanted) {
    const found = new Map<string, string[]>();
    resolved.set(key, found);
    const list = [...values];
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(type)) continue;
    const column = match === 'internalId' ? 'id' : match === 'externalId' ? 'externalid' : nameColumn(type);
    for (let start = 0; start < list.length; start += 500) {
      const chunk = list.slice(start, start + 500);
      const inList = match === 'internalId' ? chunk.filter((value) => /^\d+$/.test(value)).join(',') : chunk.map(sqlText).join(',');
      if (!inList) continue;
      const run = client.query(`SELECT id, ${column} AS matched FROM ${type} WHERE ${column} IN (${inList})`, { signal });
      for await (const row of run) {
        const matched = String(row.raw.matched);
        found.set(matched, [...(found.get(matched) ?? []), String(row.raw.id)]);
      }
    }
  }
  return resolved;
}

/** A field's value from text, typed by the field's kind (a reference's text is resolved by the caller). */
export function typedFieldValue(field: ImportField, text: string): { value?: unknown; error?: string } {
  const parsed = parsedFieldText(field, text);
  return parsed.reason === undefined ? { value: parsed.value } : { error: `${field.title}: '${text}' ${parsed.reason}` };
}

function parsedFieldText(field: ImportField, text: string): TextParse<unknown> {
  switch (field.kind) {
    case 'integer':
      return parseIntegerText(text);
    case 'number':
      return parseDecimalText(text);
    case 'checkbox':
      return parseCheckboxText(text);
    case 'date':
      return parseDateText(text);
    case 'datetime':
      return parseDatetimeText(text);
    case 'enum': {
      if (!field.options?.length) return { value: { id: text } };
      const option = field.options.find((candidate) => candidate.toLowerCase() === text.trim().toLowerCase());
      const listed = field.options.slice(0, 10).map((candidate) => `'${candidate}'`).join(', ');
      return option === undefined ? { reason: `is not one of its choices: ${listed}${field.options.length > 10 ? `, … (${field.options.length} in all)` : ''}` } : { value: { id: option } };
    }
    case 'reference':
    case 'text':
      return { value: text };
  }
}

/** Every row checked and turned into its batch entry; nothing is written. */
export async function dryRun(client: NetSuiteClient, plan: ImportPlan, table: CsvTable, fields: ImportField[], signal?: AbortSignal): Promise<RowCheck[]> {
  const byId = new Map(fields.map((field) => [field.id, field]));
  const wanted = new Map<string, { type: string; match: ReferenceMatch; values: Set<string> }>();
  for (const mapping of plan.columns) {
    const field = byId.get(mapping.field);
    if (field?.kind !== 'reference' || !field.referenceType) continue;
    const match = mapping.reference ?? 'internalId';
    const key = `${field.referenceType}|${match}`;
    const entry = wanted.get(key) ?? { type: field.referenceType, match, values: new Set<string>() };
    for (const row of table.rows) if (row[mapping.column]?.trim()) entry.values.add(row[mapping.column].trim());
    wanted.set(key, entry);
  }
  let references: Map<string, Map<string, string[]>>;
  try {
    references = await resolveReferences(client, wanted, signal);
  } catch (error) {
    if (isNetSuiteError(error) && error.kind !== 'cancelled') throw new Error(`Could not look up the references of the import: ${error.message}`, { cause: error });
    throw error;
  }
  return table.rows.map((row, index) => checkRow(plan, row, index + 1, byId, references));
}

function checkRow(plan: ImportPlan, row: Record<string, string>, rowNumber: number, byId: Map<string, ImportField>, references: Map<string, Map<string, string[]>>): RowCheck {
  const errors: string[] = [];
  const fields: NetSuiteRecord = {};
  // Fields the row gave a value for, valid or not: a bad value is reported once, not again as missing.
  const given = new Set<string>();
  let id: string | undefined;
  let externalId: string | undefined;
  for (const mapping of plan.columns) {
    const text = (row[mapping.column] ?? '').trim();
    if (mapping.field === 'id') {
      id = text || undefined;
      continue;
    }
    if (mapping.field === 'externalId') {
      externalId = text || undefined;
      continue;
    }
    const field = byId.get(mapping.field);
    if (!field) {
      errors.push(`Column '${mapping.column}' maps to '${mapping.field}', which ${plan.recordType} does not have`);
      continue;
    }
    if (text === '') continue;
    given.add(field.id);
    if (field.kind === 'reference') {
      const match = mapping.reference ?? 'internalId';
      const ids = references.get(`${field.referenceType}|${match}`)?.get(text) ?? [];
      if (ids.length === 1) fields[field.id] = { id: ids[0] };
      else errors.push(ids.length === 0 ? `${field.title}: no ${field.referenceType} with ${matchLabel(match)} '${text}'` : `${field.title}: ${ids.length} ${field.referenceType} records are named '${text}'; use the internal id`);
      continue;
    }
    const { value, error } = typedFieldValue(field, text);
    if (error) errors.push(error);
    else fields[field.id] = value;
  }
  if (plan.mode === 'update' && !id && !externalId) errors.push('No internal id: an update needs the record\u2019s internal id');
  if (plan.mode === 'update' && id && !/^\d+$/.test(id)) errors.push(`Internal id '${id}' is not a number`);
  if (plan.mode === 'upsert' && !externalId) errors.push('No external id: an upsert matches records by external id');
  if (plan.mode !== 'update') {
    for (const field of byId.values()) if (field.required && !given.has(field.id)) errors.push(`${field.title} is required`);
  }
  if (externalId && plan.mode === 'create') fields.externalId = externalId;
  return errors.length > 0 ? { row: rowNumber, errors } : { row: rowNumber, errors, entry: { id, externalId, fields } };
}

function matchLabel(match: ReferenceMatch): string {
  return match === 'internalId' ? 'internal id' : match === 'externalId' ? 'external id' : 'name';
}
