/**
 * The SuiteQL tables the sandbox exposes, derived from the record-type definitions (the one source of truth), so
 * that the catalog, the records and SuiteQL can never disagree. The server creates and fills PGlite tables from
 * this description (`suiteQLTableDDL`, `suiteQLRowsForRecord`); the SuiteQL engine uses it for BUILTIN.DF, role
 * checks and error wording.
 */
import type { FieldDefinition, FieldKind, RecordTypeDefinition, StoredRecord } from '../model/recordTypes';
import { administratorRole, narrowRole } from '../roles';
import { accountingTables, transactionPostingColumns, transactionPostingValues } from './accountingTables';
import { extraColumnsByTable, setupTables } from './setupTables';
import type { SuiteQLCellValue } from './rows';

/** Postgres storage type of a SuiteQL column. Checkboxes are text 'T'/'F' so `isinactive = 'F'` works as in NetSuite. */
export type SuiteQLColumnType = 'text' | 'integer' | 'numeric' | 'date' | 'timestamp';

export interface SuiteQLColumn {
  /** Lower-case column name, as SuiteQL returns it. */
  name: string;
  type: SuiteQLColumnType;
  /** A checkbox: stored and rendered as 'T'/'F'. */
  boolean?: boolean;
  /** A reference: BUILTIN.DF(col) shows `displayColumn` of the row in `table` whose `id` equals the value. */
  references?: { table: string; displayColumn: string };
  /** A list/enum value: BUILTIN.DF(col) shows the label for the stored id. */
  displayValues?: Record<string, string>;
}

/** How the rows of one record type land in a table. */
export interface SuiteQLTableFeed {
  /** Record type id as defined (`salesOrder`). */
  recordType: string;
  /**
   * `record`: one row per record; `sublist`: one row per line of `sublistId` (plus `mainline` rows, see below);
   * `derived`: the rows `derive` computes from the record (GL lines from a transaction's lines).
   */
  kind: 'record' | 'sublist' | 'derived';
  sublistId?: string;
  /** Column values every row of this feed carries (`type: 'SalesOrd'`, `mainline: 'F'`). */
  fixedValues: Record<string, string>;
  derive?: (record: StoredRecord) => Record<string, SuiteQLCellValue>[];
  /** Values computed from the whole record for its row or each of its lines (`postingperiod`, a line's `entity`). */
  computed?: (record: StoredRecord, line?: Record<string, unknown>) => Record<string, SuiteQLCellValue>;
}

export interface SuiteQLTable {
  /** Lower-case table name (`customer`, `transactionline`, `customrecord_project_milestone`). */
  name: string;
  columns: SuiteQLColumn[];
  /** Column(s) that identify a row; the server makes them the primary key (BUILTIN.DF looks rows up by `id`). */
  primaryKey: string[];
  /** Column shown by BUILTIN.DF when another table references this one. */
  displayColumn: string;
  feeds: SuiteQLTableFeed[];
  /**
   * Permission guard: the record types (lower-case ids) whose view permission makes rows visible. A role that may
   * view none of them gets NetSuite's `Record 'x' was not found.`; one that may view some sees only their rows,
   * told apart by `discriminator` (or by the parent row's discriminator for line tables).
   */
  guardedBy: string[];
  discriminator?: { column: string; valueByRecordType: Record<string, string> };
  /** Line tables: the column that points at the parent row, whose table carries the discriminator. */
  parent?: { table: string; column: string };
  /** Rows that exist regardless of records (`dual`'s single row). */
  fixedRows?: Record<string, SuiteQLCellValue>[];
}

const entityTypeCodes: Record<string, string> = {
  customer: 'CustJob',
  vendor: 'Vendor',
  employee: 'Employee',
  contact: 'Contact',
  partner: 'Partner',
};

// NetSuite's `entity` table is the union of all entity kinds with the columns they share.
const entityColumns = ['id', 'entityid', 'entitytitle', 'altname', 'email', 'phone', 'isinactive', 'type', 'datecreated', 'lastmodifieddate', 'externalid'];

