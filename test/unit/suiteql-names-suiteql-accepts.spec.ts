/**
 * Issue 21, items 2, 3 and the `type = '…'` point of 15: completion offers the names SuiteQL accepts (REST catalog
 * fields mapped to their SuiteQL columns), unknown tables and columns get a "did you mean" warning only where the
 * schema can be sure, type ids are completed inside the quotes, and NetSuite's own run errors are located in the
 * query.
 */
import { describe, expect, it } from 'vitest';
import { analyticsTablesSourceFile, loadAnalyticsTables } from '../../src/suiteql/analyticsTables';
import { completeSuiteQL } from '../../src/suiteql/completion';
import { diagnoseSuiteQL } from '../../src/suiteql/diagnostics';
import { hoverSuiteQL } from '../../src/suiteql/hover';
import { closestName } from '../../src/suiteql/nameSuggestions';
import { restFieldForSuiteQLColumn, suiteQLColumnForRestField } from '../../src/suiteql/restFieldNames';
import { locateRunError } from '../../src/suiteql/runErrors';
import { SuiteQLSchema } from '../../src/suiteql/schema';
import { atMarker, corpusQueries } from './suiteqlCorpusFiles';

// The customer fields of the REST metadata catalog that matter here, as the catalog describes them.
const customerRestSchema = {
  type: 'object',
  properties: {
    companyName: { title: 'Company Name', type: 'string' },
    balance: { title: 'Balance', type: 'number', format: 'double', readOnly: true },
    overdueBalance: { title: 'Overdue Balance', type: 'number', format: 'double', readOnly: true },
    unbilledOrders: { title: 'Unbilled Orders', type: 'number', format: 'double', readOnly: true },
    custentity_region: { title: 'Region', type: 'string', 'x-ns-custom-field': true },
  },
};

function withCatalogCustomer(): SuiteQLSchema {
  const schema = SuiteQLSchema.withStandardTables();
  schema.addRecordTypeSchema('customer', customerRestSchema);
  return schema;
}

function complete(marked: string, schema: SuiteQLSchema) {
  const { text, offset } = atMarker(marked);
  return completeSuiteQL(text, offset, schema);
}

const problems = (query: string, schema: SuiteQLSchema) => diagnoseSuiteQL(query, schema).map((d) => ({ at: query.slice(d.start, d.end), message: d.message, suggestion: d.suggestion }));

describe('REST field ↔ SuiteQL column names', () => {
  it('maps the customer balance fields both ways, and leaves names that do not differ alone', () => {
    expect(suiteQLColumnForRestField('customer', 'balance')).toBe('balancesearch');
    expect(suiteQLColumnForRestField('Customer', 'overdueBalance')).toBe('overduebalancesearch');
    expect(suiteQLColumnForRestField('customer', 'unbilledOrders')).toBe('unbilledorderssearch');
    expect(suiteQLColumnForRestField('customer', 'consolBalance')).toBe('consolbalancesearch');
    expect(restFieldForSuiteQLColumn('customer', 'balancesearch')).toBe('balance');
    expect(suiteQLColumnForRestField('customer', 'companyName')).toBeUndefined();
    expect(suiteQLColumnForRestField('transaction', 'balance')).toBeUndefined();
    expect(restFieldForSuiteQLColumn('customer', 'companyname')).toBeUndefined();
  });

  it('reads a catalog field SuiteQL names differently as its SuiteQL column, remembering the REST name', () => {
    const customer = withCatalogCustomer().table('customer');
    expect(customer?.columns.has('balance')).toBe(false);
    expect(customer?.columns.get('balancesearch')).toMatchObject({ restName: 'balance', type: 'currency', source: 'standard' });
    expect(customer?.columns.get('unbilledorderssearch')?.restName).toBe('unbilledorders');
    expect(customer?.restFields.get('overduebalance')).toBe('overduebalancesearch');
    expect(customer?.columns.has('companyname')).toBe(true);
  });
});

