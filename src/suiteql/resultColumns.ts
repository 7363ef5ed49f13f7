/**
 * The columns a query's result has, in SELECT-list order, read from the query itself. NetSuite leaves a NULL field out
 * of each row object (netsuite-wire.md §3), so a column that is NULL in every row appears in no row: only the query
 * says it exists. Only names NetSuite gives predictably are reported — an alias, or a plain `column`/`t.column`,
 * lower-cased as NetSuite returns them; an unnamed expression or `*` is left to the rows' own keys.
 */
import { QueryPrimaryDefaultContext, QueryStatementContext, QueryTermDefaultContext, StatementDefaultContext } from 'dt-sql-parser/dist/lib/trino/TrinoSqlParser';
import { identifierName } from './identifiers';
import { parseSuiteQL } from './parser';

const plainColumn = /^(?:"?[A-Za-z_][\w$#]*"?\.)?"?([A-Za-z_][\w$#]*)"?$/;

/** The result's column names a query states, in order; undefined when it states none this can read. */
export function resultColumnsOf(query: string): string[] | undefined {
  let parsed;
  try {
    parsed = parseSuiteQL(query);
  } catch {
    return undefined;
  }
  if (parsed.problems.length > 0) return undefined;
  const statements = parsed.tree.statements();
  if (statements.length !== 1) return undefined;
  const root = statements[0].singleStatement().statement();
  if (!(root instanceof StatementDefaultContext)) return undefined;
  const body = root.rootQuery().query();
  if (!(body instanceof QueryStatementContext)) return undefined;
  const term = body.queryNoWith().queryTerm();
  if (!(term instanceof QueryTermDefaultContext)) return undefined; // UNION: names come from the first branch; leave it to the rows
  const primary = term.queryPrimary();
  if (!(primary instanceof QueryPrimaryDefaultContext)) return undefined;
  const names: string[] = [];
  for (const item of primary.querySpecification().selectList().selectItem()) {
    if (item.tableAllColumns() || item.selectAllWithoutTable()) return undefined; // `*`: the rows' keys are all there is
    const alias = item.identifier();
    if (alias) {
      try {
        names.push(identifierName(alias));
      } catch {
        continue;
      }
      continue;
    }
    const expression = item.selectLiteralColumnName() ?? item.selectExpressionColumnName();
    const column = expression ? plainColumn.exec(parsed.parserText.slice(expression.start?.start ?? 0, (expression.stop?.stop ?? -1) + 1).trim()) : null;
    if (column) names.push(column[1].toLowerCase());
  }
  return names.length > 0 ? [...new Set(names)] : undefined;
}
