import { EntityContextType } from 'dt-sql-parser';
import { caretAt, qualifierOf, resolveQualifier, tablesAroundCaret, visibleTables, type TableInScope } from './caretScope';
import { suiteQLFunctions, suiteQLKeywords, suiteQLPseudoColumns, type SuiteQLFunction } from './functions';
import { quickTokens, statementAround, type LightToken } from './lightTokens';
import { suiteQLDialect } from './parser';
import { blankSuiteQLOnlySyntax } from './prepass';
import { focusOnCaret } from './focus';
import type { SchemaColumn, SchemaTable, SuiteQLSchema } from './schema';
import { describeColumn, describeTable } from './describe';
import { entitySubtypes } from './standardTables';

export type SuiteQLCompletionKind = 'table' | 'column' | 'alias' | 'join' | 'function' | 'keyword';

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

const kindOrder: Record<SuiteQLCompletionKind, string> = { join: '0', column: '1', alias: '2', table: '3', function: '4', keyword: '5' };

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
    return items.map((item) => ({ ...item, replaceStart: item.replaceStart + statement.start, replaceEnd: item.replaceEnd + statement.start }));
  }
  const query = text;
  const tokens = allTokens;
  if (caretInsideStringOrComment(query, tokens, offset)) return [];
  const word = wordAt(query, offset);
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
    const owner = resolveQualifier(tablesInScope(), word.qualifier);
    const table = owner?.table ? schema.table(owner.table) : undefined;
    if (table) for (const column of table.columns.values()) items.addColumn(table, column, column.name);
    return items.list;
  }

  if (wanted.has(EntityContextType.TABLE)) {
    if (precedingWord(tokens, word.start) === 'JOIN') items.addJoinTargets(schema, tablesInScope());
    items.addTables(tableItems(schema));
  }
  if (wanted.has(EntityContextType.COLUMN)) {
    const inScope = visibleTables(tablesInScope()).filter((table) => table.table !== undefined);
    if (precedingWord(tokens, word.start) === 'ON') items.addJoinConditions(schema, inScope);
    const qualify = inScope.length > 1;
    for (const inTable of inScope) {
      const table = schema.table(inTable.table ?? '');
      items.addAlias(inTable, table);
      if (!table) continue;
      for (const column of table.columns.values()) items.addColumn(table, column, qualify ? `${qualifierOf(inTable)}.${column.name}` : column.name);
    }
  }
  if (wanted.has(EntityContextType.FUNCTION) || wanted.has(EntityContextType.COLUMN)) {
    for (const candidate of suiteQLFunctions) items.addFunction(candidate, candidate.name);
    for (const pseudo of suiteQLPseudoColumns) items.addFunction(pseudo, pseudo.name, false);
  }
  for (const keyword of suggestions.keywords) if (suiteQLKeywords.has(keyword)) items.addKeyword(keyword);
  return items.list;
}

type ItemBase = Omit<SuiteQLCompletionItem, 'replaceStart' | 'replaceEnd'>;

/** Table items depend only on the schema: built once per schema version. */
const tableItemCache = new WeakMap<SuiteQLSchema, { version: number; items: ItemBase[] }>();

function tableItems(schema: SuiteQLSchema): readonly ItemBase[] {
  const cached = tableItemCache.get(schema);
  if (cached?.version === schema.version) return cached.items;
  const items = schema.tables().map((table) => ({
    label: table.name,
    kind: 'table' as const,
    detail: table.label ? `table · ${table.label}` : 'table',
    documentation: describeTable(table),
    insertText: table.name,
    sortText: `${kindOrder.table}${table.name}`,
  }));
  tableItemCache.set(schema, { version: schema.version, items });
  return items;
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
    } catch {
      // fall through to the next text
    }
  }
  return undefined;
}

class ItemList {
  readonly list: SuiteQLCompletionItem[] = [];
  private readonly seen = new Set<string>();

