/**
 * The grid's "Chart" view: kind, X, Y (one or more series) and group-by pickers over the result's columns, the
 * chart itself, a note saying how many loaded rows it shows, and Copy PNG / Copy SVG. The chart library is imported
 * on first show (a separate chunk), so a grid that is never charted never loads it. Settings changes are reported to
 * the host, which keeps them in the cell's metadata; the panel draws again as more rows arrive.
 */
import { chartKinds, type ChartKind, type ChartSettings } from '../../src/protocol/chartSettings';
import type { Cell, RowsColumn } from '../../src/protocol/rows';
import { chartDataInSlices, fittedChart, forDrawing } from './chartData';
import type { DrawnChart } from './chartView';
import { textButton } from './textButton';

export interface ChartSource {
  columns(): readonly RowsColumn[];
  rows(): readonly (readonly Cell[])[];
  totalResults(): number;
}

const kindLabels: Record<ChartKind, string> = { bar: 'Bar', line: 'Line', area: 'Area', pie: 'Pie', scatter: 'Scatter' };

const chartStyles = `
.sl-chart { margin-top: 4px; border: 1px solid var(--vscode-editorWidget-border, #8884); background: var(--vscode-editor-background); }
.sl-chart-controls { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 12px; padding: 4px 6px; border-bottom: 1px solid var(--vscode-editorWidget-border, #8884); }
.sl-chart-controls label { display: inline-flex; align-items: center; gap: 4px; }
.sl-chart-controls select { font: inherit; color: var(--vscode-dropdown-foreground); background: var(--vscode-dropdown-background);
  border: 1px solid var(--vscode-dropdown-border, transparent); padding: 1px 2px; }
.sl-chart-controls fieldset { display: inline-flex; flex-wrap: wrap; gap: 2px 8px; border: 0; margin: 0; padding: 0; }
.sl-chart-controls legend { float: left; margin-right: 4px; padding: 0; }
.sl-chart-controls button { font: inherit; color: var(--vscode-button-secondaryForeground, var(--vscode-foreground)); background: var(--vscode-button-secondaryBackground, transparent);
  border: 1px solid var(--vscode-button-border, var(--vscode-contrastBorder, transparent)); border-radius: 2px; padding: 2px 8px; cursor: pointer; }
.sl-chart-controls :focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
.sl-chart-note { color: var(--vscode-descriptionForeground); margin-left: auto; }
.sl-chart-canvas { height: 320px; width: 100%; }
.sl-chart-empty { padding: 12px; color: var(--vscode-descriptionForeground); }
`;

function ensureChartStyles(doc: Document): void {
  if (doc.getElementById('sl-chart-styles')) return;
  const style = doc.createElement('style');
  style.id = 'sl-chart-styles';
  style.textContent = chartStyles;
  doc.head.appendChild(style);
}

export class ChartPanel {
  readonly root: HTMLElement;
  private readonly doc: Document;
  private settings: ChartSettings | undefined;
  private drawn: DrawnChart | undefined;
  private readonly controls: HTMLElement;
  private readonly note: HTMLElement;
  private readonly canvasHost: HTMLElement;
  private readonly resizeObserver: ResizeObserver | undefined;
  /** VS Code marks the theme on the body's classes (vscode-light, vscode-dark, vscode-high-contrast): redraw in its colours. */
  private readonly themeObserver: MutationObserver | undefined;
  private disposed = false;
  private drawing: Promise<void> = Promise.resolve();
  /** The number of the latest draw asked for: an earlier one still running stops. */
  private requested = 0;
  private wake: (() => void) | undefined;

