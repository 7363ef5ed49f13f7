/**
 * The agent tools' NetSuite operations over the account registry: each call resolves the account's scope (its one
 * `NetSuiteClient`, shared with the explorer and notebooks) and runs through the client core. The token stays in
 * that client; agents only ever see what the tools return.
 */
import type { NetSuiteClient } from '../../netsuite/client';
import { clientBackedOperations } from '../../agents/tools/clientOperations';
import type { AgentNetSuiteOperations } from '../../agents/tools/operations';
import type { Accounts } from '../accounts/accountScope';

export function registryOperations(registry: Pick<Accounts<NetSuiteClient>, 'scope'>): AgentNetSuiteOperations {
  // The registry hands out clients asynchronously; the core's adapter wants one synchronously, so it is built per call
  // around the client the scope resolved to.
  const on = async (accountId: string): Promise<AgentNetSuiteOperations> => {
    const { client } = await registry.scope(accountId);
    return clientBackedOperations(() => client);
  };
  return {
    listRecordTypes: async (accountId, signal) => (await on(accountId)).listRecordTypes(accountId, signal),
    describeRecordType: async (accountId, recordType, signal) => (await on(accountId)).describeRecordType(accountId, recordType, signal),
    getRecord: async (accountId, recordType, id, signal) => (await on(accountId)).getRecord(accountId, recordType, id, signal),
    listRecords: async (accountId, recordType, page, signal) => (await on(accountId)).listRecords(accountId, recordType, page, signal),
    runSuiteQL: async (accountId, query, page, signal) => (await on(accountId)).runSuiteQL(accountId, query, page, signal),
    createRecord: async (accountId, recordType, fields, signal) => (await on(accountId)).createRecord(accountId, recordType, fields, signal),
    updateRecord: async (accountId, recordType, id, fields, signal) => (await on(accountId)).updateRecord(accountId, recordType, id, fields, signal),
    deleteRecord: async (accountId, recordType, id, signal) => (await on(accountId)).deleteRecord(accountId, recordType, id, signal),
    transformRecord: async (accountId, recordType, id, targetType, fields, signal) =>
      (await on(accountId)).transformRecord(accountId, recordType, id, targetType, fields, signal),
  };
}
