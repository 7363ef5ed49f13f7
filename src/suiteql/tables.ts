import type { ParseTree, Token } from 'antlr4ng';
import {
  JsonTableContext,
  LateralContext,
  StatementDefaultContext,
  TableFunctionInvocationContext,
  TableRefContext,
  UnnestContext,
  ViewRefContext,
  WithContext,
} from 'dt-sql-parser/dist/lib/trino/TrinoSqlParser';
import { TrinoSqlLexer } from 'dt-sql-parser/dist/lib/trino/TrinoSqlLexer';
import { displayedColumnsIn, type DisplayedColumn } from './displayedColumns';
import { identifierName, isCteInScope, snippet, Unresolvable } from './identifiers';
import { lexSuiteQL, parseSuiteQL } from './parser';

export { identifierName, isCteInScope } from './identifiers';
export type { DisplayedColumn } from './displayedColumns';

export type TablesReadResult =
  | {
      ok: true;
      /** The tables the query names. */
      tables: string[];
      /** Columns shown through BUILTIN.DF and its kin; each also reads the table the column points to. */
      displayed: DisplayedColumn[];
    }
  | { ok: false; reason: string };

/**
 * Every table a SuiteQL query names, lower-cased and sorted, and every column whose display text it shows
 * (`BUILTIN.DF(t.entity)`), which reads one more table: the one the column points to. Which table that is needs
 * the column descriptions (standard tables, the account's catalog): `tablesReadWithDisplays` in displayReads.ts
 * adds them, and the agent policy grants SuiteQL only when it has granted every table of both kinds. Security
 * depends on these lists being complete, so this fails closed: anything that does not parse, or that could read a
 * table in a way this walk does not understand, is refused with a reason rather than guessed at. Comments and
 * strings never count (the lexer drops them); a name that resolves to a CTE in scope is not a table, but the CTE's
 * body is walked like any other query.
 */
export function tablesReadBy(query: string): TablesReadResult {
  if (query.trim() === '') return { ok: false, reason: 'The query is empty.' };
  const tokens = lexSuiteQL(query);
  const lexicalRisk = lexicalMismatch(tokens);
  if (lexicalRisk) return { ok: false, reason: lexicalRisk };
  const parsed = parseSuiteQL(query);
  if (parsed.problems.length > 0) {
    const first = parsed.problems[0];
    return { ok: false, reason: `The query does not parse at offset ${first.start}: ${first.message}` };
  }
  const statements = parsed.tree.statements();
  if (statements.length !== 1) return { ok: false, reason: `Exactly one SELECT statement is allowed; found ${statements.length}.` };
  const statement = statements[0].singleStatement().statement();
  if (!(statement instanceof StatementDefaultContext) || statement.rootQuery().withFunction()) {
    return { ok: false, reason: 'Only a SELECT query is allowed.' };
  }
  try {
    const tables = new Set<string>();
    collectTables(statement, tables);
    return { ok: true, tables: [...tables].sort(), displayed: displayedColumnsIn(statement, tokens) };
  } catch (error) {
    if (error instanceof Unresolvable) return { ok: false, reason: error.message };
    throw error;
  }
}

/**
 * Where Oracle (which runs SuiteQL) and the Trino lexer would split the text differently, a table could hide in
 * what one of them thinks is a string or a comment. Refuse those spots:
 * - Oracle's alternative quoting `q'[ ... ]'` ends its string only at `]'`, while Trino sees an identifier `q`
 *   and a string that ends at the first `'`;
 * - a `--` comment holding a character some engines take as a line break (vertical tab, form feed, NEL, U+2028/9).
 */
// Vertical tab, form feed, NEL, line and paragraph separators.
const unusualLineBreak = new RegExp('[\\v\\f\\u0085\\u2028\\u2029]');

function lexicalMismatch(tokens: readonly Token[]): string | undefined {
  for (let i = 0; i + 1 < tokens.length; i++) {
    const token = tokens[i];
    const next = tokens[i + 1];
    if (token.type === TrinoSqlLexer.IDENTIFIER && /^n?q$/i.test(token.text ?? '') && next.type === TrinoSqlLexer.STRING && next.start === token.stop + 1) {
      return `Oracle alternative quoting (${token.text}'…') is not supported: its string ends elsewhere than a plain string would.`;
    }
  }
  for (const token of tokens) {
    if (token.type === TrinoSqlLexer.LINE_COMMENT && unusualLineBreak.test(token.text ?? '')) {
      return 'A -- comment holds an unusual line-break character, so where it ends is ambiguous.';
    }
  }
  return undefined;
}

function collectTables(node: ParseTree, tables: Set<string>): void {
  if (node instanceof UnnestContext || node instanceof JsonTableContext || node instanceof TableFunctionInvocationContext || node instanceof LateralContext) {
    throw new Unresolvable(`"${snippet(node)}" is not a plain table or subquery, so the tables it reads cannot be checked.`);
  }
  if (node instanceof WithContext && node.KW_RECURSIVE()) throw new Unresolvable('WITH RECURSIVE is not supported.');
  if (node instanceof TableRefContext || node instanceof ViewRefContext) {
    const parts = node.identifier();
    if (parts.length !== 1) throw new Unresolvable(`"${node.getText()}" names a table in another schema or catalog, which SuiteQL does not have.`);
    const name = identifierName(parts[0]);
    if (!isCteInScope(name, node)) tables.add(name);
    return;
  }
  for (let i = 0; i < node.getChildCount(); i++) {
    const child = node.getChild(i);
    if (child) collectTables(child, tables);
  }
}
