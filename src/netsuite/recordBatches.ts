/**
 * Many records of one type at once on NetSuite's batch operations (2026.1, src/sandbox/batch-wire.md): create
 * (POST), update (PATCH by internal id), upsert (PUT by external id) and delete (`DELETE ?ids=`), at most 100
 * records per request, always as an async job whose tasks answer record by record.
 *
 * Exactly once: every batch goes under its own `X-NetSuite-Idempotency-Key`, the same on every attempt. A 429 or a
 * refused connection is retried freely (NetSuite did nothing); a 5xx or a reset after NetSuite may have queued the
 * job is retried with the same key, and NetSuite answers the repeat with IDEMPOTENCY_ERROR and the first job's
 * `Location`, whose results we then read: no record is written twice. A caller that must survive its own restart
 * (a CSV import) passes keys of its own that it can compute again (`batchKey`).
 *
 * Batches run side by side up to the account's concurrency limit: each holds a request slot only while it talks to
 * NetSuite, and the governor keeps the total within the limit.
 *
 * Reading a finished job's per-record results costs one request per record (NetSuite offers nothing cheaper:
 * src/sandbox/batch-wire.md), as many as the writes themselves. Those reads are pipelined: once a batch's job has
 * finished and its task list is read, its worker goes on to submit the next batch while the results are read in
 * the background, at `background` priority in the governor, so that submissions and polls that keep NetSuite busy
 * never wait behind them.
 */
import { randomUUID } from 'node:crypto';
import { AsyncJobWaiter, hasErrorDetails, isFailure } from './asyncJob';
import { errorFromResponse, NetSuiteError, parseErrorDetails, type NetSuiteErrorDetail } from './errors';
import type { HttpMethod, NetSuiteHttpClient, NetSuiteResponse } from './http';
import { causeCode, idFromLocation, type NetSuiteRecord } from './records';
import { mayHaveTakenEffect } from './retry';

export type BatchOperation = 'create' | 'update' | 'upsert' | 'delete';

/** NetSuite's limit: "a maximum of 100 records in one batch request". */
export const maxBatchSize = 100;

const collectionMediaType = 'application/vnd.oracle.resource+json; type=collection';
const idempotencyHeader = 'X-NetSuite-Idempotency-Key';

/**
 * One record of a batch: `fields` to write (create, update, upsert), `id` (update, delete) or `externalId` (upsert,
 * and update when there is no id).
 */
export interface BatchEntry {
  id?: string;
  externalId?: string;
  fields?: NetSuiteRecord;
}

export type BatchEntryStatus =
  /** NetSuite saved (or deleted) the record. */
  | 'succeeded'
  /** NetSuite refused this record; `error` says why. The others of its batch are unaffected. */
  | 'failed'
  /** The batch's answer was lost on every attempt: it may or may not have been applied (repeat it with the same key). */
  | 'unknown'
  /**
   * Not submitted: the run was stopped first, or NetSuite turned the batch away before any work (429 or no
   * connection on every attempt; `error` says which). Nothing of it was applied.
   */
  | 'notSubmitted';

export interface BatchEntryResult {
  /** Position of the entry in the caller's list. */
  index: number;
  status: BatchEntryStatus;
  /** The record's internal id: known for updates and deletes, from NetSuite's answer for creates and upserts. */
  id?: string;
  error?: { message: string; code?: string; detail?: string; errorPath?: string };
}

export interface BatchProgress {
  /** Entries whose outcome is known. */
  done: number;
  total: number;
  succeeded: number;
  failed: number;
  /**
   * Entries whose batch has been submitted and followed to the end of its job (their outcomes may still be being
   * read). Progress is reported at that point too: results are read while later batches go, so a `stop` asked for
   * on the first report still holds back every batch not yet submitted.
   */
  submitted?: number;
}

export interface BatchRunOptions {
  /** Records per request, 1–100 (default 100). */
  batchSize?: number;
  /**
   * Batches submitted and waited for at once (default the account's concurrency limit); the results of finished
   * ones are read meanwhile, within the same request slots.
   */
  concurrency?: number;
  /** The key of batch `batchIndex` (entries `[start, start + size)`); a fresh UUID per batch by default. */
  batchKey?: (batchIndex: number, entries: readonly BatchEntry[]) => string;
  /** Whether batch `batchIndex` is already done (a resumed import): it is skipped and reported as not submitted. */
  skipBatch?: (batchIndex: number) => boolean;
  /** Called once per finished batch, in completion order, before its results count in the progress. */
  onBatchDone?: (batchIndex: number, results: readonly BatchEntryResult[]) => void | Promise<void>;
  onProgress?: (progress: BatchProgress) => void;
  /** Stop submitting new batches; batches already submitted are followed to their results. */
  stop?: AbortSignal;
  /** Abort everything at once, waits included. */
  signal?: AbortSignal;
}

