/**
 * Checks a write body against the record type's schema (as the form model states it) before anything is sent, so
 * a typo in a number or an over-long name is marked on its field without a round trip. ajv compiles a schema
 * built from the model: NetSuite's own schemas are `$ref`s to catalog URLs that ajv cannot resolve offline.
 */
import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import type { NetSuiteRecord } from '../../../netsuite/records';
import { pathOfPointer, type FieldError } from './fieldErrors';
import type { FieldModel, FormModel } from './formModel';

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);

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
    default:
      return { type: ['string', 'null'], ...(field.maxLength ? { maxLength: field.maxLength } : {}) };
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

const compiled = new WeakMap<FormModel, ReturnType<typeof ajv.compile>>();

/** Field errors for a body, in the form's path notation; empty when the body is valid. */
export function validateWrite(model: FormModel, body: NetSuiteRecord): FieldError[] {
  let validate = compiled.get(model);
  if (!validate) {
    validate = ajv.compile(writeSchema(model));
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
  if (error.keyword === 'maxLength') return `${name} can be at most ${String(error.params.limit)} characters.`;
  if (field?.kind === 'integer') return `${name} must be a whole number.`;
  if (field?.kind === 'number') return `${name} must be a number.`;
  if (field?.kind === 'date') return `${name} must be a date (YYYY-MM-DD).`;
  if (field?.kind === 'enum') return `${name} must be one of ${(field.options ?? []).join(', ')}.`;
  return `${name} ${error.message ?? 'is not valid'}.`;
}
