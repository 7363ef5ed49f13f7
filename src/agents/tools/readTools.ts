/** The tools that only read: list and describe record types, get a record, search records. */
import { humanRecordType } from '../auditSentence';
import { defineAgentTool, recordRequest } from './agentTool';
import { compactRecord, pageNote, recordDisplayName } from './compactResult';
import { accountProperty, inputObject, offsetProblem, pagingProperties, recordIdProperty, recordTypeProperty } from './schemaParts';

export const listRecordTypesTool = defineAgentTool<{ account: string; nameContains?: string }>({
  name: 'suitelens_list_record_types',
  title: 'List NetSuite record types',
  description: 'Lists the record types of a NetSuite account (from its metadata catalog), optionally filtered by name.',
  action: 'listRecordTypes',
  readOnly: true,
  destructive: false,
  inputSchema: inputObject(['account'], {
    account: accountProperty,
    nameContains: { type: 'string', maxLength: 100, description: 'Only types whose id contains this text (case-insensitive).' },
  }),
  policyRequest: (input, agentId) => ({ agentId, accountId: input.account, action: 'listRecordTypes' }),
  subject: () => ({}),
  describeEffect: async (_input, context) => `List the record types on ${context.accountLabel}`,
  async execute(input, context) {
    const all = await context.operations.listRecordTypes(context.accountId, context.signal);
    const filter = input.nameContains?.toLowerCase();
    const recordTypes = filter ? all.filter((type) => type.toLowerCase().includes(filter)) : all;
    return { summary: `${recordTypes.length} record types on ${context.accountLabel}.`, data: { recordTypes } };
  },
});

interface JsonSchemaProperty {
  title?: string;
  type?: string;
  format?: string;
  readOnly?: boolean;
  enum?: unknown[];
  $ref?: string;
  properties?: Record<string, JsonSchemaProperty>;
}

/** One line per field ("email: Email (string, email)") instead of NetSuite's full JSON Schema. */
function summariseField(id: string, property: JsonSchemaProperty): string {
  const enumValues = property.enum ?? property.properties?.id?.enum;
  const kind = property.$ref
    ? `reference or sublist ${property.$ref.split('/').pop() ?? ''}`
    : [property.type ?? 'object', property.format].filter(Boolean).join(', ');
  const extras = [property.readOnly ? 'read-only' : '', enumValues ? `one of ${enumValues.map(String).join(' | ')}` : ''].filter(Boolean);
  return `${id}: ${property.title ?? id} (${kind}${extras.length ? `; ${extras.join('; ')}` : ''})`;
}

export const describeRecordTypeTool = defineAgentTool<{ account: string; recordType: string }>({
  name: 'suitelens_describe_record_type',
  title: 'Describe a NetSuite record type',
  description: "Lists a record type's fields (id, label, type, read-only, allowed values) and the fields usable in search filters.",
  action: 'describeRecordType',
  readOnly: true,
  destructive: false,
  inputSchema: inputObject(['account', 'recordType'], { account: accountProperty, recordType: recordTypeProperty }),
  policyRequest: recordRequest('describeRecordType'),
  subject: (input) => ({ recordType: input.recordType }),
  describeEffect: async (input, context) => `Describe the ${humanRecordType(input.recordType)} record type on ${context.accountLabel}`,
  async execute(input, context) {
    const schema = await context.operations.describeRecordType(context.accountId, input.recordType, context.signal);
    const properties = (schema.properties ?? {}) as Record<string, JsonSchemaProperty>;
    const fields = Object.entries(properties)
      .filter(([id]) => id !== 'links')
      .map(([id, property]) => summariseField(id, property));
    const filterable = Array.isArray(schema['x-ns-filterable']) ? schema['x-ns-filterable'] : [];
    return { summary: `${input.recordType}: ${fields.length} fields.`, data: { recordType: input.recordType, fields, filterable } };
  },
});

export const getRecordTool = defineAgentTool<{ account: string; recordType: string; id: string }>({
  name: 'suitelens_get_record',
  title: 'Get a NetSuite record',
  description: 'Reads one record by type and internal id. Links are removed and long sublists are cut (the answer says where).',
  action: 'read',
  readOnly: true,
  destructive: false,
  inputSchema: inputObject(['account', 'recordType', 'id'], { account: accountProperty, recordType: recordTypeProperty, id: recordIdProperty }),
  policyRequest: recordRequest('read'),
  subject: (input) => ({ recordType: input.recordType, recordId: input.id }),
  describeEffect: async (input, context) => `Read ${humanRecordType(input.recordType)} ${input.id} on ${context.accountLabel}`,
  async execute(input, context) {
    const record = await context.operations.getRecord(context.accountId, input.recordType, input.id, context.signal);
    const { record: compact, truncated } = compactRecord(record);
    const name = recordDisplayName(record);
    return {
      summary: `${input.recordType} ${name ? `'${name}' ` : ''}(id ${input.id}).`,
      data: compact,
      truncated,
      subject: { recordName: name },
    };
  },
});

export const searchRecordsTool = defineAgentTool<{ account: string; recordType: string; q?: string; limit: number; offset: number }>({
  name: 'suitelens_search_records',
  title: 'Search NetSuite records',
  description:
    "Finds record ids of one type, optionally filtered with NetSuite's q syntax (e.g. 'email START_WITH barbara', " +
    "'companyName CONTAIN Acme AND isInactive IS false'). Returns ids; read a record with suitelens_get_record.",
  action: 'search',
  readOnly: true,
  destructive: false,
  inputSchema: inputObject(['account', 'recordType'], {
    account: accountProperty,
    recordType: recordTypeProperty,
    q: { type: 'string', minLength: 1, maxLength: 2000, description: 'NetSuite record filter: <fieldId> <OPERATOR> <value>, joined by AND / OR.' },
    ...pagingProperties(50, 1000),
  }),
  check: offsetProblem,
  policyRequest: recordRequest('search'),
  subject: (input) => ({ recordType: input.recordType, ...(input.q ? { query: input.q } : {}) }),
  describeEffect: async (input, context) =>
    `Search ${humanRecordType(input.recordType)} records on ${context.accountLabel}${input.q ? ` where ${input.q}` : ''}`,
  async execute(input, context) {
    const page = await context.operations.listRecords(
      context.accountId,
      input.recordType,
      { limit: input.limit, offset: input.offset, ...(input.q ? { q: input.q } : {}) },
      context.signal,
    );
    const nextOffset = page.hasMore ? input.offset + page.ids.length : undefined;
    return {
      summary: `${page.totalResults} ${input.recordType} records match; ${page.ids.length} ids returned.`,
      data: { ids: page.ids, offset: input.offset, totalResults: page.totalResults, hasMore: page.hasMore, ...(nextOffset !== undefined ? { nextOffset } : {}) },
      truncated: pageNote('ids', input.offset, page.ids.length, page.totalResults, page.hasMore),
    };
  },
});
