/**
 * What the agent guard lets through of the Trino grammar: an allowlist of parse-tree constructs, of functions, and
 * of where quoted names and CTE names may appear. The Trino grammar knows much SuiteQL does not (lambdas, JSON
 * functions, MATCH_RECOGNIZE, LIMIT…), and Oracle knows much the grammar reads as plain names (CONNECT BY, PIVOT,
 * flashback AS OF…). Whatever this file does not name is refused with a reason: a construct the guard does not
 * understand cannot be checked for the tables it reads.
 */
import { type ParserRuleContext, type ParseTree, TerminalNode } from 'antlr4ng';
import * as trino from 'dt-sql-parser/dist/lib/trino/TrinoSqlParser';
import { agentBuiltin } from './builtinFunctions';
import { agentFunctionNames } from './functions';
import analyticsTablesJson from './data/analyticsTables.json';
import { identifierName, isCteInScope, snippet, Unresolvable } from './identifiers';
import { suiteQLHomeOf } from './restOnlyRecordTypes';
import { isOracleParameterlessName } from './oracleReservedWords';
import { isQualifierInScope } from './qualifierScope';
import { oracleClauseWords, oracleReservedWords, suiteQLPseudoColumnWords } from './oracleReservedWords';
import { standardTables } from './standardTables';

let allowed: ReadonlySet<unknown> | undefined;

/**
 * Parse-tree nodes of a plain SELECT: clauses, joins, predicates, expressions, literals, names. Collected on first
 * use: reading the grammar's classes loads it, which the extension does only when a check runs (scripts/lazyLibraries.mjs).
 */
const allowedConstructs = (): ReadonlySet<unknown> => (allowed ??= new Set<unknown>([
  trino.ProgramContext, trino.StatementsContext, trino.SingleStatementContext, trino.StatementDefaultContext,
  trino.RootQueryContext, trino.QueryStatementContext, trino.WithContext, trino.NamedQueryContext,
  trino.ColumnAliasesContext, trino.QueryNoWithContext, trino.LimitRowCountContext, trino.RowCountContext,
  trino.QueryTermDefaultContext, trino.SetOperationContext, trino.QueryPrimaryDefaultContext, trino.SubqueryContext,
  trino.QuerySpecificationContext, trino.SetQuantifierContext, trino.SelectListContext, trino.SelectItemContext,
  trino.SelectLiteralColumnNameContext, trino.SelectExpressionColumnNameContext, trino.SelectAllWithoutTableContext,
  trino.TableAllColumnsContext, trino.RelationDefaultContext, trino.JoinRelationContext, trino.JoinTypeContext,
  trino.JoinCriteriaContext, trino.JoinColumnEqualityContext, trino.JoinColumnReferenceContext,
  trino.SampledRelationContext, trino.PatternRecognitionContext, trino.AliasedRelationContext, trino.TableNameContext,
  trino.TableOrViewNameContext, trino.TableRefContext, trino.ExpressionSourceTableContext, trino.SubqueryRelationContext,
  trino.ParenthesizedRelationContext, trino.WhereClauseContext, trino.GroupByContext, trino.SingleGroupingSetContext,
  trino.RollupContext, trino.CubeContext, trino.GroupingSetContext, trino.GroupingTermContext, trino.HavingClauseContext,
  trino.SortItemContext, trino.ExpressionContext, trino.PredicatedContext, trino.LogicalNotContext, trino.AndContext,
  trino.OrContext, trino.ComparisonContext, trino.ComparisonOperatorContext, trino.LikeContext, trino.InSubqueryContext,
  trino.InListContext, trino.NullPredicateContext, trino.BetweenContext, trino.QuantifiedComparisonContext,
  trino.ComparisonQuantifierContext, trino.ValueExpressionDefaultContext, trino.ArithmeticBinaryContext,
  trino.ArithmeticUnaryContext, trino.ConcatenationContext, trino.ColumnReferenceContext, trino.ColumnNameContext,
  trino.ColumnRefContext, trino.DereferenceContext, trino.FunctionCallContext, trino.FunctionNameContext,
  trino.QualifiedNameContext, trino.OverContext, trino.WindowSpecificationContext, trino.PartitionByContext,
  trino.WindowFrameContext, trino.FrameExtentContext, trino.BoundedFrameContext, trino.UnboundedFrameContext,
  trino.CurrentRowBoundContext, trino.NullTreatmentContext, trino.SearchedCaseContext, trino.SimpleCaseContext,
  trino.WhenClauseContext, trino.ExistsContext, trino.SubqueryExpressionContext, trino.ParenthesizedExpressionContext,
  trino.StringLiteralContext, trino.BasicStringLiteralContext, trino.NumericLiteralContext, trino.IntegerLiteralContext,
  trino.DecimalLiteralContext, trino.DoubleLiteralContext, trino.NullLiteralContext, trino.CastContext,
  trino.GenericTypeContext, trino.TypeParameterContext, trino.ExtractContext, trino.ListAggContext, trino.TrimContext,
  trino.TrimsSpecificationContext, trino.CoalesceContext, trino.CurrentDateContext, trino.TypeConstructorContext,
  trino.UnquotedIdentifierContext, trino.QuotedIdentifierContext, trino.NonReservedContext,
]));

