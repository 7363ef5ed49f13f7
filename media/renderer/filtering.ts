/**
 * The grid's filter row: one expression per column over the loaded rows. Text columns match a contained text
 * (case-insensitive) or, with `=`, the whole value; number and date columns also take `>`, `>=`, `<`, `<=`, `=`
 * and ranges `a..b`; `null` and `!null` match missing values in any column. Pure, so 100,000 rows filter in a few
 * milliseconds and the rules are tested without a browser.
 */
import type { Cell, RowsColumn } from '../../src/protocol/rows';
import { dateValue } from './sorting';

export type CellTest = (cell: Cell) => boolean;

/**
 * A column's filter: a test on a cell, and for numbers and dates the same test on the cell's value, so the grid can
 * parse each column once (into `ColumnValues`) instead of on every keystroke.
 */
export interface ColumnFilter {
  test: CellTest;
  byValue?: { kind: 'number' | 'date'; matches: (value: number) => boolean };
}

/** A column's cells as numbers (NaN where empty or unparseable), parsed once per column and kind. */
export type ColumnValues = Float64Array;

export function columnValues(rows: readonly (readonly Cell[])[], column: number, kind: 'number' | 'date'): ColumnValues {
  const values = new Float64Array(rows.length);
  for (let index = 0; index < rows.length; index++) {
    const cell = rows[index][column] ?? null;
    values[index] = cell === null ? Number.NaN : kind === 'number' ? toNumber(cell) : dateValue(cell);
  }
  return values;
}

function toNumber(value: string): number {
  return value.trim() === '' ? Number.NaN : Number(value);
}

export function cellTest(expression: string, column: RowsColumn): CellTest | undefined {
  return columnFilter(expression, column)?.test;
}

export function columnFilter(expression: string, column: RowsColumn): ColumnFilter | undefined {
  const text = expression.trim();
  if (text === '') return undefined;
  if (/^null$/i.test(text)) return { test: (cell) => cell === null || cell === '' };
  if (/^!null$/i.test(text)) return { test: (cell) => cell !== null && cell !== '' };
  const type = column.type ?? 'string';
  if (type === 'number' || type === 'date') {
    const toValue = type === 'number' ? toNumber : (value: string) => dateValue(value.trim());
    const compared = comparison(text, toValue);
    if (compared) return { test: (cell) => cell !== null && compared(toValue(cell)), byValue: { kind: type, matches: compared } };
  }
  if (text.startsWith('=')) {
    const wanted = text.slice(1).trim().toLowerCase();
    return { test: (cell) => cell !== null && cell.toLowerCase() === wanted };
  }
  const wanted = text.toLowerCase();
  return { test: (cell) => cell !== null && cell.toLowerCase().includes(wanted) };
}

/** `>10`, `<=2024-01-31`, `10..20`, `=5`, or a bare value (equality); undefined when the text is not such. */
function comparison(text: string, toValue: (value: string) => number): ((value: number) => boolean) | undefined {
  const range = /^(.+?)\.\.(.+)$/.exec(text);
  if (range) {
    const [low, high] = [toValue(range[1]), toValue(range[2])];
    return Number.isNaN(low) || Number.isNaN(high) ? undefined : (value) => value >= low && value <= high;
  }
  const operator = /^(>=|<=|>|<|=)?\s*(.+)$/.exec(text);
  if (!operator) return undefined;
  const bound = toValue(operator[2]);
  if (Number.isNaN(bound)) return undefined;
  switch (operator[1]) {
    case '>':
      return (value) => value > bound;
    case '>=':
      return (value) => value >= bound;
    case '<':
      return (value) => value < bound;
    case '<=':
      return (value) => value <= bound;
    default:
      return (value) => value === bound;
  }
}

/**
 * Keeps the row indices (in the given order) whose cells pass every column's filter. `valuesOf` gives a column's
 * parsed values (cached by the caller); without it number and date cells are parsed here, row by row.
 */
export function filterRows(
  rows: readonly (readonly Cell[])[],
  order: readonly number[] | undefined,
  filters: ReadonlyMap<number, ColumnFilter | CellTest>,
  valuesOf?: (column: number, kind: 'number' | 'date') => ColumnValues,
): number[] {
  const candidates = order ?? rows.map((_, index) => index);
  if (filters.size === 0) return [...candidates];
  const checks = [...filters.entries()].map(([column, filter]): ((index: number) => boolean) => {
    const { test, byValue } = typeof filter === 'function' ? { test: filter, byValue: undefined } : filter;
    if (byValue && valuesOf) {
      const values = valuesOf(column, byValue.kind);
      return (index) => !Number.isNaN(values[index]) && byValue.matches(values[index]);
    }
    return (index) => test(rows[index][column] ?? null);
  });
  return candidates.filter((index) => checks.every((check) => check(index)));
}
