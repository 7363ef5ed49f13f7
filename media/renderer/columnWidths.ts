import type { Cell } from '../../src/protocol/rows';

const minWidth = 48;
const maxWidth = 360;
const charWidth = 7.2;
const padding = 18;

/** Initial column widths from the header and a sample of rows, so the first paint needs no DOM measuring. */
export function initialColumnWidths(headers: readonly string[], rows: readonly (readonly Cell[])[], sampleSize = 200): number[] {
  return headers.map((header, column) => {
    let longest = header.length + 2; // room for the sort arrow
    for (let row = 0; row < Math.min(rows.length, sampleSize); row++) {
      const cell = rows[row][column];
      if (cell !== null && cell !== undefined && cell.length > longest) longest = cell.length;
    }
    return Math.round(Math.min(maxWidth, Math.max(minWidth, longest * charWidth + padding)));
  });
}

export function clampWidth(width: number): number {
  return Math.round(Math.min(1200, Math.max(minWidth, width)));
}