/**
 * Names a CTE or a derived table may not take: every table SuiteLens knows, and the custom-table prefixes. Whether
 * a name means the CTE or the table is decided by scoping rules that differ between engines (Oracle treats a CTE
 * that names itself as recursive, without the RECURSIVE keyword the Trino grammar needs); with no name shared,
 * the question never arises.
 */
const knownTableNames: ReadonlySet<string> = new Set([
  ...standardTables.map((table) => table.name.toLowerCase()),
  'transaction', 'transactionline', 'transactionaccountingline', 'item', 'entity', 'customer', 'vendor', 'employee',
  'contact', 'partner', 'job', 'account', 'subsidiary', 'department', 'location', 'classification', 'currency', 'dual',
  // The family tables the agent policy knows (agents/suiteqlAccess.ts).
  'nexttransactionlink', 'previoustransactionlink', 'nexttransactionlinelink', 'previoustransactionlinelink',
  'transactionshipment', 'aggregateitemlocation', 'inventoryitemlocations', 'itemlocationconfiguration',
]);

/**
 * Also a table's name: the analytics tables public sources show (data/analyticsTables.json: message, note, task,
 * currencyrate…) and the REST record types SuiteQL keeps in `transaction` and `item` (salesorder, invoice…), which
 * a catalog lists and an agent may take for tables.
 */
const analyticsTableNames: ReadonlySet<string> = new Set(Object.keys(analyticsTablesJson.tables));

const isTableLikeName = (name: string): boolean =>
  knownTableNames.has(name) || analyticsTableNames.has(name) || suiteQLHomeOf(name) !== undefined || /^custom(record|list|transaction)/.test(name);

/**
 * Throws Unresolvable with the reason for the first construct, function or name the guard does not allow. `text`
 * is the canonical text the tree was parsed from (same offsets as the parser's text).
 */
export function checkGuardedConstructs(root: ParseTree, text: string): void {
  const pending: ParseTree[] = [root];
  while (pending.length > 0) {
    const node = pending.pop() as ParseTree;
    if (node instanceof TerminalNode) continue;
    if (!allowedConstructs().has(node.constructor)) throw new Unresolvable(`"${snippet(node as ParserRuleContext)}" uses a construct SuiteLens does not check for agents.`);
    checkNode(node as ParserRuleContext, text);
    for (let i = 0; i < node.getChildCount(); i++) pending.push(node.getChild(i) as ParseTree);
  }
}