describe('completion offers only names SuiteQL accepts', () => {
  it('offers balancesearch, never the REST field balance, on customer', () => {
    const schema = withCatalogCustomer();
    const items = complete('SELECT bal| FROM customer', schema).filter((item) => item.kind === 'column');
    const labels = items.map((item) => item.label);
    expect(labels).toContain('balancesearch');
    expect(labels).not.toContain('balance');
    const balance = items.find((item) => item.label === 'balancesearch');
    expect(balance?.detail).toMatch(/REST field: balance/);
    expect(labels.sort()[0]).toBe('balancesearch');
    expect(complete('SELECT c.| FROM customer c', schema).map((item) => item.label)).not.toContain('overduebalance');
  });

  it('says in hover which REST field a SuiteQL column is', () => {
    const { text, offset } = atMarker('SELECT balance|search FROM customer');
    expect(hoverSuiteQL(text, offset, withCatalogCustomer())?.contents).toMatch(/REST.*`balance`/);
  });

  it('puts a column NetSuite refused in a run last, marked, until a result shows it', () => {
    const schema = SuiteQLSchema.withStandardTables();
    schema.addRecordTypeSchema('customer', { properties: { ...customerRestSchema.properties, consolaging: { type: 'number' } } });
    schema.rejectColumn('customer', 'consolaging', "Unknown identifier 'consolaging'.");
    const columns = () => complete('SELECT | FROM customer', schema).filter((item) => item.kind === 'column');
    const refused = columns().find((item) => item.label === 'consolaging');
    expect(refused?.detail).toMatch(/NetSuite refused/);
    // The editor orders by sortText as plain strings.
    expect([...columns()].sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0)).at(-1)?.label).toBe('consolaging');
    expect(problems('SELECT consolaging FROM customer', schema)).toHaveLength(0);
    schema.learnColumns('customer', ['consolaging']);
    expect(columns().find((item) => item.label === 'consolaging')?.detail).not.toMatch(/refused/);
  });
});

describe('unknown tables and columns', () => {
  const schema = withCatalogCustomer();

  it('warns about a table a slip away from a known one, with did-you-mean, even when the schema is partial', () => {
    expect(problems('SELECT * FROM transactoin', schema)).toEqual([
      { at: 'transactoin', message: 'Unknown table "transactoin". Did you mean "transaction"?', suggestion: 'transaction' },
    ]);
    // Nothing close, and the schema does not list every table: silent (it may be a table SuiteLens does not know).
    expect(problems('SELECT * FROM somethingelse', schema)).toEqual([]);
    expect(problems('SELECT * FROM customrecord_projct', schema)).toEqual([]);
  });

  it('warns about every unknown table once the schema lists them all (the demo)', () => {
    const complete = SuiteQLSchema.withStandardTables();
    complete.markTablesComplete();
    expect(problems('SELECT * FROM somethingelse', complete).map((p) => p.message)).toEqual(['Unknown table "somethingelse".']);
  });

  it('says which SuiteQL column a REST field name is, qualified or bare, in SELECT, WHERE and ORDER BY', () => {
    expect(problems('SELECT id, balance FROM customer ORDER BY balance', schema)).toEqual([
      { at: 'balance', message: '"balance" is the REST field; SuiteQL\'s column on customer is "balancesearch".', suggestion: 'balancesearch' },
      { at: 'balance', message: '"balance" is the REST field; SuiteQL\'s column on customer is "balancesearch".', suggestion: 'balancesearch' },
    ]);
    expect(problems('SELECT c.overduebalance FROM customer c', SuiteQLSchema.withStandardTables()).map((p) => p.suggestion)).toEqual(['overduebalancesearch']);
  });

  it('warns about a column a slip away from a known one on a partly known table', () => {
    expect(problems('SELECT t.foreigntotl FROM transaction t', schema)).toEqual([
      { at: 'foreigntotl', message: 'Unknown column "foreigntotl" in table "transaction". Did you mean "foreigntotal"?', suggestion: 'foreigntotal' },
    ]);
    expect(problems('SELECT companynme FROM customer', schema).map((p) => p.suggestion)).toEqual(['companyname']);
  });

  it('stays silent where it cannot be sure', () => {
    const silent = [
      // custom fields come and go with the account
      'SELECT custentity_regoin, c.custbody_x FROM customer c',
      // nothing close on a partly known table
      'SELECT t.somethingelse FROM transaction t',
      // a select alias used in ORDER BY; pseudo columns
      'SELECT foreigntotal AS totl FROM transaction ORDER BY totl',
      'SELECT id FROM transaction WHERE ROWNUM <= 10 AND trandate < SYSDATE',
      // a bare name in a join or a subquery may belong to another table
      'SELECT c.id FROM customer c JOIN transaction t ON t.entity = c.id WHERE foreigntotl > 0',
      'SELECT id FROM customer c WHERE EXISTS (SELECT 1 FROM transaction WHERE entity = c.id AND companynme IS NULL)',
      // columns of a table SuiteLens does not know, derived tables, CTEs
      'SELECT x.foreigntotl FROM somethingelse x',
      'SELECT x.foreigntotl FROM (SELECT foreigntotal FROM transaction) x',
    ];
    for (const query of silent) expect(problems(query, schema), query).toEqual([]);
  });

  it('raises no false alarm on the public SuiteQL corpus, and catches a slip in it', async () => {
    const real = SuiteQLSchema.withStandardTables();
    real.addAnalyticsTables(await loadAnalyticsTables(analyticsTablesSourceFile));
    const alarms = corpusQueries().flatMap(({ file, text }) => problems(text, real).filter((p) => p.suggestion !== undefined).map((p) => `${file}: ${p.message}`));
    expect(alarms).toEqual([]);
    // …while the same queries with a slip in a table name are caught.
    const slipped = corpusQueries().find(({ text }) => /\bFROM\s+transaction\b/i.test(text))?.text.replace(/\bFROM(\s+)transaction\b/i, 'FROM$1transactoin') ?? '';
    expect(problems(slipped, real).map((p) => p.suggestion)).toContain('transaction');
  }, 120_000);

  it('suggests only a single closest name, and nothing for short names', () => {
    expect(closestName('transactoin', ['transaction', 'transactionline'])).toBe('transaction');
    expect(closestName('entty', ['entity', 'entry'])).toBeUndefined();
    expect(closestName('idd', ['id'])).toBeUndefined();
  });
});

