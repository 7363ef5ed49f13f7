/**
 * What a chart shows, computed from the loaded rows without the chart library (pure and tested): the default
 * settings for a result (a date or text column on X, its numbers on Y), and the series. Bar, line, area and pie sum
 * Y per distinct X value (rows counted when no Y is chosen), dates in date order, numbers in numeric order, text in
 * first-seen order; a group-by splits the first Y into one series per group. Scatter plots every row as a point.
 * The same computation runs in slices (`chartDataInSlices`) so the renderer stays responsive over 100,000 rows, and
 * `forDrawing` thins what the chart library is handed (long lines, overlapping points) without touching a sum.
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
  series: PointSeries[];
  rowsUsed: number;
}

/**
 * A series' points as one Float64Array, x and y interleaved (x0, y0, x1, y1, …): 100,000 `[x, y]` arrays were
 * 100,000 small objects for the garbage collector to scavenge (pauses of 15-55 ms), and ECharts reads this array
 * as it is. Float64, so dates in milliseconds keep every digit.
 */
export interface PointSeries {
  name: string;
  points: Float64Array;
}

/** How many points an interleaved array holds. */
export function pointCount(points: Float64Array): number {
  return points.length >> 1;
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

/** Points appended to a Float64Array that grows by doubling, x and y interleaved. */
class PointBuffer {
  private values = new Float64Array(256);
  private length = 0;
  push(x: number, y: number): void {
    if (this.length + 2 > this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = x;
    this.values[this.length++] = y;
  }
  /** The points pushed, in an array of their own length. */
  points(): Float64Array {
    return this.values.slice(0, this.length);
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

/** How many rows one slice of a prepared-in-slices chart covers: a few milliseconds of work on a slow machine. */
export const sliceRows = 2000;

/**
 * The chart's data, computed in slices: the generator yields after each `slice` rows (and after each long step of
 * the finish), so a caller can give the event loop back between slices. Drained without pauses it is `chartData`.
 */
export function* preparing(settings: ChartSettings, columns: readonly RowsColumn[], rows: readonly (readonly Cell[])[], slice = sliceRows): Generator<void, ChartData> {
  const index = (name: string | undefined) => (name === undefined ? -1 : columns.findIndex((c) => c.name === name));
  const x = index(settings.x);
  const ys = settings.y.map(index).filter((i) => i >= 0);
  const group = settings.kind === 'pie' ? -1 : index(settings.groupBy);
  const xType = columns[x]?.type;
  const accumulator =
    settings.kind === 'scatter'
      ? new PointsAccumulator(x, ys, group, xType === 'date', columns)
      : (settings.kind === 'line' || settings.kind === 'area') && (xType === 'number' || xType === 'date')
        ? new JoinedAccumulator(x, ys, group, xType === 'date', columns)
        : new CategoryAccumulator(x, ys, group, xType, columns, settings.kind === 'pie');
  for (let from = 0; from < rows.length; from += slice) {
    accumulator.add(rows, from, Math.min(rows.length, from + slice));
    if (from + slice < rows.length) yield;
  }
  return yield* accumulator.finish();
}

/** All of a chart's data in one go (what `preparing` yields in slices). */
export function chartData(settings: ChartSettings, columns: readonly RowsColumn[], rows: readonly (readonly Cell[])[]): ChartData {
  const steps = preparing(settings, columns, rows, Math.max(rows.length, 1));
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The chart's data, prepared in slices, with `pause()` awaited once `budgetMs` of work has gone by since the last
 * one (a new task each, so no long task blocks the page), or undefined when `cancelled()` turns true meanwhile (a
 * newer draw replaced this one).
 */
export async function chartDataInSlices(
  settings: ChartSettings,
  columns: readonly RowsColumn[],
  rows: readonly (readonly Cell[])[],
  pause: () => Promise<void>,
  cancelled: () => boolean = () => false,
  budgetMs = 8,
  slice = sliceRows,
): Promise<ChartData | undefined> {
  const steps = preparing(settings, columns, rows, slice);
  let since = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - since < budgetMs) continue;
    await pause();
    if (cancelled()) return undefined;
    since = performance.now();
  }
}

interface Accumulator {
  add(rows: readonly (readonly Cell[])[], from: number, to: number): void;
  finish(): Generator<void, ChartData>;
}

/** The series of a group value: its slot, or `count` (a new series) for a value not seen before. */
function seriesSlot(groupSlot: Map<string, number>, key: string, count: number): number {
  let at = groupSlot.get(key);
  if (at === undefined) {
    at = count;
    groupSlot.set(key, at);
  }
  return at;
}

/**
 * The sums of a chart's series per X slot: sums[series][slot]. Without a group-by, a series per Y column (or one
 * counting rows when there is no Y); with one, a series per group value of the first Y (or of the row count).
 */
class SeriesSums {
  readonly names: string[];
  readonly sums: Sums[];
  private readonly groupSlot = new Map<string, number>();

  constructor(
    private readonly ys: number[],
    private readonly group: number,
    columns: readonly RowsColumn[],
  ) {
    this.names = group >= 0 ? [] : ys.length > 0 ? ys.map((i) => columns[i].name) : ['rows'];
    this.sums = this.names.map(() => new Sums());
  }

  /** Adds `row`'s values at X slot `at`; values that are no number are left out. */
  add(row: readonly Cell[], at: number): void {
    const { ys, group, names, sums } = this;
    if (group >= 0) {
      const groupKey = row[group] ?? '(null)';
      const series = seriesSlot(this.groupSlot, groupKey, names.length);
      if (series === names.length) {
        names.push(groupKey);
        sums.push(new Sums());
      }
      const value = ys.length > 0 ? numberOf(row[ys[0]]) : 1;
      if (!Number.isNaN(value)) sums[series].add(at, value);
      return;
    }
    if (ys.length === 0) sums[0].add(at, 1);
    for (let s = 0; s < ys.length; s++) {
      const value = numberOf(row[ys[s]]);
      if (!Number.isNaN(value)) sums[s].add(at, value);
    }
  }
}

/** Bar, line, area and pie over any X: sums per distinct X text, in date, number or first-seen order. */
class CategoryAccumulator implements Accumulator {
  private readonly slot = new Map<string, number>();
  private readonly names: string[] = [];
  private readonly series: SeriesSums;
  private used = 0;

  constructor(
    private readonly x: number,
    ys: number[],
    group: number,
    private readonly xType: RowsColumn['type'],
    columns: readonly RowsColumn[],
    private readonly pie: boolean,
  ) {
    this.series = new SeriesSums(ys, group, columns);
  }

  add(rows: readonly (readonly Cell[])[], from: number, to: number): void {
    const { x, slot, names } = this;
    for (let r = from; r < to; r++) {
      const row = rows[r];
      const key = x >= 0 ? (row[x] ?? '(null)') : '';
      let at = slot.get(key);
      if (at === undefined) {
        at = names.length;
        slot.set(key, at);
        names.push(key);
      }
      this.used++;
      this.series.add(row, at);
    }
  }

  *finish(): Generator<void, ChartData> {
    const { names, xType } = this;
    const { sums, names: seriesNames } = this.series;
    let order: ArrayLike<number> = names.map((_, i) => i);
    if (xType === 'date' || xType === 'number') {
      order = orderOf(Float64Array.from(names, xType === 'date' ? dateValue : Number));
      yield;
    }
    const at = (values: Float64Array, i: number) => (i < values.length ? values[i] : 0);
    let series = seriesNames.map((name, s) => ({ name, values: Array.from(order, (i) => at(sums[s].values, i)) }));
    let categoriesOut = Array.from(order, (i) => names[i]);
    if (series.length > maxGroups) series = [...series.slice(0, maxGroups - 1), sumOf('Other', series.slice(maxGroups - 1), categoriesOut.length)];
    if (this.pie && categoriesOut.length > maxGroups) {
      // Largest slices first, the rest as one "Other" slice.
      const values = series[0]?.values ?? [];
      const ranked = values.map((_, i) => i).sort((a, b) => values[b] - values[a]);
      const kept = ranked.slice(0, maxGroups - 1);
      const rest = ranked.slice(maxGroups - 1).reduce((total, i) => total + values[i], 0);
      categoriesOut = [...kept.map((i) => categoriesOut[i]), 'Other'];
      series = [{ name: series[0]?.name ?? 'rows', values: [...kept.map((i) => values[i]), rest] }];
    }
    return { shape: 'category', categories: categoriesOut, series, rowsUsed: this.used };
  }
}

/** Ascending, NaN (a text that is no number or date) after every number. */
function compareKeys(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) ? (Number.isNaN(b) ? 0 : 1) : -1;
  return a - b;
}

/**
 * The indices of `keys` in ascending key order, ties in first-seen order. Rows charted by a number or date usually
 * come ordered by it, so an ordered run costs one check, not a sort.
 */
function orderOf(keys: Float64Array): Uint32Array {
  const order = new Uint32Array(keys.length);
  let sorted = true;
  for (let i = 0; i < keys.length; i++) {
    order[i] = i;
    if (i > 0 && sorted && compareKeys(keys[i - 1], keys[i]) > 0) sorted = false;
  }
  return sorted ? order : order.sort((a, b) => compareKeys(keys[a], keys[b]) || a - b);
}

/**
 * A line or area over a number or date X is drawn on a value (or time) axis: the sums per X, in X order, as points.
 * A category axis with one label per distinct X would lay out 100,000 labels; a value axis lets the line be
 * down-sampled to the pixels there are. Sums are kept per distinct X value (rows whose X is no number are counted
 * as used, as a bar chart counts them, but have no point). Rows usually come in X order: while they do, a row's X
 * is the last one seen or a new one after it, and no map is needed. A map of 100,000s of X values, and their
 * texts, cost a garbage collection of 30-40 ms in the middle of a 100,000-row line chart.
 */
class JoinedAccumulator implements Accumulator {
  private readonly xOf: (value: string) => number;
  private xs: Float64Array = new Float64Array(256);
  private count = 0;
  /** X value → its slot, made only once a row's X comes before the last one. */
  private slot: Map<number, number> | undefined;
  private readonly series: SeriesSums;
  private used = 0;

  constructor(
    private readonly x: number,
    ys: number[],
    group: number,
    private readonly xIsDate: boolean,
    columns: readonly RowsColumn[],
  ) {
    this.xOf = xIsDate ? cachedDates() : numberOf;
    this.series = new SeriesSums(ys, group, columns);
  }

  add(rows: readonly (readonly Cell[])[], from: number, to: number): void {
    const { x } = this;
    for (let r = from; r < to; r++) {
      const row = rows[r];
      this.used++;
      const cell = row[x];
      const px = cell === null || cell === undefined ? Number.NaN : this.xOf(cell);
      if (Number.isNaN(px)) continue;
      const at = this.slotOf(px);
      this.series.add(row, at);
    }
  }

  /** The slot of X value `px`: the last one, or a new one after it, while X ascends; else through the map. */
  private slotOf(px: number): number {
    const last = this.count - 1;
    if (!this.slot) {
      if (last >= 0 && this.xs[last] === px) return last;
      if (last < 0 || this.xs[last] < px) return this.append(px);
      this.slot = new Map();
      for (let i = 0; i < this.count; i++) this.slot.set(this.xs[i], i);
    }
    let at = this.slot.get(px);
    if (at === undefined) {
      at = this.append(px);
      this.slot.set(px, at);
    }
    return at;
  }

  private append(px: number): number {
    if (this.count === this.xs.length) this.xs = grownTo(this.xs, this.xs.length * 2);
    this.xs[this.count] = px;
    return this.count++;
  }

  *finish(): Generator<void, ChartData> {
    const length = this.count;
    const xs = this.xs.subarray(0, length);
    // In X order already unless the map was needed.
    const order = this.slot ? orderOf(xs) : undefined;
    if (order) yield;
    const summed = seriesSums(this.series.names, this.series.sums, length);
    const series = summed.map((one) => ({ name: one.name, points: new Float64Array(2 * length) }));
    yield* inSlices(length, (from, to) => {
      for (let s = 0; s < series.length; s++) {
        const points = series[s].points;
        const sums = summed[s].sums;
        for (let k = from; k < to; k++) {
          const i = order ? order[k] : k;
          points[2 * k] = xs[i];
          points[2 * k + 1] = sums[i];
        }
      }
    });
    return { shape: 'points', xIsDate: this.xIsDate, joined: true, series, rowsUsed: this.used };
  }
}

/** Each series' sums per X, `length` long (series past `maxGroups` - 1 summed into "Other"). */
function seriesSums(names: readonly string[], sums: readonly Sums[], length: number): { name: string; sums: Float64Array }[] {
  const full = (values: Float64Array) => (values.length === length ? values : values.length > length ? values.subarray(0, length) : grownTo(values, length));
  const series = names.map((name, s) => ({ name, sums: full(sums[s].values) }));
  if (series.length > maxGroups) {
    const other = new Float64Array(length);
    for (const one of series.slice(maxGroups - 1)) for (let i = 0; i < length; i++) other[i] += one.sums[i];
    series.splice(maxGroups - 1, series.length, { name: 'Other', sums: other });
  }
  return series;
}

/** Runs `step` over 0..length in slices of `slice`, yielding between them. */
function* inSlices(length: number, step: (from: number, to: number) => void, slice = sliceRows * 5): Generator<void, void> {
  for (let from = 0; from < length; from += slice) {
    step(from, Math.min(length, from + slice));
    if (from + slice < length) yield;
  }
}

function grownTo(values: Float64Array, length: number): Float64Array {
  const grown = new Float64Array(length);
  grown.set(values);
  return grown;
}

function sumOf(name: string, series: { values: number[] }[], length: number): { name: string; values: number[] } {
  const values = new Array<number>(length).fill(0);
  for (const one of series) for (let i = 0; i < length; i++) values[i] += one.values[i];
  return { name, values };
}

/** Scatter: every row with a number (or date) X and a Y is a point. */
class PointsAccumulator implements Accumulator {
  private readonly dateOf = cachedDates();
  private readonly series: { name: string; points: PointBuffer }[];
  private readonly groupSlot = new Map<string, number>();
  private used = 0;

  constructor(
    private readonly x: number,
    private readonly ys: number[],
    private readonly group: number,
    private readonly xIsDate: boolean,
    columns: readonly RowsColumn[],
  ) {
    this.series = group >= 0 ? [] : ys.map((i) => ({ name: columns[i].name, points: new PointBuffer() }));
  }

  add(rows: readonly (readonly Cell[])[], from: number, to: number): void {
    const { x, ys, group, series, xIsDate, dateOf } = this;
    for (let r = from; r < to; r++) {
      const row = rows[r];
      const cell = row[x];
      const px = cell === null || cell === undefined ? Number.NaN : xIsDate ? dateOf(cell) : Number(cell);
      if (Number.isNaN(px)) continue;
      if (group >= 0 && ys.length > 0) {
        const key = row[group] ?? '(null)';
        let at = this.groupSlot.get(key);
        if (at === undefined) {
          at = Math.min(series.length, maxGroups - 1);
          if (at === series.length) series.push({ name: at === maxGroups - 1 ? 'Other' : key, points: new PointBuffer() });
          this.groupSlot.set(key, at);
        }
        const py = numberOf(row[ys[0]]);
        if (!Number.isNaN(py)) {
          series[at].points.push(px, py);
          this.used++;
        }
        continue;
      }
      let any = false;
      for (let s = 0; s < ys.length; s++) {
        const py = numberOf(row[ys[s]]);
        if (Number.isNaN(py)) continue;
        series[s].points.push(px, py);
        any = true;
      }
      if (any) this.used++;
    }
  }

  // eslint-disable-next-line require-yield -- nothing left to do in slices once every row is in
  *finish(): Generator<void, ChartData> {
    const series = this.series.map((s) => ({ name: s.name, points: s.points.points() }));
    return { shape: 'points', xIsDate: this.xIsDate, series, rowsUsed: this.used };
  }
}

/** What is handed to the chart library: the data as drawn, and a note for the caption when that is not every point. */
export interface DrawingData {
  data: ChartData;
  /** Says how the drawing was thinned (empty when every point is drawn). */
  note: string;
}

/**
 * The points a chart of `width` × `height` pixels can show. Sums and groups are untouched (bars and slices are
 * exact); a line over more X values than twice the width is down-sampled with LTTB (largest triangle three
 * buckets, which keeps peaks and dips); a scatter keeps one point per `cell` × `cell` pixel square per series (the
 * others would be drawn under it). Handing the chart library 100,000s of points would only cost time.
 */
export function forDrawing(data: ChartData, width: number, height: number, cell = 2): DrawingData {
  if (data.shape === 'category') return { data, note: '' };
  const total = data.series.reduce((sum, s) => sum + pointCount(s.points), 0);
  if (data.joined) {
    const threshold = Math.max(200, Math.round(2 * width));
    if (data.series.every((s) => pointCount(s.points) <= threshold)) return { data, note: '' };
    const series = data.series.map((s) => ({ name: s.name, points: lttb(s.points, threshold) }));
    const drawn = series.reduce((sum, s) => sum + pointCount(s.points), 0);
    return { data: { ...data, series }, note: `line drawn through ${count(drawn)} of ${count(total)} points (sampled to the chart's width; sums are exact)` };
  }
  if (total <= manyPoints) return { data, note: '' };
  const series = thinned(data.series, Math.max(1, Math.ceil(width / cell)), Math.max(1, Math.ceil(height / cell)));
  const drawn = series.reduce((sum, s) => sum + pointCount(s.points), 0);
  if (drawn === total) return { data, note: '' };
  return { data: { ...data, series }, note: `${count(drawn)} of ${count(total)} points drawn (the others fall on a drawn one)` };
}

/** A scatter with fewer points than this is drawn as it is. */
export const manyPoints = 5000;

function count(value: number): string {
  return value.toLocaleString('en-US');
}

/**
 * Largest triangle three buckets (Steinarsson 2013): the first and last points, and from each of `threshold` - 2
 * buckets between them the point making the largest triangle with the point kept before and the next bucket's mean.
 * Points interleaved, in and out.
 */
export function lttb(points: Float64Array, threshold: number): Float64Array {
  const length = pointCount(points);
  if (threshold >= length || threshold < 3) return points.slice();
  const kept = new Float64Array(2 * threshold);
  const keep = (at: number, i: number) => {
    kept[2 * at] = points[2 * i];
    kept[2 * at + 1] = points[2 * i + 1];
  };
  keep(0, 0);
  const size = (length - 2) / (threshold - 2);
  let previous = 0;
  for (let bucket = 0; bucket < threshold - 2; bucket++) {
    const from = Math.floor(bucket * size) + 1;
    const to = Math.floor((bucket + 1) * size) + 1;
    const nextTo = Math.min(length, Math.floor((bucket + 2) * size) + 1);
    let meanX = 0;
    let meanY = 0;
    for (let i = to; i < nextTo; i++) {
      meanX += points[2 * i];
      meanY += points[2 * i + 1];
    }
    const span = Math.max(1, nextTo - to);
    meanX /= span;
    meanY /= span;
    const ax = points[2 * previous];
    const ay = points[2 * previous + 1];
    let best = from;
    let largest = -1;
    for (let i = from; i < to; i++) {
      const area = Math.abs((ax - meanX) * (points[2 * i + 1] - ay) - (ax - points[2 * i]) * (meanY - ay));
      if (area > largest) {
        largest = area;
        best = i;
      }
    }
    keep(bucket + 1, best);
    previous = best;
  }
  keep(threshold - 1, length - 1);
  return kept;
}

/** One point per cell of a `columns` × `rows` grid over the points' extent, per series; the first point of a cell is kept. */
function thinned(series: readonly PointSeries[], columns: number, rows: number): PointSeries[] {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const s of series) {
    const extent = extentOf(s.points);
    if (!extent) continue;
    minX = Math.min(minX, extent.minX);
    maxX = Math.max(maxX, extent.maxX);
    minY = Math.min(minY, extent.minY);
    maxY = Math.max(maxY, extent.maxY);
  }
  const perX = maxX > minX ? (columns - 1) / (maxX - minX) : 0;
  const perY = maxY > minY ? (rows - 1) / (maxY - minY) : 0;
  const taken = new Uint8Array(columns * rows);
  return series.map((s) => {
    taken.fill(0);
    const from = s.points;
    const kept = new Float64Array(Math.min(from.length, 2 * columns * rows));
    let length = 0;
    for (let i = 0; i < from.length; i += 2) {
      const at = Math.round((from[i + 1] - minY) * perY) * columns + Math.round((from[i] - minX) * perX);
      if (taken[at]) continue;
      taken[at] = 1;
      kept[length++] = from[i];
      kept[length++] = from[i + 1];
    }
    return { name: s.name, points: kept.slice(0, length) };
  });
}

/** The lowest and highest X and Y of interleaved points (undefined for none). */
export function extentOf(points: Float64Array): { minX: number; minY: number; maxX: number; maxY: number } | undefined {
  if (points.length < 2) return undefined;
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < points.length; i += 2) {
    const x = points[i];
    const y = points[i + 1];
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return { minX, minY, maxX, maxY };
}

