/**
 * The BUILTIN.DF side channel, end to end: an agent connects to the MCP endpoint on loopback, the guard decides
 * with the real policy, and the real sandbox answers over HTTP. BUILTIN.DF(t.entity) shows customer and vendor
 * names, so an agent granted only transactions is refused it and gets the names once entities are granted.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentIdentity } from '../../src/agents/agent';
import { guardWorkerFile } from './agents-guard-worker';
import { createAgentGuard, type AgentGuard } from '../../src/agents/agentGuard';
import type { RunningAgentMcpServer } from '../../src/agents/mcp/agentMcpServer';
import { emptyAgentPolicy, type AgentPolicy } from '../../src/agents/policyDocument';
import { withAgent, withGrant } from '../../src/agents/policyEdits';
import { InMemoryMemento } from '../../src/agents/policyStore';
import { InMemorySecretStore } from '../../src/netsuite/auth/secretStore';
import { netSuiteForAgentTests, type AgentTestNetSuite } from './agents-netsuite';

const reporter: AgentIdentity = { id: 'reporter', name: 'Reporter', kind: 'mcp' };
const auditor: AgentIdentity = { id: 'auditor', name: 'Auditor', kind: 'mcp' };
const salesDesk: AgentIdentity = { id: 'sales-desk', name: 'Sales desk', kind: 'mcp' };
const salesManager: AgentIdentity = { id: 'sales-manager', name: 'Sales manager', kind: 'mcp' };

const entityNames = 'SELECT t.id, BUILTIN.DF(t.entity) AS name FROM transaction t WHERE t.entity IS NOT NULL ORDER BY t.id';
const entityRefusal =
  'denied: BUILTIN.DF(t.entity) shows the name of the entity record that transaction.entity points to, so it reads entity, which needs View on entity or on every entity type';

type ToolAnswer = { isError?: boolean; content: { type: string; text?: string }[] };
type Row = Record<string, string>;

function textOf(answer: unknown): string {
  return (answer as ToolAnswer).content.map((part) => part.text ?? '').join('\n');
}

function rowsOf(text: string): Row[] {
  return (JSON.parse(text.split('\n').pop() ?? '{}') as { rows: Row[] }).rows;
}

describe('agents and BUILTIN.DF against the sandbox', () => {
  let netsuite: AgentTestNetSuite;
  let directory: string;
  let guard: AgentGuard;
  let server: RunningAgentMcpServer;

  /** The same query run past the guard, straight on the sandbox: what the names really are. */
  async function direct(query: string): Promise<Row[]> {
    return (await netsuite.operations.runSuiteQL(netsuite.accountId, query, { limit: 5, offset: 0 })).rows as Row[];
  }

  async function connect(agent: AgentIdentity): Promise<Client> {
    const client = new Client({ name: `suitelens-test-${agent.id}`, version: '1.0.0' });
    const key = await guard.keys.issue(agent);
    await client.connect(new StreamableHTTPClientTransport(new URL(server.url), { requestInit: { headers: { Authorization: `Bearer ${key}` } } }));
    return client;
  }

  beforeAll(async () => {
    netsuite = await netSuiteForAgentTests();
    directory = await mkdtemp(join(tmpdir(), 'suitelens-df-'));
    guard = createAgentGuard({ memento: new InMemoryMemento(), secrets: new InMemorySecretStore(), log: { directory }, operations: netsuite.operations, suiteql: { workerFile: guardWorkerFile() } });
    const grant = (policy: AgentPolicy, agent: AgentIdentity, recordType: string) =>
      withGrant(policy, { agentId: agent.id, accountId: netsuite.accountId, recordType, level: 'read' });
    let policy = [reporter, auditor, salesDesk, salesManager].reduce(withAgent, emptyAgentPolicy());
    policy = grant(policy, reporter, 'transaction');
    policy = grant(grant(policy, auditor, 'transaction'), auditor, 'entity');
    policy = grant(policy, salesDesk, 'customer');
    policy = grant(grant(policy, salesManager, 'customer'), salesManager, 'employee');
    await guard.policyStore.write(policy);
    server = await guard.startMcpServer();
  });

  afterAll(async () => {
    await server?.close();
    await netsuite?.stop();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  it('refuses names through BUILTIN.DF(t.entity) to an agent granted only transactions, and logs why', async () => {
    const client = await connect(reporter);
    const plain = await client.callTool({ name: 'suitelens_run_suiteql', arguments: { account: netsuite.accountId, query: 'SELECT t.id, t.entity FROM transaction t ORDER BY t.id', limit: 5 } });
    expect(plain.isError).toBe(false);
    const refused = await client.callTool({ name: 'suitelens_run_suiteql', arguments: { account: netsuite.accountId, query: entityNames, limit: 5 } });
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toMatch(new RegExp(`^${entityRefusal.replace(/[().]/g, '\\$&')} \\(\\w+ not granted\\)$`));
    expect(textOf(refused)).not.toContain('"rows"');
    await client.close();

    const [entry] = await guard.auditLog.query({ agentId: reporter.id, limit: 1 });
    expect(entry.decision).toBe('denied');
    expect(entry.sentence).toBe(`Reporter tried to run SuiteQL "${entityNames}" on 1234567_SB1 — ${entry.reason}`);
    expect(entry.reason.startsWith(entityRefusal)).toBe(true);
  });

  it('gives the names to an agent granted transactions and entities', async () => {
    const client = await connect(auditor);
    const answer = await client.callTool({ name: 'suitelens_run_suiteql', arguments: { account: netsuite.accountId, query: entityNames, limit: 5 } });
    await client.close();
    expect(answer.isError, textOf(answer)).toBe(false);
    const rows = rowsOf(textOf(answer));
    expect(rows).toHaveLength(5);
    const truth = await direct('SELECT t.id, e.entitytitle AS name FROM transaction t JOIN entity e ON e.id = t.entity ORDER BY t.id');
    expect(rows).toEqual(truth.map((row) => ({ id: row.id, name: row.name })));
    expect(rows.every((row) => row.name && !/^\d+$/.test(row.name))).toBe(true);
    const [entry] = await guard.auditLog.query({ agentId: auditor.id, limit: 1 });
    expect(entry).toMatchObject({ decision: 'allowed', outcome: 'succeeded', reason: "allowed by 'transaction: View', 'entity: View'" });
  });

  it("refuses a customer's sales rep name until employees are granted", async () => {
    const query = 'SELECT c.id, BUILTIN.DF(c.salesrep) AS rep FROM customer c WHERE c.salesrep IS NOT NULL ORDER BY c.id';
    const desk = await guard.invoker.invoke(salesDesk, 'suitelens_run_suiteql', { account: netsuite.accountId, query, limit: 5 });
    expect(desk).toMatchObject({
      ok: false,
      text: 'denied: BUILTIN.DF(c.salesrep) shows the name of the employee record that customer.salesrep points to, so it reads employee: employee not granted',
    });
    const manager = await guard.invoker.invoke(salesManager, 'suitelens_run_suiteql', { account: netsuite.accountId, query, limit: 5 });
    expect(manager.ok, manager.text).toBe(true);
    const truth = await direct('SELECT c.id, e.entityid AS rep FROM customer c JOIN employee e ON e.id = c.salesrep ORDER BY c.id');
    expect(truth.length).toBeGreaterThan(0);
    expect(rowsOf(manager.text)).toEqual(truth);
  });

  it("follows a custom field to its record type through the account's catalog", async () => {
    // custentity_current_milestone is typed in the catalog with the custom record customrecord_project_milestone.
    const milestone = 'SELECT c.id, BUILTIN.DF(c.custentity_current_milestone) AS milestone FROM customer c';
    const refused = await guard.invoker.invoke(salesDesk, 'suitelens_run_suiteql', { account: netsuite.accountId, query: milestone });
    expect(refused.text).toBe(
      'denied: BUILTIN.DF(c.custentity_current_milestone) shows the name of the customrecord_project_milestone record that customer.custentity_current_milestone points to, so it reads customrecord_project_milestone: customrecord_project_milestone not granted',
    );
    // custentity_loyalty_tier is a list value: its label reads nothing beyond the customer.
    const tier = 'SELECT c.id, BUILTIN.DF(c.custentity_loyalty_tier) AS tier FROM customer c WHERE c.custentity_loyalty_tier IS NOT NULL ORDER BY c.id';
    const allowed = await guard.invoker.invoke(salesDesk, 'suitelens_run_suiteql', { account: netsuite.accountId, query: tier, limit: 5 });
    expect(allowed.ok, allowed.text).toBe(true);
    const tiers = rowsOf(allowed.text).map((row) => row.tier);
    expect(tiers.length).toBeGreaterThan(0);
    expect(tiers.every((label) => ['Bronze', 'Silver', 'Gold', 'Platinum'].includes(label)), tiers.join(', ')).toBe(true);
  });
});
