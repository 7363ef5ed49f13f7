/**
 * The strict SuiteQL lexer and canonical printer of the agent guard (src/suiteql/canonicalQuery.ts), from Oracle's
 * lexical rules (Oracle Database SQL Language Reference 19c: "Database Object Names and Qualifiers", "Literals",
 * "Comments"). Every refusal names the character and its offset; every accepted query is printed in one spelling
 * both Oracle and the checker's grammar split alike, and that print is what tablesReadBy checks.
 */
import { describe, expect, it } from 'vitest';
import { canonicalSuiteQL } from '../../src/suiteql/canonicalQuery';
import { tablesReadBy } from '../../src/suiteql/tables';

function printed(query: string): string {
  const result = canonicalSuiteQL(query);
  if (!result.ok) throw new Error(`expected a print of ${JSON.stringify(query)}: ${result.reason}`);
  return result.text;
}

function refused(query: string): string {
  const result = canonicalSuiteQL(query);
  if (result.ok) throw new Error(`expected a refusal of ${JSON.stringify(query)}, got ${result.text}`);
  // Whatever the lexer refuses, the guard refuses too.
  expect(tablesReadBy(query).ok).toBe(false);
  return result.reason;
}

describe('agent guard lexer: a number glued to what follows is refused (Oracle splits it, Trino does not)', () => {
  it.each([
    ['SELECT email, 1FROM employee', "'F' (U+0046) is glued to the number 1"],
    ['SELECT 1e5x FROM customer', "'x' (U+0078) is glued to the number 1e5"],
    ['SELECT 1F FROM customer', "'F' (U+0046) is glued to the number 1"],
    ['SELECT 2d FROM customer', "'d' (U+0064) is glued to the number 2"],
    ['SELECT 1_0 FROM customer', "'_' (U+005F) is glued"],
    ['SELECT 1.2.3 FROM customer', "'.' (U+002E) is glued to the number 1.2"],
    ["SELECT 1'x' FROM customer", "''' (U+0027) is glued"],
    ['SELECT 1$ FROM customer', "'$' (U+0024) is glued"],
  ])('%s', (query, reason) => {
    expect(refused(query)).toContain(reason);
  });

  it('names the offset', () => {
    expect(refused('SELECT email, 1FROM employee')).toMatch(/at offset 15:/);
  });
});