  constructor(
    private readonly replaceStart: number,
    private readonly replaceEnd: number,
  ) {}

  add(item: Omit<SuiteQLCompletionItem, 'replaceStart' | 'replaceEnd' | 'sortText'>): void {
    const key = `${item.kind}:${item.label}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push({ ...item, replaceStart: this.replaceStart, replaceEnd: this.replaceEnd, sortText: `${kindOrder[item.kind]}${item.label}` });
  }

  /** Every table of the schema: names are unique, so no duplicate check (there may be 1,000+). */
  addTables(tables: readonly ItemBase[]): void {
    for (const table of tables) this.list.push({ ...table, replaceStart: this.replaceStart, replaceEnd: this.replaceEnd });
  }

  addColumn(table: SchemaTable, column: SchemaColumn, insertText: string): void {
    this.add({ label: column.name, kind: 'column', detail: `${table.name}.${column.name}${column.type ? ` · ${column.type}` : ''}`, documentation: describeColumn(table, column), insertText });
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

interface ForeignKey {
  readonly from: string;
  readonly column: string;
  readonly to: string;
}

/** Foreign keys by table (both ends), rebuilt only when the schema changes: the schema may hold 1,000+ tables. */
const foreignKeyIndex = new WeakMap<SuiteQLSchema, { version: number; byTable: Map<string, ForeignKey[]> }>();

/**
 * Foreign keys from `tableName` to any table, and from any table to `tableName`. A reference to `entity` also
 * links to each entity subtype (transaction.entity = customer.id).
 */
function foreignKeysBetween(schema: SuiteQLSchema, tableName: string): readonly ForeignKey[] {
  let index = foreignKeyIndex.get(schema);
  if (!index || index.version !== schema.version) {
    const byTable = new Map<string, ForeignKey[]>();
    const link = (table: string, key: ForeignKey) => byTable.set(table, [...(byTable.get(table) ?? []), key]);
    for (const table of schema.tables()) {
      for (const column of table.columns.values()) {
        const target = column.references;
        if (!target || !schema.table(target)) continue;
        const key = { from: table.name, column: column.name, to: target };
        link(table.name, key);
        if (target !== table.name) link(target, key);
        if (target === 'entity') for (const subtype of entitySubtypes) if (schema.table(subtype)) link(subtype, { ...key, to: subtype });
      }
    }
    index = { version: schema.version, byTable };
    foreignKeyIndex.set(schema, index);
  }
  return index.byTable.get(tableName) ?? [];
}

interface WordAtCaret {
  readonly start: number;
  /** Lower-case name before a `.` right before the word (`c` in `c.na|`), unquoted. */
  readonly qualifier: string | undefined;
}

function wordAt(text: string, offset: number): WordAtCaret {
  let start = offset;
  while (start > 0 && /[\w$#]/.test(text[start - 1])) start--;
  if (text[start - 1] !== '.') return { start, qualifier: undefined };
  let end = start - 1;
  let qualifierStart = end;
  if (text[end - 1] === '"') {
    qualifierStart = text.lastIndexOf('"', end - 2);
    if (qualifierStart < 0) return { start, qualifier: undefined };
    return { start, qualifier: text.slice(qualifierStart + 1, end - 1).toLowerCase() };
  }
  while (qualifierStart > 0 && /[\w$#]/.test(text[qualifierStart - 1])) qualifierStart--;
  end = start - 1;
  return { start, qualifier: qualifierStart < end ? text.slice(qualifierStart, end).toLowerCase() : undefined };
}

function caretInsideStringOrComment(query: string, tokens: readonly LightToken[], offset: number): boolean {
  // Inside means past the opening character and before the end; at the end only when nothing closes it.
  return tokens.some((token) => (token.kind === 'string' || token.kind === 'comment') && token.start < offset && (offset < token.end || (offset === token.end && isOpenEnded(query.slice(token.start, token.end)))));
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