function columnType(kind: FieldKind): Pick<SuiteQLColumn, 'type' | 'boolean'> {
  switch (kind) {
    case 'integer':
    case 'reference':
      return { type: 'integer' };
    case 'float':
    case 'currency':
    case 'percent':
      return { type: 'numeric' };
    case 'boolean':
      return { type: 'text', boolean: true };
    case 'date':
      return { type: 'date' };
    case 'datetime':
      return { type: 'timestamp' };
    case 'email':
    case 'enum':
    case 'phone':
    case 'string':
    case 'url':
    default:
      return { type: 'text' };
  }
}

interface TableDraft {
  table: SuiteQLTable;
  /** Reference targets per column as record type ids, resolved to tables once all types are known. */
  referenceTypes: Map<string, Set<string>>;
}

function addColumn(draft: TableDraft, column: SuiteQLColumn, referenceType?: string): void {
  const existing = draft.table.columns.find((c) => c.name === column.name);
  if (!existing) draft.table.columns.push(column);
  else if (column.displayValues) existing.displayValues = { ...existing.displayValues, ...column.displayValues };
  if (referenceType) {
    const targets = draft.referenceTypes.get(column.name) ?? new Set<string>();
    targets.add(referenceType);
    draft.referenceTypes.set(column.name, targets);
  }
}

function addFieldColumns(draft: TableDraft, fields: FieldDefinition[]): void {
  for (const field of fields) {
    if (!field.column) continue;
    const displayValues = field.kind === 'enum' && field.enumOptions ? Object.fromEntries(field.enumOptions.map((o) => [o.id, o.refName])) : undefined;
    addColumn(draft, { name: field.column.toLowerCase(), ...columnType(field.kind), ...(displayValues ? { displayValues } : {}) }, field.kind === 'reference' ? field.referenceType : undefined);
  }
}

function newDraft(name: string, primaryKey: string[]): TableDraft {
  return {
    table: { name, columns: [], primaryKey, displayColumn: 'id', feeds: [], guardedBy: [] },
    referenceTypes: new Map(),
  };
}

function nameColumnOf(definition: RecordTypeDefinition): string | undefined {
  return definition.fields.find((f) => f.id === definition.nameField)?.column?.toLowerCase();
}

