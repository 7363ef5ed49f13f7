/**
 * Everything `startSandbox` can be told, and the defaults that make a plain `startSandbox({})` a faithful,
 * quiet NetSuite: no latency, no faults, NetSuite's default concurrency limit of 5 for developer accounts.
 */
import type { RecordTypeDefinition, StoredRecord } from './model/recordTypes';

export interface SandboxLatency {
  /**
   * How long every governed request takes, counted from its arrival: the response is written no sooner. The
   * sandbox's own work happens inside this time (as NetSuite's does inside its response time), not on top of it.
   */
  perRequestMs: number;
  /** Added per row served (SuiteQL page rows, collection items), to the same deadline. */
  perRowMs: number;
  /** How long an async job (`Prefer: respond-async`) stays `pending` before it runs; 0 runs it before the 202. */
  asyncJobMs: number;
}

export interface SandboxFaults {
  /** Seeds the fault generator: the same seed and request order give the same faults. */
  seed: number;
  rate500: number;
  rate429: number;
  /** Writes only: the socket is destroyed and nothing is written. */
  resetBeforeCommitRate: number;
  /** Writes only: the write commits, then the socket is destroyed without a response. */
  resetAfterCommitRate: number;
}

export type PropertyValidationMode = 'Error' | 'Warning' | 'Ignore';

/** `q` date handling where public evidence is thin (see readHandlers.ts and toSql.ts). */
export interface QueryDateSettings {
  /** The account's time zone, named in the date error. */
  timeZone: string;
  /** `parseFailed` (default): `Search error occurred: Parse of date/time …`; `unparseable`: `Unparseable date: …`. */
  errorWording: 'parseFailed' | 'unparseable';
  /** Accept ISO-8601 date-times with a zone (`2026-03-15T00:00:00Z`) whatever the date format (default true). */
  isoDatetimes: boolean;
}

export interface SandboxOptions {
  /** 0 or absent: a random free port. */
  port?: number;
  /** Only loopback is allowed. */
  host?: '127.0.0.1';
  accountId?: string;
  /** Seed of the generated data. */
  seed?: number;
  /** Size of the generated data (see the seed generator). */
  scale?: number;
  /**
   * Date the generated data as of today (seed/shiftDates.ts) instead of the fixed SEED_EPOCH: the demo does, so
   * "last 12 months" is never empty; tests keep the fixed dates.
   */
  datesEndToday?: boolean;
  concurrencyLimit?: number;
  latency?: Partial<SandboxLatency>;
  faults?: Partial<SandboxFaults>;
  accessTokenTtlSeconds?: number;
  /** PGlite data directory; in-memory when absent. */
  dataDir?: string;
  /**
   * Folder of prebuilt snapshots of seeded databases shared by every sandbox on the machine (store/snapshots.ts);
   * default `$SUITELENS_SANDBOX_SNAPSHOTS` or the temp folder's `suitelens-sandbox-snapshots`. False: always load
   * the seed. Not used with `dataDir`.
   */
  snapshots?: string | false;
  /** When true, SuiteQL without `Prefer: transient` is refused (netsuite-wire.md §10 q5 is open). */
  strictTransient?: boolean;
  /** Status of a replayed idempotency key on an async request: the docs say 400, the type URL 409 (netsuite-wire.md §1.9). */
  idempotencyDuplicateStatus?: 409 | 400;
  /**
   * List each task's `completed` and `progress` in an async job's task collection, so that a client learns which
   * records of a batch succeeded without reading every task. No public source shows NetSuite doing this (Oracle
   * and MuleSoft describe a plain collection of task links, batch-wire.md): default false.
   */
  asyncTaskListProgress?: boolean;
  /** The user's date-format preference, used to read dates in `q=` (netsuite-wire.md §1.3). */
  dateFormat?: string;
  /**
   * The company's default language (default `en`); `otherLanguageCredentials` run as a user with another
   * language, who must send it as `Accept-Language` (see http/acceptLanguage.ts).
   */
  companyLanguage?: string;
  /** The account's time zone (default America/Los_Angeles, NetSuite's Pacific default), named in date errors. */
  timeZone?: string;
  /** `q` date quirks: the wording of a date that does not parse, and ISO-8601 date-times. */
  queryDates?: Partial<Omit<QueryDateSettings, 'timeZone'>>;
  /** Default of `X-NetSuite-PropertyNameValidation` when a request does not send it. */
  propertyNameValidation?: PropertyValidationMode;
  /** Record types to serve instead of the built-in catalog (tests of the server itself). */
  recordTypes?: RecordTypeDefinition[];
  /** Records to load instead of the generated seed data. */
  seedRecords?: StoredRecord[];
  /** Paging answers that disagree with themselves, for queries containing a marker (tests of the client's paging). */
  suiteqlPagingQuirks?: SuiteQLPagingQuirks[];
}

/**
 * SuiteQL pages whose sizes, `hasMore` and `totalResults` disagree. No public source documents when NetSuite does
 * this; users report short pages and counts that move while paging (data changing under a query, or NetSuite's
 * own search limits), and a client must not take any of them for the end of the result.
 */
export interface SuiteQLPagingQuirks {
  /** Only queries whose text contains this are affected (counts and other queries stay faithful). */
  queryContains: string;
  /** The page at each listed offset holds at most this many rows (0: none); its `hasMore` follows the true count. */
  rowsAtOffset?: Record<number, number>;
  /** Reported as `totalResults` instead of the true count; `hasMore` still follows the true count. */
  reportedTotal?: number;
}

/** The part of the configuration that `POST /__sandbox/config` may change while the sandbox runs. */
export interface SandboxRuntimeConfig {
  concurrencyLimit: number;
  latency: SandboxLatency;
  faults: SandboxFaults;
}

/** A change to the runtime configuration: settings left out keep their current value. */
export interface SandboxRuntimeUpdate {
  concurrencyLimit?: number;
  latency?: Partial<SandboxLatency>;
  faults?: Partial<SandboxFaults>;
}

export const defaultAccountId = 'TSTDRV1234567';
/** NetSuite's shipped US preference: `1/15/2024` (one or two digits read, as Java's date parsing does). */
export const defaultDateFormat = 'M/D/YYYY';
export const defaultTimeZone = 'America/Los_Angeles';

export function initialRuntimeConfig(options: SandboxOptions): SandboxRuntimeConfig {
  return {
    concurrencyLimit: options.concurrencyLimit ?? 5,
    latency: { perRequestMs: 0, perRowMs: 0, asyncJobMs: 0, ...options.latency },
    faults: { seed: 1, rate500: 0, rate429: 0, resetBeforeCommitRate: 0, resetAfterCommitRate: 0, ...options.faults },
  };
}
