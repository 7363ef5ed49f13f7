/**
 * Fills the SuiteQL tables (described by the SuiteQL engine's `describeSuiteQLTables`, turned into rows by
 * `suiteQLRowsForRecord`) and keeps them in step with record writes: a record's rows are deleted and re-inserted
 * inside the write's own transaction. Inserts go through `jsonb_populate_recordset`, one parameter per chunk,
 * which keeps a 150,000-row load to a few seconds.
 */
import type { RecordTypeDefinition, StoredRecord } from '../model/recordTypes';
import { suiteQLRowsForRecord, type SuiteQLRow } from '../suiteql/rows';
import { suiteQLTableDDL, type SuiteQLTable } from '../suiteql/tables';
import type { Queryable, SuiteQLProjection } from './recordStore';

const chunkSize = 5_000;

function quoted(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

async function insertRows(db: Queryable, table: string, rows: Record<string, unknown>[]): Promise<void> {
  for (let start = 0; start < rows.length; start += chunkSize) {
    await db.query(`INSERT INTO ${quoted(table)} SELECT * FROM jsonb_populate_recordset(NULL::${quoted(table)}, $1::jsonb)`, [
      JSON.stringify(rows.slice(start, start + chunkSize)),
    ]);
  }
}

function groupByTable(rows: SuiteQLRow[]): Map<string, Record<string, unknown>[]> {
  const grouped = new Map<string, Record<string, unknown>[]>();
  for (const row of rows) {
    const list = grouped.get(row.table) ?? [];
    list.push(row.values);
    grouped.set(row.table, list);
  }
  return grouped;
}

export function createSuiteQLProjection(tables: SuiteQLTable[], findRecordType: (name: string) => RecordTypeDefinition | undefined): SuiteQLProjection {
  const definitionOf = (record: StoredRecord): RecordTypeDefinition => {
    const definition = findRecordType(record.type);
    if (!definition) throw new Error(`Record type '${record.type}' has no definition.`);
    return definition;
  };
  /** Tables fed by each record type: row building then looks at those alone (it runs once per seeded record). */
  const tablesByType = new Map<string, SuiteQLTable[]>();
  const tablesOf = (definition: RecordTypeDefinition): SuiteQLTable[] => {
    let fed = tablesByType.get(definition.id);
    if (!fed) {
      fed = tables.filter((table) => table.feeds.some((feed) => feed.recordType === definition.id));
      tablesByType.set(definition.id, fed);
    }
    return fed;
  };
  const rowsOf = (record: StoredRecord) => {
    const definition = definitionOf(record);
    return suiteQLRowsForRecord(tablesOf(definition), definition, record);
  };
  /** Tables fed by a record type, with the column that finds the record's rows there. */
  const fedTables = (definition: RecordTypeDefinition) =>
    tablesOf(definition).map((table) => ({ table: table.name, keyColumn: table.parent ? table.parent.column : 'id' }));

  const remove = async (db: Queryable, record: StoredRecord) => {
    for (const { table, keyColumn } of fedTables(definitionOf(record))) {
      await db.query(`DELETE FROM ${quoted(table)} WHERE ${quoted(keyColumn)} = $1::bigint`, [record.id]);
    }
  };

  return {
    async createTables(db, options = {}) {
      for (const table of tables) {
        await db.exec(suiteQLTableDDL(table));
        // Unlogged, like the documents (see recordStore.ts), unless kept for a snapshot; switched while still
        // empty, so nothing is rewritten.
        if (!options.logged) {
          const persistence = await db.query<{ relpersistence: string }>(`SELECT relpersistence FROM pg_class WHERE oid = $1::regclass`, [quoted(table.name)]);
          if (persistence.rows[0]?.relpersistence === 'p') await db.exec(`ALTER TABLE ${quoted(table.name)} SET UNLOGGED`);
        }
        if (table.parent) await db.exec(`CREATE INDEX IF NOT EXISTS ${quoted(`${table.name}_${table.parent.column}`)} ON ${quoted(table.name)} (${quoted(table.parent.column)})`);
        // Rows that exist whatever the records (DUAL's one row), added once even when a data dir is reopened.
        if (table.fixedRows) {
          const existing = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${quoted(table.name)}`);
          if ((existing.rows[0]?.n ?? 0) === 0) await insertRows(db, table.name, table.fixedRows);
        }
      }
    },
    async bulkLoad(db, records) {
      const rows = records.flatMap(rowsOf);
      for (const [table, tableRows] of groupByTable(rows)) await insertRows(db, table, tableRows);
    },
    async upsert(db, record) {
      await remove(db, record);
      for (const [table, tableRows] of groupByTable(rowsOf(record))) await insertRows(db, table, tableRows);
    },
    remove,
  };
}
