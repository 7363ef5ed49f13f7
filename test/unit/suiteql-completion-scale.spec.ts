/**
 * Completion at a real account's scale (1,000+ tables, 50,000+ columns): a typed word narrows tables and columns
 * through an index the way the editor's own filter would (nothing the editor would show is lost), and the two
 * commonest spots, after FROM/JOIN and after `alias.`, skip dt-sql-parser's suggestion parse (test/bench/completion.ts
 * measures the time this saves).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyticsTablesSourceFile, loadAnalyticsTables } from '../../src/suiteql/analyticsTables';
import { completeSuiteQL } from '../../src/suiteql/completion';
import { suiteQLDialect } from '../../src/suiteql/parser';
import { SuiteQLSchema } from '../../src/suiteql/schema';

const analytics = await loadAnalyticsTables(analyticsTablesSourceFile);

/** The bundled tables, the analytics names and 1,000 custom record types of 50 columns each. */
function realSizeSchema(): SuiteQLSchema {
  const schema = SuiteQLSchema.withStandardTables();
  schema.addAnalyticsTables(analytics);
  for (let i = 0; i < 1_000; i++) {
    const properties: Record<string, unknown> = { owner: { $ref: '/services/rest/record/v1/metadata-catalog/employee' } };
    for (let c = 0; c < 49; c++) properties[`custrecord_r${i}_f${c}`] = { title: `Field ${c}`, type: 'string' };
    schema.addRecordTypeSchema(`customrecord_r${i}`, { properties });
  }
  return schema;
}

const schema = realSizeSchema();
const complete = (marked: string) => completeSuiteQL(marked.replace('|', ''), marked.indexOf('|'), schema);
const labels = (marked: string) => complete(marked).map((item) => item.label);

/** The editor's filter, roughly: the first letter starts the name or a `_` part, the rest follow in order. */
function editorShows(typed: string, label: string): boolean {
  const starts = [0, ...[...label].flatMap((char, i) => (char === '_' ? [i + 1] : []))];
  return starts.some((start) => {
    if (label[start] !== typed[0]) return false;
    let at = start + 1;
    for (const char of typed.slice(1)) {
      at = label.indexOf(char, at);
      if (at < 0) return false;
      at++;
    }
    return true;
  });
}

afterEach(() => vi.restoreAllMocks());

describe('completion at a real account\u2019s scale', () => {
  it('holds 1,000+ tables and 50,000+ columns', () => {
    expect(schema.tables().length).toBeGreaterThan(1_700);
    expect(schema.tables().reduce((sum, table) => sum + table.columns.size, 0)).toBeGreaterThan(50_000);
  });

  it('narrows tables to what the editor would show for the typed word, losing none of them', () => {
    const all = labels('SELECT * FROM |').filter((label) => schema.table(label));
    expect(all.length).toBe(schema.tables().length);
    for (const typed of ['t', 'tal', 'transactionacc', 'cust', 'customrecord_r99', 'xyzzy', 'r5']) {
      const narrowed = labels(`SELECT * FROM ${typed}|`);
      expect(narrowed.length, typed).toBeLessThan(all.length);
      expect(narrowed.sort(), typed).toEqual(all.filter((label) => editorShows(typed, label)).sort());
    }
    expect(labels('SELECT * FROM tal|')).toContain('transactionaccountingline');
    expect(labels('SELECT * FROM r5|')).toContain('customrecord_r5');
  });

  it('narrows the columns after an alias the same way', () => {
    const all = labels('SELECT r.| FROM customrecord_r7 r');
    expect(all).toHaveLength(50);
    expect(labels('SELECT r.f3| FROM customrecord_r7 r').sort()).toEqual(all.filter((label) => editorShows('f3', label)).sort());
    expect(labels('SELECT t.trand| FROM transaction t')).toEqual(expect.arrayContaining(['trandate', 'tranid']));
    expect(labels('SELECT t.trand| FROM transaction t')).not.toContain('postingperiod');
  });

  it('answers after FROM without any parse, and after JOIN or an alias with one (the tables in scope)', () => {
    const dialect = suiteQLDialect();
    const suggestion = vi.spyOn(dialect, 'getSuggestionAtCaretPosition');
    const entities = vi.spyOn(dialect, 'getAllEntities');
    expect(labels('SELECT * FROM tr|')).toContain('transaction');
    expect(suggestion).not.toHaveBeenCalled();
    expect(entities).not.toHaveBeenCalled();
    expect(labels('SELECT * FROM transaction t JOIN |')).toContain('transactionaccountingline ON transactionaccountingline.transaction = t.id');
    expect(labels('SELECT t.| FROM transaction t')).toContain('postingperiod');
    expect(suggestion).not.toHaveBeenCalled();
    expect(entities).toHaveBeenCalledTimes(2);
  });

  it('leaves the other spots to the parser: FROM inside EXTRACT, a schema-like `FROM x.`, BUILTIN members', () => {
    expect(labels('SELECT EXTRACT(YEAR FROM |) FROM transaction t')).not.toContain('customrecord_r1');
    expect(labels('SELECT * FROM transaction.|')).toEqual([]);
    expect(labels('SELECT BUILTIN.|')).toContain('DF');
  });
});
