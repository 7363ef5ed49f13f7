import { describe, expect, it } from 'vitest';
import { completeSuiteQL } from '../../src/suiteql/completion';
import { diagnoseSuiteQL } from '../../src/suiteql/diagnostics';
import { hoverSuiteQL } from '../../src/suiteql/hover';
import { parseSuiteQL, toParserText, warmUpSuiteQL } from '../../src/suiteql/parser';
import { SuiteQLSchema } from '../../src/suiteql/schema';
import { focusOnCaret } from '../../src/suiteql/focus';
import { quickTokens } from '../../src/suiteql/lightTokens';
import { blankSuiteQLOnlySyntax } from '../../src/suiteql/prepass';
import { atMarker } from './suiteqlCorpusFiles';

const customerJsonSchema = {
  type: 'object',
  properties: {
    links: { type: 'array', items: { $ref: '/services/rest/record/v1/metadata-catalog/nsLink' } },
    refName: { title: 'Reference Name', type: 'string', readOnly: true },
    companyName: { title: 'Company Name', type: 'string', nullable: true },
    startDate: { title: 'Start Date', type: 'string', format: 'date', nullable: true },
    custentity_region: { title: 'Region', type: 'string', nullable: true, 'x-ns-custom-field': true },
    subsidiary: { $ref: '/services/rest/record/v1/metadata-catalog/subsidiary' },
    currency: { $ref: '#/components/schemas/nsResource' },
    addressBook: { $ref: '/services/rest/record/v1/metadata-catalog/customer-addressBookCollection' },
    emailPreference: { type: 'object', properties: { id: { type: 'string', enum: ['PDF', 'HTML'] }, refName: { type: 'string' } } },
  },
};

function hoverAt(marked: string, schema: SuiteQLSchema) {
  const { text, offset } = atMarker(marked);
  return hoverSuiteQL(text, offset, schema);
}

describe('SuiteQLSchema', () => {
  it('reads a NetSuite JSON Schema: lower-cased columns, labels, types, custom fields, record references; no sublists or links', () => {
    const schema = new SuiteQLSchema();
    schema.addRecordTypeSchema('customer', customerJsonSchema);
    const customer = schema.table('CUSTOMER');
    expect([...(customer?.columns.keys() ?? [])].sort()).toEqual(['companyname', 'currency', 'custentity_region', 'emailpreference', 'startdate', 'subsidiary']);
    expect(customer?.columns.get('startdate')).toMatchObject({ label: 'Start Date', type: 'string (date)', custom: false, source: 'catalog' });
    expect(customer?.columns.get('custentity_region')?.custom).toBe(true);
    expect(customer?.columns.get('subsidiary')?.references).toBe('subsidiary');
    expect(customer?.columns.get('currency')?.references).toBeUndefined();
    expect(customer?.columnsComplete).toBe(false);
  });

  it('refuses a schema without properties, naming the record type', () => {
    expect(() => new SuiteQLSchema().addRecordTypeSchema('customer', { type: 'object' })).toThrow(/customer.*properties/);
  });

  it('keeps the bundled SuiteQL type of a standard column when the catalog describes it too', () => {
    const schema = SuiteQLSchema.withStandardTables();
    schema.addRecordTypeSchema('customer', customerJsonSchema);
    expect(schema.table('customer')?.columns.get('subsidiary')).toMatchObject({ type: 'integer', references: 'subsidiary', source: 'standard' });
    expect(schema.table('customer')?.columns.get('custentity_region')?.source).toBe('catalog');
  });

  it('learns columns from results, and completion offers them', () => {
    const schema = SuiteQLSchema.withStandardTables();
    const before = schema.version;
    schema.learnColumns('customer', ['links', 'id', 'CUSTENTITY_LOYALTY_TIER']);
    expect(schema.version).toBeGreaterThan(before);
    expect(schema.table('customer')?.columns.get('custentity_loyalty_tier')).toMatchObject({ source: 'learned', custom: true });
    expect(schema.table('customer')?.columns.has('links')).toBe(false);
    const { text, offset } = atMarker('SELECT c.| FROM customer c');
    expect(completeSuiteQL(text, offset, schema).map((item) => item.label)).toContain('custentity_loyalty_tier');
  });
});

