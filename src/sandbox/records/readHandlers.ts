/** Collection GET (ids and links, filtered by `q`) and single-record GET (netsuite-wire.md §1.2–1.4). */
import { invalidParameter, pathNotFound, recordNotFound } from '../http/errors';
import { COLLECTION_MEDIA_TYPE, SINGULAR_MEDIA_TYPE } from '../http/mediaTypes';
import { pagingLinks, parsePaging } from '../http/paging';
import type { SandboxReply, SandboxRequest } from '../http/router';
import type { SqlFilter } from '../store/recordStore';
import { recordHref, selfLinks } from './links';
import { parseQuery } from './query/parser';
import { compileQuery, QueryMeaningError, UnparseableDateError } from './query/toSql';
import { QuerySyntaxError } from './query/tokenizer';
import { booleanParameter, definitionFor, mustFindRecord, requirePermission, type RecordServiceSettings } from './recordContext';
import { referencesOf, serializeLines, serializeRecord } from './serialize';
import type { RecordTypeDefinition } from '../model/recordTypes';
import { defaultTimeZone } from '../options';

function filterFor(settings: RecordServiceSettings, definition: RecordTypeDefinition, q: string | null): SqlFilter | undefined {
  if (q === null || q.trim() === '') return undefined;
  try {
    return compileQuery(parseQuery(q), definition, settings.dateFormat, settings.queryDates?.isoDatetimes ?? true);
  } catch (error) {
    if (error instanceof UnparseableDateError) throw invalidParameter(unparseableDateDetail(error.text, settings), { 'o:errorQueryParam': 'q' });
    if (error instanceof QuerySyntaxError || error instanceof QueryMeaningError) {
      throw invalidParameter(`Invalid search query: ${error.message}`, { 'o:errorQueryParam': 'q' });
    }
    throw error;
  }
}

/**
 * NetSuite's words for a `q` date it cannot read. Recent captures (2026, two integrations) quote
 * `Search error occurred: Parse of date/time "8/5/2026 23:53" failed with date format "M/d/yy" in time zone
 * America/Los_Angeles` — the account's format in Java's pattern letters; Airbyte's older code looks for
 * `Unparseable date: "…"`. Which one an account gives is not documented, so it is an option (default: the newer).
 */
function unparseableDateDetail(text: string, settings: RecordServiceSettings): string {
  const dates = settings.queryDates;
  if (dates?.errorWording === 'unparseable') return `Unparseable date: "${text}"`;
  return `Search error occurred: Parse of date/time "${text}" failed with date format "${javaDatePattern(settings.dateFormat)}" in time zone ${dates?.timeZone ?? defaultTimeZone}`;
}

/** `M/D/YYYY` → `M/d/yyyy`, `DD-Mon-YYYY` → `dd-MMM-yyyy`: the preference as Java's date pattern spells it. */
export function javaDatePattern(format: string): string {
  return format.replace(/Mon/gi, 'MMM').replace(/D/g, 'd').replace(/Y/g, 'y');
}

/**
 * `ids=1,2,eid:A` (2026.1): only these records, by internal or external id. Its placeholders are numbered after
 * those of the `q` filter it joins (both are generated here, never user text, so renumbering is safe).
 */
function idsFilter(text: string | null, after: SqlFilter | undefined): SqlFilter | undefined {
  if (text === null || text.trim() === '') return undefined;
  const values = text.split(',').map((value) => value.trim()).filter((value) => value !== '');
  const external = values.filter((value) => value.toLowerCase().startsWith('eid:')).map((value) => value.slice(4));
  const internal = values.filter((value) => !value.toLowerCase().startsWith('eid:'));
  const bad = internal.find((value) => !/^\d{1,18}$/.test(value));
  if (bad !== undefined) throw invalidParameter(`Invalid value for query parameter ids: '${bad}' is neither an internal id nor eid:<external id>.`, { 'o:errorQueryParam': 'ids' });
  const first = (after?.params.length ?? 0) + 2;
  return { sql: `(id = ANY($${first}::bigint[]) OR external_id = ANY($${first + 1}::text[]))`, params: [internal, external] };
}

function bothFilters(a: SqlFilter | undefined, b: SqlFilter | undefined): SqlFilter | undefined {
  if (!a || !b) return a ?? b;
  return { sql: `${a.sql} AND ${b.sql}`, params: [...a.params, ...b.params] };
}

