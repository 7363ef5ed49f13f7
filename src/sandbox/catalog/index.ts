/** The sandbox's record-type catalog and the metadata-catalog answers derived from it. */
export { findField, findRecordType, findSublist, recordTypeDefinitions } from './registry';
export { catalogRecordTypeDefinitions, findCatalogRecordType, hasNoData } from './typesWithoutData';
export { recordTypeJsonSchema, allCatalogSchemas, fieldJsonSchema, type JsonSchemaObject } from './jsonSchema';
export { recordTypesOpenApi, type OpenApiContext } from './openApi';
export { handleMetadataRequest, type MetadataRequest } from './metadataRequest';
export { METADATA_CATALOG_PATH } from './schemaNames';
export { createRecordBodyValidator, normaliseRecordBody, errorPathFromPointer, type RecordBodyProblem, type RecordBodyValidator } from './recordBodyValidation';
