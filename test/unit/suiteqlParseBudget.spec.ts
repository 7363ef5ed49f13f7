import { afterEach, describe, expect, it } from 'vitest';
import { completeSuiteQL } from '../../src/suiteql/completion';
import { diagnoseSuiteQL } from '../../src/suiteql/diagnostics';
import { defaultParseBudgetMs, ParseBudgetExceeded, parseSuiteQL, setParseBudget, suiteQLDialect } from '../../src/suiteql/parser';
import { diagnoseRefusedQuery } from '../../src/suiteql/queryDiagnosis';
import { plainResultColumnsOf } from '../../src/suiteql/resultColumns';
import { SuiteQLSchema } from '../../src/suiteql/schema';
import { tablesReadBy } from '../../src/suiteql/tables';

// A parse is bounded by a time budget (parser.ts), so text a person or a folder wrote cannot freeze the extension
// host. The budget is set to 0 here, which makes every parse longer than a few hundred steps run out of it: the
// outcome is then the same on any machine, and no assertion depends on how fast this one is.
afterEach(() => setParseBudget(defaultParseBudgetMs));

/** Text long enough that any parse of it takes thousands of steps; `n` makes each call's text its own. */
function longQuery(n: number): string {
  return `SELECT ${Array.from({ length: 300 }, (_, i) => `c.field${i}_${n}`).join(', ')} FROM customer c WHERE c.id > ${n}`;
}

describe('a parse that runs out of its budget', () => {
  it('reads nothing and says why, instead of running on (no tree, one problem marked unreadable)', () => {
    setParseBudget(0);
    const parsed = parseSuiteQL(longQuery(1));
    expect(parsed.tree).toBeUndefined();
    expect(parsed.problems).toEqual([{ message: 'the query is too long or complex for SuiteLens to read within 0 ms', start: 0, end: 0, unreadable: true }]);
  });

  it('is remembered for its text, so the next ask (a cursor move asks for quick fixes) does not spend the budget again', () => {
    setParseBudget(0);
    const unreadable = parseSuiteQL(longQuery(9));
    expect(unreadable.tree).toBeUndefined();
    setParseBudget(600_000);
    expect(parseSuiteQL(longQuery(9))).toBe(unreadable);
    expect(parseSuiteQL(longQuery(10)).problems).toEqual([]);
  });

  it('within the budget parses as before', () => {
    setParseBudget(600_000); // finite, so the checks are in place, and more than any machine needs
    const parsed = parseSuiteQL(longQuery(2));
    expect(parsed.problems).toEqual([]);
    expect(parsed.tree?.statements()).toHaveLength(1);
  });

  it('bounds a prediction that reads few tokens: 300 nested parentheses (seconds of one prediction without a budget)', () => {
    setParseBudget(0);
    const deep = `SELECT ${'('.repeat(300)}1${')'.repeat(300)} FROM customer`;
    expect(parseSuiteQL(deep).problems[0]).toMatchObject({ unreadable: true });
  });

  it('bounds the other parsers the dialect makes: entity collection and suggestions stop too', () => {
    setParseBudget(0);
    const text = longQuery(3);
    expect(() => suiteQLDialect().getAllEntities(text, { lineNumber: 1, column: 10 })).toThrow(/too long or complex/);
    expect(() => suiteQLDialect().getSuggestionAtCaretPosition(text, { lineNumber: 1, column: 10 })).toThrow(/too long or complex/);
  });

  it("bounds completion's walk of the grammar too, which is not parsing and runs after a parse that fit its budget", () => {
    const conditions = Array.from({ length: 300 }, (_, i) => `v.field${i} = ${i}`).join(' OR ');
    const text = `SELECT v.id FROM vendor v WHERE ${conditions} OR `;
    const caret = { lineNumber: 1, column: text.length + 1 };
    setParseBudget(600_000);
    expect(suiteQLDialect().getSuggestionAtCaretPosition(text, caret)?.keywords.length).toBeGreaterThan(0);
    // Same text: dt-sql-parser reuses its parse, so only antlr4-c3's candidate walk runs under the zero budget.
    setParseBudget(0);
    let stopped: unknown;
    try {
      suiteQLDialect().getSuggestionAtCaretPosition(text, caret);
    } catch (error) {
      stopped = error;
    }
    expect(stopped).toBeInstanceOf(ParseBudgetExceeded);
    expect((stopped as Error).stack).toMatch(/processRule/);
  });

  it('is not a syntax error anywhere it surfaces: no squiggles, no columns guessed, the tables check refuses, the run note says so', () => {
    setParseBudget(0);
    const schema = SuiteQLSchema.withStandardTables(true);
    expect(diagnoseSuiteQL(`${longQuery(4)} AND nosuchtable.x = 1`, schema)).toEqual([]);
    expect(plainResultColumnsOf(longQuery(5))).toBeUndefined();
    const read = tablesReadBy(longQuery(6));
    expect(read).toEqual({ ok: false, reason: 'The query cannot be checked: the query is too long or complex for SuiteLens to read within 0 ms; write it more simply.' });
    expect(diagnoseRefusedQuery(longQuery(7))).toEqual({ position: 0, message: 'the query is too long or complex for SuiteLens to read within 0 ms, so it could not look for the mistake.' });
  });

  it('leaves completion empty rather than failing the editor', () => {
    setParseBudget(0);
    // Completion parses only the clause around the caret (focus.ts), so the long part is the WHERE being typed in.
    const conditions = Array.from({ length: 300 }, (_, i) => `c.field${i} = ${i}`).join(' AND ');
    const query = `SELECT c.id FROM customer c WHERE ${conditions} AND `;
    expect(completeSuiteQL(query, query.length, SuiteQLSchema.withStandardTables())).toEqual([]);
  });
});

describe('text that nests deeper than the parser can recurse', () => {
  // Thousands of levels either overflow the stack (RangeError) or first spend the budget predicting, depending on
  // how deep the caller's stack already is; either way the text is unreadable, never an exception.
  it('is unreadable, not an exception out of the language service', { timeout: 60_000 }, () => {
    const parsed = parseSuiteQL(`SELECT ${'('.repeat(20_000)}1 FROM customer`);
    expect(parsed.tree).toBeUndefined();
    expect(parsed.problems).toEqual([{ message: expect.stringMatching(/^the query (nests too deeply|is too long or complex) for SuiteLens to read/), start: 0, end: 0, unreadable: true }]);
    expect(diagnoseSuiteQL(`SELECT ${'('.repeat(20_001)}1 FROM customer`, SuiteQLSchema.withStandardTables(true))).toEqual([]);
  });
});
