import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suiteQLCompatFunctionsSql } from '../../src/sandbox/suiteql/compatSql';
import { SuiteQLQueryError } from '../../src/sandbox/suiteql/errors';
import { translateSuiteQL } from '../../src/sandbox/suiteql/translate';
import { createFixtureDatabase, fixtureTables } from './sandbox-suiteql.fixture';

const sqlOf = (query: string) => translateSuiteQL(query, { tables: fixtureTables }).sql;

let db: PGlite;

/** Translates and runs on the real PGlite fixture; rows as Postgres returns them. */
async function run(query: string): Promise<Record<string, unknown>[]> {
  return (await db.query<Record<string, unknown>>(sqlOf(query))).rows;
}

function refusal(query: string): string {
  try {
    sqlOf(query);
  } catch (error) {
    if (error instanceof SuiteQLQueryError) return error.detail;
    throw error;
  }
  throw new Error(`expected ${query} to be refused`);
}

beforeAll(async () => {
  db = await createFixtureDatabase();
  await db.exec(suiteQLCompatFunctionsSql);
}, 120_000);

afterAll(async () => {
  await db.close();
});

describe('row limiting', () => {
  it('turns ROWNUM in WHERE into a LIMIT, keeping the other conditions', async () => {
    expect(sqlOf("SELECT id FROM customer WHERE isinactive = 'F' AND ROWNUM <= 1")).toBe("SELECT id FROM customer WHERE isinactive = 'F' LIMIT 1");
    expect(await run("SELECT id FROM customer WHERE isinactive = 'F' AND ROWNUM <= 1 ORDER BY id")).toEqual([{ id: 100 }]);
    expect(await run('SELECT id FROM customer WHERE ROWNUM < 3 ORDER BY id')).toHaveLength(2);
  });

  it('applies ROWNUM before sorting and aggregating, as Oracle does', async () => {
    expect(sqlOf("SELECT c.id FROM customer c WHERE c.isinactive = 'F' AND ROWNUM <= 1 ORDER BY c.id DESC")).toBe(
      "SELECT c.id FROM (SELECT * FROM customer AS c WHERE c.isinactive = 'F' LIMIT 1) AS c ORDER BY c.id desc",
    );
    expect(await run('SELECT COUNT(*) AS n FROM customer WHERE ROWNUM <= 2')).toEqual([{ n: 2 }]);
    expect(await run('SELECT id FROM (SELECT id FROM customer ORDER BY id) WHERE ROWNUM <= 1 ORDER BY id DESC')).toEqual([{ id: 100 }]);
  });

  it('keeps Oracle semantics for ROWNUM conditions that can never hold', async () => {
    expect(await run('SELECT id FROM customer WHERE ROWNUM > 1')).toEqual([]);
  });

  it('serves the classic nested ROWNUM paging pattern', async () => {
    const query = 'SELECT * FROM (SELECT a.*, ROWNUM rn FROM (SELECT id, companyname FROM customer ORDER BY id) a WHERE ROWNUM <= 3) WHERE rn > 1';
    expect(sqlOf(query)).toContain('row_number() OVER () AS rn');
    const rows = await run(query);
    expect(rows.map((row) => [row.id, Number(row.rn)])).toEqual([
      [101, 2],
      [102, 3],
    ]);
  });

  it('supports SELECT TOP n and FETCH FIRST n ROWS ONLY', async () => {
    expect(await run('SELECT TOP 2 id FROM customer ORDER BY id DESC')).toEqual([{ id: 102 }, { id: 101 }]);
    expect(await run('SELECT id FROM customer ORDER BY id FETCH FIRST 1 ROWS ONLY')).toEqual([{ id: 100 }]);
    expect(await run('SELECT id FROM customer ORDER BY id OFFSET 1 ROWS FETCH NEXT 1 ROWS ONLY')).toEqual([{ id: 101 }]);
  });

  it('numbers rows with ROWNUM in the select list', async () => {
    expect(await run('SELECT ROWNUM, id FROM customer WHERE id > 100 ORDER BY id')).toEqual([
      { rownum: 1, id: 101 },
      { rownum: 2, id: 102 },
    ]);
  });
});

