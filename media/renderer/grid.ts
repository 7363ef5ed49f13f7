import { unhandledMessage } from '../../src/protocol/guards';
import type { HostToRenderer, RendererToHost } from '../../src/protocol/rendererMessages';
import { CancelLoadRequest, ChartChanged, ExportRequest, LoadAllRequest, LoadMoreRequest, OpenInEditorRequest, OpenRecordRequest } from '../../src/protocol/rendererMessages';
import type { ChartSettings } from '../../src/protocol/chartSettings';
import type { Cell, RowsColumn, RowsPayload } from '../../src/protocol/rows';
import { CellEditing } from './cellEditing';
import { ChartPanel } from './chartPanel';
import { autoColumnWidth, canvasMeasure, clampWidth, type TextMeasure } from './columnWidths';
import { ContextMenu, type MenuItem } from './contextMenu';
import { formatSelection, type CopyFormat } from './copyFormats';
import { columnFormatters, displayLocale, type NumberFormatter } from './numberFormat';
import { columnFilter, columnValues, filterRows, type ColumnFilter, type ColumnValues } from './filtering';
import { RecordView } from './recordView';
import { type SortDirection, sortedOrder } from './sorting';
import { statusText } from './status';
import { toTsv } from './tsv';
import { visibleRows } from './windowing';

export const ROW_HEIGHT = 22;
const MAX_VIEWPORT_HEIGHT = 420;
/** Full height draws every loaded row up to this many; a longer result scrolls inside the grid beyond it. */
export const FULL_HEIGHT_MAX_ROWS = 1000;
const GUTTER_WIDTH = 56;

export interface GridOptions {
  /** The grid fills an editor tab (Open in Editor) instead of sitting in a notebook output. */
  inEditor?: boolean;
}

/** Full height, once chosen, holds for the next results too (a re-run draws a new grid). */
let preferFullHeight = false;

interface Selection {
  anchorRow: number;
  anchorColumn: number;
  focusRow: number;
  focusColumn: number;
}

/**
 * A virtual-scrolling results grid: only the rows in view exist in the DOM, so 100,000 rows scroll as smoothly as
 * 100. Every NetSuite value is written with `textContent` — never parsed as HTML.
 */
export class ResultsGrid {
  readonly root: HTMLElement;
  private readonly doc: Document;
  private readonly rows: Cell[][] = [];
  /** Edit mode: cells edited in place, Review changes, bulk actions on the selected rows (cellEditing.ts). */
  readonly editing: CellEditing;
  private order: number[] | undefined; // sorted row indices, when sorted
  /** View position → row index when a filter is on (the sorted order, filtered); else `order`. */
  private view: number[] | undefined;
  private readonly filterText = new Map<number, string>();
  private readonly parsedColumns = new Map<string, ColumnValues>();
  private readonly hidden = new Set<number>();
  private filterRow: HTMLElement | undefined;
  private columnChooser: HTMLElement | undefined;
  private recordView: RecordView | undefined;
  private menu: ContextMenu | undefined;
  private sort: { column: number; direction: SortDirection } | undefined;
  private totalResults: number;
  private selection: Selection | undefined;
  private dragging = false;
  private pending: 'more' | 'all' | undefined;
  private widths: number[] = [];
  /** Per column, how a number is shown in the reader's locale (undefined: NetSuite's text as is). */
  private formatters: (NumberFormatter | undefined)[];
  private renderQueued = false;
  private columns: RowsColumn[];
  private readonly pool: HTMLElement[] = [];
  /** Ends the listeners on `document`: they would keep this grid and all its rows alive after the output goes. */
  private readonly documentListeners = new AbortController();
  private readonly poolIndex: number[] = [];

  private readonly viewport: HTMLElement;
  private readonly header: HTMLElement;
  private readonly body: HTMLElement;
  private readonly status: HTMLElement;
  private readonly message: HTMLElement;
  private readonly loadMoreButton: HTMLButtonElement;
  private readonly loadAllButton: HTMLButtonElement;
  private readonly cancelButton: HTMLButtonElement;
  private readonly copyButton: HTMLButtonElement;
  private readonly filterButton: HTMLButtonElement;
  private readonly columnsButton: HTMLButtonElement;
  private readonly recordButton: HTMLButtonElement;
  private readonly chartButton: HTMLButtonElement;
  private readonly fullHeightButton: HTMLButtonElement;
  private readonly openInEditorButton: HTMLButtonElement;
  private fullHeight: boolean;
  private chart: ChartPanel | undefined;
  /** The chart's settings as last chosen here (or as the cell kept them), so reopening the chart restores it. */
  private chartSettings: ChartSettings | undefined;
  private readonly exportButtons: HTMLButtonElement[];

