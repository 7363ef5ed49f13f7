/**
 * A NetSuite record (netsuite-wire.md §1.4) as rows a tree can show: body fields with their schema title, text
 * value and type; references (`{links, id, refName}`) with the record they point at; sublists (`{items, …}`).
 * Pure: the same record and schema always give the same rows, which the unit tests pin.
 */
import { catalogNameOfRef, type RecordTypeSchema } from '../../netsuite/metadata';
import type { NetSuiteRecord } from '../../netsuite/records';

export interface RecordTarget {
  recordType: string;
  id: string;
}

export type RecordEntry =
  | { kind: 'value'; field: string; title: string; value: string; type: string }
  | { kind: 'reference'; field: string; title: string; value: string; type: string; target: RecordTarget }
  | { kind: 'sublist'; field: string; title: string; lines: NetSuiteRecord[]; totalResults: number; schemaRef?: string };

type SchemaProperty = Record<string, unknown>;

/** Rows in the schema's order (NetSuite's form order), then any field the schema does not describe. */
export function recordEntries(record: NetSuiteRecord, schema: RecordTypeSchema | undefined): RecordEntry[] {
  const properties = schema?.properties ?? {};
  const propertyByLowerCase = new Map(Object.entries(properties).map(([name, property]) => [name.toLowerCase(), property]));
  const schemaOrder = new Map(Object.keys(properties).map((name, index) => [name.toLowerCase(), index]));
  const fields = Object.keys(record)
    .filter((field) => field !== 'links' && record[field] !== undefined && record[field] !== null)
    .sort((a, b) => (schemaOrder.get(a.toLowerCase()) ?? Infinity) - (schemaOrder.get(b.toLowerCase()) ?? Infinity) || a.localeCompare(b));
  return fields.map((field) => entryOf(field, record[field], propertyByLowerCase.get(field.toLowerCase())));
}

function entryOf(field: string, value: unknown, property: SchemaProperty | undefined): RecordEntry {
  const title = typeof property?.title === 'string' && property.title ? property.title : field;
  if (isObject(value) && Array.isArray(value.items)) {
    const lines = value.items.filter(isObject) as NetSuiteRecord[];
    const totalResults = typeof value.totalResults === 'number' ? value.totalResults : lines.length;
    return { kind: 'sublist', field, title, lines, totalResults, schemaRef: typeof property?.$ref === 'string' ? property.$ref : undefined };
  }
  if (isObject(value) && 'id' in value) {
    const target = referenceTarget(value, property);
    const text = referenceText(value);
    if (target) return { kind: 'reference', field, title, value: text, type: `reference → ${target.recordType}`, target };
    return { kind: 'value', field, title, value: text, type: property?.$ref ? 'reference' : 'list/enum' };
  }
  if (isObject(value) && Array.isArray(value.links) && !('id' in value)) {
    // A sublist or subrecord NetSuite did not expand: only its link is there.
    return { kind: 'value', field, title, value: '(not expanded)', type: 'sublist' };
  }
  return { kind: 'value', field, title, value: valueText(value), type: propertyType(property, value) };
}

/**
 * The record a reference points at: from its `self` link (`…/record/v1/employee/8`), which NetSuite spells with
 * the target's lower-case type, or from the schema's `$ref` to that type. References to types NetSuite does not
 * expose to REST carry no link and no typed `$ref` (`nsResource`), and are not navigable.
 */
export function referenceTarget(value: Record<string, unknown>, property?: SchemaProperty): RecordTarget | undefined {
  const id = value.id;
  if ((typeof id !== 'string' && typeof id !== 'number') || String(id) === '') return undefined;
  const fromLink = selfHref(value);
  const linkMatch = fromLink ? /\/record\/v1\/([A-Za-z][A-Za-z0-9_]*)\/([^/?#]+)\/?(?:[?#].*)?$/.exec(fromLink) : null;
  if (linkMatch) return { recordType: linkMatch[1], id: decodeURIComponent(linkMatch[2]) };
  const refName = typeof property?.$ref === 'string' ? catalogNameOfRef(property.$ref) : undefined;
  if (fromLink && refName && /^[A-Za-z][A-Za-z0-9_]*$/.test(refName) && !refName.startsWith('ns')) return { recordType: refName, id: String(id) };
  return undefined;
}

function selfHref(value: Record<string, unknown>): string | undefined {
  const links = Array.isArray(value.links) ? value.links.filter(isObject) : [];
  const self = links.find((link) => link.rel === 'self') ?? links[0];
  return typeof self?.href === 'string' ? self.href : undefined;
}

/** `Chloé Martin (8)`; an enum shows its label alone when the id adds nothing. */
export function referenceText(value: Record<string, unknown>): string {
  const id = String(value.id);
  const refName = typeof value.refName === 'string' ? value.refName : '';
  if (!refName) return id;
  return refName === id ? refName : `${refName} (${id})`;
}

/** One line of text: NetSuite values can hold newlines (addresses), which a tree row cannot show. */
export function valueText(value: unknown): string {
  if (typeof value === 'string') return value.replace(/\r?\n/g, ' ⏎ ');
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.length} item${value.length === 1 ? '' : 's'}]`;
  return JSON.stringify(value) ?? '';
}

function propertyType(property: SchemaProperty | undefined, value: unknown): string {
  const type = typeof property?.type === 'string' ? property.type : typeof value;
  const format = typeof property?.format === 'string' ? property.format : undefined;
  return format ? `${type} (${format})` : type;
}

/**
 * A sublist line's label: its line number and what the line is about — the first reference's name (the item of
 * an order line) or a `label` (an address book entry).
 */
export function lineLabel(line: NetSuiteRecord, index: number): string {
  const number = typeof line.line === 'number' || typeof line.line === 'string' ? String(line.line) : String(index + 1);
  const label = typeof line.label === 'string' && line.label ? line.label : undefined;
  // What a line is about: its item or account when it has one (not the alphabetically first reference, `class`).
  const references = Object.entries(line).filter(([key, value]) => key !== 'links' && isObject(value) && typeof value.refName === 'string');
  const reference = references.find(([key]) => key === 'item' || key === 'account') ?? references[0];
  const about = label ?? (reference ? String((reference[1] as { refName: string }).refName) : undefined);
  return about ? `Line ${number}: ${valueText(about)}` : `Line ${number}`;
}

/** The element schema name of a sublist's collection schema (`salesOrder-itemCollection` → its `items.$ref`). */
export function sublistElementSchemaName(collectionSchema: RecordTypeSchema | undefined): string | undefined {
  const items = collectionSchema?.properties?.items;
  const ref = isObject(items) && isObject(items.items) && typeof items.items.$ref === 'string' ? items.items.$ref : undefined;
  return ref ? catalogNameOfRef(ref) : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
