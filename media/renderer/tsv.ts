import type { Cell } from '../../src/protocol/rows';

/**
 * Tab-separated text for the clipboard, as spreadsheets paste it: a value containing a tab, newline or quote is
 * wrapped in double quotes with inner quotes doubled; NULL becomes an empty field.
 */
export function toTsv(rows: readonly (readonly Cell[])[], header?: readonly string[]): string {
  const lines = header ? [header.map(tsvField).join('\t')] : [];
  for (const row of rows) lines.push(row.map(tsvField).join('\t'));
  return lines.join('\n');
}

function tsvField(value: Cell | string): string {
  if (value === null) return '';
  return /[\t\n\r"]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
