/**
 * What completion derives from the schema alone, built once per schema version rather than on each keystroke: a
 * real account's schema has 1,000+ tables and 50,000+ columns, so nothing here may scan it per call.
 * - table items, indexed by their initials, so a typed prefix picks its few dozen tables without a scan;
 * - each table's column item texts (detail, hover markdown);
 * - foreign keys by table, for join suggestions.
 */
import { describeColumn, describeTable } from './describe';
import type { SuiteQLCompletionItem } from './completion';
import type { SchemaColumn, SchemaTable, SuiteQLSchema } from './schema';
import { entitySubtypes } from './standardTables';

export type ItemBase = Omit<SuiteQLCompletionItem, 'replaceStart' | 'replaceEnd'>;

interface TableIndex {
  readonly version: number;
  readonly all: readonly ItemBase[];
  /** Table items by the letters that may start a match: the name's first letter and each letter after a `_`. */
  readonly byInitial: ReadonlyMap<string, readonly ItemBase[]>;
}

const tableIndexes = new WeakMap<SuiteQLSchema, TableIndex>();

function tableIndex(schema: SuiteQLSchema): TableIndex {
  const cached = tableIndexes.get(schema);
  if (cached?.version === schema.version) return cached;
  const all = schema
    .tables()
    .map((table) => ({
      label: table.name,
      kind: 'table' as const,
      detail: table.label ? `table · ${table.label}` : 'table',
      documentation: describeTable(table),
      insertText: table.name,
      sortText: `3${table.name}`,
    }))
    .sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  const byInitial = new Map<string, ItemBase[]>();
  for (const item of all) {
    for (const initial of initialsOf(item.label)) {
      let list = byInitial.get(initial);
      if (!list) byInitial.set(initial, (list = []));
      list.push(item);
    }
  }
  const index = { version: schema.version, all, byInitial };
  tableIndexes.set(schema, index);
  return index;
}

function initialsOf(name: string): Set<string> {
  const initials = new Set([name[0]]);
  for (let i = name.indexOf('_'); i >= 0 && i + 1 < name.length; i = name.indexOf('_', i + 1)) initials.add(name[i + 1]);
  return initials;
}

/**
 * The table items a typed word can match, the way the editor filters them (its first letter starts the name or a
 * `_`-separated part, the rest follow in order): every table for an empty word. Typing on only narrows this set,
 * so the editor can keep filtering it without asking again.
 */
export function tablesMatching(schema: SuiteQLSchema, typed: string): readonly ItemBase[] {
  const index = tableIndex(schema);
  const word = typed.toLowerCase();
  if (word === '') return index.all;
  const candidates = index.byInitial.get(word[0]) ?? [];
  return word.length === 1 ? candidates : candidates.filter((item) => isSubsequence(word, item.label));
}

/** True when `typed` is empty or its letters appear in `name` in order (fuzzy, as the editor matches). */
export function matchesTyped(typed: string, name: string): boolean {
  return typed === '' || (initialsOf(name).has(typed[0].toLowerCase()) && isSubsequence(typed.toLowerCase(), name));
}

function isSubsequence(word: string, name: string): boolean {
  let at = 0;
  for (const char of word) {
    at = name.indexOf(char, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

export interface ColumnText {
  readonly column: SchemaColumn;
  readonly detail: string;
  readonly documentation: string;
}

const columnTexts = new WeakMap<SchemaTable, { version: number; texts: ColumnText[] }>();

/** A table's columns with their item texts, built once per schema version. */
export function columnsOf(schema: SuiteQLSchema, table: SchemaTable): readonly ColumnText[] {
  const cached = columnTexts.get(table);
  if (cached?.version === schema.version) return cached.texts;
  const texts = [...table.columns.values()].map((column) => ({
    column,
    detail: `${table.name}.${column.name}${column.type ? ` · ${column.type}` : ''}${column.restName ? ` · REST field: ${column.restName}` : ''}${column.rejected ? ' · NetSuite refused this name' : ''}`,
    documentation: describeColumn(table, column),
  }));
  columnTexts.set(table, { version: schema.version, texts });
  return texts;
}

export interface ForeignKey {
  readonly from: string;
  readonly column: string;
  readonly to: string;
}

const foreignKeyIndexes = new WeakMap<SuiteQLSchema, { version: number; byTable: Map<string, ForeignKey[]> }>();

/**
 * Foreign keys from `tableName` to any table, and from any table to `tableName`. A reference to `entity` also
 * links to each entity subtype (transaction.entity = customer.id).
 */
export function foreignKeysBetween(schema: SuiteQLSchema, tableName: string): readonly ForeignKey[] {
  let index = foreignKeyIndexes.get(schema);
  if (!index || index.version !== schema.version) {
    const byTable = new Map<string, ForeignKey[]>();
    const link = (table: string, key: ForeignKey) => {
      const keys = byTable.get(table);
      if (keys) keys.push(key);
      else byTable.set(table, [key]);
    };
    for (const table of schema.tables()) {
      for (const column of table.columns.values()) {
        const target = column.references;
        if (!target || !schema.table(target)) continue;
        const key = { from: table.name, column: column.name, to: target };
        link(table.name, key);
        if (target !== table.name) link(target, key);
        if (target === 'entity') for (const subtype of entitySubtypes) if (schema.table(subtype)) link(subtype, { ...key, to: subtype });
      }
    }
    index = { version: schema.version, byTable };
    foreignKeyIndexes.set(schema, index);
  }
  return index.byTable.get(tableName) ?? [];
}
