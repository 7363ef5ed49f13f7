// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { autoColumnWidth, estimatedMeasure, maxAutoWidth, sortGlyphWidth } from '../../media/renderer/columnWidths';
import { ResultsGrid } from '../../media/renderer/grid';
import { columnFormatters, numberDisplayFor, numberFormatter } from '../../media/renderer/numberFormat';
import { sortedOrder } from '../../media/renderer/sorting';
import type { RowsPayload } from '../../src/protocol/rows';

const balances: RowsPayload = {
  kind: 'rows',
  queryId: 'q1',
  columns: [
    { name: 'id', type: 'number', recordType: 'customer' },
    { name: 'entity', type: 'number' },
    { name: 'balancesearch', type: 'number' },
    { name: 'exchangerate', type: 'number' },
    { name: 'quantity', type: 'number' },
  ],
  rows: [
    ['126861', '126861', '126861.9', '1.23456', '12000'],
    ['7', '8', '-5', '1', '3'],
    ['8', '9', null, '0.5', '1000000'],
  ],
  totalResults: 3,
  elapsedMs: 12,
  account: { id: 'TSTDRV1', environment: 'sandbox' },
};

function cellTexts(host: HTMLElement, column: number): string[] {
  return [0, 1, 2].map((position) => host.querySelector(`.sl-grid-row[data-position="${position}"] .sl-grid-cell[data-column="${column}"]`)?.textContent ?? '');
}

describe('number display', () => {
  it('shows amounts to two decimals with thousands separators in the reader’s locale', () => {
    const money = numberDisplayFor({ name: 'balancesearch', type: 'number' }, ['126861.9', '5'])!;
    expect(numberFormatter('en-US', money)('126861.9')).toBe('126,861.90');
    expect(numberFormatter('de-DE', money)('126861.9')).toBe('126.861,90');
    expect(numberFormatter('en-US', money)('-5')).toBe('-5.00');
    // Decimal strings are formatted exactly: 17 significant digits keep their cents.
    expect(numberFormatter('en-US', money)('12345678901234567.89')).toBe('12,345,678,901,234,567.89');
  });

  it('keeps ids, references and codes as NetSuite sent them, and lines up the decimals of other fractions', () => {
    expect(numberDisplayFor({ name: 'id', type: 'number', recordType: 'customer' }, ['126861'])).toBeUndefined();
    expect(numberDisplayFor({ name: 'entity', type: 'number' }, ['126861'])).toBeUndefined();
    expect(numberDisplayFor({ name: 'tranid', type: 'number' }, ['1001'])).toBeUndefined();
    expect(numberDisplayFor({ name: 'companyname' }, ['1.5'])).toBeUndefined();
    expect(numberDisplayFor({ name: 'amountpaid', type: 'number' }, ['10'])).toEqual({ grouping: true, fractionDigits: 2 });
    expect(numberDisplayFor({ name: 'exchangerate', type: 'number' }, ['1.23456', '1'])).toEqual({ grouping: true, fractionDigits: 5 });
    expect(numberDisplayFor({ name: 'rate', type: 'number' }, ['1.5', '.25'])).toEqual({ grouping: true, fractionDigits: 2 });
    expect(numberDisplayFor({ name: 'quantity', type: 'number' }, ['12000'])).toEqual({ grouping: true, fractionDigits: 0 });
  });

  it('leaves a value that is not a number as it is', () => {
    const [, , balance] = columnFormatters('en-US', balances.columns, balances.rows);
    expect(balance!('n/a')).toBe('n/a');
    expect(balance!('')).toBe('');
  });
});

describe('the grid with number formatting', () => {
  it('shows formatted, right-aligned numbers but copies the raw values, and sorts amounts by value', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const grid = new ResultsGrid(host, balances, undefined);
    expect(cellTexts(host, 0)).toEqual(['126861', '7', '8']);
    expect(cellTexts(host, 1)).toEqual(['126861', '8', '9']);
    expect(cellTexts(host, 2)).toEqual(['126,861.90', '-5.00', 'null']);
    expect(cellTexts(host, 3)).toEqual(['1.23456', '1.00000', '0.50000']);
    expect(cellTexts(host, 4)).toEqual(['12,000', '3', '1,000,000']);
    expect(host.querySelector('.sl-grid-row .sl-grid-cell[data-column="2"]')!.classList.contains('sl-number')).toBe(true);
    expect(grid.selectionText().split('\n')[1]).toBe('126861\t126861\t126861.9\t1.23456\t12000');
    expect(grid.selectionAs('json')).toContain('"balancesearch": "126861.9"');
    host.querySelector<HTMLElement>('.sl-grid-header-cell[data-column="2"]')!.click();
    expect(cellTexts(host, 2)).toEqual(['-5.00', '126,861.90', 'null']);
    grid.dispose();
  });

  it('gives the sort glyph its own place in the header, beside a label that truncates', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const grid = new ResultsGrid(host, balances, undefined);
    const header = host.querySelector<HTMLElement>('.sl-grid-header-cell[data-column="2"]')!;
    expect(header.querySelector('.sl-grid-header-label')!.textContent).toBe('balancesearch');
    expect(header.querySelector('.sl-grid-sort-glyph')).not.toBeNull();
    header.click();
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    grid.dispose();
  });
});

describe('column widths', () => {
  it('fits the header with room for the sort glyph, and the widest displayed value', () => {
    const header = autoColumnWidth('balancesearch', ['126,861.90', '-5.00'], estimatedMeasure);
    expect(header).toBeGreaterThanOrEqual(estimatedMeasure.header('balancesearch') + sortGlyphWidth + 12);
    const value = autoColumnWidth('id', ['126861', '1234567890123'], estimatedMeasure);
    expect(value).toBeGreaterThanOrEqual(estimatedMeasure.cell('1234567890123') + 12);
    expect(autoColumnWidth('memo', ['x'.repeat(500)], estimatedMeasure)).toBe(maxAutoWidth);
  });
});

describe('numeric sorting', () => {
  it('sorts numbers in a text column by value (signs and decimals too), before the text, NULLs last', () => {
    const rows = [['10.5'], ['N/A'], ['-5'], [null], ['10.25'], ['-10'], ['2']];
    expect(sortedOrder(rows, 0, { name: 'mixed' }, 'asc')).toEqual([5, 2, 6, 4, 0, 1, 3]);
    expect(sortedOrder(rows, 0, { name: 'mixed' }, 'desc')).toEqual([1, 0, 4, 6, 2, 5, 3]);
  });
});
