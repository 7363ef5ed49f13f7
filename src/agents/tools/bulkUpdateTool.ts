/**
 * The bulk update tool: the same body-field change on many records of one type, on NetSuite's batch operations.
 * It sits under the same guard as a single update (a write grant on the record type), its confirmation lists every
 * record's change (old → new), and the activity log gets one sentence per record it changed.
 */
import { describeError } from '../../netsuite/describeError';
import { humanRecordType } from '../auditSentence';
import { quoted } from '../visibleText';
import { defineAgentTool, recordRequest, type AuditSubject } from './agentTool';
import { recordDisplayName } from './compactResult';
import type { NetSuiteRecord } from './operations';
import { fieldChangeLines, writeFieldsProblem } from './writeBody';
import { accountProperty, inputObject, recordIdProperty, recordTypeProperty } from './schemaParts';

/** Records per call: enough for a page of a result grid, few enough that the confirmation can list each one. */
export const maxBulkUpdateRecords = 200;

interface BulkUpdateInput {
  account: string;
  recordType: string;
  updates: Array<{ id: string; fields: NetSuiteRecord }>;
}

export const bulkUpdateRecordsTool = defineAgentTool<BulkUpdateInput>({
  name: 'suitelens_bulk_update_records',
  title: 'Update many NetSuite records',
  description: `Changes body fields on up to ${maxBulkUpdateRecords} records of one type in NetSuite batches (PATCH; null clears a field). Each record succeeds or fails on its own; the answer lists both.`,
  action: 'update',
  readOnly: false,
  destructive: false,
  inputSchema: inputObject(['account', 'recordType', 'updates'], {
    account: accountProperty,
    recordType: recordTypeProperty,
    updates: {
      type: 'array',
      minItems: 1,
      maxItems: maxBulkUpdateRecords,
      description: 'One entry per record: its internal id and the body fields to change.',
      items: inputObject(['id', 'fields'], {
        id: recordIdProperty,
        fields: { type: 'object', minProperties: 1, description: 'Body fields to change: field id → value; references as {"id": "12"}. No sublists.' },
      }),
    },
  }),
  policyRequest: recordRequest('update'),
  subject: (input) => ({ recordType: input.recordType, changedFields: [...new Set(input.updates.flatMap((update) => Object.keys(update.fields)))] }),
  check(input) {
    const ids = input.updates.map((update) => update.id);
    const repeated = ids.find((id, index) => ids.indexOf(id) !== index);
    if (repeated) return `record ${repeated} is listed twice`;
    for (const [index, update] of input.updates.entries()) {
      const problem = writeFieldsProblem(update.fields, `updates[${index}].fields`);
      if (problem) return problem;
    }
    // Lines would need the keyed single-record path; a bulk change is body fields only.
    const withLines = input.updates.find((update) => Object.values(update.fields).some((value) => typeof value === 'object' && value !== null && 'items' in value));
    return withLines ? `record ${withLines.id} changes sublist lines, which a bulk update does not do` : undefined;
  },
  async describeEffect(input, context) {
    // Every record is read and shown; one that cannot be read cannot be shown, so the whole change is refused with
    // the ids to leave out, rather than asked with a part of it (or none of it) described.
    const read = await Promise.all(
      input.updates.map((update) =>
        context.operations.getRecord(context.accountId, input.recordType, update.id, context.signal).then(
          (record) => ({ update, record }),
          (error: unknown) => ({ update, error: describeError(error) }),
        ),
      ),
    );
    const unread = read.flatMap((each) => ('error' in each ? [`${each.update.id} (${each.error})`] : []));
    if (unread.length > 0) throw new Error(`${unread.length} of ${input.updates.length} ${input.recordType} records could not be read, so the change cannot be shown: ${unread.join('; ')}. Leave ${unread.length === 1 ? 'it' : 'them'} out and call again`);
    const fields = [...new Set(input.updates.flatMap((update) => Object.keys(update.fields)))];
    const lines = read.flatMap((each) => {
      const record = 'record' in each ? each.record : undefined;
      const name = recordDisplayName(record);
      return [`- ${humanRecordType(input.recordType)} ${name ? `${quoted(name)} ` : ''}(id ${each.update.id}):`, ...fieldChangeLines(each.update.fields, record ?? {}, '    ')];
    });
    const summary = `Update ${input.updates.length} ${humanRecordType(input.recordType)} ${input.updates.length === 1 ? 'record' : 'records'} on ${context.accountLabel}: ${fields.join(', ')}`;
    return [summary, ...lines].join('\n');
  },
  async execute(input, context) {
    const outcomes = context.operations.bulkUpdateRecords
      ? await context.operations.bulkUpdateRecords(context.accountId, input.recordType, input.updates, context.signal)
      : await sequentialUpdates(input, context.operations.updateRecord.bind(context.operations), context.accountId, context.signal);
    const changed = outcomes.filter((outcome) => outcome.status === 'succeeded');
    const notChanged = outcomes.filter((outcome) => outcome.status !== 'succeeded');
    const fieldsOf = new Map(input.updates.map((update) => [update.id, Object.keys(update.fields)]));
    const records: AuditSubject[] = changed.map((outcome) => ({ recordType: input.recordType, recordId: outcome.id, changedFields: fieldsOf.get(outcome.id) ?? [] }));
    const failures = notChanged.map((outcome) => `${outcome.id}: ${outcome.error ?? outcome.status}`);
    return {
      summary: `Updated ${changed.length} of ${outcomes.length} ${input.recordType} records${failures.length ? `; not changed: ${failures.join('; ')}` : ''}.`,
      data: { updated: changed.map((outcome) => outcome.id), notUpdated: notChanged.map((outcome) => ({ id: outcome.id, status: outcome.status, error: outcome.error })) },
      records,
    };
  },
});

type UpdateOne = (accountId: string, recordType: string, id: string, fields: NetSuiteRecord, signal?: AbortSignal) => Promise<void>;

// Operations without batch support: one PATCH after another, each failure kept to its record.
async function sequentialUpdates(input: BulkUpdateInput, update: UpdateOne, accountId: string, signal?: AbortSignal) {
  const outcomes: Array<{ id: string; status: 'succeeded' | 'failed'; error?: string }> = [];
  for (const { id, fields } of input.updates) {
    try {
      await update(accountId, input.recordType, id, fields, signal);
      outcomes.push({ id, status: 'succeeded' });
    } catch (error) {
      outcomes.push({ id, status: 'failed', error: error instanceof Error ? error.message : String(error) });
    }
  }
  return outcomes;
}
