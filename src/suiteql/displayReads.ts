/**
 * Which table `BUILTIN.DF(t.entity)` reads: the one `transaction.entity` points to (`entity`). The bundled standard
 * tables know the SuiteQL foreign keys (the column tuple's `references`); the account's REST catalog knows its
 * record types' fields (a `$ref` to another record type's schema). A column known to hold a plain value — a
 * standard column of a non-integer type; from the catalog a checkbox, decimal or date, or a list value (`{id,
 * refName}` enum) — shows only its own label and reads nothing more. Anything else is unknown, and a query showing
 * it is refused: fail closed.
 */
import { standardTables, type StandardColumn } from './standardTables';
import { tablesReadBy, type DisplayedColumn, type TablesReadResult } from './tables';

/** The account's catalog schemas (`Accept: application/schema+json`), by lower-case record type id. */
export type RecordTypeSchemas = Readonly<Record<string, unknown>>;

export type DisplayTarget = { kind: 'table'; table: string } | { kind: 'nothing' } | { kind: 'unknown'; why: string };

/**
 * One extra read: the call, the column it shows (`transaction.entity`) and the table that column points to; or a
 * BUILTIN call and the setup table it uses (`uses`: "exchange rates", table `currencyrate`).
 */
export type DisplayRead = { call: string; column: string; table: string } | { call: string; uses: string; table: string };

export type DisplayReadsResult = { ok: true; reads: DisplayRead[] } | { ok: false; reason: string };

const standardColumns = new Map<string, StandardColumn>(
  standardTables.flatMap((table) => table.columns.map((column): [string, StandardColumn] => [`${table.name}.${column[0]}`, column])),
);

/**
 * Multi-select columns the standard tables describe as text ("Subsidiaries"): their display text is the names of
 * the subsidiaries they list, so they read `subsidiary` like a reference would.
 */
const multiSelectTargets: Record<string, string> = {
  'item.subsidiary': 'subsidiary',
  'account.subsidiary': 'subsidiary',
  'department.subsidiary': 'subsidiary',
  'location.subsidiary': 'subsidiary',
  'classification.subsidiary': 'subsidiary',
};

/** What showing `table.column`'s display text reads, from the standard tables and then the account's catalog. */
export function displayTargetOf(table: string, column: string, schemas: RecordTypeSchemas = {}): DisplayTarget {
  const key = `${table}.${column}`;
  // A row's own id shows that row's name: a table the query already reads.
  if (column === 'id') return { kind: 'nothing' };
  const multiSelect = multiSelectTargets[key];
  if (multiSelect) return { kind: 'table', table: multiSelect };
  const standard = standardColumns.get(key);
  if (standard?.[3]) return { kind: 'table', table: standard[3] };
  // An integer without a known foreign key may still be one (an address, a list, a record the table omits).
  if (standard && standard[1] !== 'integer') return { kind: 'nothing' };
  const fromCatalog = catalogTarget(schemas[table], column);
  // A REST field's plain type says nothing about the same-named SuiteQL integer: only a record type does.
  if (fromCatalog && !(standard && fromCatalog.kind === 'nothing')) return fromCatalog;
  if (standard) return { kind: 'unknown', why: `${key} holds an internal id whose record type SuiteLens does not know` };
  if (column.startsWith('cust')) return { kind: 'unknown', why: `${key} is a custom field whose target the account's catalog does not give` };
  return { kind: 'unknown', why: `${key} is not a column SuiteLens knows` };
}