export interface BatchRunResult {
  results: BatchEntryResult[];
  /** True when `stop` ended the run before every batch was submitted. */
  stopped: boolean;
}

export class RecordBatches {
  constructor(
    private readonly http: NetSuiteHttpClient,
    private readonly jobs: AsyncJobWaiter,
  ) {}

  /** Runs `entries` in batches; resolves with one result per entry, in the entries' order. */
  async run(recordType: string, operation: BatchOperation, entries: readonly BatchEntry[], options: BatchRunOptions = {}): Promise<BatchRunResult> {
    const size = options.batchSize ?? maxBatchSize;
    if (!Number.isInteger(size) || size < 1 || size > maxBatchSize) throw invalid(`batchSize must be 1 to ${maxBatchSize}, got ${size}`);
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(recordType)) throw invalid(`"${recordType}" is not a record type id`);
    entries.forEach((entry, index) => checkEntry(operation, entry, index));

    const batchCount = Math.ceil(entries.length / size);
    const results: BatchEntryResult[] = entries.map((_, index) => ({ index, status: 'notSubmitted' }));
    const progress: BatchProgress = { done: 0, total: entries.length, succeeded: 0, failed: 0, submitted: 0 };
    let next = 0;
    let stopped = false;
    // The first error that ends the run (a cancel, a job that cannot be followed): no new batch starts after it, and
    // it is thrown once every batch already under way has settled.
    let failure: { error: unknown } | undefined;
    const readsUnderWay: Promise<void>[] = [];
    const finish = async (batchIndex: number, batchResults: readonly BatchEntryResult[]) => {
      await options.onBatchDone?.(batchIndex, batchResults);
      for (const result of batchResults) {
        results[result.index] = result;
        progress.done += 1;
        if (result.status === 'succeeded') progress.succeeded += 1;
        else progress.failed += 1;
      }
      options.onProgress?.({ ...progress });
    };
    const worker = async () => {
      for (;;) {
        if (failure) return;
        if (options.stop?.aborted || options.signal?.aborted) {
          stopped = next < batchCount;
          return;
        }
        const batchIndex = next++;
        if (batchIndex >= batchCount) return;
        if (options.skipBatch?.(batchIndex)) continue;
        const start = batchIndex * size;
        const batch = entries.slice(start, start + size);
        const key = options.batchKey?.(batchIndex, batch) ?? randomUUID();
        try {
          const readResults = await this.runBatch(recordType, operation, batch, start, key, options.signal);
          progress.submitted! += batch.length;
          options.onProgress?.({ ...progress });
          readsUnderWay.push(
            readResults()
              .then((batchResults) => finish(batchIndex, batchResults))
              .catch((error: unknown) => {
                failure ??= { error };
              }),
          );
        } catch (error) {
          failure ??= { error };
          return;
        }
      }
    };
    const workers = Math.max(1, Math.min(options.concurrency ?? this.http.governor.state.maxLimit, batchCount));
    await Promise.all(Array.from({ length: workers }, worker));
    await Promise.all(readsUnderWay);
    if (failure) throw failure.error;
    return { results, stopped };
  }

  /**
   * One batch: submit under `key` and wait for its job; resolves, once the job's task list is known, with the
   * reading of what each record's task says (started by the caller, so that the next batch can go meanwhile).
   */
  private async runBatch(recordType: string, operation: BatchOperation, batch: readonly BatchEntry[], start: number, key: string, signal?: AbortSignal): Promise<() => Promise<BatchEntryResult[]>> {
    const what = `batch ${operation} of ${batch.length} ${recordType} records`;
    const failed = (error: unknown) => () => Promise.resolve(batch.map((entry, offset) => wholeBatchFailure(error, start + offset, entry, operation, key)));
    let response: NetSuiteResponse;
    try {
      response = await this.http.request({ ...batchRequest(recordType, operation, batch), headers: { prefer: 'respond-async', [idempotencyHeader]: key }, safety: 'idempotencyKey', signal });
    } catch (error) {
      if (error instanceof NetSuiteError && error.kind === 'cancelled') throw error;
      return failed(error);
    }
    const location = response.headers.location;
    if (!location || (response.status !== 202 && !response.completedByEarlierAttempt)) {
      return failed(
        response.completedByEarlierAttempt
          ? errorFromResponse(response.status, response.body, what)
          : new NetSuiteError({ kind: 'server', status: response.status, message: `NetSuite answered the ${what} with ${response.status} and no job Location`, advice: 'Read the records to see which changes are there before repeating the batch.' }),
      );
    }
    const { tasks } = await this.jobs.tasks(location, what, signal);
    const ordered = [...tasks].sort((a, b) => Number(a.id) - Number(b.id));
    return () => this.readResults(location, operation, batch, start, ordered, what, signal);
  }

  private readResults(location: string, operation: BatchOperation, batch: readonly BatchEntry[], start: number, ordered: Record<string, unknown>[], what: string, signal?: AbortSignal): Promise<BatchEntryResult[]> {
    return Promise.all(
      batch.map(async (entry, offset): Promise<BatchEntryResult> => {
        const index = start + offset;
        const task = ordered[offset];
        if (!task) return { index, status: 'failed', error: { message: `NetSuite's job for the ${what} has no task for record ${offset + 1}` } };
        const knownId = operation === 'update' || operation === 'delete' ? entry.id : undefined;
        // A succeeded update or delete needs nothing more; creates and upserts learn their id, failures their error.
        if (task.progress === 'succeeded' && knownId !== undefined) return { index, status: 'succeeded', id: knownId };
        const result = await this.jobs.taskResult(location, task, signal, 'background');
        if (isFailure(task.progress) || result.status >= 400 || hasErrorDetails(result.body)) return { index, status: 'failed', id: knownId, error: entryError(result) };
        const location_ = result.headers.location;
        const id = (location_ ? idFromLocation(location_) : undefined) ?? knownId;
        return { index, status: 'succeeded', id };
      }),
    );
  }
}

