/**
 * The SuiteQL runner (netsuite-wire.md §3). NetSuite limits concurrency, not rate, so after page 1 tells us
 * `totalResults` we fetch the remaining pages in parallel (the governor keeps us within the account's limit)
 * and hand rows out strictly in order. Only a small window of pages is held at a time, so memory stays flat
 * whatever the export size. NetSuite stops a query at 100,000 rows: we say so, and offer a keyset mode that walks
 * past the cap in chunks of `WHERE id > last ORDER BY id`.
 */
import { setMaxListeners } from 'node:events';
import { cancelledError, NetSuiteError } from './errors';
import { notASuiteQLPageError } from './foreignAnswer';
import type { NetSuiteHttpClient } from './http';
import { typeRow, type DateFormat, type SuiteQLColumnType, type SuiteQLRow } from './suiteqlValues';

/** NetSuite's hard ceiling on the rows one SuiteQL query returns over REST. */
export const suiteQLRowCap = 100_000;
const maxPageSize = 1000;

export interface SuiteQLPageOptions {
  /** Rows per page, 1–1000 (default 1000). */
  pageSize?: number;
  signal?: AbortSignal;
  columnTypes?: Record<string, SuiteQLColumnType>;
  /** The user's date-format preference, for typing date columns (default MM/DD/YYYY). */
  dateFormat?: DateFormat;
}

export interface SuiteQLRunOptions extends SuiteQLPageOptions {
  /** `sequential` fetches one page after another, as most NetSuite tools do (kept for comparison). */
  mode?: 'parallel' | 'sequential';
  onProgress?: (progress: SuiteQLProgress) => void;
  /** Called once with a plain sentence when NetSuite's cap cuts the result short. */
  onNotice?: (notice: string) => void;
  /**
   * Opt-in: go beyond the 100,000-row cap by running the query in chunks ordered by this unique column
   * (`id`). The query must select it; rows come back ordered by it.
   */
  keyset?: { column: string };
  /** Pages fetched ahead of the consumer (default: twice the concurrency limit). Bounds memory. */
  prefetchPages?: number;
  /**
   * Rows the caller already knows the query has (an export asks NetSuite for the count before choosing a file):
   * the first wave of pages then goes out together with page one instead of waiting for its `totalResults`, which
   * saves one page's round trip. Pages the real total leaves out are dropped unread.
   */
  expectedRows?: number;
}

export interface SuiteQLProgress {
  rowsDelivered: number;
  /** NetSuite's `totalResults` for the query (for keyset mode: of the current chunk, plus rows before it). */
  totalResults: number;
  pagesDelivered: number;
  /** Rows the run will deliver as far as known now (capped at 100,000 unless keyset). */
  expectedRows: number;
}

export interface SuiteQLSummary {
  rowsDelivered: number;
  totalResults: number;
  pagesDelivered: number;
  /** Keyset chunks run (1 otherwise). */
  chunks: number;
  /** True when NetSuite's 100,000-row cap left rows undelivered. */
  truncated: boolean;
  notice?: string;
}

export interface SuiteQLPage {
  rows: SuiteQLRow[];
  offset: number;
  totalResults: number;
  hasMore: boolean;
}

export class SuiteQLRunner {
  constructor(private readonly http: NetSuiteHttpClient) {}

  /** One page: the notebook's first look and "more rows" on demand. */
  async page(query: string, offset: number, options: SuiteQLPageOptions = {}): Promise<SuiteQLPage> {
    const pageSize = checkedPageSize(options.pageSize);
    if (!Number.isInteger(offset) || offset < 0 || offset % pageSize !== 0) {
      throw invalidQuery(`offset must be a multiple of the page size (${pageSize}), got ${offset}`);
    }
    if (offset >= suiteQLRowCap) throw invalidQuery(capDetail(offset));
    const response = await this.http.request({
      method: 'POST',
      path: 'query/v1/suiteql',
      query: { limit: pageSize, offset },
      headers: { Prefer: 'transient' },
      body: { q: checkedQuery(query) },
      safety: 'idempotent',
      signal: options.signal,
    });
    const body = (typeof response.body === 'object' && response.body !== null ? response.body : {}) as Record<string, unknown>;
    if (!Array.isArray(body.items) || !Number.isFinite(Number(body.totalResults ?? Number.NaN))) {
      throw notASuiteQLPageError(response.status, response.body, 'POST query/v1/suiteql');
    }
    const items = body.items as unknown[];
    const dateFormat = options.dateFormat ?? 'MM/DD/YYYY';
    return {
      rows: items.map((item) => typeRow(rawColumns(item), options.columnTypes, dateFormat)),
      offset,
      totalResults: typeof body.totalResults === 'number' ? body.totalResults : Number(body.totalResults ?? items.length),
      hasMore: body.hasMore === true,
    };
  }

