import { EntityContextType } from 'dt-sql-parser';
import type { CaretPosition } from 'dt-sql-parser';
import { suiteQLDialect } from './parser';

/** A table the query reads near the caret, with the name it goes by there. */
export interface TableInScope {
  /** Lower-case table name, unquoted; undefined for a derived table `(SELECT …) alias`. */
  readonly table: string | undefined;
  /** Lower-case alias, when there is one. */
  readonly alias: string | undefined;
  /** Start offset of the table reference; later joins come later. */
  readonly start: number;
  /** True when the caret can see it (its statement or an enclosing one holds the caret). */
  readonly nearCaret: boolean;
}

/** Stands in for the word being typed, so the statement around the caret is whole enough to collect. */
const caretPlaceholder = 'suitelens_caret_word';

/**
 * The tables and aliases around the caret, from dt-sql-parser's entity collector. A half-typed spot (`la.` or
 * `WHERE … AND `) makes the collector drop the whole statement it is in, so a placeholder word is put at the caret
 * first. `parserText` is pre-passed text (see `toParserText`); `offset` the caret in it.
 */
export function tablesAroundCaret(parserText: string, offset: number): TableInScope[] {
  const needsWord = !/[\w$#"]/.test(parserText[offset] ?? '') && !/[\w$#"]/.test(parserText[offset - 1] ?? '');
  const text = needsWord ? `${parserText.slice(0, offset)}${caretPlaceholder} ${parserText.slice(offset)}` : parserText;
  const caret = caretAt(text, needsWord ? offset + caretPlaceholder.length : offset);
  let entities: ReturnType<ReturnType<typeof suiteQLDialect>['getAllEntities']> = null;
  try {
    entities = suiteQLDialect().getAllEntities(text, caret);
  } catch {
    // antlr4-c3/ANTLR can overflow the stack on some half-typed input: then nothing is known to be in scope.
  }
  entities ??= [];
  const tables: TableInScope[] = [];
  for (const entity of entities) {
    if (entity.entityContextType !== EntityContextType.TABLE) continue;
    const derived = entity.text.trimStart().startsWith('(');
    if (unquote(entity.text) === caretPlaceholder) continue;
    const alias = entity._alias ? unquote(entity._alias.text) : undefined;
    // isAccessible: the table is visible from the caret (its own statement or an enclosing one).
    tables.push({ table: derived ? undefined : unquote(entity.text), alias, start: entity.position.startIndex, nearCaret: entity.isAccessible === true });
  }
  return tables;
}

/**
 * The table a qualifier (`c` in `c.name`) stands for: an alias first, then a table written without one; tables
 * visible from the caret first, then any (dt-sql-parser does not always see an outer query's tables from a
 * correlated subquery).
 */
export function resolveQualifier(tables: readonly TableInScope[], qualifier: string): TableInScope | undefined {
  const name = qualifier.toLowerCase();
  const ordered = [...tables.filter((table) => table.nearCaret), ...tables.filter((table) => !table.nearCaret)];
  return ordered.find((table) => table.alias === name) ?? ordered.find((table) => !table.alias && table.table === name) ?? ordered.find((table) => table.table === name);
}

/** The tables whose columns an unqualified name may mean: those visible from the caret, else all collected. */
export function visibleTables(tables: readonly TableInScope[]): TableInScope[] {
  const near = tables.filter((table) => table.nearCaret);
  return near.length > 0 ? near : [...tables];
}

/** The name to write before a column of this table: its alias, else the table name. */
export function qualifierOf(table: TableInScope): string {
  return table.alias ?? table.table ?? '';
}

export function unquote(text: string): string {
  const trimmed = text.trim();
  return (trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1).replaceAll('""', '"') : trimmed).toLowerCase();
}

/** UTF-16 offset → dt-sql-parser's 1-based line and column. */
export function caretAt(text: string, offset: number): CaretPosition {
  let lineNumber = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      lineNumber++;
      lineStart = i + 1;
    }
  }
  return { lineNumber, column: offset - lineStart + 1 };
}
