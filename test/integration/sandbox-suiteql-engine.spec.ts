import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxRole } from '../../src/sandbox/model/seams';
import { createSuiteQLEngine, SuiteQLQueryError, type SandboxSuiteQLEngine } from '../../src/sandbox/suiteql/engine';
import { awkwardComment, createFixtureDatabase, fixtureTables, insertRecords } from './sandbox-suiteql.fixture';

const admin: SandboxRole = { id: '3', name: 'Administrator', permissions: { '*': 'full' } };
const narrow: SandboxRole = { id: '1001', name: 'Narrow', permissions: { customer: 'edit', contact: 'view', subsidiary: 'view', '*': 'none' } };

let db: PGlite;
let engine: SandboxSuiteQLEngine;

/** A page's items read back as rows (each item's `links: []` first, checked and left out). */
async function page(query: string, options: { limit?: number; offset?: number; role?: SandboxRole; engine?: SandboxSuiteQLEngine } = {}) {
  const { count, itemsJson, totalResults } = await (options.engine ?? engine).runPage(query, { limit: options.limit ?? 1000, offset: options.offset ?? 0, role: options.role ?? admin });
  const items = JSON.parse(`[${itemsJson.toString('utf8')}]`) as Record<string, unknown>[];
  expect(items).toHaveLength(count);
  const rows = items.map((item) => {
    expect(Object.keys(item)[0]).toBe('links');
    expect(item.links).toEqual([]);
    const { links: _links, ...row } = item;
    return row as Record<string, string>;
  });
  return { rows, totalResults };
}

async function refusal(query: string, options: Parameters<typeof page>[1] = {}): Promise<SuiteQLQueryError> {
  try {
    await page(query, options);
  } catch (error) {
    if (error instanceof SuiteQLQueryError) return error;
    throw error;
  }
  throw new Error(`expected ${query} to be refused`);
}

beforeAll(async () => {
  db = await createFixtureDatabase();
  engine = createSuiteQLEngine({ db, tables: fixtureTables });
}, 120_000);

afterAll(async () => {
  await engine.close();
  await db.close();
});

describe('values as NetSuite renders them', () => {
  it('strings only, T/F checkboxes, numbers without trailing zeros, dates in the user format, NULLs omitted', async () => {
    const { rows, totalResults } = await page(
      'SELECT id, companyname AS CompanyName, email, isinactive, creditlimit, startdate, datecreated, BUILTIN.DF(subsidiary) AS subsidiary FROM customer ORDER BY id',
    );
    expect(totalResults).toBe(3);
    expect(rows[0]).toEqual({
      id: '100',
      companyname: "O'Brien & Sons",
      email: 'obrien@example.com',
      isinactive: 'F',
      creditlimit: '1500.5',
      startdate: '2/3/2024',
      datecreated: '1/15/2024 9:05 am',
      subsidiary: 'Parent Company',
    });
    // Zoë has no email: the key is absent, not null.
    expect(rows[1]).toEqual({ id: '101', companyname: 'Zoë Ltd', isinactive: 'T', creditlimit: '20', datecreated: '1/15/2024 9:05 am', subsidiary: 'Europe' });
    expect(rows[2].companyname).toBe('<img src=x onerror=alert(1)>');
  });

  it('keeps commas, quotes, parentheses, backslashes and newlines in values intact', async () => {
    const { rows } = await page('SELECT comments FROM customer WHERE id = 100');
    expect(rows).toEqual([{ comments: awkwardComment }]);
  });

  it('renders dates in a configured preference and Postgres booleans as T/F', async () => {
    const european = createSuiteQLEngine({ db, tables: fixtureTables, dateFormat: 'DD.MM.YYYY', timeFormat: 'HH:mm' });
    const { rows } = await page("SELECT startdate, datecreated, id = 100 AS isfirst, 'x' || NULL AS nothing FROM customer WHERE id = 100", { engine: european });
    expect(rows).toEqual([{ startdate: '03.02.2024', datecreated: '15.01.2024 09:05', isfirst: 'T', nothing: 'x' }]);
    await european.close();
  });

  it('names unaliased expressions exprN', async () => {
    const { rows } = await page('SELECT COUNT(*), MAX(creditlimit) FROM customer');
    expect(rows).toEqual([{ expr1: '3', expr2: '1500.5' }]);
  });
});

describe('errors in NetSuite wording', () => {
  it('unknown column lists the available identifiers', async () => {
    expect((await refusal('SELECT not_existing_field FROM customer')).detail).toBe(
      "Invalid search query. Detailed unprocessed description follows. Search error occurred: Unknown identifier 'not_existing_field'. Available identifiers are: {customer=customer}.",
    );
    expect((await refusal('SELECT t.subsidiary FROM transaction t')).detail).toBe(
      "Invalid search query. Detailed unprocessed description follows. Search error occurred: Unknown identifier 't.subsidiary'. Available identifiers are: {t=transaction}.",
    );
  });

  it('unknown table is an invalid search type', async () => {
    const error = await refusal('SELECT * FROM transactiontablethatdoesnotexist');
    expect(error.detail).toBe('Invalid search query. Detailed unprocessed description follows. Invalid search type: transactiontablethatdoesnotexist.');
    expect(error.queryParam).toBe('q');
  });

  it('a query Postgres cannot run is an unsupported search', async () => {
    expect((await refusal("SELECT id FROM customer WHERE id = 'abc'")).detail).toBe(
      'Invalid search query. Detailed unprocessed description follows. Search error occurred: Invalid or unsupported search.',
    );
  });
});

