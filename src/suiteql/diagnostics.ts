import type { ParserRuleContext, ParseTree, TerminalNode } from 'antlr4ng';
import {
  AliasedRelationContext,
  ColumnRefContext,
  ColumnReferenceContext,
  DereferenceContext,
  QueryNoWithContext,
  QueryPrimaryDefaultContext,
  QuerySpecificationContext,
  QueryTermDefaultContext,
  SelectItemContext,
  QueryStatementContext,
  StatementDefaultContext,
  TableNameContext,
  TableRefContext,
  type IdentifierContext,
} from 'dt-sql-parser/dist/lib/trino/TrinoSqlParser';
import { findFunction } from './functions';
import { closestName } from './nameSuggestions';
import { codePointToUtf16 } from './offsets';
import { parseSuiteQL } from './parser';
import { walk } from './parseTreeWalk';
import { suiteQLColumnForRestField } from './restFieldNames';
import { suiteQLHomeHint, suiteQLHomeOf } from './restOnlyRecordTypes';
import type { SuiteQLSchema } from './schema';
import { identifierName, isCteInScope } from './tables';

export type SuiteQLDiagnosticCode = 'limit' | 'offset' | 'unordered-paging' | 'unknown-table' | 'unknown-column';

export interface SuiteQLDiagnostic {
  readonly code: SuiteQLDiagnosticCode;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  /** UTF-16 offsets into the query. */
  readonly start: number;
  readonly end: number;
  /** The name that likely was meant ("did you mean"): a quick fix writes it in place of start…end. */
  readonly suggestion?: string;
}

export interface DiagnosticOptions {
  /** The caller knows the result spans more than one page (so row order between pages matters). */
  multiPage?: boolean;
}

/**
 * Mistakes worth a squiggle, and only those: every check stays silent when it cannot be sure. A query that does
 * not parse gets nothing here (NetSuite's own error says more when it runs).
 * - An unknown table is reported when the schema lists every table (the demo), or when it is a slip away from a
 *   known table (`transactoin`), with "did you mean".
 * - An unknown column (`alias.column`, or a bare name in a one-table query) is reported when its table's columns
 *   are all known; on a partly known table only when it is a REST field SuiteQL names differently (`balance` on
 *   customer) or a slip away from a known column (`foreigntotl`). Custom fields (`cust…`) of a partly known table,
 *   columns of unknown tables, derived tables and CTEs are never reported.
 */
export function diagnoseSuiteQL(query: string, schema: SuiteQLSchema, options: DiagnosticOptions = {}): SuiteQLDiagnostic[] {
  const parsed = parseSuiteQL(query);
  if (parsed.problems.length > 0 || !parsed.tree) return [];
  const statements = parsed.tree.statements();
  const diagnostics: SuiteQLDiagnostic[] = [];
  const toUtf16 = codePointToUtf16(query);
  const span = (from: ParserRuleContext | TerminalNode, to: ParserRuleContext | TerminalNode = from) => ({ start: toUtf16(startOf(from)), end: toUtf16(stopOf(to) + 1) });

  for (const statement of statements) {
    const root = statement.singleStatement().statement();
    if (!(root instanceof StatementDefaultContext)) continue;
    const query = root.rootQuery().query();
    if (options.multiPage && query instanceof QueryStatementContext && query.queryNoWith().sortItem().length === 0) {
      diagnostics.push({
        code: 'unordered-paging',
        severity: 'warning',
        message: 'This result spans several pages but has no ORDER BY: NetSuite may repeat or skip rows between pages. Order by a unique column such as id.',
        ...span(query),
      });
    }
    walk(root, (node) => {
      if (node instanceof QueryNoWithContext) diagnostics.push(...rowLimitDiagnostics(node, span));
      else if (node instanceof TableRefContext) diagnostics.push(...unknownTable(node, schema, span));
      else if (node instanceof ColumnReferenceContext || node instanceof ColumnRefContext || node instanceof DereferenceContext) {
        diagnostics.push(...unknownColumn(node, schema, span), ...unknownBareColumn(node, schema, span));
      }
    });
  }
  return diagnostics;
}

type Span = (from: ParserRuleContext | TerminalNode, to?: ParserRuleContext | TerminalNode) => { start: number; end: number };

