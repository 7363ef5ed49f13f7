/**
 * The agent path's SuiteQL lexer and printer.
 *
 * Why: the guard reads a query with dt-sql-parser's Trino grammar, NetSuite reads it with Oracle's. Wherever their
 * LEXERS disagree (`1FROM` is one Trino identifier but Oracle's number 1 and keyword FROM; a comment that one of
 * them ends at a vertical tab; `q'[…]'` quoting; back quotes…) the guard checks one query and NetSuite runs
 * another. So an agent's text is never sent as written: this strict lexer splits it by Oracle's rules, REFUSES
 * every spot where a reader could split it differently, and the printer writes the tokens back out in one spelling
 * that both lexers split the same way — words `[A-Za-z][A-Za-z0-9_]*`, plain numbers, `'…'` strings with `''`
 * escapes, operators from a fixed set, one space between tokens, no comments. The guard parses THAT text, and
 * that text is what runs, so the checker and NetSuite read the same bytes.
 *
 * Sources (Oracle Database SQL Language Reference, 19c): "Database Object Names and Qualifiers" (nonquoted
 * identifiers begin with a letter and hold letters, digits, `_`, `$`, `#`; quoted identifiers hold any character
 * except `"` and NUL; nonquoted names are case-insensitive, quoted ones case-sensitive), "Literals" (text literals
 * `'…'` with `''` for a quote, the `q'X…X'` alternative quoting mechanism whose `[ { < (` delimiters close with
 * `] } > )`, `N'…'` national literals; numeric literals `digits[.digits][e[±]digits][f|d]`), "Comments"
 * (`/* … *\/` and `--` to the end of the line; a hint is a comment starting `/*+`).
 */

import { oracleReservedWords } from './oracleReservedWords';

export type CanonicalTokenKind = 'word' | 'quoted' | 'string' | 'number' | 'op';

export interface CanonicalToken {
  kind: CanonicalTokenKind;
  /** The token as the canonical text prints it (a string re-escaped, `!=` as `<>`, `.5` as `0.5`). */
  text: string;
  /** Offset of the token in the agent's text, for reasons. */
  offset: number;
}

export interface SuiteQLLimits {
  /** Characters an agent's query may have. */
  maxLength: number;
  /** Deepest parenthesis nesting allowed, checked on tokens before any parse. */
  maxDepth: number;
}

/** Defaults of `suitelens.agents.suiteql.maxLength` / `maxDepth` (package.json says the same). */
export const defaultSuiteQLLimits: SuiteQLLimits = { maxLength: 20_000, maxDepth: 24 };

export type CanonicalResult = { ok: true; text: string; tokens: CanonicalToken[] } | { ok: false; reason: string };

/**
 * Operators printed as they are (`!=` and `^=`, Oracle's other spellings of not-equal, print as `<>`). Anything
 * else — `%`, `;`, `:`, `?`, `@`, `[`, `` ` ``, `|` alone, `&`, `~`, `\`, `{` — has no use in a SuiteQL read or
 * means something only one of the two readers knows (bind variables, database links, statement separators).
 */
const twoCharOperators: Record<string, string> = { '<>': '<>', '!=': '<>', '^=': '<>', '<=': '<=', '>=': '>=', '||': '||' };
const oneCharOperators = new Set(['=', '<', '>', '+', '-', '*', '/', '(', ')', ',', '.']);

/** Alternative-quoting delimiters that close with a different character. */
const closingDelimiter: Record<string, string> = { '[': ']', '{': '}', '<': '>', '(': ')' };

/** Oracle's limit for a name (128 bytes since 12.2); longer names are an error there anyway. */
const maxIdentifierLength = 128;

class Refusal extends Error {}

/**
 * Characters a comment may not hold: controls (VT, FF, NEL, CR…), format characters (zero-width, bidi), line and
 * paragraph separators, lone surrogates and unassigned code points. Anything else (`§`, accents) is only text.
 */
const unsafeInComment = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Cn}]/u;

