/**
 * Record documents in PGlite: one `ns_record` row per record (the REST-shaped document as jsonb) and — through
 * `SuiteQLProjection` — the SuiteQL tables, written in the same transaction as the document so a SuiteQL query
 * always sees every committed REST write.
 */
import type { PGlite, Transaction } from '@electric-sql/pglite';
import type { RecordTypeDefinition, StoredRecord } from '../model/recordTypes';

export type Queryable = Pick<Transaction, 'query' | 'exec'>;

/** Keeps the SuiteQL tables in step with the documents. */
export interface SuiteQLProjection {
  /** `logged`: keep the write-ahead log (a snapshot must hold the rows; unlogged tables restore empty). */
  createTables(db: Queryable, options?: { logged?: boolean }): Promise<void>;
  bulkLoad(db: Queryable, records: StoredRecord[]): Promise<void>;
  upsert(tx: Queryable, record: StoredRecord): Promise<void>;
  remove(tx: Queryable, record: StoredRecord): Promise<void>;
}

/** A WHERE fragment over the `doc` column with positional parameters starting at `$2` (`$1` is the type). */
export interface SqlFilter {
  sql: string;
  params: unknown[];
}

interface DocumentRow {
  type: string;
  id: string;
  external_id: string | null;
  doc: { fields: Record<string, unknown>; sublists: Record<string, Record<string, unknown>[]>; createdDate: string; lastModifiedDate: string };
}

// The document table is created without its keys: a bulk load into an unindexed table and one index build
// afterwards costs about a third less than maintaining the index row by row (see ensureKeys). Tables are
// UNLOGGED: no write-ahead log to fill (a fifth less CPU on a big load); a clean close still keeps a data dir.
const schemaSql = (logged: boolean) => `
  CREATE ${logged ? '' : 'UNLOGGED '}TABLE IF NOT EXISTS ns_record (
    type text NOT NULL,
    id bigint NOT NULL,
    external_id text,
    doc jsonb NOT NULL
  );
`;

const keysSql = `
  ALTER TABLE ns_record ADD CONSTRAINT ns_record_pkey PRIMARY KEY (type, id);
  CREATE UNIQUE INDEX IF NOT EXISTS ns_record_external_id ON ns_record (type, external_id) WHERE external_id IS NOT NULL;
`;

// Apart from keysSql so a data dir from before it gets the index too (IF NOT EXISTS makes it cheap to repeat).
const entityIdIndexSql = `CREATE INDEX IF NOT EXISTS ns_record_entity_id ON ns_record (type, lower(doc->'fields'->>'entityId'));`;

/** Rows per bulk INSERT: one jsonb parameter per chunk keeps loading 150k records to a few seconds. */
const bulkChunkSize = 5_000;

export function typeKey(typeName: string): string {
  return typeName.toLowerCase();
}

function toStored(row: DocumentRow, definitions: Map<string, RecordTypeDefinition>): StoredRecord {
  return {
    type: definitions.get(row.type)?.id ?? row.type,
    id: row.id,
    ...(row.external_id !== null ? { externalId: row.external_id } : {}),
    fields: row.doc.fields,
    sublists: row.doc.sublists,
    createdDate: row.doc.createdDate,
    lastModifiedDate: row.doc.lastModifiedDate,
  };
}

function documentOf(record: StoredRecord): string {
  return JSON.stringify({ fields: record.fields, sublists: record.sublists, createdDate: record.createdDate, lastModifiedDate: record.lastModifiedDate });
}

/** NetSuite shares one internal-id space per family (all entities, all transactions); other types count alone. */
function idSpace(definition: RecordTypeDefinition): string {
  return definition.family === 'entity' || definition.family === 'transaction' ? definition.family : typeKey(definition.id);
}

const selectColumns = 'type, id::text AS id, external_id, doc';

/** Reads and writes inside one transaction. */
export class StoreTransaction {
  constructor(
    private readonly tx: Queryable,
    private readonly store: RecordStore,
  ) {}

  get(typeName: string, id: string): Promise<StoredRecord | undefined> {
    return this.store.get(typeName, id, this.tx);
  }

  findByExternalId(typeName: string, externalId: string): Promise<StoredRecord | undefined> {
    return this.store.findByExternalId(typeName, externalId, this.tx);
  }

