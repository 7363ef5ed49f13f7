/**
 * What a chart shows, computed from the loaded rows without the chart library (pure and tested): the default
 * settings for a result (a date or text column on X, its numbers on Y), and the series. Bar, line, area and pie sum
 * Y per distinct X value (rows counted when no Y is chosen), dates in date order, numbers in numeric order, text in
 * first-seen order; a group-by splits the first Y into one series per group. Scatter plots every row as a point.
 */
import type { ChartSettings } from '../../src/protocol/chartSettings';
import type { Cell, RowsColumn } from '../../src/protocol/rows';

/** Series beyond this many groups (or pie slices) are summed into "Other", so a chart stays readable. */
export const maxGroups = 12;

export interface CategoryChartData {
  shape: 'category';
  categories: string[];
  series: { name: string; values: number[] }[];
  rowsUsed: number;
}

export interface PointChartData {
  shape: 'points';
  xIsDate: boolean;
  /** Points joined in X order (a line or area over a number or date X), not scattered. */
  joined?: boolean;
  series: { name: string; points: [number, number][] }[];
  rowsUsed: number;
}

export type ChartData = CategoryChartData | PointChartData;

/** The chart a result gets before anyone picks: the first date column (else text, else any) on X, numbers on Y. */
export function defaultChart(columns: readonly RowsColumn[]): ChartSettings | undefined {
  if (columns.length === 0) return undefined;
  const isId = (c: RowsColumn) => c.name === 'id' || c.recordType !== undefined;
  const x = columns.find((c) => c.type === 'date') ?? columns.find((c) => (c.type ?? 'string') === 'string' && !isId(c)) ?? columns[0];
  const y = columns.filter((c) => c !== x && c.type === 'number' && !isId(c)).slice(0, 3);
  return { kind: 'bar', x: x.name, y: y.map((c) => c.name) };
}

/** Settings that still fit the result's columns (a saved chart of an edited query may name columns that are gone). */
export function fittedChart(settings: ChartSettings | undefined, columns: readonly RowsColumn[]): ChartSettings | undefined {
  const names = new Set(columns.map((c) => c.name));
  if (!settings || !names.has(settings.x)) return defaultChart(columns);
  const y = settings.y.filter((name) => names.has(name));
  const fitted: ChartSettings = { kind: settings.kind, x: settings.x, y };
  if (settings.groupBy && names.has(settings.groupBy)) fitted.groupBy = settings.groupBy;
  return fitted;
}

/** A NetSuite date (`2026-11-21`, `11/21/2026`, with or without a time) as milliseconds, for ordering and scatter. */
export function dateValue(value: string): number {
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (iso) return Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]));
  const slashed = /^(\d{1,2})\/(\d{1,2})\/(\d{2,4})/.exec(value);
  if (slashed) {
    const year = Number(slashed[3]) < 100 ? 2000 + Number(slashed[3]) : Number(slashed[3]);
    return Date.UTC(year, Number(slashed[1]) - 1, Number(slashed[2]));
  }
  return Number.NaN;
}

/**
 * Sums per category in a Float64Array that grows by doubling: a plain array of doubles would box every sum on the
 * heap, and 100,000 rows would spend more time collecting that garbage than adding.
 */
class Sums {
  values = new Float64Array(64);
  add(at: number, value: number): void {
    if (at >= this.values.length) {
      const grown = new Float64Array(Math.max(at + 1, this.values.length * 2));
      grown.set(this.values);
      this.values = grown;
    }
    this.values[at] += value;
  }
}

/** dateValue per distinct text: a result has far fewer distinct dates than rows. */
function cachedDates(): (value: string) => number {
  const cache = new Map<string, number>();
  return (value) => {
    let date = cache.get(value);
    if (date === undefined) cache.set(value, (date = dateValue(value)));
    return date;
  };
}

function numberOf(value: Cell | undefined): number {
  return value === null || value === undefined || value === '' ? Number.NaN : Number(value);
}

export function chartData(settings: ChartSettings, columns: readonly RowsColumn[], rows: readonly (readonly Cell[])[]): ChartData {
  const index = (name: string | undefined) => (name === undefined ? -1 : columns.findIndex((c) => c.name === name));
  const x = index(settings.x);
  const ys = settings.y.map(index).filter((i) => i >= 0);
  const group = settings.kind === 'pie' ? -1 : index(settings.groupBy);
  const xType = columns[x]?.type;
  if (settings.kind === 'scatter') return points(rows, x, ys, group, xType === 'date', columns);
  const summed = categories(rows, x, ys, group, xType, columns, settings.kind === 'pie');
  if ((settings.kind === 'line' || settings.kind === 'area') && (xType === 'number' || xType === 'date')) return joined(summed, xType === 'date');
  return summed;
}

/**
 * A line or area over a number or date X is drawn on a value (or time) axis: the sums per X, in X order, as points.
 * A category axis with one label per distinct X would lay out 100,000 labels; a value axis lets the line be
 * down-sampled to the pixels there are.
 */
