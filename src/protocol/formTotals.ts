/**
 * Live amounts on a transaction form, as NetSuite's form shows them while editing, before anything is saved: a line's
 * amount follows quantity × rate when either changes, and the body's subtotal (sum of line amounts) and total
 * (subtotal plus tax where the record has a tax total) follow the lines. NetSuite recomputes the same on save; the
 * sandbox does (deriveAmounts). Pure, shared by the form webview and its unit spec.
 */
import type { FormModel, FormValues, LineValues } from './formModel';

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Paths (`amount` of a line, `subtotal`, `total`) whose values changed after the edit at `path`. */
export function recalculate(model: FormModel, values: FormValues, path: string): string[] {
  const changed: string[] = [];
  const line = /^([A-Za-z0-9_]+)\.items\[(\d+)\]\.(quantity|rate)$/.exec(path);
  if (line) {
    const [, sublistId, index] = line;
    const target = linesOf(values, sublistId)[Number(index)];
    if (target && hasColumn(model, sublistId, 'amount')) {
      const amount = typeof target.quantity === 'number' && typeof target.rate === 'number' ? round2(target.quantity * target.rate) : undefined;
      if (amount !== undefined && target.amount !== amount) {
        target.amount = amount;
        changed.push(`${sublistId}.items[${index}].amount`);
      }
    }
  }
  const bodyTotals = ['subtotal', 'total'].filter((id) => model.fields.some((field) => field.id === id));
  if (bodyTotals.length === 0) return changed;
  let subtotal = 0;
  let counted = false;
  for (const sublist of model.sublists) {
    if (!sublist.columns.some((column) => column.id === 'amount')) continue;
    for (const each of linesOf(values, sublist.id)) {
      if (typeof each.amount !== 'number') continue;
      subtotal += each.amount;
      counted = true;
    }
  }
  if (!counted && values.subtotal === undefined && values.total === undefined) return changed;
  const tax = typeof values.taxTotal === 'number' ? values.taxTotal : 0;
  const totals: Record<string, number> = { subtotal: round2(subtotal), total: round2(subtotal + tax) };
  for (const id of bodyTotals) {
    if (values[id] === totals[id]) continue;
    values[id] = totals[id];
    changed.push(id);
  }
  return changed;
}

function linesOf(values: FormValues, sublistId: string): LineValues[] {
  const container = values[sublistId];
  return typeof container === 'object' && container !== null && 'items' in container ? container.items : [];
}

function hasColumn(model: FormModel, sublistId: string, columnId: string): boolean {
  return model.sublists.some((sublist) => sublist.id === sublistId && sublist.columns.some((column) => column.id === columnId));
}
