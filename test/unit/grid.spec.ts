// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ResultsGrid, ROW_HEIGHT } from '../../media/renderer/grid';
import { renderError } from '../../media/renderer/errorView';
import { sortedOrder } from '../../media/renderer/sorting';
import { statusText } from '../../media/renderer/status';
import { toTsv } from '../../media/renderer/tsv';
import { visibleRows } from '../../media/renderer/windowing';
import { isHostToRenderer, isRendererToHost, RowsAppended, type RendererToHost } from '../../src/protocol/rendererMessages';
import { isRendererPayload, type RowsPayload } from '../../src/protocol/rows';

function payload(rowCount: number, overrides: Partial<RowsPayload> = {}): RowsPayload {
  return {
    kind: 'rows',
    queryId: 'q1',
    columns: [{ name: 'id', type: 'number', recordType: 'customer' }, { name: 'companyname' }, { name: 'balance', type: 'number' }],
    rows: Array.from({ length: rowCount }, (_, i) => [String(i + 1), `Company ${i + 1}`, i % 7 === 0 ? null : String((i * 37) % 1000)]),
    totalResults: rowCount,
    elapsedMs: 410,
    account: { id: 'TSTDRV1', environment: 'sandbox' },
    ...overrides,
  };
}

function mount(p: RowsPayload, post?: (m: RendererToHost) => void): { grid: ResultsGrid; host: HTMLElement } {
  const host = document.createElement('div');
  document.body.append(host);
  return { grid: new ResultsGrid(host, p, post), host };
}

describe('payload and message guards', () => {
  it('accepts a well-formed rows payload and rejects malformed ones', () => {
    expect(isRendererPayload(payload(2))).toBe(true);
    expect(isRendererPayload({ ...payload(2), rows: [[1, 2]] })).toBe(false); // numbers are not NetSuite cells
    expect(isRendererPayload({ ...payload(2), totalResults: '2' })).toBe(false);
    expect(isRendererPayload({ kind: 'error', queryId: 'q', title: 'Bad Request', detail: 'Invalid search type: x.' })).toBe(true);
    expect(isRendererPayload({ kind: 'error', queryId: 'q', title: 'Bad Request' })).toBe(false);
    expect(isRendererPayload(null)).toBe(false);
  });

  it('validates messages in both directions', () => {
    expect(isRendererToHost({ type: 'loadMore', queryId: 'q1' })).toBe(true);
    expect(isRendererToHost({ type: 'export', queryId: 'q1', format: 'xlsx' })).toBe(true);
    expect(isRendererToHost({ type: 'export', queryId: 'q1', format: 'pdf' })).toBe(false);
    expect(isRendererToHost({ type: 'chartChanged', queryId: 'q1', chart: { kind: 'bar', x: 'a', y: ['b'] } })).toBe(true);
    expect(isRendererToHost({ type: 'chartChanged', queryId: 'q1', chart: { kind: 'bar', x: 'a', y: 'b' } })).toBe(false);
    expect(isRendererToHost({ type: 'openRecord', queryId: 'q1', recordType: 'customer' })).toBe(false);
    expect(isHostToRenderer(RowsAppended.create({ queryId: 'q1', rows: [['1']], loaded: 1, totalResults: 1, done: true }))).toBe(true);
    expect(isHostToRenderer({ type: 'rowsAppended', queryId: 'q1', rows: [['1']], loaded: 1, totalResults: 1, done: 'yes' })).toBe(false);
  });
});

