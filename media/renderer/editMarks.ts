/**
 * How edit mode marks the grid: edited cells, cells NetSuite refused (its message on hover and in the cell's
 * label), read-only cells with the reason, and each row's outcome in its number cell (✓ saved, ✗ refused, deleted).
 * Everything is written as text; styles come from VS Code's theme variables.
 */
import type { Cell } from '../../src/protocol/rows';
import { ensureStyles } from './styles';

export const editStyles = `
.sl-grid-root.sl-editing .sl-grid-cell.sl-readonly-cell { color: var(--vscode-disabledForeground, var(--vscode-descriptionForeground)); }
.sl-grid-cell.sl-edited { background: var(--vscode-diffEditor-insertedTextBackground, #9bb95533); font-style: italic; }
.sl-grid-cell.sl-edited::before { content: "✎ "; font-style: normal; color: var(--vscode-editorInfo-foreground, #3794ff); }
.sl-grid-cell.sl-cell-error { outline: 1px solid var(--vscode-inputValidation-errorBorder, #f14c4c); outline-offset: -1px;
  background: var(--vscode-inputValidation-errorBackground, #f14c4c22); }
.sl-grid-gutter.sl-row-saved::after { content: " ✓"; color: var(--vscode-testing-iconPassed, #73c991); }
.sl-grid-gutter.sl-row-failed::after { content: " ✗"; color: var(--vscode-errorForeground, #f14c4c); }
.sl-grid-row.sl-row-deleted .sl-grid-cell:not(.sl-grid-gutter) { text-decoration: line-through; opacity: 0.6; }
.sl-grid-cell-input { width: 100%; height: 100%; box-sizing: border-box; font: inherit; border: 1px solid var(--vscode-focusBorder);
  background: var(--vscode-input-background); color: var(--vscode-input-foreground); padding: 0 4px; user-select: text; }
.sl-grid-edit-toggle[aria-pressed="true"] { background: var(--vscode-button-background); color: var(--vscode-button-foreground); }
.sl-review { margin-top: 6px; border: 1px solid var(--vscode-editorWidget-border, #8884); background: var(--vscode-editorWidget-background, var(--vscode-editor-background)); }
.sl-review-bar { display: flex; align-items: center; gap: 6px; padding: 4px 6px; border-bottom: 1px solid var(--vscode-editorWidget-border, #8884); }
.sl-review-title { margin-right: auto; font-weight: 600; }
.sl-review-bar button { font: inherit; color: var(--vscode-button-secondaryForeground, var(--vscode-foreground)); background: var(--vscode-button-secondaryBackground, transparent);
  border: 1px solid var(--vscode-button-border, var(--vscode-contrastBorder, transparent)); border-radius: 2px; padding: 2px 8px; cursor: pointer; }
.sl-review-bar button.sl-review-apply { background: var(--vscode-button-background); color: var(--vscode-button-foreground); }
.sl-review-list { margin: 0; padding: 6px 10px; max-height: 300px; overflow: auto; font-family: var(--vscode-editor-font-family, monospace);
  font-size: var(--vscode-editor-font-size, 12px); list-style: none; }
.sl-review-record { margin-bottom: 4px; }
.sl-review-record-name { font-weight: 600; }
.sl-review-change { padding-left: 14px; white-space: pre; }
.sl-review-old { text-decoration: line-through; color: var(--vscode-descriptionForeground); }
.sl-review-error { padding-left: 14px; color: var(--vscode-errorForeground); white-space: pre-wrap; }
`;

export function ensureEditStyles(doc: Document): void {
  ensureStyles(doc, 'sl-grid-edit-styles', editStyles);
}

export type RowOutcome = 'saved' | 'failed' | 'deleted';

/** What one cell looks like in edit mode. */
export interface CellMark {
  /** The edited text, when the cell was changed and not yet saved. */
  edited?: string;
  original: Cell;
  /** NetSuite's refusal on this cell. */
  error?: string;
  /** Why the cell cannot be edited; undefined when it can. */
  readOnlyReason?: string;
}

/** Marks a drawn cell; the grid has already written the cell's own value into it. */
export function markCell(cell: HTMLElement, mark: CellMark): void {
  cell.classList.toggle('sl-readonly-cell', mark.readOnlyReason !== undefined);
  cell.classList.toggle('sl-edited', mark.edited !== undefined);
  cell.classList.toggle('sl-cell-error', mark.error !== undefined);
  if (mark.edited !== undefined) {
    cell.textContent = mark.edited === '' ? '(empty)' : mark.edited;
    cell.classList.remove('sl-null');
  }
  const lines: string[] = [];
  if (mark.error !== undefined) lines.push(`NetSuite: ${mark.error}`);
  if (mark.edited !== undefined) lines.push(`Edited: ${mark.original ?? 'null'} → ${mark.edited === '' ? '(empty)' : mark.edited}`);
  if (mark.readOnlyReason !== undefined) lines.push(`Read-only: ${mark.readOnlyReason}`);
  if (lines.length > 0) cell.title = lines.join('\n');
  if (mark.error !== undefined) cell.setAttribute('aria-invalid', 'true');
  else cell.removeAttribute('aria-invalid');
}

/** Clears what `markCell` and `markRow` added (edit mode off, or a pooled row reused for another row). */
export function clearMarks(row: HTMLElement): void {
  row.classList.remove('sl-row-deleted');
  for (const cell of Array.from(row.children) as HTMLElement[]) {
    cell.classList.remove('sl-readonly-cell', 'sl-edited', 'sl-cell-error', 'sl-row-saved', 'sl-row-failed');
    cell.removeAttribute('aria-invalid');
  }
}

export function markRow(row: HTMLElement, outcome: RowOutcome | undefined, message: string | undefined): void {
  const gutter = row.firstElementChild as HTMLElement | null;
  row.classList.toggle('sl-row-deleted', outcome === 'deleted');
  if (!gutter) return;
  gutter.classList.toggle('sl-row-saved', outcome === 'saved');
  gutter.classList.toggle('sl-row-failed', outcome === 'failed');
  gutter.title = outcome === 'saved' ? 'Saved to NetSuite' : outcome === 'deleted' ? 'Deleted in NetSuite' : outcome === 'failed' ? `Not saved: ${message ?? 'NetSuite refused it'}` : '';
}
