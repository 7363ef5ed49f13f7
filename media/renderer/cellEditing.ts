/**
 * Edit mode of the grid: the Edit toggle asks the host which cells map to record fields (EditMap), then a
 * double-click or F2 edits a cell in place; edited cells are marked, "Review changes" lists old → new per record
 * with Apply, and the host's per-row results come back as ✓ or NetSuite's error on its cell. Failed rows keep
 * their edits. "Set field…" and "Delete records…" act on the selected rows. Values are only ever text.
 */
import { unhandledMessage } from '../../src/protocol/guards';
import { ApplyEdits, BulkAction, EditStart, rowTypeColumnOf, type GridEditNotice, type GridEditRequest, type GridRecordEdit, type GridRowRecord, type GridTypeMap } from '../../src/protocol/gridEditMessages';
import type { Cell, RowsColumn } from '../../src/protocol/rows';
import { clearMarks, ensureEditStyles, markCell, markRow, type RowOutcome } from './editMarks';

/** What edit mode needs from the grid, as small accessors (the grid keeps its rows and selection). */
export interface EditHost {
  doc: Document;
  queryId: string;
  root: HTMLElement;
  body: HTMLElement;
  viewport: HTMLElement;
  post: ((message: GridEditRequest) => void) | undefined;
  columns(): RowsColumn[];
  rows: Cell[][];
  rowIndexAt(position: number): number;
  cellAt(event: Event): { position: number; column: number } | undefined;
  /** The focused cell (view position and column), when there is a selection. */
  focusCell(): { position: number; column: number } | undefined;
  /** View positions of the selected rows (first to last). */
  selectedPositions(): number[];
  refresh(): void;
  setMessage(text: string, isError?: boolean): void;
}

interface EditMapState {
  idColumn: number;
  typeColumn?: number;
  types: GridTypeMap[];
}

export class CellEditing {
  readonly buttons: HTMLButtonElement[];
  private readonly toggle: HTMLButtonElement;
  private readonly reviewButton: HTMLButtonElement;
  private readonly setFieldButton: HTMLButtonElement;
  private readonly deleteButton: HTMLButtonElement;
  private on = false;
  private map: EditMapState | undefined;
  /** Row index → column → edited text. */
  private readonly edits = new Map<number, Map<number, string>>();
  private readonly errors = new Map<number, { column?: number; message: string }>();
  private readonly outcomes = new Map<number, RowOutcome>();
  private active: { row: number; column: number; input: HTMLInputElement } | undefined;
  private review: HTMLElement | undefined;
  private busy = false;

  constructor(private readonly host: EditHost) {
    ensureEditStyles(host.doc);
    this.toggle = this.button('Edit', 'sl-grid-edit-toggle', () => this.setEditMode(!this.on));
    this.toggle.title = 'Edit cells in place and apply the changes to NetSuite (cells that cannot be edited say why)';
    this.toggle.setAttribute('aria-pressed', 'false');
    this.toggle.disabled = host.post === undefined;
    if (host.post === undefined) this.toggle.title = 'Editing is in the notebook’s own grid (this one cannot talk to SuiteLens, or is a copy in a tab)';
    this.reviewButton = this.button('Review changes', 'sl-grid-review', () => this.toggleReview());
    this.setFieldButton = this.button('Set field…', 'sl-grid-set-field', () => this.bulk('setField'));
    this.setFieldButton.title = 'Set one field to one value on every selected row';
    this.deleteButton = this.button('Delete records…', 'sl-grid-delete-records', () => this.bulk('delete'));
    this.deleteButton.title = 'Delete the records of the selected rows';
    this.buttons = [this.toggle, this.reviewButton, this.setFieldButton, this.deleteButton];
    this.updateButtons();
    host.body.addEventListener('dblclick', (event) => {
      const hit = this.on ? host.cellAt(event) : undefined;
      if (hit && hit.column >= 0) this.startEdit(hit.position, hit.column);
    });
    host.viewport.addEventListener('keydown', (event) => {
      if (!this.on || event.key !== 'F2') return;
      const focus = host.focusCell();
      if (!focus) return;
      event.preventDefault();
      this.startEdit(focus.position, focus.column);
    });
  }

  private button(label: string, className: string, onClick: () => void): HTMLButtonElement {
    const button = this.host.doc.createElement('button');
    button.type = 'button';
    button.className = className;
    button.textContent = label;
    button.addEventListener('click', onClick);
    return button;
  }

