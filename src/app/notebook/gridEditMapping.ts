/**
 * Which cells of a SuiteQL result can be written back to NetSuite, and as which REST field. Pure (no `vscode`): the
 * integration spec runs it against the sandbox's catalog.
 *
 * A row is a record when the query reads one table and selects its `id`:
 * - a table that is itself a record type in the account's catalog (`customer`, `vendorbill`, `customrecord_x`):
 *   every row is of that type;
 * - `transaction`, `entity` or `item`, which hold many record types: the row's type comes from a `recordtype`
 *   column (NetSuite's own column on `transaction`, e.g. `salesorder`), else from a `type` / `itemtype` code
 *   (`SalesOrd`, `CustJob`, `InvtPart`) for the codes listed below. Rows of any other type stay read-only.
 * A column maps to the REST field whose id equals it ignoring case (SuiteQL lower-cases field ids: `companyname` is
 * `companyName`), when the query selects it under its own name. Everything else is read-only, with the reason.
 */
import type { RecordTypeSchema } from '../../netsuite/metadata';
import type { GridTypeMap } from '../../protocol/gridEditMessages';
import { rowTypeColumnOf } from '../../protocol/gridEditMessages';
import type { RowsColumn } from '../../protocol/rows';
import { plainResultColumnsOf } from '../../suiteql/resultColumns';
import { tablesReadBy } from '../../suiteql/tables';
import { fieldModel, type FieldModel } from '../forms/model/formModel';

/** SuiteQL tables whose rows are records of several types. */
const multiTypeTables = new Set(['transaction', 'entity', 'item']);

/**
 * `transaction.type`, `entity.type` and `item.itemtype` codes → REST record type, for the common types. The codes are
 * those NetSuite's SuiteQL returns (Records Catalog, "Transaction" → type); a code not listed makes its rows read-only.
 */
const typeCodes: Record<string, string> = {
  salesord: 'salesorder',
  custinvc: 'invoice',
  custcred: 'creditmemo',
  cashsale: 'cashsale',
  estimate: 'estimate',
  purchord: 'purchaseorder',
  vendbill: 'vendorbill',
  vendcred: 'vendorcredit',
  journal: 'journalentry',
  custpymt: 'customerpayment',
  vendpymt: 'vendorpayment',
  custjob: 'customer',
  vendor: 'vendor',
  employee: 'employee',
  contact: 'contact',
  partner: 'partner',
  invtpart: 'inventoryitem',
  noninvtpart: 'noninventorysaleitem',
  service: 'serviceitem',
};

export interface CatalogAccess {
  recordTypes(): Promise<string[]>;
  schema(name: string): Promise<RecordTypeSchema>;
}

/** The host's answer to "edit this result", kept per result so every later change is checked against it. */
export interface GridEditMap {
  reason?: string;
  idColumn?: number;
  typeColumn?: number;
  types: GridTypeMap[];
  /** Field models by record type (the catalog's name) and field id: how a typed value is read. */
  fieldModels: Map<string, Map<string, FieldModel>>;
}

function refused(reason: string): GridEditMap {
  return { reason, types: [], fieldModels: new Map() };
}

export async function gridEditMap(query: string, columns: readonly RowsColumn[], typeValues: readonly string[], catalog: CatalogAccess): Promise<GridEditMap> {
  const read = tablesReadBy(query);
  if (!read.ok) return refused(`Editing needs a query SuiteLens can read: ${read.reason}`);
  if (read.tables.length !== 1) return refused(`Editing needs a query on one table, so each row is one record; this one reads ${read.tables.join(', ')}.`);
  const [table] = read.tables;
  const idColumn = columns.findIndex((column) => column.name.toLowerCase() === 'id');
  const plain = plainResultColumnsOf(query);
  const isPlain = (name: string) => plain === 'all' || (plain?.has(name.toLowerCase()) ?? false);
  if (idColumn < 0 || !isPlain('id')) return refused(`Add ${table}.id to the SELECT list: each row is matched to its record by its internal id.`);
  const catalogNames = new Map((await catalog.recordTypes()).map((name) => [name.toLowerCase(), name]));

  let typeColumn: number | undefined;
  let rowTypes: { value: string; recordType?: string; rowReason?: string }[];
  if (multiTypeTables.has(table)) {
    typeColumn = rowTypeColumnOf(columns);
    if (typeColumn === undefined || !isPlain(columns[typeColumn].name)) {
      return refused(`Rows of ${table} are records of several types: add ${table}.recordtype (or type) to the SELECT list so each row's record type is known.`);
    }
    rowTypes = typeValues.map((value) => {
      const recordType = catalogNames.get(value.toLowerCase()) ?? catalogNames.get(typeCodes[value.toLowerCase()] ?? '');
      return recordType ? { value, recordType } : { value, rowReason: `Rows of type '${value}' are not a record type SuiteLens can edit here.` };
    });
  } else {
    const recordType = catalogNames.get(table);
    if (!recordType) return refused(`${table} is not a record type in this account's REST catalog, so its rows cannot be written back.`);
    rowTypes = [{ value: '', recordType }];
  }

  const fieldModels = new Map<string, Map<string, FieldModel>>();
  const types: GridTypeMap[] = [];
  for (const rowType of rowTypes) {
    if (!rowType.recordType) {
      types.push({ value: rowType.value, rowReason: rowType.rowReason, fields: columns.map(() => null), reasons: columns.map(() => rowType.rowReason ?? null) });
      continue;
    }
    const schema = await catalog.schema(rowType.recordType);
    const byLowerName = new Map(Object.entries(schema.properties ?? {}).map(([id, property]) => [id.toLowerCase(), { id, property }]));
    const models = new Map<string, FieldModel>();
    const fields: (string | null)[] = [];
    const reasons: (string | null)[] = [];
    columns.forEach((column, index) => {
      const name = column.name.toLowerCase();
      const no = (reason: string) => {
        fields.push(null);
        reasons.push(reason);
      };
      if (index === idColumn) return no('The internal id says which record this row is; it cannot be changed.');
      if (index === typeColumn) return no('The record type of a row cannot be changed.');
      if (!isPlain(column.name)) return no(`${column.name} is computed by the query (an expression or an alias), not a field of the record.`);
      const found = byLowerName.get(name);
      if (!found) return no(`${column.name} is not a field of ${rowType.recordType} in NetSuite's REST catalog (SuiteQL and REST name some fields differently).`);
      const model = fieldModel(found.id, found.property as Record<string, unknown>);
      if (!model) return no(`${found.id} is a sublist or structured field: edit it in the record's form.`);
      if (model.readOnly) return no(`${model.title} (${found.id}) is read-only in NetSuite.`);
      models.set(found.id, model);
      fields.push(found.id);
      reasons.push(null);
    });
    fieldModels.set(rowType.recordType, models);
    types.push({ value: rowType.value, recordType: rowType.recordType, fields, reasons });
  }
  return { idColumn, typeColumn, types, fieldModels };
}

/** The writable body fields of a record type (for "Set field…"), by title. */
export async function writableFields(recordType: string, catalog: CatalogAccess): Promise<FieldModel[]> {
  const schema = await catalog.schema(recordType);
  return Object.entries(schema.properties ?? {})
    .map(([id, property]) => fieldModel(id, property as Record<string, unknown>))
    .filter((model): model is FieldModel => model !== undefined && !model.readOnly && model.id !== 'refName')
    .sort((a, b) => a.title.localeCompare(b.title));
}
