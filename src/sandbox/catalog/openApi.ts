/**
 * Record types → the OpenAPI 3.0.1 document NetSuite serves for `Accept: application/swagger+json`, shaped on the
 * only real dump there is (LedgerSync's `customer_metadata.json`, netsuite-wire.md §2.3): the same `info`,
 * `servers`, `security`, per-type paths (list/insert, get/upsert/update/delete, `!transform`) and component
 * schemas (`nsResource`, `nsLink`, `nsError`, `<type>`, `<type>Collection`, sublist Collection/Element pairs).
 */
import type { RecordTypeDefinition } from '../model/recordTypes';
import { allCatalogSchemas, type JsonSchemaObject } from './jsonSchema';
import { catalogUrlRef, openApiComponentRef, recordCollectionName } from './schemaNames';

const SINGULAR = 'application/vnd.oracle.resource+json; type=singular';
const COLLECTION = 'application/vnd.oracle.resource+json; type=collection';
const ERROR = 'application/vnd.oracle.resource+json; type=error';

export interface OpenApiContext {
  /** Sandbox base URL (`http://127.0.0.1:8787`); servers[0] is its record service. */
  baseUrl: string;
  accountId: string;
  roleName: string;
  /** When the document says it was generated; a fixed clock keeps the document reproducible in tests. */
  generatedAt: Date;
}

const errorResponse = { description: 'Error response.', content: { [ERROR]: { schema: { $ref: openApiComponentRef('nsError') } } } };

const stringHeader = (description: string) => ({ description, required: false, schema: { type: 'string' } });
const writeResponseHeaders = {
  'X-NetSuite-PropertyValidation': stringHeader('Description of property validation failure.'),
  'X-NetSuite-Warning': stringHeader('Warnings occurred during processing.'),
};

const validationHeader = (name: string, subject: string, defaultValue: string) => ({
  name,
  in: 'header',
  description: `Sets strictness of property ${subject} validation.`,
  required: false,
  schema: { type: 'string', enum: ['Error', 'Warning', 'Ignore'], default: defaultValue },
});

const replaceParameter = {
  name: 'replace',
  in: 'query',
  description:
    'Names of sublists on this record. All lines on these sublists will be replaced with lines from input. Sublists not specified here will have lines added to record. Names are delimited by comma.',
  required: false,
  schema: { type: 'string' },
  examples: {
    'multiple sublists': { value: 'sublist1,subrecord.sublist2' },
    'sublist on subrecord': { value: 'subrecord.sublist' },
    'single sublist': { value: 'sublist' },
  },
};

const writeParameters = [
  replaceParameter,
  validationHeader('X-NetSuite-PropertyNameValidation', 'name', 'Warning'),
  validationHeader('X-NetSuite-PropertyValueValidation', 'value', 'Error'),
];

const queryParameter = (name: string, description: string, schema: JsonSchemaObject) => ({ name, in: 'query', description, required: false, schema });
const idParameter = { name: 'id', in: 'path', description: 'Internal identifier', required: true, schema: { type: 'number' } };

function writeOperation(tag: string, summary: string, bodySchemaRef: string, success: string, parameters: unknown[]) {
  return {
    tags: [tag],
    summary,
    parameters,
    requestBody: { description: 'Request body', content: { [SINGULAR]: { schema: { $ref: bodySchemaRef } } }, required: true },
    responses: { '204': { description: success, headers: writeResponseHeaders }, default: errorResponse },
  };
}

