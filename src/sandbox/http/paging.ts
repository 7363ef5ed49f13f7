/**
 * `limit`/`offset` paging shared by record collections and SuiteQL (netsuite-wire.md §1.2, §3.3): limit 1–1000
 * (default 1000), offset a multiple of limit, and the `links` NetSuite puts around a page.
 */
import { invalidParameter } from './errors';
import { withQuery, type Link } from '../records/links';

export interface Paging {
  limit: number;
  offset: number;
}

export const maxPageSize = 1000;

function integerParameter(url: URL, name: string, fallback: number): number {
  const text = url.searchParams.get(name);
  if (text === null) return fallback;
  const value = Number(text);
  if (text.trim() === '' || !Number.isInteger(value)) {
    throw invalidParameter(`Invalid value for query parameter ${name}: '${text}'. The value must be an integer.`, { 'o:errorQueryParam': name });
  }
  return value;
}

export function parsePaging(url: URL): Paging {
  const limit = integerParameter(url, 'limit', maxPageSize);
  if (limit < 1 || limit > maxPageSize) {
    throw invalidParameter(`Invalid value for query parameter limit: '${limit}'. The value must be between 1 and ${maxPageSize}.`, { 'o:errorQueryParam': 'limit' });
  }
  const offset = integerParameter(url, 'offset', 0);
  if (offset < 0) throw invalidParameter(`Invalid value for query parameter offset: '${offset}'. The value must not be negative.`, { 'o:errorQueryParam': 'offset' });
  if (offset % limit !== 0) {
    throw invalidParameter(`Invalid value for query parameter offset: '${offset}'. The offset must be a multiple of the limit (${limit}).`, {
      'o:errorQueryParam': 'offset',
    });
  }
  return { limit, offset };
}

/** first/prev (after page one), next (while more), last, then self — the self link echoing the request. */
export function pagingLinks(url: URL, paging: Paging, count: number, totalResults: number): Link[] {
  const page = (offset: number) => withQuery(url, { limit: String(paging.limit), offset: String(offset) });
  const links: Link[] = [];
  if (paging.offset > 0) {
    links.push({ rel: 'first', href: page(0) });
    links.push({ rel: 'prev', href: page(Math.max(0, paging.offset - paging.limit)) });
  }
  if (paging.offset + count < totalResults) links.push({ rel: 'next', href: page(paging.offset + paging.limit) });
  if (totalResults > 0) links.push({ rel: 'last', href: page(Math.floor((totalResults - 1) / paging.limit) * paging.limit) });
  links.push({ rel: 'self', href: url.href });
  return links;
}
