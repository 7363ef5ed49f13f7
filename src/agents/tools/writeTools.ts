/** The tools that change NetSuite: create, update, delete, transform. Each confirmation names what will change. */
import { humanRecordType, withArticle } from '../auditSentence';
import { quoted } from '../visibleText';
import { defineAgentTool, recordRequest, type ToolContext } from './agentTool';
import { recordDisplayName } from './compactResult';
import type { NetSuiteRecord } from './operations';
import { fieldChangeLines, fieldCount, writeFieldsProblem } from './writeBody';
import { accountProperty, fieldValuesProperty, inputObject, recordIdProperty, recordTypeProperty } from './schemaParts';

/** `customer 'Acme' (id 456)`, fetching the record to learn its name. */
async function namedRecord(context: ToolContext, recordType: string, id: string): Promise<{ record: NetSuiteRecord; phrase: string; name?: string }> {
  const record = await context.operations.getRecord(context.accountId, recordType, id, context.signal);
  const name = recordDisplayName(record);
  return { record, name, phrase: `${humanRecordType(recordType)} ${name ? `${quoted(name)} ` : ''}(id ${id})` };
}

/** The summary first (so nothing pushes it out of view), then each field as sent, one per line (writeBody.ts). */
function withFieldLines(summary: string, fields: NetSuiteRecord, current?: NetSuiteRecord): string {
  return [`${summary}: ${fieldCount(fields)}`, ...fieldChangeLines(fields, current)].join('\n');
}

export const createRecordTool = defineAgentTool<{ account: string; recordType: string; fields: NetSuiteRecord }>({
  name: 'suitelens_create_record',
  title: 'Create a NetSuite record',
  description: 'Creates a record of the given type from body fields (see suitelens_describe_record_type). Returns the new id.',
  action: 'create',
  readOnly: false,
  destructive: false,
  inputSchema: inputObject(['account', 'recordType', 'fields'], { account: accountProperty, recordType: recordTypeProperty, fields: fieldValuesProperty }),
  policyRequest: recordRequest('create'),
  subject: (input) => ({ recordType: input.recordType, recordName: recordDisplayName(input.fields) }),
  check: (input) => writeFieldsProblem(input.fields),
  describeEffect: async (input, context) => withFieldLines(`Create ${withArticle(humanRecordType(input.recordType))} on ${context.accountLabel}`, input.fields),
  async execute(input, context) {
    const { id } = await context.operations.createRecord(context.accountId, input.recordType, input.fields, context.signal);
    return { summary: `Created ${input.recordType} with id ${id}.`, data: { id }, subject: { recordId: id } };
  },
});

export const updateRecordTool = defineAgentTool<{ account: string; recordType: string; id: string; fields: NetSuiteRecord }>({
  name: 'suitelens_update_record',
  title: 'Update a NetSuite record',
  description: 'Changes only the given body fields of one record (PATCH); null clears a field.',
  action: 'update',
  readOnly: false,
  destructive: false,
  inputSchema: inputObject(['account', 'recordType', 'id', 'fields'], {
    account: accountProperty,
    recordType: recordTypeProperty,
    id: recordIdProperty,
    fields: fieldValuesProperty,
  }),
  policyRequest: recordRequest('update'),
  subject: (input) => ({ recordType: input.recordType, recordId: input.id, changedFields: Object.keys(input.fields) }),
  check: (input) => writeFieldsProblem(input.fields),
  async describeEffect(input, context) {
    const { record, phrase } = await namedRecord(context, input.recordType, input.id);
    return withFieldLines(`Update ${phrase} on ${context.accountLabel}`, input.fields, record);
  },
  async execute(input, context) {
    const { name } = await namedRecord(context, input.recordType, input.id);
    await context.operations.updateRecord(context.accountId, input.recordType, input.id, input.fields, context.signal);
    return {
      summary: `Updated ${Object.keys(input.fields).join(', ')} on ${input.recordType} ${input.id}.`,
      data: { id: input.id, changedFields: Object.keys(input.fields) },
      subject: { recordName: name },
    };
  },
});

export const deleteRecordTool = defineAgentTool<{ account: string; recordType: string; id: string }>({
  name: 'suitelens_delete_record',
  title: 'Delete a NetSuite record',
  description: 'Deletes one record. This cannot be undone.',
  action: 'delete',
  readOnly: false,
  destructive: true,
  inputSchema: inputObject(['account', 'recordType', 'id'], { account: accountProperty, recordType: recordTypeProperty, id: recordIdProperty }),
  policyRequest: recordRequest('delete'),
  subject: (input) => ({ recordType: input.recordType, recordId: input.id }),
  async describeEffect(input, context) {
    const { phrase } = await namedRecord(context, input.recordType, input.id);
    return `Delete ${phrase} on ${context.accountLabel} — this cannot be undone`;
  },
  async execute(input, context) {
    const { name } = await namedRecord(context, input.recordType, input.id);
    await context.operations.deleteRecord(context.accountId, input.recordType, input.id, context.signal);
    return { summary: `Deleted ${input.recordType} ${input.id}.`, data: { id: input.id, deleted: true }, subject: { recordName: name } };
  },
});

export const transformRecordTool = defineAgentTool<{ account: string; recordType: string; id: string; targetType: string; fields?: NetSuiteRecord }>({
  name: 'suitelens_transform_record',
  title: 'Transform a NetSuite record',
  description: "Creates a new record from an existing one, e.g. a salesOrder into an invoice (NetSuite's !transform). Returns the new id.",
  action: 'transform',
  readOnly: false,
  destructive: false,
  inputSchema: inputObject(['account', 'recordType', 'id', 'targetType'], {
    account: accountProperty,
    recordType: recordTypeProperty,
    id: recordIdProperty,
    targetType: { ...recordTypeProperty, description: "Record type to create, e.g. 'invoice', 'itemFulfillment'." },
    fields: { ...fieldValuesProperty, description: 'Optional body fields to set on the new record.' },
  }),
  policyRequest: (input, agentId) => ({ agentId, accountId: input.account, action: 'transform', recordType: input.recordType, targetType: input.targetType }),
  subject: (input) => ({ recordType: input.recordType, recordId: input.id, targetType: input.targetType }),
  check: (input) => (input.fields ? writeFieldsProblem(input.fields) : undefined),
  async describeEffect(input, context) {
    const { phrase } = await namedRecord(context, input.recordType, input.id);
    // The source changes too (an invoiced order becomes Billed, an estimate becomes Processed): that is why the policy
    // asks for Edit on it, and the person is told so.
    const summary = `Transform ${phrase} into a new ${humanRecordType(input.targetType)} on ${context.accountLabel}; the ${phrase} itself changes too (NetSuite moves its status on, e.g. to Billed or Closed)`;
    return input.fields ? withFieldLines(`${summary}. Fields set on the new ${humanRecordType(input.targetType)}`, input.fields) : summary;
  },
  async execute(input, context) {
    const { name } = await namedRecord(context, input.recordType, input.id);
    const { id } = await context.operations.transformRecord(context.accountId, input.recordType, input.id, input.targetType, input.fields, context.signal);
    return { summary: `Created ${input.targetType} ${id} from ${input.recordType} ${input.id}.`, data: { id }, subject: { recordName: name, targetId: id } };
  },
});
