import { describe, expect, it } from 'vitest';
import { tablesReadBy } from '../../src/suiteql/tables';

function tables(query: string): string[] {
  const result = tablesReadBy(query);
  if (!result.ok) throw new Error(`expected ok for ${query}: ${result.reason}`);
  return result.tables;
}

function refusal(query: string): string {
  const result = tablesReadBy(query);
  if (result.ok) throw new Error(`expected a refusal for ${query}, got ${result.tables.join(', ')}`);
  return result.reason;
}

describe('tablesReadBy: what a query reads', () => {
  it('reads the FROM table, lower-cased', () => {
    expect(tables('SELECT id, companyname FROM Customer')).toEqual(['customer']);
  });

  it('reads every joined table, ANSI and comma joins, but not their aliases', () => {
    expect(tables('SELECT c.id FROM customer c JOIN transaction t ON t.entity = c.id LEFT OUTER JOIN transactionline AS tl ON tl.transaction = t.id')).toEqual([
      'customer',
      'transaction',
      'transactionline',
    ]);
    expect(tables('SELECT * FROM transaction t, transactionline tl WHERE tl.transaction = t.id')).toEqual(['transaction', 'transactionline']);
  });

  it('reads SuiteQL-only syntax: TOP, Oracle (+) outer joins, MINUS, BUILTIN functions, ROWNUM, FETCH FIRST', () => {
    expect(tables('SELECT TOP 10 c.id FROM customer c')).toEqual(['customer']);
    expect(tables('SELECT DISTINCT TOP 5 c.id FROM customer c')).toEqual(['customer']);
    expect(tables('SELECT * FROM customer c, transaction t WHERE t.entity(+) = c.id')).toEqual(['customer', 'transaction']);
    expect(tables('SELECT id FROM customer MINUS SELECT id FROM employee')).toEqual(['customer', 'employee']);
    expect(tables("SELECT BUILTIN.DF(c.entitystatus) FROM customer c WHERE ROWNUM <= 10 AND c.isinactive = 'F'")).toEqual(['customer']);
    expect(tables('SELECT id FROM item ORDER BY id FETCH FIRST 10 ROWS ONLY')).toEqual(['item']);
    expect(tables("SELECT 'Hello' AS message FROM DUAL")).toEqual(['dual']);
  });

  it('reads columns named like keywords without mistaking them for tables', () => {
    expect(tables("SELECT t.type, t.trandate, t.status FROM transaction t WHERE t.type = 'SalesOrd'")).toEqual(['transaction']);
  });

  it('refuses a trailing semicolon: an agent sends one statement, and ; is where a second would start', () => {
    expect(refusal('SELECT id FROM account;')).toMatch(/';' \(U\+003B\)/);
  });
});

