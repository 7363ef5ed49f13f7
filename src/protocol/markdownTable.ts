/**
 * Markdown (GFM) table lines for query rows, shared by the grid's "Copy as Markdown" and the Markdown export: pipes,
 * backslashes and line breaks in a value are escaped, so no value can end its cell or its row early.
 */
export function markdownCell(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return value.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n|\r/g, '<br>');
}

export function markdownRow(values: readonly (string | null | undefined)[]): string {
  return `| ${values.map(markdownCell).join(' | ')} |`;
}

/** The header row and its `---` separator. */
export function markdownHeader(names: readonly string[]): string {
  return `${markdownRow(names)}\n| ${names.map(() => '---').join(' | ')} |`;
}
