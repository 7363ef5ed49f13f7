import { EntityContextType } from 'dt-sql-parser';
import { caretAt, qualifierOf, resolveQualifier, tablesAroundCaret, visibleTables, type TableInScope } from './caretScope';
import { suiteQLFunctions, suiteQLKeywords, suiteQLPseudoColumns, type SuiteQLFunction } from './functions';
import { quickTokens, statementAround, type LightToken } from './lightTokens';
import { ParseBudgetExceeded, suiteQLDialect } from './parser';
import { blankSuiteQLOnlySyntax } from './prepass';
import { focusOnCaret } from './focus';
import { completeTypeValue } from './valueCompletion';
import type { SchemaColumn, SchemaTable, SuiteQLSchema } from './schema';
import { describeTable } from './describe';
import { columnsOf, foreignKeysBetween, matchesTyped, tablesMatching, type ItemBase } from './completionIndex';

export type SuiteQLCompletionKind = 'table' | 'column' | 'alias' | 'join' | 'function' | 'keyword' | 'value';

/** Editor-neutral completion item; the VS Code adapter maps it to a CompletionItem. */
export interface SuiteQLCompletionItem {
  readonly label: string;
  readonly kind: SuiteQLCompletionKind;
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  readonly insertText: string;
  /** UTF-16 offsets of the text the item replaces (the partial word at the caret). */
  readonly replaceStart: number;
  readonly replaceEnd: number;
  /** Orders kinds: joins, then columns, aliases, tables, functions, keywords. */
  readonly sortText: string;
}

const kindOrder: Record<SuiteQLCompletionKind, string> = { value: '0', join: '0', column: '1', alias: '2', table: '3', function: '4', keyword: '5' };

/**
 * Completion at `offset` in `query`: dt-sql-parser says what may come next (table, column, function, keyword);
 * the schema says which names exist. Tables after FROM/JOIN, columns of the tables in scope (alias-aware), join
 * conditions from known foreign keys after JOIN … ON, SuiteQL functions with signatures, `BUILTIN.` members.
 */
export function completeSuiteQL(text: string, offset: number, schema: SuiteQLSchema): SuiteQLCompletionItem[] {
  const allTokens = quickTokens(text);
  const statement = statementAround(allTokens, offset, text.length);
  if (statement.start > 0 || statement.end < text.length) {
    const items = completeSuiteQL(text.slice(statement.start, statement.end), offset - statement.start, schema);
    return items.map((item) => placed(item, item.replaceStart + statement.start, item.replaceEnd + statement.start));
  }
  const query = text;
  const tokens = allTokens;
  const around = tokenAroundCaret(query, tokens, offset);
  if (around?.kind === 'string') return completeTypeValue(query, tokens, offset, around) ?? [];
  if (around) return [];
  const word = wordAt(query, offset);
  const typed = query.slice(word.start, offset);
  const direct = completeWithoutSuggestions(query, tokens, offset, word, typed, schema);
  if (direct) return direct;
  const suggested = suggestAt(query, tokens, offset);
  if (!suggested) return [];
  const { parserText, at, suggestions } = suggested;
  const wanted = new Set(suggestions.syntax.map((syntax) => syntax.syntaxContextType));
  const items = new ItemList(word.start, offset);
  // Collecting entities parses the text again: do it at most once, and only when needed.
  let scope: TableInScope[] | undefined;
  const tablesInScope = () => (scope ??= tablesAroundCaret(parserText, at));

  if (word.qualifier !== undefined) {
    if (word.qualifier === 'builtin') {
      for (const builtin of suiteQLFunctions.filter((candidate) => candidate.name.startsWith('BUILTIN.'))) items.addFunction(builtin, builtin.name.slice('BUILTIN.'.length));
      return items.list;
    }
    if (!wanted.has(EntityContextType.COLUMN)) return items.list;
    items.addColumnsOf(schema, resolveQualifier(tablesInScope(), word.qualifier), typed);
    return items.list;
  }

  if (wanted.has(EntityContextType.TABLE)) {
    if (precedingWord(tokens, word.start) === 'JOIN') items.addJoinTargets(schema, tablesInScope());
    items.addTables(tablesMatching(schema, typed));
  }
  if (wanted.has(EntityContextType.COLUMN)) {
    const inScope = visibleTables(tablesInScope()).filter((table) => table.table !== undefined);
    if (precedingWord(tokens, word.start) === 'ON') items.addJoinConditions(schema, inScope);
    const qualify = inScope.length > 1;
    for (const inTable of inScope) {
      const table = schema.table(inTable.table ?? '');
      items.addAlias(inTable, table);
      if (!table) continue;
      for (const { column, detail, documentation } of columnsOf(schema, table)) {
        if (matchesTyped(typed, column.name)) items.addColumn(column, detail, documentation, qualify ? `${qualifierOf(inTable)}.${column.name}` : column.name);
      }
    }
  }
  if (wanted.has(EntityContextType.FUNCTION) || wanted.has(EntityContextType.COLUMN)) {
    for (const candidate of suiteQLFunctions) items.addFunction(candidate, candidate.name);
    for (const pseudo of suiteQLPseudoColumns) items.addFunction(pseudo, pseudo.name, false);
  }
  for (const keyword of suggestions.keywords) if (suiteQLKeywords.has(keyword)) items.addKeyword(keyword);
  return items.list;
}

