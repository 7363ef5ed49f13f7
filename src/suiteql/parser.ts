import type { CommonTokenStream, Parser, Token } from 'antlr4ng';
import { CodeCompletionCore } from 'antlr4-c3';
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
  if (!dialect) boundCandidateWalk();
  dialect ??= new (class SuiteQLTrino extends TrinoSQL {
    // dt-sql-parser builds some parsers (entities, completion slices) without a listener, and ANTLR then prints
    // every syntax error of half-typed text to the console. Errors that matter are reported by parseSuiteQL.
    override createParser(input: string, errorListener?: ErrorListener) {
      return super.createParser(input, errorListener ?? ignoreErrors);
    }
    // Every parser this dialect makes (parse, entities, suggestions) runs within the parse budget.
    protected override createParserFromTokenStream(tokenStream: CommonTokenStream) {
      const parser = super.createParserFromTokenStream(tokenStream);
      bindToBudget(parser, tokenStream, warm ? parseBudgetMs : parseBudgetMs * coldBudgetFactor);
      return parser;
    }
  })();
  return dialect;
}

function ignoreErrors(): void {}

/**
 * The Trino grammar's prediction can take seconds, even minutes, on text a person or a folder can write: 300 nested
 * parentheses took about 3 s here, 500 nested CASEs 8 s, a 20,000-column select list over 90 s. On the extension host
 * that freezes VS Code for every extension, and diagnostics parse the whole document after each pause in typing. So a
 * parse stops once it has run this long, and the text is treated as one SuiteLens cannot check (no squiggles, no
 * columns read from it); a 200-line report parses in about 100 ms. The agent guard parses in its own worker with its
 * own time limit and lifts this budget there (guardWorkerMain.ts).
 */
export const defaultParseBudgetMs = 1_000;
let parseBudgetMs = defaultParseBudgetMs;

/**
 * Until a parse has finished in this thread, ANTLR is still building its prediction caches: a plain one-line query
 * then took over 1 s on a loaded 2-core CI machine. The first parses get this many budgets, so a cold start is not
 * mistaken for hostile text (which then stops after 5 s once, instead of never).
 */
const coldBudgetFactor = 5;
let warm = false;

/** Sets the budget of every later parse in this thread (the guard's worker, which has a limit of its own). */
export function setParseBudget(ms: number): void {
  parseBudgetMs = ms;
}

/** Thrown out of a parse that ran past its budget; ANTLR's error recovery only catches its own exceptions. */
export class ParseBudgetExceeded extends Error {
  constructor(budgetMs: number) {
    super(`the query is too long or complex for SuiteLens to read within ${budgetMs} ms`);
    this.name = 'ParseBudgetExceeded';
  }
}

/**
 * Where a parse spends its time, checked against the clock (once in 1,024 calls, so the check itself costs nothing
 * measurable): ANTLR reads every token through the stream's LA, in matching and in each prediction's lookahead; and
 * one prediction can run for seconds without reading a token (300 nested parentheses: 7 predictions, 2.2 s), inside
 * the ATN simulator's closure, which recurses through its own `closure_`. Both are replaced on this parser's own
 * objects; nothing else in the grammar changes. test/unit/suiteqlParseBudget.spec.ts fails if an antlr4ng upgrade
 * renames them.
 */
function bindToBudget(parser: Parser, stream: CommonTokenStream, budgetMs: number): void {
  if (!Number.isFinite(budgetMs)) return;
  const deadline = performance.now() + budgetMs;
  let calls = 0;
  const check = () => {
    if ((++calls & 1023) === 0 && performance.now() > deadline) throw new ParseBudgetExceeded(budgetMs);
  };
  const lookAhead = stream.LA.bind(stream);
  stream.LA = (offset: number): number => {
    check();
    return lookAhead(offset);
  };
  const simulator = parser.interpreter as unknown as Record<string, unknown>;
  const closure = simulator.closure_;
  if (typeof closure !== 'function') throw new Error('antlr4ng changed: ParserATNSimulator.closure_ is gone, so a parse cannot be bounded');
  // closure_ runs hundreds of thousands of times a parse: its own seven parameters, no rest array per call.
  type Closure = (this: unknown, a: unknown, b: unknown, c: unknown, d: unknown, e: unknown, f: unknown, g: unknown) => unknown;
  const inner = closure as Closure;
  simulator.closure_ = function (this: unknown, a: unknown, b: unknown, c: unknown, d: unknown, e: unknown, f: unknown, g: unknown): unknown {
    check();
    return inner.call(this, a, b, c, d, e, f, g);
  };
}

