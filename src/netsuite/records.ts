/**
 * The record service (`/services/rest/record/v1`, netsuite-wire.md §1): list, get, create, patch, delete,
 * upsert by external id, transform. Writes answer 204 with the record's URL in `Location`; we return its id.
 *
 * Every write is either harmless to repeat or recognised by NetSuite when repeated (netsuite-wire.md §1.6, §1.9):
 * - creates, transforms, and PATCH / PUT bodies that carry sublist lines would be doubled by a blind repeat after
 *   a lost answer (lines without a key are appended; a create makes a second record). NetSuite honours
 *   `X-NetSuite-Idempotency-Key` only on asynchronous requests and runs any REST request asynchronously on
 *   `Prefer: respond-async` (Oracle, "REST Web Services Request Processing", ns-help chapter_161251386312), so these
 *   go as async jobs under a key that stays the same across retries: a repeat is answered IDEMPOTENCY_ERROR with the
 *   earlier job's `Location`, and we take that job's result;
 * - PATCH / PUT of body fields only set the same values again, and a repeated DELETE finds the record gone (404):
 *   these stay synchronous and are retried.
 */
import { randomUUID } from 'node:crypto';
import { AsyncJobWaiter, defaultAsyncJobPolling, type AsyncJobPolling } from './asyncJob';
import { systemClock, type Clock } from './clock';
import { errorFromResponse, NetSuiteError } from './errors';
import type { NetSuiteHttpClient, NetSuiteResponse, QueryValue } from './http';
import { silentLogger, type Logger } from './log';
import { mayHaveTakenEffect } from './retry';

/** A record as NetSuite returns it: `id`, `links`, body fields, references `{id, refName}`, sublists. */
export type NetSuiteRecord = Record<string, unknown> & { id?: string };

export interface RecordReference {
  id: string;
}

export interface RecordListPage {
  items: RecordReference[];
  totalResults: number;
  hasMore: boolean;
  offset: number;
  count: number;
}

export interface ListOptions {
  /** 1–1000; NetSuite's default and maximum is 1000. */
  limit?: number;
  /** Must be a multiple of `limit` (NetSuite refuses others). */
  offset?: number;
  /** Filter in NetSuite's `q` syntax: `email START_WITH barbara AND isInactive IS false`. */
  q?: string;
  signal?: AbortSignal;
}

export interface GetOptions {
  expandSubResources?: boolean;
  /** Only these body fields and sublists. */
  fields?: string[];
  simpleEnumFormat?: boolean;
  signal?: AbortSignal;
}

export interface WriteOptions {
  /** Sublists whose lines are replaced by the request's lines instead of merged (`item`, `addressBook`). */
  replace?: string[];
  signal?: AbortSignal;
}

/** What keyed writes (async jobs under an idempotency key) share. */
interface KeyedWriteOptions extends WriteOptions {
  /**
   * Reuse a key (a UUID) to make this write the same submission as an earlier one whose answer was lost: if that one
   * was accepted, its result is the answer and nothing is applied twice. A fresh UUID otherwise.
   */
  idempotencyKey?: string;
  /**
   * Told the new key before the body is re-submitted under it (the earlier key's job failed, so it made nothing):
   * from then on that key, not the caller's, names the submission. A caller that may repeat the write later (a
   * form's Save again) must repeat it under this key: the old one leads back to the failed job, which would send
   * the body under yet another fresh key, and applies it twice if this submission's job runs too.
   */
  keyReplaced?(key: string): void;
}

export type CreateOptions = KeyedWriteOptions;

export interface PatchOptions extends KeyedWriteOptions {
  /** With `replace`: clear only the fields named there (`replaceSelectedFields=true`). */
  replaceSelectedFields?: boolean;
}

export interface WriteResult {
  id: string;
  /** Absolute URL of the record from `Location`. */
  location?: string;
}

export interface RecordServiceOptions {
  clock?: Clock;
  logger?: Logger;
  /** How creates and transforms wait for their async job. */
  asyncJobPolling?: Partial<AsyncJobPolling>;
}

const idempotencyHeader = 'X-NetSuite-Idempotency-Key';

/** A keyed async write: where, what to say in messages, and the body. */
interface KeyedSubmission {
  method: 'POST' | 'PATCH' | 'PUT';
  path: string;
  operation: string;
  record: NetSuiteRecord;
  options: CreateOptions;
  /** Set on the one re-submission after an earlier submission's job failed; it is never re-submitted again. */
  resubmission?: boolean;
  /** Query parameters besides `replace` (`replaceSelectedFields` on a PATCH). */
  extraQuery?: Record<string, QueryValue>;
  /** The record's id when the write is to an existing record (a PATCH): the answer need not name it. */
  knownId?: string;
}

