/**
 * The agent tools' operations backed by the client core: every call goes through the account's `NetSuiteClient`,
 * so agents share its concurrency budget, retries and idempotency keys, and never see its token.
 */
import type { NetSuiteClient } from '../../netsuite/client';
import type { AgentNetSuiteOperations } from './operations';

/** `clientFor` answers the connected client of an account, or throws a clear error when it is not connected. */
export function clientBackedOperations(clientFor: (accountId: string) => NetSuiteClient): AgentNetSuiteOperations {
  return {
    listRecordTypes: (accountId, signal) => clientFor(accountId).metadata.recordTypes({ signal }),
    describeRecordType: (accountId, recordType, signal) => clientFor(accountId).metadata.schema(recordType, { signal }),
    getRecord: (accountId, recordType, id, signal) => clientFor(accountId).records.get(recordType, id, { signal }),
    async listRecords(accountId, recordType, page, signal) {
      const answer = await clientFor(accountId).records.list(recordType, { ...page, signal });
      return { ids: answer.items.map((item) => item.id), totalResults: answer.totalResults, hasMore: answer.hasMore };
    },
    async runSuiteQL(accountId, query, page, signal) {
      const answer = await clientFor(accountId).queryPage(query, page.offset, { pageSize: page.limit, signal });
      // NetSuite's own strings, as the tool describes them; typed values are the notebook's concern.
      return { rows: answer.rows.map((row) => row.raw), totalResults: answer.totalResults, hasMore: answer.hasMore };
    },
    createRecord: (accountId, recordType, fields, signal) => clientFor(accountId).records.create(recordType, fields, { signal }),
    updateRecord: (accountId, recordType, id, fields, signal) => clientFor(accountId).records.patch(recordType, id, fields, { signal }),
    async bulkUpdateRecords(accountId, recordType, updates, signal) {
      const run = await clientFor(accountId).batches.run(recordType, 'update', updates, { signal });
      return run.results.map((result) => {
        const id = updates[result.index].id;
        // A batch turned away before any work (notSubmitted with its reason) changed nothing: failed, as before.
        const notApplied = result.status === 'notSubmitted' && result.error !== undefined;
        const status = result.status === 'succeeded' || result.status === 'failed' ? result.status : notApplied ? 'failed' : 'unknown';
        return { id, status, ...(result.error ? { error: result.error.detail ?? result.error.message } : {}) };
      });
    },
    async deleteRecord(accountId, recordType, id, signal) {
      await clientFor(accountId).records.delete(recordType, id, { signal });
    },
    transformRecord: (accountId, recordType, id, targetType, fields, signal) =>
      clientFor(accountId).records.transform(recordType, id, targetType, fields ?? {}, { signal }),
  };
}