describe("type ids inside `type = '…'`", () => {
  const schema = SuiteQLSchema.withStandardTables();
  const values = (marked: string) => complete(marked, schema).filter((item) => item.kind === 'value');

  it('offers transaction type ids with their NetSuite labels, replacing what is typed inside the quotes', () => {
    const marked = "SELECT id FROM transaction t WHERE t.type = 'Cu|'";
    const items = values(marked);
    const invoice = items.find((item) => item.label === 'CustInvc');
    expect(invoice).toMatchObject({ detail: 'Invoice', insertText: 'CustInvc' });
    expect(items.map((item) => item.label)).toContain('SalesOrd');
    const { text } = atMarker(marked);
    expect(text.slice(invoice?.replaceStart, invoice?.replaceEnd)).toBe('Cu');
  });

  it('works unqualified, after <>, and in an IN list', () => {
    expect(values("SELECT id FROM transaction WHERE type = '|").map((item) => item.label)).toContain('VendBill');
    expect(values("SELECT id FROM transaction WHERE type <> '|'").map((item) => item.label)).toContain('Journal');
    expect(values("SELECT id FROM transaction WHERE type IN ('SalesOrd', '|')").map((item) => item.label)).toContain('CustInvc');
  });

  it('offers item and entity type ids on their tables', () => {
    expect(values("SELECT id FROM item WHERE itemtype = '|'").find((item) => item.label === 'InvtPart')?.detail).toBe('Inventory Item');
    expect(values("SELECT id FROM entity e WHERE e.type = '|'").map((item) => item.label)).toContain('CustJob');
  });

  it('offers nothing in other strings', () => {
    expect(complete("SELECT id FROM customer WHERE companyname = '|'", schema)).toEqual([]);
    expect(complete("SELECT id FROM transaction WHERE memo = '|'", schema)).toEqual([]);
    expect(complete("SELECT id FROM customer c WHERE c.type = '|'", schema)).toEqual([]);
  });
});

