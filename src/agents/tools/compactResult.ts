/**
 * Keeps tool answers small enough for an agent's context while saying exactly what was left out: HATEOAS links go,
 * references shrink to `{id, refName}`, long sublists and long texts are cut with a note.
 */
import type { NetSuiteRecord } from './operations';
import { recordNameOf } from '../../netsuite/recordNames';

export interface CompactRecord {
  record: NetSuiteRecord;
  truncated: string[];
}

const maxSublistLines = 25;
const maxTextLength = 2000;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function compactValue(value: unknown, path: string, truncated: string[]): unknown {
  if (typeof value === 'string' && value.length > maxTextLength) {
    truncated.push(`${path}: text cut to ${maxTextLength} of ${value.length} characters`);
    return `${value.slice(0, maxTextLength)}…`;
  }
  if (Array.isArray(value)) return value.map((item, index) => compactValue(item, `${path}[${index}]`, truncated));
  if (!isPlainObject(value)) return value;
  const { links: _links, ...rest } = value;
  if (Array.isArray(rest.items)) {
    // An expanded sublist: {links, items, totalResults}.
    const lines = rest.items;
    if (lines.length > maxSublistLines) truncated.push(`${path}: ${maxSublistLines} of ${lines.length} lines shown`);
    return lines.slice(0, maxSublistLines).map((line, index) => compactValue(line, `${path}[${index}]`, truncated));
  }
  return Object.fromEntries(Object.entries(rest).map(([key, inner]) => [key, compactValue(inner, path ? `${path}.${key}` : key, truncated)]));
}

export function compactRecord(record: NetSuiteRecord): CompactRecord {
  const truncated: string[] = [];
  const compacted = compactValue(record, '', truncated) as NetSuiteRecord;
  // A sublist NetSuite did not expand is only a link stub: name it rather than send an empty object.
  const notExpanded = Object.entries(record)
    .filter(([, value]) => isPlainObject(value) && Object.keys(value).length === 1 && 'links' in value)
    .map(([key]) => key);
  for (const key of notExpanded) delete compacted[key];
  if (notExpanded.length > 0) truncated.push(`sublists not expanded: ${notExpanded.join(', ')}`);
  return { record: compacted, truncated };
}

/** A record's display name: a reference's `refName`, else the record's own name field (one list in the core). */
export function recordDisplayName(record: NetSuiteRecord | undefined): string | undefined {
  if (!record) return undefined;
  return typeof record.refName === 'string' && record.refName.trim() ? record.refName : recordNameOf(record);
}

/** "Rows 51–100 of 1,204. More: call again with offset 100." */
export function pageNote(noun: string, offset: number, returned: number, totalResults: number, hasMore: boolean): string[] {
  const label = noun.charAt(0).toUpperCase() + noun.slice(1);
  const shown = returned === 0 ? `No ${noun} at offset ${offset}` : `${label} ${offset + 1}–${offset + returned} of ${totalResults.toLocaleString('en-US')}`;
  if (!hasMore) return offset === 0 && returned === totalResults ? [] : [`${shown}.`];
  return [`${shown}; ${(totalResults - offset - returned).toLocaleString('en-US')} more not returned — call again with offset ${offset + returned}.`];
}