describe('completion items', () => {
  const schema = SuiteQLSchema.withStandardTables();

  it('replaces the partial word at the caret and says what the column is', () => {
    const { text, offset } = atMarker('SELECT c.compa| FROM customer c');
    const item = completeSuiteQL(text, offset, schema).find((candidate) => candidate.label === 'companyname');
    expect(item).toMatchObject({ kind: 'column', insertText: 'companyname', replaceStart: offset - 'compa'.length, replaceEnd: offset, detail: 'customer.companyname · string' });
    expect(item?.documentation).toContain('Company Name');
  });

  it('qualifies columns when several tables are in scope', () => {
    const { text, offset } = atMarker('SELECT | FROM customer c JOIN transaction t ON t.entity = c.id');
    const inserts = completeSuiteQL(text, offset, schema).map((item) => item.insertText);
    expect(inserts).toContain('c.companyname');
    expect(inserts).toContain('t.tranid');
  });

  it('gives functions their signatures', () => {
    const { text, offset } = atMarker('SELECT | FROM customer');
    const nvl = completeSuiteQL(text, offset, schema).find((item) => item.label === 'NVL');
    expect(nvl).toMatchObject({ kind: 'function', detail: 'NVL(expression, replacement)', insertText: 'NVL(' });
  });

  it('looks only at the statement around the caret in a file of several, with offsets into the whole file', () => {
    const { text, offset } = atMarker("SELECT t.tranid FROM transaction t;\nSELECT c.compa| FROM customer c;\nSELECT 'x;y' FROM DUAL");
    const items = completeSuiteQL(text, offset, schema);
    expect(items.map((item) => item.label)).toContain('companyname');
    expect(items.map((item) => item.label)).not.toContain('tranid');
    expect(items[0]).toMatchObject({ replaceStart: offset - 'compa'.length, replaceEnd: offset });
    const hover = hoverSuiteQL(text, text.indexOf('tranid') + 2, schema);
    expect(hover).toMatchObject({ start: text.indexOf('tranid'), end: text.indexOf('tranid') + 'tranid'.length });
    expect(hoverSuiteQL(text, text.lastIndexOf('customer') + 1, schema)?.contents).toContain('**Customer**');
  });

  it('offers tables from the catalog next to the standard ones', () => {
    const withCatalog = SuiteQLSchema.withStandardTables();
    withCatalog.addRecordTypeSchema('customrecord_shipment_box', { properties: { name: { title: 'Name', type: 'string' } } });
    const { text, offset } = atMarker('SELECT * FROM |');
    expect(completeSuiteQL(text, offset, withCatalog).map((item) => item.label)).toContain('customrecord_shipment_box');
  });
});

describe('hover', () => {
  const schema = SuiteQLSchema.withStandardTables();

  it('shows label, type and record type of an aliased column', () => {
    const hover = hoverAt('SELECT c.comp|anyname FROM customer c', schema);
    expect(hover?.contents).toContain('Company Name');
    expect(hover?.contents).toContain('Type: string');
    expect(hover?.contents).toContain('Record type: Customer');
    expect(hover).toMatchObject({ start: 9, end: 20 });
  });

  it('shows a foreign key target', () => {
    expect(hoverAt('SELECT tl.tran|saction FROM transactionline tl', schema)?.contents).toContain('→ `transaction.id`');
  });

  it('describes a table and an alias', () => {
    expect(hoverAt('SELECT * FROM transaction|line', schema)?.contents).toContain('Transaction Line');
    expect(hoverAt('SELECT t|.id FROM transaction t', schema)?.contents).toContain('**Transaction**');
  });

  it('resolves an unqualified column when one table has it', () => {
    expect(hoverAt('SELECT trand|ate FROM transaction', schema)?.contents).toContain('Date');
  });

  it('explains functions, BUILTIN ones included', () => {
    expect(hoverAt('SELECT BUILTIN.D|F(t.entity) FROM transaction t', schema)?.contents).toContain('Display value');
    expect(hoverAt('SELECT NV|L(t.memo, 1) FROM transaction t', schema)?.contents).toContain('NVL(expression, replacement)');
  });

  it('says nothing on strings, keywords or unknown names', () => {
    expect(hoverAt("SELECT 'compa|nyname' FROM customer", schema)).toBeUndefined();
    expect(hoverAt('SELECT c.nosuch|column FROM customer c', schema)).toBeUndefined();
  });
});

