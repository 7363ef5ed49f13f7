/**
 * Pages whose sizes, `hasMore` and `totalResults` disagree (the sandbox's paging quirks, served over real HTTP): the
 * run reads on while NetSuite says more rows follow, and never reports a result complete that may not be.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetSuiteClient } from '../../src/netsuite/client';
import type { SuiteQLRunOptions } from '../../src/netsuite/suiteql';
import { rowsBeyondCap } from '../../src/app/notebook/exportCap';
import { exportDoneMessage } from '../../src/app/notebook/exportWriter';
import { setUpClient, type ClientSetup } from './client-sandbox';

let setup: ClientSetup;
let client: NetSuiteClient;
let customerCount: number;

// Each quirk applies to the queries holding its marker; the markers change no result.
const shortFirstPage = 'SELECT id FROM customer WHERE id > -1 ORDER BY id';
const emptyMiddlePage = 'SELECT id FROM customer WHERE id > -2 ORDER BY id';
const underReportedTotal = 'SELECT id FROM customer WHERE id > -3 ORDER BY id';
const emptyPagesSayingMore = 'SELECT id FROM customer WHERE id > -4 ORDER BY id';

beforeAll(async () => {
  setup = await setUpClient({
    suiteqlPagingQuirks: [
      { queryContains: 'id > -1', rowsAtOffset: { 0: 48 } },
      { queryContains: 'id > -2', rowsAtOffset: { 100: 0 } },
      { queryContains: 'id > -3', reportedTotal: 100 },
      { queryContains: 'id > -4', rowsAtOffset: { 100: 0, 150: 0, 200: 0 }, reportedTotal: 100 },
      { queryContains: 'id > -5', reportedTotal: 100_000 },
    ],
  });
  client = setup.client();
  customerCount = Number((await client.queryPage('SELECT COUNT(*) AS n FROM customer')).rows[0].raw.n);
});

afterAll(async () => {
  await setup?.stop();
});

async function readAll(query: string, options: SuiteQLRunOptions = {}) {
  const run = client.query(query, { pageSize: 50, ...options });
  const ids: string[] = [];
  for await (const row of run) ids.push(row.raw.id);
  return { ids, summary: run.summary };
}

describe('SuiteQL paging when NetSuite\u2019s pages disagree', () => {
  it('reads every page after a short first page, and says rows are missing', async () => {
    expect(customerCount).toBeGreaterThan(250);
    for (const mode of ['parallel', 'sequential'] as const) {
      const { ids, summary } = await readAll(shortFirstPage, { mode });
      expect(ids).toHaveLength(customerCount - 2);
      expect(summary.truncated).toBe(true);
      expect(summary.notice).toContain('may be incomplete');
      expect(summary.notice).toContain('rows 1–50 came as 48 rows');
      // The export's closing message warns instead of claiming the count.
      const done = exportDoneMessage(ids.length, 'out.csv', summary);
      expect(done.complete).toBe(false);
      expect(done.text).toContain('Not every row of the query is in it');
    }
  });

  it('reads past an empty middle page, and says rows are missing', async () => {
    const { ids, summary } = await readAll(emptyMiddlePage, { expectedRows: customerCount });
    expect(ids).toHaveLength(customerCount - 50);
    expect(new Set(ids).size).toBe(ids.length);
    expect(summary.truncated).toBe(true);
    expect(summary.notice).toContain('rows 101–150 came as 0 rows');
  });

  it('reads on while hasMore is true though the total says it is done, and does not claim the total', async () => {
    for (const expectedRows of [undefined, 100, customerCount]) {
      const { ids, summary } = await readAll(underReportedTotal, { expectedRows });
      expect(ids).toHaveLength(customerCount);
      expect(new Set(ids).size).toBe(customerCount);
      expect(summary.truncated).toBe(true);
      expect(summary.notice).toContain(`NetSuite reported 100 rows but sent ${customerCount.toLocaleString('en-US')}`);
    }
  });

  it('stops after empty pages that keep saying more rows follow, and says so', async () => {
    const { ids, summary } = await readAll(emptyPagesSayingMore);
    expect(ids).toHaveLength(100);
    expect(summary.truncated).toBe(true);
    expect(summary.notice).toContain('still said more rows followed');
  });

  it('keeps a consistent result complete', async () => {
    const { ids, summary } = await readAll('SELECT id FROM customer ORDER BY id', { expectedRows: customerCount });
    expect(ids).toHaveLength(customerCount);
    expect(summary).toMatchObject({ truncated: false, rowsDelivered: customerCount });
    expect(summary.notice).toBeUndefined();
    expect(exportDoneMessage(ids.length, 'out.csv', summary)).toEqual({ text: `Exported ${customerCount.toLocaleString('en-US')} rows to out.csv.`, complete: true });
  });

  it('confirms a total of exactly the cap with a count before offering the keyset mode', async () => {
    const query = 'SELECT id FROM customer WHERE id > -5';
    const first = await client.queryPage(query, 0, { pageSize: 1 });
    expect(first.totalResults).toBe(100_000);
    const since = setup.sandbox.requestLog.lastSeq;
    // The count says the query has far fewer rows than the cap: no question to ask.
    expect(await rowsBeyondCap(first.totalResults, () => client.countRows(query))).toBeUndefined();
    expect(setup.sandbox.requestLog.list({ since, method: 'POST' })).toHaveLength(1);
    // A count that fails leaves the question open rather than hiding it.
    expect(await rowsBeyondCap(first.totalResults, () => client.countRows('SELECT nosuchcolumn FROM customer'))).toEqual({ total: undefined });
    expect(await rowsBeyondCap(100_001, () => Promise.reject(new Error('not asked')))).toEqual({ total: 100_001 });
  });
});