/** A well-formed pair at `at` (an emoji, a CJK extension character): one character, not two lone halves. */
function isSurrogatePair(text: string, at: number): boolean {
  const high = text.charCodeAt(at);
  const low = text.charCodeAt(at + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff && !unsafeInComment.test(text.slice(at, at + 2));
}

const isLetter = (char: string | undefined): boolean => char !== undefined && /^[A-Za-z]$/.test(char);
const isDigit = (char: string | undefined): boolean => char !== undefined && /^[0-9]$/.test(char);
/** Characters that, right after a number, a word or a quote, would glue two tokens in one reader's eyes. */
const isGlue = (char: string | undefined): boolean => char !== undefined && /^[A-Za-z0-9_$#'"`.]$/.test(char);

function describe(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return code >= 0x20 && code < 0x7f ? `'${char}' (${hex})` : hex;
}

/**
 * Characters a character-set conversion on the way to the database may turn into an ASCII quote (a "best fit"
 * mapping of typographic apostrophes, primes and full-width forms): inside a string one of these could end it.
 */
const quoteLookAlikes = new Set([0x02b9, 0x02bb, 0x02bc, 0x02bd, 0x02c8, 0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0x2035, 0xff07, 0x201c, 0x201d, 0x201e, 0x2033, 0xff02]);

/**
 * A character inside a string literal that no query needs and that readers may treat differently: C0/C1 controls
 * (but tab, CR, LF), DEL, lone surrogates, quote look-alikes.
 */
function badInString(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (quoteLookAlikes.has(code)) return i;
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code <= 0x9f)) return i;
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return i;
    } else if (code >= 0xdc00 && code <= 0xdfff) return i;
  }
  return -1;
}

