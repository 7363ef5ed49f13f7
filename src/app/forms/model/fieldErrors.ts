/**
 * Where an error belongs on the form. NetSuite names the field in `o:errorPath` (`email`, `item.items[0].item`,
 * netsuite-wire.md §4.1); our own schema validation names it by JSON pointer (`/item/items/0/quantity`). Both become
 * the same path string the webview marks fields with; a detail without a path (or naming no field of the form)
 * goes to the top of the form with NetSuite's text.
 */
import type { NetSuiteErrorDetail } from '../../../netsuite/errors';
import type { FormModel } from './formModel';

export type FieldLocation = { field: string } | { sublist: string; line: number; field: string };

export interface FieldError {
  /** `email` or `item.items[0].item`, the form's own path of the field. */
  path: string;
  message: string;
}

export interface PlacedErrors {
  fields: FieldError[];
  /** Messages for the top of the form. */
  general: string[];
}

/** `item.items[0].item` → the sublist cell; `email` → the body field; anything else → undefined. */
export function locateErrorPath(path: string): FieldLocation | undefined {
  const cell = /^([A-Za-z0-9_]+)\.items\[(\d+)\]\.([A-Za-z0-9_]+)$/.exec(path);
  if (cell) return { sublist: cell[1], line: Number(cell[2]), field: cell[3] };
  return /^[A-Za-z0-9_]+$/.test(path) ? { field: path } : undefined;
}

export function pathOf(location: FieldLocation): string {
  return 'sublist' in location ? `${location.sublist}.items[${location.line}].${location.field}` : location.field;
}

/** `/item/items/0/quantity` (ajv's instancePath) → `item.items[0].quantity`. */
export function pathOfPointer(pointer: string): string {
  const parts = pointer.split('/').filter(Boolean);
  if (parts.length === 4 && parts[1] === 'items' && /^\d+$/.test(parts[2])) return `${parts[0]}.items[${parts[2]}].${parts[3]}`;
  return parts[0] ?? '';
}

/**
 * Puts each detail on the field it names when the form has that field (or sublist column); the rest at the top.
 * `lineOffset` maps a line index of the request back to the form's line (they are the same for our requests).
 */
export function placeErrors(details: readonly NetSuiteErrorDetail[], model: FormModel, fallback: string): PlacedErrors {
  const placed: PlacedErrors = { fields: [], general: [] };
  for (const detail of details) {
    const location = detail.errorPath ? locateErrorPath(detail.errorPath) : undefined;
    if (location && isOnForm(location, model)) placed.fields.push({ path: pathOf(location), message: detail.detail });
    else placed.general.push(detail.detail);
  }
  if (placed.fields.length === 0 && placed.general.length === 0) placed.general.push(fallback);
  return placed;
}

function isOnForm(location: FieldLocation, model: FormModel): boolean {
  if ('sublist' in location) return model.sublists.some((s) => s.id === location.sublist && s.columns.some((c) => c.id === location.field));
  return model.fields.some((f) => f.id === location.field) || model.sublists.some((s) => s.id === location.field);
}