describe('BUILTIN functions', () => {
  it('BUILTIN.DF shows the referenced record name, the list label, or the value', async () => {
    const rows = await run(
      'SELECT BUILTIN.DF(c.subsidiary) AS sub, BUILTIN.DF(c.emailpreference) pref, BUILTIN.DF(c.salesrep) rep, BUILTIN.DF(c.companyname) AS name FROM customer c WHERE c.id = 100',
    );
    expect(rows).toEqual([{ sub: 'Parent Company', pref: 'PDF', rep: 'Ann Rep', name: "O'Brien & Sons" }]);
  });

  it('BUILTIN.DF resolves unqualified columns, transaction types and entities of any kind', async () => {
    const rows = await run('SELECT tranid, BUILTIN.DF(type) AS typename, BUILTIN.DF(entity) AS who FROM transaction ORDER BY id');
    expect(rows).toEqual([
      { tranid: 'SO1000', typename: 'Sales Order', who: 'CUST100' },
      { tranid: 'BILL1001', typename: 'Bill', who: 'VEND200' },
    ]);
  });

  it('BUILTIN.CF gives the raw value', async () => {
    expect(await run('SELECT BUILTIN.CF(emailpreference) AS pref FROM customer WHERE id = 100')).toEqual([{ pref: 'PDF' }]);
  });

  it('refuses BUILTIN functions that need NetSuite accounting', () => {
    expect(refusal("SELECT BUILTIN.CONSOLIDATE(foreigntotal, 'LEDGER') FROM transaction")).toContain('Invalid or unsupported search');
  });
});

describe('Oracle functions', () => {
  it('NVL, NVL2 and DECODE (which matches NULL to NULL)', async () => {
    const rows = await run(
      "SELECT id, NVL(email, 'none') AS mail, NVL2(email, 'has', 'lacks') AS has, DECODE(email, NULL, 'null!', 'obrien@example.com', 'ob', 'other') AS d FROM customer WHERE id IN (100, 101) ORDER BY id",
    );
    expect(rows).toEqual([
      { id: 100, mail: 'obrien@example.com', has: 'has', d: 'ob' },
      { id: 101, mail: 'none', has: 'lacks', d: 'null!' },
    ]);
  });

  it('TO_CHAR, TO_DATE, TO_NUMBER, TRUNC, ADD_MONTHS, LAST_DAY', async () => {
    const rows = await run(
      "SELECT TO_CHAR(trandate, 'YYYY-MM-DD') AS d, TO_CHAR(ADD_MONTHS(trandate, 1), 'YYYY-MM-DD') AS next, TO_CHAR(LAST_DAY(trandate), 'DD') AS last, TO_NUMBER('12.5') + 1 AS n, TRUNC(17.89) AS t, TO_CHAR(TRUNC(createddate), 'HH24:MI') AS midnight, TO_CHAR(TRUNC(trandate, 'MM'), 'YYYY-MM-DD') AS month FROM transaction WHERE trandate >= TO_DATE('2024-03-01', 'YYYY-MM-DD') AND trandate < TO_DATE('03/02/2024 10:00', 'MM/DD/YYYY HH24:MI')",
    );
    expect(rows).toEqual([{ d: '2024-03-01', next: '2024-04-01', last: '31', n: '13.5', t: '17', midnight: '00:00', month: '2024-03-01' }]);
  });

  it('SUBSTR and INSTR with Oracle positions, || and LENGTH', async () => {
    const rows = await run(
      "SELECT SUBSTR(entityid, 1, 4) AS head, SUBSTR(entityid, -3) AS tail, SUBSTR(entityid, 0, 2) AS zero, INSTR(entityid, 'U') AS u, INSTR('a-b-c', '-', 1, 2) AS second, INSTR('a-b-c', '-', -1) AS lastdash, entityid || '/' || id AS joined, LENGTH(entityid) AS len FROM customer WHERE id = 100",
    );
    expect(rows).toEqual([{ head: 'CUST', tail: '100', zero: 'CU', u: 2, second: 4, lastdash: 4, joined: 'CUST100/100', len: 7 }]);
  });

  it('|| treats NULL as an empty string, as Oracle does', async () => {
    expect(sqlOf("SELECT firstname || ' ' || lastname AS name FROM employee WHERE 'a' || email = 'a'")).toBe(
      "SELECT concat(firstname, ' ', lastname) AS name FROM employee WHERE concat('a', email) = 'a'",
    );
    expect(await run("SELECT 'x' || email || id AS joined FROM customer WHERE id = 101")).toEqual([{ joined: 'x101' }]);
  });

  it('Oracle arithmetic: exact division and days added to or taken from a date-time', async () => {
    const rows = await run(
      "SELECT 1 / 4 AS quarter, COUNT(*) / 2 AS half, TO_CHAR(TO_DATE('2024-03-01 10:00', 'YYYY-MM-DD HH24:MI') - 1, 'YYYY-MM-DD HH24:MI') AS before, TO_CHAR(TRUNC(SYSDATE) + 0.5, 'HH24') AS noon FROM customer",
    );
    expect(rows).toEqual([{ quarter: '0.25000000000000000000', half: '1.5000000000000000', before: '2024-02-29 10:00', noon: '12' }]);
  });

  it('SYSDATE and CURRENT_DATE from DUAL', async () => {
    const rows = await run("SELECT TO_CHAR(SYSDATE, 'YYYY') AS y, CURRENT_DATE - CURRENT_DATE AS zero, 'Hello, world!' AS message FROM DUAL");
    expect(rows).toEqual([{ y: String(new Date().getUTCFullYear()), zero: 0, message: 'Hello, world!' }]);
  });

  it('LISTAGG … WITHIN GROUP and CAST to Oracle types', async () => {
    expect(await run("SELECT LISTAGG(entityid, ',') WITHIN GROUP (ORDER BY id) AS ids, CAST(COUNT(*) AS VARCHAR2(10)) AS n FROM customer")).toEqual([
      { ids: 'CUST100,CUST101,CUST102', n: '3' },
    ]);
  });
});