describe('diagnostics', () => {
  const schema = SuiteQLSchema.withStandardTables();

  it('flags LIMIT and OFFSET, which SuiteQL lacks, and suggests what to use', () => {
    const text = 'SELECT id FROM customer ORDER BY id OFFSET 10 LIMIT 5';
    const diagnostics = diagnoseSuiteQL(text, schema);
    expect(diagnostics.map((d) => d.code).sort()).toEqual(['limit', 'offset']);
    const limit = diagnostics.find((d) => d.code === 'limit');
    expect(limit?.message).toMatch(/ROWNUM|FETCH FIRST/);
    expect(text.slice(limit?.start, limit?.end)).toBe('LIMIT 5');
  });

  it('flags LIMIT inside a subquery too', () => {
    expect(diagnoseSuiteQL('SELECT * FROM (SELECT id FROM customer LIMIT 5) x', schema).map((d) => d.code)).toEqual(['limit']);
  });

  it('warns about paging without ORDER BY only when the caller says the result has several pages', () => {
    const text = 'SELECT id FROM customer';
    expect(diagnoseSuiteQL(text, schema)).toEqual([]);
    expect(diagnoseSuiteQL(text, schema, { multiPage: true }).map((d) => d.code)).toEqual(['unordered-paging']);
    expect(diagnoseSuiteQL(`${text} ORDER BY id`, schema, { multiPage: true })).toEqual([]);
    // An ORDER BY inside a subquery does not order the pages.
    expect(diagnoseSuiteQL('SELECT * FROM (SELECT id FROM customer ORDER BY id) x', schema, { multiPage: true }).map((d) => d.code)).toEqual(['unordered-paging']);
  });

  it('reports an unknown column only where the table is fully known', () => {
    const text = 'SELECT c.companyname, c.nosuchcolumn FROM customer c';
    expect(diagnoseSuiteQL(text, schema)).toEqual([]);
    const complete = SuiteQLSchema.withStandardTables();
    complete.addRecordTypeSchema('customer', customerJsonSchema, { complete: true });
    const [unknown] = diagnoseSuiteQL(text, complete);
    expect(unknown).toMatchObject({ code: 'unknown-column', message: 'Unknown column "nosuchcolumn" in table "customer".' });
    expect(text.slice(unknown.start, unknown.end)).toBe('nosuchcolumn');
  });

  it('resolves aliases through correlated subqueries, and stays silent for derived tables and CTEs', () => {
    const complete = SuiteQLSchema.withStandardTables();
    complete.addRecordTypeSchema('customer', customerJsonSchema, { complete: true });
    const correlated = 'SELECT 1 FROM customer c WHERE EXISTS (SELECT 1 FROM transaction t WHERE t.entity = c.bogus)';
    expect(diagnoseSuiteQL(correlated, complete).map((d) => d.message)).toEqual(['Unknown column "bogus" in table "customer".']);
    expect(diagnoseSuiteQL('SELECT x.bogus FROM (SELECT id FROM customer) x', complete)).toEqual([]);
    expect(diagnoseSuiteQL('WITH customer AS (SELECT 1 AS bogus FROM DUAL) SELECT customer.bogus FROM customer', complete)).toEqual([]);
  });

  it('reports an unknown table only when the schema lists every table', () => {
    const text = 'SELECT * FROM customer JOIN nosuchtable n ON n.id = customer.id';
    expect(diagnoseSuiteQL(text, schema)).toEqual([]);
    const everything = SuiteQLSchema.withStandardTables(true);
    const [unknown] = diagnoseSuiteQL(text, everything);
    expect(unknown).toMatchObject({ code: 'unknown-table', message: 'Unknown table "nosuchtable".' });
    expect(text.slice(unknown.start, unknown.end)).toBe('nosuchtable');
    expect(diagnoseSuiteQL('WITH recent AS (SELECT id FROM customer) SELECT * FROM recent', everything)).toEqual([]);
  });

  it('says nothing about a query that does not parse', () => {
    expect(diagnoseSuiteQL('SELECT FROM WHERE LIMIT', schema)).toEqual([]);
  });
});

