/**
 * Batch operations (NetSuite 2026.1, src/sandbox/batch-wire.md): many records of one type in one request, always
 * asynchronous. POST (create), PATCH (update; each item names its record by `id` or `externalId`, the internal id
 * winning), PUT (upsert by `externalId`) carry `{"items": [...]}` as
 * `application/vnd.oracle.resource+json; type=collection`; GET and DELETE name the records in `?ids=`. At most 100
 * records; `Prefer: respond-async` is required. Each record becomes one task of the job, answered exactly as the
 * single-record request would have been, so one record can fail while the others are saved.
 */
import { NetSuiteHttpError, invalidContent } from '../http/errors';
import type { AsyncJobs, AsyncTaskWork } from '../http/asyncJobs';
import { wantsAsync } from '../http/asyncJobs';
import type { RouteHandler, SandboxRequest } from '../http/router';
import { definitionFor, parseJsonBody, type RecordServiceSettings } from './recordContext';
import { getRecord } from './readHandlers';
import { createRecord, deleteRecord, updateRecord, upsertRecord } from './writeHandlers';

/** Oracle: "You can currently work with a maximum of 100 records in one batch request." */
export const maxBatchRecords = 100;

const collectionType = /^application\/vnd\.oracle\.resource\+json\s*;\s*type\s*=\s*collection\b/i;

/** Whether a request's body is declared as a batch collection. */
export function isCollectionBody(request: SandboxRequest): boolean {
  const header = request.headers['content-type'];
  return collectionType.test(String(Array.isArray(header) ? header[0] : (header ?? '')).trim());
}

function batchRefusal(detail: string, code = 'INVALID_CONTENT', where: Record<string, string> = {}): NetSuiteHttpError {
  return new NetSuiteHttpError(400, [{ detail, 'o:errorCode': code, ...where }]);
}

function requireAsync(request: SandboxRequest, method: string): void {
  if (!wantsAsync(request.headers)) {
    throw batchRefusal(`Batch ${method} requests are processed asynchronously only. Send the header Prefer: respond-async.`, 'INVALID_HEADER', { 'o:errorHeader': 'Prefer' });
  }
}

function checkCount(count: number): void {
  if (count === 0) throw batchRefusal('The batch request contains no records.');
  if (count > maxBatchRecords) throw batchRefusal(`The batch request contains ${count} records; at most ${maxBatchRecords} records are allowed in one batch request.`);
}

/** The `items` of a batch body, after the content-type and size checks. */
function batchItems(request: SandboxRequest): Record<string, unknown>[] {
  if (!isCollectionBody(request)) {
    throw batchRefusal(
      'Invalid content in the request body. A batch request must be sent with Content-Type: application/vnd.oracle.resource+json; type=collection.',
    );
  }
  const body = parseJsonBody(request.body);
  const items = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>).items : undefined;
  if (!Array.isArray(items)) throw invalidContent('Invalid content in the request body. A batch request body must be an object with an "items" array.');
  checkCount(items.length);
  items.forEach((item, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw invalidContent(`Invalid content in the request body: item ${index + 1} is not an object.`, `items[${index}]`);
  });
  return items as Record<string, unknown>[];
}

/** One record's request: the batch request's URL and principal, this record's path parameters and body. */
function recordRequest(request: SandboxRequest, method: string, id: string | undefined, body: unknown): SandboxRequest {
  const url = new URL(request.url.href);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}${id === undefined ? '' : `/${encodeURIComponent(id).replace(/%3A/gi, ':')}`}`;
  url.search = '';
  const headers = { ...request.headers, 'content-type': 'application/json' };
  return { ...request, method, url, params: { ...request.params, ...(id === undefined ? {} : { id }) }, headers, body: body === undefined ? '' : JSON.stringify(body) };
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value).trim() || undefined : undefined;
}

/** The record an update item names: its internal id, else `eid:<externalId>` (Oracle: the internal id takes precedence). */
function updateTarget(item: Record<string, unknown>): string | undefined {
  const id = textOf(item.id);
  if (id !== undefined) return id;
  const externalId = textOf(item.externalId);
  return externalId === undefined ? undefined : `eid:${externalId}`;
}

function missingId(index: number, what: string): AsyncTaskWork {
  return () => Promise.reject(batchRefusal(`Item ${index + 1} of the batch has no ${what}.`, 'INVALID_CONTENT', { 'o:errorPath': `items[${index}]` }));
}

function withoutKeys(item: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(item).filter(([key]) => !keys.includes(key)));
}

function idsOf(request: SandboxRequest): string[] {
  const text = request.url.searchParams.get('ids') ?? '';
  const ids = text.split(',').map((value) => value.trim()).filter((value) => value !== '');
  checkCount(ids.length);
  return ids;
}

/** Route handlers for the batch forms of the record collection path; each falls back to `single` when not a batch. */
export function batchRoutes(settings: RecordServiceSettings, jobs: AsyncJobs) {
  const submit = (request: SandboxRequest, work: AsyncTaskWork[]) => {
    definitionFor(settings, request.params.type);
    return jobs.submitTasks(request, work);
  };
  const create: RouteHandler = (request) => {
    requireAsync(request, 'POST');
    const items = batchItems(request);
    return submit(request, items.map((item) => () => createRecord(settings, recordRequest(request, 'POST', undefined, item))));
  };
  const update: RouteHandler = async (request) => {
    requireAsync(request, 'PATCH');
    const items = batchItems(request);
    return submit(
      request,
      items.map((item, index) => {
        const target = updateTarget(item);
        if (target === undefined) return missingId(index, 'id or externalId');
        return () => updateRecord(settings, recordRequest(request, 'PATCH', target, withoutKeys(item, ['id', 'externalId'])));
      }),
    );
  };
  const upsert: RouteHandler = async (request) => {
    requireAsync(request, 'PUT');
    const items = batchItems(request);
    return submit(
      request,
      items.map((item, index) => {
        // Oracle: "PUT requests only support external ID for the upsert operation."
        const externalId = textOf(item.externalId);
        if (externalId === undefined) return missingId(index, 'externalId (a batch PUT upserts by external id only)');
        return () => upsertRecord(settings, recordRequest(request, 'PUT', `eid:${externalId}`, withoutKeys(item, ['id', 'externalId'])));
      }),
    );
  };
  const remove: RouteHandler = async (request) => {
    requireAsync(request, 'DELETE');
    return submit(request, idsOf(request).map((id) => () => deleteRecord(settings, recordRequest(request, 'DELETE', id, undefined))));
  };
  const read: RouteHandler = async (request) => submit(request, idsOf(request).map((id) => () => getRecord(settings, recordRequest(request, 'GET', id, undefined))));
  return { create, update, upsert, remove, read };
}

/**
 * A POST to the collection is a batch when it says so by its content type. A plain-JSON body that is only an
 * `items` array is a batch sent with the wrong content type, refused as NetSuite does (INVALID_CONTENT) rather
 * than created as one odd record.
 */
export function looksLikeMislabelledBatch(request: SandboxRequest): boolean {
  if (isCollectionBody(request)) return false;
  try {
    const body: unknown = JSON.parse(request.body);
    return typeof body === 'object' && body !== null && !Array.isArray(body) && Object.keys(body).length === 1 && Array.isArray((body as Record<string, unknown>).items);
  } catch {
    return false;
  }
}

export function mislabelledBatch(): NetSuiteHttpError {
  return batchRefusal('Invalid content in the request body. A batch request must be sent with Content-Type: application/vnd.oracle.resource+json; type=collection.');
}