  constructor(
    doc: Document,
    private readonly source: ChartSource,
    saved: ChartSettings | undefined,
    private readonly onChange: (settings: ChartSettings) => void,
    private readonly say: (message: string, isError?: boolean) => void,
  ) {
    this.doc = doc;
    ensureChartStyles(doc);
    this.settings = fittedChart(saved, source.columns());
    this.root = this.el('div', 'sl-chart');
    this.root.setAttribute('role', 'region');
    this.root.setAttribute('aria-label', 'Chart of the result');
    this.controls = this.el('div', 'sl-chart-controls');
    this.note = this.el('span', 'sl-chart-note');
    this.note.setAttribute('role', 'status');
    this.canvasHost = this.el('div', 'sl-chart-canvas');
    this.root.append(this.controls, this.canvasHost);
    this.buildControls();
    const view = doc.defaultView as (Window & typeof globalThis) | null;
    this.resizeObserver = view?.ResizeObserver ? new view.ResizeObserver(() => this.drawn?.resize()) : undefined;
    this.resizeObserver?.observe(this.canvasHost);
    this.themeObserver = view?.MutationObserver ? new view.MutationObserver(() => void this.refresh()) : undefined;
    if (doc.body) this.themeObserver?.observe(doc.body, { attributes: true, attributeFilter: ['class'] });
  }

  /** Draws (again) from the rows loaded now. Resolves once the chart is on screen. */
  refresh(): Promise<void> {
    // From the moment a draw is asked for until it is on screen the note says so, not what the chart before showed.
    this.note.textContent = 'Drawing the chart…';
    const ticket = ++this.requested;
    // A draw still waiting for ECharts to finish painting gives way to this one at once.
    this.wake?.();
    this.drawing = this.drawing.then(() => this.draw(ticket)).catch((error: unknown) => this.say(`The chart could not be drawn: ${error instanceof Error ? error.message : String(error)}`, true));
    return this.drawing;
  }

  /** New columns arrived with later pages: rebuild the pickers, keeping the choices that still fit. */
  columnsChanged(): void {
    this.settings = fittedChart(this.settings, this.source.columns());
    this.buildControls();
  }

  private async draw(ticket: number): Promise<void> {
    // A newer request (another choice, more rows, a theme change) made meanwhile makes this draw stop where it is.
    const superseded = () => this.disposed || ticket !== this.requested;
    if (superseded()) return;
    const settings = this.settings;
    if (!settings) {
      this.drawn?.dispose();
      this.drawn = undefined;
      this.canvasHost.replaceChildren(this.message('This result has no columns to chart.'));
      this.note.textContent = '';
      return;
    }
    const { drawChart } = await import('./chartView');
    if (superseded()) return;
    const rows = this.source.rows();
    // Prepared in slices, each its own task, so 100,000 rows never block the page for long.
    const data = await chartDataInSlices(settings, this.source.columns(), rows, () => this.pause(), superseded);
    if (!data || superseded()) return;
    // Thinning 100,000s of points, and handing them to ECharts, are tasks of their own too.
    await this.pause();
    if (superseded()) return;
    const drawing = forDrawing(data, this.canvasHost.clientWidth || 1000, this.canvasHost.clientHeight || 320);
    if (!this.drawn) {
      this.canvasHost.replaceChildren();
      this.drawn = drawChart(this.canvasHost);
    }
    // Setting up the chart and drawing into it are separate tasks as well.
    await this.pause();
    if (superseded()) return;
    const painted = this.drawn.update(settings.kind, drawing.data, settings.x, () => this.pause(), superseded);
    await new Promise<void>((resolve) => {
      this.wake = resolve;
      void painted.then(resolve, resolve);
    });
    this.wake = undefined;
    if (superseded()) return;
    const total = this.source.totalResults();
    const loaded = rows.length;
    this.note.textContent =
      `Chart of ${data.rowsUsed.toLocaleString('en-US')} of ${loaded.toLocaleString('en-US')} loaded rows` +
      (total > loaded ? ` (the result has ${total.toLocaleString('en-US')}: Load all to chart every row)` : '') +
      (drawing.note ? `; ${drawing.note}` : '');
  }