function joined(summed: CategoryChartData, xIsDate: boolean): PointChartData {
  const xs = summed.categories.map((value) => (xIsDate ? dateValue(value) : Number(value)));
  return {
    shape: 'points',
    xIsDate,
    joined: true,
    series: summed.series.map((s) => ({ name: s.name, points: xs.flatMap((x, i): [number, number][] => (Number.isNaN(x) ? [] : [[x, s.values[i]]])) })),
    rowsUsed: summed.rowsUsed,
  };
}

function categories(rows: readonly (readonly Cell[])[], x: number, ys: number[], group: number, xType: RowsColumn['type'], columns: readonly RowsColumn[], pie: boolean): CategoryChartData {
  const slot = new Map<string, number>();
  const names: string[] = [];
  // sums[series][category]; with a group-by, one series per group value of the first Y (or of the row count).
  const seriesNames = group >= 0 ? [] : ys.length > 0 ? ys.map((i) => columns[i].name) : ['rows'];
  const groupSlot = new Map<string, number>();
  const sums: Sums[] = seriesNames.map(() => new Sums());
  let used = 0;
  for (const row of rows) {
    const key = x >= 0 ? (row[x] ?? '(null)') : '';
    let at = slot.get(key);
    if (at === undefined) {
      at = names.length;
      slot.set(key, at);
      names.push(key);
    }
    used++;
    if (group >= 0) {
      const groupKey = row[group] ?? '(null)';
      let series = groupSlot.get(groupKey);
      if (series === undefined) {
        series = seriesNames.length;
        groupSlot.set(groupKey, series);
        seriesNames.push(groupKey);
        sums.push(new Sums());
      }
      const value = ys.length > 0 ? numberOf(row[ys[0]]) : 1;
      if (!Number.isNaN(value)) sums[series].add(at, value);
      continue;
    }
    if (ys.length === 0) sums[0].add(at, 1);
    for (let s = 0; s < ys.length; s++) {
      const value = numberOf(row[ys[s]]);
      if (!Number.isNaN(value)) sums[s].add(at, value);
    }
  }
  const order = names.map((_, i) => i);
  if (xType === 'date' || xType === 'number') {
    const keys = Float64Array.from(names, xType === 'date' ? dateValue : Number);
    order.sort((a, b) => keys[a] - keys[b]);
  }
  let series = seriesNames.map((name, s) => ({ name, values: order.map((i) => (i < sums[s].values.length ? sums[s].values[i] : 0)) }));
  let categoriesOut = order.map((i) => names[i]);
  if (series.length > maxGroups) series = [...series.slice(0, maxGroups - 1), sumOf('Other', series.slice(maxGroups - 1), categoriesOut.length)];
  if (pie && categoriesOut.length > maxGroups) {
    // Largest slices first, the rest as one "Other" slice.
    const values = series[0]?.values ?? [];
    const ranked = values.map((_, i) => i).sort((a, b) => values[b] - values[a]);
    const kept = ranked.slice(0, maxGroups - 1);
    const rest = ranked.slice(maxGroups - 1).reduce((total, i) => total + values[i], 0);
    categoriesOut = [...kept.map((i) => categoriesOut[i]), 'Other'];
    series = [{ name: series[0]?.name ?? 'rows', values: [...kept.map((i) => values[i]), rest] }];
  }
  return { shape: 'category', categories: categoriesOut, series, rowsUsed: used };
}

function sumOf(name: string, series: { values: number[] }[], length: number): { name: string; values: number[] } {
  const values = new Array<number>(length).fill(0);
  for (const one of series) for (let i = 0; i < length; i++) values[i] += one.values[i];
  return { name, values };
}

function points(rows: readonly (readonly Cell[])[], x: number, ys: number[], group: number, xIsDate: boolean, columns: readonly RowsColumn[]): PointChartData {
  const dateOf = cachedDates();
  const xOf = (row: readonly Cell[]) => (row[x] === null || row[x] === undefined ? Number.NaN : xIsDate ? dateOf(row[x]) : Number(row[x]));
  const series: { name: string; points: [number, number][] }[] = group >= 0 ? [] : ys.map((i) => ({ name: columns[i].name, points: [] }));
  const groupSlot = new Map<string, number>();
  let used = 0;
  for (const row of rows) {
    const px = xOf(row);
    if (Number.isNaN(px)) continue;
    if (group >= 0 && ys.length > 0) {
      const key = row[group] ?? '(null)';
      let at = groupSlot.get(key);
      if (at === undefined) {
        at = Math.min(series.length, maxGroups - 1);
        if (at === series.length) series.push({ name: at === maxGroups - 1 ? 'Other' : key, points: [] });
        groupSlot.set(key, at);
      }
      const py = numberOf(row[ys[0]]);
      if (!Number.isNaN(py)) {
        series[at].points.push([px, py]);
        used++;
      }
      continue;
    }
    let any = false;
    for (let s = 0; s < ys.length; s++) {
      const py = numberOf(row[ys[s]]);
      if (Number.isNaN(py)) continue;
      series[s].points.push([px, py]);
      any = true;
    }
    if (any) used++;
  }
  return { shape: 'points', xIsDate, series, rowsUsed: used };
}
