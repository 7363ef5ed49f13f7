import { describe, expect, it } from 'vitest';
import { bindParameters, findParameters, parameterLiteral } from '../../src/suiteql/parameters';

describe('SuiteQL cell parameters', () => {
  it('finds :name placeholders in order, once per name, case-insensitively', () => {
    const query = 'SELECT id FROM transaction WHERE entity = :customer AND trandate >= :since AND createdby = :Customer';
    expect(findParameters(query).map((p) => [p.name, p.occurrences.length])).toEqual([
      ['customer', 2],
      ['since', 1],
    ]);
  });

  it('ignores :name inside strings, q-quoted strings, quoted identifiers and comments, and :: casts', () => {
    const query = `SELECT ':a', q'[ :b ]', "x:c" -- :d
      /* :e */ FROM customer WHERE x::int = 1 AND id = :real`;
    expect(findParameters(query).map((p) => p.name)).toEqual(['real']);
  });

  it('writes numbers as numbers, dates with TO_DATE and everything else as an escaped string literal', () => {
    expect(parameterLiteral('42')).toBe('42');
    expect(parameterLiteral('-3.5')).toBe('-3.5');
    expect(parameterLiteral('2026-01-31')).toBe("TO_DATE('2026-01-31', 'YYYY-MM-DD')");
    expect(parameterLiteral('2026-02-30')).toBe("'2026-02-30'"); // no such day: left as text for NetSuite to refuse
    expect(parameterLiteral("O'Brien")).toBe("'O''Brien'");
    expect(parameterLiteral("'123'")).toBe("'123'");
  });

  it('keeps an injection attempt inside its literal', () => {
    const bound = bindParameters('SELECT id FROM customer WHERE companyname = :name', { name: "x' OR 1=1 --" });
    expect(bound).toBe("SELECT id FROM customer WHERE companyname = 'x'' OR 1=1 --'");
    const viaQuote = bindParameters('SELECT id FROM customer WHERE companyname = :name', { name: "'a'||(SELECT email FROM employee)||'b'" });
    expect(viaQuote).toBe("SELECT id FROM customer WHERE companyname = 'a''||(SELECT email FROM employee)||''b'");
    expect(findParameters(viaQuote)).toEqual([]);
  });

  it('replaces every occurrence and refuses a missing value by name', () => {
    expect(bindParameters('SELECT :n + :N FROM dual', { n: '2' })).toBe('SELECT 2 + 2 FROM dual');
    expect(() => bindParameters('SELECT :a, :b FROM dual', { a: '1' })).toThrow('No value for the parameter :b.');
  });
});
