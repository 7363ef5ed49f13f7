/**
 * Tokens of NetSuite's record-collection `q` language (netsuite-wire.md §1.3):
 * `email START_WITH barbara AND (balance GREATER 100 OR id ANY_OF [1, 2])`.
 * Words are runs of anything but blanks, brackets, parentheses, commas and quotes; quoted strings use `"` or `'`
 * with backslash escapes, so values may hold spaces and the quote characters themselves.
 */
export type TokenKind = 'word' | 'string' | 'lparen' | 'rparen' | 'lbracket' | 'rbracket' | 'comma' | 'end';

export interface Token {
  kind: TokenKind;
  text: string;
  /** 0-based offset in the query, for error messages. */
  position: number;
}

export class QuerySyntaxError extends Error {}

const punctuation: Record<string, TokenKind> = { '(': 'lparen', ')': 'rparen', '[': 'lbracket', ']': 'rbracket', ',': 'comma' };

function isBlank(character: string): boolean {
  return character === ' ' || character === '\t' || character === '\n' || character === '\r';
}

export function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < query.length) {
    const character = query[index];
    if (isBlank(character)) {
      index += 1;
      continue;
    }
    const kind = punctuation[character];
    if (kind) {
      tokens.push({ kind, text: character, position: index });
      index += 1;
      continue;
    }
    if (character === '"' || character === "'") {
      const start = index;
      let text = '';
      index += 1;
      while (index < query.length && query[index] !== character) {
        if (query[index] === '\\' && index + 1 < query.length) index += 1;
        text += query[index];
        index += 1;
      }
      if (index >= query.length) throw new QuerySyntaxError(`Unterminated string starting at position ${start}.`);
      index += 1;
      tokens.push({ kind: 'string', text, position: start });
      continue;
    }
    const start = index;
    while (index < query.length && !isBlank(query[index]) && !punctuation[query[index]] && query[index] !== '"' && query[index] !== "'") index += 1;
    tokens.push({ kind: 'word', text: query.slice(start, index), position: start });
  }
  tokens.push({ kind: 'end', text: '', position: query.length });
  return tokens;
}