  /** The query's true row count (one row, so NetSuite's cap does not apply to it). */
  async countRows(query: string, signal?: AbortSignal): Promise<number> {
    const page = await this.page(`SELECT COUNT(*) AS n FROM (${withoutFinalOrderBy(checkedQuery(query).replace(/;\s*$/, ''))})`, 0, { pageSize: 1, signal });
    const total = Number(page.rows[0]?.raw.n);
    if (!Number.isFinite(total)) throw invalidQuery('counting the rows gave no number');
    return total;
  }

  /** Every row of the query, in order, as an async stream. Single use. */
  run(query: string, options: SuiteQLRunOptions = {}): SuiteQLRun {
    return new SuiteQLRun(this, checkedQuery(query), { ...options, pageSize: checkedPageSize(options.pageSize) }, this.http.governor.maxLimit);
  }
}

export class SuiteQLRun implements AsyncIterable<SuiteQLRow> {
  readonly summary: SuiteQLSummary = { rowsDelivered: 0, totalResults: 0, pagesDelivered: 0, chunks: 0, truncated: false };
  private started = false;
  private readonly prefetch: number;

  constructor(
    private readonly runner: SuiteQLRunner,
    private readonly query: string,
    private readonly options: SuiteQLRunOptions & { pageSize: number },
    concurrencyLimit: number,
  ) {
    this.prefetch = options.mode === 'sequential' ? 1 : Math.max(1, options.prefetchPages ?? concurrencyLimit * 2);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<SuiteQLRow> {
    for await (const rows of this.pages()) {
      for (const row of rows) {
        // Cancelled mid-page: stop delivering at once, not after the rest of the page.
        if (this.options.signal?.aborted) throw cancelledError('SuiteQL query');
        yield row;
      }
    }
  }

  /** The rows page by page (cheaper for exports than row by row). */
  async *pages(): AsyncGenerator<SuiteQLRow[]> {
    if (this.started) throw new Error('A SuiteQL run can be iterated only once; start a new run.');
    this.started = true;
    const controller = new AbortController();
    const onAbort = (): void => controller.abort();
    this.options.signal?.addEventListener('abort', onAbort, { once: true });
    if (this.options.signal?.aborted) controller.abort();
    try {
      yield* this.options.keyset ? this.keysetPages(controller.signal, this.options.keyset.column.toLowerCase()) : this.chunkPages(this.query, controller.signal, 0);
    } finally {
      this.options.signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Pages of one query (one keyset chunk), fetched ahead in parallel, delivered in order. */
  private async *chunkPages(query: string, signal: AbortSignal, rowsBefore: number): AsyncGenerator<SuiteQLRow[]> {
    const pageOptions = { ...this.options, signal };
    const pageSize = this.options.pageSize;
    this.summary.chunks += 1;
    // Started page fetches; failures are observed when their turn comes (a catch keeps early ones from being "unhandled").
    const pending = new Map<number, Promise<SuiteQLPage>>();
    const fetchAbort = new AbortController();
    const stopFetches = (): void => fetchAbort.abort();
    signal.addEventListener('abort', stopFetches, { once: true });
    const fetchSignal = AbortSignal.any([signal, fetchAbort.signal]);
    // Every page fetched ahead listens to this signal while it waits for a slot and while it runs: at a Tier 1
    // account's 15 or a SuiteCloud Plus account's 65 that is more than Node's default of 10 listeners, which it
    // reports as a possible leak. They are removed as each fetch ends.
    setMaxListeners(Math.max(10, 4 * this.prefetch), fetchSignal);
    const start = (index: number): void => {
      const started = this.runner.page(query, index * pageSize, { ...pageOptions, signal: fetchSignal });
      started.catch(() => undefined);
      pending.set(index, started);
    };
    const unread: Promise<SuiteQLPage>[] = [];
    let next = 1;
    let capCheck: Promise<void> | undefined;
    try {
      // Page one is asked first: it is read first, and the governor lets requests out in the order they were made,
      // so behind a wave of 65 it would come back a whole round late.
      const firstPage = this.runner.page(query, 0, pageOptions);
      firstPage.catch(() => undefined);
      // A known total starts the first wave beside page one (see expectedRows).
      const hinted = rowsBefore === 0 && !this.options.keyset ? this.options.expectedRows : undefined;
      if (hinted !== undefined && hinted > pageSize) {
        const hintedPages = Math.ceil(Math.min(hinted, suiteQLRowCap) / pageSize);
        for (; next < hintedPages && next < this.prefetch; next += 1) start(next);
      }
      const first = await firstPage;
      this.summary.totalResults = rowsBefore + first.totalResults;
      const reachable = Math.min(first.totalResults, suiteQLRowCap);
      const pageCount = Math.max(1, Math.ceil(reachable / pageSize));
      // Whether the cap bites: NetSuite may report the true total, or (like the sandbox) cap `totalResults` itself,
      // in which case one COUNT(*) over the query — a single row, not capped — tells us.
      // The count waits until every page has been requested, so it takes a slot the last round leaves free
      // instead of one the pages need.
      const needsCapCheck = !this.options.keyset && first.totalResults === suiteQLRowCap;
      const startCapCheck = (): void => {
        capCheck ??= this.runner.countRows(query, signal).then(
          (total) => (total > suiteQLRowCap ? this.noteTruncation(total) : undefined),
          () => (signal.aborted ? undefined : this.noteTruncation(undefined)),
        );
      };
      if (!this.options.keyset && first.totalResults > suiteQLRowCap) this.noteTruncation(first.totalResults);
      // Pages started on a hint the real total does not reach are never read (the finally below stops them).
      for (const [index, page] of pending) {
        if (index < pageCount) continue;
        pending.delete(index);
        unread.push(page);
      }
      // Every page already asked for (a known total): the count goes out now, beside the pages' last round.
      if (needsCapCheck && next >= pageCount) startCapCheck();
      const agreement = new PagingAgreement(pageSize, first);
      yield this.deliver(first.rows, rowsBefore + reachable);
      // Every page the first total promises is read, even after an empty or short one (NetSuite's pages do not
      // always fill up); past them, pages are read one by one while the last one says more rows follow.
      let last = first;
      let emptyInARow = 0;
      for (let index = 1; index < pageCount || (saysMore(last) && emptyInARow < maxEmptyPagesInARow); index += 1) {
        if (index * pageSize >= suiteQLRowCap) break;
        const planned = Math.max(pageCount, index + 1);
        for (; next < planned && next < index + this.prefetch; next += 1) if (!pending.has(next)) start(next);
        // A page past the first total that was started on the hint and dropped: ask it again now it is wanted.
        if (!pending.has(index)) start(index);
        if (needsCapCheck && next >= pageCount) startCapCheck();
        const page = await pending.get(index)!;
        pending.delete(index);
        agreement.read(page);
        last = page;
        emptyInARow = page.rows.length === 0 ? emptyInARow + 1 : 0;
        if (page.rows.length > 0) yield this.deliver(page.rows, Math.max(rowsBefore + reachable, this.summary.rowsDelivered + page.rows.length));
      }
      const chunkRows = this.summary.rowsDelivered - rowsBefore;
      // More rows than the first total promised: the total grows to what came, so keyset mode sees a full chunk.
      if (chunkRows > first.totalResults) this.summary.totalResults = rowsBefore + chunkRows;
      if (needsCapCheck) startCapCheck();
      await capCheck;
      const atCap = last.offset + pageSize >= suiteQLRowCap;
      // Pages said more rows follow right up to the cap, with no total past it to count: more may exist.
      if (atCap && saysMore(last) && !this.summary.truncated && !needsCapCheck && !this.options.keyset) this.noteTruncation(undefined);
      const disagreement = agreement.problems(chunkRows, saysMore(last) && !atCap);
      if (disagreement) this.noteIncomplete(disagreement, chunkRows);
    } finally {
      // Consumer stopped, a page failed, or the run was cancelled: stop everything still queued or in flight,
      // and only return once it has stopped, so nothing keeps running behind the caller's back.
      signal.removeEventListener('abort', stopFetches);
      fetchAbort.abort();
      await Promise.allSettled([...pending.values(), ...unread, ...(capCheck ? [capCheck] : [])]);
    }
  }

  private async *keysetPages(signal: AbortSignal, column: string): AsyncGenerator<SuiteQLRow[]> {
    let last: string | undefined;
    for (;;) {
      const rowsBefore = this.summary.rowsDelivered;
      const chunkStartTotal = rowsBefore;
      for await (const rows of this.chunkPages(keysetQuery(this.query, column, last), signal, rowsBefore)) {
        for (const row of rows) {
          const key = row.raw[column];
          if (key === undefined) throw invalidQuery(`keyset mode needs every row to have a "${column}" value; select it in the query`);
          if (last !== undefined && compareKeys(key, last) <= 0) {
            throw invalidQuery(`keyset mode needs "${column}" to be unique and ordered, but ${key} came after ${last}`);
          }
          last = key;
        }
        yield rows;
      }
      const chunkTotal = this.summary.totalResults - chunkStartTotal;
      // A chunk that reached the cap (NetSuite may report the cap itself as the total) may have more behind it;
      // an empty chunk ends the walk.
      if (chunkTotal < suiteQLRowCap || this.summary.rowsDelivered === rowsBefore) return;
    }
  }

  private deliver(rows: SuiteQLRow[], expectedRows: number): SuiteQLRow[] {
    this.summary.rowsDelivered += rows.length;
    this.summary.pagesDelivered += 1;
    this.options.onProgress?.({
      rowsDelivered: this.summary.rowsDelivered,
      totalResults: this.summary.totalResults,
      pagesDelivered: this.summary.pagesDelivered,
      expectedRows,
    });
    return rows;
  }

  /** NetSuite's paging answers disagreed: the rows delivered may not be all of them, and the summary says so. */
  private noteIncomplete(problems: string, rows: number): void {
    const notice =
      `The result may be incomplete: NetSuite's pages disagreed (${problems}), and ${rows.toLocaleString('en-US')} rows were read. ` +
      'Run it again; if this recurs, narrow the query or select the id and use keyset mode.';
    this.summary.truncated = true;
    this.summary.notice = this.summary.notice ? `${this.summary.notice} ${notice}` : notice;
    this.options.onNotice?.(notice);
  }

  /** `totalResults` undefined: the query reached the cap and counting it failed, so more rows may exist. */
  private noteTruncation(totalResults: number | undefined): void {
    const cap = suiteQLRowCap.toLocaleString('en-US');
    const matches = totalResults === undefined ? `reached that cap and may match more` : `matches ${totalResults.toLocaleString('en-US')}`;
    const notice =
      `NetSuite returns at most ${cap} rows per SuiteQL query: this query ${matches}, so only the first ${cap} are included. ` +
      'Narrow the query, or select a unique id and use keyset mode to get them all.';
    if (totalResults !== undefined) this.summary.totalResults = totalResults;
    this.summary.truncated = true;
    this.summary.notice = notice;
    this.options.onNotice?.(notice);
  }
}

/** Empty pages that still say more rows follow, read one after another before the run stops and says so. */
const maxEmptyPagesInARow = 3;

/** Whether a page says rows follow it: `hasMore`, or a total its offset and rows do not reach. */
function saysMore(page: SuiteQLPage): boolean {
  return page.hasMore || page.offset + page.rows.length < Math.min(page.totalResults, suiteQLRowCap);
}

/**
 * Watches a run's pages for answers that disagree — a page short of the page size with rows after it, totals that
 * change between pages, a row count that is not the total — which offset paging cannot recover from silently.
 */
class PagingAgreement {
  private readonly shortPages: string[] = [];
  private readonly totals = new Set<number>();
  private previous: SuiteQLPage;

  constructor(
    private readonly pageSize: number,
    first: SuiteQLPage,
  ) {
    this.previous = first;
    this.totals.add(first.totalResults);
  }

  read(page: SuiteQLPage): void {
    // The page before this one was short, yet this one was asked for: rows NetSuite counted in between never came.
    this.noteShort(this.previous);
    this.totals.add(page.totalResults);
    this.previous = page;
  }

  /** A sentence of what disagreed, or undefined when the pages agree with each other and with `rows`. */
  problems(rows: number, lastSaysMore: boolean): string | undefined {
    const problems = [...this.shortPages];
    if (lastSaysMore) problems.push(`the last page read, at row ${(this.previous.offset + 1).toLocaleString('en-US')}, still said more rows followed`);
    const totals = [...this.totals];
    if (totals.length > 1) problems.push(`the total changed between pages: ${totals.map((total) => total.toLocaleString('en-US')).join(', ')}`);
    else if (rows !== Math.min(totals[0], suiteQLRowCap) && !lastSaysMore) {
      problems.push(`NetSuite reported ${totals[0].toLocaleString('en-US')} rows but sent ${rows.toLocaleString('en-US')}`);
    }
    return problems.length > 0 ? problems.join('; ') : undefined;
  }

  private noteShort(page: SuiteQLPage): void {
    if (page.rows.length >= this.pageSize) return;
    const from = (page.offset + 1).toLocaleString('en-US');
    const to = (page.offset + this.pageSize).toLocaleString('en-US');
    this.shortPages.push(`rows ${from}–${to} came as ${page.rows.length.toLocaleString('en-US')} rows${page.hasMore ? ' though NetSuite said more followed' : ''}`);
  }
}

/** The query of one keyset chunk: rows after `last`, ordered by the key. */
export function keysetQuery(query: string, column: string, last: string | undefined): string {
  if (!/^[a-z_][a-z0-9_]*$/i.test(column)) throw invalidQuery(`"${column}" is not a plain column name`);
  const inner = query.trim().replace(/;\s*$/, '');
  const after = last === undefined ? '' : ` WHERE ${column} > ${/^-?\d+(\.\d+)?$/.test(last) ? last : `'${last.replace(/'/g, "''")}'`}`;
  return `SELECT * FROM (${inner})${after} ORDER BY ${column}`;
}

/** Drops a trailing top-level `ORDER BY …` (a count does not need the sort, and sorting 100,000 rows is not free). */
export function withoutFinalOrderBy(query: string): string {
  const match = /\border\s+by\b(?![\s\S]*\border\s+by\b)([\s\S]*)$/i.exec(query);
  if (!match) return query;
  const tail = match[1];
  // Only when the ORDER BY is the last clause of the outer query: no closing parenthesis or row limit after it.
  if (/[()]|\b(fetch|offset|limit)\b/i.test(tail)) return query;
  return query.slice(0, match.index).trimEnd();
}

function compareKeys(a: string, b: string): number {
  const numeric = /^-?\d+(\.\d+)?$/;
  if (numeric.test(a) && numeric.test(b)) return Number(a) - Number(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A SuiteQL item without its `links`, with lower-case column names and string values (as NetSuite documents), in
 * the order NetSuite sent them. A new object, not the parsed one reshaped: deleting keys puts an object in V8's slow
 * dictionary mode, which made an export's 100,000 rows cost over twice as much (parse, reshape and GC together).
 */
function rawColumns(item: unknown): Record<string, string> {
  const row: Record<string, string> = {};
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return row;
  for (const key in item) {
    if (key === 'links' || !Object.hasOwn(item, key)) continue;
    const value = (item as Record<string, unknown>)[key];
    if (value === null || value === undefined) continue;
    const column = key.toLowerCase();
    const text = typeof value === 'string' ? value : String(value);
    // A column aliased `__proto__` is a column, not this object's prototype.
    if (column === '__proto__') Object.defineProperty(row, column, { value: text, enumerable: true, writable: true, configurable: true });
    else row[column] = text;
  }
  return row;
}

function checkedPageSize(pageSize: number | undefined): number {
  const size = pageSize ?? maxPageSize;
  if (!Number.isInteger(size) || size < 1 || size > maxPageSize) throw invalidQuery(`page size must be 1 to ${maxPageSize}, got ${size}`);
  return size;
}

function checkedQuery(query: string): string {
  const trimmed = query.trim();
  if (trimmed === '') throw invalidQuery('the query is empty');
  return trimmed;
}

function capDetail(offset: number): string {
  return `offset ${offset} is beyond NetSuite's ${suiteQLRowCap.toLocaleString('en-US')}-row cap for one query; use keyset mode to read further`;
}

function invalidQuery(detail: string): NetSuiteError {
  return new NetSuiteError({
    kind: 'invalid',
    message: `Invalid SuiteQL request: ${detail}`,
    details: [{ detail, errorQueryParam: 'q' }],
    advice: 'Correct the query or its options and run it again.',
  });
}
