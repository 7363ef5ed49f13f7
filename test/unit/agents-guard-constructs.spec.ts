/**
 * What of the parse the agent guard lets through (src/suiteql/guardedConstructs.ts): SuiteQL functions NetSuite
 * documents ("SuiteQL Supported and Unsupported Functions"), BUILTIN.* with their argument rules, quoted names only
 * as column aliases, CTE and derived-table names that cannot be mistaken for tables, and no Oracle keyword as a
 * bare name. Each refusal names what it refused.
 */
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

describe('agent guard: function allowlist', () => {
  it('allows the SuiteQL functions agents need', () => {
    const query =
      "SELECT NVL(c.email, 'none'), TO_CHAR(c.datecreated, 'YYYY-MM-DD'), UPPER(SUBSTR(c.companyname, 1, 3)), COUNT(*), " +
      "ROUND(AVG(c.balance), 2), LISTAGG(c.id, ',') WITHIN GROUP (ORDER BY c.id), ROW_NUMBER() OVER (PARTITION BY c.subsidiary ORDER BY c.id), " +
      "CAST(c.id AS VARCHAR(10)), EXTRACT(YEAR FROM c.datecreated), TRIM(c.phone), COALESCE(c.phone, c.fax), SYSDATE, CURRENT_DATE, " +
      "DECODE(c.isinactive, 'T', 1, 0), GREATEST(1, 2), BUILTIN.DF(c.entitystatus) FROM customer c GROUP BY c.id";
    expect(tables(query)).toEqual(['customer']);
  });

  it.each([
    ['DBMS_XMLGEN.GETXML', "SELECT DBMS_XMLGEN.GETXML('SELECT email FROM employee') FROM DUAL", /DBMS_XMLGEN.GETXML is not allowed/],
    ['XMLQUERY', "SELECT XMLQUERY('ora:view(\"EMPLOYEE\")' RETURNING CONTENT) FROM DUAL", /does not parse|XMLQUERY/],
    ['a function of another schema', "SELECT sys.dbms_xmlgen.getxml('x') FROM DUAL", /is not allowed/],
    ['XMLTYPE', "SELECT XMLTYPE('<a/>') FROM DUAL", /function XMLTYPE is not/],
    ['SYS_CONTEXT', "SELECT SYS_CONTEXT('USERENV', 'SESSION_USER') FROM DUAL", /function SYS_CONTEXT is not/],
    ['EXTRACTVALUE', "SELECT EXTRACTVALUE(x, '/a') FROM customer", /function EXTRACTVALUE is not/],
    ['HTTPURITYPE', "SELECT HTTPURITYPE('http://x').getclob() FROM DUAL", /does not parse|HTTPURITYPE/],
    ['DBURITYPE', "SELECT DBURITYPE('/EMPLOYEE/ROW').getclob() FROM DUAL", /does not parse|DBURITYPE/],
    ['a Trino-only function', 'SELECT json_extract(c.x, 1) FROM customer c', /function json_extract is not/],
    ['an unknown BUILTIN', 'SELECT BUILTIN.EVAL(c.id) FROM customer c', /BUILTIN.EVAL is not a BUILTIN function/],
    ['BUILTIN.DF with two arguments', 'SELECT BUILTIN.DF(c.entitystatus, 1) FROM customer c', /BUILTIN.DF takes 1 argument; this call has 2/],
    ['BUILTIN.HIERARCHY with an expression option', "SELECT BUILTIN.HIERARCHY(c.parent, 'X' || 'Y') FROM customer c", /Argument 2 of BUILTIN.HIERARCHY must be a plain string literal/],
    ['BUILTIN.CONSOLIDATE with a short list', "SELECT BUILTIN.CONSOLIDATE(t.amount, 'LEDGER') FROM transaction t", /takes 7 arguments/],
    ['a function in WHERE', "SELECT c.id FROM customer c WHERE LOWER(c.email) = GETXML('x')", /function GETXML is not/],
    ['a function in a subquery', 'SELECT c.id FROM customer c WHERE c.id IN (SELECT ora_hash(e.id) FROM employee e)', /function ora_hash is not/],
    ['COUNT-like star on another function', 'SELECT SUM(*) FROM customer', /SUM\(\*\) is not SuiteQL/],
    ['Trino FILTER', 'SELECT COUNT(c.id) FILTER (WHERE c.id > 1) FROM customer c', /Trino-only call syntax/],
    ['TRY_CAST', 'SELECT TRY_CAST(c.id AS VARCHAR) FROM customer c', /TRY_CAST/],
    ['a lambda', 'SELECT transform(c.x, v -> v + 1) FROM customer c', /'>' |construct|function transform/],
  ])('refuses %s, naming it', (_name, query, reason) => {
    expect(refusal(query)).toMatch(reason);
  });

  it('allows BUILTIN functions with their documented arguments', () => {
    expect(tables("SELECT BUILTIN.CURRENCY(BUILTIN.CONSOLIDATE(tl.netamount, 'LEDGER', 'DEFAULT', 'DEFAULT', 1, 396, 'DEFAULT')) FROM transactionline tl")).toEqual(['transactionline']);
    expect(tables("SELECT c.id FROM customer c WHERE c.datecreated >= BUILTIN.RELATIVE_RANGES('DAGO30', 'START')")).toEqual(['customer']);
    expect(tables('SELECT BUILTIN.CF(t.status) FROM transaction t')).toEqual(['transaction']);
  });
});