/**
 * `a.b` is a column only when `a` is a FROM item Oracle sees there (qualifierScope.ts); otherwise Oracle may read it
 * as a package function called without parentheses (`DBMS_RANDOM.VALUE`) or a sequence (`s.NEXTVAL`), which the
 * grammar takes for a column. Three parts (`schema.table.column`) name something outside SuiteQL. A bare name that
 * is no column is, to Oracle, a function without arguments: those Oracle has are refused (oracleReservedWords.ts).
 */
function checkQualifiedColumn(reference: ParserRuleContext, parts: readonly trino.IdentifierContext[]): void {
  const written = parts.map((part) => part.getText()).join('.');
  if (parts.length === 1) {
    const name = identifierName(parts[0]);
    if (isOracleParameterlessName(name)) throw new Unresolvable(`${written} is, unless a table of the query has such a column, an Oracle function or pseudo-column; SuiteLens does not let agents use it.`);
    return;
  }
  if (parts.length > 2) throw new Unresolvable(`${written} has too many parts; a SuiteQL column is alias.column.`);
  if (!isQualifierInScope(reference, identifierName(parts[0]))) {
    throw new Unresolvable(`${written}: ${parts[0].getText()} is not a table or alias in the FROM of this query block or one enclosing it, so Oracle could read ${written} as a function or sequence.`);
  }
  // Sequence pseudo-columns: `s.NEXTVAL` advances a sequence (a write); no SuiteQL table has such a column.
  if (/^(nextval|currval)$/i.test(parts[1].getText())) throw new Unresolvable(`${written} reads a sequence, which agents may not use.`);
}

/** The name before the dot of `a.b` or `a.*`: a plain column reference, else not alias.column. */
function qualifierParts(base: trino.PrimaryExpressionContext, whole: ParserRuleContext): trino.IdentifierContext[] {
  if (!(base instanceof trino.ColumnReferenceContext)) throw new Unresolvable(`"${snippet(whole)}" is not alias.column.`);
  return base.columnName().qualifiedName().identifier();
}

