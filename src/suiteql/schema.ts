import type { AnalyticsTableList } from './analyticsTables';
import { suiteQLColumnForRestField } from './restFieldNames';
import { suiteQLHomeOf } from './restOnlyRecordTypes';
import { standardTables, type StandardTable } from './standardTables';

/**
 * Where a table or column description came from; hover shows it so the user knows how far to trust it.
 * `analytics`: a table name only, from the bundled list of tables public sources show real accounts have.
 */
export type ColumnSource = 'catalog' | 'standard' | 'learned' | 'analytics';

export interface SchemaColumn {
  /** Lower-case, as SuiteQL returns column names. */
  readonly name: string;
  readonly label?: string;
  /** SuiteQL type (`integer`, `date`, …) or the JSON Schema type and format (`number (double)`). */
  readonly type?: string;
  /** The table whose `id` this column holds, when it is a foreign key. */
  readonly references?: string;
  readonly custom: boolean;
  readonly source: ColumnSource;
  /** The REST field this column is written as, when the names differ (`balance` for `customer.balancesearch`). */
  readonly restName?: string;
  /** NetSuite refused this name in a query that ran (its detail); completion marks it until a result shows it. */
  readonly rejected?: string;
}

export interface SchemaTable {
  readonly name: string;
  label?: string;
  /** Where the table is known from (bundled description, the account's catalog, query results); hover says it. */
  readonly sources: Set<ColumnSource>;
  readonly columns: Map<string, SchemaColumn>;
  /** True only when every column is known, so an unknown column is a real mistake and worth a warning. */
  columnsComplete: boolean;
  /** For a table from the bundled analytics list: the public sources that show it (hover names them). */
  seenIn?: readonly string[];
  /** REST field → SuiteQL column, for the catalog fields SuiteQL names differently (restFieldNames.ts). */
  readonly restFields: Map<string, string>;
}

export interface RecordTypeSchemaOptions {
  /** Say true only when the schema lists every SuiteQL column of the table (the demo sandbox's does). */
  complete?: boolean;
  label?: string;
}

/**
 * What the language service knows about an account's tables: the bundled standard tables, record types from the
 * metadata catalog, and columns learned from query results. The caller builds and owns it (per account); the
 * language service only reads it. Names are lower-case throughout — SuiteQL ignores case.
 */
export class SuiteQLSchema {
  private readonly tableByName = new Map<string, SchemaTable>();
  /** Bumped on every change so callers can cache what they derive from the schema. */
  version = 0;

  /**
   * @param tablesComplete true when the schema lists every table the account has; only then is every unknown table
   * reported (SuiteQL has hundreds of analytics tables the catalog does not list). The demo sandbox's schema becomes
   * complete once its catalog's names are in (`markTablesComplete`).
   */
  constructor(private complete = false) {}

  get tablesComplete(): boolean {
    return this.complete;
  }

  markTablesComplete(): void {
    if (this.complete) return;
    this.complete = true;
    this.version++;
  }

  /** A schema holding the bundled standard SuiteQL tables. */
  static withStandardTables(tablesComplete = false): SuiteQLSchema {
    const schema = new SuiteQLSchema(tablesComplete);
    schema.addStandardTables(standardTables);
    return schema;
  }

  addStandardTables(tables: readonly StandardTable[]): void {
    for (const table of tables) {
      const target = this.ensureTable(table.name, table.label, 'standard');
      for (const [name, type, label, references] of table.columns) {
        target.columns.set(name, { name, type, label, references, custom: name.startsWith('cust'), source: 'standard' });
      }
    }
    this.version++;
  }

  /**
   * The analytics tables public sources show real accounts have, by name (analyticsTables.ts): offered after
   * FROM/JOIN even before the account's catalog answers. Tables already described keep their description.
   */
  addAnalyticsTables(list: AnalyticsTableList): void {
    for (const table of list.tables) this.ensureTable(table.name, undefined, 'analytics').seenIn = table.sources.map((key) => list.sources[key].title);
    this.version++;
  }

