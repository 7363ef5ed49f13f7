/**
 * One row of a result shown as a record: each column's name beside its value, with Previous/Next. Wide results
 * (a `SELECT *` of 80 columns) are read this way far more easily than across the grid. Values are text, never HTML.
 */
import type { Cell, RowsColumn } from '../../src/protocol/rows';
import { textButton } from './textButton';

export interface RecordViewSource {
  columns(): readonly RowsColumn[];
  count(): number;
  rowAt(position: number): readonly Cell[];
  /** The row's own number as the grid's gutter shows it. */
  numberOf(position: number): number;
  onClose(): void;
}

export class RecordView {
  readonly root: HTMLElement;
  private position = 0;
  private readonly title: HTMLElement;
  private readonly fields: HTMLElement;
  private readonly previous: HTMLButtonElement;
  private readonly next: HTMLButtonElement;

  constructor(
    private readonly doc: Document,
    private readonly source: RecordViewSource,
  ) {
    this.root = doc.createElement('section');
    this.root.className = 'sl-record-view';
    this.root.setAttribute('aria-label', 'Record view');
    this.root.tabIndex = -1;
    const bar = doc.createElement('div');
    bar.className = 'sl-record-bar';
    this.title = doc.createElement('span');
    this.title.className = 'sl-record-title';
    this.title.setAttribute('aria-live', 'polite');
    this.previous = textButton(this.doc, '‹ Previous', 'sl-record-previous', () => this.show(this.position - 1));
    this.next = textButton(this.doc, 'Next ›', 'sl-record-next', () => this.show(this.position + 1));
    const close = textButton(this.doc, 'Close', 'sl-record-close', () => this.close());
    bar.append(this.title, this.previous, this.next, close);
    this.fields = doc.createElement('dl');
    this.fields.className = 'sl-record-fields';
    this.root.append(bar, this.fields);
    this.root.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.close();
      else if (event.key === 'ArrowLeft' || event.key === 'PageUp') this.show(this.position - 1);
      else if (event.key === 'ArrowRight' || event.key === 'PageDown') this.show(this.position + 1);
      else return;
      event.preventDefault();
      event.stopPropagation();
    });
  }

  show(position: number): void {
    const count = this.source.count();
    if (count === 0) return this.close();
    this.position = Math.max(0, Math.min(count - 1, position));
    const row = this.source.rowAt(this.position);
    this.title.textContent = `Row ${this.source.numberOf(this.position).toLocaleString('en-US')} · ${(this.position + 1).toLocaleString('en-US')} of ${count.toLocaleString('en-US')} shown`;
    const entries = this.source.columns().flatMap((column, index) => {
      const name = this.doc.createElement('dt');
      name.textContent = column.name;
      const value = this.doc.createElement('dd');
      const cell = row[index] ?? null;
      value.textContent = cell ?? 'null';
      if (cell === null) value.className = 'sl-null';
      return [name, value];
    });
    this.fields.replaceChildren(...entries);
    this.previous.disabled = this.position === 0;
    this.next.disabled = this.position === count - 1;
    if (!this.root.contains(this.doc.activeElement)) this.root.focus({ preventScroll: true });
  }

  private close(): void {
    this.dispose();
    this.source.onClose();
  }

  dispose(): void {
    this.root.remove();
  }
}
