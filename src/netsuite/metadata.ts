/**
 * The metadata catalog (netsuite-wire.md §2): the list of record types and each type's JSON Schema. NetSuite is
 * slow to generate the whole catalog, so schemas are fetched one type at a time, only when asked for, and kept
 * on disk with a TTL — a restart with a warm cache makes no requests. `refresh` forgets everything on request.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { systemClock, type Clock } from './clock';
import type { NetSuiteHttpClient } from './http';
import { silentLogger, type Logger } from './log';
import type { SuiteQLColumnType } from './suiteqlValues';

/** A JSON Schema as NetSuite serves it (`type`, `properties`, `x-ns-filterable`, `$ref`s to catalog URLs). */
export type RecordTypeSchema = Record<string, unknown> & {
  properties?: Record<string, Record<string, unknown>>;
  'x-ns-filterable'?: string[];
};

export interface MetadataCacheOptions {
  http: NetSuiteHttpClient;
  /** Folder owned by this account's cache (the VS Code layer passes globalStorageUri/<account>). */
  cacheDir: string;
  /** How long a cached entry is used without asking NetSuite again (default 24 h). */
  ttlMs?: number;
  clock?: Clock;
  logger?: Logger;
}

interface CacheEntry<T> {
  fetchedAt: number;
  value: T;
}

const catalogFile = 'catalog.json';

export class MetadataCache {
  private readonly memory = new Map<string, CacheEntry<unknown>>();
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private readonly ttlMs: number;
  private readonly clock: Clock;
  private readonly logger: Logger;
  /** Requests made to NetSuite by this cache (tests check that a warm restart makes none). */
  requestCount = 0;

  constructor(private readonly options: MetadataCacheOptions) {
    this.ttlMs = options.ttlMs ?? 24 * 60 * 60 * 1000;
    this.clock = options.clock ?? systemClock;
    this.logger = options.logger ?? silentLogger;
  }

  /** Record type names (lower case, as the catalog lists them). */
  async recordTypes(options: { refresh?: boolean; signal?: AbortSignal } = {}): Promise<string[]> {
    return this.cached(catalogFile, options.refresh, async () => {
      const response = await this.options.http.request({ method: 'GET', path: 'record/v1/metadata-catalog', safety: 'idempotent', signal: options.signal });
      const items = (response.body as { items?: unknown } | undefined)?.items;
      if (!Array.isArray(items)) return [];
      return items.flatMap((item) => (typeof item === 'object' && item !== null && typeof (item as { name?: unknown }).name === 'string' ? [(item as { name: string }).name] : []));
    });
  }

  /**
   * One catalog entry's JSON Schema: a record type (`customer`) or a referenced sub-schema
   * (`salesOrder-itemCollection`, from a `$ref`; see `catalogNameOfRef`).
   */
  async schema(name: string, options: { refresh?: boolean; signal?: AbortSignal } = {}): Promise<RecordTypeSchema> {
    if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new Error(`"${name}" is not a metadata catalog name (e.g. customer, salesOrder-itemCollection)`);
    return this.cached(`schema-${name.toLowerCase()}.json`, options.refresh, async () => {
      const response = await this.options.http.request({
        method: 'GET',
        path: `record/v1/metadata-catalog/${name}`,
        headers: { accept: 'application/schema+json' },
        safety: 'idempotent',
        signal: options.signal,
      });
      return (response.body ?? {}) as RecordTypeSchema;
    });
  }

  /** Forgets every cached entry, on disk and in memory; the next calls ask NetSuite. */
  async refresh(): Promise<void> {
    this.memory.clear();
    await rm(this.options.cacheDir, { recursive: true, force: true });
  }

  private async cached<T>(file: string, refresh: boolean | undefined, fetch: () => Promise<T>): Promise<T> {
    if (!refresh) {
      const fresh = this.fresh(this.memory.get(file)) ?? this.fresh(await this.readDisk(file));
      if (fresh) {
        this.memory.set(file, fresh);
        return fresh.value as T;
      }
      const running = this.inFlight.get(file);
      if (running) return running as Promise<T>;
    }
    const fetching = (async () => {
      this.requestCount += 1;
      const value = await fetch();
      const entry: CacheEntry<T> = { fetchedAt: this.clock.now(), value };
      this.memory.set(file, entry);
      await this.writeDisk(file, entry);
      return value;
    })();
    this.inFlight.set(file, fetching);
    try {
      return await fetching;
    } finally {
      this.inFlight.delete(file);
    }
  }

  private fresh(entry: CacheEntry<unknown> | undefined): CacheEntry<unknown> | undefined {
    return entry && this.clock.now() - entry.fetchedAt < this.ttlMs ? entry : undefined;
  }

  private async readDisk(file: string): Promise<CacheEntry<unknown> | undefined> {
    try {
      const entry = JSON.parse(await readFile(join(this.options.cacheDir, file), 'utf8')) as CacheEntry<unknown>;
      return typeof entry.fetchedAt === 'number' && 'value' in entry ? entry : undefined;
    } catch {
      return undefined; // absent or damaged: fetch again
    }
  }

  private async writeDisk(file: string, entry: CacheEntry<unknown>): Promise<void> {
    try {
      await mkdir(this.options.cacheDir, { recursive: true });
      // Write then rename, so a crash never leaves a half-written file that a restart would trust.
      const temporary = join(this.options.cacheDir, `${file}.${process.pid}.${Date.now()}.tmp`);
      await writeFile(temporary, JSON.stringify(entry));
      await rename(temporary, join(this.options.cacheDir, file));
    } catch (error) {
      this.logger.warn(`Could not write the metadata cache ${file}; it will be fetched again next time`, error);
    }
  }
}

/** `/services/rest/record/v1/metadata-catalog/salesOrder-itemCollection` → `salesOrder-itemCollection`. */
export function catalogNameOfRef(ref: string): string | undefined {
  const match = /metadata-catalog\/([A-Za-z0-9_-]+)\/?$/.exec(ref) ?? /^#\/components\/schemas\/([A-Za-z0-9_-]+)$/.exec(ref);
  return match?.[1];
}

/**
 * SuiteQL column types a record type's schema tells us (columns are the lower-cased field ids), for typing
 * query results back.
 */
export function columnTypesFromSchema(schema: RecordTypeSchema): Record<string, SuiteQLColumnType> {
  const types: Record<string, SuiteQLColumnType> = {};
  for (const [field, property] of Object.entries(schema.properties ?? {})) {
    const type = property.type;
    const format = property.format;
    const columnType: SuiteQLColumnType | undefined =
      type === 'integer' ? 'integer' : type === 'number' ? 'number' : type === 'boolean' ? 'boolean' : type === 'string' && format === 'date' ? 'date' : type === 'string' && format === 'date-time' ? 'datetime' : undefined;
    if (columnType) types[field.toLowerCase()] = columnType;
  }
  return types;
}