export class RecordService {
  private readonly jobs: AsyncJobWaiter;
  private readonly logger: Logger;

  constructor(
    private readonly http: NetSuiteHttpClient,
    options: RecordServiceOptions = {},
  ) {
    this.jobs = new AsyncJobWaiter(http, options.clock ?? systemClock, { ...defaultAsyncJobPolling, ...options.asyncJobPolling });
    this.logger = options.logger ?? silentLogger;
  }

  async list(recordType: string, options: ListOptions = {}): Promise<RecordListPage> {
    const limit = options.limit ?? 1000;
    const offset = options.offset ?? 0;
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw invalidArgument(`limit must be 1 to 1000, got ${limit}`);
    if (!Number.isInteger(offset) || offset < 0 || offset % limit !== 0) {
      throw invalidArgument(`offset must be a multiple of limit (${limit}), got ${offset}`);
    }
    const response = await this.http.request({
      method: 'GET',
      path: typePath(recordType),
      query: { limit, offset, q: options.q?.trim() || undefined },
      safety: 'idempotent',
      signal: options.signal,
    });
    const body = asObject(response.body);
    const items = Array.isArray(body.items) ? body.items : [];
    return {
      items: items.map((item) => ({ id: String(asObject(item).id) })),
      totalResults: Number(body.totalResults ?? items.length),
      hasMore: body.hasMore === true,
      offset: Number(body.offset ?? offset),
      count: Number(body.count ?? items.length),
    };
  }

  /** Every page of a list, one after the other ("Load more…" and exports of record ids). */
  async *listAll(recordType: string, options: Omit<ListOptions, 'offset'> = {}): AsyncGenerator<RecordListPage> {
    const limit = options.limit ?? 1000;
    for (let offset = 0; ; offset += limit) {
      const page = await this.list(recordType, { ...options, limit, offset });
      yield page;
      if (!page.hasMore || page.items.length === 0) return;
    }
  }

  async get(recordType: string, id: string, options: GetOptions = {}): Promise<NetSuiteRecord> {
    const query: Record<string, QueryValue> = {
      expandSubResources: options.expandSubResources || undefined,
      fields: options.fields?.length ? options.fields.join(',') : undefined,
      simpleEnumFormat: options.simpleEnumFormat || undefined,
    };
    const response = await this.http.request({ method: 'GET', path: recordPath(recordType, id), query, safety: 'idempotent', signal: options.signal });
    return asObject(response.body) as NetSuiteRecord;
  }

  /** Creates a record as an async job under an idempotency key; resolves when NetSuite has made it. */
  async create(recordType: string, record: NetSuiteRecord, options: CreateOptions = {}): Promise<WriteResult> {
    return this.submitKeyed({ method: 'POST', path: typePath(recordType), operation: `create ${recordType}`, record, options });
  }

  /**
   * Sends only `changes` (see `changedFields`); an empty change set sends nothing. Changes that carry sublist lines go
   * as an async job under an idempotency key (a repeat would append the lines again); body fields alone are sent
   * synchronously, as a repeat sets the same values.
   */
  async patch(recordType: string, id: string, changes: NetSuiteRecord, options: PatchOptions = {}): Promise<void> {
    if (Object.keys(changes).length === 0) return;
    const path = recordPath(recordType, id);
    const query = { replaceSelectedFields: options.replaceSelectedFields || undefined };
    if (carriesLines(changes)) {
      await this.submitKeyed({ method: 'PATCH', path, operation: `update ${recordType} ${id}`, record: changes, options, extraQuery: query, knownId: id });
      return;
    }
    await this.http.request({
      method: 'PATCH',
      path,
      query: { ...replaceQuery(options), ...query },
      body: changes,
      safety: 'idempotent',
      signal: options.signal,
    });
  }

  /** Resolves `alreadyGone: true` when a repeat after an unclear attempt found the record deleted. */
  async delete(recordType: string, id: string, options: { signal?: AbortSignal } = {}): Promise<{ alreadyGone: boolean }> {
    const response = await this.http.request({ method: 'DELETE', path: recordPath(recordType, id), safety: 'delete', signal: options.signal });
    return { alreadyGone: response.completedByEarlierAttempt === true };
  }

