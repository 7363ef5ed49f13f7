/**
 * NetSuite for the agent integration tests. TEMPORARY: until the sandbox's `startSandbox` lands, this is an
 * in-memory stand-in for NetSuite behind `AgentNetSuiteOperations`; the MCP server, keys, policy and audit log
 * under test are all real and reached over real HTTP on 127.0.0.1.
 */
import type { AgentNetSuiteOperations, NetSuiteRecord } from '../../src/agents/tools/operations';

export interface AgentTestNetSuite {
  accountId: string;
  /** How the activity log writes the account after its id (`''` for sandboxes, ` (production)`). */
  accountSuffix: string;
  operations: AgentNetSuiteOperations;
  customerId: string;
  customerName: string;
  createdCount(): number;
  stop(): Promise<void>;
}

export async function netSuiteForAgentTests(): Promise<AgentTestNetSuite> {
  const customers = new Map<string, NetSuiteRecord>([
    ['107', { id: '107', companyName: 'Acme Corp', email: 'ap@acme.example' }],
    ['108', { id: '108', companyName: 'Globex', email: 'ap@globex.example' }],
  ]);
  let created = 0;
  const notFound = (type: string, id: string) => new Error(`The record instance does not exist. Provide a valid record instance ID. (${type} ${id})`);
  const operations: AgentNetSuiteOperations = {
    listRecordTypes: async () => ['customer', 'vendor', 'invoice', 'salesorder'],
    describeRecordType: async () => ({ type: 'object', properties: { companyName: { title: 'Company Name', type: 'string' } } }),
    async getRecord(_account, recordType, id) {
      const record = recordType === 'customer' ? customers.get(id) : undefined;
      if (!record) throw notFound(recordType, id);
      return { links: [{ rel: 'self', href: `/record/v1/customer/${id}` }], ...record };
    },
    listRecords: async (_account, _type, page) => {
      const ids = [...customers.keys()];
      return { ids: ids.slice(page.offset, page.offset + page.limit), totalResults: ids.length, hasMore: page.offset + page.limit < ids.length };
    },
    runSuiteQL: async (_account, _query, page) => {
      const rows = [...customers.values()].map((customer) => ({ id: String(customer.id), companyname: String(customer.companyName) }));
      return { rows: rows.slice(page.offset, page.offset + page.limit), totalResults: rows.length, hasMore: page.offset + page.limit < rows.length };
    },
    async createRecord(_account, _type, fields) {
      created += 1;
      const id = String(200 + created);
      customers.set(id, { id, ...fields });
      return { id };
    },
    async updateRecord(_account, recordType, id, fields) {
      const record = customers.get(id);
      if (!record) throw notFound(recordType, id);
      customers.set(id, { ...record, ...fields });
    },
    async deleteRecord(_account, recordType, id) {
      if (!customers.delete(id)) throw notFound(recordType, id);
    },
    transformRecord: async () => ({ id: '900' }),
  };
  return {
    accountId: '1234567_SB1',
    accountSuffix: '',
    operations,
    customerId: '107',
    customerName: 'Acme Corp',
    createdCount: () => created,
    stop: async () => undefined,
  };
}