describe('pure grid parts', () => {
  it('windows only the visible rows plus overscan', () => {
    expect(visibleRows(0, 220, 22, 100_000, 5)).toEqual({ start: 0, end: 16 });
    expect(visibleRows(22 * 50_000, 220, 22, 100_000, 5)).toEqual({ start: 49_995, end: 50_016 });
    expect(visibleRows(22 * 100_000, 220, 22, 100_000, 5).end).toBe(100_000);
    expect(visibleRows(0, 220, 22, 0)).toEqual({ start: 0, end: 0 });
  });

  it('sorts numerically, stably, with NULLs last in both directions', () => {
    const rows = [['10'], [null], ['9'], ['100'], ['9']];
    expect(sortedOrder(rows, 0, { name: 'n', type: 'number' }, 'asc')).toEqual([2, 4, 0, 3, 1]);
    expect(sortedOrder(rows, 0, { name: 'n', type: 'number' }, 'desc')).toEqual([3, 0, 2, 4, 1]);
    expect(sortedOrder([['b'], ['A'], ['a']], 0, { name: 's' }, 'asc')).toEqual([1, 2, 0]);
    expect(sortedOrder([['1/15/2024'], ['12/1/2023'], ['2024-01-02']], 0, { name: 'd', type: 'date' }, 'asc')).toEqual([1, 2, 0]);
  });

  it('copies TSV with awkward values quoted and NULL as empty', () => {
    expect(toTsv([['a\tb', 'say "hi"'], [null, 'line\nbreak']], ['x', 'y'])).toBe('x\ty\n"a\tb"\t"say ""hi"""\n\t"line\nbreak"');
  });

  it('states loaded, total and time in the status line', () => {
    expect(statusText(1000, 54210, 410)).toBe('1,000 of 54,210 rows · 0.41 s');
    expect(statusText(12, 12, 80)).toBe('12 rows · 0.08 s');
    expect(statusText(1000, 100000, 500, 100000)).toContain('NetSuite stops at 100,000 rows');
  });
});

