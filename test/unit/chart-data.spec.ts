/**
 * What the chart view shows for a result: sensible defaults, sums per X in date order, group-by series, pie's
 * "Other" slice, scatter points, and a saved chart surviving a `.snb` save and reopen.
 */
import { describe, expect, it } from 'vitest';
import { chartData, defaultChart, fittedChart, maxGroups, preparing } from '../../media/renderer/chartData';
import type { ChartSettings } from '../../src/protocol/chartSettings';
import type { RowsColumn } from '../../src/protocol/rows';
import { parseSnb, serializeSnb, snbFromNotebook, snbToNotebook } from '../../src/app/notebook/snbFormat';

const columns: RowsColumn[] = [
  { name: 'id', type: 'number', recordType: 'invoice' },
  { name: 'trandate', type: 'date' },
  { name: 'customer', type: 'string' },
  { name: 'amount', type: 'number' },
  { name: 'cost', type: 'number' },
];
const rows = [
  ['1', '2/3/2026', 'Acme', '100', '60'],
  ['2', '1/15/2026', 'Bolt', '50', null],
  ['3', '2/3/2026', 'Acme', '25.5', '10'],
  ['4', '12/30/2025', 'Core', null, '5'],
];

describe('chart data', () => {
  it('defaults to a bar chart of the numbers by the date column, ids left out', () => {
    expect(defaultChart(columns)).toEqual({ kind: 'bar', x: 'trandate', y: ['amount', 'cost'] });
    expect(defaultChart([{ name: 'id', type: 'number' }, { name: 'name' }])).toEqual({ kind: 'bar', x: 'name', y: [] });
  });

  it('sums each Y per X value, dates in date order, NULLs counted as nothing', () => {
    const data = chartData({ kind: 'bar', x: 'trandate', y: ['amount', 'cost'] }, columns, rows);
    expect(data).toEqual({
      shape: 'category',
      categories: ['12/30/2025', '1/15/2026', '2/3/2026'],
      series: [
        { name: 'amount', values: [0, 50, 125.5] },
        { name: 'cost', values: [5, 0, 70] },
      ],
      rowsUsed: 4,
    });
  });

  it('counts rows when no Y is chosen, and splits by a group-by column', () => {
    expect(chartData({ kind: 'line', x: 'customer', y: [] }, columns, rows)).toMatchObject({ categories: ['Acme', 'Bolt', 'Core'], series: [{ name: 'rows', values: [2, 1, 1] }] });
    const grouped = chartData({ kind: 'bar', x: 'trandate', y: ['amount'], groupBy: 'customer' }, columns, rows);
    expect(grouped).toMatchObject({ series: [{ name: 'Acme', values: [0, 0, 125.5] }, { name: 'Bolt', values: [0, 50, 0] }, { name: 'Core', values: [0, 0, 0] }] });
  });

  it('keeps a pie to the largest slices and one "Other"', () => {
    const many = Array.from({ length: 30 }, (_, i) => [String(i), '1/1/2026', `C${i}`, String(i + 1), null]);
    const data = chartData({ kind: 'pie', x: 'customer', y: ['amount'] }, columns, many);
    expect(data.shape === 'category' && data.categories).toHaveLength(maxGroups);
    expect(data.shape === 'category' && data.categories[0]).toBe('C29');
    expect(data.shape === 'category' && data.categories.at(-1)).toBe('Other');
    const total = data.series[0];
    expect('values' in total && total.values.reduce((a, b) => a + b, 0)).toBe((30 * 31) / 2);
  });

  it('plots scatter points per row, dates as time, rows without a Y left out', () => {
    const data = chartData({ kind: 'scatter', x: 'trandate', y: ['amount'] }, columns, rows);
    expect(data).toEqual({ shape: 'points', xIsDate: true, series: [{ name: 'amount', points: Float64Array.of(Date.UTC(2026, 1, 3), 100, Date.UTC(2026, 0, 15), 50, Date.UTC(2026, 1, 3), 25.5) }], rowsUsed: 3 });
  });

  it('fits saved settings to the columns a re-run returned', () => {
    expect(fittedChart({ kind: 'line', x: 'trandate', y: ['amount', 'gone'], groupBy: 'gone' }, columns)).toEqual({ kind: 'line', x: 'trandate', y: ['amount'] });
    expect(fittedChart({ kind: 'line', x: 'gone', y: ['amount'] }, columns)).toEqual(defaultChart(columns));
  });
});

describe('a chart kept in a .snb file', () => {
  it('reopens from the file and is written back, an invalid one kept as read', () => {
    const file = JSON.stringify({
      version: 1,
      cells: [
        { kind: 'code', language: 'suiteql', source: 'SELECT 1', chart: { kind: 'bar', x: 'month', y: ['sales'] } },
        { kind: 'code', language: 'suiteql', source: 'SELECT 2', chart: { kind: 'donut' } },
      ],
    });
    const notebook = snbToNotebook(parseSnb(file, 'a.snb'));
    expect(notebook.cells[0].metadata?.chart).toEqual({ kind: 'bar', x: 'month', y: ['sales'] });
    expect(notebook.cells[1].metadata?.chart).toBeUndefined();
    notebook.cells[0].metadata = { ...notebook.cells[0].metadata, chart: { kind: 'pie', x: 'month', y: ['sales'] } };
    const written = JSON.parse(serializeSnb(snbFromNotebook(notebook))) as { cells: { chart?: unknown }[] };
    expect(written.cells[0].chart).toEqual({ kind: 'pie', x: 'month', y: ['sales'] });
    expect(written.cells[1].chart).toEqual({ kind: 'donut' });
  });
});

describe('a line over a number or date X', () => {
  it('is drawn as points in X order on a value axis, sums per X', () => {
    const data = chartData({ kind: 'line', x: 'trandate', y: ['amount'] }, columns, rows);
    expect(data).toEqual({ shape: 'points', xIsDate: true, joined: true, series: [{ name: 'amount', points: Float64Array.of(Date.UTC(2025, 11, 30), 0, Date.UTC(2026, 0, 15), 50, Date.UTC(2026, 1, 3), 125.5) }], rowsUsed: 4 });
  });

  it('sums runs of equal X while the rows come in X order, and the same sums once the order breaks', () => {
    const numbers: RowsColumn[] = [
      { name: 'n', type: 'number' },
      { name: 'v', type: 'number' },
    ];
    const ordered = [
      ['1', '1'],
      ['1.0', '2'],
      ['2', '3'],
      ['5', '4'],
      ['5', '5'],
    ];
    const line: ChartSettings = { kind: 'line', x: 'n', y: ['v'] };
    expect(chartData(line, numbers, ordered)).toEqual({ shape: 'points', xIsDate: false, joined: true, series: [{ name: 'v', points: Float64Array.of(1, 3, 2, 3, 5, 9) }], rowsUsed: 5 });
    // An X before the last one, in a later slice than the ordered rows: earlier sums are kept and merged into.
    const broken = [...ordered, ['2', '10'], ['0', '1'], [null, '7'], ['x', '7'], ['5', null]];
    const steps = preparing(line, numbers, broken, 2);
    let step = steps.next();
    while (!step.done) step = steps.next();
    expect(step.value).toEqual({ shape: 'points', xIsDate: false, joined: true, series: [{ name: 'v', points: Float64Array.of(0, 1, 1, 3, 2, 13, 5, 9) }], rowsUsed: 10 });
  });
});
