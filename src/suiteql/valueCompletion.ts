/**
 * Completion inside a string literal that a type column is compared with: `t.type = '|'`, `type IN ('SalesOrd', '|`,
 * `itemtype <> '|'`. It offers the type ids SuiteQL stores (typeCodes.ts) with the label NetSuite shows, so
 * `CustInvc` is found by typing either "Cust" or reading "Invoice" beside it.
 */
import { resolveQualifier, tablesAroundCaret, unquote, visibleTables } from './caretScope';
import type { SuiteQLCompletionItem } from './completion';
import type { LightToken } from './lightTokens';
import { blankSuiteQLOnlySyntax } from './prepass';
import { isTypeCodeColumn, typeCodesOf, type TypeCode } from './typeCodes';

const comparisons = new Set(['=', '<>', '!=']);

/**
 * The type ids for the string the caret is in, or undefined when the string is not compared with a type column
 * (then completion offers nothing inside it, as before).
 */
export function completeTypeValue(query: string, tokens: readonly LightToken[], offset: number, string: LightToken): SuiteQLCompletionItem[] | undefined {
  const code = tokens.filter((token) => token.kind !== 'comment');
  let at = code.indexOf(string) - 1;
  // Earlier values of an IN list: `IN ('SalesOrd', '|`.
  while (at >= 0 && (code[at].upper === ',' || code[at].kind === 'string')) at--;
  if (code[at]?.upper === '(' && code[at - 1]?.upper === 'IN') at -= 2;
  else if (comparisons.has(code[at]?.upper ?? '')) at--;
  else return undefined;
  const columnToken = code[at];
  if (!columnToken || (columnToken.kind !== 'word' && columnToken.kind !== 'quoted')) return undefined;
  const column = unquote(query.slice(columnToken.start, columnToken.end));
  const qualified = code[at - 1]?.upper === '.' && code[at - 2] !== undefined;
  const qualifier = qualified ? unquote(query.slice(code[at - 2].start, code[at - 2].end)) : undefined;
  const typeCodes = typeCodesForColumn(query, tokens, offset, column, qualifier);
  if (!typeCodes) return undefined;
  const replaceStart = string.start + 1;
  return typeCodes.map((typeCode, index) => item(typeCode, index, replaceStart, offset));
}

/** The codes of the table the column belongs to: the qualifier's table, else the first table in scope that has it. */
function typeCodesForColumn(query: string, tokens: readonly LightToken[], offset: number, column: string, qualifier: string | undefined): readonly TypeCode[] | undefined {
  // Cheap first: no table has a type column by this name, so nothing to ask the parser.
  if (!isTypeCodeColumn(column)) return undefined;
  const tables = tablesAroundCaret(blankSuiteQLOnlySyntax(query, tokens), offset);
  if (qualifier !== undefined) {
    const table = resolveQualifier(tables, qualifier)?.table;
    return table ? typeCodesOf(table, column) : undefined;
  }
  for (const inScope of visibleTables(tables)) {
    const typeCodes = inScope.table ? typeCodesOf(inScope.table, column) : undefined;
    if (typeCodes) return typeCodes;
  }
  return undefined;
}

function item(typeCode: TypeCode, index: number, replaceStart: number, replaceEnd: number): SuiteQLCompletionItem {
  return {
    label: typeCode.code,
    kind: 'value',
    detail: typeCode.label,
    insertText: typeCode.code,
    replaceStart,
    replaceEnd,
    // The list's own order (common types first), not the alphabet.
    sortText: `0${String(index).padStart(3, '0')}`,
  };
}
