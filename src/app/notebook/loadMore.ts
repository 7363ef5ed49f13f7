/**
 * "Load more" for a result in the grid. NetSuite refuses an offset that is not a multiple of the page size, and
 * the grid can hold any number of rows: a stopped "Load all" ends mid-page, and the page-size setting may have
 * changed since the cell ran. So the page size is the one the result started with, and the next request starts at
 * the page boundary at or before the rows already loaded; the rows the grid already has are skipped, never shown
 * twice.
 */
import type { NetSuiteClient } from '../../netsuite/client';

export interface NextPage {
  /** A multiple of `pageSize`. */
  offset: number;
  pageSize: number;
  /** Rows at the start of that page the grid already has. */
  skip: number;
}

export function nextPageFor(loaded: number, pageSize: number): NextPage {
  const offset = Math.floor(loaded / pageSize) * pageSize;
  return { offset, pageSize, skip: loaded - offset };
}

export interface MoreRows {
  rows: Record<string, string>[];
  totalResults: number;
}

/** The rows after the first `loaded` ones, one page's worth at most, in the result's own page size. */
export async function loadMoreRows(
  client: Pick<NetSuiteClient, 'queryPage'>,
  result: { query: string; loaded: number; pageSize: number },
  signal?: AbortSignal,
): Promise<MoreRows> {
  const next = nextPageFor(result.loaded, result.pageSize);
  const page = await client.queryPage(result.query, next.offset, { pageSize: next.pageSize, signal });
  return { rows: page.rows.slice(next.skip).map((row) => row.raw), totalResults: page.totalResults };
}
