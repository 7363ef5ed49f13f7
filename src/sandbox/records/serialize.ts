/**
 * Stored records → NetSuite's single-record JSON (netsuite-wire.md §1.4): `links` first then keys in
 * case-insensitive alphabetical order, string ids, nulls omitted, references `{links, id, refName}` (no links
 * when the target is not a REST record), enums `{id, refName}` or the bare id with `simpleEnumFormat`, sublists as
 * link stubs unless expanded.
 */
import type { FieldDefinition, RecordTypeDefinition, StoredRecord, SublistDefinition } from '../model/recordTypes';
import { recordHref, selfLinks } from './links';
import { fieldValue } from './systemFields';

export interface SerializeOptions {
  baseUrl: string;
  /** The top-level self link echoes the request URL, query string included. */
  selfHref: string;
  expandSubResources: boolean;
  simpleEnumFormat: boolean;
  /** `fields=`: only these body fields and sublists (lower-case ids). */
  onlyFields?: Set<string>;
  /** refNames of referenced records, keyed `lowercasetype:id`. */
  displayNames: Map<string, string>;
}

type Json = Record<string, unknown>;

/** `links` first, then the other keys in case-insensitive alphabetical order, as real responses have them. */
export function orderKeys(entries: Array<[string, unknown]>): Json {
  const links = entries.find(([key]) => key === 'links');
  const rest = entries.filter(([key, value]) => key !== 'links' && value !== undefined && value !== null);
  rest.sort(([a], [b]) => {
    const lower = a.toLowerCase().localeCompare(b.toLowerCase(), 'en');
    return lower !== 0 ? lower : a < b ? -1 : 1;
  });
  return Object.fromEntries(links ? [links, ...rest] : rest);
}

function idOf(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'object') {
    const id = (value as { id?: unknown }).id;
    return id === null || id === undefined ? undefined : String(id);
  }
  return String(value);
}

function storedRefName(value: unknown): string | undefined {
  if (value && typeof value === 'object') {
    const refName = (value as { refName?: unknown }).refName;
    if (typeof refName === 'string') return refName;
  }
  return undefined;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** `2024-01-31T09:30:00.000Z` → `2024-01-31T09:30:00Z`, as NetSuite writes datetimes. */
export function formatDatetime(value: string): string {
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? value : parsed.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function serializeValue(field: FieldDefinition, value: unknown, options: SerializeOptions): unknown {
  if (value === null || value === undefined) return field.kind === 'boolean' ? false : undefined;
  switch (field.kind) {
    case 'boolean':
      return value === true || value === 'T';
    case 'integer':
    case 'float':
    case 'percent':
      return typeof value === 'number' ? value : Number(value);
    case 'currency':
      return round2(typeof value === 'number' ? value : Number(value));
    case 'datetime':
      return formatDatetime(String(value));
    case 'enum': {
      const id = idOf(value);
      if (id === undefined) return undefined;
      if (options.simpleEnumFormat) return id;
      const refName = field.enumOptions?.find((option) => option.id === id)?.refName ?? storedRefName(value) ?? id;
      return { id, refName };
    }
    case 'reference': {
      const id = idOf(value);
      if (id === undefined || !field.referenceType) return id === undefined ? undefined : { id };
      const refName = options.displayNames.get(`${field.referenceType.toLowerCase()}:${id}`) ?? storedRefName(value);
      const reference: Array<[string, unknown]> = [['id', id], ['refName', refName]];
      if (field.referenceRestExposed !== false) reference.unshift(['links', selfLinks(recordHref(options.baseUrl, field.referenceType, id))]);
      return orderKeys(reference);
    }
    case 'date':
    case 'email':
    case 'phone':
    case 'string':
    case 'url':
    default:
      return field.id.toLowerCase() === 'id' ? String(value) : value;
  }
}

function serializeLine(record: StoredRecord, sublist: SublistDefinition, line: Record<string, unknown>, sublistHref: string, options: SerializeOptions): Json {
  const entries: Array<[string, unknown]> = [['links', selfLinks(`${sublistHref}/${encodeURIComponent(String(line[sublist.lineKey] ?? ''))}`)]];
  for (const field of sublist.fields) entries.push([field.id, serializeValue(field, line[field.id], options)]);
  return orderKeys(entries);
}

export function sublistHref(baseUrl: string, definition: RecordTypeDefinition, record: StoredRecord, sublist: SublistDefinition): string {
  return `${recordHref(baseUrl, definition.id, record.id)}/${sublist.id}`;
}

/** A sublist's lines as NetSuite writes them inline: each with its own self link. */
export function serializeLines(record: StoredRecord, definition: RecordTypeDefinition, sublist: SublistDefinition, options: SerializeOptions): Json[] {
  const href = sublistHref(options.baseUrl, definition, record, sublist);
  return (record.sublists[sublist.id] ?? []).map((line) => serializeLine(record, sublist, line, href, options));
}

function serializeSublist(record: StoredRecord, definition: RecordTypeDefinition, sublist: SublistDefinition, options: SerializeOptions): Json {
  const links = selfLinks(sublistHref(options.baseUrl, definition, record, sublist));
  if (!options.expandSubResources) return { links };
  const items = serializeLines(record, definition, sublist, options);
  return { links, items, totalResults: items.length };
}

export function serializeRecord(record: StoredRecord, definition: RecordTypeDefinition, options: SerializeOptions): Json {
  const wanted = (id: string) => !options.onlyFields || options.onlyFields.has(id.toLowerCase());
  const entries: Array<[string, unknown]> = [['links', selfLinks(options.selfHref)]];
  for (const field of definition.fields) {
    if (!wanted(field.id) && field.id !== 'id') continue;
    entries.push([field.id, serializeValue(field, fieldValue(record, field.id), options)]);
  }
  if (!definition.fields.some((field) => field.id === 'id')) entries.push(['id', record.id]);
  for (const sublist of definition.sublists) {
    if (wanted(sublist.id)) entries.push([sublist.id, serializeSublist(record, definition, sublist, options)]);
  }
  return orderKeys(entries);
}

/** Every record a serialised record points at, so their refNames can be fetched in one go. */
export function referencesOf(record: StoredRecord, definition: RecordTypeDefinition, includeLines: boolean): Array<{ type: string; id: string }> {
  const references: Array<{ type: string; id: string }> = [];
  const collect = (fields: FieldDefinition[], values: Record<string, unknown>) => {
    for (const field of fields) {
      if (field.kind !== 'reference' || !field.referenceType) continue;
      const id = idOf(values[field.id]);
      if (id !== undefined) references.push({ type: field.referenceType, id });
    }
  };
  collect(definition.fields, record.fields);
  if (includeLines) {
    for (const sublist of definition.sublists) for (const line of record.sublists[sublist.id] ?? []) collect(sublist.fields, line);
  }
  return references;
}