export async function listRecords(settings: RecordServiceSettings, request: SandboxRequest): Promise<SandboxReply> {
  const definition = definitionFor(settings, request.params.type);
  requirePermission(request.principal.role, definition, 'view', 'view');
  const paging = parsePaging(request.url);
  const expandRecords = booleanParameter(request.url, 'expandRecords');
  const queryFilter = filterFor(settings, definition, request.url.searchParams.get('q'));
  const filter = bothFilters(queryFilter, idsFilter(request.url.searchParams.get('ids'), queryFilter));
  const { ids, totalResults } = await settings.store.listIds(definition.id, filter, paging.limit, paging.offset);
  const baseUrl = settings.baseUrl();
  const items = expandRecords
    ? await expandedItems(settings, definition, ids, request)
    : ids.map((id) => ({ links: selfLinks(recordHref(baseUrl, definition.id, id)), id }));
  return {
    status: 200,
    mediaType: COLLECTION_MEDIA_TYPE,
    rows: ids.length,
    json: {
      links: pagingLinks(request.url, paging, ids.length, totalResults),
      count: ids.length,
      hasMore: paging.offset + ids.length < totalResults,
      items,
      offset: paging.offset,
      totalResults,
    },
  };
}

/** `expandRecords=true` (2026.1): whole records in the page instead of links, each with its own self link. */
async function expandedItems(settings: RecordServiceSettings, definition: RecordTypeDefinition, ids: string[], request: SandboxRequest): Promise<unknown[]> {
  const records = (await Promise.all(ids.map((id) => settings.store.get(definition.id, id)))).filter((record) => record !== undefined);
  const displayNames = await settings.store.displayNames(records.flatMap((record) => referencesOf(record, definition, false)));
  const baseUrl = settings.baseUrl();
  const simpleEnumFormat = booleanParameter(request.url, 'simpleEnumFormat');
  return records.map((record) =>
    serializeRecord(record, definition, { baseUrl, selfHref: recordHref(baseUrl, definition.id, record.id), expandSubResources: false, simpleEnumFormat, displayNames }),
  );
}

function fieldsParameter(request: SandboxRequest, definition: RecordTypeDefinition): Set<string> | undefined {
  const text = request.url.searchParams.get('fields');
  if (text === null || text.trim() === '') return undefined;
  const names = text.split(',').map((name) => name.trim().toLowerCase()).filter((name) => name !== '');
  const known = new Set([...definition.fields.map((field) => field.id.toLowerCase()), ...definition.sublists.map((sublist) => sublist.id.toLowerCase())]);
  const unknown = names.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw invalidParameter(`Invalid value for query parameter fields: unknown field(s) ${unknown.join(', ')} on record type ${definition.id}.`, {
      'o:errorQueryParam': 'fields',
    });
  }
  return new Set(names);
}

/** Sublists are GET-able resources of their own: `/salesOrder/1/item` and `/salesOrder/1/item/1` (netsuite-wire.md §1.4). */
export async function getSublist(settings: RecordServiceSettings, request: SandboxRequest): Promise<SandboxReply> {
  const definition = definitionFor(settings, request.params.type);
  requirePermission(request.principal.role, definition, 'view', 'view');
  const sublist = definition.sublists.find((candidate) => candidate.id.toLowerCase() === request.params.sublist.toLowerCase());
  if (!sublist) throw pathNotFound(request.url.pathname);
  const record = await mustFindRecord(settings.store, definition, request.params.id);
  const options = {
    baseUrl: settings.baseUrl(),
    selfHref: request.url.href,
    expandSubResources: true,
    simpleEnumFormat: booleanParameter(request.url, 'simpleEnumFormat'),
    displayNames: await settings.store.displayNames(referencesOf(record, definition, true)),
  };
  const lines = serializeLines(record, definition, sublist, options);
  const lineKey = request.params.line;
  if (lineKey !== undefined) {
    const index = (record.sublists[sublist.id] ?? []).findIndex((line) => String(line[sublist.lineKey]) === lineKey);
    if (index < 0) throw recordNotFound();
    return { status: 200, mediaType: SINGULAR_MEDIA_TYPE, rows: 1, json: { ...lines[index], links: selfLinks(request.url.href) } };
  }
  return {
    status: 200,
    mediaType: COLLECTION_MEDIA_TYPE,
    rows: lines.length,
    json: { links: selfLinks(request.url.href), count: lines.length, hasMore: false, items: lines, offset: 0, totalResults: lines.length },
  };
}

export async function getRecord(settings: RecordServiceSettings, request: SandboxRequest): Promise<SandboxReply> {
  const definition = definitionFor(settings, request.params.type);
  requirePermission(request.principal.role, definition, 'view', 'view');
  const expandSubResources = booleanParameter(request.url, 'expandSubResources');
  const simpleEnumFormat = booleanParameter(request.url, 'simpleEnumFormat');
  const onlyFields = fieldsParameter(request, definition);
  const record = await mustFindRecord(settings.store, definition, request.params.id);
  const displayNames = await settings.store.displayNames(referencesOf(record, definition, expandSubResources));
  return {
    status: 200,
    mediaType: SINGULAR_MEDIA_TYPE,
    rows: 1,
    json: serializeRecord(record, definition, {
      baseUrl: settings.baseUrl(),
      selfHref: request.url.href,
      expandSubResources,
      simpleEnumFormat,
      onlyFields,
      displayNames,
    }),
  };
}
