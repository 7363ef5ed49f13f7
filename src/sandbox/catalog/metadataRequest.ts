/**
 * `GET /services/rest/record/v1/metadata-catalog[/{name}]` as a pure function the server routes to
 * (netsuite-wire.md §2): the list of record types with their three media-type links (narrowed by `?select=`), one
 * type's JSON Schema or OpenAPI document chosen by `Accept`, and the helper schemas those documents `$ref`
 * (`nsResource`, `customer-addressBookCollection`, …). A role sees only the record types it may view; everything
 * else answers 404 as if the type did not exist, which is what the catalog of a narrower NetSuite role does.
 */
import type { RecordTypeDefinition } from '../model/recordTypes';
import type { SandboxHttpAnswer, SandboxRole } from '../model/seams';
import { errorBody, errorContentType, invalidParameter, type NetSuiteHttpError, recordTypeNotFound } from '../http/errors';
import { hasPermission } from '../roles';
import { catalogRecordTypeDefinitions } from './typesWithoutData';
import { allCatalogSchemas, catalogSchemaStyle, type JsonSchemaObject, recordTypeJsonSchema } from './jsonSchema';
import { recordTypesOpenApi } from './openApi';
import { METADATA_CATALOG_PATH } from './schemaNames';

export interface MetadataRequest {
  url: URL;
  accept: string | undefined;
  /** Sandbox base URL without a trailing slash (`http://127.0.0.1:8787`); catalog links are absolute under it. */
  baseUrl: string;
  role: SandboxRole;
  /** Account id named in the OpenAPI `info.description`. */
  accountId?: string;
  /** Clock for the OpenAPI "generated at" line. */
  now?: () => Date;
  /** Record types to describe instead of the built-in catalog (tests of the server itself). */
  definitions?: readonly RecordTypeDefinition[];
}

const SCHEMA_MEDIA_TYPE = 'application/schema+json';
const SWAGGER_MEDIA_TYPE = 'application/swagger+json';
const JSON_MEDIA_TYPE = 'application/json';

type Representation = 'schema' | 'swagger' | 'json';

/** Picks the representation the `Accept` header asks for first; anything else gets plain JSON. */
function requestedRepresentation(accept: string | undefined): Representation {
  const mediaTypes = (accept ?? '').split(',').map((part) => part.split(';')[0].trim().toLowerCase());
  for (const mediaType of mediaTypes) {
    if (mediaType === SCHEMA_MEDIA_TYPE) return 'schema';
    if (mediaType === SWAGGER_MEDIA_TYPE) return 'swagger';
  }
  return 'json';
}

/** The catalog answers errors itself (it is a pure function), in the server's envelope. */
function errorAnswer(error: NetSuiteHttpError): SandboxHttpAnswer {
  return { status: error.status, headers: { 'content-type': errorContentType(), ...error.headers }, body: errorBody(error.status, error.details) };
}

function answer(body: unknown, mediaType: string): SandboxHttpAnswer {
  return { status: 200, headers: { 'content-type': `${mediaType}; charset=UTF-8` }, body: JSON.stringify(body) };
}

function catalogItem(baseUrl: string, definition: RecordTypeDefinition) {
  const name = definition.id.toLowerCase();
  const href = `${baseUrl}${METADATA_CATALOG_PATH}/${name}`;
  return {
    name,
    links: [
      { rel: 'canonical', href, mediaType: JSON_MEDIA_TYPE },
      { rel: 'alternate', href, mediaType: SWAGGER_MEDIA_TYPE },
      { rel: 'alternate', href, mediaType: SCHEMA_MEDIA_TYPE },
    ],
  };
}

/** The record type a catalog name belongs to: itself, or the owner of `<type>Collection` / `<type>-<sublist>…`. */
function owningRecordType(name: string, definitions: readonly RecordTypeDefinition[]): RecordTypeDefinition | undefined {
  const lower = name.toLowerCase();
  const owner = lower.includes('-') ? lower.slice(0, lower.indexOf('-')) : lower.replace(/collection$/, '');
  return definitions.find((definition) => definition.id.toLowerCase() === owner);
}