/**
 * The two spots where what may come next is plain from the tokens, answered without dt-sql-parser's suggestion
 * call (the costlier of its two parses; a keystroke's budget is 15 ms):
 * - right after FROM or JOIN (not inside EXTRACT/TRIM/SUBSTRING parentheses, where FROM is part of an
 *   expression) only a table may come: the schema's tables, and after JOIN the joins from known foreign keys,
 *   which need the tables in scope (one parse of the focused text);
 * - after `alias.` only a column of that alias's table may come (one parse, for the aliases in scope).
 * Anywhere else, undefined: the full path asks dt-sql-parser.
 */
function completeWithoutSuggestions(
  query: string,
  tokens: readonly LightToken[],
  offset: number,
  word: WordAtCaret,
  typed: string,
  schema: SuiteQLSchema,
): SuiteQLCompletionItem[] | undefined {
  if (word.qualifier === 'builtin') return undefined;
  const before = codeTokensBefore(tokens, word.qualifier === undefined ? word.start : word.qualifierStart);
  const previous = before.at(-1)?.upper;
  if (previous !== 'FROM' && previous !== 'JOIN' && word.qualifier === undefined) return undefined;
  if (insideExpressionParentheses(before)) return undefined;
  const items = new ItemList(word.start, offset);
  const scope = () => {
    const focused = focusOnCaret(blankSuiteQLOnlySyntax(query, tokens), tokens, offset);
    return tablesAroundCaret(focused.text, focused.caret);
  };
  if (word.qualifier !== undefined) {
    // `FROM x.` would name a schema, which SuiteQL does not have.
    if (previous === 'FROM' || previous === 'JOIN') return [];
    items.addColumnsOf(schema, resolveQualifier(scope(), word.qualifier), typed);
    return items.list;
  }
  if (previous === 'JOIN') items.addJoinTargets(schema, scope());
  items.addTables(tablesMatching(schema, typed));
  return items.list;
}

/** Code tokens that end before `offset`. */
function codeTokensBefore(tokens: readonly LightToken[], offset: number): LightToken[] {
  const before: LightToken[] = [];
  for (const token of tokens) {
    if (token.end > offset) break;
    if (token.kind !== 'comment') before.push(token);
  }
  return before;
}

/** Functions whose parentheses use FROM inside an expression: `EXTRACT(YEAR FROM d)`, `TRIM(x FROM y)`. */
const expressionFromFunctions = new Set(['EXTRACT', 'TRIM', 'SUBSTRING', 'POSITION', 'OVERLAY']);