/** The catalog's word on a field (names match case-insensitively); undefined when it has none. */
function catalogTarget(schema: unknown, column: string): DisplayTarget | undefined {
  const properties = isObject(schema) && isObject(schema.properties) ? schema.properties : undefined;
  if (!properties) return undefined;
  const entry = Object.entries(properties).find(([name]) => name.toLowerCase() === column);
  const property = entry?.[1];
  if (!isObject(property)) return undefined;
  if (typeof property.$ref === 'string') {
    const target = property.$ref.split('/').pop() ?? '';
    if (target === 'nsResource') return { kind: 'unknown', why: `the catalog gives ${column} no record type (an untyped nsResource reference)` };
    // Sublists (`customer-addressBookCollection`) and links are not columns.
    if (!/^[A-Za-z][\w]*$/.test(target) || target.endsWith('Collection') || target.startsWith('ns')) {
      return { kind: 'unknown', why: `the catalog describes ${column} as ${target}, not as a column` };
    }
    return { kind: 'table', table: target.toLowerCase() };
  }
  if (property.type === 'object') {
    const id = isObject(property.properties) ? property.properties.id : undefined;
    if (isObject(id) && Array.isArray(id.enum)) return { kind: 'nothing' };
    return { kind: 'unknown', why: `the catalog describes ${column} as an object without a record type` };
  }
  // Plain types are REST's view: a REST string or integer may be a SuiteQL column holding another record's id (a
  // multi-select, an address), so only types no id can take count as proof: a checkbox, a decimal, a date.
  if (property.type === 'boolean' || property.type === 'number') return { kind: 'nothing' };
  if (property.type === 'string' && (property.format === 'date' || property.format === 'date-time')) return { kind: 'nothing' };
  if (property.type === 'string' || property.type === 'integer') return { kind: 'unknown', why: `the catalog gives ${column} only as a REST ${property.type}, which does not tell whether SuiteQL holds another record's id there` };
  return undefined;
}

/**
 * The table each displayed column points to, or the first reason one cannot be checked. The reasons tell an agent
 * what to do instead: join the table and select its name column.
 */
export function displayReadsOf(displayed: readonly DisplayedColumn[], schemas: RecordTypeSchemas = {}): DisplayReadsResult {
  const reads: DisplayRead[] = [];
  for (const shown of displayed) {
    if ('unresolved' in shown) return { ok: false, reason: `${shown.call} can show names from a table the query does not name, but ${shown.unresolved}, so SuiteLens cannot check which; join that table explicitly instead of ${shown.call}` };
    if ('uses' in shown) {
      reads.push({ call: shown.call, uses: shown.uses, table: shown.table });
      continue;
    }
    const column = `${shown.table}.${shown.column}`;
    if (shown.unqualifiedInSubquery && !standardColumns.has(column)) {
      return { ok: false, reason: `${shown.call} can show names from a table the query does not name, but inside a subquery an unqualified ${shown.column} may belong to ${shown.table} or to an outer query, so SuiteLens cannot check which; write it as alias.${shown.column}` };
    }
    const target = displayTargetOf(shown.table, shown.column, schemas);
    if (target.kind === 'unknown') return { ok: false, reason: `${shown.call} shows the name of the record ${column} points to, but ${target.why}, so the table it reads cannot be checked; join that table explicitly instead of ${shown.call}` };
    if (target.kind === 'table') reads.push({ call: shown.call, column, table: target.table });
  }
  return { ok: true, reads };
}

/**
 * Every table a query reads: those it names, those its BUILTIN.DF calls read and the setup tables of its other
 * BUILTIN calls. Refused with a reason when a
 * displayed column's target cannot be told — this is the complete list the agent policy checks.
 */
export function tablesReadWithDisplays(query: string, schemas: RecordTypeSchemas = {}): TablesReadResult {
  const named = tablesReadBy(query);
  if (!named.ok) return named;
  const display = displayReadsOf(named.displayed, schemas);
  if (!display.ok) return display;
  return { ok: true, tables: [...new Set([...named.tables, ...display.reads.map((read) => read.table)])].sort(), displayed: named.displayed, canonical: named.canonical };
}

/**
 * Record types whose catalog schema would tell what a displayed column points to when the standard tables do not:
 * the tables of such columns that the account's catalog lists, spelled as the catalog spells them.
 */
export function recordTypesToDescribe(displayed: readonly DisplayedColumn[], accountRecordTypes: readonly string[]): string[] {
  const byName = new Map(accountRecordTypes.map((type) => [type.toLowerCase(), type]));
  const wanted = new Set<string>();
  for (const shown of displayed) {
    if ('unresolved' in shown || 'uses' in shown || displayTargetOf(shown.table, shown.column).kind !== 'unknown') continue;
    const recordType = byName.get(shown.table);
    if (recordType) wanted.add(recordType);
  }
  return [...wanted];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
