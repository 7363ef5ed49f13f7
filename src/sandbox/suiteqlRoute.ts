/**
 * `POST /services/rest/query/v1/suiteql?limit=&offset=` (netsuite-wire.md §3): checks paging and the `{"q"}`
 * body, asks the SuiteQL engine for one page as the caller's role, and wraps the items as NetSuite does — every
 * item with `links: []` first — in paging links, `count`, `hasMore`, `offset` and `totalResults`.
 */
import type { SuiteQLEngine } from './model/seams';
import { invalidContent, invalidParameter, NetSuiteHttpError } from './http/errors';
import { COLLECTION_MEDIA_TYPE } from './http/mediaTypes';
import { pagingLinks, parsePaging } from './http/paging';
import type { SandboxReply, SandboxRequest } from './http/router';
import { SuiteQLQueryError } from './suiteql/errors';
import type { SuiteQLPagingQuirks } from './options';

export interface SuiteQLRouteOptions {
  engine(): SuiteQLEngine;
  /** Refuse queries without `Prefer: transient` (NetSuite's behaviour there is undocumented). */
  strictTransient: boolean;
  /** The first whose marker the query contains applies. */
  pagingQuirks?: readonly SuiteQLPagingQuirks[];
}

function queryText(body: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    parsed = undefined;
  }
  const q = parsed && typeof parsed === 'object' ? (parsed as { q?: unknown }).q : undefined;
  if (typeof q !== 'string' || q.trim() === '') {
    throw invalidContent('Invalid content in the request body. Expected a JSON object with the SuiteQL query in "q", e.g. {"q": "SELECT id FROM customer"}.');
  }
  return q;
}

export async function runSuiteQL(options: SuiteQLRouteOptions, request: SandboxRequest): Promise<SandboxReply> {
  const paging = parsePaging(request.url);
  const prefer = String(request.headers.prefer ?? '').toLowerCase();
  if (options.strictTransient && !prefer.split(/[,;]/).some((part) => part.trim() === 'transient')) {
    throw new NetSuiteHttpError(400, [
      { detail: 'SuiteQL queries need the header Prefer: transient.', 'o:errorCode': 'INVALID_PARAMETER', 'o:errorHeader': 'Prefer' },
    ]);
  }
  const q = queryText(request.body);
  const quirks = options.pagingQuirks?.find((quirk) => q.includes(quirk.queryContains));
  const rowsServed = quirks?.rowsAtOffset?.[paging.offset];
  let page;
  try {
    page = await options.engine().runPage(q, { limit: rowsServed === undefined ? paging.limit : Math.max(1, Math.min(paging.limit, rowsServed)), offset: paging.offset, role: request.principal.role });
  } catch (error) {
    if (error instanceof SuiteQLQueryError) throw invalidParameter(error.detail, { 'o:errorQueryParam': error.queryParam });
    throw error;
  }
  if (rowsServed === 0) page = { ...page, count: 0, itemsJson: Buffer.alloc(0) };
  const count = page.count;
  const reportedTotal = quirks?.reportedTotal ?? page.totalResults;
  // The envelope in NetSuite's key order around the items, which the engine keeps as bytes (a slice of its cursor).
  const links = JSON.stringify(pagingLinks(request.url, paging, count, reportedTotal));
  // A quirk's short or empty page still says whether rows follow it, from the true count.
  const hasMore = (rowsServed === undefined ? paging.offset + count : paging.offset + paging.limit) < page.totalResults;
  const head = Buffer.from(`{"links":${links},"count":${count},"hasMore":${hasMore},"items":[`, 'utf8');
  const tail = Buffer.from(`],"offset":${paging.offset},"totalResults":${reportedTotal}}`, 'utf8');
  return {
    status: 200,
    headers: { 'content-type': COLLECTION_MEDIA_TYPE },
    rows: count,
    rawBody: Buffer.concat([head, page.itemsJson, tail]),
  };
}
