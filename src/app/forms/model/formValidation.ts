/**
 * Checks a write body against the record type's schema (as the form model states it) before anything is sent, so
 * a typo in a number or an over-long name is marked on its field without a round trip. ajv compiles a schema
 * built from the model: NetSuite's own schemas are `$ref`s to catalog URLs that ajv cannot resolve offline.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { NetSuiteRecord } from '../../../netsuite/records';
import { pathOfPointer, type FieldError } from './fieldErrors';
import type { FieldModel, FormModel } from './formModel';

// Made when the first form validates, not when the extension loads: ajv and ajv-formats are libraries loaded on
// first use (scripts/lazyLibraries.mjs).
let compiler: Ajv | undefined;
function ajv(): Ajv {
  if (compiler) return compiler;
  compiler = new Ajv({ allErrors: true, strict: false, verbose: true });
  addFormats(compiler);
  compiler.addKeyword({ keyword: 'x-netsuite-max-length', type: 'string', schemaType: 'number', validate: (limit: number, text: string) => netSuiteTextLength(text) <= limit });
  return compiler;
}

/**
 * NetSuite's text limits count bytes of UTF-8, not characters: "Any character limits mentioned apply to English
 * letters, which require one byte for each letter … one character could require up to four bytes" (NetSuite help,
 * "Field Type Descriptions for Custom Fields", section_N2842731). JSON Schema's maxLength counts code points, so a
 * 300-character Japanese name passed the form and NetSuite refused it. The help page is the only public evidence
 * found; no REST-specific statement exists, so this follows it for every text field.
 */
export function netSuiteTextLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

const referenceSchema = { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1 } } };

function fieldSchema(field: FieldModel): Record<string, unknown> {
  switch (field.kind) {
    case 'checkbox':
      return { type: ['boolean', 'null'] };
    case 'integer':
      return { type: ['integer', 'null'] };
    case 'number':
      return { type: ['number', 'null'] };
    case 'date':
      return { anyOf: [{ type: 'string', format: 'date' }, { type: 'null' }] };
    case 'datetime':
      return { anyOf: [{ type: 'string', format: 'date-time' }, { type: 'null' }] };
    case 'enum':
      return { anyOf: [{ type: 'object', required: ['id'], properties: { id: { enum: field.options ?? [] } } }, { type: 'null' }] };
    case 'reference':
      return { anyOf: [referenceSchema, { type: 'null' }] };
    case 'text':
    default:
      return { type: ['string', 'null'], ...(field.maxLength ? { 'x-netsuite-max-length': field.maxLength } : {}) };
  }
}

/** The JSON Schema a write body of this form must satisfy. */
export function writeSchema(model: FormModel): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const field of model.fields) properties[field.id] = fieldSchema(field);
  for (const sublist of model.sublists) {
    const columns = Object.fromEntries(sublist.columns.map((column) => [column.id, fieldSchema(column)]));
    properties[sublist.id] = { type: 'object', properties: { items: { type: 'array', items: { type: 'object', properties: columns } } } };
  }
  return { type: 'object', properties };
}

const compiled = new WeakMap<FormModel, ValidateFunction>();

/** Field errors for a body, in the form's path notation; empty when the body is valid. */
export function validateWrite(model: FormModel, body: NetSuiteRecord): FieldError[] {
  let validate = compiled.get(model);
  if (!validate) {
    validate = ajv().compile(writeSchema(model));
    compiled.set(model, validate);
  }
  if (validate(body)) return [];
  const errors = new Map<string, string>();
  for (const error of validate.errors ?? []) {
    const path = pathOfPointer(error.instancePath);
    if (!errors.has(path)) errors.set(path, messageOf(error, model, path));
  }
  return [...errors].map(([path, message]) => ({ path, message }));
}

function messageOf(error: ErrorObject, model: FormModel, path: string): string {
  const field = model.fields.find((f) => f.id === path);
  const name = field?.title ?? path;
  if (error.keyword === 'x-netsuite-max-length') {
    const text = typeof error.data === 'string' ? error.data : '';
    const counted = netSuiteTextLength(text);
    if (counted === [...text].length) return `${name} can be at most ${String(error.schema)} characters.`;
    return `${name} can be at most ${String(error.schema)} characters as NetSuite counts them: letters beyond English take 2 to 4 each, so this text counts ${counted}.`;
  }
  if (field?.kind === 'integer') return `${name} must be a whole number.`;
  if (field?.kind === 'number') return `${name} must be a number.`;
  if (field?.kind === 'date') return `${name} must be a date (YYYY-MM-DD).`;
  if (field?.kind === 'enum') return `${name} must be one of ${(field.options ?? []).join(', ')}.`;
  return `${name} ${error.message ?? 'is not valid'}.`;
}
