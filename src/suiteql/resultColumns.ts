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

/** One output column the query states: its name, and whether it is a table's own column under that same name. */
interface StatedColumn {
  name: string;
  plain: boolean;
}

/** The result's column names a query states, in order; undefined when it states none this can read. */
export function resultColumnsOf(query: string): string[] | undefined {
  const stated = statedColumnsOf(query);
  if (!stated || stated === 'all') return undefined;
  const names = stated.map((column) => column.name);
  return names.length > 0 ? [...new Set(names)] : undefined;
}

/**
 * The output columns that are a table's own column under its own name (`companyname`, `c.email`,
 * `email AS email`): the ones that can be written back to the record. `all` for `SELECT *`. An alias of another
 * column or an expression is left out: its value is not that field's.
 */
export function plainResultColumnsOf(query: string): Set<string> | 'all' | undefined {
  const stated = statedColumnsOf(query);
  if (!stated || stated === 'all') return stated;
  return new Set(stated.filter((column) => column.plain).map((column) => column.name));
}

function statedColumnsOf(query: string): StatedColumn[] | 'all' | undefined {
  let parsed;
  try {
    parsed = parseSuiteQL(query);
  } catch {
    return undefined;
  }
  if (parsed.problems.length > 0 || !parsed.tree) return undefined;
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
  const columns: StatedColumn[] = [];
  for (const item of primary.querySpecification().selectList().selectItem()) {
    if (item.tableAllColumns() || item.selectAllWithoutTable()) return 'all'; // `*`: the rows' keys are all there is
    const expression = item.selectLiteralColumnName() ?? item.selectExpressionColumnName();
    const column = expression ? plainColumn.exec(parsed.parserText.slice(expression.start?.start ?? 0, (expression.stop?.stop ?? -1) + 1).trim()) : null;
    const columnName = column?.[1].toLowerCase();
    const alias = item.identifier();
    if (alias) {
      let name: string;
      try {
        name = identifierName(alias);
      } catch {
        continue;
      }
      columns.push({ name, plain: columnName === name.toLowerCase() });
      continue;
    }
    if (columnName) columns.push({ name: columnName, plain: true });
  }
  return columns;
}