describe("NetSuite's run errors located in the query", () => {
  const prefix = 'Invalid search query. Detailed unprocessed description follows. ';

  it('puts an unknown identifier on the name, and says which table it was looked for in', () => {
    const query = 'SELECT id, balance\nFROM customer\nORDER BY balance';
    const located = locateRunError(query, `${prefix}Search error occurred: Unknown identifier 'balance'. Available identifiers are: {customer=customer}.`);
    expect(query.slice(located.start, located.end)).toBe('balance');
    expect(located).toMatchObject({ message: "Unknown identifier 'balance'. Available identifiers are: {customer=customer}.", table: 'customer', column: 'balance' });
  });

  it('resolves an alias through NetSuite’s identifier map', () => {
    const query = 'SELECT t.foreigntotl FROM transaction t JOIN customer c ON c.id = t.entity';
    const located = locateRunError(query, `${prefix}Search error occurred: Unknown identifier 't.foreigntotl'. Available identifiers are: {c=customer, t=transaction}.`);
    expect(query.slice(located.start, located.end)).toBe('t.foreigntotl');
    expect(located).toMatchObject({ table: 'transaction', column: 'foreigntotl' });
  });

  it('puts an unknown table on its name, a catch-all on what SuiteLens sees wrong, anything else on the first line', () => {
    const table = 'SELECT *\nFROM transactoin';
    const unknownTable = locateRunError(table, `${prefix}Invalid search type: transactoin.`);
    expect(table.slice(unknownTable.start, unknownTable.end)).toBe('transactoin');
    expect(unknownTable.message).toBe('Invalid search type: transactoin.');
    const generic = "SELECT id FROM customer WHERE companyname = 'x";
    const catchAll = locateRunError(generic, `${prefix}Search error occurred: Invalid or unsupported search.`);
    expect(generic.slice(catchAll.start, catchAll.end)).toBe("'x");
    const other = '  SELECT id FROM customer\nWHERE 1 = 1';
    const elsewhere = locateRunError(other, 'An unexpected error occurred. Error ID: abc');
    expect(other.slice(elsewhere.start, elsewhere.end)).toBe('SELECT id FROM customer');
  });
});

describe('REST record types SuiteQL has no table for (transactions and items)', () => {
  const catalog = ['customer', 'salesOrder', 'invoice', 'inventoryItem', 'serviceSaleItem', 'term', 'customrecord_project'];

  it('leaves them out of the tables offered after FROM, and keeps the catalog types that are tables', () => {
    const schema = SuiteQLSchema.withStandardTables();
    schema.addCatalogTables(catalog);
    const offered = complete('SELECT id FROM |', schema).map((item) => item.label.toLowerCase());
    expect(offered).toEqual(expect.arrayContaining(['customer', 'term', 'customrecord_project', 'transaction', 'item']));
    for (const restOnly of ['salesorder', 'invoice', 'inventoryitem', 'servicesaleitem']) expect(offered).not.toContain(restOnly);
  });

  it('says which table and type id to use, on a real account (schema not complete) and on the demo alike', () => {
    for (const complete of [false, true]) {
      const schema = SuiteQLSchema.withStandardTables();
      schema.addCatalogTables(catalog);
      if (complete) schema.markTablesComplete();
      const [order] = diagnoseSuiteQL('SELECT id FROM salesorder', schema).filter((d) => d.code === 'unknown-table');
      expect(order?.message).toBe(`SuiteQL has no table "salesorder": Sales Order records are rows of transaction. Use FROM transaction WHERE type = 'SalesOrd'.`);
      expect(order?.suggestion).toBe('transaction');
      const [part] = diagnoseSuiteQL('SELECT i.id FROM InventoryItem i', schema).filter((d) => d.code === 'unknown-table');
      expect(part?.message).toMatch(/rows of item\. Use FROM item WHERE itemtype = 'InvtPart'\.$/);
    }
  });

  it('does not warn about the tables SuiteQL has', () => {
    const schema = SuiteQLSchema.withStandardTables();
    schema.addCatalogTables(catalog);
    const query = "SELECT t.id FROM transaction t JOIN customer c ON c.id = t.entity WHERE t.type = 'SalesOrd'";
    expect(diagnoseSuiteQL(query, schema).filter((d) => d.code === 'unknown-table')).toEqual([]);
  });
});