  private updateButtons(): void {
    const count = this.edits.size;
    this.reviewButton.textContent = count > 0 ? `Review changes (${count})` : 'Review changes';
    this.reviewButton.disabled = count === 0 || this.busy;
    this.reviewButton.title = count > 0 ? `Show old → new for the ${count} edited record${count === 1 ? '' : 's'}, then Apply` : 'No edited cells yet: double-click a cell (or F2) to edit it';
    for (const button of [this.reviewButton, this.setFieldButton, this.deleteButton]) button.hidden = !this.on;
    this.setFieldButton.disabled = this.deleteButton.disabled = this.busy;
    this.toggle.setAttribute('aria-pressed', String(this.on));
    this.host.root.classList.toggle('sl-editing', this.on);
  }

  private setEditMode(on: boolean): void {
    if (!on) {
      this.on = false;
      this.closeEditor(false);
      this.updateButtons();
      this.host.setMessage(this.edits.size > 0 ? `Edit mode off; ${this.edits.size} edited record(s) kept until you apply or turn it on and discard.` : '');
      this.host.refresh();
      return;
    }
    if (this.map) {
      this.on = true;
      this.updateButtons();
      this.host.refresh();
      this.host.setMessage(editHelp);
      return;
    }
    const typeColumn = rowTypeColumnOf(this.host.columns());
    const typeValues = typeColumn === undefined ? [] : [...new Set(this.host.rows.map((row) => row[typeColumn]).filter((value): value is string => value !== null && value !== undefined))];
    this.host.setMessage('Checking which columns can be edited…');
    this.host.post?.(EditStart.create({ queryId: this.host.queryId, typeValues }));
  }

  /** Host answers for this grid's query. */
  receive(message: GridEditNotice): void {
    if (message.queryId !== this.host.queryId) return;
    if (message.type === 'editMap') {
      if (message.readOnly || message.reason || message.idColumn === undefined) {
        this.host.setMessage(message.readOnly ?? message.reason ?? 'This result cannot be edited.', true);
        return;
      }
      this.map = { idColumn: message.idColumn, typeColumn: message.typeColumn, types: message.types };
      this.on = true;
      this.updateButtons();
      this.host.refresh();
      this.host.setMessage(editHelp);
      return;
    }
    if (message.type !== 'editResults') unhandledMessage(message);
    this.busy = false;
    for (const result of message.results) {
      const row = this.host.rows[result.row];
      if (!row) continue;
      if (result.status === 'deleted') {
        this.edits.delete(result.row);
        this.errors.delete(result.row);
        this.outcomes.set(result.row, 'deleted');
      } else if (result.status === 'saved') {
        // Only the columns NetSuite now has are taken: a bulk Set field leaves the row's other pending edits (and
        // their error) as they were.
        const edits = this.edits.get(result.row);
        for (const { column, value } of result.values ?? []) {
          row[column] = value;
          edits?.delete(column);
        }
        if (edits && edits.size > 0) continue;
        this.edits.delete(result.row);
        this.errors.delete(result.row);
        this.outcomes.set(result.row, 'saved');
      } else if (result.status === 'failed' || result.status === 'unknown') {
        this.errors.set(result.row, { column: result.column, message: result.message ?? 'NetSuite did not say why.' });
        this.outcomes.set(result.row, 'failed');
      }
    }
    this.updateButtons();
    // Everything applied: the review has nothing left to show.
    if (this.review && this.edits.size === 0) this.toggleReview();
    else if (this.review) this.renderReview();
    this.host.refresh();
    this.host.setMessage(message.summary, message.failed > 0);
  }

  /** Marks one drawn row (called by the grid each time it fills a row element). */
  decorateRow(element: HTMLElement, rowIndex: number): void {
    clearMarks(element);
    const outcome = this.outcomes.get(rowIndex);
    const error = this.errors.get(rowIndex);
    markRow(element, outcome, error?.message);
    if (!this.on && !this.edits.has(rowIndex) && !error) return;
    const row = this.host.rows[rowIndex];
    const typeMap = this.typeMapOf(row);
    const edited = this.edits.get(rowIndex);
    for (const cell of Array.from(element.children).slice(1) as HTMLElement[]) {
      const column = Number(cell.dataset.column);
      const reason = typeMap ? (typeMap.fields[column] === null ? (typeMap.reasons[column] ?? 'Not a field of the record.') : undefined) : this.rowReason(row);
      const cellError = error && (error.column === column || (error.column === undefined && column === this.map?.idColumn)) ? error.message : undefined;
      markCell(cell, { original: row[column] ?? null, edited: edited?.get(column), error: cellError, readOnlyReason: this.on ? reason : undefined });
      if (this.active && this.active.row === rowIndex && this.active.column === column && cell.firstElementChild !== this.active.input) {
        cell.replaceChildren(this.active.input);
        this.active.input.focus();
      }
    }
  }