describe('syntax', () => {
  it('identifiers are case-insensitive, quoted ones too', async () => {
    expect(await run('SELECT "ID", CompanyName FROM "CUSTOMER" WHERE Id = 101')).toEqual([{ id: 101, companyname: 'Zoë Ltd' }]);
  });

  it('checkboxes compare with T/F; <> and != both work', async () => {
    expect(await run("SELECT id FROM customer WHERE isinactive = 'T'")).toEqual([{ id: 101 }]);
    expect(await run("SELECT id FROM customer WHERE isinactive != 'T' AND id <> 100")).toEqual([{ id: 102 }]);
  });

  it('string literals with doubled quotes, and comments outside strings only', async () => {
    expect(await run("SELECT id FROM customer /* block */ WHERE companyname = 'O''Brien & Sons' -- trailing")).toEqual([{ id: 100 }]);
    expect(await run("SELECT '--not a comment' AS s FROM dual")).toEqual([{ s: '--not a comment' }]);
  });

  it('Oracle (+) outer joins become LEFT JOINs', async () => {
    const query = 'SELECT c.id, e.entityid FROM customer c, employee e WHERE c.salesrep = e.id(+) ORDER BY c.id';
    expect(sqlOf(query)).toBe('SELECT c.id, e.entityid FROM customer AS c LEFT JOIN employee AS e ON c.salesrep = e.id ORDER BY c.id');
    expect(await run(query)).toEqual([{ id: 100, entityid: 'Ann Rep' }, { id: 101, entityid: null }, { id: 102, entityid: null }]);
  });

  it('ANSI joins, sub-queries, GROUP BY/HAVING and MINUS', async () => {
    const rows = await run(
      "SELECT t.tranid, COUNT(*) AS lines, SUM(l.foreignamount) AS amount FROM transaction t INNER JOIN transactionline l ON l.transaction = t.id WHERE l.mainline = 'F' AND t.entity IN (SELECT id FROM customer) GROUP BY t.tranid HAVING COUNT(*) > 1",
    );
    expect(rows).toEqual([{ tranid: 'SO1000', lines: 2, amount: '250' }]);
    expect(await run('SELECT id FROM customer MINUS SELECT id FROM customer WHERE id > 100')).toEqual([{ id: 100 }]);
  });

  it('WITH clauses define tables the query may read', async () => {
    expect(await run('WITH big AS (SELECT id FROM customer WHERE creditlimit > 100) SELECT b.id FROM big b')).toEqual([{ id: 100 }]);
  });

  it('counts without sorting: the count statement drops the top-level ORDER BY only', () => {
    const translation = translateSuiteQL('SELECT id FROM customer WHERE id IN (SELECT id FROM customer ORDER BY id FETCH FIRST 2 ROWS ONLY) ORDER BY id DESC', { tables: fixtureTables });
    expect(translation.countSql).toBe('SELECT id FROM customer WHERE id in (SELECT id FROM customer ORDER BY id LIMIT 2)');
  });

  it('names unaliased expressions exprN as NetSuite does', async () => {
    expect(sqlOf('SELECT COUNT(*), MAX(id) FROM customer')).toBe('SELECT count(*) AS expr1, max(id) AS expr2 FROM customer');
  });

  it('transactionline carries the main line with the body fields NetSuite keeps there', async () => {
    expect(await run("SELECT transaction, BUILTIN.DF(subsidiary) AS sub FROM transactionline WHERE mainline = 'T' ORDER BY transaction")).toEqual([
      { transaction: 1000, sub: 'Parent Company' },
      { transaction: 1001, sub: 'Parent Company' },
    ]);
  });
});