function rowLimitDiagnostics(node: QueryNoWithContext, span: Span): SuiteQLDiagnostic[] {
  const found: SuiteQLDiagnostic[] = [];
  const limit = node.KW_LIMIT();
  if (limit) {
    found.push({
      code: 'limit',
      severity: 'error',
      message: 'SuiteQL has no LIMIT. Use WHERE ROWNUM <= n, FETCH FIRST n ROWS ONLY, or SELECT TOP n.',
      ...span(limit, node.limitRowCount() ?? limit),
    });
  }
  const offset = node.KW_OFFSET();
  if (offset) {
    found.push({
      code: 'offset',
      severity: 'error',
      message: 'SuiteQL has no OFFSET. Page with ROW_NUMBER() OVER (ORDER BY …) in a subquery, or let SuiteLens page the result.',
      ...span(offset, node._offset ?? offset),
    });
  }
  return found;
}

function unknownTable(node: TableRefContext, schema: SuiteQLSchema, span: Span): SuiteQLDiagnostic[] {
  const parts = node.identifier();
  const name = parts.length === 1 ? safeName(parts[0]) : undefined;
  if (!name || schema.table(name) || isCteInScope(name, node)) return [];
  const home = suiteQLHomeOf(name);
  if (home) {
    const message = `SuiteQL has no table "${name}": ${home.label ?? 'its'} records are rows of ${home.table}. Use ${suiteQLHomeHint(home)}.`;
    return [{ code: 'unknown-table', severity: 'warning', message, suggestion: home.table, ...span(node) }];
  }
  // Custom record tables come and go with the account; only a complete schema may call one unknown.
  const suggestion = name.startsWith('custom') && !schema.tablesComplete ? undefined : closestName(name, schema.tables().map((table) => table.name));
  if (!schema.tablesComplete && !suggestion) return [];
  const message = suggestion ? `Unknown table "${name}". Did you mean "${suggestion}"?` : `Unknown table "${name}".`;
  return [{ code: 'unknown-table', severity: 'warning', message, suggestion, ...span(node) }];
}

/** `alias.column`: a two-part column reference (in an expression or a plain select item), or a dereference. */
function unknownColumn(node: ColumnReferenceContext | ColumnRefContext | DereferenceContext, schema: SuiteQLSchema, span: Span): SuiteQLDiagnostic[] {
  let qualifier: IdentifierContext | undefined;
  let column: IdentifierContext | undefined;
  if (node instanceof ColumnReferenceContext || node instanceof ColumnRefContext) {
    const parts = (node instanceof ColumnRefContext ? node.qualifiedName() : node.columnName().qualifiedName())?.identifier() ?? [];
    if (parts.length !== 2 || node.parent instanceof DereferenceContext) return [];
    [qualifier, column] = parts;
  } else {
    const base = node.primaryExpression();
    const parts = base instanceof ColumnReferenceContext ? base.columnName().qualifiedName().identifier() : [];
    if (parts.length !== 1) return [];
    [qualifier, column] = [parts[0], node.identifier()];
  }
  const qualifierName = safeName(qualifier);
  const columnName = safeName(column);
  if (!qualifierName || !columnName) return [];
  const tableName = tableForQualifier(node, qualifierName);
  const problem = tableName ? columnProblem(schema, tableName, columnName) : undefined;
  return problem ? [{ code: 'unknown-column', severity: 'warning', ...problem, ...span(column) }] : [];
}

/**
 * A bare column name (`balance`, no alias) in the outermost query when it reads exactly one table: then the name
 * can only mean that table's column. Names a select item gives (`ORDER BY total` after `… AS total`) and SuiteQL's
 * pseudo columns (`ROWNUM`, `SYSDATE`) are not columns of the table.
 */
function unknownBareColumn(node: ColumnReferenceContext | ColumnRefContext | DereferenceContext, schema: SuiteQLSchema, span: Span): SuiteQLDiagnostic[] {
  if (node instanceof DereferenceContext || node.parent instanceof DereferenceContext) return [];
  const parts = (node instanceof ColumnRefContext ? node.qualifiedName() : node.columnName().qualifiedName())?.identifier() ?? [];
  const columnName = parts.length === 1 ? safeName(parts[0]) : undefined;
  if (!columnName || findFunction(columnName)) return [];
  const specification = outermostSpecification(node);
  if (!specification || selectAliases(specification).has(columnName)) return [];
  const tableName = onlyTableOf(specification);
  if (!tableName || isCteInScope(tableName, specification)) return [];
  const problem = columnProblem(schema, tableName, columnName);
  return problem ? [{ code: 'unknown-column', severity: 'warning', ...problem, ...span(parts[0]) }] : [];
}

