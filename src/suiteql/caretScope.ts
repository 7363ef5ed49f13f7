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

/**
 * The tables and aliases around the caret, from dt-sql-parser's entity collector, which copes with the incomplete
 * text the user is typing. `parserText` is the pre-passed text (see `toParserText`).
 */
export function tablesAroundCaret(parserText: string, caret: CaretPosition): TableInScope[] {
  const entities = suiteQLDialect.getAllEntities(parserText, caret) ?? [];
  const tables: TableInScope[] = [];
  for (const entity of entities) {
    if (entity.entityContextType !== EntityContextType.TABLE) continue;
    const derived = entity.text.trimStart().startsWith('(');
    const alias = entity._alias ? unquote(entity._alias.text) : undefined;
    // isAccessible: the table is visible from the caret (its own statement or an enclosing one).
    tables.push({ table: derived ? undefined : unquote(entity.text), alias, start: entity.position.startIndex, nearCaret: entity.isAccessible === true });
  }
  const near = tables.filter((table) => table.nearCaret);
  return near.length > 0 ? near : tables;
}

/** The table a qualifier (`c` in `c.name`) stands for: an alias first, then a table written without one. */
export function resolveQualifier(tables: readonly TableInScope[], qualifier: string): TableInScope | undefined {
  const name = qualifier.toLowerCase();
  return tables.find((table) => table.alias === name) ?? tables.find((table) => !table.alias && table.table === name) ?? tables.find((table) => table.table === name);
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