/** Builds the SuiteQL table descriptions for a set of record types. */
export function describeSuiteQLTables(definitions: RecordTypeDefinition[]): SuiteQLTable[] {
  const drafts = new Map<string, TableDraft>();
  const draftFor = (name: string, primaryKey: string[] = ['id']): TableDraft => {
    let draft = drafts.get(name);
    if (!draft) {
      draft = newDraft(name, primaryKey);
      drafts.set(name, draft);
    }
    return draft;
  };
  const tableOfType = new Map(definitions.map((d) => [d.id.toLowerCase(), d.suiteqlTable.toLowerCase()]));

  for (const definition of definitions) {
    const typeId = definition.id.toLowerCase();
    const draft = draftFor(definition.suiteqlTable.toLowerCase());
    addColumn(draft, { name: 'id', type: 'integer' });
    addFieldColumns(draft, definition.fields);
    addColumn(draft, { name: 'externalid', type: 'text' });
    // Custom record tables name their timestamps `created`/`lastmodified` (defined as fields); others get NetSuite's.
    if (definition.family !== 'custom') {
      addColumn(draft, { name: definition.family === 'transaction' || definition.family === 'item' ? 'createddate' : 'datecreated', type: 'timestamp' });
      addColumn(draft, { name: 'lastmodifieddate', type: 'timestamp' });
    }
    const fixedValues: Record<string, string> = {};
    if (definition.family === 'transaction' && definition.transactionTypeCode) {
      fixedValues.type = definition.transactionTypeCode;
      fixedValues.recordtype = typeId;
      addColumn(draft, { name: 'type', type: 'text', displayValues: { [definition.transactionTypeCode]: definition.label } });
      addColumn(draft, { name: 'recordtype', type: 'text' });
    }
    if (definition.family === 'item' && definition.itemTypeCode) {
      fixedValues.itemtype = definition.itemTypeCode;
      addColumn(draft, { name: 'itemtype', type: 'text', displayValues: { [definition.itemTypeCode]: definition.label } });
    }
    const isTransaction = definition.family === 'transaction';
    if (isTransaction) for (const posting of transactionPostingColumns) addColumn(draft, posting);
    draft.table.feeds.push({
      recordType: definition.id,
      kind: 'record',
      fixedValues,
      ...(isTransaction ? { computed: (record: StoredRecord) => transactionPostingValues(definition, record) } : {}),
    });
    draft.table.guardedBy.push(typeId);
    const nameColumn = nameColumnOf(definition);
    if (nameColumn && draft.table.displayColumn === 'id') draft.table.displayColumn = nameColumn;
    if (fixedValues.type || fixedValues.itemtype) {
      const column = fixedValues.type ? 'type' : 'itemtype';
      draft.table.discriminator ??= { column, valueByRecordType: {} };
      draft.table.discriminator.valueByRecordType[typeId] = fixedValues[column];
    }

    if (definition.family === 'transaction') addTransactionLines(draftFor('transactionline', ['transaction', 'id']), definition);
    if (entityTypeCodes[typeId]) addEntityFeed(draftFor('entity'), definition, entityTypeCodes[typeId]);
  }

  const dual = draftFor('dual', []);
  dual.table.columns.push({ name: 'dummy', type: 'text' });
  dual.table.displayColumn = 'dummy';
  dual.table.fixedRows = [{ dummy: 'X' }];

  for (const draft of drafts.values()) addExtraColumns(draft, definitions);
  const resolved = [...drafts.values()].map((draft) => resolveReferences(draft, drafts, tableOfType));
  if (!drafts.has('transaction') || !drafts.has('account')) return resolved;
  const accountDisplay = drafts.get('account')!.table.displayColumn;
  const transactionTypes = definitions.filter((definition) => definition.family === 'transaction');
  return [...resolved, ...accountingTables(transactionTypes, accountDisplay, [administratorRole, narrowRole]), ...setupTables(definitions)];
}

/** Columns NetSuite's analytics table has beside the REST fields (setupTables.ts), computed for each record row. */
function addExtraColumns(draft: TableDraft, definitions: RecordTypeDefinition[]): void {
  const extra = extraColumnsByTable[draft.table.name];
  if (!extra) return;
  for (const column of extra.columns) addColumn(draft, column);
  draft.table.feeds = draft.table.feeds.map((feed) => {
    const definition = definitions.find((candidate) => candidate.id === feed.recordType);
    if (feed.kind !== 'record' || !definition) return feed;
    const own = feed.computed;
    return { ...feed, computed: (record: StoredRecord) => ({ ...extra.values(definition, record), ...own?.(record) }) };
  });
}

/** A line's `entity` (the transaction's) and `netamount` (its amount), as NetSuite's transactionline carries them. */
function lineComputed(record: StoredRecord, line?: Record<string, unknown>): Record<string, SuiteQLCellValue> {
  const entity = record.fields.entity;
  const entityId = typeof entity === 'object' && entity !== null ? Number((entity as { id?: unknown }).id) : Number(entity);
  const amount = line ? Number(line.amount ?? Number(line.quantity ?? 0) * Number(line.rate ?? 0)) : NaN;
  // quantityshiprecv: how much of the line was shipped or received; the demo makes no fulfillments or receipts.
  return { entity: Number.isFinite(entityId) ? entityId : null, netamount: Number.isFinite(amount) ? amount : null, quantityshiprecv: line ? 0 : null };
}