const SHARED_SCHEMA_NAMES = new Set(['nslink', 'nsresource', 'nsresourcecollection', 'nserror']);

export function handleMetadataRequest(request: MetadataRequest): SandboxHttpAnswer {
  const definitions = request.definitions ?? catalogRecordTypeDefinitions;
  const visible = definitions.filter((definition) => hasPermission(request.role, definition.id, 'view'));
  const representation = requestedRepresentation(request.accept);
  const openApiContext = () => ({
    baseUrl: request.baseUrl,
    accountId: request.accountId ?? 'SANDBOX',
    roleName: request.role.name,
    generatedAt: (request.now ?? (() => new Date()))(),
  });

  const rest = request.url.pathname.slice(METADATA_CATALOG_PATH.length).replace(/^\/+|\/+$/g, '');
  if (rest === '') {
    const selected = selectedTypes(request.url, visible);
    if ('error' in selected) return selected.error;
    if (representation === 'swagger') return answer(recordTypesOpenApi(selected.types, openApiContext()), SWAGGER_MEDIA_TYPE);
    return answer({ items: selected.types.map((definition) => catalogItem(request.baseUrl, definition)) }, JSON_MEDIA_TYPE);
  }

  const name = decodeURIComponent(rest);
  const definition = definitions.find((candidate) => candidate.id.toLowerCase() === name.toLowerCase());
  if (definition && visible.includes(definition)) {
    // References to types the role cannot see stay untyped, so every $ref in the answer is one the role may follow.
    if (representation === 'schema') return answer(recordTypeJsonSchema(definition, catalogSchemaStyle(visible)), SCHEMA_MEDIA_TYPE);
    if (representation === 'swagger') return answer(recordTypesOpenApi([definition], openApiContext()), SWAGGER_MEDIA_TYPE);
    return answer(catalogItem(request.baseUrl, definition), JSON_MEDIA_TYPE);
  }

  const helperSchema = helperSchemaByName(name, visible, definitions);
  if (helperSchema) return answer(helperSchema, SCHEMA_MEDIA_TYPE);
  return errorAnswer(recordTypeNotFound(name));
}

/** `nsLink`, `customerCollection`, `salesOrder-itemCollection`, … — answerable when their owner type is visible. */
function helperSchemaByName(
  name: string,
  visible: readonly RecordTypeDefinition[],
  definitions: readonly RecordTypeDefinition[],
): JsonSchemaObject | undefined {
  const lower = name.toLowerCase();
  const owner = SHARED_SCHEMA_NAMES.has(lower) ? undefined : owningRecordType(name, definitions);
  if (!SHARED_SCHEMA_NAMES.has(lower) && (!owner || !visible.includes(owner))) return undefined;
  const schemas = allCatalogSchemas(owner ? [owner] : [], catalogSchemaStyle(visible));
  for (const [schemaName, schema] of schemas) {
    if (schemaName.toLowerCase() === lower) return schema;
  }
  return undefined;
}

/** `?select=customer,salesorder` narrows the catalog; naming a type the role cannot see is a bad parameter. */
function selectedTypes(url: URL, visible: readonly RecordTypeDefinition[]): { types: readonly RecordTypeDefinition[] } | { error: SandboxHttpAnswer } {
  const select = url.searchParams.get('select');
  if (select === null || select.trim() === '') return { types: visible };
  const names = select.split(',').map((name) => name.trim()).filter((name) => name !== '');
  const types: RecordTypeDefinition[] = [];
  for (const name of names) {
    const definition = visible.find((candidate) => candidate.id.toLowerCase() === name.toLowerCase());
    if (!definition) {
      const detail = `Invalid value for query parameter 'select'. Record type '${name}' does not exist.`;
      return { error: errorAnswer(invalidParameter(detail, { 'o:errorQueryParam': 'select' })) };
    }
    if (!types.includes(definition)) types.push(definition);
  }
  return { types };
}
