import { describe, expect, it } from 'vitest';
import { displayTargetOf, recordTypesToDescribe, tablesReadWithDisplays, type RecordTypeSchemas } from '../../src/suiteql/displayReads';
import { displayedColumnsIn } from '../../src/suiteql/displayedColumns';
import { lexSuiteQL, parseSuiteQL } from '../../src/suiteql/parser';
import { tablesReadBy } from '../../src/suiteql/tables';

function reads(query: string, schemas?: RecordTypeSchemas): string[] {
  const result = tablesReadWithDisplays(query, schemas);
  if (!result.ok) throw new Error(`expected ok for ${query}: ${result.reason}`);
  return result.tables;
}

function refusal(query: string, schemas?: RecordTypeSchemas): string {
  const result = tablesReadWithDisplays(query, schemas);
  if (result.ok) throw new Error(`expected a refusal for ${query}, got ${result.tables.join(', ')}`);
  return result.reason;
}

const catalogRef = (recordType: string) => ({ $ref: `/services/rest/record/v1/metadata-catalog/${recordType}` });

describe('BUILTIN.DF reads the table its column points to', () => {
  it('counts the referenced table beside the tables the query names', () => {
    expect(reads('SELECT t.id, BUILTIN.DF(t.entity) AS name FROM transaction t')).toEqual(['entity', 'transaction']);
    expect(reads('SELECT BUILTIN.DF(c.salesrep) FROM customer c')).toEqual(['customer', 'employee']);
    // tablesReadBy alone still lists only what the query names, and reports the displayed column.
    const named = tablesReadBy('SELECT BUILTIN.DF(t.entity) FROM transaction t');
    expect(named).toEqual({ ok: true, tables: ['transaction'], displayed: [{ call: 'BUILTIN.DF(t.entity)', table: 'transaction', column: 'entity' }], canonical: 'SELECT BUILTIN.DF( t.entity ) FROM transaction t' });
  });

  it('finds the call however it is spelled', () => {
    expect(reads('select builtin.df(t.entity) from transaction t')).toEqual(['entity', 'transaction']);
    expect(reads('SELECT BUILTIN . DF ( t.entity ) FROM transaction t')).toEqual(['entity', 'transaction']);
    expect(reads('SELECT BUILTIN/* x */./* y */DF(t.entity) FROM transaction t')).toEqual(['entity', 'transaction']);
    expect(reads('SELECT "BUILTIN"."DF"(t.entity) FROM transaction t')).toEqual(['entity', 'transaction']);
    expect(reads('SELECT BUILTIN.DF((t.entity)) FROM transaction t')).toEqual(['entity', 'transaction']);
    expect(reads('SELECT BUILTIN.DF("T"."ENTITY") FROM transaction "T"')).toEqual(['entity', 'transaction']);
  });

  it('finds it in WHERE, ORDER BY, GROUP BY, join conditions and nested calls', () => {
    expect(reads("SELECT t.id FROM transaction t WHERE BUILTIN.DF(t.entity) LIKE 'A%'")).toEqual(['entity', 'transaction']);
    expect(reads('SELECT t.id FROM transaction t ORDER BY BUILTIN.DF(t.employee)')).toEqual(['employee', 'transaction']);
    expect(reads('SELECT COUNT(*) FROM transaction t GROUP BY BUILTIN.DF(t.currency)')).toEqual(['currency', 'transaction']);
    expect(reads('SELECT c.id FROM customer c JOIN transaction t ON BUILTIN.DF(t.entity) = c.companyname')).toEqual(['customer', 'entity', 'transaction']);
    expect(reads('SELECT UPPER(SUBSTR(BUILTIN.DF(t.postingperiod), 1, 3)) FROM transaction t')).toEqual(['accountingperiod', 'transaction']);
  });

  it('counts the display functions alike: HIERARCHY shows the names on the path, MNFILTER can match on them', () => {
    expect(reads("SELECT BUILTIN.HIERARCHY(e.department, 'DISPLAY_JOINED') FROM employee e")).toEqual(['department', 'employee']);
    expect(reads("SELECT c.id FROM customer c WHERE BUILTIN.MNFILTER(c.salesrep, 'MN_INCLUDE', 'DF', 'FALSE', 'Ann') = 'T'")).toEqual(['customer', 'employee']);
  });

  it('reads nothing more for BUILTIN.CF, which gives the raw stored value', () => {
    expect(reads('SELECT BUILTIN.CF(t.entity) FROM transaction t')).toEqual(['transaction']);
  });

  it('refuses a BUILTIN function it does not know, or a function name SuiteQL cannot spell', () => {
    expect(refusal('SELECT BUILTIN.NAMED_GROUP(t.entity) FROM transaction t')).toMatch(/BUILTIN.NAMED_GROUP is not a BUILTIN function SuiteLens allows/);
    expect(refusal('SELECT BUILTIN.`DF`(t.entity) FROM transaction t')).toMatch(/back quotes are not SuiteQL/);
  });
});

