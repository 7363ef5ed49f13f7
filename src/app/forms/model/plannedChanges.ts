/**
 * Whether NetSuite has a save's planned changes, for a save whose answer was lost. It compares the plan (wire
 * values: references by id) with the record as re-read (`formValuesOf`, also by id) — like with like, so a name
 * the form shows differently (an item's "Mini Widget (WID-1000)") never reads as a change. A part the record
 * already had before the save (`latest`) tells nothing either way and is left out. Pure.
 */
import type { NetSuiteRecord } from '../../../netsuite/records';
import type { FormModel, FormValues, LineValues, SublistModel } from '../../../protocol/formModel';
import type { WritePlan } from './formValues';

/** The plan's fields and sublists (as the form calls them) that NetSuite has now, and those it does not. */
export interface PlannedChangesFound {
  present: string[];
  missing: string[];
}

export function plannedChangesIn(plan: WritePlan, latest: FormValues, now: FormValues, model: FormModel): PlannedChangesFound {
  const found: PlannedChangesFound = { present: [], missing: [] };
  for (const [id, wanted] of Object.entries(plan.body)) {
    const sublist = model.sublists.find((candidate) => candidate.id === id);
    const label = sublist?.title ?? model.fields.find((field) => field.id === id)?.title ?? id;
    const has = sublist ? (values: FormValues) => sublistHas(sublist, plan.replace.includes(id), itemsOf(wanted), latest, values) : (values: FormValues) => same(wanted, values[id]);
    if (has(latest)) continue;
    (has(now) ? found.present : found.missing).push(label);
  }
  return found;
}

/** Whether `values` has the sublist as the plan leaves it: its edited lines' cells, its new lines, its removed lines gone. */
function sublistHas(sublist: SublistModel, replaced: boolean, items: NetSuiteRecord[], latest: FormValues, values: FormValues): boolean {
  const lines = linesOf(values, sublist.id);
  const key = sublist.columns.find((column) => column.id === 'line' || column.id === 'internalId')?.id;
  if (!key) return lines.length === items.length && items.every((item, index) => cellsIn(item, lines[index]));
  const keyOf = (line: LineValues | NetSuiteRecord): string | undefined => (line[key] === undefined || line[key] === null ? undefined : String(line[key] as string | number));
  const latestKeys = new Set(linesOf(latest, sublist.id).flatMap((line) => keyOf(line) ?? []));
  const newLines = lines.filter((line) => !latestKeys.has(keyOf(line) ?? ''));
  const keyed = items.filter((item) => keyOf(item) !== undefined);
  const added = items.filter((item) => keyOf(item) === undefined);
  if (!keyed.every((item) => cellsIn(item, lines.find((line) => keyOf(line) === keyOf(item))))) return false;
  if (!added.every((item) => newLines.some((line) => cellsIn(item, line)))) return false;
  // With replace, every line not named is removed.
  const named = new Set(keyed.map(keyOf));
  return !replaced || lines.every((line) => !latestKeys.has(keyOf(line) ?? '') || named.has(keyOf(line)));
}

/** Whether `line` has every cell of the wire line `item` (empty and absent alike, references by id). */
export function cellsIn(item: NetSuiteRecord, line: LineValues | undefined): boolean {
  return line !== undefined && Object.entries(item).every(([column, value]) => same(value, line[column]));
}

// Empty, null and absent are one value (NetSuite clears a field sent as null); references compare by id.
function same(wanted: unknown, value: unknown): boolean {
  return JSON.stringify(plain(wanted)) === JSON.stringify(plain(value));
}

function plain(value: unknown): unknown {
  if (value === null || value === '' || value === undefined) return undefined;
  if (typeof value === 'object' && 'id' in value) return { id: String((value as { id: unknown }).id) };
  return value;
}

export function itemsOf(value: unknown): NetSuiteRecord[] {
  const items = (value as { items?: unknown } | null)?.items;
  return Array.isArray(items) ? (items as NetSuiteRecord[]) : [];
}

export function linesOf(values: FormValues, sublistId: string): LineValues[] {
  const items = (values[sublistId] as { items?: unknown } | undefined)?.items;
  return Array.isArray(items) ? (items as LineValues[]) : [];
}
