/**
 * The bundled SuiteQL analytics table names (src/suiteql/data/analyticsTables.json): every name has a public source,
 * completion offers them after FROM without any catalog, hover says where a name came from, and the build copies the
 * list beside the bundle instead of compiling it in.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyticsTablesSourceFile, loadAnalyticsTables, parseAnalyticsTables } from '../../src/suiteql/analyticsTables';
import { completeSuiteQL } from '../../src/suiteql/completion';
import { hoverSuiteQL } from '../../src/suiteql/hover';
import { SuiteQLSchema } from '../../src/suiteql/schema';

const list = await loadAnalyticsTables(analyticsTablesSourceFile);

function schemaWithAnalytics(): SuiteQLSchema {
  const schema = SuiteQLSchema.withStandardTables();
  schema.addAnalyticsTables(list);
  return schema;
}

const labels = (schema: SuiteQLSchema, marked: string) => completeSuiteQL(marked.replace('|', ''), marked.indexOf('|'), schema).map((item) => item.label);

describe('bundled SuiteQL analytics table names', () => {
  it('lists hundreds of real tables, each with a described public source', () => {
    expect(list.tables.length).toBeGreaterThan(700);
    for (const table of list.tables) {
      expect(table.sources.length, table.name).toBeGreaterThan(0);
      for (const key of table.sources) expect(list.sources[key]?.detail, `${table.name} cites ${key}`).toMatch(/\w/);
    }
    const names = list.tables.map((table) => table.name);
    expect(names).toEqual(expect.arrayContaining(['transactionaccountingline', 'systemnote', 'trackingnumbermap', 'previoustransactionlinelink', 'consolidatedexchangerate', 'employeerolesforsearch']));
    expect(names).not.toContain('customerstatus');
    expect(names.filter((name) => name.startsWith('customrecord_') || name.startsWith('map_'))).toEqual([]);
  });

  it('completes an analytics table after FROM that the standard tables alone do not have', () => {
    expect(labels(SuiteQLSchema.withStandardTables(), 'SELECT * FROM consolidatedexch|')).not.toContain('consolidatedexchangerate');
    expect(labels(schemaWithAnalytics(), 'SELECT * FROM consolidatedexch|')).toContain('consolidatedexchangerate');
    expect(labels(schemaWithAnalytics(), 'SELECT * FROM transaction t JOIN transactionaccountinglinecost|')).toContain('transactionaccountinglinecostcomponent');
  });

  it('keeps the standard description of a table it also names, and hover says where a name-only table came from', () => {
    const schema = schemaWithAnalytics();
    expect(schema.table('transactionaccountingline')?.columns.get('account')?.references).toBe('account');
    const query = 'SELECT * FROM consolidatedexchangerate';
    const hover = hoverSuiteQL(query, query.indexOf('consolidated') + 3, schema);
    expect(hover?.contents).toContain('public sources show real accounts have');
    expect(hover?.contents).toContain("Seen in one real account's SuiteQL table map");
  });

  it('refuses a malformed list instead of adding its entries', () => {
    const a = { title: 'a source', detail: 'where' };
    expect(() => parseAnalyticsTables({ sources: { a }, tables: { 'drop table': ['a'] } })).toThrow(/bad entry/);
    expect(() => parseAnalyticsTables({ sources: { a }, tables: { account: ['unknown'] } })).toThrow(/bad entry/);
    expect(() => parseAnalyticsTables({ sources: { a: 'untitled' }, tables: { account: ['a'] } })).toThrow(/bad entry/);
    expect(() => parseAnalyticsTables([])).toThrow(/no "sources"/);
  });

  it('is copied beside the bundle by the build, not compiled into it', () => {
    const build = readFileSync('esbuild.mjs', 'utf8');
    expect(build).toContain("copyFileSync('src/suiteql/data/analyticsTables.json', 'dist/suiteql-analytics-tables.json')");
    expect(readFileSync('src/suiteql/analyticsTables.ts', 'utf8')).not.toMatch(/import .*analyticsTables\.json/);
  });
});