describe('agent guard: qualified names', () => {
  it('takes a.b as a column only when a is a table or alias of the query (else Oracle may call a package function)', () => {
    expect(refusal('SELECT DBMS_RANDOM.VALUE FROM customer')).toMatch(/DBMS_RANDOM is not a table or alias in the FROM/);
    expect(refusal('SELECT c.id FROM customer c WHERE x.y = 1')).toMatch(/x is not a table or alias/);
    expect(refusal('SELECT a.b.c FROM customer a')).toMatch(/too many parts/);
    expect(tables('SELECT customer.id, c2.email FROM customer, customer c2 WHERE c2.id = customer.id')).toEqual(['customer']);
  });

  // Oracle reads a.b as a column only when a is a FROM item of the current or an enclosing query block, visible in
  // that clause; anywhere else a.b is a package function (DBMS_RANDOM.VALUE) or a sequence (s.NEXTVAL, a write).
  it.each([
    ['a CTE that is not in the FROM', 'WITH dbms_random AS (SELECT 1 AS x FROM dual) SELECT dbms_random.value FROM customer'],
    ['a CTE in ORDER BY', 'WITH dbms_random AS (SELECT 1 AS v FROM dual) SELECT c.id FROM customer c ORDER BY dbms_random.value'],
    ['an alias inside an EXISTS subquery', 'SELECT dbms_random.value FROM customer WHERE EXISTS (SELECT 1 FROM customer dbms_random)'],
    ['an alias of a later subquery', 'SELECT c.id FROM customer c WHERE c.id > dbms_random.value AND EXISTS (SELECT 1 FROM dual dbms_random)'],
    ['an alias in the other branch of a UNION', 'SELECT c.id FROM customer c UNION SELECT s.nextval FROM dual WHERE EXISTS (SELECT 1 FROM customer s)'],
    ['an alias in a scalar subquery', 'SELECT employee.email, (SELECT 1 FROM customer employee) FROM customer c'],
    ['an alias only in a subquery', 'SELECT employee.email FROM customer c WHERE EXISTS (SELECT 1 FROM customer employee)'],
    ['an alias inside an inline view', 'SELECT x.nextval FROM (SELECT 1 AS n FROM customer x) d'],
    ['an outer alias inside an inline view', 'SELECT d.n FROM customer s, (SELECT s.nextval AS n FROM dual) d'],
    ['an alias inside a subquery of an ON', 'SELECT s.nextval FROM customer c JOIN customer d ON EXISTS (SELECT 1 FROM customer s)'],
    ['a FROM item not in the join of the ON', 'SELECT c.id FROM customer s, customer c JOIN customer d ON d.id = s.nextval'],
    ['a table name hidden by its alias', 'SELECT customer.id FROM customer c'],
    ['a CTE body seeing the main FROM', 'WITH w AS (SELECT c.nextval AS n FROM dual) SELECT w.n FROM w, customer c'],
    ['the ORDER BY of a UNION', 'SELECT c.id FROM customer c UNION SELECT c.id FROM customer c ORDER BY c.nextval'],
  ])('refuses a qualifier that is out of scope: %s', (_name, query) => {
    expect(refusal(query)).toMatch(/is not a table or alias in the FROM/);
  });

  it('refuses NEXTVAL and CURRVAL after any qualifier: they are sequence reads (and writes) to Oracle', () => {
    expect(refusal('SELECT c.nextval FROM customer c')).toMatch(/reads a sequence/);
    expect(refusal('SELECT c.id FROM customer c WHERE c.CURRVAL > 0')).toMatch(/reads a sequence/);
  });

  it('refuses x.* unless x is a FROM item of the block', () => {
    expect(refusal('SELECT dbms_random.* FROM customer')).toMatch(/dbms_random.*: dbms_random is not a table or alias/);
    expect(refusal('SELECT e.* FROM customer c WHERE EXISTS (SELECT 1 FROM customer e)')).toMatch(/is not a table or alias/);
    expect(tables('SELECT c.*, e.* FROM customer c JOIN employee e ON e.id = c.salesrep')).toEqual(['customer', 'employee']);
  });

  it('keeps qualifiers that Oracle resolves: own FROM, enclosing blocks, ON of the join, ORDER BY, inline views, CTEs in FROM', () => {
    expect(tables('SELECT c.id FROM customer c WHERE EXISTS (SELECT 1 FROM employee e WHERE e.id = c.salesrep AND EXISTS (SELECT 1 FROM vendor v WHERE v.id = c.id))')).toEqual(['customer', 'employee', 'vendor']);
    expect(tables('SELECT c.id, (SELECT MAX(e.id) FROM employee e WHERE e.supervisor = c.salesrep) FROM customer c ORDER BY c.id')).toEqual(['customer', 'employee']);
    expect(tables('SELECT c.id FROM customer c JOIN employee e ON e.id = c.salesrep JOIN vendor v ON v.id = c.id AND v.id = e.id')).toEqual(['customer', 'employee', 'vendor']);
    expect(tables('WITH r AS (SELECT c.id FROM customer c) SELECT r.id, d.id FROM r, (SELECT v.id FROM vendor v) d WHERE d.id = r.id ORDER BY r.id')).toEqual(['customer', 'vendor']);
    expect(tables('SELECT customer.id FROM customer ORDER BY customer.id')).toEqual(['customer']);
  });

  it('refuses bare names Oracle reads as functions or pseudo-columns, keeps SuiteQL\'s', () => {
    for (const name of ['ora_database_name', 'sessiontimezone', 'DBTIMEZONE', 'systimestamp', 'ora_login_user', 'ora_rowscn', 'versions_xid', 'connect_by_isleaf']) {
      expect(refusal(`SELECT ${name} FROM customer`)).toMatch(/Oracle function or pseudo-column/);
      expect(refusal(`SELECT c.id FROM customer c WHERE c.id > 0 OR ${name} IS NOT NULL`)).toMatch(/Oracle function or pseudo-column/);
    }
    expect(tables('SELECT id, SYSDATE, CURRENT_DATE FROM customer WHERE ROWNUM <= 5')).toEqual(['customer']);
  });

  it('allows LISTAGX only as the grammar\'s spelling of LISTAGG', () => {
    expect(tables("SELECT LISTAGG(c.id, ',') FROM customer c")).toEqual(['customer']);
    expect(refusal("SELECT LISTAGX(c.id, ',') FROM customer c")).toMatch(/function LISTAGX is not/);
  });
});

