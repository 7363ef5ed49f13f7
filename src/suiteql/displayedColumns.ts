/**
 * The columns whose display text a query shows. `BUILTIN.DF(t.entity)` shows the NAME of the customer or vendor
 * that `t.entity` points to: it reads the referenced table although the query never names it. This walk finds
 * every such call and the table and column its argument belongs to, so the agent policy can count the referenced
 * table as read (see displayReads.ts for the target). It never guesses: an argument it cannot pin to one column
 * of one named table is reported with the reason, and the policy refuses the query.
 */
import type { ParserRuleContext, ParseTree, Token } from 'antlr4ng';
import {
  AliasedRelationContext,
  ColumnReferenceContext,
  DereferenceContext,
  ExpressionContext,
  FunctionCallContext,
  type IdentifierContext,
  ParenthesizedExpressionContext,
  PredicatedContext,
  QueryNoWithContext,
  QueryPrimaryDefaultContext,
  QuerySpecificationContext,
  QueryStatementContext,
  QueryTermDefaultContext,
  SelectItemContext,
  SortItemContext,
  TableNameContext,
  ValueExpressionDefaultContext,
} from 'dt-sql-parser/dist/lib/trino/TrinoSqlParser';
import { TrinoSqlLexer } from 'dt-sql-parser/dist/lib/trino/TrinoSqlLexer';
import { agentBuiltin } from './builtinFunctions';
import { identifierName, isCteInScope, snippet, Unresolvable } from './identifiers';
import { walk } from './parseTreeWalk';

/**
 * One call that shows a column's display text: the column's table when it could be told, else why not. Or a call
 * that reads a setup table itself (`uses`: BUILTIN.CURRENCY_CONVERT uses exchange rates from `currencyrate`).
 * `unqualifiedInSubquery`: a bare column inside a subquery belongs to the subquery's table only if that table has
 * it — otherwise SuiteQL takes it from an outer query — so only a column known to be there may be trusted.
 */
export type DisplayedColumn =
  | { call: string; table: string; column: string; unqualifiedInSubquery?: true }
  | { call: string; table: string; uses: string }
  | { call: string; unresolved: string };

/** Every display call under `root` (a parsed, single SELECT statement), in text order. */
export function displayedColumnsIn(root: ParseTree, tokens: readonly Token[]): DisplayedColumn[] {
  const found: DisplayedColumn[] = [];
  let builtinCalls = 0;
  walk(root, (node) => {
    if (!(node instanceof FunctionCallContext)) return;
    const name = functionName(node);
    if (name === undefined) {
      // A name SuiteQL cannot spell (back-quoted, like BUILTIN.`DF`) might still be a display function to NetSuite.
      found.push({ call: snippet(node, 80), unresolved: 'its function name is not written as SuiteQL writes names' });
      return;
    }
    if (!name.startsWith('builtin.')) return;
    builtinCalls++;
    const reads = agentBuiltin(name.slice('builtin.'.length))?.reads;
    const call = snippet(node, 80);
    if (reads === undefined) found.push({ call, unresolved: `${name.toUpperCase()} is not a BUILTIN function SuiteLens knows` });
    else if (reads.kind === 'display') found.push(displayedColumn(node, call));
    else if (reads.kind === 'tables') for (const table of reads.tables) found.push({ call, table, uses: reads.what });
  });
  // A BUILTIN call the grammar read as something other than a function call would slip past the walk: refuse.
  if (lexicalBuiltinCalls(tokens) !== builtinCalls) {
    found.push({ call: 'BUILTIN.…', unresolved: 'the query calls a BUILTIN function in a form SuiteLens does not recognise' });
  }
  return found;
}

/** `builtin.df` for `BUILTIN.DF(…)` (quoted or not); undefined when a part is not a SuiteQL identifier. */
function functionName(call: FunctionCallContext): string | undefined {
  try {
    return call.functionName().qualifiedName().identifier().map(identifierName).join('.');
  } catch (error) {
    if (error instanceof Unresolvable) return undefined;
    throw error;
  }
}

