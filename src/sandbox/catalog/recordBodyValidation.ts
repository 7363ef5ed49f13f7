/**
 * Validates record bodies (POST/PATCH/PUT/transform) with ajv against the very schemas the catalog serves, so a
 * body the catalog describes as valid is one the store accepts. Problems come back NetSuite-shaped: the
 * `o:errorPath` (`item.items[0].quantity`) and the detail NetSuite writes for a bad value.
 *
 * What the schemas cannot say is handled here, before ajv sees the body: enums may be written bare (`"PDF"`, the
 * `simpleEnumFormat` form accepted since 2021.1) and `null` clears a field on PATCH (netsuite-wire.md §1.4, §1.5).
 * Read-only, unknown and required fields are the record service's checks, not this module's.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FieldDefinition, RecordTypeDefinition } from '../model/recordTypes';
import { allCatalogSchemas, catalogSchemaStyle } from './jsonSchema';
import { recordTypeDefinitions } from './registry';
import { catalogUrlRef } from './schemaNames';

export interface RecordBodyProblem {
  /** NetSuite's `o:errorPath`: `companyName`, `item.items[0].quantity`. */
  errorPath: string;
  detail: string;
}

export interface RecordBodyValidator {
  /** Problems with `body` as a `recordTypeId` document; empty when it is valid. */
  validate(recordTypeId: string, body: Record<string, unknown>): RecordBodyProblem[];
}

// ajv-formats ships CommonJS with the plugin as `module.exports`; bundlers and Node expose it either way.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as typeof addFormatsModule;

/** Rewrites bare enum ids as `{id}` and drops `null`s (a cleared field) so the body can be checked by schema. */
export function normaliseRecordBody(fields: FieldDefinition[], body: Record<string, unknown>): Record<string, unknown> {
  const byId = new Map(fields.map((field) => [field.id, field]));
  const normalised: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (value === null) continue;
    const field = byId.get(key);
    normalised[key] = field?.kind === 'enum' && (typeof value === 'string' || typeof value === 'number') ? { id: String(value) } : value;
  }
  return normalised;
}

function normaliseWithSublists(definition: RecordTypeDefinition, body: Record<string, unknown>): Record<string, unknown> {
  const normalised = normaliseRecordBody(definition.fields, body);
  for (const sublist of definition.sublists) {
    const value = normalised[sublist.id] as { items?: unknown } | undefined;
    if (!value || typeof value !== 'object' || !Array.isArray(value.items)) continue;
    const items = value.items.map((line: unknown) => (line && typeof line === 'object' ? normaliseRecordBody(sublist.fields, line as Record<string, unknown>) : line));
    normalised[sublist.id] = { ...value, items };
  }
  return normalised;
}

/** `/item/items/0/quantity` → `item.items[0].quantity`, as NetSuite writes `o:errorPath`. */
export function errorPathFromPointer(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, segment) => (/^\d+$/.test(segment) ? `${path}[${segment}]` : path ? `${path}.${segment}` : segment), '');
}

function valueAt(body: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .reduce<unknown>((value, segment) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[segment] : undefined), body);
}

function describe(error: ErrorObject, body: unknown): RecordBodyProblem {
  // An enum's id lives one level below the field; NetSuite names the field itself.
  const pointer = error.instancePath.replace(/\/id$/, '');
  const errorPath = errorPathFromPointer(pointer);
  const field = errorPath.split(/[.[]/).filter(Boolean).at(-1) ?? errorPath;
  const value = valueAt(body, error.instancePath);
  const shown = typeof value === 'string' ? value : JSON.stringify(value);
  const why = error.keyword === 'enum' ? `; allowed values are ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')}` : ` (${error.message ?? 'invalid'})`;
  return { errorPath, detail: `You have entered an Invalid Field Value ${shown} for the following field: ${field}${why}` };
}

export function createRecordBodyValidator(definitions: readonly RecordTypeDefinition[] = recordTypeDefinitions): RecordBodyValidator {
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv, ['date', 'date-time']);
  for (const numericFormat of ['int32', 'int64', 'float', 'double']) ajv.addFormat(numericFormat, true);
  ajv.addKeyword({ keyword: 'x-ns-filterable' });
  ajv.addKeyword({ keyword: 'x-ns-custom-field' });
  for (const [name, schema] of allCatalogSchemas(definitions, catalogSchemaStyle(definitions))) ajv.addSchema({ ...schema, $id: catalogUrlRef(name) });

  const compiled = new Map<string, { definition: RecordTypeDefinition; check: ValidateFunction }>();
  const validatorFor = (recordTypeId: string) => {
    const key = recordTypeId.toLowerCase();
    let entry = compiled.get(key);
    if (!entry) {
      const definition = definitions.find((candidate) => candidate.id.toLowerCase() === key);
      if (!definition) throw new Error(`Record type '${recordTypeId}' does not exist.`);
      entry = { definition, check: ajv.getSchema(catalogUrlRef(definition.id)) as ValidateFunction };
      compiled.set(key, entry);
    }
    return entry;
  };

  return {
    validate(recordTypeId, body) {
      const { definition, check } = validatorFor(recordTypeId);
      const normalised = normaliseWithSublists(definition, body);
      if (check(normalised)) return [];
      return (check.errors ?? []).map((error) => describe(error, normalised));
    },
  };
}