describe('agent guard: constructs outside the allowlist', () => {
  it.each([
    ['VALUES', 'SELECT * FROM (VALUES (1)) v', /construct SuiteLens does not check/],
    ['TABLE x', 'SELECT * FROM (TABLE employee) e', /construct/],
    ['LIMIT', 'SELECT id FROM customer LIMIT 5', /LIMIT/],
    ['TABLESAMPLE', 'SELECT id FROM customer TABLESAMPLE BERNOULLI (10)', /TABLESAMPLE/],
    ['ROW constructor', 'SELECT ROW(1, 2) FROM customer', /construct|ROW is an Oracle keyword/],
    ['AT TIME ZONE', "SELECT c.datecreated AT TIME ZONE 'UTC' FROM customer c", /construct/],
    ['IS DISTINCT FROM', 'SELECT id FROM customer WHERE id IS DISTINCT FROM 1', /construct/],
    ['JSON functions', "SELECT JSON_VALUE(c.x, 'lax $.a') FROM customer c", /construct|'\$'/],
    ['a typed literal other than DATE/TIMESTAMP', "SELECT X '00' FROM customer", /not a SuiteQL literal|construct/],
    ['CURRENT_USER', 'SELECT CURRENT_USER FROM customer', /construct/],
  ])('refuses %s', (_name, query, reason) => {
    expect(refusal(query)).toMatch(reason);
  });

  it('keeps what SuiteQL has: joins, subqueries, CTEs, set operators, CASE, ROWNUM, FETCH FIRST, TOP, (+)', () => {
    expect(tables('WITH recent AS (SELECT id FROM customer WHERE ROWNUM <= 10) SELECT r.id, CASE WHEN e.id IS NULL THEN 0 ELSE 1 END FROM recent r LEFT JOIN employee e ON e.id = r.id ORDER BY r.id FETCH FIRST 5 ROWS ONLY')).toEqual(['customer', 'employee']);
    expect(tables('SELECT TOP 3 c.id FROM customer c, vendor v WHERE v.id(+) = c.id MINUS SELECT id FROM partner')).toEqual(['customer', 'partner', 'vendor']);
    expect(tables("SELECT id FROM customer WHERE id = ANY (SELECT id FROM vendor) AND datecreated > DATE '2024-01-01' OFFSET 10 ROWS")).toEqual(['customer', 'vendor']);
  });
});