describe('BUILTIN calls the parse tree does not show', () => {
  it('are refused when the text holds more BUILTIN calls than the tree (a grammar path the walk does not know)', () => {
    // The tree of one query against the tokens of another stands in for a call the grammar parsed as something else.
    const tree = parseSuiteQL('SELECT 1 FROM dual').tree;
    if (!tree) throw new Error('SELECT 1 FROM dual parses');
    expect(displayedColumnsIn(tree, lexSuiteQL('SELECT BUILTIN.DF(x) FROM dual'))).toEqual([
      { call: 'BUILTIN.…', unresolved: 'the query calls a BUILTIN function in a form SuiteLens does not recognise' },
    ]);
    expect(displayedColumnsIn(tree, lexSuiteQL("SELECT 'BUILTIN.DF(x)' /* BUILTIN.DF(y) */ FROM dual"))).toEqual([]);
  });
});

describe('BUILTIN.DF of a column that points nowhere', () => {
  it('adds nothing for a list value, a string or a number', () => {
    expect(reads('SELECT BUILTIN.DF(t.status), BUILTIN.DF(t.type) FROM transaction t')).toEqual(['transaction']);
    expect(reads('SELECT BUILTIN.DF(c.companyname), BUILTIN.DF(c.creditlimit), BUILTIN.DF(c.isinactive) FROM customer c')).toEqual(['customer']);
  });

  it("adds nothing for a row's own id: that row's name is in the table already read", () => {
    expect(reads('SELECT BUILTIN.DF(t.id) FROM transaction t')).toEqual(['transaction']);
  });

  it('counts a multi-select the standard tables describe as text', () => {
    expect(reads('SELECT BUILTIN.DF(i.subsidiary) FROM item i')).toEqual(['item', 'subsidiary']);
  });
});