describe('ResultsGrid in a DOM', () => {
  it('lets go of every document listener when disposed, so a re-run cell does not keep its rows alive', () => {
    const added: Array<{ type: string; listener: unknown; signal?: AbortSignal }> = [];
    const removed = new Set<unknown>();
    const add = document.addEventListener.bind(document);
    const remove = document.removeEventListener.bind(document);
    document.addEventListener = ((type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions) => {
      added.push({ type, listener, signal: typeof options === 'object' ? options.signal : undefined });
      add(type, listener, options);
    }) as typeof document.addEventListener;
    document.removeEventListener = ((type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions) => {
      removed.add(listener);
      remove(type, listener, options);
    }) as typeof document.removeEventListener;
    try {
      const { grid } = mount(payload(1000));
      expect(added.length).toBeGreaterThan(0);
      grid.dispose();
      const kept = added.filter((entry) => !removed.has(entry.listener) && !entry.signal?.aborted).map((entry) => entry.type);
      expect(kept).toEqual([]);
    } finally {
      document.addEventListener = add;
      document.removeEventListener = remove;
    }
  });

  it('keeps only a window of rows in the DOM for 100,000 rows', () => {
    const { host } = mount(payload(100_000));
    const rendered = host.querySelectorAll('.sl-grid-row:not([style*="display: none"])').length;
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(60);
    expect((host.querySelector('.sl-grid-body') as HTMLElement).style.height).toBe(`${100_000 * ROW_HEIGHT}px`);
    expect(host.querySelector('.sl-grid-status')!.textContent).toBe('100,000 rows · 0.41 s');
  });

  it('renders hostile NetSuite values as inert text', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const { host } = mount(payload(1, { rows: [['7', hostile, '1']] }));
    expect(host.querySelector('img')).toBeNull();
    const cells = Array.from(host.querySelectorAll('.sl-grid-row .sl-grid-cell')).map((c) => c.textContent);
    expect(cells).toContain(hostile);
  });

  it('shows NULL differently from an empty string', () => {
    const { host } = mount(payload(1, { rows: [['1', '', null]] }));
    const cells = Array.from(host.querySelectorAll<HTMLElement>('.sl-grid-row .sl-grid-cell')).slice(1);
    expect(cells[1].classList.contains('sl-null')).toBe(false);
    expect(cells[1].textContent).toBe('');
    expect(cells[2].classList.contains('sl-null')).toBe(true);
  });

  it('sorts loaded rows when a header is clicked, and toggles direction', () => {
    const { grid, host } = mount(payload(3, { rows: [['1', 'b', '5'], ['2', 'c', '40'], ['3', 'a', '100']] }));
    const balanceHeader = host.querySelector<HTMLElement>('.sl-grid-header-cell[data-column="2"]')!;
    balanceHeader.click();
    expect([0, 1, 2].map((i) => grid.rowAt(i)[2])).toEqual(['5', '40', '100']);
    balanceHeader.click();
    expect([0, 1, 2].map((i) => grid.rowAt(i)[2])).toEqual(['100', '40', '5']);
    expect(balanceHeader.getAttribute('aria-sort')).toBe('descending');
  });

  it('asks the extension for more rows and appends what arrives', () => {
    const sent: RendererToHost[] = [];
    const { grid, host } = mount(payload(2, { totalResults: 5 }), (m) => sent.push(m));
    const loadMore = host.querySelector<HTMLButtonElement>('.sl-grid-load-more')!;
    expect(loadMore.disabled).toBe(false);
    loadMore.click();
    expect(sent).toEqual([{ type: 'loadMore', queryId: 'q1' }]);
    expect(loadMore.disabled).toBe(true); // one request at a time
    grid.receive(RowsAppended.create({ queryId: 'q1', rows: [['3', 'x', '1'], ['4', 'y', '2'], ['5', 'z', '3']], loaded: 5, totalResults: 5, done: true }));
    expect(grid.loadedCount).toBe(5);
    expect(host.querySelector('.sl-grid-status')!.textContent).toBe('5 rows · 0.41 s');
    expect(loadMore.disabled).toBe(true); // nothing left
    grid.receive(RowsAppended.create({ queryId: 'other', rows: [['9', 'q', '1']], loaded: 6, totalResults: 6, done: true }));
    expect(grid.loadedCount).toBe(5);
  });

  it('adds columns that first appear on a later page, showing NULL for earlier rows', () => {
    const { grid, host } = mount(payload(1, { totalResults: 2, rows: [['1', 'Acme', '5']] }), () => undefined);
    const columns = [...payload(0).columns, { name: 'email' }];
    grid.receive(RowsAppended.create({ queryId: 'q1', columns, rows: [['2', 'Beta', '6', 'b@x.io']], loaded: 2, totalResults: 2, done: true }));
    const headers = Array.from(host.querySelectorAll('.sl-grid-header-cell[data-column]')).map((h) => h.firstChild?.textContent);
    expect(headers).toEqual(['id', 'companyname', 'balance', 'email']);
    const firstRowEmail = host.querySelector<HTMLElement>('.sl-grid-row[data-position="0"] .sl-grid-cell[data-column="3"]')!;
    expect(firstRowEmail.classList.contains('sl-null')).toBe(true);
    expect(host.querySelector('.sl-grid-row[data-position="1"] .sl-grid-cell[data-column="3"]')!.textContent).toBe('b@x.io');
  });

  it('disables paging and export when the output cannot message the extension', () => {
    const { host } = mount(payload(2, { totalResults: 50 }));
    expect(host.querySelector<HTMLButtonElement>('.sl-grid-load-more')!.disabled).toBe(true);
    expect(host.querySelector<HTMLButtonElement>('.sl-grid-export-csv')!.disabled).toBe(true);
  });

  it('opens a record when an id link is clicked', () => {
    const sent: RendererToHost[] = [];
    const { host } = mount(payload(3), (m) => sent.push(m));
    const link = host.querySelectorAll<HTMLElement>('.sl-grid-link')[1];
    link.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(sent).toEqual([{ type: 'openRecord', queryId: 'q1', recordType: 'customer', id: '2' }]);
  });

  it('opens a record when a person clicks an id link: mousedown, mouseup and click, as a browser sends them', () => {
    const sent: RendererToHost[] = [];
    const { host } = mount(payload(3), (m) => sent.push(m));
    const link = host.querySelectorAll<HTMLElement>('.sl-grid-link')[1];
    // A browser sends the click to the nearest element that is still in the document of those the press and the
    // release both hit: when mousedown re-rendered the cell and replaced the span, that is the cell, not the link.
    const ancestors: HTMLElement[] = [];
    for (let node: HTMLElement | null = link; node; node = node.parentElement) ancestors.push(node);
    link.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    const clickTarget = ancestors.find((node) => node.isConnected)!;
    clickTarget.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    clickTarget.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(sent).toEqual([{ type: 'openRecord', queryId: 'q1', recordType: 'customer', id: '2' }]);
  });

  it('opens the record of the selected id cell with Enter, and does nothing on a plain cell', () => {
    const sent: RendererToHost[] = [];
    const { host } = mount(payload(3), (m) => sent.push(m));
    const cell = (row: number, column: number) =>
      host.querySelector<HTMLElement>(`.sl-grid-row[data-position="${row}"] .sl-grid-cell[data-column="${column}"]`)!;
    const viewport = host.querySelector<HTMLElement>('.sl-grid')!;
    cell(2, 1).dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    viewport.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(sent).toEqual([]);
    cell(2, 0).dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    viewport.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(sent).toEqual([{ type: 'openRecord', queryId: 'q1', recordType: 'customer', id: '3' }]);
  });

  it('filters the loaded rows per column, keeps each row its own number, and says how many match', () => {
    const { grid, host } = mount(payload(1000));
    host.querySelector<HTMLButtonElement>('.sl-grid-filter-toggle')!.click();
    const balance = host.querySelector<HTMLInputElement>('.sl-grid-filter[data-column="2"]')!;
    balance.value = '>990';
    balance.dispatchEvent(new Event('input'));
    // balance = (i * 37) % 1000, NULL every 7th row: rows whose value is 991..999.
    const expected = Array.from({ length: 1000 }, (_, i) => i).filter((i) => i % 7 !== 0 && (i * 37) % 1000 > 990);
    expect(grid.shownCount).toBe(expected.length);
    expect(host.querySelector('.sl-grid-status')!.textContent).toContain(`${expected.length} match the filter`);
    const firstRow = host.querySelector<HTMLElement>('.sl-grid-row[data-position="0"]')!;
    expect(firstRow.querySelector('.sl-grid-gutter')!.textContent).toBe(String(expected[0] + 1));
    expect(grid.selectionText().split('\n')).toHaveLength(expected.length + 1);
    host.querySelector<HTMLButtonElement>('.sl-grid-filter-toggle')!.click();
    expect(grid.shownCount).toBe(1000);
  });

  it('hides and shows columns; a hidden column is left out of copies, and one column always stays', () => {
    const { grid, host } = mount(payload(3));
    host.querySelector<HTMLButtonElement>('.sl-grid-columns')!.click();
    const choice = (column: number) => host.querySelector<HTMLInputElement>(`.sl-grid-column-chooser input[data-choice="${column}"]`)!;
    choice(1).checked = false;
    choice(1).dispatchEvent(new Event('change'));
    expect(host.querySelector<HTMLElement>('.sl-grid-header-cell[data-column="1"]')!.hidden).toBe(true);
    expect(host.querySelector<HTMLElement>('.sl-grid-row[data-position="0"] .sl-grid-cell[data-column="1"]')!.hidden).toBe(true);
    expect(grid.selectionText().split('\n')[0]).toBe('id\tbalance');
    choice(0).checked = false;
    choice(0).dispatchEvent(new Event('change'));
    choice(2).checked = false;
    choice(2).dispatchEvent(new Event('change'));
    expect(choice(2).checked).toBe(true);
    expect(host.querySelector('.sl-grid-message')!.textContent).toBe('At least one column stays shown.');
    choice(1).checked = true;
    choice(1).dispatchEvent(new Event('change'));
    expect(host.querySelector<HTMLElement>('.sl-grid-header-cell[data-column="1"]')!.hidden).toBe(false);
  });

  it('shows the selected row as a record, field by field, with previous and next from the keyboard', () => {
    const { host } = mount(payload(3, { rows: [['1', 'Acme', '5'], ['2', '<b>x</b>', null], ['3', 'Zeta', '7']] }));
    const cell = host.querySelector<HTMLElement>('.sl-grid-row[data-position="1"] .sl-grid-cell[data-column="1"]')!;
    cell.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    host.querySelector<HTMLElement>('.sl-grid')!.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
    const view = host.querySelector<HTMLElement>('.sl-record-view')!;
    const fields = () => [...view.querySelectorAll('dt, dd')].map((node) => node.textContent);
    expect(view.querySelector('.sl-record-title')!.textContent).toBe('Row 2 · 2 of 3 shown');
    expect(fields()).toEqual(['id', '2', 'companyname', '<b>x</b>', 'balance', 'null']);
    expect(view.querySelector('b')).toBeNull();
    view.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    expect(fields()).toEqual(['id', '3', 'companyname', 'Zeta', 'balance', '7']);
    expect(view.querySelector<HTMLButtonElement>('.sl-record-next')!.disabled).toBe(true);
    view.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(host.querySelector('.sl-record-view')).toBeNull();
  });

  it('opens a context menu on a cell with copy formats, open record and filter by this value', () => {
    const sent: RendererToHost[] = [];
    const { grid, host } = mount(payload(5), (m) => sent.push(m));
    const cell = host.querySelector<HTMLElement>('.sl-grid-row[data-position="2"] .sl-grid-cell[data-column="0"]')!;
    cell.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true, clientX: 10, clientY: 10 }));
    const labels = [...host.querySelectorAll('.sl-grid-menu-item')].map((item) => item.textContent);
    expect(labels).toEqual(['Copy', 'Copy with Headers', 'Copy as CSV', 'Copy as JSON', 'Copy as Markdown', 'Open customer 3', 'Filter by This Value', 'Show as Record']);
    expect(grid.selectionAs('markdown')).toBe('| id |\n| --- |\n| 3 |');
    host.querySelectorAll<HTMLButtonElement>('.sl-grid-menu-item')[5].click();
    expect(sent).toEqual([{ type: 'openRecord', queryId: 'q1', recordType: 'customer', id: '3' }]);
    expect(host.querySelector('.sl-grid-menu')).toBeNull();
    cell.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true }));
    host.querySelectorAll<HTMLButtonElement>('.sl-grid-menu-item')[6].click();
    expect(grid.shownCount).toBe(1);
    expect(host.querySelector<HTMLInputElement>('.sl-grid-filter[data-column="0"]')!.value).toBe('=3');
  });

  it('copies a rectangular selection with its header', () => {
    const { grid, host } = mount(payload(3, { rows: [['1', 'a\tb', '5'], ['2', 'c', null], ['3', 'd', '7']] }));
    const cell = (row: number, column: number) =>
      host.querySelector<HTMLElement>(`.sl-grid-row[data-position="${row}"] .sl-grid-cell[data-column="${column}"]`)!;
    cell(0, 1).dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    cell(1, 2).dispatchEvent(new MouseEvent('mousedown', { bubbles: true, shiftKey: true }));
    expect(grid.selectionText()).toBe('companyname\tbalance\n"a\tb"\t5\nc\t');
    cell(2, 1).dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    expect(grid.selectionText()).toBe('d');
  });
});

describe('error output', () => {
  it("shows NetSuite's detail and marks the failing position", () => {
    const host = document.createElement('div');
    renderError(host, {
      kind: 'error',
      queryId: 'q',
      title: 'Bad Request',
      code: 'INVALID_PARAMETER',
      detail: "Invalid search query. Detailed unprocessed description follows. Search error occurred: Unknown identifier 'foo'.",
      query: 'SELECT foo FROM customer',
      position: 7,
    });
    expect(host.querySelector('.sl-error-detail')!.textContent).toContain("Unknown identifier 'foo'");
    expect(host.querySelector('.sl-error-mark')!.textContent).toBe('foo');
    expect(host.querySelector('.sl-error-code')!.textContent).toBe('INVALID_PARAMETER');
  });
});
