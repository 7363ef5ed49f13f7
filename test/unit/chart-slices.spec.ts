/**
 * The chart's data prepared in slices (a task each, so 100,000 rows never block the renderer) is the data prepared
 * in one pass, for every kind; and what is handed to the chart library for drawing keeps sums exact, samples only
 * long lines and overlapping scatter points, and says so.
 */
import { describe, expect, it } from 'vitest';
import { chartData, chartDataInSlices, forDrawing, lttb, manyPoints, maxGroups, type PointChartData } from '../../media/renderer/chartData';
import type { ChartSettings } from '../../src/protocol/chartSettings';
import type { Cell, RowsColumn } from '../../src/protocol/rows';

const columns: RowsColumn[] = [
  { name: 'id', type: 'number' },
  { name: 'trandate', type: 'date' },
  { name: 'region', type: 'string' },
  { name: 'amount', type: 'number' },
  { name: 'cost', type: 'number' },
];
/** Interleaved points (x0, y0, x1, y1, …) as `[x, y]` pairs, to compare. */
const pairs = (points: Float64Array): [number, number][] => Array.from({ length: points.length / 2 }, (_, i) => [points[2 * i], points[2 * i + 1]]);

const regions = ['North', 'South', 'East', 'West', 'Central', null];
// Out of order, with NULLs, repeated X values, texts that are no number, and more groups than a chart shows.
const rows: Cell[][] = Array.from({ length: 997 }, (_, i) => [
  i % 50 === 7 ? 'n/a' : String((i * 7919) % 1000),
  i % 41 === 3 ? null : `${1 + (i % 12)}/${1 + (i % 28)}/${2024 + (i % 3)}`,
  i % 3 === 0 ? `R${i % 17}` : regions[i % 6],
  i % 13 === 0 ? null : `${(i * 37) % 1000}.25`,
  String((i * 11) % 300),
]);

const settings: ChartSettings[] = [
  { kind: 'bar', x: 'trandate', y: ['amount', 'cost'] },
  { kind: 'bar', x: 'trandate', y: ['amount'], groupBy: 'region' },
  { kind: 'bar', x: 'region', y: [] },
  { kind: 'pie', x: 'region', y: ['amount'] },
  { kind: 'line', x: 'id', y: ['amount', 'cost'] },
  { kind: 'area', x: 'trandate', y: ['cost'], groupBy: 'region' },
  { kind: 'scatter', x: 'id', y: ['amount', 'cost'] },
  { kind: 'scatter', x: 'trandate', y: ['amount'], groupBy: 'region' },
];

describe('chart data prepared in slices', () => {
  for (const chart of settings) {
    it(`is the one-pass data for ${JSON.stringify(chart)}`, async () => {
      let pauses = 0;
      const sliced = await chartDataInSlices(chart, columns, rows, () => Promise.resolve(void pauses++), () => false, 0, 7);
      expect(sliced).toEqual(chartData(chart, columns, rows));
      expect(pauses).toBeGreaterThan(100);
    });
  }

  it('stops when a newer draw replaced it', async () => {
    let pauses = 0;
    const sliced = await chartDataInSlices(settings[0], columns, rows, () => Promise.resolve(void pauses++), () => pauses >= 3, 0, 7);
    expect(sliced).toBeUndefined();
    expect(pauses).toBe(3);
  });

  it('puts X values that are no number after every number, and sums a line per distinct X', () => {
    const data = chartData({ kind: 'line', x: 'id', y: [] }, columns, [['3'], ['n/a'], ['1'], ['3'], ['2']]) as PointChartData;
    expect(pairs(data.series[0].points)).toEqual([[1, 1], [2, 1], [3, 2]]);
    expect(data.rowsUsed).toBe(5);
    const bars = chartData({ kind: 'bar', x: 'id', y: [] }, columns, [['3'], ['n/a'], ['1'], ['3'], ['2']]);
    expect(bars.shape === 'category' && bars.categories).toEqual(['1', '2', '3', 'n/a']);
  });

  it('keeps a line to the first groups and one "Other" series', () => {
    const data = chartData({ kind: 'line', x: 'id', y: ['amount'], groupBy: 'region' }, columns, rows) as PointChartData;
    expect(data.series).toHaveLength(maxGroups);
    expect(data.series.at(-1)?.name).toBe('Other');
  });
});

describe('what a chart draws', () => {
  const many = Array.from({ length: 100_000 }, (_, i): Cell[] => [String(i + 1), null, null, String((i * 37) % 10000), String(Math.sin(i / 500) * 100)]);

  it('leaves bars, small lines and small scatters as they are', () => {
    for (const chart of settings) {
      const data = chartData(chart, columns, rows);
      expect(forDrawing(data, 1000, 320)).toEqual({ data, note: '' });
    }
  });

  it('samples a line over 100,000 X values to twice the width, first and last points kept', () => {
    const data = chartData({ kind: 'line', x: 'id', y: ['cost'] }, columns, many) as PointChartData;
    const drawing = forDrawing(data, 1000, 320);
    const drawn = pairs((drawing.data as PointChartData).series[0].points);
    const all = pairs(data.series[0].points);
    expect(drawn).toHaveLength(2000);
    expect(drawn[0]).toEqual(all[0]);
    expect(drawn.at(-1)).toEqual(all.at(-1));
    expect(drawing.data.rowsUsed).toBe(100_000);
    expect(drawing.note).toBe("line drawn through 2,000 of 100,000 points (sampled to the chart's width; sums are exact)");
    // Peaks survive: the sine's extremes are among the kept points.
    const ys = drawn.map((p) => p[1]);
    expect(Math.max(...ys)).toBeGreaterThan(99.9);
    expect(Math.min(...ys)).toBeLessThan(-99.9);
  });

  it('picks from each bucket the point making the largest triangle (LTTB)', () => {
    const points = Float64Array.of(0, 0, 1, 0, 2, 5, 3, 0, 4, 0, 5, -4, 6, 0, 7, 0);
    expect(pairs(lttb(points, 4))).toEqual([[0, 0], [2, 5], [5, -4], [7, 0]]);
    expect(lttb(points, 20)).toEqual(points);
  });

  it('draws a scatter with one point per 2-pixel square and series, every drawn point a real one', () => {
    const data = chartData({ kind: 'scatter', x: 'id', y: ['amount'] }, columns, many) as PointChartData;
    const drawing = forDrawing(data, 1000, 320);
    const drawn = pairs((drawing.data as PointChartData).series[0].points);
    expect(drawn.length).toBeLessThanOrEqual(500 * 160);
    expect(drawn.length).toBeGreaterThan(manyPoints);
    const all = new Set(pairs(data.series[0].points).map((p) => p.join()));
    expect(drawn.every((p) => all.has(p.join()))).toBe(true);
    expect(drawing.note).toBe(`${drawn.length.toLocaleString('en-US')} of 100,000 points drawn (the others fall on a drawn one)`);
    expect(drawing.data.rowsUsed).toBe(100_000);
  });
});
