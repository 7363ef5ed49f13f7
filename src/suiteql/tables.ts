import type { ParseTree } from 'antlr4ng';
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
import { displayedColumnsIn, type DisplayedColumn } from './displayedColumns';
import { identifierName, isCteInScope, snippet, Unresolvable } from './identifiers';
import { lexSuiteQL, parseSuiteQL } from './parser';
import { canonicalSuiteQL, defaultSuiteQLLimits, type SuiteQLLimits } from './canonicalQuery';
import { checkGuardedConstructs } from './guardedConstructs';
import { isOracleDictionaryName } from './oracleReservedWords';

export { identifierName, isCteInScope } from './identifiers';
export type { DisplayedColumn } from './displayedColumns';

export type TablesReadResult =
  | {
      ok: true;
      /** The tables the query names. */
      tables: string[];
      /** Columns shown through BUILTIN.DF and its kin; each also reads the table the column points to. */
      displayed: DisplayedColumn[];
      /**
       * The text that was checked, printed from the query's tokens (canonicalQuery.ts): the only text an agent may
       * run. tablesReadBy always sets it; readers made up in tests of the policy alone may leave it out.
       */
      canonical?: string;
    }
  | { ok: false; reason: string };

/**
 * Every table a SuiteQL query names, lower-cased and sorted, and every column whose display text it shows
 * (`BUILTIN.DF(t.entity)`), which reads one more table: the one the column points to. Which table that is needs
 * the column descriptions (standard tables, the account's catalog): `tablesReadWithDisplays` in displayReads.ts
 * adds them, and the agent policy grants SuiteQL only when it has granted every table of both kinds.
 *
 * What is checked is not the agent's text but its canonical print (`canonical`, see canonicalQuery.ts), and only
 * that print may be run for the agent: Oracle and the Trino grammar then read the same tokens. Security depends on
 * these lists being complete, so this fails closed: anything the strict lexer refuses, that does not parse, that
 * uses a construct or function outside the allowlist (guardedConstructs.ts), or that could read a table in a way
 * this walk does not understand, is refused with a reason rather than guessed at. A name that resolves to a CTE in
 * scope is not a table, but the CTE's body is walked like any other query.
 */
export function tablesReadBy(query: string, limits: SuiteQLLimits = defaultSuiteQLLimits): TablesReadResult {
  const canonical = canonicalSuiteQL(query, limits);
  if (!canonical.ok) return canonical;
  const text = canonical.text;
  const parsed = parseSuiteQL(text);
  if (parsed.problems.length > 0 || !parsed.tree) {
    const first = parsed.problems[0];
    if (first.unreadable) return { ok: false, reason: `The query cannot be checked: ${first.message}; write it more simply.` };
    const near = text.slice(first.start, first.start + 30);
    return { ok: false, reason: `The query does not parse ${near ? `at "${near}"` : 'at its end'}: ${first.message}` };
  }
  const statements = parsed.tree.statements();
  if (statements.length !== 1) return { ok: false, reason: `Exactly one SELECT statement is allowed; found ${statements.length}.` };
  const statement = statements[0].singleStatement().statement();
  if (!(statement instanceof StatementDefaultContext) || statement.rootQuery().withFunction()) {
    return { ok: false, reason: 'Only a SELECT query is allowed.' };
  }
  try {
    checkGuardedConstructs(statement, text);
    const tables = new Set<string>();
    collectTables(statement, tables);
    return { ok: true, tables: [...tables].sort(), displayed: displayedColumnsIn(statement, lexSuiteQL(text)), canonical: text };
  } catch (error) {
    if (error instanceof Unresolvable) return { ok: false, reason: error.message };
    throw error;
  }
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
    if (isCteInScope(name, node)) return;
    // Under a sandbox wildcard any name is granted: Oracle's catalog must be refused by name, not by grant.
    if (isOracleDictionaryName(name)) throw new Unresolvable(`${parts[0].getText()} is Oracle's data dictionary, not a SuiteQL table; agents may not read it.`);
    tables.add(name);
    return;
  }
  for (let i = 0; i < node.getChildCount(); i++) {
    const child = node.getChild(i);
    if (child) collectTables(child, tables);
  }
}
