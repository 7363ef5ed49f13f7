/**
 * Whether `a` in `a.b` or `a.*` is a FROM item Oracle can see where it is written. Oracle reads `a.b` as a column
 * only then; otherwise it tries `a` as a package or schema (`DBMS_RANDOM.VALUE`, a function called without
 * parentheses) or a sequence (`s.NEXTVAL`, a write), which the Trino grammar takes for a column all the same. So the
 * answer must never be "visible" where Oracle's is not (Oracle SQL Language Reference, "Subquery": a correlated
 * column may name a table of the current or an enclosing query block's FROM; an inline view and a WITH query are
 * not correlated). It may be "not visible" where Oracle would find the name: the guard then refuses.
 *
 * - A name is visible in the SELECT list, WHERE, GROUP BY and HAVING of a block that has it as a FROM item, and in
 *   the subqueries there. A CTE is visible only as a FROM item (`FROM recent r` makes `r` visible, the WITH alone
 *   nothing); an aliased table only by its alias.
 * - In a join's ON: the FROM items of that join (its two sides), then the enclosing blocks.
 * - An inline view (`FROM (SELECT …) d`) and a WITH query see nothing outside themselves.
 * - An ORDER BY sees the FROM items of its query when that query is one block, none after UNION, MINUS or INTERSECT.
 * - A FROM item inside another block (a subquery, the other branch of a UNION) is never visible.
 */
import type { ParserRuleContext, ParseTree } from 'antlr4ng';
import {
  AliasedRelationContext,
  JoinCriteriaContext,
  JoinRelationContext,
  NamedQueryContext,
  QueryContext,
  QueryNoWithContext,
  QueryPrimaryDefaultContext,
  QuerySpecificationContext,
  QueryTermDefaultContext,
  SortItemContext,
  SubqueryRelationContext,
  TableNameContext,
} from 'dt-sql-parser/dist/lib/trino/TrinoSqlParser';
import { identifierName } from './identifiers';

/** True when `qualifier` (lower case) names a FROM item Oracle sees at `reference`. */
export function isQualifierInScope(reference: ParserRuleContext, qualifier: string): boolean {
  let child: ParserRuleContext = reference;
  for (let node = reference.parent; node; child = node, node = node.parent) {
    if (node instanceof SubqueryRelationContext || node instanceof NamedQueryContext) return false;
    if (node instanceof JoinCriteriaContext && node.parent instanceof JoinRelationContext) {
      if (fromItemNames(node.parent.relation()).has(qualifier)) return true;
    } else if (node instanceof QuerySpecificationContext) {
      // In the FROM clause only a join's ON sees FROM items, handled above.
      if (!node.relation().includes(child as never) && fromItemNames(node.relation()).has(qualifier)) return true;
    } else if (node instanceof QueryNoWithContext && child instanceof SortItemContext) {
      const term = node.queryTerm();
      const primary = term instanceof QueryTermDefaultContext ? term.queryPrimary() : undefined;
      if (primary instanceof QueryPrimaryDefaultContext && fromItemNames(primary.querySpecification().relation()).has(qualifier)) return true;
    }
  }
  return false;
}

/** The names the FROM items under `relations` go by: the alias, else the table name. */
function fromItemNames(relations: readonly ParseTree[]): Set<string> {
  const names = new Set<string>();
  const visit = (node: ParseTree): void => {
    // A nested query (an inline view, a subquery in an ON) has FROM items of its own, visible only inside it.
    if (node instanceof QueryContext || node instanceof JoinCriteriaContext) return;
    if (node instanceof AliasedRelationContext) {
      const alias = node.identifier();
      const primary = node.relationPrimary();
      if (alias) names.add(identifierName(alias));
      else if (primary instanceof TableNameContext) {
        const parts = primary.tableOrViewName().tableRef()?.identifier() ?? [];
        if (parts.length === 1) names.add(identifierName(parts[0]));
      }
    }
    for (let i = 0; i < node.getChildCount(); i++) visit(node.getChild(i) as ParseTree);
  };
  for (const relation of relations) visit(relation);
  return names;
}
