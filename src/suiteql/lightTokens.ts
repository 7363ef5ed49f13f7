import type { Token } from 'antlr4ng';
import type { CodePointToUtf16 } from './offsets';
import { DEFAULT_CHANNEL, EOF } from './tokenConstants';

/**
 * A token as the pre-pass and the caret focus need it: its text (upper-cased for keyword checks), UTF-16 offsets
 * and whether it is code (not whitespace, comment or string). Reading `text` from an ANTLR token re-slices the
 * input every time, so it is read once here.
 */
export interface LightToken {
  readonly kind: 'word' | 'quoted' | 'string' | 'number' | 'punctuation' | 'comment';
  readonly upper: string;
  readonly start: number;
  readonly end: number;
}

/** Light tokens from the ANTLR lexer — the exact view the parser has; used where security depends on it. */
export function fromAntlrTokens(tokens: readonly Token[], toUtf16: CodePointToUtf16): LightToken[] {
  const light: LightToken[] = [];
  for (const token of tokens) {
    if (token.type === EOF) continue;
    const text = token.text ?? '';
    if (token.channel !== DEFAULT_CHANNEL) {
      if (!/^\s*$/.test(text)) light.push({ kind: 'comment', upper: '', start: toUtf16(token.start), end: toUtf16(token.stop + 1) });
      continue;
    }
    light.push({ kind: kindOf(text), upper: text.toUpperCase(), start: toUtf16(token.start), end: toUtf16(token.stop + 1) });
  }
  return light;
}

function kindOf(text: string): LightToken['kind'] {
  const first = text[0] ?? '';
  if (first === "'") return 'string';
  if (first === '"' || first === '`') return 'quoted';
  if (/[0-9.]/.test(first) && /^[0-9.]/.test(text) && text !== '.') return 'number';
  if (/[A-Za-z_]/.test(first)) return /^[A-Za-z_]+'/.test(text) ? 'string' : 'word';
  return 'punctuation';
}

// One alternation, tried left to right at each position: comments, strings, quoted names, numbers, words, symbols.
const tokenPattern = /(--[^\n]*)|(\/\*[\s\S]*?(?:\*\/|$))|('(?:[^']|'')*'?)|("(?:[^"]|"")*"?)|(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+)|([A-Za-z_][\w$#]*)|(\|\||<>|!=|<=|>=|\S)/g;

/**
 * A fast tokenizer for the keystroke path (completion, hover). It only feeds the heuristics that pick what text
 * dt-sql-parser sees; parsing itself, and everything security-related, uses the ANTLR lexer.
 */
export function quickTokens(text: string): LightToken[] {
  const tokens: LightToken[] = [];
  tokenPattern.lastIndex = 0;
  for (let match = tokenPattern.exec(text); match; match = tokenPattern.exec(text)) {
    const [whole, line, block, string, quoted, number, word] = match;
    const kind: LightToken['kind'] = line || block ? 'comment' : string ? 'string' : quoted ? 'quoted' : number ? 'number' : word ? 'word' : 'punctuation';
    tokens.push({ kind, upper: kind === 'word' || kind === 'punctuation' ? whole.toUpperCase() : '', start: match.index, end: match.index + whole.length });
  }
  return tokens;
}

/** Code tokens only (no comments). */
export function codeTokens(tokens: readonly LightToken[]): LightToken[] {
  return tokens.filter((token) => token.kind !== 'comment');
}

/**
 * The statement around `offset` in a text that may hold several (a `.suiteql` file): its start and end offsets,
 * split at `;` outside strings and comments. Completion and hover look only at that statement.
 */
export function statementAround(tokens: readonly LightToken[], offset: number, textLength: number): { start: number; end: number } {
  let start = 0;
  let end = textLength;
  for (const token of tokens) {
    if (token.upper !== ';' || token.kind !== 'punctuation') continue;
    if (token.end <= offset) start = token.end;
    else if (token.start >= offset) {
      end = token.start;
      break;
    }
  }
  return { start, end };
}
