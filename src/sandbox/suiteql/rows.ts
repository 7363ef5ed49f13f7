/**
 * Turns a stored (REST-shaped) record into the SuiteQL rows it feeds, per the table description, so the server
 * can fill PGlite without knowing how NetSuite's analytics tables are laid out.
 */
import type { FieldDefinition, RecordTypeDefinition, StoredRecord } from '../model/recordTypes';
import type { SuiteQLTable, SuiteQLTableFeed } from './tables';

export type SuiteQLCellValue = string | number | null;

export interface SuiteQLRow {
  table: string;
  values: Record<string, SuiteQLCellValue>;
}

function cellValue(field: FieldDefinition, value: unknown): SuiteQLCellValue {
  if (value === undefined || value === null) return null;
  if (field.kind === 'boolean') return value ? 'T' : 'F';
  if (field.kind === 'reference' || field.kind === 'enum') {
    const id = typeof value === 'object' ? (value as { id?: unknown }).id : value;
    if (id === undefined || id === null) return null;
    if (field.kind === 'enum') return String(id);
    const numeric = Number(id);
    return Number.isFinite(numeric) ? numeric : null;
  }
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'T' : 'F';
  return JSON.stringify(value);
}

function fieldValues(fields: FieldDefinition[], source: Record<string, unknown>, table: SuiteQLTable): Record<string, SuiteQLCellValue> {
  const values: Record<string, SuiteQLCellValue> = {};
  const columnNames = new Set(table.columns.map((c) => c.name));
  for (const field of fields) {
    const column = field.column?.toLowerCase();
    if (column && columnNames.has(column)) values[column] = cellValue(field, source[field.id]);
  }
  return values;
}

function recordRow(table: SuiteQLTable, definition: RecordTypeDefinition, record: StoredRecord, feed: SuiteQLTableFeed): SuiteQLRow {
  const fixedValues = { ...feed.computed?.(record), ...feed.fixedValues };
  const values = fieldValues(definition.fields, record.fields, table);
  const columnNames = new Set(table.columns.map((c) => c.name));
  const standard: Record<string, SuiteQLCellValue> = {
    id: Number(record.id),
    externalid: record.externalId ?? null,
    createddate: record.createdDate,
    datecreated: record.createdDate,
    lastmodifieddate: record.lastModifiedDate,
    created: record.createdDate,
    lastmodified: record.lastModifiedDate,
    entitytitle: (cellValue({ id: '', label: '', kind: 'string' }, record.fields[definition.nameField]) ?? null) as SuiteQLCellValue,
  };
  for (const [column, value] of Object.entries(standard)) if (columnNames.has(column) && (values[column] === undefined || values[column] === null)) values[column] = value;
  // The internal id is a string on the REST side and an integer column in SuiteQL.
  return { table: table.name, values: { ...values, id: Number(record.id), ...fixedValues } };
}

function lineRows(table: SuiteQLTable, definition: RecordTypeDefinition, record: StoredRecord, feed: SuiteQLTableFeed): SuiteQLRow[] {
  const sublist = definition.sublists.find((s) => s.id === feed.sublistId);
  const sublistId = feed.sublistId ?? '';
  const fixedValues = feed.fixedValues;
  if (!sublist) return [];
  return (record.sublists[sublistId] ?? []).map((line, index) => ({
    table: table.name,
    values: {
      ...feed.computed?.(record, line),
      ...fieldValues(sublist.fields, line, table),
      transaction: Number(record.id),
      id: Number(line[sublist.lineKey] ?? index + 1),
      linesequencenumber: index + 1,
      ...fixedValues,
    },
  }));
}

/** Every SuiteQL row `record` feeds: its main row(s), its lines and, for transactions, the mainline row (id 0). */
export function suiteQLRowsForRecord(tables: SuiteQLTable[], definition: RecordTypeDefinition, record: StoredRecord): SuiteQLRow[] {
  const rows: SuiteQLRow[] = [];
  for (const table of tables) {
    const feeds = table.feeds.filter((feed) => feed.recordType === definition.id);
    for (const feed of feeds) {
      if (feed.kind === 'record') rows.push(recordRow(table, definition, record, feed));
      else if (feed.kind === 'derived') rows.push(...(feed.derive?.(record) ?? []).map((values) => ({ table: table.name, values })));
      else rows.push(...lineRows(table, definition, record, feed));
    }
    if (feeds.some((feed) => feed.kind === 'sublist')) {
      // NetSuite's transactionline holds one header line per transaction (mainline = 'T', id 0), which carries the
      // body fields SuiteQL keeps there (subsidiary, department, …).
      const mainLineFields = definition.fields.filter((f) => f.mainLineColumn).map((f) => ({ ...f, column: f.mainLineColumn }));
      rows.push({
        table: table.name,
        values: { ...fieldValues(mainLineFields, record.fields, table), transaction: Number(record.id), id: 0, linesequencenumber: 0, mainline: 'T', taxline: 'F' },
      });
    }
  }
  return rows;
}