describe('tablesReadBy: tables hidden where a careless reader would miss them', () => {
  it('counts a subquery in the select list', () => {
    expect(tables('SELECT c.id, (SELECT MAX(e.id) FROM employee e) AS m FROM customer c')).toEqual(['customer', 'employee']);
  });

  it('counts EXISTS, NOT EXISTS and IN subqueries', () => {
    expect(tables('SELECT id FROM customer c WHERE EXISTS (SELECT 1 FROM vendor v WHERE v.id = c.id)')).toEqual(['customer', 'vendor']);
    expect(tables('SELECT id FROM customer c WHERE NOT EXISTS (SELECT 1 FROM vendor v)')).toEqual(['customer', 'vendor']);
    expect(tables('SELECT id FROM customer WHERE id IN (SELECT entity FROM transaction)')).toEqual(['customer', 'transaction']);
  });

  it('counts subqueries in HAVING, CASE, ORDER BY and join conditions', () => {
    expect(tables('SELECT entity FROM transaction GROUP BY entity HAVING COUNT(*) > (SELECT COUNT(*) FROM employee)')).toEqual(['employee', 'transaction']);
    expect(tables('SELECT CASE WHEN 1 = 1 THEN (SELECT MIN(id) FROM account) END FROM customer')).toEqual(['account', 'customer']);
    expect(tables('SELECT id FROM customer ORDER BY (SELECT MAX(id) FROM subsidiary)')).toEqual(['customer', 'subsidiary']);
    expect(tables('SELECT c.id FROM customer c JOIN transaction t ON t.entity = c.id AND t.id IN (SELECT id FROM vendorbill)')).toEqual([
      'customer',
      'transaction',
      'vendorbill',
    ]);
  });

  it('counts derived tables nested several levels deep', () => {
    expect(tables('SELECT * FROM (SELECT * FROM (SELECT * FROM (SELECT id FROM employee) a) b) c')).toEqual(['employee']);
  });

  it('counts every UNION, INTERSECT and EXCEPT branch', () => {
    expect(tables('SELECT id FROM customer UNION SELECT id FROM vendor UNION ALL SELECT id FROM employee')).toEqual(['customer', 'employee', 'vendor']);
    expect(tables('SELECT id FROM customer INTERSECT SELECT id FROM contact EXCEPT SELECT id FROM partner')).toEqual(['contact', 'customer', 'partner']);
    expect(tables('SELECT * FROM (SELECT id FROM customer UNION SELECT id FROM employee) x')).toEqual(['customer', 'employee']);
  });

  it('counts the tables inside a CTE body but not the CTE name', () => {
    expect(tables('WITH recent AS (SELECT * FROM employee) SELECT * FROM recent')).toEqual(['employee']);
    expect(tables('WITH a AS (SELECT id FROM customer), b AS (SELECT id FROM a JOIN vendor v ON v.id = a.id) SELECT * FROM b')).toEqual(['customer', 'vendor']);
  });

  it('counts a CTE body that is never referenced', () => {
    expect(tables('WITH unused AS (SELECT * FROM employee) SELECT id FROM customer')).toEqual(['customer', 'employee']);
  });

  it('treats a name as a table where no CTE of that name is in scope', () => {
    // A CTE naming itself is a table to the Trino grammar but a recursive query to Oracle: refused.
    expect(refusal('WITH a AS (SELECT * FROM a) SELECT * FROM a')).toMatch(/refers to itself/);
    // An earlier CTE cannot see a later one, and a CTE defined inside a subquery is not visible outside it: there the
    // name is a table to the grammar, and whether Oracle agrees is not worth the risk, so the name is refused.
    expect(refusal('WITH x AS (SELECT * FROM y), y AS (SELECT * FROM customer) SELECT * FROM x')).toMatch(/y is the name of a CTE of this query, used where that CTE is not visible/);
    expect(refusal('SELECT * FROM (WITH e AS (SELECT id FROM customer) SELECT * FROM e) s, e')).toMatch(/e is the name of a CTE/);
    expect(tables('WITH x AS (SELECT * FROM y) SELECT * FROM x')).toEqual(['y']);
  });

  it('resolves a CTE from an enclosing query inside a nested WITH', () => {
    expect(tables('WITH a AS (SELECT id FROM employee) SELECT * FROM (WITH b AS (SELECT id FROM a) SELECT * FROM b) z')).toEqual(['employee']);
  });

  it('refuses a CTE or derived table named like a table, so scoping rules never decide which one a name means', () => {
    expect(refusal('WITH customer AS (SELECT * FROM employee) SELECT * FROM customer')).toMatch(/CTE name customer is also a table/);
    expect(refusal('SELECT * FROM (SELECT id FROM customer) employee')).toMatch(/derived table name employee/);
    expect(refusal('WITH customrecord_x AS (SELECT id FROM customer) SELECT * FROM customrecord_x')).toMatch(/also a table/);
  });

  it('reads an upper-case quoted name as Oracle does (the unquoted name) and refuses any other quoted name but a column alias', () => {
    expect(tables('SELECT "TRANSACTION"."ID" FROM "TRANSACTION"')).toEqual(['transaction']);
    // Oracle keeps the case of "Employee" where the Trino grammar folds it: refused rather than guessed.
    expect(refusal('SELECT 1 FROM customer WHERE EXISTS (SELECT 1 FROM "Employee")')).toMatch(/may only be a column alias/);
    expect(refusal('SELECT * FROM "we""ird"')).toMatch(/glued to the end of a quoted identifier/);
    expect(refusal('SELECT * FROM "we-ird"')).toMatch(/quoted identifier may only hold/);
    expect(tables('SELECT companyname AS "Company Name" FROM customer')).toEqual(['customer']);
  });

  it('refuses TABLE x, which is not SuiteQL', () => {
    expect(refusal('SELECT * FROM (TABLE employee) e')).toMatch(/construct SuiteLens does not check/);
  });
});

describe('tablesReadBy: text that only looks like a table', () => {
  it('ignores table names in strings and comments', () => {
    expect(tables("SELECT id FROM customer WHERE memo = 'FROM employee' -- FROM vendor\n/* JOIN item ON 1=1 */")).toEqual(['customer']);
    expect(tables("SELECT id FROM customer WHERE memo = 'it''s FROM employee'")).toEqual(['customer']);
    expect(tables('SELECT c.id AS "employee" FROM customer c')).toEqual(['customer']);
  });

  it('keeps positions right around text outside the BMP', () => {
    expect(tables("SELECT TOP 3 '😀😀' AS x FROM customer WHERE a = '😀' UNION SELECT TOP 1 'y', 1 FROM vendor")).toEqual(['customer', 'vendor']);
  });

  it('does not count aliases or column names, and refuses a function SuiteQL does not have', () => {
    expect(tables('SELECT employee.id FROM customer employee')).toEqual(['customer']);
    expect(tables('SELECT item FROM customer')).toEqual(['customer']);
    expect(refusal('SELECT vendor(1) FROM customer')).toMatch(/function vendor is not/);
  });
});

