/**
 * SuiteQL lexer and parenthesis tree. The translator works on this tree rather than on text: string literals,
 * quoted identifiers and comments can never be mistaken for syntax, and every sub-expression or sub-query is one
 * node whose boundaries are known.
 */
import { unsupportedSearchError } from './errors';

export type TokenKind = 'word' | 'quoted' | 'string' | 'number' | 'op';

export interface Token {
  kind: TokenKind;
  /** Source text (`'O''Brien'` for strings, `"ID"` for quoted identifiers). */
  text: string;
  /** Upper-cased text of words, for keyword and function matching. */
  upper: string;
}

export interface Group {
  kind: 'group';
  items: SqlNode[];
}

export type SqlNode = Token | Group;

const multiCharOps = ['||', '<>', '!=', '^=', '<=', '>='];
const singleCharOps = new Set(['(', ')', ',', '.', '=', '<', '>', '+', '-', '*', '/', '%', ';']);

function isWordStart(char: string): boolean {
  return /[A-Za-z_]/.test(char) || char.charCodeAt(0) > 127;
}

function isWordPart(char: string): boolean {
  return /[A-Za-z0-9_$#]/.test(char) || char.charCodeAt(0) > 127;
}

/** Splits SuiteQL into tokens, dropping whitespace and comments. Unterminated literals and stray characters are errors. */
export function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const push = (kind: TokenKind, text: string) => tokens.push({ kind, text, upper: kind === 'word' ? text.toUpperCase() : text });
  while (i < query.length) {
    const char = query[i];
    if (/\s/.test(char)) {
      i++;
    } else if (query.startsWith('--', i)) {
      const end = query.indexOf('\n', i);
      i = end === -1 ? query.length : end + 1;
    } else if (query.startsWith('/*', i)) {
      const end = query.indexOf('*/', i + 2);
      if (end === -1) throw unsupportedSearchError();
      i = end + 2;
    } else if (char === "'" || char === '"') {
      let j = i + 1;
      for (;;) {
        const close = query.indexOf(char, j);
        if (close === -1) throw unsupportedSearchError();
        // A doubled quote is an escaped quote inside the literal.
        if (query[close + 1] === char) j = close + 2;
        else {
          j = close + 1;
          break;
        }
      }
      push(char === "'" ? 'string' : 'quoted', query.slice(i, j));
      i = j;
    } else if (/[0-9]/.test(char) || (char === '.' && /[0-9]/.test(query[i + 1] ?? ''))) {
      const match = /^(\d*\.?\d+|\d+\.)(e[+-]?\d+)?/i.exec(query.slice(i));
      push('number', match![0]);
      i += match![0].length;
    } else if (isWordStart(char)) {
      let j = i + 1;
      while (j < query.length && isWordPart(query[j])) j++;
      push('word', query.slice(i, j));
      i = j;
    } else {
      const op = multiCharOps.find((candidate) => query.startsWith(candidate, i));
      if (op) {
        push('op', op);
        i += op.length;
      } else if (singleCharOps.has(char)) {
        push('op', char);
        i++;
      } else {
        throw unsupportedSearchError();
      }
    }
  }
  return tokens;
}

/** Nests tokens by parentheses; unbalanced parentheses are errors. */
export function buildTree(tokens: Token[]): SqlNode[] {
  const stack: SqlNode[][] = [[]];
  for (const token of tokens) {
    if (token.kind === 'op' && token.text === '(') {
      stack.push([]);
    } else if (token.kind === 'op' && token.text === ')') {
      if (stack.length === 1) throw unsupportedSearchError();
      const items = stack.pop()!;
      stack[stack.length - 1].push({ kind: 'group', items });
    } else {
      stack[stack.length - 1].push(token);
    }
  }
  if (stack.length !== 1) throw unsupportedSearchError();
  return stack[0];
}

export function isGroup(node: SqlNode | undefined): node is Group {
  return node?.kind === 'group';
}

export function isWord(node: SqlNode | undefined, ...upper: string[]): node is Token {
  return node?.kind === 'word' && (upper.length === 0 || upper.includes(node.upper));
}

export function isOp(node: SqlNode | undefined, ...texts: string[]): node is Token {
  return node?.kind === 'op' && (texts.length === 0 || texts.includes(node.text));
}

/** Splits a node list at top-level commas (commas inside groups belong to the group). */
export function splitByComma(nodes: SqlNode[]): SqlNode[][] {
  const parts: SqlNode[][] = [[]];
  for (const node of nodes) {
    if (isOp(node, ',')) parts.push([]);
    else parts[parts.length - 1].push(node);
  }
  return parts;
}

/** A group that holds a query (`(SELECT …)`, `(WITH …)`), as opposed to an expression or argument list. */
export function isSubquery(node: SqlNode | undefined): boolean {
  if (!isGroup(node)) return false;
  const first = node.items[0];
  return isWord(first, 'SELECT', 'WITH') || (isGroup(first) && isSubquery(first));
}

/** `(+)`: Oracle's outer-join marker, which the tree holds as a group with a lone `+`. */
export function isOuterJoinMarker(node: SqlNode | undefined): boolean {
  return isGroup(node) && node.items.length === 1 && isOp(node.items[0], '+');
}
