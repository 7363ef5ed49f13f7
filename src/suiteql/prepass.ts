import type { Token } from 'antlr4ng';
import { DEFAULT_CHANNEL, EOF } from './tokenConstants';
import { TrinoSqlLexer } from 'dt-sql-parser/dist/lib/trino/TrinoSqlLexer';
import type { CodePointToUtf16 } from './offsets';

/**
 * SuiteQL accepts a little Oracle/T-SQL syntax the Trino grammar does not: `SELECT TOP n`, the Oracle `(+)`
 * outer-join marker, the `MINUS` set operator and Oracle's `LISTAGG(x, ',')` without `WITHIN GROUP`. None changes
 * which tables a query reads or what is in scope, so the pre-pass blanks the first two with spaces, spells `MINUS`
 * as `UNION` (same length, same operands) and such a `LISTAGG` as `LISTAGX` (an ordinary function call to the
 * grammar): every other character keeps its offset, and positions map one to one between the user's text and the
 * parser's.
 */
export function blankSuiteQLOnlySyntax(query: string, tokens: readonly Token[], toUtf16: CodePointToUtf16): string {
  const blanks: Array<[number, number]> = [];
  const renames: Array<[number, string]> = [];
  const visible = tokens.filter((token) => token.channel === DEFAULT_CHANNEL && token.type !== EOF);
  for (let i = 0; i < visible.length; i++) {
    const token = visible[i];
    if (token.text === '(' && visible[i + 1]?.text === '+' && visible[i + 2]?.text === ')') {
      blanks.push([token.start, visible[i + 2].stop]);
      i += 2;
      continue;
    }
    // Oracle reserves MINUS, so an unquoted MINUS is always the set operator.
    if (token.type === TrinoSqlLexer.IDENTIFIER && token.text?.toUpperCase() === 'MINUS') renames.push([token.start, 'UNION']);
    if (token.type === TrinoSqlLexer.KW_LISTAGG && visible[i + 1]?.text === '(' && visible[closingParenthesis(visible, i + 1) + 1]?.type !== TrinoSqlLexer.KW_WITHIN) {
      renames.push([token.start, 'LISTAGX']);
    }
    if (token.type === TrinoSqlLexer.KW_SELECT) {
      let j = i + 1;
      if (visible[j]?.type === TrinoSqlLexer.KW_DISTINCT || visible[j]?.type === TrinoSqlLexer.KW_ALL) j++;
      const top = visible[j];
      const count = visible[j + 1];
      if (top?.text?.toUpperCase() === 'TOP' && count?.type === TrinoSqlLexer.INTEGER_VALUE) blanks.push([top.start, count.stop]);
    }
  }
  if (blanks.length === 0 && renames.length === 0) return query;
  let text = query;
  for (const [start, replacement] of renames) {
    const from = toUtf16(start);
    text = `${text.slice(0, from)}${replacement}${text.slice(from + replacement.length)}`;
  }
  for (const [start, stop] of blanks) {
    const from = toUtf16(start);
    const to = toUtf16(stop + 1);
    text = text.slice(0, from) + text.slice(from, to).replace(/[^\r\n]/g, ' ') + text.slice(to);
  }
  return text;
}

/** Index of the `)` matching the `(` at `open`, or the last index when it is unbalanced. */
function closingParenthesis(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (tokens[i].text === '(') depth++;
    else if (tokens[i].text === ')' && --depth === 0) return i;
  }
  return tokens.length - 1;
}