describe('agent guard lexer: comments', () => {
  it('drops comments and hints, ending a -- comment only at LF or CRLF', () => {
    expect(printed('SELECT /*+ INDEX(employee) */ id -- FROM employee\nFROM customer')).toBe('SELECT id FROM customer');
    expect(printed('SELECT id --x\r\nFROM customer /* a\r\nb */')).toBe('SELECT id FROM customer');
    expect(printed('SELECT id -- § café 😀\nFROM customer')).toBe('SELECT id FROM customer');
  });

  it.each([
    ['vertical tab', '\u000b'],
    ['form feed', '\f'],
    ['NEL', '\u0085'],
    ['line separator', '\u2028'],
    ['paragraph separator', '\u2029'],
    ['lone CR', '\r'],
    ['zero-width space', '\u200b'],
    ['right-to-left override', '\u202e'],
    ['NUL', '\u0000'],
  ])('refuses a -- comment holding a %s', (_name, char) => {
    const code = `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    expect(refused(`SELECT id FROM customer -- x${char}UNION SELECT id FROM employee`)).toContain(code);
    expect(refused(`SELECT id FROM customer /* x${char} */ WHERE 1 = 1`)).toContain(code);
  });

  it('refuses an unterminated block comment and does not nest them', () => {
    expect(refused('SELECT id FROM customer /* open')).toMatch(/comment is never closed/);
    // Oracle ends the comment at the first */: the rest is code, and here it does not parse.
    expect(tablesReadBy('SELECT id FROM customer /* a /* b */ UNION SELECT id FROM employee */').ok).toBe(false);
  });
});

describe('agent guard lexer: characters outside the plain set', () => {
  it.each([
    ['NBSP', 'SELECT\u00a0id FROM customer', 'U+00A0'],
    ['full-width letter', 'SELECT id FROM \uff43ustomer', 'U+FF43'],
    ['Cyrillic look-alike', 'SELECT id FROM \u0441ustomer', 'U+0441'],
    ['zero-width joiner', 'SELECT id FROM cust\u200domer', 'U+200D'],
    ['line separator', 'SELECT id\u2028FROM customer', 'U+2028'],
    ['vertical tab', 'SELECT id\u000bFROM customer', 'U+000B'],
    ['form feed', 'SELECT id\fFROM customer', 'U+000C'],
    ['back quote', 'SELECT `x` FROM customer', 'back quotes'],
    ['dollar in a name', 'SELECT id FROM customer$x', "'$' (U+0024) in a name"],
    ['hash in a name', 'SELECT id FROM cust#omer', "'#' (U+0023) in a name"],
    ['name starting with _', 'SELECT _id FROM customer', "'_' (U+005F) cannot begin"],
    ['bind variable :x', 'SELECT id FROM customer WHERE id = :x', 'bind variable'],
    ['bind variable ?', 'SELECT id FROM customer WHERE id = ?', 'bind variable'],
    ['database link', 'SELECT id FROM customer@remote', 'database link'],
    ['semicolon', 'SELECT id FROM customer; SELECT id FROM employee', 'only one statement'],
    ['percent', 'SELECT id % 2 FROM customer', "'%' (U+0025) is not a SuiteQL operator"],
    ['brackets', 'SELECT a[1] FROM customer', "'[' (U+005B)"],
    ['ampersand (U&)', "SELECT U&'\\0041' FROM customer", "'&' (U+0026) is not a SuiteQL operator"],
    ['tilde not-equal', 'SELECT id FROM customer WHERE id ~= 1', "'~' (U+007E)"],
  ])('refuses %s', (_name, query, reason) => {
    expect(refused(query)).toContain(reason);
  });
});

describe('agent guard lexer: strings, quoted names and words', () => {
  it('re-escapes strings, keeping any text inside them', () => {
    expect(printed("SELECT 'it''s', 'FROM employee -- x', '😀 é\u2028' FROM customer")).toBe("SELECT 'it''s' , 'FROM employee -- x' , '😀 é\u2028' FROM customer");
  });

  it("prints Oracle's q'…' quoting as a plain string, ending where Oracle ends it", () => {
    expect(printed("SELECT q'[it's]' FROM customer")).toBe("SELECT 'it''s' FROM customer");
    // The string ends at the first }' — what follows is code again, here a stray } that is refused.
    expect(printed("SELECT Q'{a'}' FROM customer")).toBe("SELECT 'a''' FROM customer");
    expect(refused("SELECT Q'{a'}'}' FROM customer")).toMatch(/'}' \(U\+007D\)/);
    expect(printed("SELECT q'!x'!' FROM customer")).toBe("SELECT 'x''' FROM customer");
    expect(printed("SELECT q'<a>' , q'(b)' FROM customer")).toBe("SELECT 'a' , 'b' FROM customer");
    expect(refused("SELECT q' x ' FROM customer")).toMatch(/printable delimiter/);
    expect(refused("SELECT q'[x' FROM customer")).toMatch(/never closed/);
  });

  it('refuses a word glued to a quote (N\'…\' national strings, prefixed literals) and text glued to a string', () => {
    expect(refused("SELECT N'x' FROM customer")).toMatch(/quote is glued to the word N/);
    expect(refused("SELECT nq'[x]' FROM customer")).toMatch(/quote is glued to the word nq/);
    expect(refused("SELECT 'a'b FROM customer")).toMatch(/glued to the end of a string/);
    expect(refused('SELECT a"b" FROM customer')).toMatch(/quote is glued to the word a/);
    expect(refused("SELECT 'x\u0000' FROM customer")).toMatch(/holds U\+0000, a control character/);
    expect(refused("SELECT 'unterminated FROM customer")).toMatch(/string is never closed/);
    // A best-fit conversion to a single-byte character set can turn these into ' and end the string early.
    for (const lookAlike of ['\u2019', '\u02bc', '\uff07', '\u2032'])
      expect(refused(`SELECT id FROM customer WHERE companyname = 'O${lookAlike}' UNION SELECT email FROM employee --'`)).toMatch(/look-alike of a quote/);
  });

  it('prints an upper-case quoted name unquoted (Oracle reads it as the unquoted name) and keeps others quoted', () => {
    expect(printed('SELECT "TRANSACTION"."ID" FROM "TRANSACTION"')).toBe('SELECT TRANSACTION.ID FROM TRANSACTION');
    expect(printed('SELECT id AS "Customer Name" FROM customer')).toBe('SELECT id AS "Customer Name" FROM customer');
    // A reserved word stays quoted: unquoted it would be a keyword.
    expect(printed('SELECT id AS "DATE" FROM customer')).toBe('SELECT id AS "DATE" FROM customer');
    expect(refused('SELECT id AS "a-b" FROM customer')).toMatch(/quoted identifier may only hold/);
    expect(refused('SELECT id AS "a""b" FROM customer')).toMatch(/glued to the end of a quoted identifier/);
    expect(refused('SELECT id AS "open FROM customer')).toMatch(/never closed/);
  });

  it('prints numbers in plain form and not-equal as <>', () => {
    expect(printed('SELECT .5, 5., 1e5, 1.5E-3, 007 FROM customer WHERE a != 1 AND b ^= 2 AND c<>3')).toBe(
      'SELECT 0.5 , 5 , 1E5 , 1.5E-3 , 007 FROM customer WHERE a <> 1 AND b <> 2 AND c <> 3',
    );
  });

  it('separates every token by one space, so no two tokens can merge into a comment or an operator', () => {
    expect(printed('SELECT 1-(-1),a/ *b,c||d FROM customer')).toBe('SELECT 1 - ( - 1 ) , a / * b , c || d FROM customer');
    expect(printed('SELECT\tid\r\nFROM\n\ncustomer')).toBe('SELECT id FROM customer');
  });
});

describe('agent guard lexer: caps, before any parse', () => {
  it('refuses a query longer than the length cap', () => {
    expect(canonicalSuiteQL(`SELECT id FROM customer WHERE memo = '${'x'.repeat(100)}'`, { maxLength: 100, maxDepth: 10 })).toEqual({
      ok: false,
      reason: 'The query has 139 characters; agents may send at most 100.',
    });
  });

  it('refuses nesting deeper than the depth cap, and unbalanced parentheses', () => {
    const nested = (depth: number) => `SELECT ${'('.repeat(depth)}1${')'.repeat(depth)} FROM customer`;
    expect(canonicalSuiteQL(nested(10), { maxLength: 1000, maxDepth: 10 }).ok).toBe(true);
    expect(canonicalSuiteQL(nested(11), { maxLength: 1000, maxDepth: 10 })).toEqual({ ok: false, reason: 'The query nests parentheses 11 deep; agents may nest at most 10.' });
    expect(tablesReadBy(nested(2000)).ok).toBe(false);
    expect(refused('SELECT (1 FROM customer')).toMatch(/never closed/);
    expect(refused('SELECT 1) FROM customer')).toMatch(/closes nothing/);
  });

  it('refuses an empty query', () => {
    expect(refused('  -- nothing\n')).toMatch(/empty/);
  });
});