describe('tablesReadBy: lexical tricks', () => {
  it('counts what follows the end of a line comment, whatever the line break', () => {
    expect(tables('SELECT id FROM customer --\nUNION SELECT id FROM employee')).toEqual(['customer', 'employee']);
    expect(tables('SELECT id FROM customer --\r\nUNION SELECT id FROM employee')).toEqual(['customer', 'employee']);
    // A lone CR ends a line for some readers and not for others: refused.
    expect(refusal('SELECT id FROM customer --\rUNION SELECT id FROM employee')).toMatch(/U\+000D/);
  });

  it('does not nest block comments, as Oracle does not', () => {
    expect(refusal('SELECT id FROM customer /* outer /* inner */ UNION SELECT id FROM employee */')).toMatch(/does not parse/);
  });

  it('reads optimizer hints and comments between tokens as blanks', () => {
    expect(tables('SELECT /*+ INDEX(employee) */ id FROM/**/customer/* x */c')).toEqual(['customer']);
  });

  it('refuses look-alike letters instead of guessing which table they mean', () => {
    expect(refusal('SELECT * FROM \u0441ustomer')).toMatch(/U\+0441 is outside printable ASCII/);
  });

  it('keeps tabs, carriage returns and mixed case', () => {
    expect(tables('SeLeCt\tid\rFrOm\tCuStOmEr\r\nJoIn\tEmPlOyEe e ON e.id = CuStOmEr.id')).toEqual(['customer', 'employee']);
  });
});

describe('tablesReadBy: fails closed', () => {
  it('refuses what does not parse, with the position', () => {
    expect(refusal('SELECT * FROM customer WHERE')).toMatch(/does not parse at its end/);
    expect(refusal('SELECT * FROM customer WHERE id = = 1')).toMatch(/does not parse at "= 1"/);
    expect(refusal('SELECT * FROM customer /* unterminated')).toMatch(/comment is never closed/);
    expect(refusal("SELECT * FROM customer WHERE a = 'unterminated")).toMatch(/string is never closed/);
    expect(refusal('SELECT * FROM customer$x')).toMatch(/'\$' \(U\+0024\) in a name/);
    expect(refusal('')).toMatch(/empty/);
  });

  it('refuses more than one statement', () => {
    expect(refusal('SELECT * FROM customer; SELECT * FROM employee')).toMatch(/only one statement/);
    // The grammar lets statements follow one another without a semicolon.
    expect(refusal('SELECT * FROM customer SELECT * FROM employee')).toMatch(/one SELECT/);
  });

  it('refuses anything but SELECT', () => {
    expect(refusal('DELETE FROM customer')).toMatch(/Only a SELECT/);
    expect(refusal("UPDATE customer SET companyname = 'x'")).toMatch(/Only a SELECT/);
    expect(refusal('SHOW TABLES')).toMatch(/Only a SELECT/);
    expect(refusal('EXPLAIN SELECT * FROM employee')).toMatch(/Only a SELECT/);
  });

  it('refuses qualified table names', () => {
    expect(refusal('SELECT * FROM netsuite.customer')).toMatch(/another schema/);
    expect(refusal('SELECT 1 FROM customer WHERE EXISTS (SELECT 1 FROM a.b.employee)')).toMatch(/another schema/);
  });

  it('refuses relations whose reads it cannot resolve', () => {
    expect(refusal('SELECT * FROM UNNEST(ARRAY[1, 2]) AS u(x)')).toMatch(/'\[' \(U\+005B\) is not a SuiteQL operator/);
    expect(refusal('SELECT * FROM UNNEST(x) AS u(x)')).toMatch(/not a plain table|construct SuiteLens does not check|column list/);
    // Read as a table named LATERAL followed by a second statement: refused either way.
    expect(refusal('SELECT * FROM customer c, LATERAL (SELECT * FROM employee e WHERE e.id = c.id)')).toMatch(/one SELECT/);
    expect(refusal('SELECT * FROM customer c CROSS JOIN LATERAL (SELECT * FROM employee e WHERE e.id = c.id)')).toBeTruthy();
    expect(refusal('SELECT * FROM TABLE(system.sequence(start => 1, stop => 5))')).toMatch(/does not parse|not a plain table/);
    expect(refusal('WITH RECURSIVE r(n) AS (SELECT 1 FROM DUAL UNION ALL SELECT n + 1 FROM r) SELECT * FROM r')).toMatch(/RECURSIVE/);
  });

  it('reads Oracle q-quoting as Oracle does and checks (and runs) it as a plain string', () => {
    // Oracle reads a string up to `]'` and then FROM customer; a plain-string reader would see FROM employee.
    const read = tablesReadBy("SELECT q'[x' FROM employee --]' FROM customer");
    expect(read).toMatchObject({ ok: true, tables: ['customer'], canonical: "SELECT 'x'' FROM employee --' FROM customer" });
    expect(refusal("SELECT NQ'{x' FROM employee --}' FROM customer")).toMatch(/quote is glued to the word NQ/);
  });

  it('refuses a line comment whose end is ambiguous', () => {
    expect(refusal('SELECT * FROM customer -- note\u2028JOIN employee e ON 1 = 1')).toMatch(/U\+2028, which some readers take as a line break/);
  });

  it('refuses identifiers SuiteQL does not have', () => {
    expect(refusal('SELECT * FROM `employee`')).toMatch(/back quotes are not SuiteQL/);
  });
});