function checkNode(node: ParserRuleContext, text: string): void {
  if (node instanceof trino.FunctionCallContext) return checkFunctionCall(node, text);
  if (node instanceof trino.QualifiedNameContext && !(node.parent instanceof trino.FunctionNameContext) && !(node.parent instanceof trino.TableOrViewNameContext)) {
    return checkQualifiedColumn(node, node.identifier());
  }
  if (node instanceof trino.DereferenceContext) return checkQualifiedColumn(node, [...qualifierParts(node.primaryExpression(), node), node.identifier()]);
  if (node instanceof trino.TableAllColumnsContext) {
    const [qualifier, ...rest] = qualifierParts(node.primaryExpression(), node);
    if (rest.length > 0) throw new Unresolvable(`"${snippet(node)}" is not alias.*.`);
    if (!isQualifierInScope(node, identifierName(qualifier))) throw new Unresolvable(`${qualifier.getText()}.*: ${qualifier.getText()} is not a table or alias in the FROM of this query block.`);
    return;
  }
  if (node instanceof trino.UnquotedIdentifierContext) return checkUnquotedName(node);
  if (node instanceof trino.QuotedIdentifierContext) {
    // Oracle keeps a quoted name's case; the Trino grammar folds it. Only a column alias — a label on the output,
    // never a table or a scope — may be quoted (canonicalQuery.ts already printed "UPPER" names unquoted).
    const parent = node.parent;
    if (parent instanceof trino.SelectItemContext && parent.identifier() === node) return;
    throw new Unresolvable(`The quoted name ${node.getText()} may only be a column alias; write table, column and CTE names unquoted.`);
  }
  if (node instanceof trino.WithContext && node.KW_RECURSIVE()) throw new Unresolvable('WITH RECURSIVE is not supported.');
  if (node instanceof trino.NamedQueryContext) return checkScopeName(node.identifier().getText(), 'CTE', node.query());
  if (node instanceof trino.AliasedRelationContext) {
    // `customer c (employee)`: Trino reads an alias and a column list, Oracle a partition or analytic-view clause
    // (`customer SUBPARTITION (employee)`, `customer HIERARCHIES (h)`); Oracle has no column list on a FROM item.
    if (node.columnAliases()) throw new Unresolvable(`"${snippet(node)}" gives a FROM item a column list, which SuiteQL does not have; alias its columns in the SELECT list instead.`);
    const alias = node.identifier();
    if (alias && !(node.relationPrimary() instanceof trino.TableNameContext)) checkScopeName(alias.getText(), 'derived table', undefined);
    return;
  }
  if (node instanceof trino.TableRefContext) return checkCteReference(node);
  if (node instanceof trino.SelectItemContext && node.columnAliases()) throw new Unresolvable(`"${snippet(node)}" names several columns for one expression, which SuiteQL does not have.`);
  if (node instanceof trino.QueryNoWithContext && (node.KW_LIMIT() || node.KW_TIES())) throw new Unresolvable('LIMIT and WITH TIES are not SuiteQL; use FETCH FIRST n ROWS ONLY or ROWNUM.');
  if (node instanceof trino.SampledRelationContext && node.KW_TABLESAMPLE()) throw new Unresolvable('TABLESAMPLE is not SuiteQL.');
  if (node instanceof trino.PatternRecognitionContext && node.KW_MATCH_RECOGNIZE()) throw new Unresolvable('MATCH_RECOGNIZE is not supported for agents.');
  if (node instanceof trino.CastContext && node.KW_TRY_CAST()) throw new Unresolvable('TRY_CAST is not SuiteQL.');
  if (node instanceof trino.ListAggContext && (node.KW_OVERFLOW() || node.filter())) throw new Unresolvable('LISTAGG … ON OVERFLOW and FILTER are not supported for agents.');
  if (node instanceof trino.TypeConstructorContext) {
    const type = node.identifier()?.getText().toUpperCase();
    if (type !== 'DATE' && type !== 'TIMESTAMP') throw new Unresolvable(`"${snippet(node)}" is not a SuiteQL literal.`);
  }
}

function checkUnquotedName(node: trino.UnquotedIdentifierContext): void {
  const upper = node.getText().toUpperCase();
  if (!oracleReservedWords.has(upper) && !oracleClauseWords.has(upper)) return;
  const parent = node.parent;
  // A type name (CAST(x AS VARCHAR(10)), DATE '2024-01-31') is where these words belong.
  if (parent instanceof trino.GenericTypeContext || parent instanceof trino.TypeConstructorContext) return;
  // After a dot a word can only be a column name (`la.date`, `sn.user`: NetSuite has such columns).
  if (parent instanceof trino.QualifiedNameContext && parent.identifier().indexOf(node) > 0) return;
  if (parent instanceof trino.DereferenceContext && parent.identifier() === node) return;
  const column = parent instanceof trino.QualifiedNameContext && parent.identifier().length === 1 ? parent.parent?.parent : undefined; // ColumnName/ColumnRef < the column
  if (suiteQLPseudoColumnWords.has(upper) && (column instanceof trino.ColumnReferenceContext || column instanceof trino.SelectLiteralColumnNameContext)) return;
  throw new Unresolvable(`${node.getText()} is an Oracle keyword, so NetSuite would not read it as the name it is here.`);
}

function checkScopeName(written: string, kind: string, body: ParseTree | undefined): void {
  const name = written.toLowerCase();
  if (isTableLikeName(name)) throw new Unresolvable(`The ${kind} name ${written} is also a table's name; rename the ${kind} so the two cannot be confused.`);
  if (body && mentionsName(body, name)) throw new Unresolvable(`The CTE ${written} refers to itself, which Oracle reads as a recursive query; recursive CTEs are not supported.`);
}

/**
 * A table name that is also the name of a CTE of the statement must be where that CTE is visible: whether a name
 * outside it (in an earlier CTE, beside a nested WITH) means the CTE or a table is where Oracle and the grammar may
 * part, and only the table is checked against the grants.
 */