/**
 * Completion's second half, antlr4-c3's walk of the grammar from the statement's start to the caret, is not parsing
 * and escapes the checks above: on a 270 KB statement it ran for over a second on its own after the parse had
 * finished within budget. Each walk (`collectCandidates`) gets a budget of its own, checked on entry to each rule
 * (`processRule`, which the walk recurses through). Patched once on the class, which dt-sql-parser's copy shares
 * (package.json pins the same version); test/unit/suiteqlParseBudget.spec.ts fails if an upgrade renames them.
 */
function boundCandidateWalk(): void {
  const core = CodeCompletionCore.prototype as unknown as Record<string, unknown>;
  const collect = core.collectCandidates;
  const processRule = core.processRule;
  if (typeof collect !== 'function' || typeof processRule !== 'function') {
    throw new Error('antlr4-c3 changed: CodeCompletionCore.collectCandidates or processRule is gone, so completion cannot be bounded');
  }
  type Walk = (this: WalkClock, ...args: unknown[]) => unknown;
  type Step = (this: WalkClock, a: unknown, b: unknown, c: unknown, d: unknown, e: unknown) => unknown;
  interface WalkClock {
    [walkClock]?: { deadline: number; budgetMs: number; calls: number };
  }
  core.collectCandidates = function (this: WalkClock, ...args: unknown[]): unknown {
    const budgetMs = warm ? parseBudgetMs : parseBudgetMs * coldBudgetFactor;
    this[walkClock] = Number.isFinite(budgetMs) ? { deadline: performance.now() + budgetMs, budgetMs, calls: 0 } : undefined;
    try {
      return (collect as Walk).apply(this, args);
    } finally {
      this[walkClock] = undefined;
    }
  };
  core.processRule = function (this: WalkClock, a: unknown, b: unknown, c: unknown, d: unknown, e: unknown): unknown {
    const clock = this[walkClock];
    if (clock && (++clock.calls & 255) === 0 && performance.now() > clock.deadline) throw new ParseBudgetExceeded(clock.budgetMs);
    return (processRule as Step).call(this, a, b, c, d, e);
  };
}

const walkClock = Symbol('suitelens.walkClock');

export interface SyntaxProblem {
  message: string;
  /** Not a syntax error: the parse ran out of budget, or nests deeper than the parser's stack (nothing was read). */
  unreadable?: true;
  /** UTF-16 offsets into the original query. */
  start: number;
  end: number;
}

export interface ParsedSuiteQL {
  /** The text the parser saw: the query with SuiteQL-only syntax blanked, same length and offsets. */
  parserText: string;
  /** Undefined when the text could not be read at all (see `SyntaxProblem.unreadable`). */
  tree: ProgramContext | undefined;
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
  // Unreadable answers are kept too: diagnostics, the tables read and the quick-fix provider (asked on every cursor
  // move) all ask about the same text, and each would otherwise spend the whole budget again.
  lastParse = { query, parsed };
  return parsed;
}

function parseFresh(query: string): ParsedSuiteQL {
  const parserText = toParserText(query);
  const problems: SyntaxProblem[] = [];
  const toUtf16 = codePointToUtf16(query);
  let tree: ProgramContext;
  try {
    tree = suiteQLDialect().parse(parserText, (error: ParseError, cause: SyntaxError) => {
      const token = cause.offendingSymbol;
      // A lexer error has no token: it points at one character.
      const start = token && token.type !== EOF ? token.start : cause.charPositionInLine + lineStart(query, cause.line);
      const stop = token && token.type !== EOF ? token.stop + 1 : start + 1;
      problems.push({ message: error.message, start: toUtf16(start), end: toUtf16(Math.max(stop, start)) });
    });
  } catch (error) {
    const message = unreadableReason(error);
    if (message === undefined) throw error;
    return { parserText, tree: undefined, problems: [{ message, start: 0, end: 0, unreadable: true }] };
  }
  warm = true;
  return { parserText, tree, problems };
}

/** Why a parse that threw read nothing, when it is the text's doing; undefined for anything else (a bug: rethrown). */
function unreadableReason(error: unknown): string | undefined {
  if (error instanceof ParseBudgetExceeded) return error.message;
  // The grammar recurses once per nesting level; thousands of levels overflow the stack.
  if (error instanceof RangeError && /call stack/i.test(error.message)) return 'the query nests too deeply for SuiteLens to read';
  return undefined;
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
