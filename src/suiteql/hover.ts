import type { Token } from 'antlr4ng';
import { caretAt, resolveQualifier, tablesAroundCaret, unquote } from './caretScope';
import { describeColumn, describeTable } from './describe';
import { findFunction, type SuiteQLFunction } from './functions';
import { codePointToUtf16 } from './offsets';
import { lexSuiteQL } from './parser';
import { blankSuiteQLOnlySyntax } from './prepass';
import type { SuiteQLSchema } from './schema';
import { DEFAULT_CHANNEL } from './tokenConstants';

export interface SuiteQLHover {
  /** Markdown. */
  readonly contents: string;
  /** UTF-16 offsets of the word hovered. */
  readonly start: number;
  readonly end: number;
}

const namePattern = /^(?:[A-Za-z_][\w$#]*|"(?:[^"]|"")+")$/;

/** Hover on a table, alias, column or function: label, type and record type from the schema. */
export function hoverSuiteQL(query: string, offset: number, schema: SuiteQLSchema): SuiteQLHover | undefined {
  const toUtf16 = codePointToUtf16(query);
  const allTokens = lexSuiteQL(query);
  const tokens = allTokens.filter((token) => token.channel === DEFAULT_CHANNEL);
  const index = tokens.findIndex((token) => toUtf16(token.start) <= offset && offset <= toUtf16(token.stop + 1) && namePattern.test(token.text ?? ''));
  if (index < 0) return undefined;
  const token = tokens[index];
  const range = { start: toUtf16(token.start), end: toUtf16(token.stop + 1) };
  const name = unquote(token.text ?? '');
  const previous = tokens[index - 1];
  const qualifierToken = previous?.text === '.' ? tokens[index - 2] : undefined;
  const qualifier = qualifierToken && namePattern.test(qualifierToken.text ?? '') ? unquote(qualifierToken.text ?? '') : undefined;

  if (tokens[index + 1]?.text === '(' || qualifier === 'builtin') {
    const called = findFunction(qualifier === 'builtin' ? `BUILTIN.${name}` : name);
    return called ? { contents: describeFunction(called), ...range } : undefined;
  }
  if (name === 'builtin' && tokens[index + 1]?.text === '.') return undefined;

  const scope = tablesAroundCaret(blankSuiteQLOnlySyntax(query, allTokens, toUtf16), caretAt(query, range.start));
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
  const owners = scope.flatMap((inScope) => {
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

function isAfterFromOrJoin(previous: Token | undefined): boolean {
  return /^(from|join)$/i.test(previous?.text ?? '');
}
