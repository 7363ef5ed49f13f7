import type { Token } from 'antlr4ng';
import { EOF } from './tokenConstants';
import { TrinoSQL } from 'dt-sql-parser';
import type { ErrorListener, ParseError, SyntaxError } from 'dt-sql-parser';
import type { ProgramContext } from 'dt-sql-parser/dist/lib/trino/TrinoSqlParser';
import { codePointToUtf16 } from './offsets';
import { fromAntlrTokens } from './lightTokens';
import { blankSuiteQLOnlySyntax } from './prepass';

let dialect: TrinoSQL | undefined;

/**
 * SuiteQL is parsed with dt-sql-parser's Trino grammar: it parses more real SuiteQL than the other dialects and is
 * the fastest (test/unit/suiteqlDialect.spec.ts measures the corpus per dialect). Built on first use, not when this
 * module loads: the extension loads the grammar (1.9 MB) only when SuiteQL is edited, run or checked
 * (scripts/lazyLibraries.mjs).
 */
export function suiteQLDialect(): TrinoSQL {
  dialect ??= new (class SuiteQLTrino extends TrinoSQL {
    // dt-sql-parser builds some parsers (entities, completion slices) without a listener, and ANTLR then prints
    // every syntax error of half-typed text to the console. Errors that matter are reported by parseSuiteQL.
    override createParser(input: string, errorListener?: ErrorListener) {
      return super.createParser(input, errorListener ?? ignoreErrors);
    }
  })();
  return dialect;
}

function ignoreErrors(): void {}

export interface SyntaxProblem {
  message: string;
  /** UTF-16 offsets into the original query. */
  start: number;
  end: number;
}

export interface ParsedSuiteQL {
  /** The text the parser saw: the query with SuiteQL-only syntax blanked, same length and offsets. */
  parserText: string;
  tree: ProgramContext;
  problems: SyntaxProblem[];
}

/** The Trino lexer's view of the text, used by the pre-pass and by completion to find the word at the caret. */
export function lexSuiteQL(query: string): Token[] {
  const lexer = suiteQLDialect().createLexer(query);
  return lexer.getAllTokens();
}

/** Blanks SuiteQL-only syntax (offsets kept) so the Trino grammar can read the rest, judged by the ANTLR lexer. */
export function toParserText(query: string): string {
  return blankSuiteQLOnlySyntax(query, fromAntlrTokens(lexSuiteQL(query), codePointToUtf16(query)));
}

/** The last parse: diagnostics, hover refreshes and the agent guard often ask about the same text again. */
let lastParse: { query: string; parsed: ParsedSuiteQL } | undefined;

/** Parses a query (pre-passed); the result is shared with later callers for the same text, so treat it as read-only. */
export function parseSuiteQL(query: string): ParsedSuiteQL {
  if (lastParse?.query === query) return lastParse.parsed;
  const parsed = parseFresh(query);
  lastParse = { query, parsed };
  return parsed;
}

function parseFresh(query: string): ParsedSuiteQL {
  const parserText = toParserText(query);
  const problems: SyntaxProblem[] = [];
  const toUtf16 = codePointToUtf16(query);
  const tree = suiteQLDialect().parse(parserText, (error: ParseError, cause: SyntaxError) => {
    const token = cause.offendingSymbol;
    // A lexer error has no token: it points at one character.
    const start = token && token.type !== EOF ? token.start : cause.charPositionInLine + lineStart(query, cause.line);
    const stop = token && token.type !== EOF ? token.stop + 1 : start + 1;
    problems.push({ message: error.message, start: toUtf16(start), end: toUtf16(Math.max(stop, start)) });
  });
  return { parserText, tree, problems };
}

/** Code-point offset of the first character of a 1-based line. */
function lineStart(text: string, line: number): number {
  let offset = 0;
  let current = 1;
  for (const char of text) {
    if (current === line) return offset;
    if (char === '\n') current++;
    offset++;
  }
  return offset;
}

/**
 * ANTLR builds its prediction caches on first use, so the first parse of a session takes hundreds of
 * milliseconds. Call this once after activation, off the keystroke path (e.g. in a `setTimeout`), so the user's
 * first completion does not pay for it: it runs a full parse, a completion and an entity collection once.
 */
export function warmUpSuiteQL(): void {
  parseSuiteQL(
    "SELECT TOP 5 t.id, BUILTIN.DF(t.entity) AS name, tl.amount FROM transaction t, transactionline tl " +
      "WHERE tl.transaction = t.id AND t.type = 'SalesOrd' AND t.trandate >= TO_DATE('2024-01-01', 'YYYY-MM-DD') " +
      'AND EXISTS (SELECT 1 FROM customer c WHERE c.id = t.entity) GROUP BY t.id ORDER BY t.id',
  );
  const typing = 'SELECT c. FROM customer c JOIN transaction t ON t.entity = c.id WHERE c.id = 1';
  suiteQLDialect().getSuggestionAtCaretPosition(typing, { lineNumber: 1, column: 10 });
  suiteQLDialect().getAllEntities(typing, { lineNumber: 1, column: 10 });
}
