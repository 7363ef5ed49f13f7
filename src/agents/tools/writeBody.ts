/**
 * The body an agent's write sends, checked and shown as exactly what it is. The person confirms a change by reading
 * it, so what they read must be drawn from the very object that is sent, with every key and value shown: a reference
 * named by its `refName` ("Ann Lee (harmless)") while its `id` points at someone else, or a sublist hidden behind a
 * `refName` of "(unchanged)", would let an agent get a yes for a change the person never saw.
 *
 * So, before anything is asked or sent:
 * - every key, at any depth, is a NetSuite field id (`[A-Za-z][A-Za-z0-9_]*`): a key cannot carry words of its own;
 * - `refName` and `links` are refused anywhere: NetSuite ignores them on a write, but a person reads them;
 * - a reference (an object with `id` or `externalId`) has no other key, and a sublist (`items`) has no other key;
 * and the change is written out with every string quoted and escaped and every sublist line on its own line.
 */
import { quoted, visibleText } from '../visibleText';
import type { NetSuiteRecord } from './operations';

/** NetSuite field ids (body fields, sublist fields, subrecord fields): a letter, then letters, digits or `_`. */
const fieldIdPattern = /^[A-Za-z][A-Za-z0-9_]*$/;
const referenceKeys: ReadonlySet<string> = new Set(['id', 'externalId']);
/** Keys NetSuite answers with and ignores on a write, which a person would read as part of the change. */
const displayOnlyKeys: ReadonlySet<string> = new Set(['refName', 'links']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The path as a person reads it in a refusal; keys join it only once they passed the field id check, and a key that
 * did not is shown `quoted`, so a refusal in the log cannot be made to read as more than one.
 */
function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** The keys of a record, a sublist line or a subrecord: field ids only, never a display-only key; then each value. */
function fieldsProblem(fields: Record<string, unknown>, path: string): string | undefined {
  for (const key of Object.keys(fields)) {
    if (!fieldIdPattern.test(key)) return `'${path}' has a key that is not a NetSuite field id (letters, digits and _, starting with a letter): ${quoted(key)}`;
    if (displayOnlyKeys.has(key)) return `'${join(path, key)}' is not sent to NetSuite on a write, yet a person would read it; give a reference as {"id": "…"} alone`;
  }
  for (const [key, value] of Object.entries(fields)) {
    const problem = valueProblem(value, join(path, key));
    if (problem) return problem;
  }
  return undefined;
}

function valueProblem(value: unknown, path: string): string | undefined {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const problem = valueProblem(item, `${path}[${index}]`);
      if (problem) return problem;
    }
    return undefined;
  }
  if (!isPlainObject(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.some((key) => referenceKeys.has(key))) {
    // A reference: {id} or {externalId}, nothing a person could read instead of the id.
    const other = keys.find((key) => !referenceKeys.has(key));
    if (other !== undefined) return `'${path}' is a reference (it has ${keys.includes('id') ? 'id' : 'externalId'}) and may have no key but id or externalId, yet has ${quoted(other)}`;
    for (const key of keys) {
      const id = value[key];
      if (typeof id !== 'string' && typeof id !== 'number') return `'${join(path, key)}' must be a string or a number`;
    }
    return undefined;
  }
  if ('items' in value) {
    const other = keys.find((key) => key !== 'items');
    if (other !== undefined) return `'${path}' is a sublist (it has items) and may have no other key, yet has ${quoted(other)}`;
    if (!Array.isArray(value.items)) return `'${join(path, 'items')}' must be a list of lines`;
    for (const [index, line] of value.items.entries()) {
      if (!isPlainObject(line)) return `'${path}.items[${index}]' must be an object of field values`;
      const problem = fieldsProblem(line, `${path}.items[${index}]`);
      if (problem) return problem;
    }
    return undefined;
  }
  // A subrecord (an address): field ids and values, as a record's own.
  return fieldsProblem(value, path);
}

/** Why these fields cannot be sent as an agent's write, or undefined when every key and value is shown as sent. */
export function writeFieldsProblem(fields: NetSuiteRecord, path = 'fields'): string | undefined {
  return fieldsProblem(fields, path);
}

/**
 * A value on one line, unambiguous: strings in double quotes with JSON's escapes (and every invisible character
 * escaped), numbers, true/false/null as themselves, objects as `{key: value}` with every key kept. NetSuite's own
 * values (the old side of an update) are shown the same way, `links` aside.
 */
export function shownValue(value: unknown): string {
  if (value === undefined) return '(not set)';
  if (typeof value === 'string') return visibleText(JSON.stringify(value));
  if (Array.isArray(value)) return `[${value.map(shownValue).join(', ')}]`;
  if (isPlainObject(value)) {
    const entries = Object.entries(value).filter(([key]) => key !== 'links');
    const shownKey = (key: string): string => (fieldIdPattern.test(key) ? key : visibleText(JSON.stringify(key)));
    return `{${entries.map(([key, inner]) => `${shownKey(key)}: ${shownValue(inner)}`).join(', ')}}`;
  }
  return visibleText(JSON.stringify(value) ?? String(value));
}

function isSublist(value: unknown): value is { items: unknown[] } {
  return isPlainObject(value) && Array.isArray(value.items);
}

/** What NetSuite holds now, for the old side of an update: a sublist it did not expand is named, not shown as `{}`. */
function shownCurrent(value: unknown): string {
  if (isPlainObject(value) && !('items' in value) && Object.keys(value).every((key) => key === 'links')) return '(sublist)';
  return shownValue(value);
}

/**
 * One line per field, indented: `salesRep: {id: "10"}` (create, transform), or `salesRep: (not set) → {id: "10"}`
 * with `current` (update). A sublist gets a line of its own per line sent.
 */
export function fieldChangeLines(fields: NetSuiteRecord, current?: NetSuiteRecord, indent = '  '): string[] {
  const lines: string[] = [];
  for (const [field, value] of Object.entries(fields)) {
    const before = current ? `${shownCurrent(current[field])} → ` : '';
    if (isSublist(value)) {
      const count = value.items.length;
      lines.push(`${indent}${field}: ${before}sublist, ${count} ${count === 1 ? 'line' : 'lines'} sent (lines without a line key are added):`);
      value.items.forEach((line, index) => lines.push(`${indent}  line ${index + 1}: ${shownValue(line)}`));
    } else {
      lines.push(`${indent}${field}: ${before}${shownValue(value)}`);
    }
  }
  return lines;
}

/** "3 fields" — how many body fields a change sets, for the summary line that comes before the details. */
export function fieldCount(fields: NetSuiteRecord): string {
  const count = Object.keys(fields).length;
  return `${count} ${count === 1 ? 'field' : 'fields'}`;
}