  /** Gives the event loop back: a new task at once (scheduler.yield where there is one), not a clamped timer. */
  private pause(): Promise<void> {
    const view = this.doc.defaultView as (Window & typeof globalThis & { scheduler?: { yield?: () => Promise<void> } }) | null;
    if (view?.scheduler?.yield) return view.scheduler.yield();
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(undefined);
    });
  }

  private message(text: string): HTMLElement {
    const note = this.el('div', 'sl-chart-empty');
    note.textContent = text;
    return note;
  }

  private change(next: ChartSettings): void {
    this.settings = next;
    this.onChange(next);
    this.buildControls();
    void this.refresh();
  }

  private buildControls(): void {
    this.controls.replaceChildren();
    const settings = this.settings;
    if (!settings) return;
    const columns = this.source.columns();
    const names = columns.map((c) => c.name);

    const kind = this.select('Chart', 'sl-chart-kind', chartKinds.map((k) => [k, kindLabels[k]]), settings.kind, (value) => this.change({ ...settings, kind: value as ChartKind }));
    const x = this.select('X', 'sl-chart-x', names.map((n) => [n, n]), settings.x, (value) => this.change({ ...settings, x: value }));

    const ys = this.doc.createElement('fieldset');
    ys.className = 'sl-chart-y';
    const legend = this.doc.createElement('legend');
    legend.textContent = settings.kind === 'pie' ? 'Value' : 'Y';
    ys.append(legend);
    for (const column of columns) {
      if (column.name === settings.x) continue;
      const label = this.doc.createElement('label');
      const box = this.doc.createElement('input');
      box.type = 'checkbox';
      box.value = column.name;
      box.checked = settings.y.includes(column.name);
      box.addEventListener('change', () => {
        const y = box.checked ? [...settings.y, column.name] : settings.y.filter((name) => name !== column.name);
        this.change({ ...settings, y: names.filter((name) => y.includes(name)) });
      });
      const text = this.doc.createElement('span');
      text.textContent = column.name;
      label.append(box, text);
      ys.append(label);
    }

    const groupChoices: [string, string][] = [['', 'None'], ...names.filter((n) => n !== settings.x).map((n): [string, string] => [n, n])];
    const group = this.select('Group by', 'sl-chart-group', groupChoices, settings.groupBy ?? '', (value) => {
      const next: ChartSettings = { kind: settings.kind, x: settings.x, y: settings.y };
      if (value) next.groupBy = value;
      this.change(next);
    });
    if (settings.kind === 'pie') group.hidden = true;

    const png = textButton(this.doc, 'Copy PNG', 'sl-chart-copy-png', () => void this.copyPng());
    const svg = textButton(this.doc, 'Copy SVG', 'sl-chart-copy-svg', () => void this.copySvg());
    this.controls.append(kind, x, ys, group, png, svg, this.note);
  }

  private select(label: string, className: string, choices: [string, string][], value: string, onChange: (value: string) => void): HTMLElement {
    const wrapper = this.doc.createElement('label');
    const text = this.doc.createElement('span');
    text.textContent = label;
    const select = this.doc.createElement('select');
    select.className = className;
    for (const [optionValue, optionLabel] of choices) {
      const option = this.doc.createElement('option');
      option.value = optionValue;
      option.textContent = optionLabel;
      select.append(option);
    }
    select.value = value;
    select.addEventListener('change', () => onChange(select.value));
    wrapper.append(text, select);
    return wrapper;
  }

  private async copyPng(): Promise<void> {
    const clipboard = this.doc.defaultView?.navigator.clipboard;
    const Item = (this.doc.defaultView as (Window & typeof globalThis) | null)?.ClipboardItem;
    if (!this.drawn || !clipboard || !Item) {
      this.say('Copy failed: this view cannot put images on the clipboard. Use Copy SVG instead.', true);
      return;
    }
    try {
      await clipboard.write([new Item({ 'image/png': await this.drawn.png() })]);
      this.say('Copied the chart as PNG');
    } catch (error) {
      this.say(`Copy failed: ${error instanceof Error ? error.message : String(error)}. Use Copy SVG instead.`, true);
    }
  }

  private async copySvg(): Promise<void> {
    if (!this.drawn) return;
    try {
      await this.doc.defaultView?.navigator.clipboard.writeText(this.drawn.svg());
      this.say('Copied the chart as SVG');
    } catch (error) {
      this.say(`Copy failed: ${error instanceof Error ? error.message : String(error)}`, true);
    }
  }

  private el(tag: string, className: string): HTMLElement {
    const element = this.doc.createElement(tag);
    element.className = className;
    return element;
  }

  dispose(): void {
    this.disposed = true;
    this.resizeObserver?.disconnect();
    this.themeObserver?.disconnect();
    this.drawn?.dispose();
    this.drawn = undefined;
    this.root.remove();
  }
}