function checkCteReference(node: trino.TableRefContext): void {
  const parts = node.identifier();
  if (parts.length !== 1) return;
  const name = identifierName(parts[0]);
  if (cteNamesOf(node).has(name) && !isCteInScope(name, node)) throw new Unresolvable(`${parts[0].getText()} is the name of a CTE of this query, used where that CTE is not visible; rename the CTE.`);
}

const cteNamesByRoot = new WeakMap<ParserRuleContext, Set<string>>();

/** The names of every CTE in the statement `node` belongs to. */
function cteNamesOf(node: ParserRuleContext): Set<string> {
  let root: ParserRuleContext = node;
  while (root.parent) root = root.parent;
  const known = cteNamesByRoot.get(root);
  if (known) return known;
  const names = new Set<string>();
  cteNamesByRoot.set(root, names);
  const visit = (current: ParseTree): void => {
    if (current instanceof trino.NamedQueryContext) names.add(identifierName(current.identifier()));
    for (let i = 0; i < current.getChildCount(); i++) visit(current.getChild(i) as ParseTree);
  };
  visit(root);
  return names;
}

function mentionsName(node: ParseTree, name: string): boolean {
  if (node instanceof trino.TableNameContext) return node.getText().toLowerCase() === name;
  for (let i = 0; i < node.getChildCount(); i++) if (mentionsName(node.getChild(i) as ParseTree, name)) return true;
  return false;
}

function checkFunctionCall(call: trino.FunctionCallContext, text: string): void {
  const written = call.functionName().getText();
  const name = written.toUpperCase();
  if (call.filter() || call.processingMode() || call.identifier() || call.KW_ORDER()) {
    throw new Unresolvable(`${written}(…) uses Trino-only call syntax (FILTER, ORDER BY in the arguments, a label); SuiteQL has none of it.`);
  }
  if (call.ASTERISK() && name !== 'COUNT') throw new Unresolvable(`${written}(*) is not SuiteQL; only COUNT(*) is.`);
  const parts = name.split('.');
  if (parts.length === 2 && parts[0] === 'BUILTIN') return checkBuiltin(written, parts[1], call);
  if (parts.length > 1) throw new Unresolvable(`The function ${written} is not allowed: only SuiteQL functions and BUILTIN.* may be called.`);
  // The pre-pass spells Oracle's LISTAGG(x, ',') as LISTAGX for the grammar (prepass.ts); the text says which it was.
  const start = call.start?.start ?? -1;
  const listagg = name === 'LISTAGX' && text.slice(start, start + 7).toUpperCase() === 'LISTAGG';
  if (!agentFunctionNames.has(listagg ? 'LISTAGG' : name)) throw new Unresolvable(`The function ${written} is not a SuiteQL function SuiteLens allows agents to call.`);
}

function checkBuiltin(written: string, builtin: string, call: trino.FunctionCallContext): void {
  const rule = agentBuiltin(builtin);
  if (!rule) throw new Unresolvable(`The function ${written} is not a BUILTIN function SuiteLens allows agents to call.`);
  const args = call.expression();
  if (call.ASTERISK() || call.setQuantifier() || call.over() || call.nullTreatment()) throw new Unresolvable(`${written} takes plain arguments only.`);
  if (args.length < rule.min || args.length > rule.max) {
    const count = rule.min === rule.max ? `${rule.min}` : `${rule.min} to ${rule.max}`;
    throw new Unresolvable(`${written} takes ${count} argument${rule.max === 1 ? '' : 's'}; this call has ${args.length}.`);
  }
  for (const index of rule.literal) {
    const arg = args[index];
    if (arg && !/^'[A-Za-z0-9_ ]*'$/.test(arg.getText())) throw new Unresolvable(`Argument ${index + 1} of ${written} must be a plain string literal such as 'DEFAULT'.`);
  }
}