  constructor(
    container: HTMLElement,
    private readonly payload: RowsPayload,
    private readonly post: ((message: RendererToHost) => void) | undefined,
    private readonly options: GridOptions = {},
  ) {
    this.doc = container.ownerDocument;
    this.fullHeight = preferFullHeight && !options.inEditor;
    for (const row of payload.rows) this.rows.push(row);
    this.columns = [...payload.columns];
    this.totalResults = payload.totalResults;
    this.chartSettings = payload.chart;
    this.formatters = columnFormatters(displayLocale(this.doc), this.columns, this.rows);

    this.root = this.el('div', options.inEditor ? 'sl-grid-root sl-in-editor' : 'sl-grid-root');
    this.root.style.setProperty('--sl-row-height', `${ROW_HEIGHT}px`);
    const toolbar = this.el('div', 'sl-grid-toolbar');
    this.status = this.el('span', 'sl-grid-status');
    this.status.setAttribute('role', 'status');
    this.loadMoreButton = this.button('Load more', 'sl-grid-load-more', () => this.request('more'));
    this.loadAllButton = this.button('Load all', 'sl-grid-load-all', () => this.request('all'));
    this.cancelButton = this.button('Stop', 'sl-grid-cancel', () => this.post?.(CancelLoadRequest.create({ queryId: payload.queryId })));
    this.copyButton = this.button('Copy', 'sl-grid-copy', () => void this.copySelection());
    this.copyButton.title = 'Copy the selected cells (or all loaded rows) as tab-separated text';
    const exportLabels = { csv: 'CSV', json: 'JSON', xlsx: 'XLSX', markdown: 'MD' } as const;
    this.exportButtons = (['csv', 'json', 'xlsx', 'markdown'] as const).map((format) =>
      this.button(`Export ${exportLabels[format]}`, `sl-grid-export sl-grid-export-${format}`, () => this.post?.(ExportRequest.create({ queryId: payload.queryId, format }))),
    );
    this.exportButtons[2].title = 'Export every row of the result (all pages) to an Excel workbook, numbers and dates typed';
    this.exportButtons[3].title = 'Export every row of the result (all pages) as a Markdown table';
    this.filterButton = this.button('Filter', 'sl-grid-filter-toggle', () => this.toggleFilterRow());
    this.filterButton.title = 'Filter the loaded rows per column: text, =exact, >10, 10..20, >=2024-01-01, null';
    this.filterButton.setAttribute('aria-pressed', 'false');
    this.columnsButton = this.button('Columns', 'sl-grid-columns', () => this.toggleColumnChooser());
    this.columnsButton.title = 'Hide or show columns';
    this.recordButton = this.button('Record', 'sl-grid-record', () => this.openRecordView());
    this.recordButton.title = 'Show the selected row as one record, field by field (Space)';
    this.chartButton = this.button('Chart', 'sl-grid-chart-toggle', () => this.toggleChart());
    this.chartButton.title = 'Show the loaded rows as a chart (bar, line, area, pie, scatter)';
    this.chartButton.setAttribute('aria-pressed', 'false');
    this.fullHeightButton = this.button('Full Height', 'sl-grid-full-height', () => this.toggleFullHeight());
    this.fullHeightButton.title = `Show every loaded row (up to ${FULL_HEIGHT_MAX_ROWS.toLocaleString('en-US')}) at full height, so the wheel scrolls the notebook`;
    this.fullHeightButton.setAttribute('aria-pressed', String(this.fullHeight));
    this.openInEditorButton = this.button('Open in Editor', 'sl-grid-open-editor', () => this.openInEditor());
    this.openInEditorButton.title = 'Open this result in its own editor tab, with the loaded rows';
    this.fullHeightButton.hidden = this.openInEditorButton.hidden = options.inEditor === true;
    toolbar.append(
      this.status,
      this.loadMoreButton,
      this.loadAllButton,
      this.cancelButton,
      this.filterButton,
      this.columnsButton,
      this.recordButton,
      this.chartButton,
      this.fullHeightButton,
      this.openInEditorButton,
      this.copyButton,
      ...this.exportButtons,
    );

    this.viewport = this.el('div', 'sl-grid');
    this.viewport.tabIndex = 0;
    this.viewport.setAttribute('role', 'grid');
    this.header = this.el('div', 'sl-grid-header');
    this.header.setAttribute('role', 'row');
    this.body = this.el('div', 'sl-grid-body');
    this.viewport.append(this.header, this.body);
    this.message = this.el('div', 'sl-grid-message');
    this.message.setAttribute('aria-live', 'polite');
    this.root.append(toolbar, this.viewport, this.message);
    this.editing = new CellEditing({
      doc: this.doc,
      queryId: payload.queryId,
      root: this.root,
      body: this.body,
      viewport: this.viewport,
      // An editor tab shows a copy of the rows: edits belong to the notebook's grid, whose result the host knows.
      post: this.options.inEditor ? undefined : post,
      rows: this.rows,
      columns: () => this.columns,
      rowIndexAt: (position) => this.rowIndexAt(position),
      cellAt: (event) => this.cellFromEvent(event),
      focusCell: () => (this.selection ? { position: this.selection.focusRow, column: this.selection.focusColumn } : undefined),
      selectedPositions: () => selectedPositions(this.selection),
      refresh: () => this.renderNow(true),
      setMessage: (text, isError) => this.setMessage(text, isError),
    });
    toolbar.append(...this.editing.buttons);
    container.append(this.root);

    this.buildHeader();
    this.widths = this.autoWidths(0);
    this.applyWidths();
    this.wireEvents();
    this.updateChrome();
    this.layout();
    this.renderNow();
    // A cell saved with its chart reopens showing it.
    if (payload.chart) this.toggleChart();
  }

