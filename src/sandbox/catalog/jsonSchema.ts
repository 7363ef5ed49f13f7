/**
 * Record-type definitions → the JSON Schemas NetSuite's metadata catalog serves (netsuite-wire.md §2.2, §2.3):
 * `title`/`type`/`format`/`nullable`/`readOnly` per property, enums as `{id, refName}` objects (2021.1+), custom
 * fields marked `x-ns-custom-field`, the top-level `x-ns-filterable` list, and references and sublists as `$ref`s.
 * One builder serves both media types; only the way a `$ref` is written differs.
 *
 * Two small liberties, both ignored by OpenAPI tools (siblings of `$ref` carry no meaning there): a reference or
 * sublist keeps its `title` (and `readOnly`) beside the `$ref`, so forms can label it; and string fields carry
 * `maxLength` where NetSuite enforces one, so validation fails before the store does.
 */
import type { FieldDefinition, RecordTypeDefinition, SublistDefinition } from '../model/recordTypes';
import { recordTypeDefinitions } from './registry';
import { catalogUrlRef, recordCollectionName, type SchemaRef, sublistCollectionName, sublistElementName } from './schemaNames';
import { hasNoData } from './typesWithoutData';

export type JsonSchemaObject = { [keyword: string]: unknown };

/**
 * How a document writes its `$ref`s, and which record types it can point a reference at. As in NetSuite, a
 * reference to a type the document describes is typed with that type's schema (`salesRep` → `employee`, 2026.1
 * browser; `parent` → `customer` in the 2020 dump); any other reference is an untyped `nsResource`.
 */
export interface SchemaStyle {
  ref: SchemaRef;
  describes(recordTypeId: string): boolean;
}

/**
 * Catalog-URL `$ref`s, references typed with any of `definitions` (by default every type the sandbox has). A type the
 * catalog lists without data stays an untyped `nsResource`, as before it was listed: the forms and the explorer then
 * treat a reference to it (a customer's status) as they always did.
 */
export function catalogSchemaStyle(definitions: readonly RecordTypeDefinition[] = recordTypeDefinitions): SchemaStyle {
  const ids = new Set(definitions.filter((definition) => !hasNoData(definition.id)).map((definition) => definition.id));
  return { ref: catalogUrlRef, describes: (recordTypeId) => ids.has(recordTypeId) };
}

const linksProperty = (ref: SchemaRef): JsonSchemaObject => ({ title: 'Links', type: 'array', readOnly: true, items: { $ref: ref('nsLink') } });
const refNameProperty: JsonSchemaObject = { title: 'Reference Name', type: 'string', readOnly: true };

const scalarShapes: Record<string, JsonSchemaObject> = {
  string: { type: 'string', nullable: true },
  email: { type: 'string', nullable: true },
  phone: { type: 'string', nullable: true },
  url: { type: 'string', nullable: true },
  integer: { type: 'integer', format: 'int64', nullable: true },
  float: { type: 'number', format: 'float', nullable: true },
  currency: { type: 'number', format: 'double', nullable: true },
  percent: { type: 'number', format: 'double', nullable: true },
  // NetSuite's booleans are never nullable: an unset checkbox is false.
  boolean: { type: 'boolean' },
  date: { type: 'string', format: 'date', nullable: true },
  datetime: { type: 'string', format: 'date-time', nullable: true },
};

/** The schema of one field, as NetSuite writes it in `properties`. */
export function fieldJsonSchema(field: FieldDefinition, style: SchemaStyle = catalogSchemaStyle()): JsonSchemaObject {
  let shape: JsonSchemaObject;
  if (field.kind === 'reference') {
    const typed = field.referenceRestExposed !== false && field.referenceType !== undefined && style.describes(field.referenceType);
    shape = { $ref: style.ref(typed ? field.referenceType! : 'nsResource'), title: field.label };
  } else if (field.kind === 'enum') {
    shape = {
      type: 'object',
      title: field.label,
      properties: {
        id: { title: 'Internal identifier', type: 'string', enum: (field.enumOptions ?? []).map((option) => option.id) },
        refName: { title: 'Reference Name', type: 'string' },
      },
    };
  } else {
    shape = { title: field.label, ...scalarShapes[field.kind] };
    if (field.maxLength !== undefined) shape.maxLength = field.maxLength;
  }
  if (field.description) shape.description = field.description;
  if (field.readOnly) shape.readOnly = true;
  if (field.custom) shape['x-ns-custom-field'] = true;
  return shape;
}

function fieldProperties(fields: FieldDefinition[], style: SchemaStyle): Record<string, JsonSchemaObject> {
  return Object.fromEntries(fields.map((field) => [field.id, fieldJsonSchema(field, style)]));
}