  /** `PUT /{type}/eid:{externalId}`: creates the record or updates the one with that external id (lines: as patch). */
  async upsert(recordType: string, externalId: string, record: NetSuiteRecord, options: WriteOptions = {}): Promise<WriteResult> {
    if (!externalId.trim()) throw invalidArgument('an upsert needs a non-empty external id');
    const path = recordPath(recordType, `eid:${externalId}`);
    const operation = `upsert ${recordType} eid:${externalId}`;
    if (carriesLines(record)) return this.submitKeyed({ method: 'PUT', path, operation, record, options });
    const response = await this.http.request({ method: 'PUT', path, query: replaceQuery(options), body: record, safety: 'idempotent', signal: options.signal });
    return writeResult(response, operation);
  }

  /**
   * `POST /{type}/{id}/!transform/{target}` (e.g. sales order → invoice) as an async job under an idempotency key;
   * returns the new record's id.
   */
  async transform(recordType: string, id: string, targetType: string, record: NetSuiteRecord = {}, options: CreateOptions = {}): Promise<WriteResult> {
    const path = `${recordPath(recordType, id)}/!transform/${pathSegment(checkedType(targetType))}`;
    return this.submitKeyed({ method: 'POST', path, operation: `transform ${recordType} ${id} to ${targetType}`, record, options });
  }

  /**
   * Submits with `Prefer: respond-async` and the key, then waits for the job (or, when NetSuite says the key was
   * already submitted, for that earlier job). An earlier submission whose job failed made no record, and its
   * failure answers the earlier body, not necessarily this one (a form re-sends its key after the user fixed a
   * field) or was passing (an internal error): this body is submitted once more under a fresh key.
   */
  private async submitKeyed(submission: KeyedSubmission): Promise<WriteResult> {
    const { method, path, operation, record, options } = submission;
    const key = options.idempotencyKey ?? randomUUID();
    const response = await this.http
      .request({
        method,
        path,
        query: { ...replaceQuery(options), ...submission.extraQuery },
        headers: { [idempotencyHeader]: key, prefer: 'respond-async' },
        body: record,
        safety: 'idempotencyKey',
        signal: options.signal,
      })
      .catch((error: unknown) => {
        throw mayHaveApplied(error, operation);
      });
    const location = response.headers.location;
    // NetSuite may answer synchronously after all (no 202): that answer is the record's.
    if (response.status !== 202 && !response.completedByEarlierAttempt) return writeResult(response, operation, submission.knownId);
    if (!location) {
      if (response.completedByEarlierAttempt) throw errorFromResponse(response.status, response.body, `${method} ${this.http.urlFor(path).pathname}`);
      throw new NetSuiteError({ kind: 'server', status: 202, message: `NetSuite accepted the ${operation} (202) but sent no job Location`, advice: 'Refresh the list to find the record before creating it again.' });
    }
    // A duplicate that points at a record rather than a job names the record itself.
    if (response.completedByEarlierAttempt && idFromLocation(location)) return writeResult(response, operation, submission.knownId);
    const outcome = await this.jobs.outcome(location, operation, options.signal);
    if (outcome.succeeded) return writeResult(outcome.result, operation, submission.knownId);
    if (response.completedByEarlierAttempt && !submission.resubmission) {
      this.logger.info(`${operation}: the earlier submission with this idempotency key failed (job ${outcome.jobUrl}); submitting again with a new key`);
      const freshKey = randomUUID();
      options.keyReplaced?.(freshKey);
      return this.submitKeyed({ ...submission, options: { ...options, idempotencyKey: freshKey }, resubmission: true });
    }
    const request = `${method} ${this.http.urlFor(path).pathname} (job ${outcome.jobUrl})`;
    throw errorFromResponse(outcome.result.status < 400 ? statusOf(outcome.result.body) : outcome.result.status, outcome.result.body, request);
  }
}

/**
 * The PATCH body for an edit: top-level fields whose value changed, `null` for cleared ones (NetSuite clears a
 * field sent as null). Read-only decoration (`links`, `refName` of the record itself) is never sent.
 */
export function changedFields(original: NetSuiteRecord, edited: NetSuiteRecord): NetSuiteRecord {
  const changes: NetSuiteRecord = {};
  for (const key of new Set([...Object.keys(original), ...Object.keys(edited)])) {
    if (key === 'links' || key === 'id' || key === 'refName') continue;
    if (!(key in edited) || edited[key] === undefined) {
      if (original[key] !== undefined && original[key] !== null) changes[key] = null;
    } else if (!sameValue(original[key], edited[key])) {
      changes[key] = edited[key];
    }
  }
  return changes;
}