  /** Switches between the grid and the chart of the loaded rows; the chart's chunk loads on first use. */
  toggleChart(): void {
    if (this.chart) {
      this.chart.dispose();
      this.chart = undefined;
      this.viewport.hidden = false;
      this.chartButton.setAttribute('aria-pressed', 'false');
      this.post?.(ChartChanged.create({ queryId: this.payload.queryId }));
      return;
    }
    this.chart = new ChartPanel(
      this.doc,
      { columns: () => this.columns, rows: () => this.rows, totalResults: () => this.totalResults },
      this.chartSettings,
      (chart) => {
        this.chartSettings = chart;
        this.post?.(ChartChanged.create({ queryId: this.payload.queryId, chart }));
      },
      (text, isError) => this.setMessage(text, isError),
    );
    this.viewport.hidden = true;
    this.viewport.after(this.chart.root);
    this.chartButton.setAttribute('aria-pressed', 'true');
    void this.chart.refresh();
  }

  /** Resolves when the chart (if shown) has drawn: the benchmark and tests wait on it. */
  chartDrawn(): Promise<void> {
    return this.chart?.refresh() ?? Promise.resolve();
  }

  /** Handles a message from the extension host addressed to this grid's query. */
  receive(message: HostToRenderer): void {
    if (message.queryId !== this.payload.queryId) return;
    switch (message.type) {
      case 'rowsAppended':
        if (message.columns && message.columns.length > this.columns.length) {
          this.addColumns(message.columns);
          this.chart?.columnsChanged();
        }
        for (const row of message.rows) this.rows.push(row);
        this.totalResults = message.totalResults;
        if (this.sort) this.order = sortedOrder(this.rows, this.sort.column, this.columns[this.sort.column], this.sort.direction);
        this.refreshView();
        if (message.done) this.pending = undefined;
        if (message.done) void this.chart?.refresh();
        this.setMessage(message.done ? '' : `Loading… ${this.rows.length.toLocaleString('en-US')} of ${message.totalResults.toLocaleString('en-US')}`);
        break;
      case 'loadFailed':
        this.pending = undefined;
        this.setMessage(message.detail, true);
        break;
      case 'loadProgress':
        this.setMessage(`Loading… ${message.loaded.toLocaleString('en-US')} of ${message.totalResults.toLocaleString('en-US')}`);
        break;
      default:
        unhandledMessage(message);
    }
    this.updateChrome();
    this.layout();
    this.renderNow(true);
  }

  get loadedCount(): number {
    return this.rows.length;
  }

  /** The row index shown at a view position (after sorting and filtering). */
  private rowIndexAt(position: number): number {
    const view = this.view ?? this.order;
    return view ? view[position] : position;
  }

  /** The row shown at a view position (after sorting and filtering). */
  rowAt(position: number): Cell[] {
    return this.rows[this.rowIndexAt(position)];
  }

  /** How many rows the grid shows: the loaded rows that pass the filter. */
  get shownCount(): number {
    return this.view ? this.view.length : this.rows.length;
  }

  dispose(): void {
    this.documentListeners.abort();
    this.chart?.dispose();
    this.menu?.close();
    this.recordView?.dispose();
    this.root.remove();
  }

  // ---- building --------------------------------------------------------------------------------------------

