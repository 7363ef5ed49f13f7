import { resolveQualifier, tablesAroundCaret, unquote, visibleTables } from './caretScope';
import { describeColumn, describeTable } from './describe';
import { findFunction, type SuiteQLFunction } from './functions';
import { codeTokens, quickTokens, statementAround, type LightToken } from './lightTokens';
import { blankSuiteQLOnlySyntax } from './prepass';
import { focusOnCaret } from './focus';
import type { SuiteQLSchema } from './schema';

export interface SuiteQLHover {
  /** Markdown. */
  readonly contents: string;
  /** UTF-16 offsets of the word hovered. */
  readonly start: number;
  readonly end: number;
}

const namePattern = /^(?:[A-Za-z_][\w$#]*|"(?:[^"]|"")+")$/;

/** Hover on a table, alias, column or function: label, type and record type from the schema. */
export function hoverSuiteQL(text: string, offset: number, schema: SuiteQLSchema): SuiteQLHover | undefined {
  const statement = statementAround(quickTokens(text), offset, text.length);
  if (statement.start > 0 || statement.end < text.length) {
    const hover = hoverSuiteQL(text.slice(statement.start, statement.end), offset - statement.start, schema);
    return hover && { ...hover, start: hover.start + statement.start, end: hover.end + statement.start };
  }
  const query = text;
  const allTokens = quickTokens(query);
  const tokens = codeTokens(allTokens);
  const textOf = (token: LightToken | undefined) => (token ? query.slice(token.start, token.end) : '');
  const index = tokens.findIndex((token) => token.start <= offset && offset <= token.end && namePattern.test(textOf(token)));
  if (index < 0) return undefined;
  const token = tokens[index];
  const range = { start: token.start, end: token.end };
  const name = unquote(textOf(token));
  const previous = tokens[index - 1];
  const qualifierToken = previous?.upper === '.' ? tokens[index - 2] : undefined;
  const qualifier = qualifierToken && namePattern.test(textOf(qualifierToken)) ? unquote(textOf(qualifierToken)) : undefined;

  if (tokens[index + 1]?.upper === '(' || qualifier === 'builtin') {
    const called = findFunction(qualifier === 'builtin' ? `BUILTIN.${name}` : name);
    return called ? { contents: describeFunction(called), ...range } : undefined;
  }
  if (name === 'builtin' && tokens[index + 1]?.upper === '.') return undefined;

  const focused = focusOnCaret(blankSuiteQLOnlySyntax(query, allTokens), allTokens, range.start);
  const scope = tablesAroundCaret(focused.text, focused.caret);
  if (qualifier) {
    const owner = resolveQualifier(scope, qualifier);
    const table = owner?.table ? schema.table(owner.table) : undefined;
    const column = table?.columns.get(name);
    return table && column ? { contents: describeColumn(table, column), ...range } : undefined;
  }
  const named = resolveQualifier(scope, name) ?? (isAfterFromOrJoin(previous) ? { table: name } : undefined);
  if (named?.table) {
    const table = schema.table(named.table);
    return table ? { contents: describeTable(table), ...range } : undefined;
  }
  const owners = visibleTables(scope).flatMap((inScope) => {
    const table = inScope.table ? schema.table(inScope.table) : undefined;
    const column = table?.columns.get(name);
    return table && column ? [{ table, column }] : [];
  });
  // Unqualified and in several tables: SuiteQL would call it ambiguous, so the hover does not guess either.
  if (owners.length === 1) return { contents: describeColumn(owners[0].table, owners[0].column), ...range };
  const pseudo = findFunction(name);
  return pseudo ? { contents: describeFunction(pseudo), ...range } : undefined;
}

function describeFunction(candidate: SuiteQLFunction): string {
  return `\`${candidate.signature}\`\n\n${candidate.description}`;
}

function isAfterFromOrJoin(previous: LightToken | undefined): boolean {
  return previous?.upper === 'FROM' || previous?.upper === 'JOIN';
}