describe('query shapes found in public SuiteQL libraries', () => {
  const shapes = [
    "SELECT Transaction.TranID, Transaction.TranDate, BUILTIN.DF( Transaction.Entity ) AS Customer, Transaction.ForeignTotal FROM Transaction WHERE ( Transaction.Type = 'SalesOrd' ) AND ( Transaction.TranDate >= TO_DATE( '2024-01-01', 'YYYY-MM-DD' ) ) ORDER BY Transaction.TranDate DESC",
    "SELECT TransactionLine.Transaction, BUILTIN.DF( TransactionLine.Item ) AS ItemName, TransactionLine.Quantity FROM TransactionLine INNER JOIN Transaction ON ( Transaction.ID = TransactionLine.Transaction ) WHERE ( TransactionLine.MainLine = 'F' )",
    "SELECT t.id, NVL(t.memo, '-') memo, CASE WHEN t.foreigntotal > 100 THEN 'big' ELSE 'small' END AS size FROM transaction t WHERE t.trandate BETWEEN TO_DATE('01/01/2024','MM/DD/YYYY') AND SYSDATE",
    "SELECT TO_CHAR(trandate, 'YYYY-MM') AS month, SUM(foreigntotal) AS total FROM transaction GROUP BY TO_CHAR(trandate, 'YYYY-MM') ORDER BY 1",
    'SELECT id, entityid, ROW_NUMBER() OVER (ORDER BY id DESC) AS n FROM customer',
    'SELECT c.id FROM customer c WHERE NOT EXISTS (SELECT 1 FROM transaction t WHERE t.entity = c.id)',
    'SELECT c.companyname, (SELECT COUNT(*) FROM transaction t WHERE t.entity = c.id) AS orders FROM customer c',
    'SELECT id FROM customer WHERE datecreated > SYSDATE - 3650 AND lastmodifieddate < TRUNC(SYSDATE) + 1',
    'SELECT Customer.ID, Employee.EntityID AS SalesRep FROM Customer LEFT OUTER JOIN Employee ON ( Employee.ID = Customer.SalesRep )',
    'SELECT ROUND(AVG(creditlimit), 2) AS avg, COUNT(DISTINCT subsidiary) FROM customer',
    "SELECT id, TO_CHAR(foreigntotal, 'FM999G999D00') AS total, EXTRACT(YEAR FROM trandate) AS y FROM transaction",
    "SELECT id, CASE isinactive WHEN 'T' THEN 'Inactive' ELSE 'Active' END status FROM customer ORDER BY id NULLS LAST",
  ];
  it.each(shapes)('runs %s', async (query) => {
    expect(Array.isArray(await run(query))).toBe(true);
  });
});

describe('refusals in NetSuite wording', () => {
  it('only SELECT statements run', () => {
    for (const statement of ['DELETE FROM customer', "UPDATE customer SET email = 'x'", 'DROP TABLE customer', 'SELECT id FROM customer; DELETE FROM customer']) {
      expect(refusal(statement)).toBe('Invalid search query. Detailed unprocessed description follows. Search error occurred: Invalid or unsupported search.');
    }
  });

  it("keeps Postgres' own functions and tables out of reach", () => {
    for (const query of [
      "SELECT query_to_xml('DELETE FROM customer', true, true, '') FROM dual",
      'SELECT pg_sleep(60) FROM dual',
      "SELECT set_config('search_path', 'x', false) FROM dual",
      'SELECT id FROM customer WHERE id IN (SELECT count(*) FROM ns_record)',
      'SELECT relname FROM pg_catalog.pg_class',
      'SELECT id FROM customer WHERE id::text = 1',
    ]) {
      expect(() => sqlOf(query), query).toThrow(SuiteQLQueryError);
    }
  });

  it('unknown tables are an invalid search type', () => {
    expect(refusal('SELECT id FROM transactiontablethatdoesnotexist')).toBe(
      'Invalid search query. Detailed unprocessed description follows. Invalid search type: transactiontablethatdoesnotexist.',
    );
  });

  it('unbalanced parentheses and unterminated strings are unsupported searches', () => {
    expect(refusal('SELECT (id FROM customer')).toContain('Invalid or unsupported search');
    expect(refusal("SELECT 'abc FROM customer")).toContain('Invalid or unsupported search');
  });

  it('reports the tables a query reads, through joins and sub-queries', () => {
    const translation = translateSuiteQL('SELECT c.id FROM customer c JOIN transaction t ON t.entity = c.id WHERE c.subsidiary IN (SELECT id FROM subsidiary)', {
      tables: fixtureTables,
    });
    expect(translation.tablesRead.sort()).toEqual(['customer', 'subsidiary', 'transaction']);
    expect([...translation.identifiers]).toEqual([
      ['c', 'customer'],
      ['t', 'transaction'],
    ]);
  });
});
