/**
 * An edit form's earlier PATCH whose answer was lost and whose job has since been settled (it ran, once): the change
 * is ours, so it is laid over what the form diffs against. Otherwise the next save would read its lines as someone
 * else's change and send the form's new lines again, or, with the form reverted, send nothing while NetSuite keeps
 * the change. Pure.
 */
import type { NetSuiteRecord } from '../../../netsuite/records';
import type { FieldValue, FormModel, FormValues, LineValues, SublistModel } from '../../../protocol/formModel';
import { cellsIn, itemsOf, linesOf } from './plannedChanges';

/** A PATCH as saved in `SaveKeys.edit.change`: the JSON of `[body, replace]`. */
export interface SentChange {
  body: NetSuiteRecord;
  replace: string[];
}

/** The PATCH a change string names; undefined for text that is not one (then nothing can be settled from it). */
export function sentChange(change: string): SentChange | undefined {
  try {
    const parsed: unknown = JSON.parse(change);
    if (!Array.isArray(parsed) || parsed.length !== 2) return undefined;
    const [body, replace] = parsed as unknown[];
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
    if (!Array.isArray(replace) || !replace.every((id) => typeof id === 'string')) return undefined;
    return { body: body as NetSuiteRecord, replace: replace as string[] };
  } catch {
    return undefined;
  }
}

/**
 * `original` with the settled change `sent` applied, and `current` with the lines that change added named by the
 * line ids NetSuite gave them. The change was diffed from `original`; `latest` is the record read after it settled.
 * A new line pairs with a line of `latest` that `original` did not have and that has every cell sent, and with a
 * form line that still has every cell sent; a form line changed since (or removed) stays apart, so the next save
 * removes the line NetSuite added and adds the form's. Lines of sublists without line ids become the lines sent.
 */
export function withSettledEdit(original: FormValues, current: FormValues, sent: SentChange, latest: FormValues, model: FormModel): { original: FormValues; current: FormValues } {
  const base = structuredClone(original);
  const edited = structuredClone(current);
  for (const [id, value] of Object.entries(sent.body)) {
    const sublist = model.sublists.find((candidate) => candidate.id === id);
    if (sublist) {
      const lines = settledLines(sublist, sent.replace.includes(id), itemsOf(value), linesOf(original, id), linesOf(current, id), linesOf(latest, id));
      base[id] = { items: lines.base };
      edited[id] = { items: lines.current };
    } else if (value === null || value === undefined) delete base[id];
    else base[id] = fieldValue(value, latest[id]);
  }
  return { original: base, current: edited };
}

function settledLines(sublist: SublistModel, replaced: boolean, items: NetSuiteRecord[], before: LineValues[], formLines: LineValues[], latest: LineValues[]): { base: LineValues[]; current: LineValues[] } {
  const key = sublist.columns.find((column) => column.id === 'line' || column.id === 'internalId')?.id;
  if (!key) return { base: items.map(lineOf), current: structuredClone(formLines) };
  const keyOf = (line: LineValues | NetSuiteRecord): string | undefined => (line[key] === undefined || line[key] === null || line[key] === '' ? undefined : String(line[key] as string | number));
  const keyed = new Map(items.flatMap((item) => (keyOf(item) === undefined ? [] : [[keyOf(item)!, item] as const])));
  // With replace, the lines not named were removed; a named line has the cells sent.
  const kept = before.filter((line) => !replaced || keyed.has(keyOf(line) ?? ''));
  const base = kept.map((line) => withCells(structuredClone(line), keyed.get(keyOf(line) ?? '') ?? {}));
  const beforeKeys = new Set(before.flatMap((line) => keyOf(line) ?? []));
  const fresh = latest.filter((line) => keyOf(line) !== undefined && !beforeKeys.has(keyOf(line)!));
  const current = structuredClone(formLines);
  const paired = new Set<number>();
  for (const item of items.filter((candidate) => keyOf(candidate) === undefined)) {
    const made = fresh.findIndex((line) => cellsIn(item, line));
    if (made < 0) continue;
    const [line] = fresh.splice(made, 1);
    base.push(structuredClone(line));
    const index = current.findIndex((formLine, at) => !paired.has(at) && keyOf(formLine) === undefined && cellsIn(item, formLine));
    if (index < 0) continue;
    paired.add(index);
    // NetSuite's line with the form's filled cells: cells NetSuite filled itself (an amount) are not cleared.
    const filled = Object.fromEntries(Object.entries(current[index]).filter(([, cell]) => cell !== null && cell !== ''));
    current[index] = { ...structuredClone(line), ...filled, [key]: line[key] };
  }
  return { base, current };
}

function withCells(line: LineValues, cells: NetSuiteRecord): LineValues {
  for (const [column, cell] of Object.entries(cells)) {
    if (cell === null || cell === undefined) delete line[column];
    else line[column] = cell as FieldValue;
  }
  return line;
}

function lineOf(item: NetSuiteRecord): LineValues {
  return withCells({}, item);
}

// A reference sent as `{id}`: NetSuite's read-back of the same id carries its name, which the form shows.
function fieldValue(value: unknown, now: FormValues[string] | undefined): FieldValue {
  if (typeof value === 'object' && value !== null && 'id' in value) {
    const id = String((value as { id: unknown }).id);
    return typeof now === 'object' && now !== null && 'id' in now && now.id === id ? now : { id };
  }
  return value as FieldValue;
}