/** The record id in a `Location` URL: `…/record/v1/customer/647` → `647`. */
export function idFromLocation(location: string): string | undefined {
  const path = location.split(/[?#]/)[0].replace(/\/+$/, '');
  if (!/\/record\/v1\//.test(path)) return undefined;
  const last = path.slice(path.lastIndexOf('/') + 1);
  return last ? decodeURIComponent(last) : undefined;
}

/** The written record from `Location`, or from a body that describes it (`links` self, `id`). */
function writeResult(response: NetSuiteResponse, what: string, knownId?: string): WriteResult {
  const body = asObject(response.body);
  const selfLink = Array.isArray(body.links) ? body.links.map(asObject).find((link) => link.rel === 'self')?.href : undefined;
  const location = response.headers.location ?? (typeof selfLink === 'string' ? selfLink : undefined);
  const id = (location ? idFromLocation(location) : undefined) ?? (typeof body.id === 'string' || typeof body.id === 'number' ? String(body.id) : undefined) ?? knownId;
  if (!id) {
    throw new NetSuiteError({
      kind: 'server',
      status: response.status,
      message: `NetSuite accepted the ${what} (${response.status}) but sent no record Location${location ? ` (got ${location})` : ''}`,
      advice: 'Refresh the list to find the record; NetSuite did not say which id it got.',
    });
  }
  return { id, location };
}

// A result whose body is an error envelope under a 2xx status: the envelope's own status, else 400.
function statusOf(body: unknown): number {
  const status = asObject(body).status;
  return typeof status === 'number' && status >= 400 ? status : 400;
}

// Every attempt of a keyed write failed on the network: one of them may have been queued. Said plainly, so a person or
// an agent reads the record before repeating the write under a new key (which NetSuite would apply again).
function mayHaveApplied(error: unknown, operation: string): unknown {
  if (!(error instanceof NetSuiteError) || error.kind !== 'network' || !mayHaveTakenEffect({ type: 'network', errorCode: causeCode(error) })) return error;
  return new NetSuiteError({
    kind: 'network',
    request: error.request,
    cause: error,
    message: `${error.message.replace(/\.$/, '')}. The ${operation} may have been applied: NetSuite's answer was lost`,
    advice: 'Read the record to see whether the change is there before repeating it; repeating it with the same idempotency key is safe.',
  });
}

export function causeCode(error: Error): string | undefined {
  for (let current: unknown = error.cause, depth = 0; current instanceof Error && depth < 4; current = current.cause, depth += 1) {
    const code = (current as Error & { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/** Whether a write body carries sublist lines (`{ item: { items: [...] } }`), which a repeat could add twice. */
function carriesLines(body: NetSuiteRecord): boolean {
  return Object.values(body).some((value) => Array.isArray(asObject(value).items));
}

function replaceQuery(options: WriteOptions): Record<string, QueryValue> {
  return { replace: options.replace?.length ? options.replace.join(',') : undefined };
}

function typePath(recordType: string): string {
  return `record/v1/${pathSegment(checkedType(recordType))}`;
}

function recordPath(recordType: string, id: string): string {
  if (!id || !id.trim()) throw invalidArgument(`a ${recordType} record id must not be empty`);
  return `${typePath(recordType)}/${pathSegment(id)}`;
}

function checkedType(recordType: string): string {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(recordType)) {
    throw invalidArgument(`"${recordType}" is not a record type id; expected e.g. customer, salesOrder or customrecord_project`);
  }
  return recordType;
}

// `:` stays literal so `eid:ABC` reaches NetSuite as written.
function pathSegment(value: string): string {
  return encodeURIComponent(value).replace(/%3A/gi, ':');
}

function invalidArgument(message: string): NetSuiteError {
  return new NetSuiteError({ kind: 'invalid', message: `Invalid request: ${message}`, advice: 'Correct the value and try again.' });
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

// References compare by id: NetSuite returns `{links, id, refName}`, an edit holds `{id}` — same reference.
function sameValue(a: unknown, b: unknown): boolean {
  const idA = referenceId(a);
  const idB = referenceId(b);
  if (idA !== undefined && idB !== undefined) return idA === idB;
  return JSON.stringify(a) === JSON.stringify(b);
}

function referenceId(value: unknown): string | undefined {
  const object = asObject(value);
  return 'id' in object && !('items' in object) ? String(object.id) : undefined;
}
