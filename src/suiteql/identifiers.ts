/**
 * How SuiteQL resolves a name: identifiers as SuiteQL reads them, and whether a name means a CTE. Shared by the
 * walks that must not guess (tables read, columns shown by BUILTIN.DF) and by diagnostics.
 */
import type { ParserRuleContext } from 'antlr4ng';
import {
  BackQuotedIdentifierContext,
  DigitIdentifierContext,
  type IdentifierContext,
  type NamedQueryContext,
  QueryStatementContext,
  QuotedIdentifierContext,
  UnquotedIdentifierContext,
} from 'dt-sql-parser/dist/lib/trino/TrinoSqlParser';

/** Something the walk cannot resolve safely; its message is the reason shown to the caller. */
export class Unresolvable extends Error {}

/** The identifier as SuiteQL resolves it: unquoted, `""` unescaped, lower-cased (SuiteQL ignores case). */
export function identifierName(identifier: IdentifierContext): string {
  if (identifier instanceof QuotedIdentifierContext) return identifier.getText().slice(1, -1).replaceAll('""', '"').toLowerCase();
  if (identifier instanceof UnquotedIdentifierContext) return identifier.getText().toLowerCase();
  if (identifier instanceof BackQuotedIdentifierContext || identifier instanceof DigitIdentifierContext) {
    throw new Unresolvable(`${identifier.getText()} is not a SuiteQL identifier.`);
  }
  throw new Unresolvable(`Unrecognised identifier ${identifier.getText()}.`);
}

/**
 * A name refers to a CTE when an enclosing `WITH` defines it and the reference is in that query's body or in a
 * later CTE of the same `WITH` (a non-recursive CTE cannot see itself or later ones: there the name is a table).
 */
export function isCteInScope(name: string, reference: ParserRuleContext): boolean {
  let child: ParserRuleContext = reference;
  for (let node = reference.parent; node; child = node, node = node.parent) {
    if (!(node instanceof QueryStatementContext)) continue;
    const withClause = node.with();
    if (!withClause) continue;
    const definitions = withClause.namedQuery();
    const visibleUntil = child === withClause ? definitions.findIndex((definition) => isAncestor(definition, reference)) : definitions.length;
    if (definitions.slice(0, visibleUntil).some((definition) => cteName(definition) === name)) return true;
  }
  return false;
}

function cteName(definition: NamedQueryContext): string {
  return identifierName(definition.identifier());
}

function isAncestor(ancestor: ParserRuleContext, node: ParserRuleContext): boolean {
  for (let current: ParserRuleContext | null = node; current; current = current.parent) if (current === ancestor) return true;
  return false;
}

/** The node's text (tokens without spacing), cut to `max` characters for messages. */
export function snippet(node: ParserRuleContext, max = 40): string {
  const text = node.getText();
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
