import { codeTokens, type LightToken } from './lightTokens';

type Token = LightToken;

/**
 * The Trino grammar parses a 200-line query in 100+ ms, far over a keystroke's budget. Completion and hover need
 * only the path from the statement start to the caret and the FROM clauses in scope, so this reduces the text to
 * that skeleton — in place, keeping every offset and line — before dt-sql-parser sees it:
 * - a parenthesised block that does not hold the caret becomes `(SELECT 1)` when it is a subquery and `(1)`
 *   otherwise (function arguments, IN lists, grouped conditions); blocks whose syntax is special stay as they are;
 * - in each query holding the caret, select items other than the caret's collapse to `1`, and WHERE, GROUP BY,
 *   HAVING and ORDER BY clauses that do not hold the caret disappear.
 * What is removed cannot change what may be typed at the caret or which tables are visible there. Finally the
 * blanks and comments are squeezed out (the caret moves with the text), since even whitespace costs ANTLR time.
 */
export function focusOnCaret(parserText: string, tokens: readonly Token[], offset: number): { text: string; caret: number } {
  const visible = codeTokens(tokens);
  const start = (token: Token) => token.start;
  const end = (token: Token) => token.end;
  const pairs = matchParentheses(visible);
  const holdsCaret = (open: number, close: number) => start(visible[open]) < offset && (close >= visible.length || offset <= start(visible[close]));
  const edits: Array<{ from: number; to: number; text: string }> = [];
  const replace = (from: number, to: number, text: string) => edits.push({ from, to, text });

  // 1. Blocks away from the caret: outermost first, so nested ones are covered by their parent's edit.
  let skipUntil = -1;
  for (const [open, close] of pairs) {
    if (open < skipUntil || close >= visible.length || holdsCaret(open, close) || close === open + 1) continue;
    // Oracle's (+) marker, already blanked by the pre-pass.
    if (close === open + 2 && visible[open + 1].upper === '+') continue;
    const before = visible[open - 1];
    if (before && keepsItsBlock.has(before.upper)) continue;
    const first = visible[open + 1];
    const subquery = first.upper === 'SELECT' || first.upper === 'WITH';
    if (!subquery && before && opensRelation(visible, open)) continue;
    replace(start(first), start(visible[close]), subquery ? 'SELECT 1' : '1');
    skipUntil = close;
  }

  // 2. Clauses of each query level that holds the caret.
  // Only blocks that are queries have clauses (a window's `OVER (… ORDER BY …)` does not).
  const caretDepthBlocks = pairs.filter(([open, close]) => holdsCaret(open, close) && ['SELECT', 'WITH'].includes(visible[open + 1]?.upper ?? ''));
  const levels: Array<[number, number]> = [[-1, visible.length], ...caretDepthBlocks];
  levels.forEach(([open, close], level) =>
    pruneClauses(visible, open, Math.min(close, visible.length), offset, level === levels.length - 1, start, end, replace),
  );

  // Outer edits first where two start together, so the nested one is skipped.
  // Comments go too: the caret is never in one here (completion returns early), and they only cost lexing time.
  for (const token of tokens) if (token.kind === 'comment') edits.push({ from: token.start, to: token.end, text: '' });
  edits.sort((a, b) => a.from - b.from || b.to - a.to);
  let text = '';
  let at = 0;
  for (const edit of edits) {
    if (edit.from < at) continue;
    text += parserText.slice(at, edit.from) + blankKeepingLines(parserText.slice(edit.from, edit.to), edit.text);
    at = edit.to;
  }
  return squeezeBlanks(text + parserText.slice(at), offset);
}

/**
 * Each run of whitespace becomes one space, or one line break if it held one (a line break can end a `--`
 * comment); the caret moves left by what was removed before it.
 */
function squeezeBlanks(text: string, offset: number): { text: string; caret: number } {
  let caret = offset;
  const squeeze = (run: string) => (run.includes('\n') ? '\n' : ' ');
  const squeezed = text.replace(/\s{2,}/g, (run: string, index: number) => {
    if (index >= offset) return squeeze(run);
    if (index + run.length <= offset) {
      caret -= run.length - 1;
      return squeeze(run);
    }
    // The caret is inside this run: keep what is before it (the caret must keep its distance from the previous
    // word) and squeeze what follows, keeping one blank so it does not touch the next word either.
    const before = run.slice(0, offset - index);
    const after = run.slice(offset - index);
    return before + (after.length > 1 ? squeeze(after) : after);
  });
  return { text: squeezed, caret };
}

/** Function-like syntax whose parentheses hold more than an expression list. */
const keepsItsBlock = new Set(['CAST', 'TRY_CAST', 'EXTRACT', 'TRIM', 'SUBSTRING', 'POSITION', 'OVER', 'GROUP', 'FILTER', 'VALUES']);

/** A `(` right after FROM, JOIN or a comma in a FROM clause starts a relation, which `(1)` cannot replace. */
function opensRelation(visible: readonly Token[], open: number): boolean {
  const before = visible[open - 1].upper;
  if (before === 'FROM' || before === 'JOIN') return true;
  if (before !== ',') return false;
  for (let i = open - 2, depth = 0; i >= 0; i--) {
    const text = visible[i].upper;
    if (text === ')') depth++;
    else if (text === '(' && depth-- === 0) return false;
    else if (depth === 0 && text === 'FROM') return true;
    else if (depth === 0 && (text === 'SELECT' || text === 'WHERE')) return false;
  }
  return false;
}