  /**
   * Adds a record type from the metadata catalog's JSON Schema (`Accept: application/schema+json`): each property
   * becomes a column (lower-cased), `title` its label, `type`/`format` its type, `x-ns-custom-field` marks custom
   * fields, and a `$ref` to another record type makes it a foreign key. Sublists, links and `refName` are not
   * SuiteQL columns and are left out.
   */
  addRecordTypeSchema(recordType: string, jsonSchema: unknown, options: RecordTypeSchemaOptions = {}): void {
    const properties = isObject(jsonSchema) && isObject(jsonSchema.properties) ? jsonSchema.properties : undefined;
    if (!properties) throw new Error(`The schema for record type "${recordType}" has no "properties" object.`);
    const table = this.ensureTable(recordType, options.label ?? (isObject(jsonSchema) && typeof jsonSchema.title === 'string' ? jsonSchema.title : undefined), 'catalog');
    for (const [propertyName, property] of Object.entries(properties)) {
      const restColumn = columnFromProperty(propertyName, property);
      if (!restColumn) continue;
      // A REST field SuiteQL names differently becomes its SuiteQL column: only names SuiteQL accepts are offered.
      const suiteQLName = suiteQLColumnForRestField(table.name, restColumn.name);
      if (suiteQLName) table.restFields.set(restColumn.name, suiteQLName);
      const column = suiteQLName ? { ...restColumn, name: suiteQLName, restName: restColumn.name } : restColumn;
      const existing = table.columns.get(column.name);
      // A bundled description knows SuiteQL's own type and foreign key better than REST; keep it, add the label.
      table.columns.set(column.name, existing ? { ...existing, label: existing.label ?? column.label, custom: column.custom, restName: existing.restName ?? column.restName } : column);
    }
    if (options.complete) table.columnsComplete = true;
    this.version++;
  }

  /**
   * The account's record types by name, from the metadata catalog's list: offered after FROM/JOIN at once; their
   * columns come later (`addRecordTypeSchema`) when a query uses them. Transactions and items are left out
   * (restOnlyRecordTypes.ts).
   */
  addCatalogTables(recordTypes: Iterable<string>): void {
    // Transactions and items are rows of `transaction` and `item`: SuiteQL has no table of their REST names.
    for (const name of recordTypes) if (!suiteQLHomeOf(name)) this.ensureTable(name, undefined, 'catalog');
    this.version++;
  }

  /** Records the column names a query on `table` returned (SuiteQL omits null columns, so this only ever adds). */
  learnColumns(tableName: string, columnNames: Iterable<string>): void {
    const table = this.ensureTable(tableName, undefined, 'learned');
    let added = false;
    for (const raw of columnNames) {
      const name = raw.toLowerCase();
      const existing = table.columns.get(name);
      if (name === 'links' || (existing && !existing.rejected)) continue;
      table.columns.set(name, { name, custom: name.startsWith('cust'), source: 'learned' });
      added = true;
    }
    if (added) this.version++;
  }

  /**
   * Marks a column NetSuite refused in a query that ran ("Unknown identifier"), so completion stops recommending it
   * (a catalog field SuiteQL does not have). A result that later shows the column clears the mark (`learnColumns`).
   */
  rejectColumn(tableName: string, columnName: string, detail: string): void {
    const table = this.table(tableName);
    const column = table?.columns.get(columnName.toLowerCase());
    if (!table || !column || column.rejected === detail) return;
    table.columns.set(column.name, { ...column, rejected: detail });
    this.version++;
  }

  table(name: string): SchemaTable | undefined {
    return this.tableByName.get(name.toLowerCase());
  }

  tables(): SchemaTable[] {
    return [...this.tableByName.values()];
  }

  private ensureTable(name: string, label: string | undefined, source: ColumnSource): SchemaTable {
    const key = name.toLowerCase();
    let table = this.tableByName.get(key);
    if (!table) {
      table = { name: key, label, sources: new Set([source]), columns: new Map(), columnsComplete: false, restFields: new Map() };
      this.tableByName.set(key, table);
    } else {
      if (label && !table.label) table.label = label;
      table.sources.add(source);
    }
    return table;
  }
}

function columnFromProperty(propertyName: string, property: unknown): SchemaColumn | undefined {
  if (!isObject(property)) return undefined;
  const name = propertyName.toLowerCase();
  if (name === 'links' || name === 'refname') return undefined;
  const label = typeof property.title === 'string' ? property.title : undefined;
  const custom = property['x-ns-custom-field'] === true;
  if (typeof property.$ref === 'string') {
    const target = property.$ref.split('/').pop() ?? '';
    // Sublists (`customer-addressbookCollection`) and links are not columns; `nsResource` is an untyped reference.
    if (target.endsWith('Collection') || target.includes('-') || target === 'nsLink') return undefined;
    const references = target === 'nsResource' ? undefined : target.toLowerCase();
    return { name, label, type: 'reference', references, custom, source: 'catalog' };
  }
  if (property.type === 'array') return undefined;
  if (property.type === 'object') return { name, label, type: 'list value', custom, source: 'catalog' };
  const type = typeof property.type === 'string' ? (typeof property.format === 'string' ? `${property.type} (${property.format})` : property.type) : undefined;
  return { name, label, type, custom, source: 'catalog' };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