function addTransactionLines(draft: TableDraft, definition: RecordTypeDefinition): void {
  const table = draft.table;
  table.parent = { table: 'transaction', column: 'transaction' };
  for (const column of [
    { name: 'transaction', type: 'integer' as const },
    { name: 'id', type: 'integer' as const },
    { name: 'linesequencenumber', type: 'integer' as const },
    { name: 'mainline', type: 'text' as const, boolean: true },
    { name: 'taxline', type: 'text' as const, boolean: true },
    // Whether the line moves stock (fulfillments, receipts): none of the demo's orders, invoices and bills do.
    { name: 'isinventoryaffecting', type: 'text' as const, boolean: true },
  ]) {
    addColumn(draft, column, column.name === 'transaction' ? definition.id : undefined);
  }
  addColumn(draft, { name: 'entity', type: 'integer' }, definition.fields.find((field) => field.id === 'entity')?.referenceType);
  addColumn(draft, { name: 'netamount', type: 'numeric' });
  addColumn(draft, { name: 'quantityshiprecv', type: 'numeric' });
  // Body fields NetSuite keeps on the main line (subsidiary, segments, createdfrom) are columns of this table.
  const mainLineFields = definition.fields.filter((f) => f.mainLineColumn).map((f) => ({ ...f, column: f.mainLineColumn }));
  addFieldColumns(draft, mainLineFields);
  for (const sublist of definition.sublists.filter((s) => (s.suiteqlTable ?? 'transactionline') === table.name)) {
    addFieldColumns(draft, sublist.fields);
    table.feeds.push({ recordType: definition.id, kind: 'sublist', sublistId: sublist.id, fixedValues: { mainline: 'F', taxline: 'F', isinventoryaffecting: 'F' }, computed: lineComputed });
  }
  const typeId = definition.id.toLowerCase();
  if (!table.guardedBy.includes(typeId)) table.guardedBy.push(typeId);
  table.displayColumn = 'id';
}

function addEntityFeed(draft: TableDraft, definition: RecordTypeDefinition, typeCode: string): void {
  const byColumn = new Map(definition.fields.filter((f) => f.column).map((f) => [f.column!.toLowerCase(), f]));
  addColumn(draft, { name: 'id', type: 'integer' });
  for (const name of entityColumns) {
    const field = byColumn.get(name);
    if (field) addColumn(draft, { name, ...columnType(field.kind) });
  }
  addColumn(draft, { name: 'entitytitle', type: 'text' });
  addColumn(draft, { name: 'type', type: 'text', displayValues: { [typeCode]: definition.label } });
  addColumn(draft, { name: 'externalid', type: 'text' });
  addColumn(draft, { name: 'datecreated', type: 'timestamp' });
  addColumn(draft, { name: 'lastmodifieddate', type: 'timestamp' });
  draft.table.displayColumn = 'entitytitle';
  draft.table.feeds.push({ recordType: definition.id, kind: 'record', fixedValues: { type: typeCode } });
  const typeId = definition.id.toLowerCase();
  draft.table.guardedBy.push(typeId);
  draft.table.discriminator ??= { column: 'type', valueByRecordType: {} };
  draft.table.discriminator.valueByRecordType[typeId] = typeCode;
}

function resolveReferences(draft: TableDraft, drafts: Map<string, TableDraft>, tableOfType: Map<string, string>): SuiteQLTable {
  for (const [columnName, referenceTypes] of draft.referenceTypes) {
    const targetTables = [...new Set([...referenceTypes].map((t) => tableOfType.get(t.toLowerCase())).filter((t): t is string => !!t))];
    // A column pointing at several entity kinds (transaction.entity: customer or vendor) points at `entity`.
    const target = targetTables.length > 1 && drafts.has('entity') ? 'entity' : targetTables[0];
    const targetDraft = target ? drafts.get(target) : undefined;
    const column = draft.table.columns.find((c) => c.name === columnName);
    if (column && targetDraft) column.references = { table: target!, displayColumn: targetDraft.table.displayColumn };
  }
  return draft.table;
}

/** `CREATE TABLE` for one described table (lower-case names, primary key, no constraints beyond it). */
export function suiteQLTableDDL(table: SuiteQLTable): string {
  const columns = table.columns.map((c) => `"${c.name}" ${c.type}`);
  if (table.primaryKey.length > 0) columns.push(`PRIMARY KEY (${table.primaryKey.map((k) => `"${k}"`).join(', ')})`);
  return `CREATE TABLE IF NOT EXISTS "${table.name}" (${columns.join(', ')})`;
}
