/**
 * Turns SuiteQL rows (NetSuite's string-valued items) into the grid payload and a plain-text fallback. Pure, so the
 * formatting a user sees is unit-tested without VS Code.
 */
import type { Cell, RowsColumn, RowsPayload } from '../../protocol/rows';
import { namedInRunError } from '../../suiteql/runErrors';
import { isNumberText } from './numberText';

export type SuiteQLItem = Record<string, unknown>;

/**
 * Columns in first-seen order across all rows: NetSuite omits NULL columns per row, so one row's keys are not the
 * result's columns. `links` is NetSuite's per-item HATEOAS noise, not data.
 */
export function collectColumns(items: readonly SuiteQLItem[], known: readonly string[] = []): string[] {
  const seen = new Set<string>(known);
  const names = [...known];
  for (const item of items) {
    for (const key of Object.keys(item)) {
      if (key === 'links' || seen.has(key)) continue;
      seen.add(key);
      names.push(key);
    }
  }
  return names;
}

const datePattern = /^(\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{2,4})([ T].*)?$/;

/**
 * Counts a column's values by kind as they stream past (an export sees 100,000 rows once and keeps none), then says
 * the column's type: one kind for every non-empty value, else string.
 */
export class ColumnTypeTally {
  private nonNull = 0;
  private numbers = 0;
  private dates = 0;
  private booleans = 0;

  add(value: Cell | undefined): void {
    if (value === null || value === undefined || value === '') return;
    this.nonNull++;
    if (isNumberText(value)) this.numbers++;
    else if (datePattern.test(value)) this.dates++;
    else if (value === 'T' || value === 'F') this.booleans++;
  }

  type(): RowsColumn['type'] {
    if (this.nonNull === 0) return 'string';
    if (this.numbers === this.nonNull) return 'number';
    if (this.dates === this.nonNull) return 'date';
    if (this.booleans === this.nonNull) return 'boolean';
    return 'string';
  }
}

/** Guesses a column's type from its values (NetSuite sends every value as a string). */
export function inferColumnType(values: readonly Cell[]): RowsColumn['type'] {
  const tally = new ColumnTypeTally();
  for (const value of values) tally.add(value);
  return tally.type();
}

export function toCells(items: readonly SuiteQLItem[], columns: readonly string[]): Cell[][] {
  return items.map((item) =>
    columns.map((name) => {
      const value = item[name];
      return value === undefined || value === null ? null : String(value);
    }),
  );
}

export interface RowsPayloadInput {
  queryId: string;
  items: readonly SuiteQLItem[];
  totalResults: number;
  elapsedMs: number;
  truncatedAt?: number;
  account: RowsPayload['account'];
  /** Record type whose internal ids the `id` column holds (single-table queries), for "open record" links. */
  idRecordType?: string;
  /**
   * The columns the query's SELECT list names (`resultColumnsOf`), first: a column NULL in every row is in no row
   * object NetSuite sends, and would otherwise vanish from the grid.
   */
  selectedColumns?: readonly string[];
}

export function toRowsPayload(input: RowsPayloadInput): RowsPayload {
  const names = collectColumns(input.items, input.selectedColumns ?? []);
  const rows = toCells(input.items, names);
  const columns: RowsColumn[] = names.map((name, index) => {
    const column: RowsColumn = { name, type: inferColumnType(rows.map((row) => row[index])) };
    if (name === 'id' && input.idRecordType) column.recordType = input.idRecordType;
    return column;
  });
  const payload: RowsPayload = {
    kind: 'rows',
    queryId: input.queryId,
    columns,
    rows,
    totalResults: input.totalResults,
    elapsedMs: input.elapsedMs,
    account: input.account,
  };
  if (input.truncatedAt !== undefined) payload.truncatedAt = input.truncatedAt;
  return payload;
}

/** A fixed-width text table for places that cannot run the grid (other editors, saved outputs, screen readers). */
export function toPlainText(payload: RowsPayload, maxRows = 50): string {
  const names = payload.columns.map((c) => c.name);
  const shown = payload.rows.slice(0, maxRows).map((row) => row.map((cell) => (cell === null ? '' : cell.replace(/[\r\n\t]+/g, ' '))));
  const widths = names.map((name, i) => Math.min(40, Math.max(name.length, ...shown.map((row) => row[i].length))));
  const fit = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));
  const lines = [names.map((n, i) => fit(n, widths[i])).join(' | '), widths.map((w) => '-'.repeat(w)).join('-+-')];
  for (const row of shown) lines.push(row.map((cell, i) => fit(cell, widths[i])).join(' | '));
  const loaded = payload.rows.length;
  const more = payload.totalResults > shown.length ? ` (showing ${shown.length} of ${payload.totalResults.toLocaleString('en-US')}; ${loaded.toLocaleString('en-US')} loaded)` : '';
  lines.push(`${payload.totalResults.toLocaleString('en-US')} rows · ${(payload.elapsedMs / 1000).toFixed(2)} s${more}`);
  return lines.join('\n');
}

/**
 * Aligns a later batch of rows with the columns the grid already has, adding any column first seen in this batch
 * (NetSuite omits NULL columns per row, so a column NULL throughout page 1 appears later).
 */
export function alignBatch(known: readonly RowsColumn[], items: readonly SuiteQLItem[]): { rows: Cell[][]; columns: RowsColumn[]; grew: boolean } {
  const names = collectColumns(items, known.map((c) => c.name));
  const rows = toCells(items, names);
  const columns = [...known];
  for (let index = known.length; index < names.length; index++) {
    columns.push({ name: names[index], type: inferColumnType(rows.map((row) => row[index])) });
  }
  return { rows, columns, grew: columns.length > known.length };
}

/**
 * Where in the query NetSuite's detail points, when it names an identifier (`Unknown identifier 'foo'`,
 * `Invalid search type: bar.`): the first whole-word occurrence, so the grid can underline it.
 */
export function failurePosition(query: string, detail: string): number | undefined {
  return namedInRunError(query, detail)?.start;
}
