/**
 * `NetSuiteClient`: one per connected account, composing the account's governed HTTP, records, SuiteQL and the
 * metadata cache. Every surface (tree, notebooks, forms, agent tools) goes through it, so they all share the
 * account's concurrency budget and retry rules. Dispose it when the account goes.
 */
import { join } from 'node:path';
import { parseAccount, type AccountOverrides, type NetSuiteAccount } from './account';
import type { AuthProvider } from './auth/types';
import { AsyncJobWaiter, defaultAsyncJobPolling, type AsyncJobPolling } from './asyncJob';
import { systemClock, type Clock, type RandomSource } from './clock';
import type { CompanyLanguage } from './companyLanguage';
import type { GovernorState } from './governor';
import { NetSuiteHttpClient } from './http';
import { silentLogger, type Logger } from './log';
import { MetadataCache } from './metadata';
import { RecordBatches } from './recordBatches';
import { RecordForms } from './recordForms';
import { RecordService } from './records';
import type { BackoffOptions } from './retry';
import { SuiteQLRunner, type SuiteQLPage, type SuiteQLPageOptions, type SuiteQLRun, type SuiteQLRunOptions } from './suiteql';
import { recordUiUrl, type RecordLinkTarget } from './uiLinks';

export interface NetSuiteClientOptions {
  /** `1234567_SB1` in any accepted form. */
  accountId: string;
  auth: AuthProvider;
  /** Base URL overrides (the local sandbox, a proxy). */
  overrides?: AccountOverrides;
  /** The account's concurrency limit (default 5). */
  concurrencyLimit?: number;
  /** Root folder for per-account caches; this account uses `<cacheRoot>/<accountId>`. */
  cacheRoot: string;
  metadataTtlMs?: number;
  logger?: Logger;
  clock?: Clock;
  random?: RandomSource;
  backoff?: Partial<BackoffOptions>;
  timeoutMs?: number;
  /** How creates and transforms wait for their async job (first and longest poll delay, overall limit). */
  asyncJobPolling?: Partial<AsyncJobPolling>;
  /** The company language sent as `Accept-Language` (account option; learned from NetSuite when it asks). */
  companyLanguage?: CompanyLanguage;
}

export class NetSuiteClient {
  readonly account: NetSuiteAccount;
  readonly http: NetSuiteHttpClient;
  readonly records: RecordService;
  /** Many records of one type at once, on NetSuite's batch operations. */
  readonly batches: RecordBatches;
  /** NetSuite's unsaved representations: select options, create-form, edit-form. */
  readonly forms: RecordForms;
  readonly suiteql: SuiteQLRunner;
  readonly metadata: MetadataCache;

  constructor(options: NetSuiteClientOptions) {
    this.account = parseAccount(options.accountId, options.overrides);
    const logger = (options.logger ?? silentLogger).child(this.account.id);
    this.http = new NetSuiteHttpClient({
      account: this.account,
      auth: options.auth,
      concurrencyLimit: options.concurrencyLimit,
      logger,
      clock: options.clock,
      random: options.random,
      backoff: options.backoff,
      timeoutMs: options.timeoutMs,
      companyLanguage: options.companyLanguage,
    });
    this.records = new RecordService(this.http, { clock: options.clock, logger, asyncJobPolling: options.asyncJobPolling });
    this.batches = new RecordBatches(this.http, new AsyncJobWaiter(this.http, options.clock ?? systemClock, { ...defaultAsyncJobPolling, ...options.asyncJobPolling }));
    this.forms = new RecordForms(this.http);
    this.suiteql = new SuiteQLRunner(this.http);
    this.metadata = new MetadataCache({
      http: this.http,
      cacheDir: join(options.cacheRoot, this.account.id),
      ttlMs: options.metadataTtlMs,
      clock: options.clock,
      logger,
    });
  }

  /** Every row of a SuiteQL query, in order, fetched in parallel within the account's limit. */
  query(query: string, options?: SuiteQLRunOptions): SuiteQLRun {
    return this.suiteql.run(query, options);
  }

  /** The query's true row count (a single-row COUNT(*), which NetSuite's 100,000-row cap does not limit). */
  countRows(query: string, signal?: AbortSignal): Promise<number> {
    return this.suiteql.countRows(query, signal);
  }

  /** One page of a SuiteQL query. */
  queryPage(query: string, offset = 0, options?: SuiteQLPageOptions): Promise<SuiteQLPage> {
    return this.suiteql.page(query, offset, options);
  }

  /** The NetSuite UI page of a record, when there is one we can name. */
  uiUrl(target: RecordLinkTarget): string | undefined {
    return recordUiUrl(this.account, target);
  }

  /** Requests in flight and queued, and the governor's current limit. */
  get activity(): GovernorState {
    return this.http.state;
  }

  /** Stops all work for this account and closes its connections. */
  async dispose(): Promise<void> {
    await this.http.close();
  }
}