  private typeMapOf(row: Cell[] | undefined): GridTypeMap | undefined {
    if (!this.map || !row) return undefined;
    const value = this.map.typeColumn === undefined ? '' : (row[this.map.typeColumn] ?? '');
    const typeMap = this.map.types.find((type) => type.value === value);
    return typeMap?.recordType ? typeMap : undefined;
  }

  private rowReason(row: Cell[] | undefined): string {
    if (!this.map) return 'Turn on Edit first.';
    const value = this.map.typeColumn === undefined ? '' : (row?.[this.map.typeColumn] ?? '');
    return this.map.types.find((type) => type.value === value)?.rowReason ?? 'This row is not a record SuiteLens can edit.';
  }

  private recordOf(rowIndex: number): GridRowRecord | undefined {
    const row = this.host.rows[rowIndex];
    const typeMap = this.typeMapOf(row);
    const id = this.map ? row?.[this.map.idColumn] : undefined;
    return typeMap?.recordType && id ? { row: rowIndex, recordType: typeMap.recordType, id } : undefined;
  }

  private startEdit(position: number, column: number): void {
    const rowIndex = this.host.rowIndexAt(position);
    const row = this.host.rows[rowIndex];
    const typeMap = this.typeMapOf(row);
    if (this.outcomes.get(rowIndex) === 'deleted') return this.host.setMessage('This record was deleted.', true);
    if (!typeMap || typeMap.fields[column] === null) {
      this.host.setMessage(`Read-only: ${typeMap ? typeMap.reasons[column] : this.rowReason(row)}`, true);
      return;
    }
    this.closeEditor(true);
    const input = this.host.doc.createElement('input');
    input.type = 'text';
    input.className = 'sl-grid-cell-input';
    input.value = this.edits.get(rowIndex)?.get(column) ?? row[column] ?? '';
    input.setAttribute('aria-label', `Edit ${this.host.columns()[column].name}`);
    // The input's keys and clicks are its own, not the grid's (arrows, Ctrl+A, selection on mousedown).
    input.addEventListener('mousedown', (event) => event.stopPropagation());
    input.addEventListener('dblclick', (event) => event.stopPropagation());
    input.addEventListener('keydown', (event) => {
      event.stopPropagation();
      if (event.key === 'Enter') {
        event.preventDefault();
        this.closeEditor(true);
        this.host.viewport.focus({ preventScroll: true });
      } else if (event.key === 'Escape') {
        event.preventDefault();
        this.closeEditor(false);
        this.host.viewport.focus({ preventScroll: true });
      }
    });
    // A redraw moves the input back into its cell and focuses it again; only a real focus change ends the edit.
    input.addEventListener('blur', () =>
      setTimeout(() => {
        if (this.active?.input === input && this.host.doc.activeElement !== input) this.closeEditor(true);
      }, 0),
    );
    this.active = { row: rowIndex, column, input };
    this.host.refresh();
    input.select();
  }

  private closeEditor(keep: boolean): void {
    const active = this.active;
    if (!active) return;
    this.active = undefined;
    if (keep) {
      const original = this.host.rows[active.row]?.[active.column] ?? '';
      const edits = this.edits.get(active.row) ?? new Map<number, string>();
      if (active.input.value === original) edits.delete(active.column);
      else edits.set(active.column, active.input.value);
      if (edits.size > 0) this.edits.set(active.row, edits);
      else this.edits.delete(active.row);
      if (edits.size > 0) this.outcomes.delete(active.row);
    }
    active.input.remove();
    this.updateButtons();
    if (this.review) this.renderReview();
    this.host.refresh();
  }

