import { codeTokens, type LightToken } from './lightTokens';

/**
 * SuiteQL accepts a little Oracle/T-SQL syntax the Trino grammar does not: `SELECT TOP n`, the Oracle `(+)`
 * outer-join marker, the `MINUS` set operator and Oracle's `LISTAGG(x, ',')` without `WITHIN GROUP`. None changes
 * which tables a query reads or what is in scope, so the pre-pass blanks the first two with spaces, spells `MINUS`
 * as `UNION` (same length, same operands) and such a `LISTAGG` as `LISTAGX` (an ordinary function call to the
 * grammar): every other character keeps its offset, and positions map one to one between the user's text and the
 * parser's. Only letters, digits and `(+)` are ever replaced, so no string, comment or quote boundary can move.
 */
export function blankSuiteQLOnlySyntax(query: string, tokens: readonly LightToken[]): string {
  const blanks: Array<[number, number]> = [];
  const renames: Array<[number, string]> = [];
  const code = codeTokens(tokens);
  for (let i = 0; i < code.length; i++) {
    const token = code[i];
    if (token.upper === '(' && code[i + 1]?.upper === '+' && code[i + 2]?.upper === ')') {
      blanks.push([token.start, code[i + 2].end]);
      i += 2;
      continue;
    }
    if (token.kind !== 'word') continue;
    // Oracle reserves MINUS, so an unquoted MINUS is always the set operator.
    if (token.upper === 'MINUS') renames.push([token.start, 'UNION']);
    if (token.upper === 'LISTAGG' && code[i + 1]?.upper === '(' && code[closingParenthesis(code, i + 1) + 1]?.upper !== 'WITHIN') renames.push([token.start, 'LISTAGX']);
    if (token.upper === 'SELECT') {
      let j = i + 1;
      if (code[j]?.upper === 'DISTINCT' || code[j]?.upper === 'ALL') j++;
      const top = code[j];
      const count = code[j + 1];
      if (top?.kind === 'word' && top.upper === 'TOP' && count?.kind === 'number' && /^\d+$/.test(query.slice(count.start, count.end))) blanks.push([top.start, count.end]);
    }
  }
  if (blanks.length === 0 && renames.length === 0) return query;
  let text = query;
  for (const [start, replacement] of renames) text = `${text.slice(0, start)}${replacement}${text.slice(start + replacement.length)}`;
  for (const [from, to] of blanks) text = text.slice(0, from) + text.slice(from, to).replace(/[^\r\n]/g, ' ') + text.slice(to);
  return text;
}

/** Index of the `)` matching the `(` at `open`, or the last index when it is unbalanced. */
function closingParenthesis(tokens: readonly LightToken[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (tokens[i].upper === '(') depth++;
    else if (tokens[i].upper === ')' && --depth === 0) return i;
  }
  return tokens.length - 1;
}
