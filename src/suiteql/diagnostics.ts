import type { ParserRuleContext, ParseTree, TerminalNode } from 'antlr4ng';
import {
  AliasedRelationContext,
  ColumnRefContext,
  ColumnReferenceContext,
  DereferenceContext,
  QueryNoWithContext,
  QuerySpecificationContext,
  QueryStatementContext,
  StatementDefaultContext,
  TableNameContext,
  TableRefContext,
  type IdentifierContext,
} from 'dt-sql-parser/dist/lib/trino/TrinoSqlParser';
import { codePointToUtf16 } from './offsets';
import { parseSuiteQL } from './parser';
import { walk } from './parseTreeWalk';
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
}

export interface DiagnosticOptions {
  /** The caller knows the result spans more than one page (so row order between pages matters). */
  multiPage?: boolean;
}

/**
 * Mistakes worth a squiggle, and only those: every check stays silent when it cannot be sure. A query that does
 * not parse gets nothing here (NetSuite's own error says more when it runs); unknown tables are reported only
 * when the schema lists every table, unknown columns only on `alias.column` whose table's columns are all known.
 */
export function diagnoseSuiteQL(query: string, schema: SuiteQLSchema, options: DiagnosticOptions = {}): SuiteQLDiagnostic[] {
  const parsed = parseSuiteQL(query);
  if (parsed.problems.length > 0) return [];
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
      else if (node instanceof ColumnReferenceContext || node instanceof ColumnRefContext || node instanceof DereferenceContext) diagnostics.push(...unknownColumn(node, schema, span));
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
  if (!schema.tablesComplete) return [];
  const parts = node.identifier();
  const name = parts.length === 1 ? safeName(parts[0]) : undefined;
  if (!name || schema.table(name) || isCteInScope(name, node)) return [];
  return [{ code: 'unknown-table', severity: 'warning', message: `Unknown table "${name}".`, ...span(node) }];
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
  const table = tableName ? schema.table(tableName) : undefined;
  if (!table?.columnsComplete || table.columns.has(columnName)) return [];
  return [{ code: 'unknown-column', severity: 'warning', message: `Unknown column "${columnName}" in table "${table.name}".`, ...span(column) }];
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