function batchRequest(recordType: string, operation: BatchOperation, batch: readonly BatchEntry[]): { method: HttpMethod; path: string; query?: Record<string, string>; body?: unknown; contentType?: string } {
  const path = `record/v1/${recordType}`;
  if (operation === 'delete') return { method: 'DELETE', path, query: { ids: batch.map((entry) => entry.id!).join(',') } };
  const items = batch.map((entry) => {
    if (operation === 'create') return { ...entry.fields };
    if (operation === 'upsert') return { ...entry.fields, externalId: entry.externalId };
    return { ...entry.fields, ...(entry.id !== undefined ? { id: entry.id } : { externalId: entry.externalId }) };
  });
  const method: HttpMethod = operation === 'create' ? 'POST' : operation === 'update' ? 'PATCH' : 'PUT';
  return { method, path, body: { items }, contentType: collectionMediaType };
}

function checkEntry(operation: BatchOperation, entry: BatchEntry, index: number): void {
  const has = (value: string | undefined) => value !== undefined && value.trim() !== '';
  if (operation === 'delete' && !(has(entry.id) && /^\d+$/.test(entry.id!))) throw invalid(`entry ${index + 1}: a batch delete needs the record's internal id`);
  if (operation === 'update' && !has(entry.id) && !has(entry.externalId)) throw invalid(`entry ${index + 1}: an update needs an internal id or an external id`);
  if (operation === 'upsert' && !has(entry.externalId)) throw invalid(`entry ${index + 1}: an upsert needs an external id`);
}

function entryError(result: NetSuiteResponse): BatchEntryResult['error'] {
  const details: NetSuiteErrorDetail[] = parseErrorDetails(result.body);
  const error = errorFromResponse(result.status >= 400 ? result.status : 400, result.body, 'record');
  return { message: error.message, code: details[0]?.code, detail: details[0]?.detail, errorPath: details[0]?.errorPath };
}

// The whole request failed: NetSuite's refusal applies to every record in it. Lost answers are "unknown", never
// "failed": the job may exist, and repeating the batch with the same key is the safe way to find out.
function wholeBatchFailure(error: unknown, index: number, entry: BatchEntry, operation: BatchOperation, key: string): BatchEntryResult {
  const id = operation === 'update' || operation === 'delete' ? entry.id : undefined;
  if (error instanceof NetSuiteError) {
    const lost = error.kind === 'network' && mayHaveTakenEffect({ type: 'network', errorCode: causeCode(error) });
    if (lost || (error.kind === 'server' && (error.status ?? 0) >= 500)) {
      return { index, status: 'unknown', id, error: { message: `${error.message.replace(/\.$/, '')}. The batch may have been applied; repeating it with idempotency key ${key} is safe.` } };
    }
    // Turned away before any work (429 on every attempt, a connection never made): nothing was applied, and the
    // records are not refused either — they can simply be sent again.
    if (error.kind === 'governance' || error.kind === 'network') {
      return { index, status: 'notSubmitted', id, error: { message: `${error.message.replace(/\.$/, '')}. Nothing of this batch was applied; send it again.`, code: error.code } };
    }
    return { index, status: 'failed', id, error: { message: error.message, code: error.code, detail: error.detail, errorPath: error.errorPath } };
  }
  return { index, status: 'unknown', id, error: { message: error instanceof Error ? error.message : String(error) } };
}

function invalid(message: string): NetSuiteError {
  return new NetSuiteError({ kind: 'invalid', message: `Invalid batch: ${message}`, advice: 'Correct the entries and try again.' });
}