describe('pre-pass and parser', () => {
  it('keeps every offset: TOP, (+), MINUS and LISTAGG are rewritten in place', () => {
    const text = "SELECT TOP 5 LISTAGG(c.id, ',') FROM customer c, transaction t WHERE t.entity(+) = c.id MINUS SELECT 1 FROM DUAL";
    const parserText = toParserText(text);
    expect(parserText).toHaveLength(text.length);
    expect(parserText).toBe("SELECT       LISTAGX(c.id, ',') FROM customer c, transaction t WHERE t.entity    = c.id UNION SELECT 1 FROM DUAL");
  });

  it('leaves LISTAGG … WITHIN GROUP and text in strings alone', () => {
    const text = "SELECT LISTAGG(id, ',') WITHIN GROUP (ORDER BY id), 'TOP 5 (+) MINUS' FROM customer";
    expect(toParserText(text)).toBe(text);
  });

  it('reports syntax problems with offsets into the original text', () => {
    const text = 'SELECT id FROM customer WHERE';
    const [problem] = parseSuiteQL(text).problems;
    expect(problem.start).toBe(text.length);
  });

  it('warms up without throwing', () => {
    expect(() => warmUpSuiteQL()).not.toThrow();
  });
});

describe('caret focus (what dt-sql-parser sees on the keystroke path)', () => {
  const focus = (marked: string) => {
    const { text, offset } = atMarker(marked);
    const tokens = quickTokens(text);
    const focused = focusOnCaret(blankSuiteQLOnlySyntax(text, tokens), tokens, offset);
    return `${focused.text.slice(0, focused.caret)}|${focused.text.slice(focused.caret)}`;
  };

  it('keeps the caret item and the FROM clause, collapses other items, subqueries and clauses away from the caret', () => {
    expect(focus("SELECT a.id, NVL(a.x, 'y'), c.| , (SELECT MAX(id) FROM vendor) FROM customer c -- note\nWHERE c.id IN (1, 2) ORDER BY 1")).toBe(
      'SELECT 1 , c.| , 1 FROM customer c\n',
    );
  });

  it('keeps the clause the caret is in, and the subquery around it with its own FROM', () => {
    expect(focus('SELECT id FROM customer c WHERE EXISTS (SELECT 1 FROM transaction t WHERE t.entity = c.| AND t.id > 5) ORDER BY id')).toBe(
      'SELECT id FROM customer c WHERE EXISTS (SELECT 1 FROM transaction t WHERE t.entity = c.| ) ',
    );
  });

  it('keeps derived tables and special-syntax blocks whole where a placeholder would not parse', () => {
    expect(focus('SELECT | FROM (SELECT id FROM customer) x, (transaction t JOIN account a ON a.id = t.id)')).toBe(
      'SELECT | FROM (SELECT 1 ) x, (transaction t JOIN account a ON a.id = t.id)',
    );
    expect(focus('SELECT CAST(t.x AS varchar), ROW_NUMBER() OVER (ORDER BY t.id), t.| FROM transaction t')).toBe('SELECT 1 , t.| FROM transaction t');
  });
});