/** Splits a query by Oracle's lexical rules, or throws a Refusal naming the character and offset. */
function lex(query: string): CanonicalToken[] {
  const tokens: CanonicalToken[] = [];
  const refuse = (offset: number, why: string): never => {
    throw new Refusal(`offset ${offset}: ${why}`);
  };
  let i = 0;
  while (i < query.length) {
    const char = query[i];
    const next = query[i + 1];
    // Whitespace Oracle and Trino both skip. A CR is only trusted outside comments (see `--` below).
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r') {
      i++;
      continue;
    }
    if (char === '-' && next === '-') {
      // A `--` comment runs to the end of the line. Which characters end a line differs between engines (VT, FF,
      // NEL, U+2028/9, a lone CR): only LF or CRLF may end it, and no control or format character may be in it.
      let j = i + 2;
      for (; j < query.length && query[j] !== '\n'; j++) {
        if (query[j] === '\r' && query[j + 1] === '\n') continue;
        if (isSurrogatePair(query, j)) j++;
        else if (query[j] !== '\t' && unsafeInComment.test(query[j])) refuse(j, `a -- comment holds ${describe(query[j])}, which some readers take as a line break or hide, so where the comment ends is uncertain`);
      }
      i = j;
      continue;
    }
    if (char === '/' && next === '*') {
      const end = query.indexOf('*/', i + 2);
      if (end < 0) refuse(i, 'a /* comment is never closed');
      for (let j = i + 2; j < end; j++) {
        const c = query[j];
        if (isSurrogatePair(query, j)) j++;
        else if (c !== '\n' && c !== '\t' && !(c === '\r' && query[j + 1] === '\n') && unsafeInComment.test(c)) refuse(j, `a /* comment holds ${describe(c)}; control, format and line-separator characters may not be in a comment`);
      }
      i = end + 2;
      continue;
    }
    if (char === "'" || ((char === 'q' || char === 'Q') && next === "'")) {
      const { value, end } = char === "'" ? plainString(query, i, refuse) : alternativeString(query, i, refuse);
      const bad = badInString(value);
      if (bad >= 0) refuse(i, `a string holds ${describe(value[bad])}, a control character or a look-alike of a quote; write it another way (e.g. CHR())`);
      if (isGlue(query[end])) refuse(end, `${describe(query[end])} is glued to the end of a string`);
      tokens.push({ kind: 'string', text: `'${value.replaceAll("'", "''")}'`, offset: i });
      i = end;
      continue;
    }
    if (char === '"') {
      const end = query.indexOf('"', i + 1);
      if (end < 0) refuse(i, 'a quoted identifier is never closed');
      const name = query.slice(i + 1, end);
      if (!/^[A-Za-z0-9_ ]+$/.test(name) || name.length > maxIdentifierLength) refuse(i, 'a quoted identifier may only hold letters, digits, spaces and _');
      if (query[end + 1] !== '.' && isGlue(query[end + 1])) refuse(end + 1, `${describe(query[end + 1])} is glued to the end of a quoted identifier`);
      // Oracle reads a nonquoted name as upper case, so "TRANSACTION" and transaction are one name there (N/query
      // writes SuiteQL this way): print it unquoted. Any other quoted name keeps a case Oracle honours and the
      // Trino grammar folds, so it stays quoted, and tables.ts allows it only as a column alias.
      const plain = /^[A-Z][A-Z0-9_]*$/.test(name) && !oracleReservedWords.has(name);
      tokens.push({ kind: plain ? 'word' : 'quoted', text: plain ? name : `"${name}"`, offset: i });
      i = end + 1;
      continue;
    }
    if (isLetter(char)) {
      let j = i + 1;
      while (j < query.length && /^[A-Za-z0-9_]$/.test(query[j])) j++;
      if (query[j] === '$' || query[j] === '#') refuse(j, `${describe(query[j])} in a name: SuiteQL names use letters, digits and _ only`);
      if (query[j] === "'" || query[j] === '"' || query[j] === '`') refuse(j, `a quote is glued to the word ${query.slice(i, j)} (national N'…' and prefixed literals are not supported)`);
      if (j - i > maxIdentifierLength) refuse(i, `a name is longer than ${maxIdentifierLength} characters`);
      tokens.push({ kind: 'word', text: query.slice(i, j), offset: i });
      i = j;
      continue;
    }
    if (isDigit(char) || (char === '.' && isDigit(next))) {
      const match = /^(\d*)(?:\.(\d*))?(?:[eE]([+-]?)(\d+))?/.exec(query.slice(i, i + 400)) as RegExpExecArray;
      const [whole, integer, fraction, sign, exponent] = match;
      const end = i + whole.length;
      // `1FROM`, `1e5x`, `1F`, `1.2.3`, `1_0`: Oracle and Trino split these differently (or not at all). A number
      // must be followed by something that cannot continue it.
      if (isGlue(query[end])) refuse(end, `${describe(query[end])} is glued to the number ${whole}; put a space between them`);
      if (whole.length >= 400) refuse(i, 'a number is too long');
      const plain = `${integer === '' ? '0' : integer}${fraction ? `.${fraction}` : ''}${exponent !== undefined ? `E${sign === '-' ? '-' : ''}${exponent}` : ''}`;
      tokens.push({ kind: 'number', text: plain, offset: i });
      i = end;
      continue;
    }
    const pair = `${char}${next ?? ''}`;
    if (twoCharOperators[pair]) {
      tokens.push({ kind: 'op', text: twoCharOperators[pair], offset: i });
      i += 2;
      continue;
    }
    if (oneCharOperators.has(char)) {
      tokens.push({ kind: 'op', text: char, offset: i });
      i++;
      continue;
    }
    refuse(i, unsupportedCharacter(char));
  }
  return tokens;
}

function unsupportedCharacter(char: string): string {
  switch (char) {
    case ':':
    case '?':
      return `${describe(char)} would be a bind variable, which an agent's query cannot have`;
    case '@':
      return `${describe(char)} names a database link, which SuiteQL does not have`;
    case ';':
      return `${describe(char)}: only one statement is allowed, without a terminator`;
    case '`':
      return `${describe(char)}: back quotes are not SuiteQL`;
    case '_':
    case '$':
    case '#':
      return `${describe(char)} cannot begin a SuiteQL name`;
    default: {
      const code = char.charCodeAt(0);
      return code < 0x20 || code > 0x7e
        ? `${describe(char)} is outside printable ASCII; outside a string only printable ASCII, space, tab, CR and LF are allowed`
        : `${describe(char)} is not a SuiteQL operator`;
    }
  }
}

