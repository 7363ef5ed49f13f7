/**
 * Draws chart data with Apache ECharts. Imported dynamically by the chart panel (its own chunk, see esbuild.mjs),
 * so a grid that is never charted never loads it. Works under a strict CSP: the canvas renderer draws with canvas
 * calls and sets element styles through CSSOM properties (which style-src does not govern), the tooltip is drawn on
 * the canvas (`renderMode: 'richText'`), not as HTML, and ECharts uses no eval. Colours come from VS Code's theme
 * variables (`--vscode-charts-*`), read when drawing, so light, dark and high-contrast themes each get their own.
 */
import { BarChart, LineChart, PieChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import type { ChartKind } from '../../src/protocol/chartSettings';
import type { ChartData } from './chartData';

echarts.use([BarChart, LineChart, PieChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer, SVGRenderer]);

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

function optionOf(kind: ChartKind, data: ChartData, theme: ChartTheme, xName: string, forExport: boolean): echarts.EChartsCoreOption {
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
  const grid = { left: 8, right: 16, top: data.series.length > 1 ? 32 : 16, bottom: 8, containLabel: true };
  const valueAxis = { type: 'value', axisLine, splitLine: { lineStyle: { color: theme.lines } }, axisLabel: text };
  if (data.shape === 'points') {
    return {
      ...common,
      grid,
      xAxis: { ...valueAxis, type: data.xIsDate ? 'time' : 'value', name: xName, nameLocation: 'middle', nameGap: 24, scale: true },
      yAxis: { ...valueAxis, scale: true },
      series: data.series.map((s) =>
        data.joined
          ? { type: 'line', name: s.name, data: s.points, showSymbol: s.points.length <= largeSeries, sampling: 'lttb', ...(kind === 'area' ? { areaStyle: { opacity: 0.35 } } : {}) }
          : { type: 'scatter', name: s.name, data: s.points, symbolSize: s.points.length > largeSeries ? 3 : 6, large: true, largeThreshold: largeSeries },
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
  /** A PNG of the chart as drawn, on the theme's background. */
  png(): Promise<Blob>;
  /** The same chart as an SVG document (drawn again by ECharts' SVG renderer, off screen). */
  svg(): string;
  resize(): void;
  dispose(): void;
}

export function drawChart(host: HTMLElement, kind: ChartKind, data: ChartData, xName: string): DrawnChart {
  const theme = themeOf(host);
  const chart = echarts.init(host, undefined, { renderer: 'canvas' });
  chart.setOption(optionOf(kind, data, theme, xName, false));
  return {
    png() {
      // Decoded here rather than fetched: a webview's CSP may not allow fetching data: URLs.
      const url = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: theme.background });
      const bytes = Uint8Array.from(atob(url.slice(url.indexOf(',') + 1)), (c) => c.charCodeAt(0));
      return Promise.resolve(new Blob([bytes], { type: 'image/png' }));
    },
    svg() {
      const offscreen = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width: chart.getWidth(), height: chart.getHeight() });
      try {
        offscreen.setOption(optionOf(kind, data, theme, xName, true));
        return offscreen.renderToSVGString();
      } finally {
        offscreen.dispose();
      }
    },
    resize: () => chart.resize(),
    dispose: () => chart.dispose(),
  };
}