/** The schema of a whole record type (`GET metadata-catalog/customer` with `Accept: application/schema+json`). */
export function recordTypeJsonSchema(definition: RecordTypeDefinition, style: SchemaStyle = catalogSchemaStyle()): JsonSchemaObject {
  const { ref } = style;
  const sublistProperties = Object.fromEntries(
    definition.sublists.map((sublist) => [sublist.id, { $ref: ref(sublistCollectionName(definition.id, sublist.id)), title: sublist.label }]),
  );
  return {
    type: 'object',
    properties: {
      links: linksProperty(ref),
      refName: refNameProperty,
      ...fieldProperties(definition.fields, style),
      ...sublistProperties,
    },
    'x-ns-filterable': definition.fields.filter((field) => field.filterable).map((field) => field.id),
  };
}

/** Paged-collection envelope shared by record collections and sublists; `itemsRef` names the element schema. */
export function collectionJsonSchema(itemsRef: string, ref: SchemaRef = catalogUrlRef): JsonSchemaObject {
  return {
    type: 'object',
    properties: {
      links: linksProperty(ref),
      totalResults: { title: 'Total Results', type: 'integer', format: 'int64', readOnly: true },
      count: { title: 'Count', type: 'integer', format: 'int64', readOnly: true },
      hasMore: { title: 'Has More Results', type: 'boolean', readOnly: true },
      offset: { title: 'Query Offset', type: 'integer', format: 'int64', readOnly: true },
      items: { title: 'Items', type: 'array', items: { $ref: itemsRef } },
    },
  };
}

export function sublistCollectionJsonSchema(definition: RecordTypeDefinition, sublist: SublistDefinition, ref: SchemaRef = catalogUrlRef): JsonSchemaObject {
  return collectionJsonSchema(ref(sublistElementName(definition.id, sublist.id)), ref);
}

/** One sublist line; as in NetSuite's dumps, lines list no filterable fields (`q` cannot reach them). */
export function sublistElementJsonSchema(sublist: SublistDefinition, style: SchemaStyle = catalogSchemaStyle()): JsonSchemaObject {
  return {
    type: 'object',
    properties: { links: linksProperty(style.ref), refName: refNameProperty, ...fieldProperties(sublist.fields, style) },
    'x-ns-filterable': [],
  };
}

/** The building blocks every catalog answer refers to (`nsLink`, `nsResource`, `nsResourceCollection`, `nsError`). */
export function sharedJsonSchemas(ref: SchemaRef = catalogUrlRef): Record<string, JsonSchemaObject> {
  const readOnlyString = (title: string) => ({ title, type: 'string', readOnly: true });
  return {
    nsLink: { type: 'object', properties: { rel: readOnlyString('Relationship'), href: readOnlyString('Hypertext Reference') } },
    nsResource: {
      type: 'object',
      properties: {
        id: { title: 'Internal identifier', type: 'string' },
        refName: refNameProperty,
        externalId: { title: 'External identifier', type: 'string' },
        links: linksProperty(ref),
      },
    },
    nsResourceCollection: collectionJsonSchema(ref('nsResource'), ref),
    nsError: {
      type: 'object',
      properties: {
        type: readOnlyString('Type'),
        title: readOnlyString('Title'),
        status: { title: 'Status', type: 'integer', format: 'int32', readOnly: true },
        'o:errorDetails': {
          title: 'Error details',
          type: 'array',
          readOnly: true,
          items: {
            type: 'object',
            properties: {
              detail: readOnlyString('Detail'),
              'o:errorCode': readOnlyString('Error code'),
              'o:errorPath': readOnlyString('Error path'),
              'o:errorUrl': readOnlyString('Error URL'),
              'o:errorHeader': readOnlyString('Error header'),
              'o:errorQueryParam': readOnlyString('Error query parameter'),
            },
          },
        },
      },
    },
  };
}

/**
 * Every schema the catalog can answer for a set of record types, by name: the types themselves, their
 * collections, each sublist's Collection/Element pair, and the shared building blocks.
 */
export function allCatalogSchemas(definitions: readonly RecordTypeDefinition[], style: SchemaStyle = catalogSchemaStyle()): Map<string, JsonSchemaObject> {
  const { ref } = style;
  const schemas = new Map<string, JsonSchemaObject>(Object.entries(sharedJsonSchemas(ref)));
  for (const definition of definitions) {
    schemas.set(definition.id, recordTypeJsonSchema(definition, style));
    schemas.set(recordCollectionName(definition.id), collectionJsonSchema(ref(definition.id), ref));
    for (const sublist of definition.sublists) {
      schemas.set(sublistCollectionName(definition.id, sublist.id), sublistCollectionJsonSchema(definition, sublist, ref));
      schemas.set(sublistElementName(definition.id, sublist.id), sublistElementJsonSchema(sublist, style));
    }
  }
  return schemas;
}
