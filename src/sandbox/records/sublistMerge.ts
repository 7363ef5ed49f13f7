/**
 * NetSuite's sublist write semantics (netsuite-wire.md §1.6). Without `replace`: keyed sublists update the lines
 * whose key matches and add the rest; non-keyed sublists append. With `replace=<sublist>`: keyed sublists also
 * drop existing lines the request did not mention; non-keyed ones are replaced wholesale.
 */
import type { SublistDefinition } from '../model/recordTypes';
import type { Line } from './bodyValidation';

function keyOf(line: Line, sublist: SublistDefinition): string | undefined {
  const key = line[sublist.lineKey];
  return key === undefined || key === null ? undefined : String(key);
}

/** Next line key: one past the highest numeric key, so keys are never reused within a record. */
function nextKeyAllocator(lines: Line[], sublist: SublistDefinition): () => number {
  let next = lines.reduce((max, line) => Math.max(max, Number(keyOf(line, sublist) ?? 0) || 0), 0) + 1;
  return () => next++;
}

function mergeLine(existing: Line, update: Line): Line {
  const merged: Line = { ...existing };
  // A new quantity or rate without an amount means NetSuite recomputes the amount (quantity × rate).
  if (('quantity' in update || 'rate' in update) && !('amount' in update)) delete merged.amount;
  for (const [name, value] of Object.entries(update)) {
    if (value === null) delete merged[name];
    else merged[name] = value;
  }
  return merged;
}

function withoutNulls(line: Line): Line {
  return Object.fromEntries(Object.entries(line).filter(([, value]) => value !== null));
}

export function applySublistUpdate(existing: Line[], sublist: SublistDefinition, requested: Line[], replace: boolean): Line[] {
  const allocate = nextKeyAllocator(existing, sublist);
  const fresh = (line: Line): Line => ({ ...withoutNulls(line), [sublist.lineKey]: allocate() });
  if (!sublist.keyed) return [...(replace ? [] : existing), ...requested.map(fresh)];

  const result = existing.map((line) => ({ line, touched: false }));
  const added: Line[] = [];
  for (const line of requested) {
    const key = keyOf(line, sublist);
    const match = key === undefined ? undefined : result.find((entry) => keyOf(entry.line, sublist) === key);
    if (match) {
      const update = { ...line };
      delete update[sublist.lineKey];
      match.line = mergeLine(match.line, update);
      match.touched = true;
    } else {
      added.push(fresh(line));
    }
  }
  const kept = result.filter((entry) => !replace || entry.touched).map((entry) => entry.line);
  return [...kept, ...added];
}
