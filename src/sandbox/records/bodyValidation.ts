/**
 * Checks a create/update body against the record type, field by field, the way NetSuite reports problems:
 * each with an `o:errorPath` naming the field (`companyName`, `item.items[0].quantity`) so a form can put the
 * message next to it. Unknown names follow `X-NetSuite-PropertyNameValidation` (Error / Warning / Ignore).
 */
import type { FieldDefinition, RecordTypeDefinition, SublistDefinition } from '../model/recordTypes';
import type { PropertyValidationMode } from '../options';
import { NetSuiteHttpError, type ErrorDetail } from '../http/errors';
import type { RecordBodyProblem } from '../catalog';
import { formatDatetime } from './serialize';

export type Line = Record<string, unknown>;

export interface SublistUpdate {
  sublist: SublistDefinition;
  lines: Line[];
}

export interface ValidatedBody {
  /** Body field id → normalised value; `null` clears the field. */
  fields: Record<string, unknown>;
  /** `undefined`: not in the body; `null`: cleared. */
  externalId?: string | null;
  sublists: SublistUpdate[];
  /** Names ignored under Warning mode, reported in `X-NetSuite-Warning`. */
  warnings: string[];
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalidValue(value: unknown, field: FieldDefinition, path: string): ErrorDetail {
  const shown = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return {
    detail: `Error while accessing a resource. You have entered an Invalid Field Value ${shown} for the following field: ${field.id}`,
    'o:errorCode': 'INVALID_CONTENT',
    'o:errorPath': path,
  };
}

function validDate(text: string): boolean {
  const match = isoDate.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const parsed = new Date(Date.UTC(year, month - 1, day));
  return parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day;
}

/** Normalises one value to its stored form, or returns an error detail. */
export function normaliseValue(field: FieldDefinition, value: unknown, path: string): { value: unknown } | { error: ErrorDetail } {
  if (value === null) return { value: null };
  const fail = () => ({ error: invalidValue(value, field, path) });
  switch (field.kind) {
    case 'string':
    case 'phone':
    case 'url':
    case 'email': {
      if (typeof value !== 'string') return fail();
      // NetSuite's limits count UTF-8 bytes (help section_N2842731: a non-English character takes up to four).
      if (field.maxLength !== undefined && Buffer.byteLength(value, 'utf8') > field.maxLength) {
        return {
          error: {
            detail: `Error while accessing a resource. The field ${field.id} contained more than the maximum number ( ${field.maxLength} ) of characters allowed.`,
            'o:errorCode': 'INVALID_CONTENT',
            'o:errorPath': path,
          },
        };
      }
      if (field.kind === 'email' && value !== '' && !/^[^\s@]+@[^\s@]+$/.test(value)) return fail();
      return { value };
    }
    case 'integer': {
      const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      return typeof number === 'number' && Number.isInteger(number) ? { value: number } : fail();
    }
    case 'float':
    case 'currency':
    case 'percent': {
      const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      return typeof number === 'number' && Number.isFinite(number) ? { value: field.kind === 'currency' ? Math.round(number * 100) / 100 : number } : fail();
    }
    case 'boolean':
      return typeof value === 'boolean' ? { value } : fail();
    case 'date':
      return typeof value === 'string' && validDate(value) ? { value } : fail();
    case 'datetime':
      return typeof value === 'string' && !Number.isNaN(new Date(value).getTime()) ? { value: formatDatetime(value) } : fail();
    case 'enum': {
      // Since 2021.1 writes accept the object form and the bare id alike (netsuite-wire.md §1.4).
      const id = isObject(value) ? value.id : value;
      if (typeof id !== 'string' && typeof id !== 'number') return fail();
      const option = field.enumOptions?.find((candidate) => candidate.id.toLowerCase() === String(id).toLowerCase());
      return option ? { value: { id: option.id } } : fail();
    }
    case 'reference': {
      if (!isObject(value)) return fail();
      const id = value.id;
      if ((typeof id !== 'string' && typeof id !== 'number') || !/^\d{1,18}$/.test(String(id))) return fail();
      return { value: { id: String(id) } };
    }
  }
}

interface NameCheck {
  mode: PropertyValidationMode;
  details: ErrorDetail[];
  warnings: string[];
}

function unknownName(check: NameCheck, name: string, path: string, owner: string): void {
  if (check.mode === 'Error') {
    check.details.push({ detail: `Invalid field name ${name}. The field does not exist on ${owner}.`, 'o:errorCode': 'NONEXISTENT_FIELD', 'o:errorPath': path });
  } else if (check.mode === 'Warning') {
    check.warnings.push(path);
  }
}

function readOnlyName(check: NameCheck, field: FieldDefinition, path: string): void {
  check.details.push({
    detail: `Error while accessing a resource. The field ${field.id} is read-only and cannot be set.`,
    'o:errorCode': 'INVALID_CONTENT',
    'o:errorPath': path,
  });
}

function findById<T extends { id: string }>(items: T[], name: string): T | undefined {
  const wanted = name.toLowerCase();
  return items.find((item) => item.id.toLowerCase() === wanted);
}

function validateLines(sublist: SublistDefinition, value: unknown, check: NameCheck, owner: string): Line[] | undefined {
  if (!isObject(value) || !Array.isArray(value.items)) {
    check.details.push({
      detail: `Error while accessing a resource. The sublist ${sublist.id} must be an object with an "items" array.`,
      'o:errorCode': 'INVALID_CONTENT',
      'o:errorPath': sublist.id,
    });
    return undefined;
  }
  return value.items.map((item, index) => {
    const path = `${sublist.id}.items[${index}]`;
    const line: Line = {};
    if (!isObject(item)) {
      check.details.push({ detail: `Error while accessing a resource. Each line of ${sublist.id} must be an object.`, 'o:errorCode': 'INVALID_CONTENT', 'o:errorPath': path });
      return line;
    }
    for (const [name, raw] of Object.entries(item)) {
      if (name === 'links') continue;
      const field = findById(sublist.fields, name);
      if (!field) {
        unknownName(check, name, `${path}.${name}`, `the ${sublist.id} sublist of ${owner}`);
        continue;
      }
      // The line key names the line to update; it is read-only as a value but allowed as an identifier.
      if (field.id === sublist.lineKey) {
        if (raw !== null && raw !== undefined) line[field.id] = String(raw);
        continue;
      }
      if (field.readOnly) {
        readOnlyName(check, field, `${path}.${field.id}`);
        continue;
      }
      const normalised = normaliseValue(field, raw, `${path}.${field.id}`);
      if ('error' in normalised) check.details.push(normalised.error);
      else line[field.id] = normalised.value;
    }
    return line;
  });
}

/** The catalog's JSON-Schema check of a body (the schemas it serves), as problems with `o:errorPath`s. */
export type SchemaCheck = (recordTypeId: string, body: Record<string, unknown>) => RecordBodyProblem[];

export function validateBody(definition: RecordTypeDefinition, body: unknown, mode: PropertyValidationMode, schemaCheck?: SchemaCheck): ValidatedBody {
  if (!isObject(body)) throw new NetSuiteHttpError(400, [{ detail: 'Invalid content in the request body.', 'o:errorCode': 'INVALID_CONTENT' }]);
  const schemaDetails: ErrorDetail[] = (schemaCheck?.(definition.id, body) ?? []).map((problem) => ({
    detail: `Error while accessing a resource. ${problem.detail}`,
    'o:errorCode': 'INVALID_CONTENT',
    'o:errorPath': problem.errorPath,
  }));
  const check: NameCheck = { mode, details: [], warnings: [] };
  const result: ValidatedBody = { fields: {}, sublists: [], warnings: check.warnings };
  const owner = `record type ${definition.id}`;
  for (const [name, raw] of Object.entries(body)) {
    if (name === 'links' || name === 'refName') continue;
    const field = findById(definition.fields, name);
    if (field) {
      if (field.readOnly) {
        readOnlyName(check, field, field.id);
        continue;
      }
      const normalised = normaliseValue(field, raw, field.id);
      if ('error' in normalised) check.details.push(normalised.error);
      else if (field.id === 'externalId') result.externalId = normalised.value === null || normalised.value === '' ? null : String(normalised.value);
      else result.fields[field.id] = normalised.value;
      continue;
    }
    const sublist = findById(definition.sublists, name);
    if (sublist) {
      const lines = validateLines(sublist, raw, check, owner);
      if (lines) result.sublists.push({ sublist, lines });
      continue;
    }
    unknownName(check, name, name, owner);
  }
  // The schema's wording wins where both checks found the same field.
  const schemaPaths = new Set(schemaDetails.map((detail) => detail['o:errorPath']));
  const details = [...schemaDetails, ...check.details.filter((detail) => !schemaPaths.has(detail['o:errorPath']))];
  if (details.length > 0) throw new NetSuiteHttpError(400, details);
  return result;
}
