/**
 * Schema → form model: what the record form shows for a record type, derived from NetSuite's JSON Schema
 * (netsuite-wire.md §2.2). Pure (no `vscode`), so it is unit-tested against schemas shaped like NetSuite's.
 * Sublists are `$ref`s to `<type>-<sublist>Collection`, whose `items` point at `<type>-<sublist>Element`; the caller
 * supplies `loadSchema` to fetch those catalog entries (the metadata cache in the extension).
 */
import { catalogNameOfRef, type RecordTypeSchema } from '../../../netsuite/metadata';
import type { FieldModel, FormModel, SublistModel } from '../../../protocol/formModel';
import { isRequiredField } from './requiredFields';

export type { FieldKind, FieldModel, FormModel, SublistModel } from '../../../protocol/formModel';

type PropertySchema = Record<string, unknown>;
export type SchemaLoader = (catalogName: string) => Promise<RecordTypeSchema>;

// Decoration NetSuite adds to every record and collection; never a form field.
const decoration = new Set(['links', 'refName', 'totalResults', 'count', 'hasMore', 'offset']);

export async function buildFormModel(recordType: string, schema: RecordTypeSchema, loadSchema: SchemaLoader): Promise<FormModel> {
  const fields: FieldModel[] = [];
  const sublists: SublistModel[] = [];
  for (const [id, property] of Object.entries(schema.properties ?? {})) {
    if (decoration.has(id)) continue;
    const refName = typeof property.$ref === 'string' ? catalogNameOfRef(property.$ref) : undefined;
    if (refName && isCollectionName(refName)) {
      const columns = await sublistColumns(refName, loadSchema);
      sublists.push({ id, title: titleOf(id, property), columns: columns.map((column) => (!column.readOnly && isRequiredField(recordType, `${id}.${column.id}`) ? { ...column, required: true } : column)) });
      continue;
    }
    const field = fieldModel(id, property);
    const schemaRequired = Array.isArray(schema.required) ? schema.required.map(String) : [];
    if (field) fields.push(!field.readOnly && isRequiredField(recordType, id, schemaRequired) ? { ...field, required: true } : field);
  }
  return { recordType, fields, sublists };
}

/** One body field or sublist column; undefined for shapes a form cannot edit (arrays, nested objects). */
export function fieldModel(id: string, property: PropertySchema): FieldModel | undefined {
  const base = {
    id,
    title: titleOf(id, property),
    readOnly: property.readOnly === true || id === 'id',
    custom: property['x-ns-custom-field'] === true,
  };
  if (typeof property.$ref === 'string') {
    return { ...base, kind: 'reference', referenceType: catalogNameOfRef(property.$ref) ?? 'nsResource' };
  }
  const enumIds = enumOptions(property);
  if (enumIds) return { ...base, kind: 'enum', options: enumIds };
  const maxLength = typeof property.maxLength === 'number' ? { maxLength: property.maxLength } : {};
  switch (property.type) {
    case 'boolean':
      return { ...base, kind: 'checkbox' };
    case 'integer':
      return { ...base, kind: 'integer' };
    case 'number':
      // NetSuite's schemas: amounts are `double` (Credit Limit, Balance, Unit Price), other decimals `float`.
      return { ...base, kind: 'number', ...(property.format === 'double' ? { money: true } : {}) };
    case 'string':
      if (property.format === 'date') return { ...base, kind: 'date' };
      if (property.format === 'date-time') return { ...base, kind: 'datetime' };
      return { ...base, kind: 'text', ...maxLength };
    default:
      return undefined;
  }
}

/** Enum ids of an enum field: NetSuite's object form `{id: {enum}, refName}` or a bare `enum`. */
function enumOptions(property: PropertySchema): string[] | undefined {
  const idSchema = (property.properties as Record<string, PropertySchema> | undefined)?.id;
  const values = idSchema?.enum ?? property.enum;
  return Array.isArray(values) ? values.map(String) : undefined;
}

function isCollectionName(catalogName: string): boolean {
  return /-[A-Za-z0-9_]+Collection$/.test(catalogName);
}

async function sublistColumns(collectionName: string, loadSchema: SchemaLoader): Promise<FieldModel[]> {
  const collection = await loadSchema(collectionName);
  const itemsRef = (collection.properties?.items?.items as PropertySchema | undefined)?.$ref;
  const elementName = typeof itemsRef === 'string' ? catalogNameOfRef(itemsRef) : undefined;
  if (!elementName) return [];
  const element = await loadSchema(elementName);
  return Object.entries(element.properties ?? {}).flatMap(([id, property]) => {
    if (decoration.has(id)) return [];
    const column = fieldModel(id, property);
    return column ? [column] : [];
  });
}

function titleOf(id: string, property: PropertySchema): string {
  return typeof property.title === 'string' && property.title.trim() ? property.title : id;
}
