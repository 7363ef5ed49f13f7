/**
 * The sandbox's SuiteQL engine: translates a query for the caller's role, runs it on PGlite and serves pages
 * rendered as NetSuite renders them.
 *
 * Paging: re-running `LIMIT/OFFSET` per page costs more the deeper the page, and PGlite runs one statement at a
 * time (measurements.md). So the first page runs directly (fast), and once a later page is asked for, the full
 * result — at most `maxResults` rows — is materialised into a numbered temporary table: a short-lived cursor per
 * (role, query) from which any page is an index range read. It is not built in the background after page one:
 * PGlite would make every other request wait behind it, for a result most first pages never need. Cursors expire
 * after `ttlMs` idle and are evicted least-recently-used beyond `maxEntries` queries or `maxCursorRows` rows in
 * total, so memory stays bounded.
 */
import type { PGliteInterface } from '@electric-sql/pglite';
import { randomBytes } from 'node:crypto';
import type { SandboxRole, SuiteQLEngine, SuiteQLPage } from '../model/seams';
import { tableSourceForRole } from './access';
import { suiteQLCompatFunctionsSql } from './compatSql';
import { offsetBeyondCapError, SuiteQLQueryError, unknownIdentifierError, unsupportedSearchError } from './errors';
import { decodeRecordRows, renderFormats, renderRowSql } from './render';
import type { SuiteQLTable } from './tables';
import { translateSuiteQL, type SuiteQLTranslation } from './translate';

export { SuiteQLQueryError } from './errors';

export interface SuiteQLEngineOptions {
  db: Pick<PGliteInterface, 'query' | 'exec'>;
  tables: SuiteQLTable[];
  /** The user's date preference values render in (`M/D/YYYY` by default, as NetSuite ships). */
  dateFormat?: string;
  /** The user's time preference for date-times (`h:mm a` by default). */
  timeFormat?: string;
  /** NetSuite's cap on the rows one query returns over REST. Default 100,000. */
  maxResults?: number;
  /** Cursor cache bounds. */
  cache?: { ttlMs?: number; maxEntries?: number; maxCursorRows?: number };
  /** False runs every page as LIMIT/OFFSET (the naive baseline the benchmark compares against). Default true. */
  cursorPaging?: boolean;
}

export interface SandboxSuiteQLEngine extends SuiteQLEngine {
  /**
   * Forgets every cached result so the next page sees current data; call it after each write. Synchronous and
   * safe inside a write transaction: cursors are dropped once the database is free.
   */
  invalidate(): void;
  /** Drops cached results and stops the expiry timer. */
  close(): Promise<void>;
}

interface PreparedQuery {
  key: string;
  translation: SuiteQLTranslation;
  /** Result keys (lower-case) in column order. */
  keys: string[];
  /** Positional column names used inside the engine's wrappers, so duplicate result names cannot collide. */
  positionalColumns: string[];
  rowSql: string;
  totalResults: number;
  cursorTable?: string;
  cursorReady?: Promise<void>;
  lastUsed: number;
  /** Pages being served from this entry; its cursor is dropped only once none are. */
  inUse: number;
  evicted?: boolean;
}

interface PostgresError {
  code?: string;
  message: string;
}

function isPostgresError(error: unknown): error is PostgresError {
  return typeof error === 'object' && error !== null && typeof (error as PostgresError).code === 'string';
}

/** Postgres' complaint about a query, in NetSuite's words. */
function toSuiteQLError(error: unknown, translation: SuiteQLTranslation | undefined): unknown {
  if (error instanceof SuiteQLQueryError || !isPostgresError(error)) return error;
  const identifiers = translation?.identifiers ?? new Map<string, string>();
  const missingColumn = /^column (?:"([^"]+)"|(\S+)) does not exist/.exec(error.message);
  if (error.code === '42703' && missingColumn) return withCause(unknownIdentifierError(missingColumn[1] ?? missingColumn[2], identifiers), error);
  const missingAlias = /^missing FROM-clause entry for table "([^"]+)"/.exec(error.message);
  if (error.code === '42P01' && missingAlias) return withCause(unknownIdentifierError(missingAlias[1], identifiers), error);
  return withCause(unsupportedSearchError(), error);
}

