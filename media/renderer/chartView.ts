/**
 * Draws chart data with Apache ECharts. Imported dynamically by the chart panel (its own chunk, see esbuild.mjs),
 * so a grid that is never charted never loads it. Works under a strict CSP: the canvas renderer draws with canvas
 * calls and sets element styles through CSSOM properties (which style-src does not govern), the tooltip is drawn on
 * the canvas (`renderMode: 'richText'`), not as HTML, and ECharts uses no eval. Colours come from VS Code's theme
 * variables (`--vscode-charts-*`), read when drawing, so light, dark and high-contrast themes each get their own.
 */
import { BarChart, CustomChart, LineChart, PieChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import type { ChartKind } from '../../src/protocol/chartSettings';
import { extentOf, type ChartData, type PointSeries } from './chartData';
import { PointsImage } from './scatterRaster';

echarts.use([BarChart, CustomChart, LineChart, PieChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer, SVGRenderer]);

export interface ChartTheme {
  palette: string[];
  foreground: string;
  lines: string;
  background: string;
  fontFamily: string;
}

/** The theme's chart colours, from the VS Code variables the webview defines (fallbacks for a bare page). */
export function themeOf(element: HTMLElement): ChartTheme {
  const style = element.ownerDocument.defaultView!.getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    palette: [
      read('--vscode-charts-blue', '#3794ff'),
      read('--vscode-charts-orange', '#d18616'),
      read('--vscode-charts-green', '#89d185'),
      read('--vscode-charts-purple', '#b180d7'),
      read('--vscode-charts-red', '#f14c4c'),
      read('--vscode-charts-yellow', '#cca700'),
    ],
    foreground: read('--vscode-charts-foreground', read('--vscode-foreground', '#cccccc')),
    lines: read('--vscode-charts-lines', '#80808080'),
    background: read('--vscode-editor-background', 'transparent'),
    fontFamily: read('--vscode-font-family', 'sans-serif'),
  };
}

/** Series this long are drawn without symbols and with large-data modes, so 100,000 points stay one quick paint. */
const largeSeries = 2000;

/**
 * A line over a number or date X gets a symbol per point only up to this many points: each symbol is an element of
 * its own, and a line sampled to the chart's width (about 2,000 points) would spend a long task drawing them.
 */
const symbolsUpTo = 200;

/**
 * A scatter series of more points than `largeSeries` is drawn as one image of its points (see scatterRaster.ts), with
 * an invisible large scatter of the same points for the tooltip; smaller ones, and every SVG export, as symbols.
 */
function scatterSeries(s: PointSeries, doc: Document | undefined, images: PointsImage[]): object[] {
  const symbols = { type: 'scatter', name: s.name, data: s.points, dimensions: ['x', 'y'], large: true, largeThreshold: largeSeries };
  const extent = extentOf(s.points);
  if (!doc || !extent || s.points.length / 2 <= largeSeries) return [{ ...symbols, symbolSize: s.points.length / 2 > largeSeries ? 3 : 6 }];
  const image = new PointsImage(s.points, 3, doc);
  images.push(image);
  return [
    {
      type: 'custom',
      name: s.name,
      data: [
        [extent.minX, extent.minY],
        [extent.maxX, extent.maxY],
      ],
      encode: { x: 0, y: 1 },
      renderItem: image.renderItem,
      silent: true,
      tooltip: { show: false },
    },
    { ...symbols, symbolSize: 3, progressive: 0, progressiveThreshold: Number.MAX_SAFE_INTEGER, itemStyle: { opacity: 0 } },
  ];
}

/** The ECharts option of a chart; `images` receives the point images of large scatters (none for an export: no `doc`). */
function optionOf(kind: ChartKind, data: ChartData, theme: ChartTheme, xName: string, doc: Document | undefined, images: PointsImage[] = []): echarts.EChartsCoreOption {
  const forExport = !doc;
  const text = { color: theme.foreground, fontFamily: theme.fontFamily };
  const axisLine = { lineStyle: { color: theme.lines } };
  const common = {
    animation: false,
    color: theme.palette,
    backgroundColor: forExport ? theme.background : 'transparent',
    textStyle: text,
    tooltip: { renderMode: 'richText', trigger: kind === 'pie' || kind === 'scatter' ? 'item' : 'axis', confine: true },
    legend: { show: data.series.length > 1 || kind === 'pie', textStyle: text, type: 'scroll', top: 0 },
  };
  if (data.shape === 'category' && kind === 'pie') {
    const series = data.series[0];
    return {
      ...common,
      series: [
        {
          type: 'pie',
          radius: ['0%', '70%'],
          top: 24,
          label: { color: theme.foreground },
          data: data.categories.map((name, i) => ({ name, value: series?.values[i] ?? 0 })),
        },
      ],
    };
  }
  // containLabel keeps the axis labels inside, not the X axis name drawn under them on a value or time axis: that name
  // needs room of its own below the labels (it was cut in half by the chart's lower edge).
  const grid = { left: 8, right: 16, top: data.series.length > 1 ? 32 : 16, bottom: data.shape === 'points' ? 28 : 8, containLabel: true };
  const valueAxis = { type: 'value', axisLine, splitLine: { lineStyle: { color: theme.lines } }, axisLabel: text };
  if (data.shape === 'points') {
    return {
      ...common,
      grid,
      xAxis: { ...valueAxis, type: data.xIsDate ? 'time' : 'value', name: xName, nameLocation: 'middle', nameGap: 24, scale: true },
      yAxis: { ...valueAxis, scale: true },
      series: data.series.flatMap((s) =>
        data.joined
          ? [{ type: 'line', name: s.name, data: s.points, dimensions: ['x', 'y'], showSymbol: s.points.length / 2 <= symbolsUpTo, ...(s.points.length / 2 > symbolsUpTo ? { lineStyle: { width: 1 } } : {}), sampling: 'lttb', ...(kind === 'area' ? { areaStyle: { opacity: 0.35 } } : {}) }]
          : scatterSeries(s, doc, images),
      ),
    };
  }
  const many = data.categories.length > largeSeries;
  return {
    ...common,
    grid,
    xAxis: { type: 'category', data: data.categories, axisLine, axisLabel: text, boundaryGap: kind === 'bar' },
    yAxis: valueAxis,
    series: data.series.map((s) =>
      kind === 'bar'
        ? { type: 'bar', name: s.name, data: s.values, large: true, largeThreshold: largeSeries }
        : { type: 'line', name: s.name, data: s.values, showSymbol: !many, sampling: 'lttb', ...(kind === 'area' ? { areaStyle: { opacity: 0.35 } } : {}) },
    ),
  };
}

