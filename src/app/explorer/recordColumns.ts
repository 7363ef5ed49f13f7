/**
 * The SuiteQL columns of a record type's table, for sorting the explorer's list by a field and showing that field's
 * value on each row. REST field names and SuiteQL column names differ (issue 21: customer `balance` is SuiteQL's
 * `balancesearch`), so columns come from the SuiteQL table description when we have one (src/suiteql/
 * standardTables.ts), else from the type's REST schema with names lower-cased (custom records and lists use the
 * same names in both). Pure.
 */
import type { RecordTypeSchema } from '../../netsuite/metadata';
import { standardTables, type StandardColumnType } from '../../suiteql/standardTables';
import { suiteQLNameSource } from './recordNaming';

export type SortColumnType = StandardColumnType;

export interface SortColumn {
  /** The SuiteQL column. */
  column: string;
  /** What people call it ("Balance"). */
  label: string;
  type: SortColumnType;
}

/** Column types that sort meaningfully and show as short text on a row. */
const sortableTypes = new Set<SortColumnType>(['integer', 'float', 'currency', 'string', 'date', 'datetime', 'boolean']);

function tableOf(recordType: string) {
  const table = suiteQLNameSource(recordType).table;
  return standardTables.find((candidate) => candidate.name === table);
}

/**
 * The SuiteQL column for a REST field: the same name lower-cased, or its `…search` twin where SuiteQL keeps the
 * value there (`balance` → `balancesearch`, `overdueBalance` → `overduebalancesearch`).
 */
export function columnNameFor(recordType: string, field: string): string {
  const lower = field.toLowerCase();
  const columns = tableOf(recordType)?.columns;
  if (!columns || columns.some(([name]) => name === lower)) return lower;
  return columns.some(([name]) => name === `${lower}search`) ? `${lower}search` : lower;
}

function schemaColumnType(property: Record<string, unknown>): SortColumnType | undefined {
  if ('$ref' in property || property.type === 'object' || property.type === 'array') return undefined;
  if (property.type === 'integer') return 'integer';
  if (property.type === 'number') return 'float';
  if (property.type === 'boolean') return 'boolean';
  if (property.type === 'string') return property.format === 'date' ? 'date' : property.format === 'date-time' ? 'datetime' : 'string';
  return undefined;
}

/** The columns a type's list can be sorted by, by label; references (ids) and long text are left out. */
export function sortableColumns(recordType: string, schema: RecordTypeSchema | undefined): SortColumn[] {
  const table = tableOf(recordType);
  const columns: SortColumn[] = table
    ? table.columns.filter(([, type, , references]) => sortableTypes.has(type) && !references).map(([column, type, label]) => ({ column, label, type }))
    : Object.entries(schema?.properties ?? {}).flatMap(([field, property]) => {
        const type = schemaColumnType(property);
        const title = typeof property.title === 'string' && property.title ? property.title : field;
        return type && field !== 'links' && field !== 'refName' ? [{ column: field.toLowerCase(), label: title, type }] : [];
      });
  const seen = new Set<string>();
  return columns.filter((column) => !seen.has(column.column) && seen.add(column.column)).sort((a, b) => a.label.localeCompare(b.label));
}

const numberTypes = new Set<SortColumnType>(['integer', 'float', 'currency']);

/**
 * A sorted column's value as a row shows it: money to two decimals with the locale's grouping ("126,861.90"),
 * booleans as Yes/No, everything else as NetSuite sent it. Empty for no value.
 */
export function formatColumnValue(value: unknown, type: SortColumnType, locale?: string): string {
  if (value === undefined || value === null || value === '') return '';
  if (numberTypes.has(type)) {
    const number = typeof value === 'number' ? value : Number(value);
    if (!Number.isFinite(number)) return String(value);
    const digits = type === 'currency' ? { minimumFractionDigits: 2, maximumFractionDigits: 2 } : { maximumFractionDigits: 6 };
    return new Intl.NumberFormat(locale, digits).format(number);
  }
  if (type === 'boolean') return value === true || value === 'T' ? 'Yes' : value === false || value === 'F' ? 'No' : String(value);
  return String(value);
}