function withCause(error: SuiteQLQueryError, cause: unknown): SuiteQLQueryError {
  (error as { cause?: unknown }).cause = cause;
  return error;
}

export function createSuiteQLEngine(options: SuiteQLEngineOptions): SandboxSuiteQLEngine {
  const { db, tables } = options;
  const formats = renderFormats(options.dateFormat, options.timeFormat);
  const maxResults = options.maxResults ?? 100_000;
  const ttlMs = options.cache?.ttlMs ?? 60_000;
  const maxEntries = options.cache?.maxEntries ?? 16;
  const maxCursorRows = options.cache?.maxCursorRows ?? 400_000;
  const cursorPaging = options.cursorPaging ?? true;
  const tablesByName = new Map(tables.map((t) => [t.name, t]));

  const entries = new Map<string, PreparedQuery>(); // insertion order = least recently used first
  const preparing = new Map<string, Promise<PreparedQuery>>();
  let cursorCount = 0;
  // Engines may share a database (tests, the benchmark's baseline): their cursor names must not collide.
  const engineId = randomBytes(4).toString('hex');
  /** Bumped by invalidate(): a result prepared across a write is used once but never cached. */
  let generation = 0;
  let expiryTimer: ReturnType<typeof setInterval> | undefined;
  let compatReady: Promise<void> | undefined;

  const ensureCompat = () => (compatReady ??= db.exec(suiteQLCompatFunctionsSql).then(() => undefined));

  async function prepare(key: string, query: string, role: SandboxRole): Promise<PreparedQuery> {
    await ensureCompat();
    let translation: SuiteQLTranslation | undefined;
    try {
      translation = translateSuiteQL(query, { tables, tableSource: (table) => tableSourceForRole(table, role, tablesByName) });
      const described = await db.query(`SELECT * FROM (${translation.sql}) AS q LIMIT 0`);
      const positionalColumns = described.fields.map((_, index) => `c${index + 1}`);
      const counted = await db.query<{ n: number }>(`SELECT count(*)::integer AS n FROM (SELECT 1 FROM (${translation.countSql}) AS q LIMIT ${maxResults}) AS c`);
      return {
        key,
        translation,
        keys: described.fields.map((field) => field.name.toLowerCase()),
        positionalColumns,
        rowSql: renderRowSql(
          described.fields.map((field, index) => ({ name: positionalColumns[index], typeId: field.dataTypeID })),
          formats,
        ),
        totalResults: counted.rows[0].n,
        lastUsed: Date.now(),
        inUse: 0,
      };
    } catch (error) {
      throw toSuiteQLError(error, translation);
    }
  }

  /** `(translated) AS q(c1, c2, …)` numbered in result order. */
  function numberedSource(entry: PreparedQuery): string {
    const columns = entry.positionalColumns.length > 0 ? `(${entry.positionalColumns.join(', ')})` : '';
    return `SELECT row_number() OVER () AS __rn, q.* FROM (${entry.translation.sql}) AS q${columns}`;
  }

  function createCursor(entry: PreparedQuery): Promise<void> {
    const table = `suiteql_cursor_${engineId}_${++cursorCount}`;
    entry.cursorTable = table;
    entry.cursorReady = db.exec(`CREATE TEMP TABLE ${table} AS ${numberedSource(entry)} LIMIT ${maxResults}; ALTER TABLE ${table} ADD PRIMARY KEY (__rn);`).then(() => undefined);
    // A failed cursor is forgotten so that the next page retries rather than failing forever.
    entry.cursorReady.catch(() => {
      entry.cursorTable = undefined;
      entry.cursorReady = undefined;
    });
    return entry.cursorReady;
  }

  async function readPage(entry: PreparedQuery, limit: number, offset: number): Promise<Record<string, string>[]> {
    const aggregate = `string_agg(${entry.rowSql}, E'\\n' ORDER BY __rn) AS page`;
    let result;
    if (entry.cursorReady && entry.cursorTable) {
      await entry.cursorReady;
      result = await db.query<{ page: string | null }>(`SELECT ${aggregate} FROM ${entry.cursorTable} WHERE __rn > $1 AND __rn <= $2`, [offset, offset + limit]);
    } else {
      result = await db.query<{ page: string | null }>(`SELECT ${aggregate} FROM (${numberedSource(entry)} LIMIT $1 OFFSET $2) AS p`, [limit, offset]);
    }
    return decodeRecordRows(result.rows[0]?.page ?? null, entry.keys);
  }

  async function dropCursor(entry: PreparedQuery): Promise<void> {
    if (!entry.cursorTable || !entry.cursorReady) return;
    const table = entry.cursorTable;
    entry.cursorTable = undefined;
    await entry.cursorReady.catch(() => undefined);
    await db.exec(`DROP TABLE IF EXISTS ${table}`);
  }

  /** Forgets an entry; a page still reading its cursor finishes first and drops it (see runPage). */
  async function evict(entry: PreparedQuery): Promise<void> {
    if (entries.get(entry.key) === entry) entries.delete(entry.key);
    entry.evicted = true;
    if (entry.inUse === 0) await dropCursor(entry);
  }

  async function sweep(): Promise<void> {
    const now = Date.now();
    for (const entry of [...entries.values()]) if (now - entry.lastUsed > ttlMs) await evict(entry);
    const cursorRows = () => [...entries.values()].reduce((sum, e) => sum + (e.cursorTable ? e.totalResults : 0), 0);
    for (const entry of [...entries.values()]) {
      if (entries.size <= maxEntries && cursorRows() <= maxCursorRows) break;
      await evict(entry);
    }
  }

  function startExpiryTimer(): void {
    if (expiryTimer) return;
    expiryTimer = setInterval(() => void sweep().catch(() => undefined), Math.min(ttlMs, 5_000));
    expiryTimer.unref?.();
  }

  async function entryFor(query: string, role: SandboxRole): Promise<PreparedQuery> {
    const key = `${role.id}\u0000${query}`;
    const cached = entries.get(key);
    if (cached && !cached.evicted && Date.now() - cached.lastUsed <= ttlMs) {
      entries.delete(key);
      entries.set(key, cached);
      return cached;
    }
    let pending = preparing.get(key);
    if (!pending) {
      const preparedIn = generation;
      pending = prepare(key, query, role).finally(() => preparing.delete(key));
      preparing.set(key, pending);
      const entry = await pending;
      if (cached) await evict(cached);
      if (preparedIn !== generation) {
        entry.evicted = true;
        return entry;
      }
      entries.set(key, entry);
      startExpiryTimer();
      await sweep();
      return entry;
    }
    return pending;
  }

  return {
    async runPage(query: string, { limit, offset, role }: { limit: number; offset: number; role: SandboxRole }): Promise<SuiteQLPage> {
      if (offset >= maxResults) throw offsetBeyondCapError(offset, maxResults);
      const entry = await entryFor(query, role);
      entry.inUse++;
      try {
        entry.lastUsed = Date.now();
        const pageEnd = Math.min(offset + limit, entry.totalResults);
        if (offset >= entry.totalResults) return { rows: [], totalResults: entry.totalResults };
        // The first page runs directly (fast, and often the only page anyone reads); the first request for a later
        // page materialises the cursor, which requests arriving meanwhile share.
        if (cursorPaging && offset > 0 && !entry.cursorReady) await createCursor(entry);
        const rows = await readPage(entry, pageEnd - offset, offset);
        return { rows, totalResults: entry.totalResults };
      } catch (error) {
        throw toSuiteQLError(error, entry.translation);
      } finally {
        entry.inUse--;
        entry.lastUsed = Date.now();
        if (entry.evicted && entry.inUse === 0) await dropCursor(entry);
      }
    },

    invalidate(): void {
      generation++;
      preparing.clear();
      for (const entry of [...entries.values()]) void evict(entry).catch(() => undefined);
    },

    async close(): Promise<void> {
      if (expiryTimer) clearInterval(expiryTimer);
      expiryTimer = undefined;
      for (const entry of [...entries.values()]) await evict(entry);
    },
  };
}
