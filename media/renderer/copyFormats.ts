/**
 * The grid's "Copy as…" formats for a selection: CSV (RFC 4180 quoting), JSON (an array of objects, NULL as null)
 * and a Markdown table (pipes and line breaks escaped, so a value cannot break the table). Pure and tested.
 */
import { markdownHeader, markdownRow } from '../../src/protocol/markdownTable';
import type { Cell } from '../../src/protocol/rows';

export type CopyFormat = 'csv' | 'json' | 'markdown';

export function formatSelection(format: CopyFormat, header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  switch (format) {
    case 'csv':
      return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n');
    case 'json':
      return JSON.stringify(rows.map((row) => Object.fromEntries(header.map((name, index) => [name, row[index] ?? null]))), null, 2);
    case 'markdown':
      return [markdownHeader(header), ...rows.map((row) => markdownRow(header.map((_, index) => row[index] ?? null)))].join('\n');
  }
}

function csvField(value: Cell | string): string {
  if (value === null) return '';
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
