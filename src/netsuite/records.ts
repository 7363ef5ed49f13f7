/**
 * The record service (`/services/rest/record/v1`, netsuite-wire.md §1): list, get, create, patch, delete,
 * upsert by external id, transform. Writes answer 204 with the record's URL in `Location`; we return its id.
 * Creates and transforms carry an idempotency key that stays the same across retries, so a connection reset
 * after NetSuite committed never makes a second record.
 */
import { randomUUID } from 'node:crypto';
import { NetSuiteError } from './errors';
import type { NetSuiteHttpClient, NetSuiteResponse, QueryValue } from './http';

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

export interface CreateOptions extends WriteOptions {
  /** Reuse a key to make a create the same request as an earlier one; a fresh UUID otherwise. */
  idempotencyKey?: string;
}

export interface PatchOptions extends WriteOptions {
  /** With `replace`: clear only the fields named there (`replaceSelectedFields=true`). */
  replaceSelectedFields?: boolean;
}

export interface WriteResult {
  id: string;
  /** Absolute URL of the record from `Location`. */
  location?: string;
}

const idempotencyHeader = 'X-NetSuite-Idempotency-Key';

export class RecordService {
  constructor(private readonly http: NetSuiteHttpClient) {}

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

  async create(recordType: string, record: NetSuiteRecord, options: CreateOptions = {}): Promise<WriteResult> {
    const response = await this.http.request({
      method: 'POST',
      path: typePath(recordType),
      query: replaceQuery(options),
      headers: { [idempotencyHeader]: options.idempotencyKey ?? randomUUID() },
      body: record,
      safety: 'idempotencyKey',
      signal: options.signal,
    });
    return writeResult(response, `create ${recordType}`);
  }

  /** Sends only `changes` (see `changedFields`); an empty change set sends nothing. */
  async patch(recordType: string, id: string, changes: NetSuiteRecord, options: PatchOptions = {}): Promise<void> {
    if (Object.keys(changes).length === 0) return;
    await this.http.request({
      method: 'PATCH',
      path: recordPath(recordType, id),
      query: { ...replaceQuery(options), replaceSelectedFields: options.replaceSelectedFields || undefined },
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

  /** `PUT /{type}/eid:{externalId}`: creates the record or updates the one with that external id. */
  async upsert(recordType: string, externalId: string, record: NetSuiteRecord, options: WriteOptions = {}): Promise<WriteResult> {
    if (!externalId.trim()) throw invalidArgument('an upsert needs a non-empty external id');
    const response = await this.http.request({
      method: 'PUT',
      path: recordPath(recordType, `eid:${externalId}`),
      query: replaceQuery(options),
      body: record,
      safety: 'idempotent',
      signal: options.signal,
    });
    return writeResult(response, `upsert ${recordType} eid:${externalId}`);
  }

  /** `POST /{type}/{id}/!transform/{target}` (e.g. sales order → invoice); returns the new record's id. */
  async transform(recordType: string, id: string, targetType: string, record: NetSuiteRecord = {}, options: CreateOptions = {}): Promise<WriteResult> {
    const response = await this.http.request({
      method: 'POST',
      path: `${recordPath(recordType, id)}/!transform/${pathSegment(checkedType(targetType))}`,
      query: replaceQuery(options),
      headers: { [idempotencyHeader]: options.idempotencyKey ?? randomUUID() },
      body: record,
      safety: 'idempotencyKey',
      signal: options.signal,
    });
    return writeResult(response, `transform ${recordType} ${id} to ${targetType}`);
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

function writeResult(response: NetSuiteResponse, what: string): WriteResult {
  const location = response.headers.location;
  const id = location ? idFromLocation(location) : undefined;
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