function recordTypePaths(definition: RecordTypeDefinition): Record<string, unknown> {
  const tag = definition.label;
  const recordRef = openApiComponentRef(definition.id);
  const paths: Record<string, unknown> = {
    [`/${definition.id}`]: {
      get: {
        tags: [tag],
        summary: 'Get list of records.',
        parameters: [
          queryParameter('q', 'Search query used to filter results', { type: 'string' }),
          queryParameter('limit', 'The limit used to specify the number of results on a single page.', { type: 'integer', default: 1000 }),
          queryParameter('offset', 'The offset used for selecting a specific page of results.', { type: 'integer', default: 0 }),
        ],
        responses: {
          '200': { description: 'List of records.', content: { [COLLECTION]: { schema: { $ref: openApiComponentRef(recordCollectionName(definition.id)) } } } },
          default: errorResponse,
        },
      },
      post: writeOperation(tag, 'Insert record.', recordRef, 'Inserted record.', writeParameters),
    },
    [`/${definition.id}/{id}`]: {
      get: {
        tags: [tag],
        summary: 'Get record.',
        parameters: [
          idParameter,
          queryParameter(
            'expandSubResources',
            'Set to "true" if you want to automatically expand all sublists, sublist lines and subrecords on this record. Default value is "false"',
            { type: 'boolean', default: false },
          ),
          queryParameter('simpleEnumFormat', 'Set to true if you want to return enumeration values in a simple format (internal id only).', {
            type: 'boolean',
            default: false,
          }),
          queryParameter('fields', 'Names of fields and sublists to return. Names are delimited by comma.', { type: 'string' }),
        ],
        responses: {
          '200': { description: 'Retrieved record.', headers: { 'X-NetSuite-Warning': writeResponseHeaders['X-NetSuite-Warning'] }, content: { [SINGULAR]: { schema: { $ref: recordRef } } } },
          default: errorResponse,
        },
      },
      put: writeOperation(tag, 'Insert or update record.', recordRef, 'Inserted or updated record.', [idParameter, ...writeParameters]),
      patch: writeOperation(tag, 'Update record.', recordRef, 'Updated record.', [idParameter, ...writeParameters]),
      delete: { tags: [tag], summary: 'Remove record.', parameters: [idParameter], responses: { '204': { description: 'Removed record.' }, default: errorResponse } },
    },
  };
  for (const target of definition.transformTargets ?? []) {
    // As in the real dump, the transform body is typed by the target's catalog URL, not a local component.
    const targetRef = catalogUrlRef(target);
    const operation = writeOperation(tag, `Transform to ${target}.`, targetRef, 'Transformed record.', [...writeParameters, idParameter]);
    paths[`/${definition.id}/{id}/!transform/${target}`] = { post: operation };
  }
  return paths;
}

const isoSeconds = (moment: Date) => moment.toISOString().replace(/\.\d{3}Z$/, '');

export function recordTypesOpenApi(definitions: readonly RecordTypeDefinition[], context: OpenApiContext): JsonSchemaObject {
  const [day, time] = isoSeconds(context.generatedAt).split('T');
  return {
    openapi: '3.0.1',
    info: {
      title: 'NetSuite REST Record API',
      description: `NetSuite REST Record API generated ${day} at ${time} UTC for account ${context.accountId} with role ${context.roleName}.`,
      termsOfService: 'http://www.netsuite.com/portal/resource/terms-of-service.shtml',
      contact: { name: 'Oracle NetSuite', url: 'http://www.netsuite.com', email: 'info@netsuite.com' },
      version: 'v1',
    },
    servers: [{ url: `${context.baseUrl}/services/rest/record/v1` }],
    security: [{ 'OAuth 1.0 authorization': [] }, { 'OAuth 2.0 authorization': [] }],
    paths: Object.assign({}, ...definitions.map(recordTypePaths)),
    components: {
      // References to types outside this document stay untyped `nsResource`s, as in the real dump.
      schemas: Object.fromEntries(allCatalogSchemas(definitions, { ref: openApiComponentRef, describes: (id) => definitions.some((definition) => definition.id === id) })),
      securitySchemes: {
        'OAuth 1.0 authorization': { type: 'apiKey', description: 'OAuth 1.0 - https://tools.ietf.org/html/rfc5849', name: 'authorization', in: 'header' },
        'OAuth 2.0 authorization': { type: 'http', description: 'OAuth 2.0 - https://tools.ietf.org/html/rfc6749', scheme: 'bearer' },
      },
    },
  };
}