  /** The edited records as the host wants them (old and new text per changed field). */
  private pendingEdits(): GridRecordEdit[] {
    const records: GridRecordEdit[] = [];
    for (const [rowIndex, changes] of this.edits) {
      const record = this.recordOf(rowIndex);
      const typeMap = this.typeMapOf(this.host.rows[rowIndex]);
      if (!record || !typeMap) continue;
      records.push({
        ...record,
        changes: [...changes].map(([column, after]) => ({ column, field: typeMap.fields[column] ?? '', before: this.host.rows[rowIndex][column] ?? null, after })),
      });
    }
    return records.sort((a, b) => a.row - b.row);
  }

  private toggleReview(): void {
    if (this.review) {
      this.review.remove();
      this.review = undefined;
      return;
    }
    this.review = this.host.doc.createElement('div');
    this.review.className = 'sl-review';
    this.review.setAttribute('role', 'region');
    this.review.setAttribute('aria-label', 'Review changes');
    this.host.viewport.after(this.review);
    this.renderReview();
  }

  private renderReview(): void {
    const review = this.review!;
    const doc = this.host.doc;
    const records = this.pendingEdits();
    const bar = doc.createElement('div');
    bar.className = 'sl-review-bar';
    const title = doc.createElement('span');
    title.className = 'sl-review-title';
    title.textContent = records.length > 0 ? `Review changes: ${records.length} record${records.length === 1 ? '' : 's'}` : 'No changes to apply';
    const apply = this.button('Apply', 'sl-review-apply', () => this.apply());
    apply.disabled = records.length === 0 || this.busy;
    const discard = this.button('Discard all', 'sl-review-discard', () => {
      this.edits.clear();
      this.errors.clear();
      this.updateButtons();
      this.renderReview();
      this.host.refresh();
    });
    const close = this.button('Close', 'sl-review-close', () => this.toggleReview());
    bar.append(title, apply, discard, close);
    const list = doc.createElement('ul');
    list.className = 'sl-review-list';
    const columns = this.host.columns();
    for (const record of records) {
      const item = doc.createElement('li');
      item.className = 'sl-review-record';
      const name = doc.createElement('div');
      name.className = 'sl-review-record-name';
      name.textContent = `${record.recordType} ${record.id} (row ${record.row + 1})`;
      item.append(name);
      for (const change of record.changes) {
        const line = doc.createElement('div');
        line.className = 'sl-review-change';
        const old = doc.createElement('span');
        old.className = 'sl-review-old';
        old.textContent = change.before ?? 'null';
        line.append(doc.createTextNode(`${change.field} (${columns[change.column]?.name ?? change.column}): `), old, doc.createTextNode(` → ${change.after === '' ? '(empty)' : change.after}`));
        item.append(line);
      }
      const error = this.errors.get(record.row);
      if (error) {
        const line = doc.createElement('div');
        line.className = 'sl-review-error';
        line.textContent = `NetSuite: ${error.message}`;
        item.append(line);
      }
      list.append(item);
    }
    review.replaceChildren(bar, list);
  }

  private apply(): void {
    const records = this.pendingEdits();
    if (records.length === 0 || !this.host.post) return;
    this.busy = true;
    this.updateButtons();
    if (this.review) this.renderReview();
    this.host.setMessage(`Applying ${records.length} edited record${records.length === 1 ? '' : 's'}…`);
    this.host.post(ApplyEdits.create({ queryId: this.host.queryId, records }));
  }

  private bulk(action: 'setField' | 'delete'): void {
    if (!this.host.post) return;
    const rows = [...new Set(this.host.selectedPositions().map((position) => this.host.rowIndexAt(position)))];
    const records = rows.filter((row) => this.outcomes.get(row) !== 'deleted').flatMap((row) => this.recordOf(row) ?? []);
    if (records.length === 0) {
      this.host.setMessage('Select the rows first: click a row number, Shift+click another, or Ctrl+A for all loaded rows.', true);
      return;
    }
    const skipped = rows.length - records.length;
    this.busy = true;
    this.updateButtons();
    this.host.setMessage(`${action === 'delete' ? 'Delete' : 'Set field on'} ${records.length} selected record${records.length === 1 ? '' : 's'}${skipped ? ` (${skipped} row${skipped === 1 ? '' : 's'} that are no editable record left out)` : ''}: answer in VS Code's prompts…`);
    this.host.post(BulkAction.create({ queryId: this.host.queryId, action, records }));
  }
}

const editHelp = 'Edit mode: double-click a cell (or F2) to change it; dimmed cells cannot be edited (hover to see why). Review changes shows old → new before Apply.';
