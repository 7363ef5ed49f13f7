/**
 * The sandbox's SuiteQL engine: translates a query for the caller's role, runs it on PGlite and serves pages
 * rendered as NetSuite renders them, each item already serialised as the JSON NetSuite sends (`{"links":[],…}`).
 *
 * Paging: re-running `LIMIT/OFFSET` per page costs more the deeper the page, and PGlite runs one statement at a
 * time (measurements.md). So the first page runs directly (fast, and often the only page anyone reads), and the
 * first request for a later page runs the query ONCE for its whole result (at most `maxResults` rows), renders and
 * serialises every item ONCE, and keeps them as a cursor per (role, query) in memory: any page after that is a
 * slice, with no database work, so concurrent page requests never queue behind PGlite's single thread. It is not
 * built in the background after page one: PGlite would make every other request wait behind it, for a result
 * most first pages never need. Cursors expire after `ttlMs` idle and are evicted least-recently-used beyond
 * `maxEntries` queries or `maxCursorRows` rows in total, so memory stays bounded.
 */
import type { PGliteInterface } from '@electric-sql/pglite';
import type { SandboxRole, SuiteQLEngine, SuiteQLPage } from '../model/seams';
import { tableSourceForRole } from './access';
import { suiteQLCompatFunctionsSql } from './compatSql';
import { offsetBeyondCapError, SuiteQLQueryError, unknownIdentifierError, unsupportedSearchError } from './errors';
import { ItemCursor } from './itemCursor';
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

/** What the engine holds in memory, for tests that check it stays bounded. */
export interface SuiteQLEngineStats {
  /** Queries with a cursor (the whole result serialised). */
  cursors: number;
  cursorRows: number;
}

export interface SandboxSuiteQLEngine extends SuiteQLEngine {
  /**
   * Forgets every cached result so the next page sees current data; call it after each write. Synchronous and
   * safe inside a write transaction: cursors are dropped once the database is free.
   */
  invalidate(): void;
  /** Drops cached results and stops the expiry timer. */
  close(): Promise<void>;
  stats(): SuiteQLEngineStats;
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
  /** Every item of the result, serialised, once a page beyond the first was asked for. */
  cursor?: ItemCursor;
  cursorReady?: Promise<ItemCursor>;
  lastUsed: number;
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
      };
    } catch (error) {
      throw toSuiteQLError(error, translation);
    }
  }

  /** `(translated) AS q(c1, c2, …)`: the result under positional column names, in the query's order. */
  function positionalSource(entry: PreparedQuery): string {
    const columns = entry.positionalColumns.length > 0 ? `(${entry.positionalColumns.join(', ')})` : '';
    return `SELECT q.* FROM (${entry.translation.sql}) AS q${columns}`;
  }

  /**
   * The rows of `source` rendered in one string, decoded and serialised as NetSuite items. string_agg takes the
   * rows in the order the subquery yields them (PGlite runs no parallel workers, and the subquery's LIMIT keeps it
   * from being flattened into the aggregate), so no `ORDER BY` inside the aggregate: numbering the rows and
   * sorting them back cost a third of a 100,000-row cursor's build, and spilled to disk past work_mem (measured).
   */
  async function serialisedItems(entry: PreparedQuery, source: string, params: unknown[]): Promise<string[]> {
    const result = await db.query<{ page: string | null }>(`SELECT string_agg(${entry.rowSql}, E'\\n') AS page FROM (${source}) AS p`, params);
    return decodeRecordRows(result.rows[0]?.page ?? null, entry.keys).map(serialiseItem);
  }

  function buildCursor(entry: PreparedQuery): Promise<ItemCursor> {
    entry.cursorReady = serialisedItems(entry, `${positionalSource(entry)} LIMIT ${maxResults}`, []).then((items) => {
      const cursor = ItemCursor.of(items);
      if (!entry.evicted) entry.cursor = cursor;
      return cursor;
    });
    // A failed cursor is forgotten so that the next page retries rather than failing forever.
    entry.cursorReady.catch(() => {
      entry.cursorReady = undefined;
    });
    return entry.cursorReady;
  }

  function evict(entry: PreparedQuery): void {
    if (entries.get(entry.key) === entry) entries.delete(entry.key);
    entry.evicted = true;
    entry.cursor = undefined;
  }

  const cursorRows = () => [...entries.values()].reduce((sum, e) => sum + (e.cursor?.count ?? 0), 0);

  function sweep(): void {
    const now = Date.now();
    for (const entry of [...entries.values()]) if (now - entry.lastUsed > ttlMs) evict(entry);
    for (const entry of [...entries.values()]) {
      if (entries.size <= maxEntries && cursorRows() <= maxCursorRows) break;
      evict(entry);
    }
  }

  function startExpiryTimer(): void {
    if (expiryTimer) return;
    expiryTimer = setInterval(sweep, Math.min(ttlMs, 5_000));
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
      if (cached) evict(cached);
      if (preparedIn !== generation) {
        entry.evicted = true;
        return entry;
      }
      entries.set(key, entry);
      startExpiryTimer();
      sweep();
      return entry;
    }
    return pending;
  }

  return {
    async runPage(query: string, { limit, offset, role }: { limit: number; offset: number; role: SandboxRole }): Promise<SuiteQLPage> {
      if (offset >= maxResults) throw offsetBeyondCapError(offset, maxResults);
      const entry = await entryFor(query, role);
      entry.lastUsed = Date.now();
      const totalResults = entry.totalResults;
      if (offset >= totalResults) return { count: 0, itemsJson: Buffer.alloc(0), totalResults };
      const pageEnd = Math.min(offset + limit, totalResults);
      try {
        // The first page runs directly; the first request for a later page builds the cursor, which requests
        // arriving meanwhile share. A page of an evicted entry (a write came in) still reads the result it began.
        if (cursorPaging && (offset > 0 || entry.cursorReady)) {
          const cursor = entry.cursor ?? (await (entry.cursorReady ?? buildCursor(entry)));
          entry.lastUsed = Date.now();
          if (cursorRows() > maxCursorRows) sweep();
          return { ...cursor.page(offset, pageEnd), totalResults };
        }
        const items = await serialisedItems(entry, `${positionalSource(entry)} LIMIT $1 OFFSET $2`, [pageEnd - offset, offset]);
        return { ...ItemCursor.of(items).page(0, items.length), totalResults };
      } catch (error) {
        throw toSuiteQLError(error, entry.translation);
      }
    },

    invalidate(): void {
      generation++;
      preparing.clear();
      for (const entry of [...entries.values()]) evict(entry);
    },

    close(): Promise<void> {
      if (expiryTimer) clearInterval(expiryTimer);
      expiryTimer = undefined;
      for (const entry of [...entries.values()]) evict(entry);
      return Promise.resolve();
    },

    stats: () => ({ cursors: [...entries.values()].filter((entry) => entry.cursor).length, cursorRows: cursorRows() }),
  };
}

/** One NetSuite item as JSON: `links` first, then the row's values (netsuite-wire.md §3). */
function serialiseItem(row: Record<string, string>): string {
  return JSON.stringify({ links: [], ...row });
}