/** True when the innermost unclosed `(` before the caret belongs to such a function. */
function insideExpressionParentheses(before: readonly LightToken[]): boolean {
  let depth = 0;
  for (let i = before.length - 1; i >= 0; i--) {
    const upper = before[i].upper;
    if (upper === ')') depth++;
    else if (upper === '(' && depth-- === 0) return expressionFromFunctions.has(before[i - 1]?.upper ?? '');
  }
  return false;
}

/**
 * dt-sql-parser's suggestion on the focused text; on the full text when that fails (antlr4-c3 can overflow its
 * stack on some half-typed input). Undefined when neither works: no completion beats an exception in the editor.
 */
function suggestAt(query: string, tokens: readonly LightToken[], offset: number) {
  const parserText = blankSuiteQLOnlySyntax(query, tokens);
  const focused = focusOnCaret(parserText, tokens, offset);
  for (const [text, at] of [[focused.text, focused.caret], [parserText, offset]] as const) {
    try {
      const suggestions = suiteQLDialect().getSuggestionAtCaretPosition(text, caretAt(text, at));
      if (suggestions) return { parserText: text, at, suggestions };
    } catch (error) {
      // The full text is longer still: once the focused one ran out of time, it would too (parser.ts).
      if (error instanceof ParseBudgetExceeded) return undefined;
      // otherwise fall through to the next text
    }
  }
  return undefined;
}

/**
 * An item with its replace range, written out field by field: object spread (`{ ...item, replaceStart }`) took about
 * 1.5 µs an item in V8 here against 15 ns for this literal, and after FROM every one of a real account's 1,000+
 * tables is an item, on each keystroke.
 */
function placed(item: ItemBase, replaceStart: number, replaceEnd: number): SuiteQLCompletionItem {
  return {
    label: item.label,
    kind: item.kind,
    detail: item.detail,
    documentation: item.documentation,
    insertText: item.insertText,
    replaceStart,
    replaceEnd,
    sortText: item.sortText,
  };
}

class ItemList {
  readonly list: SuiteQLCompletionItem[] = [];
  private readonly seen = new Set<string>();

  constructor(
    private readonly replaceStart: number,
    private readonly replaceEnd: number,
  ) {}

