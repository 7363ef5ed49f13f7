/**
 * `startSandbox(options)`: a local NetSuite for tests, the CLI and the extension's demo account. Nothing happens
 * at import time — PGlite, the data and the credentials are created when a sandbox starts — so bundling this
 * module into the extension costs nothing until the user asks for the demo.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSandboxAuth, type SandboxCredentials, type TbaCredentialSet, type LoginAuditEntry } from './auth';
import { catalogRecordTypeDefinitions, createRecordBodyValidator, findCatalogRecordType, findRecordType, recordTypeDefinitions } from './catalog';
import type { ControlState } from './http/controlEndpoints';
import { defaultCompanyLanguage, otherLanguageThan } from './http/acceptLanguage';
import { FaultInjector } from './http/faults';
import { ConcurrencyGate } from './http/governance';
import { RequestLog } from './http/requestLog';
import { defaultAccountId, defaultDateFormat, defaultTimeZone, initialRuntimeConfig, type SandboxOptions, type SandboxRuntimeConfig, type SandboxRuntimeUpdate } from './options';
import { administratorRole, narrowRole } from './roles';
import { buildRouter } from './routes';
import { createRequestListener } from './server';
import { openSeededStore } from './store/seededStore';
import { defaultSnapshotDir } from './store/snapshots';
import { createSuiteQLProjection } from './store/suiteqlProjection';
import type { StoredRecord } from './model/recordTypes';
import { generateSeedBatches } from './seed';
import { daysToToday, shiftedRecord } from './seed/shiftDates';
import { createSuiteQLEngine } from './suiteql/engine';
import { describeSuiteQLTables } from './suiteql/tables';
import { runSuiteQL } from './suiteqlRoute';

export type { SandboxOptions, SandboxRuntimeConfig, SandboxRuntimeUpdate, SandboxLatency, SandboxFaults } from './options';
export type { RequestLog, RequestLogEntry, RequestLogFilter } from './http/requestLog';
export { administratorRole, narrowRole } from './roles';

/** The `--credentials-out` JSON shape (issue 2): what scripts and other clients read to connect. */
export interface SandboxCredentialsFile extends SandboxCredentials {
  baseUrl: string;
  accountId: string;
}

export interface RunningSandbox {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  baseUrl: string;
  accountId: string;
  /** Administrator-like credentials of every kind. */
  credentials: SandboxCredentialsFile;
  /** A TBA token running as the narrow role. */
  narrowCredentials: { tba: TbaCredentialSet };
  /** A TBA token of an administrator whose language differs from the company's: requests need `Accept-Language`. */
  otherLanguageCredentials: { tba: TbaCredentialSet };
  /** The company's default language, the `Accept-Language` the other-language user must send. */
  companyLanguage: string;
  requestLog: RequestLog;
  /** Changes latency, faults or the concurrency limit while running (as `POST /__sandbox/config` does). */
  configure(update: SandboxRuntimeUpdate): SandboxRuntimeConfig;
  /** Why logins failed or succeeded. */
  loginAuditTrail(): readonly LoginAuditEntry[];
  stop(): Promise<void>;
}