  /**
   * True when another record of the type already holds `entityId` (case-insensitive). The path is spelled out, not a
   * parameter, so the ns_record_entity_id index serves it: every entity create asks, on accounts of 100,000 customers.
   */
  async entityIdTaken(typeName: string, entityId: string, exceptId?: string): Promise<boolean> {
    const result = await this.tx.query<{ taken: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM ns_record WHERE type = $1 AND lower(doc->'fields'->>'entityId') = lower($2) AND ($3::bigint IS NULL OR id <> $3::bigint)) AS taken`,
      [typeKey(typeName), entityId, exceptId ?? null],
    );
    return result.rows[0]?.taken ?? false;
  }

  /** Every record of `typeName` whose body reference `fieldId` points at `id` (an order's invoices by `createdFrom`). */
  async referencingRecords(typeName: string, fieldId: string, id: string): Promise<StoredRecord[]> {
    const result = await this.tx.query<DocumentRow>(`SELECT ${selectColumns} FROM ns_record WHERE type = $1 AND doc->'fields'->$2::text->>'id' = $3::text ORDER BY id`, [
      typeKey(typeName),
      fieldId,
      id,
    ]);
    return this.store.documentsOf(result.rows);
  }

  async insert(record: StoredRecord): Promise<void> {
    await this.tx.query('INSERT INTO ns_record (type, id, external_id, doc) VALUES ($1, $2::bigint, $3, $4::jsonb)', [
      typeKey(record.type),
      record.id,
      record.externalId ?? null,
      documentOf(record),
    ]);
    await this.store.projection?.upsert(this.tx, record);
  }

  async update(record: StoredRecord): Promise<void> {
    await this.tx.query('UPDATE ns_record SET external_id = $3, doc = $4::jsonb WHERE type = $1 AND id = $2::bigint', [
      typeKey(record.type),
      record.id,
      record.externalId ?? null,
      documentOf(record),
    ]);
    await this.store.projection?.upsert(this.tx, record);
  }

  async delete(record: StoredRecord): Promise<void> {
    await this.tx.query('DELETE FROM ns_record WHERE type = $1 AND id = $2::bigint', [typeKey(record.type), record.id]);
    await this.store.projection?.remove(this.tx, record);
  }

  /**
   * The first record whose reference field (on the body or a sublist line) points at `target`, optionally only
   * among `fromTypes` and `fieldIds`: what makes NetSuite refuse a delete, and what tells a billed order.
   */
  async firstReferenceTo(target: StoredRecord, only: { fromTypes?: string[]; fieldIds?: string[] } = {}): Promise<{ type: string; id: string; field: string } | undefined> {
    for (const path of this.store.referencePathsTo(target.type)) {
      if (only.fromTypes && !only.fromTypes.some((type) => typeKey(type) === typeKey(path.type))) continue;
      if (only.fieldIds && !only.fieldIds.includes(path.field)) continue;
      const where = path.sublist
        ? `EXISTS (SELECT 1 FROM jsonb_array_elements(COALESCE(doc->'sublists'->$3::text, '[]'::jsonb)) AS line WHERE line->$4::text->>'id' = $2::text)`
        : `$3::text = '' AND doc->'fields'->$4::text->>'id' = $2::text`;
      const result = await this.tx.query<{ id: string }>(`SELECT id::text AS id FROM ns_record WHERE type = $1::text AND ${where} AND NOT (type = $5::text AND id = $6::bigint) LIMIT 1`, [
        typeKey(path.type),
        target.id,
        path.sublist ?? '',
        path.field,
        typeKey(target.type),
        target.id,
      ]);
      const found = result.rows[0];
      if (found) return { type: this.store.definitionOf(path.type)?.id ?? path.type, id: found.id, field: path.field };
    }
    return undefined;
  }
}

/** A reference field that can point at a record type: on a type's body, or on one of its sublists' lines. */
interface ReferencePath {
  type: string;
  field: string;
  sublist?: string;
}

export class RecordStore {
  private readonly definitions: Map<string, RecordTypeDefinition>;
  private readonly nextIds = new Map<string, number>();
  private writeQueue: Promise<unknown> = Promise.resolve();
  private readonly commitListeners: Array<() => void> = [];

  private constructor(
    readonly db: PGlite,
    definitions: RecordTypeDefinition[],
    readonly projection: SuiteQLProjection | undefined,
  ) {
    this.definitions = new Map(definitions.map((definition) => [typeKey(definition.id), definition]));
  }

  definitionOf(typeName: string): RecordTypeDefinition | undefined {
    return this.definitions.get(typeKey(typeName));
  }

  /**
   * Every reference field that can point at a record of `typeName`: one naming the type itself, or its family
   * (`entity`, `transaction`), since NetSuite shares one id space per family.
   */
  referencePathsTo(typeName: string): ReferencePath[] {
    const target = this.definitions.get(typeKey(typeName));
    const names = new Set([typeKey(typeName), ...(target ? [target.family] : [])]);
    const points = (referenceType: string | undefined) => referenceType !== undefined && names.has(typeKey(referenceType));
    return [...this.definitions.values()].flatMap((definition) => [
      ...definition.fields.filter((field) => field.kind === 'reference' && points(field.referenceType)).map((field) => ({ type: definition.id, field: field.id })),
      ...definition.sublists.flatMap((sublist) =>
        sublist.fields.filter((field) => field.kind === 'reference' && points(field.referenceType)).map((field) => ({ type: definition.id, field: field.id, sublist: sublist.id })),
      ),
    ]);
  }

  /**
   * Loads PGlite only now, so importing the sandbox costs nothing until it starts. `snapshot`: a data directory
   * saved by `snapshot()` (tables, keys and rows all there). `logged`: tables keep their write-ahead log, which a
   * store that will be snapshotted needs (Postgres empties unlogged tables when it starts from a copied data dir).
   */
  static async open(options: {
    dataDir?: string;
    definitions: RecordTypeDefinition[];
    projection?: SuiteQLProjection;
    snapshot?: Blob;
    logged?: boolean;
  }): Promise<RecordStore> {
    const { PGlite } = await import('@electric-sql/pglite');
    const db = await PGlite.create({
      dataDir: options.dataDir,
      ...(options.snapshot ? { loadDataDir: options.snapshot } : {}),
      // A store built for a snapshot keeps only two log segments once checkpointed, not the up to 1 GB of
      // recycled ones Postgres keeps by default: the log is half a snapshot's size otherwise (sandbox-ready bench).
      ...(options.logged && !options.snapshot ? { startParams: [...PGlite.defaultStartParams, '-c', 'max_wal_size=32MB', '-c', 'min_wal_size=32MB'] } : {}),
    });
    if (!options.snapshot) {
      await db.exec(schemaSql(options.logged ?? false));
      await options.projection?.createTables(db, { logged: options.logged });
    }
    const store = new RecordStore(db, options.definitions, options.projection);
    if (!(await store.isEmpty())) await store.ensureKeys();
    await store.refreshIdCounters();
    return store;
  }

  /** Adds the document table's keys once (after the first bulk load, or on a data dir from before). */
  private async ensureKeys(): Promise<void> {
    const existing = await this.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_constraint WHERE conname = 'ns_record_pkey'`);
    if ((existing.rows[0]?.n ?? 0) === 0) await this.db.exec(keysSql);
    await this.db.exec(entityIdIndexSql);
  }

  /** The whole data directory as a tar, checkpointed first so a restore has no log to replay. */
  async snapshot(): Promise<Blob> {
    await this.db.exec('CHECKPOINT');
    return this.db.dumpDataDir('none');
  }

  async isEmpty(): Promise<boolean> {
    const result = await this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM ns_record');
    return (result.rows[0]?.n ?? 0) === 0;
  }

  /**
   * Loads seed records in bulk, batch by batch (one multi-row INSERT from a jsonb array per chunk, then the
   * batch's SuiteQL rows), all in one transaction so a half-loaded account never exists.
   */
  async load(batches: Iterable<StoredRecord[]>): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const records of batches) {
        for (let start = 0; start < records.length; start += bulkChunkSize) {
          const chunk = records.slice(start, start + bulkChunkSize).map((record) => ({
            type: typeKey(record.type),
            id: record.id,
            externalId: record.externalId ?? null,
            doc: { fields: record.fields, sublists: record.sublists, createdDate: record.createdDate, lastModifiedDate: record.lastModifiedDate },
          }));
          await tx.query(
            `INSERT INTO ns_record (type, id, external_id, doc)
             SELECT r->>'type', (r->>'id')::bigint, r->>'externalId', r->'doc' FROM jsonb_array_elements($1::jsonb) AS r`,
            [JSON.stringify(chunk)],
          );
        }
        await this.projection?.bulkLoad(tx, records);
      }
    });
    await this.ensureKeys();
    await this.refreshIdCounters();
  }

  private async refreshIdCounters(): Promise<void> {
    const result = await this.db.query<{ type: string; max_id: string }>('SELECT type, max(id)::text AS max_id FROM ns_record GROUP BY type');
    this.nextIds.clear();
    for (const row of result.rows) {
      const definition = this.definitions.get(row.type);
      const space = definition ? idSpace(definition) : row.type;
      this.nextIds.set(space, Math.max(this.nextIds.get(space) ?? 1, Number(row.max_id) + 1));
    }
  }

  /** A fresh internal id in the type's id space. */
  allocateId(definition: RecordTypeDefinition): string {
    const space = idSpace(definition);
    const id = this.nextIds.get(space) ?? 1;
    this.nextIds.set(space, id + 1);
    return String(id);
  }

  /** Stored rows as records (for reads made inside a transaction). */
  documentsOf(rows: DocumentRow[]): StoredRecord[] {
    return rows.map((row) => toStored(row, this.definitions));
  }

  async get(typeName: string, id: string, db: Queryable = this.db): Promise<StoredRecord | undefined> {
    if (!/^\d{1,18}$/.test(id)) return undefined;
    const result = await db.query<DocumentRow>(`SELECT ${selectColumns} FROM ns_record WHERE type = $1 AND id = $2::bigint`, [typeKey(typeName), id]);
    return result.rows[0] ? toStored(result.rows[0], this.definitions) : undefined;
  }

  async findByExternalId(typeName: string, externalId: string, db: Queryable = this.db): Promise<StoredRecord | undefined> {
    const result = await db.query<DocumentRow>(`SELECT ${selectColumns} FROM ns_record WHERE type = $1 AND external_id = $2`, [typeKey(typeName), externalId]);
    return result.rows[0] ? toStored(result.rows[0], this.definitions) : undefined;
  }

  /** One page of ids (ascending internal id) and the total matching count. */
  async listIds(typeName: string, filter: SqlFilter | undefined, limit: number, offset: number): Promise<{ ids: string[]; totalResults: number }> {
    const where = filter ? `AND (${filter.sql})` : '';
    const params = [typeKey(typeName), ...(filter?.params ?? [])];
    const count = await this.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ns_record WHERE type = $1 ${where}`, params);
    const page = await this.db.query<{ id: string }>(
      `SELECT id::text AS id FROM ns_record WHERE type = $1 ${where} ORDER BY id LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
    return { ids: page.rows.map((row) => row.id), totalResults: count.rows[0]?.n ?? 0 };
  }

  /** Display names (refName) of referenced records, keyed `type:id`. */
  async displayNames(references: Array<{ type: string; id: string }>): Promise<Map<string, string>> {
    const byType = new Map<string, Set<string>>();
    for (const reference of references) {
      if (!/^\d{1,18}$/.test(reference.id)) continue;
      const key = typeKey(reference.type);
      if (!byType.has(key)) byType.set(key, new Set());
      byType.get(key)?.add(reference.id);
    }
    const names = new Map<string, string>();
    for (const [type, ids] of byType) {
      const definition = this.definitions.get(type);
      if (!definition) continue;
      const result = await this.db.query<{ id: string; name: string | null }>(
        `SELECT id::text AS id, doc->'fields'->>$3 AS name FROM ns_record WHERE type = $1 AND id = ANY($2::bigint[])`,
        [type, [...ids], definition.nameField],
      );
      for (const row of result.rows) if (row.name !== null) names.set(`${type}:${row.id}`, row.name);
    }
    return names;
  }

  /**
   * Runs writes one at a time: PGlite has one connection, and serialising here keeps uniqueness checks and
   * id allocation free of races between concurrent requests.
   */
  transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    const run = this.writeQueue.then(async () => {
      const result = await this.db.transaction((tx) => work(new StoreTransaction(tx, this)));
      for (const listener of this.commitListeners) listener();
      return result;
    });
    this.writeQueue = run.catch(() => undefined);
    return run;
  }

  /** Called after every committed write (the SuiteQL engine drops its cached results). */
  onCommit(listener: () => void): void {
    this.commitListeners.push(listener);
  }

  async close(): Promise<void> {
    await this.writeQueue;
    await this.db.close();
  }
}