  /** `last`: sorts after every other item of its kind (a name NetSuite refused in a run). */
  add(item: Omit<SuiteQLCompletionItem, 'replaceStart' | 'replaceEnd' | 'sortText'>, last = false): void {
    const key = `${item.kind}:${item.label}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push(placed({ ...item, sortText: `${kindOrder[item.kind]}${last ? '~' : ''}${item.label}` }, this.replaceStart, this.replaceEnd));
  }

  /** Tables of the schema: names are unique, so no duplicate check (there may be 1,000+). */
  addTables(tables: readonly ItemBase[]): void {
    for (const table of tables) this.list.push(placed(table, this.replaceStart, this.replaceEnd));
  }

  addColumn(column: SchemaColumn, detail: string, documentation: string, insertText: string): void {
    this.add({ label: column.name, kind: 'column', detail, documentation, insertText }, column.rejected !== undefined);
  }

  /** The columns of the table an alias stands for that the typed word can match. */
  addColumnsOf(schema: SuiteQLSchema, owner: TableInScope | undefined, typed: string): void {
    const table = owner?.table ? schema.table(owner.table) : undefined;
    if (!table) return;
    for (const { column, detail, documentation } of columnsOf(schema, table)) if (matchesTyped(typed, column.name)) this.addColumn(column, detail, documentation, column.name);
  }

  addAlias(inScope: TableInScope, table: SchemaTable | undefined): void {
    if (!inScope.alias) return;
    this.add({ label: inScope.alias, kind: 'alias', detail: `alias of ${inScope.table}`, documentation: table ? describeTable(table) : undefined, insertText: inScope.alias });
  }

  addFunction(candidate: SuiteQLFunction, insertName: string, withParentheses = true): void {
    this.add({ label: insertName, kind: 'function', detail: candidate.signature, documentation: candidate.description, insertText: withParentheses ? `${insertName}(` : insertName });
  }

  addKeyword(keyword: string): void {
    this.add({ label: keyword, kind: 'keyword', insertText: keyword });
  }

  /** After `JOIN`: a table related to one already in the query, with its ON condition written out. */
  addJoinTargets(schema: SuiteQLSchema, inScope: readonly TableInScope[]): void {
    for (const existing of inScope) {
      if (!existing.table) continue;
      for (const link of foreignKeysBetween(schema, existing.table)) {
        const other = link.from === existing.table ? link.to : link.from;
        const condition =
          link.from === existing.table ? `${other}.id = ${qualifierOf(existing)}.${link.column}` : `${other}.${link.column} = ${qualifierOf(existing)}.id`;
        this.add({ label: `${other} ON ${condition}`, kind: 'join', detail: 'join on a known foreign key', insertText: `${other} ON ${condition}` });
      }
    }
  }

  /** After `JOIN x ON`: the conditions that link the newly joined table to the tables before it. */
  addJoinConditions(schema: SuiteQLSchema, inScope: readonly TableInScope[]): void {
    const ordered = [...inScope].sort((a, b) => a.start - b.start);
    const joined = ordered.at(-1);
    if (!joined?.table) return;
    for (const earlier of ordered.slice(0, -1)) {
      if (!earlier.table) continue;
      for (const link of foreignKeysBetween(schema, joined.table)) {
        const condition =
          link.from === joined.table && link.to === earlier.table
            ? `${qualifierOf(joined)}.${link.column} = ${qualifierOf(earlier)}.id`
            : link.to === joined.table && link.from === earlier.table
              ? `${qualifierOf(earlier)}.${link.column} = ${qualifierOf(joined)}.id`
              : undefined;
        if (condition) this.add({ label: condition, kind: 'join', detail: 'join on a known foreign key', insertText: condition });
      }
    }
  }
}

interface WordAtCaret {
  readonly start: number;
  /** Lower-case name before a `.` right before the word (`c` in `c.na|`), unquoted. */
  readonly qualifier: string | undefined;
  /** Where the qualifier starts (its opening quote, if quoted); `start` when there is none. */
  readonly qualifierStart: number;
}

function wordAt(text: string, offset: number): WordAtCaret {
  let start = offset;
  while (start > 0 && /[\w$#]/.test(text[start - 1])) start--;
  if (text[start - 1] !== '.') return { start, qualifier: undefined, qualifierStart: start };
  let end = start - 1;
  let qualifierStart = end;
  if (text[end - 1] === '"') {
    qualifierStart = text.lastIndexOf('"', end - 2);
    if (qualifierStart < 0) return { start, qualifier: undefined, qualifierStart: start };
    return { start, qualifier: text.slice(qualifierStart + 1, end - 1).toLowerCase(), qualifierStart };
  }
  while (qualifierStart > 0 && /[\w$#]/.test(text[qualifierStart - 1])) qualifierStart--;
  end = start - 1;
  return qualifierStart < end ? { start, qualifier: text.slice(qualifierStart, end).toLowerCase(), qualifierStart } : { start, qualifier: undefined, qualifierStart: start };
}

/** The string or comment the caret is inside, if any. */
function tokenAroundCaret(query: string, tokens: readonly LightToken[], offset: number): LightToken | undefined {
  // Inside means past the opening character and before the end; at the end only when nothing closes it.
  return tokens.find((token) => (token.kind === 'string' || token.kind === 'comment') && token.start < offset && (offset < token.end || (offset === token.end && isOpenEnded(query.slice(token.start, token.end)))));
}

/** A `--` comment runs on to the end of its line; an unterminated string or block comment to the end of text. */
function isOpenEnded(text: string): boolean {
  if (text.startsWith('--')) return true;
  if (text.startsWith('/*')) return !text.endsWith('*/') || text.length < 4;
  return text.length < 2 || !text.endsWith("'");
}

/** The upper-cased last code token before `offset`. */
function precedingWord(tokens: readonly LightToken[], offset: number): string | undefined {
  let found: string | undefined;
  for (const token of tokens) {
    if (token.start >= offset) break;
    if (token.kind !== 'comment') found = token.upper;
  }
  return found;
}
