// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { FULL_HEIGHT_MAX_ROWS, ResultsGrid, ROW_HEIGHT } from '../../media/renderer/grid';
import { isRendererToHost, RowsAppended, type RendererToHost } from '../../src/protocol/rendererMessages';
import type { RowsPayload } from '../../src/protocol/rows';

function payload(rowCount: number): RowsPayload {
  return {
    kind: 'rows',
    queryId: 'q1',
    columns: [{ name: 'id', type: 'number', recordType: 'customer' }, { name: 'companyname' }],
    rows: Array.from({ length: rowCount }, (_, i) => [String(i + 1), `Company ${i + 1}`]),
    totalResults: rowCount + 50,
    elapsedMs: 30,
    account: { id: 'TSTDRV1', environment: 'sandbox' },
  };
}

function mount(p: RowsPayload, post?: (m: RendererToHost) => void, inEditor = false): { grid: ResultsGrid; host: HTMLElement } {
  const host = document.createElement('div');
  document.body.append(host);
  return { grid: new ResultsGrid(host, p, post, { inEditor }), host };
}

const button = (host: HTMLElement, name: string) => host.querySelector<HTMLButtonElement>(`.${name}`)!;
const viewportHeight = (host: HTMLElement) => host.querySelector<HTMLElement>('.sl-grid')!.style.height;

describe('grid height', () => {
  it('grows to show every loaded row at full height, up to a cap, and back', () => {
    const { grid, host } = mount(payload(100));
    expect(viewportHeight(host)).toBe('420px');
    const fullHeight = button(host, 'sl-grid-full-height');
    fullHeight.click();
    expect(fullHeight.getAttribute('aria-pressed')).toBe('true');
    expect(viewportHeight(host)).toBe(`${101 * ROW_HEIGHT + 2}px`);
    grid.receive(RowsAppended.create({ queryId: 'q1', rows: payload(FULL_HEIGHT_MAX_ROWS + 50).rows, loaded: 1150, totalResults: 1150, done: true }));
    expect(viewportHeight(host)).toBe(`${FULL_HEIGHT_MAX_ROWS * ROW_HEIGHT}px`);
    fullHeight.click();
    expect(viewportHeight(host)).toBe('420px');
    grid.dispose();
  });

  it('keeps full height for the next result once chosen', () => {
    const first = mount(payload(30));
    button(first.host, 'sl-grid-full-height').click();
    first.grid.dispose();
    const next = mount(payload(30));
    expect(button(next.host, 'sl-grid-full-height').getAttribute('aria-pressed')).toBe('true');
    expect(viewportHeight(next.host)).toBe(`${31 * ROW_HEIGHT + 2}px`);
    button(next.host, 'sl-grid-full-height').click();
    next.grid.dispose();
  });
});

describe('Open in Editor', () => {
  it('sends the loaded rows and current columns to the host, in a message the host accepts', () => {
    const sent: RendererToHost[] = [];
    const { grid, host } = mount(payload(3), (m) => sent.push(m));
    host.querySelector<HTMLElement>('.sl-grid-header-cell[data-column="1"]')!.click(); // sorted here, not in the tab
    grid.receive(RowsAppended.create({ queryId: 'q1', rows: [['4', 'Late', 'x@y.z']], columns: [...payload(0).columns, { name: 'email' }], loaded: 4, totalResults: 53, done: true }));
    button(host, 'sl-grid-open-editor').click();
    expect(sent).toHaveLength(1);
    const [request] = sent;
    expect(isRendererToHost(request)).toBe(true);
    expect(request.type).toBe('openInEditor');
    if (request.type !== 'openInEditor') return;
    expect(request.result.columns.map((c) => c.name)).toEqual(['id', 'companyname', 'email']);
    expect(request.result.rows.map((row) => row[0])).toEqual(['1', '2', '3', '4']);
    expect(request.result.totalResults).toBe(53);
    grid.dispose();
  });

  it('is not offered where the output cannot reach the extension, nor inside the editor tab itself', () => {
    const offline = mount(payload(3));
    expect(button(offline.host, 'sl-grid-open-editor').disabled).toBe(true);
    const tab = mount(payload(3), () => undefined, true);
    expect(button(tab.host, 'sl-grid-open-editor').hidden).toBe(true);
    expect(button(tab.host, 'sl-grid-full-height').hidden).toBe(true);
    // The tab's grid takes the tab's height from the page (styles.ts), not a row count.
    expect(viewportHeight(tab.host)).toBe('');
    offline.grid.dispose();
    tab.grid.dispose();
  });
});