/** Counts `BUILTIN . name (` in the token stream (comments and spaces are off the default channel). */
function lexicalBuiltinCalls(tokens: readonly Token[]): number {
  const code = tokens.filter((token) => token.channel === 0);
  let count = 0;
  for (let i = 0; i + 3 < code.length; i++) {
    const word = wordOf(code[i]);
    if (word === 'builtin' && code[i + 1].text === '.' && code[i + 3].text === '(' && wordOf(code[i + 2]) !== undefined) count++;
  }
  return count;
}

function wordOf(token: Token): string | undefined {
  const text = token.text ?? '';
  if (token.type === TrinoSqlLexer.QUOTED_IDENTIFIER) return text.slice(1, -1).replaceAll('""', '"').toLowerCase();
  return /^[A-Za-z_][\w$#]*$/.test(text) ? text.toLowerCase() : undefined;
}

function displayedColumn(call: FunctionCallContext, text: string): DisplayedColumn {
  const argument = call.expression(0);
  if (!argument) return { call: text, unresolved: 'it has no column argument' };
  const reference = columnReference(argument);
  if (!reference) return { call: text, unresolved: `its argument ${snippet(argument)} is an expression, not a column` };
  try {
    if (reference.qualifier !== undefined) return { call: text, table: qualifiedOwner(argument, reference.qualifier), column: reference.column };
    const { table, nested } = unqualifiedOwner(argument, reference.column);
    return { call: text, table, column: reference.column, ...(nested ? { unqualifiedInSubquery: true as const } : {}) };
  } catch (error) {
    if (error instanceof Unresolvable) return { call: text, unresolved: error.message };
    throw error;
  }
}

/** `t.entity` → {qualifier t, column entity}; `entity` → {column entity}; anything else → undefined. */
function columnReference(expression: ParserRuleContext): { qualifier?: string; column: string } | undefined {
  const node = unwrap(expression);
  try {
    if (node instanceof ColumnReferenceContext) {
      const parts = node.columnName().qualifiedName().identifier().map(identifierName);
      if (parts.length === 1) return { column: parts[0] };
      if (parts.length === 2) return { qualifier: parts[0], column: parts[1] };
      return undefined;
    }
    if (node instanceof DereferenceContext) {
      const base = node.primaryExpression();
      const parts = base instanceof ColumnReferenceContext ? base.columnName().qualifiedName().identifier() : [];
      return parts.length === 1 ? { qualifier: identifierName(parts[0]), column: identifierName(node.identifier()) } : undefined;
    }
  } catch (error) {
    if (error instanceof Unresolvable) return undefined;
    throw error;
  }
  return undefined;
}

/** Steps through the wrappers the grammar puts around a bare column: expression, predicate, value, `( … )`. */
function unwrap(expression: ParserRuleContext): ParserRuleContext {
  let node: ParserRuleContext = expression;
  for (;;) {
    if (node instanceof ParenthesizedExpressionContext) node = node.expression();
    else if ((node instanceof ExpressionContext || node instanceof PredicatedContext || node instanceof ValueExpressionDefaultContext) && node.getChildCount() === 1) {
      node = node.getChild(0) as ParserRuleContext;
    } else return node;
  }
}

/** A FROM item as a column qualifier sees it: the name it goes by, and the table behind it (none for a subquery). */
interface Relation {
  visibleAs: string | undefined;
  table: string | undefined;
  node: AliasedRelationContext;
}

/** The FROM items of one query block; nested queries (derived tables, subqueries in ON) are scopes of their own. */
function relationsOf(block: QuerySpecificationContext): Relation[] {
  const relations: Relation[] = [];
  for (const relation of block.relation()) {
    walk(
      relation,
      (node) => {
        if (!(node instanceof AliasedRelationContext)) return;
        const primary = node.relationPrimary();
        const table = primary instanceof TableNameContext ? tableNameOf(primary) : undefined;
        const alias = node.identifier();
        // `t (a, b)` renames the table's columns: `t.a` is then some other column of it.
        if (node.columnAliases()) throw new Unresolvable(`${snippet(node)} renames its columns, which SuiteLens cannot trace`);
        relations.push({ visibleAs: alias ? identifierName(alias) : table, table, node });
      },
      (node) => !(node instanceof QueryStatementContext),
    );
  }
  return relations;
}

function tableNameOf(primary: TableNameContext): string {
  const parts = primary.tableOrViewName().tableRef()?.identifier() ?? [];
  if (parts.length !== 1) throw new Unresolvable(`${snippet(primary)} is not a plain table name`);
  return identifierName(parts[0]);
}

/**
 * The query blocks whose FROM items a column reference can see, innermost first. An ORDER BY belongs to the query
 * around its block: it sees that block's FROM items when the query is one block, and nothing certain after a
 * UNION or MINUS.
 */
function enclosingBlocks(reference: ParserRuleContext): Array<{ block: QuerySpecificationContext; fromOrderBy: boolean }> {
  const blocks: Array<{ block: QuerySpecificationContext; fromOrderBy: boolean }> = [];
  let child: ParserRuleContext = reference;
  for (let node = reference.parent; node; child = node, node = node.parent) {
    if (node instanceof QuerySpecificationContext) blocks.push({ block: node, fromOrderBy: false });
    else if (node instanceof QueryNoWithContext && child instanceof SortItemContext) {
      const term = node.queryTerm();
      const primary = term instanceof QueryTermDefaultContext ? term.queryPrimary() : undefined;
      if (!(primary instanceof QueryPrimaryDefaultContext)) throw new Unresolvable('it is in the ORDER BY of a UNION, MINUS or INTERSECT, whose columns SuiteLens cannot trace');
      blocks.push({ block: primary.querySpecification(), fromOrderBy: true });
    }
  }
  return blocks;
}

function ownerTable(relation: Relation, qualifier: string): string {
  if (relation.table === undefined) throw new Unresolvable(`${qualifier} is a subquery, whose columns SuiteLens cannot trace`);
  if (isCteInScope(relation.table, relation.node)) throw new Unresolvable(`${qualifier} is the CTE ${relation.table}, whose columns SuiteLens cannot trace`);
  return relation.table;
}

/** `t.entity`: the innermost block with a FROM item visible as `t` decides (an inner alias shadows an outer one). */
function qualifiedOwner(reference: ParserRuleContext, qualifier: string): string {
  for (const { block } of enclosingBlocks(reference)) {
    const matches = relationsOf(block).filter((relation) => relation.visibleAs === qualifier);
    if (matches.length > 1) throw new Unresolvable(`${qualifier} names more than one table in the same FROM`);
    if (matches.length === 1) return ownerTable(matches[0], qualifier);
  }
  throw new Unresolvable(`no table or alias ${qualifier} is in scope`);
}

/**
 * A bare `entity`: it belongs to the only table of the innermost block. With several tables, which one holds the
 * column is not known from the text, so the caller must qualify it. In an ORDER BY it may also be a select-list
 * alias, whose value could come from anywhere.
 */
function unqualifiedOwner(reference: ParserRuleContext, column: string): { table: string; nested: boolean } {
  const [innermost, ...outer] = enclosingBlocks(reference);
  if (!innermost) throw new Unresolvable('it is outside any SELECT');
  if (innermost.fromOrderBy && selectAliases(innermost.block).includes(column)) {
    throw new Unresolvable(`${column} is also a select-list alias, whose value SuiteLens cannot trace`);
  }
  const relations = relationsOf(innermost.block);
  if (relations.length !== 1) throw new Unresolvable(`${column} is not qualified and its query reads ${relations.length} tables; write it as alias.${column}`);
  return { table: ownerTable(relations[0], relations[0].visibleAs ?? column), nested: outer.length > 0 };
}

function selectAliases(block: QuerySpecificationContext): string[] {
  return block
    .selectList()
    .selectItem()
    .flatMap((item: SelectItemContext) => {
      const alias: IdentifierContext | null = item.identifier();
      return alias ? [identifierName(alias)] : [];
    });
}