describe('roles', () => {
  it("a table the role may not view does not exist for it: Record 'x' was not found", async () => {
    for (const query of ['SELECT id FROM vendor', 'SELECT c.id FROM customer c JOIN transaction t ON t.entity = c.id', 'SELECT id FROM customer WHERE id IN (SELECT entity FROM transaction)']) {
      const error = await refusal(query, { role: narrow });
      expect(error.detail).toMatch(/^Invalid search query\. Detailed unprocessed description follows\. Search error occurred: Record '(vendor|transaction)' was not found\.$/);
    }
  });

  it('a shared table shows only the rows of record types the role may view', async () => {
    const { rows } = await page('SELECT id, type FROM entity ORDER BY id', { role: narrow });
    expect(rows).toEqual([
      { id: '100', type: 'CustJob' },
      { id: '101', type: 'CustJob' },
      { id: '102', type: 'CustJob' },
    ]);
    const all = await page('SELECT id FROM entity', { role: admin });
    expect(all.totalResults).toBe(5);
  });
});

describe('paging', () => {
  it('pages concatenate to the full ordered result, later pages from one cursor', async () => {
    const query = 'SELECT id, entityid FROM entity ORDER BY id';
    const pages = [];
    for (let offset = 0; offset < 5; offset += 2) pages.push(await page(query, { limit: 2, offset }));
    expect(pages.map((p) => p.totalResults)).toEqual([5, 5, 5]);
    expect(pages.flatMap((p) => p.rows.map((row) => row.id))).toEqual(['10', '100', '101', '102', '200']);
    expect(engine.stats()).toEqual({ cursors: 1, cursorRows: 5 });
  });

  it('a page past the end is empty', async () => {
    expect(await page('SELECT id FROM customer', { limit: 2, offset: 4 })).toEqual({ rows: [], totalResults: 3 });
  });

  it('caps results: totalResults stops at the cap, and paging past it is refused on offset', async () => {
    const capped = createSuiteQLEngine({ db, tables: fixtureTables, maxResults: 4 });
    const first = await page('SELECT id FROM entity ORDER BY id', { limit: 2, engine: capped });
    expect(first.totalResults).toBe(4);
    const second = await page('SELECT id FROM entity ORDER BY id', { limit: 2, offset: 2, engine: capped });
    expect(second.rows.map((row) => row.id)).toEqual(['101', '102']);
    const error = await refusal('SELECT id FROM entity ORDER BY id', { limit: 2, offset: 4, engine: capped });
    expect(error.queryParam).toBe('offset');
    expect(error.detail).toContain('at most 4 results');
    await capped.close();
  });

  it('a result larger than work_mem keeps the query order in the cursor and in direct pages', async () => {
    // The items are aggregated in the order the query yields them (no re-sort inside string_agg), so a result whose
    // own sort spills to disk and runs against the physical order must still page back in the query's order.
    const own = await createFixtureDatabase();
    await own.exec(`INSERT INTO customer (id, entityid, companyname) SELECT n + 1000, 'BULK' || n, repeat(md5(n::text), 8) FROM generate_series(1, 30000) AS n`);
    const bulk = createSuiteQLEngine({ db: own, tables: fixtureTables });
    const query = "SELECT id, companyname FROM customer WHERE entityid LIKE 'BULK%' ORDER BY companyname DESC, id";
    const expected = (await own.query<{ id: number; companyname: string }>(`SELECT id, companyname FROM customer WHERE entityid LIKE 'BULK%' ORDER BY companyname DESC, id`)).rows;
    const ids: string[] = [];
    for (let offset = 0; offset < expected.length; offset += 1000) {
      const { rows, totalResults } = await page(query, { offset, engine: bulk });
      expect(totalResults).toBe(expected.length);
      ids.push(...rows.map((row) => row.id));
      if (offset === 1000) expect(rows[0]).toEqual({ id: String(expected[1000].id), companyname: expected[1000].companyname });
    }
    expect(ids).toEqual(expected.map((row) => String(row.id)));
    await bulk.close();
    await own.close();
  }, 120_000);

  it('invalidate() makes the next page see a write; evicted and closed cursors are dropped', async () => {
    const isolated = createSuiteQLEngine({ db, tables: fixtureTables, cache: { maxEntries: 1 } });
    const query = "SELECT id FROM customer WHERE entityid LIKE 'CUST%' ORDER BY id";
    await page(query, { limit: 1, engine: isolated });
    await page(query, { limit: 1, offset: 1, engine: isolated });
    expect(isolated.stats()).toEqual({ cursors: 1, cursorRows: 3 });
    await insertRecords(db, [
      { type: 'customer', id: '103', fields: { id: '103', entityId: 'CUST103', companyName: 'Late Co', subsidiary: { id: '1' } }, sublists: {}, createdDate: '2024-01-01T00:00:00Z', lastModifiedDate: '2024-01-01T00:00:00Z' },
    ]);
    // The cursor holds the result as it was until the engine is told about the write.
    expect((await page(query, { limit: 1, offset: 2, engine: isolated })).totalResults).toBe(3);
    isolated.invalidate();
    expect(await page(query, { limit: 1, offset: 3, engine: isolated })).toEqual({ rows: [{ id: '103' }], totalResults: 4 });
    // maxEntries 1: another query's cursor replaces this one's.
    await page('SELECT id FROM entity ORDER BY id', { limit: 1, offset: 1, engine: isolated });
    expect(isolated.stats()).toEqual({ cursors: 1, cursorRows: 6 });
    await isolated.close();
    expect(isolated.stats()).toEqual({ cursors: 0, cursorRows: 0 });
    await db.exec('DELETE FROM customer WHERE id = 103; DELETE FROM entity WHERE id = 103;');
  });
});