function plainString(query: string, start: number, refuse: (offset: number, why: string) => never): { value: string; end: number } {
  let value = '';
  let j = start + 1;
  for (;;) {
    const close = query.indexOf("'", j);
    if (close < 0) refuse(start, 'a string is never closed');
    value += query.slice(j, close);
    if (query[close + 1] === "'") {
      value += "'";
      j = close + 2;
      continue;
    }
    return { value, end: close + 1 };
  }
}

/** `q'X…X'`: the string ends at the closing delimiter followed by a quote; quotes inside need no doubling. */
function alternativeString(query: string, start: number, refuse: (offset: number, why: string) => never): { value: string; end: number } {
  const open = query[start + 2];
  if (open === undefined || open === ' ' || open === '\t' || open === '\r' || open === '\n' || open === "'" || open.charCodeAt(0) > 0x7e || open.charCodeAt(0) < 0x20) {
    refuse(start, "q'…' quoting needs a printable delimiter after the quote");
  }
  const close = closingDelimiter[open] ?? open;
  const end = query.indexOf(`${close}'`, start + 3);
  if (end < 0) refuse(start, `a q'${open}…${close}' string is never closed`);
  return { value: query.slice(start + 3, end), end: end + 2 };
}

/** The deepest parenthesis nesting, or a refusal when the parentheses do not balance. */
function nestingDepth(tokens: readonly CanonicalToken[]): number {
  let depth = 0;
  let deepest = 0;
  for (const token of tokens) {
    if (token.kind !== 'op') continue;
    if (token.text === '(') deepest = Math.max(deepest, ++depth);
    else if (token.text === ')' && --depth < 0) throw new Refusal(`offset ${token.offset}: a ) closes nothing`);
  }
  if (depth !== 0) throw new Refusal('a ( is never closed');
  return deepest;
}

/**
 * One space between tokens, except around the `.` of a qualified name (`t.id`, `BUILTIN.DF`, `t.*`) and between a
 * word and its `(` (`BUILTIN.DF(`, `NVL(`): NetSuite documents and rewrites its BUILTIN functions in that spelling,
 * and neither gap can change a split: a word is `[A-Za-z][A-Za-z0-9_]*`, so neither `.` nor `(` can join it.
 */
function printTokens(tokens: readonly CanonicalToken[]): string {
  let text = '';
  tokens.forEach((token, index) => {
    const previous = tokens[index - 1];
    const glued =
      previous !== undefined &&
      ((previous.kind === 'word' && token.kind === 'op' && (token.text === '.' || token.text === '(')) ||
        (previous.kind === 'op' && previous.text === '.' && (token.kind === 'word' || token.text === '*') && tokens[index - 2]?.kind === 'word'));
    text += (index === 0 || glued ? '' : ' ') + token.text;
  });
  return text;
}

/** The agent's query as the tokens the guard checks and the canonical text NetSuite runs — or why it is refused. */
export function canonicalSuiteQL(query: string, limits: SuiteQLLimits = defaultSuiteQLLimits): CanonicalResult {
  if (query.length > limits.maxLength) return { ok: false, reason: `The query has ${query.length} characters; agents may send at most ${limits.maxLength}.` };
  try {
    const tokens = lex(query);
    if (tokens.length === 0) return { ok: false, reason: 'The query is empty.' };
    const depth = nestingDepth(tokens);
    if (depth > limits.maxDepth) return { ok: false, reason: `The query nests parentheses ${depth} deep; agents may nest at most ${limits.maxDepth}.` };
    return { ok: true, text: printTokens(tokens), tokens };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, reason: `The query cannot be read unambiguously at ${error.message}.` };
    throw error;
  }
}
