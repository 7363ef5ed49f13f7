/**
 * Undo steps of a record form. VS Code keeps a custom editor's undo stack (Ctrl+Z, Edit → Undo/Redo) and its dirty
 * state (dirty = not at the save point); the form decides what one step is, what it is called in the Edit menu, and
 * what undoing it changes. Pure, unit-tested.
 */
import { sameValue, type FormModel, type FormValues } from '../../../protocol/formModel';

/**
 * What the webview reports: `type` (a keystroke in a text field), `set` (a choice: checkbox, option, picked
 * reference), `addLine` (path = the sublist) or `removeLine` (path = the line, `item.items[2]`).
 */
export interface FormChange {
  action: 'type' | 'set' | 'addLine' | 'removeLine';
  path: string;
}

/** One undo step: the values before it and after it (`after` grows while the same field is being typed). */
export interface FormEditStep {
  readonly label: string;
  readonly change: FormChange;
  readonly before: FormValues;
  after: FormValues;
  /** When the last keystroke of the step came (ms). */
  lastAt: number;
}

/**
 * Keystrokes in one field are one step until the user types elsewhere or pauses this long. Long enough that the
 * pauses of ordinary typing (reading a number off a page, fixing a typo) stay in one step, short enough that two
 * separate thoughts in the same field come back one at a time. Choices (`set`) and line changes are always a step
 * of their own, so toggling a checkbox twice is two undoable steps rather than one that changes nothing.
 */
export const typingPauseMs = 1_500;

/** Whether a change at `at` extends the open step instead of starting a new one. */
export function continuesStep(open: FormEditStep | undefined, change: FormChange, at: number): boolean {
  return open !== undefined && open.change.action === 'type' && change.action === 'type' && open.change.path === change.path && at - open.lastAt < typingPauseMs;
}

const cellPath = /^([^.[\]]+)\.items\[(\d+)\](?:\.(.+))?$/;

/** The step's name in Edit → Undo: "Edit Phone", "Edit Items line 2 Quantity", "Add Items line", "Remove Items line 2". */
export function editLabel(model: FormModel, change: FormChange): string {
  const cell = cellPath.exec(change.path);
  const sublist = model.sublists.find((candidate) => candidate.id === (cell ? cell[1] : change.path));
  if (change.action === 'addLine') return `Add ${sublist?.title ?? change.path} line`;
  if (cell && sublist) {
    const line = `${sublist.title} line ${Number(cell[2]) + 1}`;
    if (change.action === 'removeLine' || !cell[3]) return `Remove ${line}`;
    const column = sublist.columns.find((candidate) => candidate.id === cell[3]);
    return `Edit ${line} ${column?.title ?? cell[3]}`;
  }
  return `Edit ${model.fields.find((field) => field.id === change.path)?.title ?? change.path}`;
}

/**
 * `current` with what changed between `from` and `to` set to `to` (undo: from = after, to = before; redo: the other
 * way). Only the fields and sublists the step touched move, so a step undone after a save leaves whatever the reload
 * brought for the rest of the record.
 */
export function applyStep(current: FormValues, from: FormValues, to: FormValues): FormValues {
  const next: FormValues = { ...current };
  for (const key of new Set([...Object.keys(from), ...Object.keys(to)])) {
    if (sameValue(from[key], to[key])) continue;
    const value = to[key];
    if (value === undefined) delete next[key];
    else next[key] = structuredClone(value);
  }
  return next;
}
