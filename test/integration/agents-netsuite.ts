/**
 * NetSuite for the agent integration tests: the real sandbox on 127.0.0.1 reached through the real client core,
 * wired to the agent tools exactly as the extension wires them (`clientBackedOperations`).
 */
import { clientBackedOperations } from '../../src/agents/tools/clientOperations';
import type { AgentNetSuiteOperations } from '../../src/agents/tools/operations';
import { setUpClient } from './client-sandbox';

export interface AgentTestNetSuite {
  accountId: string;
  operations: AgentNetSuiteOperations;
  /** A customer created for the test, so its id and name are known. */
  customerId: string;
  customerName: string;
  customerCount(): Promise<number>;
  getCustomer(id: string): Promise<Record<string, unknown>>;
  stop(): Promise<void>;
}

/** A sandbox account by default; pass a production id (`1234567`) for production's rules. */
export async function netSuiteForAgentTests(accountId = '1234567_SB1'): Promise<AgentTestNetSuite> {
  const setup = await setUpClient({ accountId });
  const client = setup.client();
  const operations = clientBackedOperations((accountId) => {
    if (accountId !== client.account.id) throw new Error(`Account ${accountId} is not connected in SuiteLens.`);
    return client;
  });
  const customerName = 'Acme Agents Corp';
  const { id: customerId } = await client.records.create('customer', { companyName: customerName, subsidiary: { id: '1' } });
  return {
    accountId: client.account.id,
    operations,
    customerId,
    customerName,
    customerCount: async () => (await client.records.list('customer', { limit: 1 })).totalResults,
    getCustomer: (id) => client.records.get('customer', id),
    stop: () => setup.stop(),
  };
}
