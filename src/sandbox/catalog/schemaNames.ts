/**
 * Names of the schemas the metadata catalog serves besides record types, and how a `$ref` to one is written.
 * The per-type JSON Schema points at catalog URLs (`/services/rest/record/v1/metadata-catalog/nsLink`); the
 * OpenAPI document at its own components (`#/components/schemas/nsLink`), exactly as NetSuite does.
 */
export const METADATA_CATALOG_PATH = '/services/rest/record/v1/metadata-catalog';

/** Writes a `$ref` to a named schema. */
export type SchemaRef = (schemaName: string) => string;

export const catalogUrlRef: SchemaRef = (schemaName) => `${METADATA_CATALOG_PATH}/${schemaName}`;
export const openApiComponentRef: SchemaRef = (schemaName) => `#/components/schemas/${schemaName}`;

export const sublistCollectionName = (recordTypeId: string, sublistId: string) => `${recordTypeId}-${sublistId}Collection`;
export const sublistElementName = (recordTypeId: string, sublistId: string) => `${recordTypeId}-${sublistId}Element`;
export const recordCollectionName = (recordTypeId: string) => `${recordTypeId}Collection`;
