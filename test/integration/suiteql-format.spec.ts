import { describe, expect, it } from 'vitest';
import { formatSuiteQL, tidySuiteQLSpacing } from '../../src/suiteql/format';
import { layoutSuiteQL } from '../../src/suiteql/sqlLayout';
import { corpusQueries } from '../unit/suiteqlCorpusFiles';

const format = (text: string) => formatSuiteQL(text, (query) => layoutSuiteQL(query));

describe('Format Document for SuiteQL', () => {
  it('lays a query out on clauses and keeps SuiteQL spellings as NetSuite writes them', () => {
    const result = format("select top 5 t.id, BUILTIN.DF(t.entity) as name from transaction t, transactionline tl where tl.transaction = t.id(+) and rownum <= 10");
    expect(result.ok).toBe(true);
    const text = (result as { text: string }).text;
    expect(text).toBe(
      ['select', '  top 5 t.id,', '  BUILTIN.DF(t.entity) as name', 'from', '  transaction t,', '  transactionline tl', 'where', '  tl.transaction = t.id(+)', '  and rownum <= 10'].join('\n'),
    );
  });

  it('never changes a string or a comment, and keeps the final newline', () => {
    const query = "SELECT 'BUILTIN.DF (x)  (+)' AS s -- keep  BUILTIN.DF (y)\nFROM dual\n";
    const result = format(query);
    expect(result).toMatchObject({ ok: true });
    const text = (result as { text: string }).text;
    expect(text).toContain("'BUILTIN.DF (x)  (+)'");
    expect(text).toContain('-- keep  BUILTIN.DF (y)');
    expect(text.endsWith('FROM\n  dual\n')).toBe(true);
  });

  it('changes nothing when the layout would change a token, and says where', () => {
    const result = formatSuiteQL('SELECT id FROM customer', () => 'SELECT id FROM customers');
    expect(result).toEqual({ ok: false, reason: 'Formatting would change the query near "customer", so it was left as written.' });
    expect(formatSuiteQL('SELECT 1', () => { throw new Error('Parse error: Unexpected "@"'); })).toEqual({
      ok: false,
      reason: 'The formatter could not read this query: Parse error: Unexpected "@"',
    });
  });

  it('tidies spacing only outside strings and comments', () => {
    expect(tidySuiteQLSpacing("BUILTIN.CONSOLIDATE (a, 'x') WHERE b (+) = c -- BUILTIN.DF (z)")).toBe("BUILTIN.CONSOLIDATE(a, 'x') WHERE b(+) = c -- BUILTIN.DF (z)");
  });

  it('formats the whole corpus without changing a single token of any query (or leaves it as written)', () => {
    let formatted = 0;
    for (const { file, text } of corpusQueries()) {
      const result = format(text);
      if (result.ok) {
        formatted += 1;
        expect(format(result.text), `${file} formats to a fixed point`).toEqual(result);
      }
    }
    expect(formatted).toBeGreaterThan(corpusQueries().length * 0.9);
  });
});