describe('agent guard: quoted names, CTE and derived-table names, Oracle keywords', () => {
  it('allows a quoted name only as a column alias (Oracle keeps its case, the checker folds it)', () => {
    expect(tables('SELECT c.companyname AS "Company name", c.id "Id" FROM customer c')).toEqual(['customer']);
    expect(refusal('SELECT 1 FROM "Employee"')).toMatch(/quoted name "Employee" may only be a column alias/);
    expect(refusal('WITH "Customer" AS (SELECT id FROM employee) SELECT * FROM "Customer"')).toMatch(/may only be a column alias/);
    expect(refusal('SELECT "Id" FROM customer')).toMatch(/may only be a column alias/);
    expect(refusal('SELECT x."id" FROM customer x')).toMatch(/may only be a column alias/);
    expect(refusal('SELECT c.id FROM customer "c"')).toMatch(/may only be a column alias/);
  });

  it('refuses CTE and derived-table names that are table names, in any case', () => {
    for (const name of ['customer', 'CUSTOMER', 'Employee', 'transaction', 'transactionline', 'entity', 'customrecord_fleet', 'customlist_x', 'account']) {
      expect(refusal(`WITH ${name} AS (SELECT id FROM vendor) SELECT * FROM ${name}`)).toMatch(/is also a table's name/);
      expect(refusal(`SELECT ${name}.id FROM (SELECT id FROM vendor) ${name}`)).toMatch(/is also a table's name/);
    }
    expect(tables('WITH v AS (SELECT id FROM vendor) SELECT * FROM v')).toEqual(['vendor']);
  });

  it('refuses CTE and derived-table names that are any known SuiteQL table or record type', () => {
    for (const name of ['message', 'invoice', 'salesorder', 'note', 'task', 'phonecall', 'campaign', 'currencyrate', 'accountingperiod', 'inventoryitem']) {
      expect(refusal(`WITH ${name} AS (SELECT id FROM vendor) SELECT m.id FROM ${name} m`)).toMatch(/is also a table's name/);
      expect(refusal(`SELECT ${name}.id FROM (SELECT id FROM vendor) ${name}`)).toMatch(/is also a table's name/);
    }
  });

  it('refuses a table name that is the name of a CTE where that CTE is not visible', () => {
    expect(refusal('WITH a AS (SELECT x.id FROM zz x), zz AS (SELECT id FROM vendor) SELECT a.id FROM a')).toMatch(/zz is the name of a CTE of this query, used where that CTE is not visible/);
    expect(refusal('SELECT q.id FROM qq q WHERE EXISTS (WITH qq AS (SELECT id FROM vendor) SELECT 1 FROM qq)')).toMatch(/qq is the name of a CTE/);
    expect(tables('WITH a AS (SELECT id FROM vendor), b AS (SELECT a.id FROM a) SELECT b.id FROM b')).toEqual(['vendor']);
  });

  it('refuses a column list on a FROM item (Oracle reads a partition or hierarchy clause there) or on a select item', () => {
    expect(refusal('SELECT c.id FROM customer c (employee)')).toMatch(/column list/);
    expect(refusal('SELECT id FROM customer subpartition (employee)')).toMatch(/column list|subpartition/);
    expect(refusal('SELECT id FROM customer HIERARCHIES (h)')).toMatch(/column list|HIERARCHIES/);
    expect(refusal('SELECT d.x FROM (SELECT id FROM customer) d (x)')).toMatch(/column list/);
    expect(refusal('SELECT c.* AS (a, b) FROM customer c')).toMatch(/names several columns|column list|does not parse/);
    expect(tables('WITH v (n) AS (SELECT id FROM vendor) SELECT v.n FROM v')).toEqual(['vendor']);
  });

  it('refuses a CTE that refers to itself (Oracle reads it as recursive)', () => {
    expect(refusal('WITH x (n) AS (SELECT id FROM customer UNION ALL SELECT n FROM x) SELECT * FROM x')).toMatch(/refers to itself/);
  });

  it('refuses an Oracle keyword used as a bare name, where NetSuite would read a clause', () => {
    expect(refusal('SELECT c.id FROM customer connect')).toMatch(/connect is an Oracle keyword/);
    expect(refusal('SELECT c.id FROM customer c, employee sample')).toMatch(/sample is an Oracle keyword/);
    expect(refusal('SELECT c.id FROM customer pivot')).toMatch(/pivot is an Oracle keyword/);
    expect(refusal('SELECT id level FROM customer')).toMatch(/level is an Oracle keyword/);
    expect(refusal('SELECT rowid FROM customer')).toMatch(/rowid is an Oracle keyword/);
    // After a dot it can only be a column (NetSuite has loginaudit.date, systemnote.user).
    expect(tables('SELECT la.date, la.user FROM loginaudit la')).toEqual(['loginaudit']);
  });
});

describe('agent guard: Oracle data dictionary views are not SuiteQL tables', () => {
  // A name the guard does not know is a table that needs a grant, and a sandbox wildcard grants any name: without
  // this, '*: read' would hand an agent Oracle's own catalog (users, source code, privileges, session settings).
  it.each([
    ['ALL_ views', 'SELECT u.username FROM all_users u'],
    ['DBA_ views, joined', 'SELECT c.id FROM customer c JOIN dba_users d ON d.user_id = c.id'],
    ['USER_ views in a subquery', 'SELECT c.id FROM customer c WHERE EXISTS (SELECT 1 FROM user_tab_columns)'],
    ['CDB_ views in a CTE body', 'WITH w AS (SELECT 1 AS n FROM cdb_users) SELECT w.n FROM w'],
    ['a quoted upper-case name', 'SELECT * FROM "ALL_SOURCE"'],
    ['DICTIONARY', 'SELECT * FROM Dictionary'],
    ['DICT', 'SELECT * FROM dict'],
    ['TAB', 'SELECT * FROM tab'],
    ['GLOBAL_NAME', 'SELECT * FROM global_name'],
    ['SESSION_PRIVS', 'SELECT * FROM customer c, session_privs p'],
    ['NLS_SESSION_PARAMETERS', 'SELECT * FROM nls_session_parameters'],
    ['PRODUCT_COMPONENT_VERSION', 'SELECT * FROM product_component_version'],
  ])('refuses %s', (_name, query) => {
    expect(refusal(query)).toMatch(/is Oracle's data dictionary, not a SuiteQL table/);
  });

  it('keeps SuiteQL tables, custom records and CTEs whatever their names hold', () => {
    expect(tables('SELECT e.id FROM employee e JOIN entity n ON n.id = e.id')).toEqual(['employee', 'entity']);
    expect(tables('SELECT r.id FROM customrecord_all_users r')).toEqual(['customrecord_all_users']);
    expect(tables('WITH users_all AS (SELECT id FROM customer) SELECT u.id FROM users_all u')).toEqual(['customer']);
  });
});
