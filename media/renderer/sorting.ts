import type { Cell, RowsColumn } from '../../src/protocol/rows';

export type SortDirection = 'asc' | 'desc';

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
/** A number as NetSuite writes it (`-12.5`, `.5`, `1E3`). */
const numberText = /^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i;

function numericValue(cell: Cell): number {
  if (cell === null || cell === '') return Number.NaN;
  return Number(cell);
}

/** NetSuite renders dates per user preference (e.g. `1/15/2024`) or ISO; both parse to a comparable instant. */
export function dateValue(cell: Cell): number {
  if (cell === null || cell === '') return Number.NaN;
  const iso = /^\d{4}-\d{2}-\d{2}/.test(cell) ? Date.parse(cell) : Number.NaN;
  if (!Number.isNaN(iso)) return iso;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{2,4})/.exec(cell);
  if (us) {
    const year = us[3].length === 2 ? 2000 + Number(us[3]) : Number(us[3]);
    return Date.UTC(year, Number(us[1]) - 1, Number(us[2]));
  }
  return Date.parse(cell);
}

/**
 * Returns the row order (indices into `rows`) sorted by one column. Stable; NULLs always last whichever direction,
 * as a person expects "empty" rows to sink. Numbers sort by value, before any text in the same column.
 */
export function sortedOrder(rows: readonly (readonly Cell[])[], columnIndex: number, column: RowsColumn, direction: SortDirection): number[] {
  const order = rows.map((_, index) => index);
  const sign = direction === 'asc' ? 1 : -1;
  const type = column.type ?? 'string';
  const key = (cell: Cell): number | string | null => {
    if (cell === null) return null;
    if (type === 'number') return numericValue(cell);
    if (type === 'date') return dateValue(cell);
    // A text column can still hold numbers (one stray "N/A" makes the column text): those compare as numbers, which
    // the collator's digit runs get wrong for signs and decimals (-5 before -10, 10.5 after 10.25).
    return numberText.test(cell) ? Number(cell) : cell;
  };
  const keys = rows.map((row) => key(row[columnIndex] ?? null));
  order.sort((a, b) => {
    const ka = keys[a];
    const kb = keys[b];
    const aMissing = ka === null || (typeof ka === 'number' && Number.isNaN(ka));
    const bMissing = kb === null || (typeof kb === 'number' && Number.isNaN(kb));
    if (aMissing || bMissing) return aMissing === bMissing ? a - b : aMissing ? 1 : -1;
    const compared =
      typeof ka === 'number' && typeof kb === 'number' ? ka - kb : typeof ka === 'number' ? -1 : typeof kb === 'number' ? 1 : collator.compare(ka, kb);
    return compared === 0 ? a - b : sign * compared;
  });
  return order;
}