// MINUS is a word in these tokens (the pre-pass renames it in the text only).
const clauseStarts = new Set(['SELECT', 'FROM', 'WHERE', 'GROUP', 'HAVING', 'ORDER', 'FETCH', 'OFFSET', 'LIMIT', 'UNION', 'EXCEPT', 'INTERSECT', 'MINUS', 'WINDOW']);

function isClauseStart(token: Token): boolean {
  return token.kind === 'word' && clauseStarts.has(token.upper);
}

const droppable = new Set(['WHERE', 'GROUP', 'HAVING', 'ORDER']);

type Replace = (from: number, to: number, text: string) => void;

/**
 * Clause pruning for the query directly inside the block (open, close): see focusOnCaret. In the innermost query,
 * the rest of the caret's clause after the caret goes too (except in the select list, whose FROM comes later):
 * nothing after the caret changes what may be typed there.
 */
function pruneClauses(
  visible: readonly Token[],
  open: number,
  close: number,
  offset: number,
  innermost: boolean,
  start: (t: Token) => number,
  end: (t: Token) => number,
  replace: Replace,
): void {
  // Clause boundaries at this block's own depth.
  const boundaries: number[] = [];
  for (let i = open + 1, depth = 0; i < close; i++) {
    const text = visible[i].upper;
    if (text === '(') depth++;
    else if (text === ')') depth--;
    else if (depth === 0 && isClauseStart(visible[i])) boundaries.push(i);
  }
  for (let b = 0; b < boundaries.length; b++) {
    const first = boundaries[b];
    const next = b + 1 < boundaries.length ? boundaries[b + 1] : close;
    const last = next - 1;
    if (last < first) continue;
    const from = start(visible[first]);
    // The caret belongs to a clause up to where the next one starts (typing after its last token continues it).
    const caretInside = from < offset && (next >= visible.length || offset <= start(visible[next]));
    const keyword = visible[first].upper;
    if (!caretInside && droppable.has(keyword)) replace(from, end(visible[last]), '');
    else if (caretInside && innermost && keyword !== 'SELECT') {
      const clause = visible.slice(first, last + 1);
      const afterCaret = clause.find((token) => token.start >= offset);
      // Groups opened before the caret (`AND (x - t.|`) are closed again so the parentheses still balance.
      const open = clause.reduce((depth, token) => (token.start >= offset ? depth : depth + (token.upper === '(' ? 1 : token.upper === ')' ? -1 : 0)), 0);
      if (afterCaret) replace(afterCaret.start, end(visible[last]), ')'.repeat(Math.max(open, 0)));
    } else if (keyword === 'SELECT') collapseSelectItems(visible, first, last, caretInside ? offset : undefined, start, end, replace);
  }
}

/**
 * Select items other than the one holding the caret become a single `1` on each side of it; with the caret
 * elsewhere (`offset` undefined) the whole list becomes `1`.
 */
function collapseSelectItems(visible: readonly Token[], select: number, last: number, offset: number | undefined, start: (t: Token) => number, end: (t: Token) => number, replace: Replace): void {
  let firstItem = select + 1;
  if (visible[firstItem]?.upper === 'DISTINCT' || visible[firstItem]?.upper === 'ALL') firstItem++;
  if (firstItem > last) return;
  const commas: number[] = [];
  for (let i = firstItem, depth = 0; i <= last; i++) {
    const text = visible[i].upper;
    if (text === '(') depth++;
    else if (text === ')') depth--;
    else if (depth === 0 && text === ',') commas.push(i);
  }
  if (offset === undefined) {
    if (commas.length > 0) replace(start(visible[firstItem]), end(visible[last]), '1');
    return;
  }
  const caretComma = commas.findIndex((comma) => offset <= start(visible[comma]));
  const itemIndex = caretComma < 0 ? commas.length : caretComma;
  if (itemIndex > 0) replace(start(visible[firstItem]), start(visible[commas[itemIndex - 1]]), '1');
  if (itemIndex < commas.length) replace(end(visible[commas[itemIndex]]), end(visible[last]), ' 1');
}

/** Pairs of `(`/`)` token indexes in order of the `(`; an unclosed `(` pairs with visible.length. */
function matchParentheses(visible: readonly Token[]): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  const stack: number[] = [];
  for (let i = 0; i < visible.length; i++) {
    if (visible[i].upper === '(') stack.push(i);
    else if (visible[i].upper === ')' && stack.length > 0) pairs.push([stack.pop() as number, i]);
  }
  for (const open of stack) pairs.push([open, visible.length]);
  return pairs.sort((a, b) => a[0] - b[0]);
}

/**
 * `original` blanked to spaces except its line breaks (so lines and columns stay put), with `replacement` written
 * on its first stretch long enough to hold it; unchanged when there is none.
 */
function blankKeepingLines(original: string, replacement: string): string {
  const blanked = original.replace(/[^\r\n]/g, ' ');
  if (replacement === '') return blanked;
  const room = /[^\r\n]+/g;
  for (let stretch = room.exec(original); stretch; stretch = room.exec(original)) {
    if (stretch[0].length >= replacement.length) return blanked.slice(0, stretch.index) + replacement + blanked.slice(stretch.index + replacement.length);
  }
  return original;
}