describe('BUILTIN.DF whose target cannot be told is refused, saying what to do', () => {
  it('refuses an unknown column', () => {
    expect(refusal('SELECT BUILTIN.DF(t.nosuchcolumn) FROM transaction t')).toBe(
      'BUILTIN.DF(t.nosuchcolumn) shows the name of the record transaction.nosuchcolumn points to, but transaction.nosuchcolumn is not a column SuiteLens knows, so the table it reads cannot be checked; join that table explicitly instead of BUILTIN.DF(t.nosuchcolumn)',
    );
  });

  it('refuses a custom field the catalog does not describe', () => {
    expect(refusal('SELECT BUILTIN.DF(t.custbody_approver) FROM transaction t')).toMatch(/transaction.custbody_approver is a custom field whose target the account's catalog does not give/);
  });

  it('refuses an internal id whose record type is not known', () => {
    expect(refusal('SELECT BUILTIN.DF(c.category) FROM customer c')).toMatch(/customer.category holds an internal id whose record type SuiteLens does not know/);
  });

  it('refuses an expression argument', () => {
    expect(refusal('SELECT BUILTIN.DF(NVL(t.entity, t.employee)) FROM transaction t')).toMatch(/its argument NVL\(t.entity,t.employee\) is an expression, not a column.*join that table explicitly/);
    expect(refusal('SELECT BUILTIN.DF(CASE WHEN 1 = 1 THEN t.entity END) FROM transaction t')).toMatch(/is an expression/);
  });

  it('refuses a column of a CTE or of a derived table', () => {
    expect(refusal('WITH x AS (SELECT entity FROM transaction) SELECT BUILTIN.DF(x.entity) FROM x')).toMatch(/x is the CTE x, whose columns SuiteLens cannot trace/);
    expect(refusal('SELECT BUILTIN.DF(d.entity) FROM (SELECT entity FROM transaction) d')).toMatch(/d is a subquery, whose columns SuiteLens cannot trace/);
    expect(refusal('WITH x AS (SELECT entity FROM transaction) SELECT BUILTIN.DF(entity) FROM x')).toMatch(/CTE x/);
  });

  it('refuses an unqualified column when the query block reads several tables', () => {
    expect(refusal('SELECT BUILTIN.DF(entity) FROM transaction t JOIN transactionline tl ON tl.transaction = t.id')).toMatch(/entity is not qualified and its query reads 2 tables; write it as alias.entity/);
  });

  it('refuses an alias no FROM in scope defines, or one defined twice', () => {
    expect(refusal('SELECT BUILTIN.DF(x.entity) FROM transaction t')).toMatch(/no table or alias x is in scope|x is not a table or alias (of this query|in the FROM)/);
    expect(refusal('SELECT BUILTIN.DF(t.entity) FROM transaction t, customer t')).toMatch(/t names more than one table/);
  });

  it('refuses an ORDER BY name that may be a select-list alias, or one after a UNION', () => {
    expect(refusal('SELECT t.entity AS status FROM transaction t ORDER BY BUILTIN.DF(status)')).toMatch(/status is also a select-list alias/);
    expect(refusal('SELECT entity FROM transaction UNION SELECT entity FROM transactionline ORDER BY BUILTIN.DF(entity)')).toMatch(/ORDER BY of a UNION/);
  });
});

describe('BUILTIN.DF in nested queries', () => {
  it('resolves each alias in the innermost query that defines it (an inner alias shadows an outer one)', () => {
    const query = "SELECT BUILTIN.DF(c.salesrep) FROM customer c WHERE EXISTS (SELECT 1 FROM transaction c WHERE BUILTIN.DF(c.entity) = 'Acme')";
    expect(tablesReadBy(query)).toMatchObject({
      displayed: [
        { call: 'BUILTIN.DF(c.salesrep)', table: 'customer', column: 'salesrep' },
        { call: 'BUILTIN.DF(c.entity)', table: 'transaction', column: 'entity' },
      ],
    });
    expect(reads(query)).toEqual(['customer', 'employee', 'entity', 'transaction']);
  });

  it('resolves a correlated reference to the outer query', () => {
    expect(reads("SELECT c.id FROM customer c WHERE EXISTS (SELECT 1 FROM transaction t WHERE t.entity = c.id AND BUILTIN.DF(c.salesrep) = 'Ann')")).toEqual([
      'customer',
      'employee',
      'transaction',
    ]);
  });

  it('gives an unqualified column to the only table of its own block, not the outer one', () => {
    expect(reads('SELECT c.id, (SELECT MAX(BUILTIN.DF(entity)) FROM transaction) AS last FROM customer c')).toEqual(['customer', 'entity', 'transaction']);
    expect(reads('SELECT * FROM (SELECT BUILTIN.DF(salesrep) AS rep FROM customer) x')).toEqual(['customer', 'employee']);
  });

  it('refuses a bare column in a subquery that its table may not have, since SuiteQL would take it from the outer query', () => {
    // If customer has no custentity_rep, the name resolves to the outer transaction's column.
    const schemas: RecordTypeSchemas = { customer: { properties: { custentity_rep: catalogRef('employee') } } };
    expect(refusal('SELECT (SELECT MAX(BUILTIN.DF(custentity_rep)) FROM customer) FROM transaction t', schemas)).toMatch(
      /inside a subquery an unqualified custentity_rep may belong to customer or to an outer query.*write it as alias.custentity_rep/,
    );
    expect(reads('SELECT (SELECT MAX(BUILTIN.DF(c.custentity_rep)) FROM customer c) FROM transaction t', schemas)).toEqual(['customer', 'employee', 'transaction']);
  });

  it('refuses a table whose columns the FROM renames', () => {
    expect(refusal('SELECT BUILTIN.DF(t.entity) FROM transaction t (id, entity)')).toMatch(/renames its columns|gives a FROM item a column list/);
  });

  it('looks inside a CTE body like any query', () => {
    expect(reads('WITH names AS (SELECT BUILTIN.DF(t.entity) AS name FROM transaction t) SELECT name FROM names')).toEqual(['entity', 'transaction']);
  });
});

describe('BUILTIN.DF with the account catalog', () => {
  const customerSchema = {
    type: 'object',
    properties: {
      companyName: { title: 'Company Name', type: 'string' },
      custentity_account_manager: { ...catalogRef('employee'), title: 'Account Manager', 'x-ns-custom-field': true },
      custentity_region: { type: 'object', properties: { id: { type: 'string', enum: ['1', '2'] }, refName: { type: 'string' } }, 'x-ns-custom-field': true },
      custentity_legacy: { ...catalogRef('nsResource'), 'x-ns-custom-field': true },
      category: catalogRef('customerCategory'),
      addressBook: catalogRef('customer-addressBookCollection'),
    },
  };
  const schemas: RecordTypeSchemas = { customer: customerSchema };

  it('follows a field typed with another record type', () => {
    expect(reads('SELECT BUILTIN.DF(c.custentity_account_manager) FROM customer c', schemas)).toEqual(['customer', 'employee']);
    expect(reads('SELECT BUILTIN.DF(c.category) FROM customer c', schemas)).toEqual(['customer', 'customercategory']);
  });

  it('adds nothing for a list value (an enum object)', () => {
    expect(reads('SELECT BUILTIN.DF(c.custentity_region) FROM customer c', schemas)).toEqual(['customer']);
  });

  it('takes a REST string or integer for no proof that the SuiteQL column holds no other record\'s id', () => {
    const plain: RecordTypeSchemas = {
      customer: { properties: { custentity_text: { type: 'string' }, custentity_number: { type: 'integer' }, defaultBillingAddress: { type: 'integer' }, custentity_flag: { type: 'boolean' }, custentity_day: { type: 'string', format: 'date' } } },
    };
    expect(refusal('SELECT BUILTIN.DF(c.custentity_text) FROM customer c', plain)).toMatch(/only as a REST string/);
    expect(refusal('SELECT BUILTIN.DF(c.custentity_number) FROM customer c', plain)).toMatch(/only as a REST integer/);
    // A standard integer column without a known foreign key stays unknown whatever plain type REST gives it.
    expect(refusal('SELECT BUILTIN.DF(c.defaultbillingaddress) FROM customer c', plain)).toMatch(/only as a REST integer|internal id whose record type SuiteLens does not know/);
    expect(reads('SELECT BUILTIN.DF(c.custentity_flag), BUILTIN.DF(c.custentity_day) FROM customer c', plain)).toEqual(['customer']);
  });

  it('refuses an untyped reference and a sublist', () => {
    expect(refusal('SELECT BUILTIN.DF(c.custentity_legacy) FROM customer c', schemas)).toMatch(/no record type \(an untyped nsResource reference\)/);
    expect(refusal('SELECT BUILTIN.DF(c.addressbook) FROM customer c', schemas)).toMatch(/not as a column/);
  });

  it('keeps the standard foreign key over the catalog', () => {
    const misleading: RecordTypeSchemas = { customer: { properties: { salesRep: { type: 'string' } } } };
    expect(displayTargetOf('customer', 'salesrep', misleading)).toEqual({ kind: 'table', table: 'employee' });
  });

  it('asks for the schemas of catalog types whose displayed columns the standard tables cannot place', () => {
    const read = tablesReadBy('SELECT BUILTIN.DF(c.custentity_x), BUILTIN.DF(c.salesrep), BUILTIN.DF(r.custrecord_owner), BUILTIN.DF(t.custbody_y) FROM customer c, customrecord_Fleet r, transaction t');
    if (!read.ok) throw new Error(read.reason);
    expect(recordTypesToDescribe(read.displayed, ['customer', 'customrecord_Fleet', 'employee'])).toEqual(['customer', 'customrecord_Fleet']);
  });
});