/** What is wrong with `tableName.columnName`, when the schema can be sure something is. */
function columnProblem(schema: SuiteQLSchema, tableName: string, columnName: string): { message: string; suggestion?: string } | undefined {
  const table = schema.table(tableName);
  const known = table?.columns.get(columnName);
  if (known && !known.rejected) return undefined;
  const renamed = table?.restFields.get(columnName) ?? suiteQLColumnForRestField(tableName, columnName);
  if (renamed) {
    return { message: `"${columnName}" is the REST field; SuiteQL's column on ${tableName} is "${renamed}".`, suggestion: renamed };
  }
  if (!table || known) return undefined;
  if (!table.columnsComplete && columnName.startsWith('cust')) return undefined;
  const suggestion = closestName(columnName, table.columns.keys());
  if (table.columnsComplete) {
    return { message: `Unknown column "${columnName}" in table "${table.name}".${suggestion ? ` Did you mean "${suggestion}"?` : ''}`, suggestion };
  }
  return suggestion ? { message: `Unknown column "${columnName}" in table "${table.name}". Did you mean "${suggestion}"?`, suggestion } : undefined;
}

/**
 * The query specification a bare column belongs to, when it is the outermost one (its ORDER BY included): names in
 * a subquery may refer to the outer query's tables, so they are left alone.
 */
function outermostSpecification(node: ParserRuleContext): QuerySpecificationContext | undefined {
  let found: QuerySpecificationContext | undefined;
  for (let current = node.parent; current; current = current.parent) {
    if (current instanceof QuerySpecificationContext) {
      if (found) return undefined; // inside a subquery
      found = current;
    } else if (current instanceof QueryNoWithContext && !found) {
      // ORDER BY belongs to the query around the specification, not to the specification itself.
      const term = current.queryTerm();
      const primary = term instanceof QueryTermDefaultContext ? term.queryPrimary() : undefined;
      if (!(primary instanceof QueryPrimaryDefaultContext)) return undefined;
      found = primary.querySpecification();
    }
  }
  return found;
}

/** Names the select list gives its items (`AS total`). */
function selectAliases(specification: QuerySpecificationContext): Set<string> {
  const aliases = new Set<string>();
  for (const item of specification.selectList().selectItem()) {
    const alias = item instanceof SelectItemContext ? item.identifier() : null;
    const name = alias ? safeName(alias) : undefined;
    if (name) aliases.add(name);
  }
  return aliases;
}

/** The one table a query specification reads (no join, no derived table), else undefined. */
function onlyTableOf(specification: QuerySpecificationContext): string | undefined {
  const relations = specification.relation();
  if (relations.length !== 1) return undefined;
  const tables: (string | undefined)[] = [];
  walk(relations[0], (node) => {
    if (node instanceof AliasedRelationContext) {
      const primary = node.relationPrimary();
      tables.push(primary instanceof TableNameContext ? tableNameOf(primary) : undefined);
    }
  }, (node) => !(node instanceof QueryStatementContext));
  return tables.length === 1 ? tables[0] : undefined;
}

/**
 * The table an alias (or unaliased table name) stands for, from the FROM clauses of the enclosing queries,
 * innermost first. Undefined when it names a derived table, a CTE, or nothing visible — then nothing is reported.
 */
function tableForQualifier(node: ParserRuleContext, qualifier: string): string | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (!(current instanceof QuerySpecificationContext)) continue;
    for (const relation of current.relation()) {
      const match = findAliased(relation, qualifier);
      if (match === null) return undefined;
      if (match) return isCteInScope(match, current) ? undefined : match;
    }
  }
  return undefined;
}

/**
 * The table behind `qualifier` in one FROM item: a name, null for a derived table, undefined when absent. Nested
 * queries (derived tables, subqueries in ON) have their own scope and are not searched.
 */
function findAliased(relation: ParseTree, qualifier: string): string | null | undefined {
  let result: string | null | undefined;
  walk(relation, (node) => {
    if (result !== undefined || !(node instanceof AliasedRelationContext)) return;
    const primary = node.relationPrimary();
    const alias = node.identifier();
    const tableName = primary instanceof TableNameContext ? tableNameOf(primary) : undefined;
    const visibleAs = alias ? safeName(alias) : tableName;
    if (visibleAs === qualifier) result = tableName ?? null;
  }, (node) => !(node instanceof QueryStatementContext));
  return result;
}

function tableNameOf(primary: TableNameContext): string | undefined {
  const tableRef = primary.tableOrViewName().tableRef();
  const parts = tableRef?.identifier() ?? [];
  return parts.length === 1 ? safeName(parts[0]) : undefined;
}

function safeName(identifier: IdentifierContext): string | undefined {
  try {
    return identifierName(identifier);
  } catch {
    return undefined;
  }
}

function startOf(node: ParserRuleContext | TerminalNode): number {
  return 'symbol' in node ? node.symbol.start : (node.start?.start ?? 0);
}

function stopOf(node: ParserRuleContext | TerminalNode): number {
  return 'symbol' in node ? node.symbol.stop : (node.stop?.stop ?? startOf(node));
}