export interface DrawnChart {
  /**
   * Draws other data (or the same in the theme's current colours) in the same chart, resolving once it is painted.
   * `pause` gives the event loop back between steps; `superseded` turning true meanwhile stops the steps left.
   */
  update(kind: ChartKind, data: ChartData, xName: string, pause: () => Promise<void>, superseded: () => boolean): Promise<void>;
  /** A PNG of the chart as drawn, on the theme's background. */
  png(): Promise<Blob>;
  /** The same chart as an SVG document (drawn again by ECharts' SVG renderer, off screen). */
  svg(): string;
  resize(): void;
  dispose(): void;
}

/**
 * Resolves when ECharts says the chart is drawn (its 'finished' event, after the frame that paints it); `cancel`
 * stops listening, for an update that stops early or lays out again.
 */
function finishedPainting(chart: echarts.ECharts): { done: Promise<void>; cancel(): void } {
  let finished: () => void = () => undefined;
  const done = new Promise<void>((resolve) => {
    finished = () => {
      chart.off('finished', finished);
      resolve();
    };
  });
  chart.on('finished', finished);
  return { done, cancel: () => chart.off('finished', finished) };
}

/**
 * One ECharts instance per chart view, kept across redraws: creating one sets up canvases, layers and listeners,
 * which took longer than drawing a changed chart into the instance there is. An update is three tasks: the option
 * is merged into ECharts' model (`lazyUpdate`: nothing laid out yet), then the chart is laid out and its elements
 * built, then the next animation frame paints. Left to one frame, as a lazy setOption does, layout, render and
 * paint were one task of 60-110 ms for a 100,000-row result on a loaded 2-core machine. A large scatter adds two:
 * its points image is made after the first layout (which decides the grid it fills), and the chart laid out again.
 */
export function drawChart(host: HTMLElement): DrawnChart {
  const chart = echarts.init(host, undefined, { renderer: 'canvas' });
  let shown: { kind: ChartKind; data: ChartData; xName: string; theme: ChartTheme } | undefined;
  return {
    async update(kind, data, xName, pause, superseded) {
      const theme = themeOf(host);
      shown = { kind, data, xName, theme };
      const images: PointsImage[] = [];
      chart.setOption(optionOf(kind, data, theme, xName, host.ownerDocument, images), { notMerge: true, lazyUpdate: true });
      await pause();
      if (superseded()) return;
      // resize() runs the update a lazy setOption left pending (layout and elements) without painting; the next
      // frame paints. Were a frame to come first, it does all of it, as before, images included.
      let painted = finishedPainting(chart);
      for (const image of images) image.deferring = true;
      try {
        chart.resize();
      } catch (error) {
        painted.cancel();
        throw error;
      } finally {
        for (const image of images) image.deferring = false;
      }
      if (images.some((image) => image.waiting)) {
        // A large scatter's points image is made in a task of its own, then the chart is laid out again to show it.
        painted.cancel();
        await pause();
        if (superseded()) return;
        for (const image of images) image.makePending();
        await pause();
        if (superseded()) return;
        painted = finishedPainting(chart);
        chart.resize();
      }
      await painted.done;
    },
    png() {
      // Decoded here rather than fetched: a webview's CSP may not allow fetching data: URLs.
      const url = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: shown?.theme.background ?? 'transparent' });
      const bytes = Uint8Array.from(atob(url.slice(url.indexOf(',') + 1)), (c) => c.charCodeAt(0));
      return Promise.resolve(new Blob([bytes], { type: 'image/png' }));
    },
    svg() {
      const offscreen = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width: chart.getWidth(), height: chart.getHeight() });
      try {
        if (shown) offscreen.setOption(optionOf(shown.kind, shown.data, shown.theme, shown.xName, undefined));
        return offscreen.renderToSVGString();
      } finally {
        offscreen.dispose();
      }
    },
    resize: () => chart.resize(),
    dispose: () => chart.dispose(),
  };
}