  private el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
    const element = this.doc.createElement(tag);
    element.className = className;
    return element;
  }

  private button(label: string, className: string, onClick: () => void): HTMLButtonElement {
    const button = this.el('button', className);
    button.type = 'button';
    button.textContent = label;
    button.addEventListener('click', onClick);
    return button;
  }

  /** New columns (first seen on a later page) go on the right; earlier rows show NULL there. */
  private addColumns(columns: RowsColumn[]): void {
    const added = columns.slice(this.columns.length);
    const known = this.columns.length;
    this.columns = [...columns];
    this.formatters.push(...columnFormatters(displayLocale(this.doc), added, []));
    this.header.replaceChildren();
    this.buildHeader();
    // Only the new columns are sized: widths the person dragged stay as they are.
    this.widths.push(...this.autoWidths(known));
    this.applyWidths();
    for (const row of this.pool) row.remove();
    this.pool.length = 0;
    this.poolIndex.length = 0;
  }

  private buildHeader(): void {
    const gutter = this.el('div', 'sl-grid-header-cell sl-grid-gutter');
    gutter.textContent = '#';
    gutter.title = 'Select all loaded rows';
    gutter.addEventListener('click', () => this.selectAll());
    this.header.append(gutter);
    this.columns.forEach((column, index) => {
      const cell = this.el('div', 'sl-grid-header-cell');
      cell.setAttribute('role', 'columnheader');
      cell.dataset.column = String(index);
      // The label truncates; the glyph beside it has its own room, so a narrow column still shows its sort.
      const label = this.el('span', 'sl-grid-header-label');
      label.textContent = column.name;
      cell.append(label, this.el('span', 'sl-grid-sort-glyph'));
      cell.title = `${column.name}${column.type ? ` (${column.type})` : ''} — click to sort the loaded rows`;
      const handle = this.el('div', 'sl-grid-resize');
      handle.title = 'Drag to resize; double-click to fit the loaded values';
      handle.addEventListener('pointerdown', (event) => this.startResize(event, index, handle));
      handle.addEventListener('click', (event) => event.stopPropagation());
      handle.addEventListener('dblclick', (event) => {
        event.stopPropagation();
        this.widths[index] = this.autoWidth(index);
        this.applyWidths();
      });
      cell.append(handle);
      cell.addEventListener('click', () => this.toggleSort(index));
      this.header.append(cell);
    });
  }

  private createRowElement(): HTMLElement {
    const row = this.el('div', 'sl-grid-row');
    row.setAttribute('role', 'row');
    const gutter = this.el('div', 'sl-grid-cell sl-grid-gutter');
    row.append(gutter);
    this.columns.forEach((column, index) => {
      const cell = this.el('div', column.type === 'number' ? 'sl-grid-cell sl-number' : 'sl-grid-cell');
      cell.setAttribute('role', 'gridcell');
      cell.dataset.column = String(index);
      cell.hidden = this.hidden.has(index);
      row.append(cell);
    });
    return row;
  }

  // ---- layout and rendering --------------------------------------------------------------------------------

  private applyWidths(): void {
    const shown = this.widths.filter((_, column) => !this.hidden.has(column));
    this.root.style.setProperty('--sl-cols', [GUTTER_WIDTH, ...shown].map((w) => `${w}px`).join(' '));
    for (const cell of Array.from(this.root.querySelectorAll<HTMLElement>('[data-column]'))) cell.hidden = this.hidden.has(Number(cell.dataset.column));
  }

  private layout(): void {
    const contentHeight = this.shownCount * ROW_HEIGHT;
    this.body.style.height = `${contentHeight}px`;
    // In an editor tab the grid fills the tab (styles.ts); in a notebook it is as tall as its rows, up to a limit.
    if (this.options.inEditor) return;
    const stickyRows = this.filterRow ? 2 : 1;
    const limit = this.fullHeight ? FULL_HEIGHT_MAX_ROWS * ROW_HEIGHT : MAX_VIEWPORT_HEIGHT;
    const height = Math.min(limit, contentHeight + stickyRows * ROW_HEIGHT + 2);
    this.viewport.style.height = `${height}px`;
    // A horizontal scrollbar takes its height from the rows: add it back, or a grid with nothing to scroll would
    // scroll by a few pixels and keep the wheel from the notebook.
    const scrollbar = this.viewport.offsetHeight - this.viewport.clientHeight - 2;
    if (scrollbar > 0 && height < limit) this.viewport.style.height = `${height + scrollbar}px`;
  }

  private toggleFullHeight(): void {
    this.fullHeight = !this.fullHeight;
    preferFullHeight = this.fullHeight;
    this.fullHeightButton.setAttribute('aria-pressed', String(this.fullHeight));
    this.layout();
    this.renderNow(true);
  }

  /** Hands the loaded rows (in NetSuite's order, with the columns as they are now) to an editor tab of their own. */
  private openInEditor(): void {
    if (!this.post) return;
    // The chart goes along only when it is showing: the tab opens as the person sees the result now.
    const result: RowsPayload = { ...this.payload, columns: this.columns, rows: this.rows, totalResults: this.totalResults, chart: this.chart ? this.chartSettings : undefined };
    this.post(OpenInEditorRequest.create({ queryId: this.payload.queryId, result }));
    this.setMessage('Opened in an editor tab');
  }

  private queueRender(): void {
    if (this.renderQueued) return;
    this.renderQueued = true;
    const view = this.doc.defaultView;
    const run = () => {
      this.renderQueued = false;
      this.renderNow();
    };
    if (view?.requestAnimationFrame) view.requestAnimationFrame(run);
    else setTimeout(run, 0);
  }

  /** Puts the rows in view into pooled row elements; `force` rewrites rows whose position did not change. */
  private renderNow(force = false): void {
    const viewportHeight = this.viewport.clientHeight || MAX_VIEWPORT_HEIGHT;
    const { start, end } = visibleRows(this.viewport.scrollTop, viewportHeight, ROW_HEIGHT, this.shownCount);
    const needed = end - start;
    while (this.pool.length < needed + 2) {
      const row = this.createRowElement();
      this.pool.push(row);
      this.poolIndex.push(-1);
      this.body.append(row);
    }
    const poolSize = this.pool.length;
    const used = new Set<number>();
    for (let position = start; position < end; position++) {
      const slot = position % poolSize;
      used.add(slot);
      if (!force && this.poolIndex[slot] === position) continue;
      this.fillRow(this.pool[slot], position);
      this.poolIndex[slot] = position;
    }
    for (let slot = 0; slot < poolSize; slot++) {
      const hidden = !used.has(slot);
      this.pool[slot].style.display = hidden ? 'none' : '';
      if (hidden) this.poolIndex[slot] = -1;
    }
  }

  private fillRow(element: HTMLElement, position: number): void {
    element.style.display = '';
    element.style.transform = `translateY(${position * ROW_HEIGHT}px)`;
    element.dataset.position = String(position);
    element.setAttribute('aria-rowindex', String(position + 2));
    const row = this.rowAt(position);
    const cells = element.children;
    // A row keeps its own number when sorted or filtered, so "row 1,204" stays findable.
    (cells[0] as HTMLElement).textContent = String(this.rowIndexAt(position) + 1);
    const canLink = this.post !== undefined;
    this.columns.forEach((column, index) => {
      const cell = cells[index + 1] as HTMLElement;
      const value = row[index] ?? null;
      const selected = this.isSelected(position, index);
      const baseClass = column.type === 'number' ? 'sl-grid-cell sl-number' : 'sl-grid-cell';
      if (value === null) {
        cell.className = `${baseClass} sl-null${selected ? ' sl-selected' : ''}`;
        cell.textContent = 'null';
        cell.title = 'NULL (NetSuite returned no value)';
        return;
      }
      cell.className = `${baseClass}${selected ? ' sl-selected' : ''}`;
      cell.title = value.length > 40 ? value : '';
      if (column.recordType && canLink && value !== '') {
        // The cell's link span is reused, never replaced: mousedown re-renders the selection, and a span replaced
        // between mousedown and mouseup makes the browser send the click to the cell instead, so the link looked
        // alive but did nothing. textContent keeps the value inert text, never markup.
        const existing = cell.firstElementChild;
        const link = cell.childElementCount === 1 && existing?.classList.contains('sl-grid-link') ? existing : this.doc.createElement('span');
        link.className = 'sl-grid-link';
        link.textContent = this.displayText(index, value);
        (link as HTMLElement).title = `Open ${column.recordType} ${value} (click or Enter)`;
        if (link !== existing) cell.replaceChildren(link);
      } else {
        cell.textContent = this.displayText(index, value);
      }
    });
    this.editing.decorateRow(element, this.rowIndexAt(position));
  }

  /** What a cell shows: NetSuite's text, or a number in the reader's locale. Copies and exports keep the raw text. */
  private displayText(column: number, value: string): string {
    const format = this.formatters[column];
    return format ? format(value) : value;
  }

  /** Widths for the columns from `first` on, fitted to their header and the loaded values as displayed. */
  private autoWidths(first: number): number[] {
    const measure = this.textMeasure();
    return this.columns.slice(first).map((_, offset) => this.autoWidth(first + offset, measure));
  }

  private textMeasure(): TextMeasure {
    return canvasMeasure(this.doc, this.header.querySelector('.sl-grid-header-label') ?? this.header, this.body);
  }

  private autoWidth(column: number, measure = this.textMeasure()): number {
    const texts = function* (grid: ResultsGrid): Generator<string> {
      for (const row of grid.rows) {
        const value = row[column] ?? null;
        yield value === null ? 'null' : grid.displayText(column, value);
      }
    };
    return autoColumnWidth(this.columns[column].name, texts(this), measure);
  }

  private updateChrome(): void {
    const matching = this.view ? ` · ${this.view.length.toLocaleString('en-US')} match the filter` : '';
    this.status.textContent = statusText(this.rows.length, this.totalResults, this.payload.elapsedMs, this.payload.truncatedAt) + matching;
    // NetSuite pages no further than its cap (truncatedAt); beyond it only an export in keyset mode reaches the rest.
    const reachable = this.payload.truncatedAt !== undefined ? Math.min(this.totalResults, this.payload.truncatedAt) : this.totalResults;
    const more = this.rows.length < reachable;
    const noMessaging = this.post === undefined;
    const reason = noMessaging ? 'Not available here: the notebook output cannot talk to SuiteLens (re-run the cell)' : '';
    this.loadMoreButton.disabled = noMessaging || !more || this.pending !== undefined;
    this.loadAllButton.disabled = noMessaging || !more || this.pending !== undefined;
    this.loadMoreButton.title = reason || (more ? 'Fetch the next page from NetSuite' : 'All rows are loaded');
    this.loadAllButton.title = reason || (more ? 'Fetch every remaining page (in parallel)' : 'All rows are loaded');
    this.cancelButton.hidden = this.pending === undefined;
    this.openInEditorButton.disabled = noMessaging;
    if (noMessaging) this.openInEditorButton.title = reason;
    for (const button of this.exportButtons) {
      button.disabled = noMessaging;
      button.title = reason || 'Export the full result (all pages) to a file';
    }
  }

  private setMessage(text: string, isError = false): void {
    this.message.textContent = text;
    this.message.classList.toggle('sl-error', isError);
  }

  // ---- interaction -----------------------------------------------------------------------------------------

  private request(kind: 'more' | 'all'): void {
    if (!this.post || this.pending) return;
    this.pending = kind;
    const queryId = this.payload.queryId;
    this.post(kind === 'more' ? LoadMoreRequest.create({ queryId }) : LoadAllRequest.create({ queryId }));
    this.setMessage('Loading…');
    this.updateChrome();
  }

  private toggleSort(column: number): void {
    const current = this.sort?.column === column ? this.sort.direction : undefined;
    const next: SortDirection | undefined = current === undefined ? 'asc' : current === 'asc' ? 'desc' : undefined;
    this.sort = next ? { column, direction: next } : undefined;
    this.order = this.sort ? sortedOrder(this.rows, column, this.columns[column], this.sort.direction) : undefined;
    this.refreshView();
    for (const cell of Array.from(this.header.querySelectorAll<HTMLElement>('[data-column]'))) {
      const sorted = this.sort && Number(cell.dataset.column) === this.sort.column;
      if (sorted) cell.setAttribute('aria-sort', this.sort!.direction === 'asc' ? 'ascending' : 'descending');
      else cell.removeAttribute('aria-sort');
    }
    this.renderNow(true);
  }

  private startResize(event: PointerEvent, column: number, handle: HTMLElement): void {
    event.preventDefault();
    event.stopPropagation();
    const startX = event.clientX;
    const startWidth = this.widths[column];
    handle.setPointerCapture?.(event.pointerId);
    const move = (moveEvent: PointerEvent) => {
      this.widths[column] = clampWidth(startWidth + moveEvent.clientX - startX);
      this.applyWidths();
    };
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
  }

  private cellFromEvent(event: Event): { position: number; column: number } | undefined {
    const target = event.target as HTMLElement | null;
    const cell = target?.closest<HTMLElement>('.sl-grid-cell');
    const row = cell?.closest<HTMLElement>('.sl-grid-row');
    if (!cell || !row || row.dataset.position === undefined) return undefined;
    const position = Number(row.dataset.position);
    const column = cell.dataset.column === undefined ? -1 : Number(cell.dataset.column);
    return { position, column };
  }

  private wireEvents(): void {
    this.viewport.addEventListener('scroll', () => this.queueRender(), { passive: true });
    // An editor tab's grid changes height with the tab: draw the rows the new height shows.
    if (this.options.inEditor) this.doc.defaultView?.addEventListener('resize', () => this.queueRender(), { signal: this.documentListeners.signal });
    this.body.addEventListener('mousedown', (event) => {
      const hit = this.cellFromEvent(event);
      if (!hit) return;
      this.viewport.focus({ preventScroll: true });
      const lastColumn = this.columns.length - 1;
      if (hit.column < 0) {
        // Gutter: whole rows.
        const anchorRow = event.shiftKey && this.selection ? this.selection.anchorRow : hit.position;
        this.selection = { anchorRow, anchorColumn: 0, focusRow: hit.position, focusColumn: lastColumn };
      } else if (event.shiftKey && this.selection) {
        this.selection = { ...this.selection, focusRow: hit.position, focusColumn: hit.column };
      } else {
        this.selection = { anchorRow: hit.position, anchorColumn: hit.column, focusRow: hit.position, focusColumn: hit.column };
      }
      this.dragging = true;
      this.renderNow(true);
    });
    this.body.addEventListener('mousemove', (event) => {
      if (!this.dragging || !this.selection) return;
      const hit = this.cellFromEvent(event);
      if (!hit || hit.column < 0) return;
      if (hit.position === this.selection.focusRow && hit.column === this.selection.focusColumn) return;
      this.selection = { ...this.selection, focusRow: hit.position, focusColumn: hit.column };
      this.renderNow(true);
    });
    this.doc.addEventListener(
      'mouseup',
      () => {
        this.dragging = false;
      },
      { signal: this.documentListeners.signal },
    );
    this.body.addEventListener('click', (event) => {
      const target = event.target as HTMLElement | null;
      if (!target?.closest('.sl-grid-link') || event.shiftKey) return;
      const hit = this.cellFromEvent(event);
      if (hit) this.openRecordAt(hit.position, hit.column);
    });
    this.body.addEventListener('contextmenu', (event) => {
      const hit = this.cellFromEvent(event);
      if (!hit || hit.column < 0) return;
      event.preventDefault();
      const box = this.root.getBoundingClientRect();
      this.openMenu(hit.position, hit.column, event.clientX - box.left, event.clientY - box.top);
    });
    this.viewport.addEventListener('keydown', (event) => {
      const modifier = event.ctrlKey || event.metaKey;
      if ((event.key === 'F10' && event.shiftKey) || event.key === 'ContextMenu') {
        if (!this.selection) return;
        event.preventDefault();
        const cell = this.body.querySelector<HTMLElement>(`.sl-grid-row[data-position="${this.selection.focusRow}"] .sl-grid-cell[data-column="${this.selection.focusColumn}"]`);
        const box = this.root.getBoundingClientRect();
        const at = cell?.getBoundingClientRect();
        this.openMenu(this.selection.focusRow, this.selection.focusColumn, at ? at.left - box.left : 0, at ? at.bottom - box.top : 0);
        return;
      }
      if (modifier && event.key.toLowerCase() === 'c') {
        event.preventDefault();
        void this.copySelection();
      } else if (modifier && event.key.toLowerCase() === 'a') {
        event.preventDefault();
        this.selectAll();
      } else if (event.key === ' ' && this.selection) {
        event.preventDefault();
        this.openRecordView();
      } else if (event.key === 'Enter' && this.selection) {
        if (this.openRecordAt(this.selection.focusRow, this.selection.focusColumn)) event.preventDefault();
      } else if (event.key.startsWith('Arrow') && this.selection) {
        event.preventDefault();
        this.moveSelection(event.key, event.shiftKey);
      }
    });
  }

  /** Asks the host to open the record a linked cell names; false when the cell is not a record link. */
  private openRecordAt(position: number, column: number): boolean {
    if (column < 0 || position < 0 || position >= this.shownCount || !this.post) return false;
    const recordType = this.columns[column]?.recordType;
    const id = this.rowAt(position)[column];
    if (!recordType || !id) return false;
    this.post(OpenRecordRequest.create({ queryId: this.payload.queryId, recordType, id }));
    return true;
  }

  // ---- filter row, column chooser, record view ---------------------------------------------------------------

  /** Re-applies the filter to the (sorted) loaded rows; the view is the sorted order when no filter is set. */
  private refreshView(): void {
    const filters = new Map<number, ColumnFilter>();
    for (const [column, text] of this.filterText) {
      const filter = columnFilter(text, this.columns[column]);
      if (filter) filters.set(column, filter);
    }
    this.view = filters.size > 0 ? filterRows(this.rows, this.order, filters, (column, kind) => this.valuesOf(column, kind)) : undefined;
    if (this.selection && this.selection.focusRow >= this.shownCount) this.selection = undefined;
  }

  /** A column parsed as numbers or dates once, until more rows arrive: a keystroke in a filter then only compares. */
  private valuesOf(column: number, kind: 'number' | 'date'): ColumnValues {
    const key = `${kind}:${column}`;
    let values = this.parsedColumns.get(key);
    if (!values || values.length !== this.rows.length) {
      values = columnValues(this.rows, column, kind);
      this.parsedColumns.set(key, values);
    }
    return values;
  }

  private toggleFilterRow(): void {
    if (this.filterRow) {
      this.filterRow.remove();
      this.filterRow = undefined;
      this.filterText.clear();
      this.refreshView();
    } else {
      // Not an ARIA row of the grid: its inputs are labelled "Filter <column>" on their own.
      this.filterRow = this.el('div', 'sl-grid-filter-row');
      this.filterRow.append(this.el('div', 'sl-grid-header-cell sl-grid-gutter'));
      this.columns.forEach((column, index) => {
        const input = this.el('input', 'sl-grid-filter');
        input.type = 'text';
        input.dataset.column = String(index);
        input.placeholder = column.type === 'number' || column.type === 'date' ? '>, <, a..b' : 'contains';
        input.setAttribute('aria-label', `Filter ${column.name}`);
        input.hidden = this.hidden.has(index);
        input.addEventListener('input', () => {
          this.filterText.set(index, input.value);
          this.refreshView();
          this.viewport.scrollTop = 0;
          this.updateChrome();
          this.layout();
          this.renderNow(true);
        });
        // Keys typed in a filter box are the box's own, not the grid's (Ctrl+A, arrows, Space).
        input.addEventListener('keydown', (event) => event.stopPropagation());
        this.filterRow!.append(input);
      });
      this.header.after(this.filterRow);
      this.filterRow.querySelector<HTMLInputElement>('input:not([hidden])')?.focus();
    }
    this.filterButton.setAttribute('aria-pressed', String(this.filterRow !== undefined));
    this.updateChrome();
    this.layout();
    this.renderNow(true);
  }

  private toggleColumnChooser(): void {
    if (this.columnChooser) {
      this.columnChooser.remove();
      this.columnChooser = undefined;
      this.columnsButton.focus();
      return;
    }
    const chooser = this.el('div', 'sl-grid-column-chooser');
    chooser.setAttribute('role', 'group');
    chooser.setAttribute('aria-label', 'Columns shown');
    this.columns.forEach((column, index) => {
      const label = this.el('label', 'sl-grid-column-choice');
      const box = this.el('input', '');
      box.type = 'checkbox';
      box.checked = !this.hidden.has(index);
      box.dataset.choice = String(index);
      box.addEventListener('change', () => this.setColumnHidden(index, !box.checked));
      label.append(box, this.doc.createTextNode(column.name));
      chooser.append(label);
    });
    chooser.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.toggleColumnChooser();
    });
    this.columnChooser = chooser;
    this.viewport.before(chooser);
    chooser.querySelector('input')?.focus();
  }

  private setColumnHidden(column: number, hide: boolean): void {
    // At least one column stays: a grid of nothing but row numbers says nothing.
    if (hide && this.hidden.size >= this.columns.length - 1) {
      this.setMessage('At least one column stays shown.');
      const box = this.columnChooser?.querySelector<HTMLInputElement>(`input[data-choice="${column}"]`);
      if (box) box.checked = true;
      return;
    }
    if (hide) this.hidden.add(column);
    else this.hidden.delete(column);
    this.applyWidths();
    this.renderNow(true);
  }

  private openRecordView(): void {
    if (this.shownCount === 0) return;
    const position = this.selection ? this.selection.focusRow : 0;
    this.recordView?.dispose();
    this.recordView = new RecordView(this.doc, {
      columns: () => this.columns,
      count: () => this.shownCount,
      rowAt: (at) => this.rowAt(at),
      numberOf: (at) => this.rowIndexAt(at) + 1,
      onClose: () => {
        this.recordView = undefined;
        this.viewport.focus({ preventScroll: true });
      },
    });
    this.message.before(this.recordView.root);
    this.recordView.show(position);
  }

  private moveSelection(key: string, extend: boolean): void {
    const selection = this.selection!;
    const lastRow = this.shownCount - 1;
    const lastColumn = this.columns.length - 1;
    let row = selection.focusRow;
    let column = selection.focusColumn;
    if (key === 'ArrowUp') row = Math.max(0, row - 1);
    if (key === 'ArrowDown') row = Math.min(lastRow, row + 1);
    if (key === 'ArrowLeft') column = Math.max(0, column - 1);
    if (key === 'ArrowRight') column = Math.min(lastColumn, column + 1);
    this.selection = extend ? { ...selection, focusRow: row, focusColumn: column } : { anchorRow: row, anchorColumn: column, focusRow: row, focusColumn: column };
    const top = row * ROW_HEIGHT;
    const viewTop = this.viewport.scrollTop + ROW_HEIGHT; // below the sticky header
    const viewBottom = this.viewport.scrollTop + this.viewport.clientHeight;
    if (top < viewTop - ROW_HEIGHT) this.viewport.scrollTop = top;
    else if (top + 2 * ROW_HEIGHT > viewBottom) this.viewport.scrollTop = top + 2 * ROW_HEIGHT - this.viewport.clientHeight;
    this.renderNow(true);
  }

  private selectAll(): void {
    if (this.shownCount === 0) return;
    this.selection = { anchorRow: 0, anchorColumn: 0, focusRow: this.shownCount - 1, focusColumn: this.columns.length - 1 };
    this.renderNow(true);
  }

  private isSelected(position: number, column: number): boolean {
    const s = this.selection;
    if (!s) return false;
    return (
      position >= Math.min(s.anchorRow, s.focusRow) &&
      position <= Math.max(s.anchorRow, s.focusRow) &&
      column >= Math.min(s.anchorColumn, s.focusColumn) &&
      column <= Math.max(s.anchorColumn, s.focusColumn)
    );
  }

  /** The selected cells (all shown rows when nothing is selected), hidden columns left out, with their names. */
  private selectedCells(): { header: string[]; rows: Cell[][]; single: boolean } {
    const s = this.selection ?? { anchorRow: 0, anchorColumn: 0, focusRow: this.shownCount - 1, focusColumn: this.columns.length - 1 };
    const [r1, r2] = [Math.min(s.anchorRow, s.focusRow), Math.max(s.anchorRow, s.focusRow)];
    const [c1, c2] = [Math.min(s.anchorColumn, s.focusColumn), Math.max(s.anchorColumn, s.focusColumn)];
    const columns: number[] = [];
    for (let column = c1; column <= c2; column++) if (!this.hidden.has(column)) columns.push(column);
    const rows: Cell[][] = [];
    // Rows from before a column appeared are short: their missing cells are NULL.
    for (let position = r1; position <= r2; position++) rows.push(columns.map((column) => this.rowAt(position)[column] ?? null));
    return { header: columns.map((column) => this.columns[column].name), rows, single: r1 === r2 && c1 === c2 };
  }

  /** The selection as TSV: a single cell is copied bare; a multi-row or whole-row selection gets a header line. */
  selectionText(withHeader = false): string {
    const { header, rows, single } = this.selectedCells();
    return toTsv(rows, single && !withHeader ? undefined : header);
  }

  /** The selection as CSV, JSON or a Markdown table (always with column names). */
  selectionAs(format: CopyFormat): string {
    const { header, rows } = this.selectedCells();
    return formatSelection(format, header, rows);
  }

  private async copyText(text: string, what: string): Promise<void> {
    const copied = await writeClipboard(this.doc, text);
    this.setMessage(copied ? `Copied ${what}` : 'Copy failed: the clipboard is not available here', !copied);
  }

  /** The grid's context menu for the cell at a view position (the selection moves there unless it holds it). */
  private openMenu(position: number, column: number, x: number, y: number): void {
    if (!this.isSelected(position, column)) {
      this.selection = { anchorRow: position, anchorColumn: column, focusRow: position, focusColumn: column };
      this.renderNow(true);
    }
    const value = this.rowAt(position)[column] ?? null;
    const items: MenuItem[] = [
      { label: 'Copy', run: () => void this.copySelection() },
      { label: 'Copy with Headers', run: () => void this.copyText(this.selectionText(true), 'with headers as tab-separated text') },
      { label: 'Copy as CSV', run: () => void this.copyText(this.selectionAs('csv'), 'as CSV') },
      { label: 'Copy as JSON', run: () => void this.copyText(this.selectionAs('json'), 'as JSON') },
      { label: 'Copy as Markdown', run: () => void this.copyText(this.selectionAs('markdown'), 'as a Markdown table') },
    ];
    if (this.columns[column]?.recordType && value) items.push({ label: `Open ${this.columns[column].recordType} ${value}`, run: () => void this.openRecordAt(position, column) });
    items.push(
      { label: value === null ? 'Filter: Only Empty' : 'Filter by This Value', run: () => this.filterBy(column, value) },
      { label: 'Show as Record', run: () => this.openRecordView() },
    );
    this.menu?.close();
    this.menu = new ContextMenu(this.doc, items, () => {
      this.menu = undefined;
      this.viewport.focus({ preventScroll: true });
    });
    this.menu.open(this.root, x, y);
  }

  private filterBy(column: number, value: Cell): void {
    if (!this.filterRow) this.toggleFilterRow();
    const input = this.filterRow?.querySelector<HTMLInputElement>(`.sl-grid-filter[data-column="${column}"]`);
    if (!input) return;
    input.value = value === null ? 'null' : `=${value}`;
    input.dispatchEvent(new Event('input'));
  }

  private async copySelection(): Promise<void> {
    const text = this.selectionText();
    const copied = await writeClipboard(this.doc, text);
    const lines = text === '' ? 0 : text.split('\n').length;
    this.setMessage(copied ? `Copied ${lines === 1 ? '1 value' : `${lines} lines`} as tab-separated text` : 'Copy failed: the clipboard is not available here', !copied);
  }
}

/** The view positions of the rows a selection spans. */
function selectedPositions(selection: Selection | undefined): number[] {
  if (!selection) return [];
  const first = Math.min(selection.anchorRow, selection.focusRow);
  return Array.from({ length: Math.abs(selection.focusRow - selection.anchorRow) + 1 }, (_, offset) => first + offset);
}

async function writeClipboard(doc: Document, text: string): Promise<boolean> {
  try {
    await doc.defaultView?.navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Webviews without clipboard permission still allow execCommand inside a user gesture.
    const area = doc.createElement('textarea');
    area.value = text;
    area.style.position = 'fixed';
    area.style.opacity = '0';
    doc.body.append(area);
    area.select();
    const ok = doc.execCommand?.('copy') ?? false;
    area.remove();
    return ok;
  }
}