async function listen(server: Server, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const host = options.host ?? '127.0.0.1';
  if (host !== '127.0.0.1') throw new Error('The sandbox listens on loopback (127.0.0.1) only.');
  const accountId = options.accountId ?? defaultAccountId;
  const runtime = initialRuntimeConfig(options);
  const companyLanguage = options.companyLanguage ?? defaultCompanyLanguage;
  const faults = new FaultInjector(runtime.faults);
  const gate = new ConcurrencyGate(() => runtime.concurrencyLimit);
  const requestLog = new RequestLog();
  let loginAuditTrail: () => readonly LoginAuditEntry[] = () => [];
  const control: ControlState = {
    runtime,
    requestLog,
    applyRuntime(next) {
      faults.configure(next.faults);
      Object.assign(runtime, next);
    },
    loginAuditTrail: () => loginAuditTrail(),
  };

  let ready: (listener: ReturnType<typeof createRequestListener>) => void = () => undefined;
  const listenerReady = new Promise<ReturnType<typeof createRequestListener>>((resolve) => (ready = resolve));
  // Requests that arrive while the store is loading wait for it rather than failing.
  const server = createServer((request, response) => void listenerReady.then((listener) => listener(request, response)));
  const baseUrl = `http://${host}:${await listen(server, options.port ?? 0, host)}`;

  let closeOnFailure: () => Promise<void> = () => Promise.resolve();
  try {
    const tables = describeSuiteQLTables([...recordTypeDefinitions]);
    // Key generation and PGlite's start-up are independent: overlap them.
    const opening = openSeededStore({
      dataDir: options.dataDir,
      definitions: [...recordTypeDefinitions],
      projection: createSuiteQLProjection(tables, findRecordType),
      seed: options.seedRecords
        ? { key: { records: options.seedRecords }, batches: () => [options.seedRecords ?? []] }
        : seededData(options),
      snapshots: options.snapshots ?? defaultSnapshotDir(),
    });
    closeOnFailure = () => opening.then((opened) => opened.close());
    const [auth, store] = await Promise.all([
      createSandboxAuth({
        accountId,
        baseUrl,
        accessTokenTtlSeconds: options.accessTokenTtlSeconds,
        roles: { admin: administratorRole, narrow: narrowRole },
        otherUserLanguage: otherLanguageThan(companyLanguage),
      }),
      opening,
    ]);
    loginAuditTrail = () => auth.loginAuditTrail();
    const dateFormat = options.dateFormat ?? defaultDateFormat;
    const engine = createSuiteQLEngine({ db: store.db, tables, dateFormat });
    // Cached SuiteQL results must not outlive a write: SuiteQL sees every committed REST write.
    store.onCommit(() => engine.invalidate());
    const validator = createRecordBodyValidator(catalogRecordTypeDefinitions);
    const router = buildRouter({
      accountId,
      concurrencyLimit: () => runtime.concurrencyLimit,
      records: {
        store,
        baseUrl: () => baseUrl,
        // Types the catalog lists without data read as empty (the store has no rows of them); writes are refused.
        findRecordType: findCatalogRecordType,
        dateFormat,
        queryDates: {
          timeZone: options.timeZone ?? defaultTimeZone,
          errorWording: options.queryDates?.errorWording ?? 'parseFailed',
          isoDatetimes: options.queryDates?.isoDatetimes ?? true,
        },
        propertyNameValidation: options.propertyNameValidation ?? 'Error',
        schemaCheck: (recordTypeId, body) => validator.validate(recordTypeId, body),
      },
      asyncJobs: { duplicateStatus: options.idempotencyDuplicateStatus ?? 409, pendingMs: () => runtime.latency.asyncJobMs, taskListProgress: options.asyncTaskListProgress ?? false },
      suiteql: (request) => runSuiteQL({ engine: () => engine, strictTransient: options.strictTransient ?? false, pagingQuirks: options.suiteqlPagingQuirks }, request),
    });
    ready(
      createRequestListener({
        baseUrl: () => baseUrl,
        authenticator: auth.authenticator,
        router,
        gate,
        faults,
        control,
        companyLanguage,
        onInternalError: (error) => process.stderr.write(`sandbox: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`),
      }),
    );
    return {
      baseUrl,
      accountId,
      credentials: { baseUrl, accountId, ...auth.credentials },
      narrowCredentials: auth.narrowCredentials,
      otherLanguageCredentials: auth.otherLanguageCredentials,
      companyLanguage,
      requestLog,
      configure(update) {
        control.applyRuntime({ ...runtime, ...update, latency: { ...runtime.latency, ...update.latency }, faults: { ...runtime.faults, ...update.faults } });
        return runtime;
      },
      loginAuditTrail: () => auth.loginAuditTrail(),
      async stop() {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await engine.close();
        await store.close();
      },
    };
  } catch (error) {
    // Requests that arrived during the failed start are answered rather than left hanging.
    ready((_request, response) => {
      response.writeHead(503, { connection: 'close' });
      response.end();
    });
    server.close();
    await closeOnFailure().catch(() => undefined);
    throw error;
  }
}

/** The generated data and its snapshot key; dated as of today when asked (the key then names the shift). */
function seededData(options: SandboxOptions) {
  const days = options.datesEndToday ? daysToToday(Date.now()) : 0;
  const key = { seed: options.seed ?? null, scale: options.scale ?? null, ...(days !== 0 ? { days } : {}) };
  const generated = () => generateSeedBatches({ seed: options.seed, scale: options.scale });
  return { key, batches: days === 0 ? generated : () => shiftedBatches(generated(), days) };
}

function* shiftedBatches(batches: Iterable<StoredRecord[]>, days: number): Generator<StoredRecord[]> {
  for (const batch of batches) yield batch.map((record) => shiftedRecord(record, days));
}
