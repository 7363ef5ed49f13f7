/**
 * The grid's filter row: one expression per column over the loaded rows. Text columns match a contained text
 * (case-insensitive) or, with `=`, the whole value; number and date columns also take `>`, `>=`, `<`, `<=`, `=`
 * and ranges `a..b`; `null` and `!null` match missing values in any column. Pure, so 100,000 rows filter in a few
 * milliseconds and the rules are tested without a browser.
 */
import type { Cell, RowsColumn } from '../../src/protocol/rows';
import { dateValue } from './sorting';

export type CellTest = (cell: Cell) => boolean;

export function cellTest(expression: string, column: RowsColumn): CellTest | undefined {
  const text = expression.trim();
  if (text === '') return undefined;
  if (/^null$/i.test(text)) return (cell) => cell === null || cell === '';
  if (/^!null$/i.test(text)) return (cell) => cell !== null && cell !== '';
  const type = column.type ?? 'string';
  if (type === 'number' || type === 'date') {
    const toValue = type === 'number' ? (value: string) => (value.trim() === '' ? Number.NaN : Number(value)) : (value: string) => dateValue(value.trim());
    const compared = comparison(text, toValue);
    if (compared) return (cell) => cell !== null && compared(toValue(cell));
  }
  if (text.startsWith('=')) {
    const wanted = text.slice(1).trim().toLowerCase();
    return (cell) => cell !== null && cell.toLowerCase() === wanted;
  }
  const wanted = text.toLowerCase();
  return (cell) => cell !== null && cell.toLowerCase().includes(wanted);
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

/** Keeps the row indices (in the given order) whose cells pass every column's test. */
export function filterRows(rows: readonly (readonly Cell[])[], order: readonly number[] | undefined, tests: ReadonlyMap<number, CellTest>): number[] {
  const candidates = order ?? rows.map((_, index) => index);
  if (tests.size === 0) return [...candidates];
  const checks = [...tests.entries()];
  return candidates.filter((index) => {
    const row = rows[index];
    return checks.every(([column, test]) => test(row[column] ?? null));
  });
}
