/**
 * Fills a `SuiteQLSchema` from an account's metadata catalog, for completion and hover on a real account:
 * - every record type's NAME at once, from the one catalog list (cached on disk by the client), so `FROM tr`
 *   offers `transferorder` before any query names it;
 * - a record type's COLUMNS when a query brings the table into scope (one schema request each; the catalog's full
 *   schema set is far too slow to fetch in real NetSuite).
 * A failed lookup (offline, signed out, a 5xx) is retried on a later call after a backoff that doubles up to a
 * cap, instead of being remembered as failed until VS Code restarts. Lookups never throw: completion works on the
 * bundled tables meanwhile.
 */
import type { SuiteQLSchema } from './schema';
import { suiteQLHomeOf } from './restOnlyRecordTypes';

/** What the loader needs of an account's client: the metadata catalog's list and one type's JSON Schema. */
export interface CatalogSource {
  recordTypes(): Promise<string[]>;
  schema(recordType: string): Promise<unknown>;
}

export interface CatalogBackoff {
  /** Wait after the first failure, ms. */
  firstMs: number;
  /** Longest wait, ms. */
  maxMs: number;
}

export interface CatalogLoaderOptions {
  /** The account's catalog; may itself fail (no account, signed out). */
  source: () => Promise<CatalogSource>;
  now?: () => number;
  backoff?: Partial<CatalogBackoff>;
  /** Told about each failure (for the log), never thrown. */
  onFailure?: (what: string, error: unknown) => void;
  /**
   * The bundled tables and the catalog's custom records are every table the account's SuiteQL has (the demo
   * sandbox's are): once the catalog's names are in, an unknown table is a real mistake and diagnostics may say so.
   */
  tablesComplete?: boolean;
}

export const defaultCatalogBackoff: CatalogBackoff = { firstMs: 2_000, maxMs: 5 * 60_000 };

interface Attempts {
  failures: number;
  retryAt: number;
  running?: Promise<void>;
}

export class CatalogLoader {
  private namesLoaded = false;
  private catalogNames = new Set<string>();
  private readonly columnsLoaded = new Set<string>();
  private readonly attempts = new Map<string, Attempts>();
  private readonly now: () => number;
  private readonly backoff: CatalogBackoff;

  constructor(
    private readonly schema: SuiteQLSchema,
    private readonly options: CatalogLoaderOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.backoff = { ...defaultCatalogBackoff, ...options.backoff };
  }

  /** True once the record type list is in the schema. */
  get hasNames(): boolean {
    return this.namesLoaded;
  }

  /**
   * Makes sure the catalog's record type names are in the schema, then the columns of `tables` that are catalog
   * record types. Calls while a lookup is running share it; a lookup that failed waits out its backoff.
   */
  async load(tables: readonly string[] = []): Promise<void> {
    if (!this.namesLoaded) await this.attempt('catalog', () => this.loadNames());
    if (!this.namesLoaded) return;
    // A transaction or item type is no table (restOnlyRecordTypes.ts): its REST schema must not make it one.
    const wanted = [...new Set(tables.map((table) => table.toLowerCase()))].filter((table) => this.catalogNames.has(table) && !this.columnsLoaded.has(table) && !suiteQLHomeOf(table));
    await Promise.all(wanted.map((table) => this.attempt(table, () => this.loadColumns(table))));
  }

  private async loadNames(): Promise<void> {
    const source = await this.options.source();
    const names = (await source.recordTypes()).map((name) => name.toLowerCase());
    this.catalogNames = new Set(names);
    // A complete account (the demo sandbox) has SuiteQL tables for its bundled tables and its custom records only;
    // its catalog lists every record type NetSuite documents, most of them without a table there.
    const tables = this.options.tablesComplete ? names.filter((name) => this.schema.table(name) !== undefined || name.startsWith('customrecord')) : names;
    this.schema.addCatalogTables(tables);
    if (this.options.tablesComplete) this.schema.markTablesComplete();
    this.namesLoaded = true;
  }

  private async loadColumns(table: string): Promise<void> {
    const source = await this.options.source();
    this.schema.addRecordTypeSchema(table, await source.schema(table));
    this.columnsLoaded.add(table);
  }

  private attempt(key: string, run: () => Promise<void>): Promise<void> {
    const state = this.attempts.get(key) ?? { failures: 0, retryAt: 0 };
    this.attempts.set(key, state);
    if (state.running) return state.running;
    if (this.now() < state.retryAt) return Promise.resolve();
    state.running = run()
      .then(() => {
        state.failures = 0;
        state.retryAt = 0;
      })
      .catch((error: unknown) => {
        state.failures += 1;
        state.retryAt = this.now() + Math.min(this.backoff.maxMs, this.backoff.firstMs * 2 ** (state.failures - 1));
        this.options.onFailure?.(key === 'catalog' ? 'the metadata catalog list' : `the catalog schema of ${key}`, error);
      })
      .finally(() => {
        state.running = undefined;
      });
    return state.running;
  }
}
