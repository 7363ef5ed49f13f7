import { request } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InMemorySecretStore } from '../../src/netsuite/auth/secretStore';
import type { AgentIdentity } from '../../src/agents/agent';
import { guardWorkerFile } from './agents-guard-worker';
import { createAgentGuard } from '../../src/agents/agentGuard';
import type { AuditLog } from '../../src/agents/audit';
import type { AgentKeyStore } from '../../src/agents/mcp/agentKeys';
import { startAgentMcpServer, type RunningAgentMcpServer } from '../../src/agents/mcp/agentMcpServer';
import { mcpClientConfiguration } from '../../src/agents/mcp/clientConfiguration';
import { emptyAgentPolicy } from '../../src/agents/policyDocument';
import { withAgent, withGrant } from '../../src/agents/policyEdits';
import { InMemoryMemento } from '../../src/agents/policyStore';
import { agentTools } from '../../src/agents/tools/agentTools';
import { netSuiteForAgentTests, type AgentTestNetSuite } from './agents-netsuite';

const billing: AgentIdentity = { id: 'billing-helper', name: 'Billing helper', kind: 'mcp' };
const reporter: AgentIdentity = { id: 'reporter', name: 'Reporter', kind: 'mcp' };
const chat: AgentIdentity = { id: 'vscode-chat', name: 'VS Code chat', kind: 'vscode-chat' };

type ToolAnswer = { isError?: boolean; content: { type: string; text?: string }[] };

function textOf(answer: unknown): string {
  return (answer as ToolAnswer).content.map((part) => part.text ?? '').join('\n');
}

async function connect(url: string, key: string): Promise<Client> {
  const client = new Client({ name: 'suitelens-test-agent', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { Authorization: `Bearer ${key}` } } }));
  return client;
}

/** A raw request to the endpoint on loopback, for what the SDK client would never send. */
function rawPost(port: number, headers: Record<string, string>, method = 'POST', path = '/mcp'): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, path, method, headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', ...headers } }, (incoming) => {
      incoming.resume();
      resolve(incoming.statusCode ?? 0);
    });
    outgoing.on('error', reject);
    outgoing.end(method === 'POST' ? JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} }) : undefined);
  });
}

describe('agent MCP endpoint', () => {
  let netsuite: AgentTestNetSuite;
  let directory: string;
  let auditLog: AuditLog;
  let keys: AgentKeyStore;
  let server: RunningAgentMcpServer;
  let billingKey: string;
  let reporterKey: string;

  beforeAll(async () => {
    netsuite = await netSuiteForAgentTests();
    directory = await mkdtemp(join(tmpdir(), 'suitelens-mcp-'));
    const guard = createAgentGuard({ memento: new InMemoryMemento(), secrets: new InMemorySecretStore(), log: { directory }, operations: netsuite.operations, suiteql: { workerFile: guardWorkerFile() } });
    let policy = [billing, reporter, chat].reduce(withAgent, emptyAgentPolicy());
    policy = withGrant(policy, { agentId: billing.id, accountId: netsuite.accountId, recordType: 'customer', level: 'read' });
    policy = withGrant(policy, { agentId: reporter.id, accountId: netsuite.accountId, recordType: 'customer', level: 'write' });
    await guard.policyStore.write(policy);
    keys = guard.keys;
    auditLog = guard.auditLog;
    billingKey = await keys.issue(billing);
    reporterKey = await keys.issue(reporter);
    server = await guard.startMcpServer();
  });

  afterAll(async () => {
    await server?.close();
    await netsuite?.stop();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 only and refuses any other address', async () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
    expect(server.address).toBe('127.0.0.1');
    await expect(startAgentMcpServer({ host: '0.0.0.0', invoker: undefined as never, policyStore: undefined as never, keys })).rejects.toThrow(
      /127\.0\.0\.1 only; refusing to bind 0\.0\.0\.0/,
    );
    await expect(startAgentMcpServer({ host: 'localhost', invoker: undefined as never, policyStore: undefined as never, keys })).rejects.toThrow(/refusing to bind localhost/);
  });

  it('refuses a Host header other than loopback (DNS rebinding) and requests from web pages', async () => {
    expect(await rawPost(server.port, { Host: 'attacker.example', Authorization: `Bearer ${billingKey}` })).toBe(403);
    expect(await rawPost(server.port, { Origin: 'https://attacker.example', Authorization: `Bearer ${billingKey}` })).toBe(403);
    expect(await rawPost(server.port, { Authorization: `Bearer ${billingKey}` })).toBe(200);
    expect(await rawPost(server.port, { Authorization: `Bearer ${billingKey}` }, 'GET')).toBe(405);
    expect(await rawPost(server.port, { Authorization: `Bearer ${billingKey}` }, 'POST', '/other')).toBe(404);
  });

  it('lets an agent connect with its key and list the tools with their input schemas', async () => {
    const client = await connect(server.url, billingKey);
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(agentTools.map((tool) => tool.name));
    const suiteql = tools.find((tool) => tool.name === 'suitelens_run_suiteql');
    expect(suiteql?.inputSchema.required).toEqual(['account', 'query']);
    expect(tools.find((tool) => tool.name === 'suitelens_delete_record')?.annotations?.destructiveHint).toBe(true);
    await client.close();
  });

  it('succeeds at what the grants allow and is refused what they forbid, each call logged', async () => {
    const customersBefore = await netsuite.customerCount();
    const client = await connect(server.url, billingKey);
    const read = await client.callTool({ name: 'suitelens_get_record', arguments: { account: netsuite.accountId, recordType: 'customer', id: netsuite.customerId } });
    expect(read.isError).toBe(false);
    expect(textOf(read)).toContain(netsuite.customerName);

    const query = await client.callTool({ name: 'suitelens_run_suiteql', arguments: { account: netsuite.accountId, query: 'SELECT id, companyname FROM customer ORDER BY id', limit: 2 } });
    expect(query.isError).toBe(false);
    expect(textOf(query)).toMatch(/^\d+ rows in total; 2 returned from offset 0\./);
    expect((JSON.parse(textOf(query).split('\n').pop() ?? '{}') as { rows: unknown[] }).rows).toHaveLength(2);

    // The agent even puts its own key into the arguments: the call is refused and the key never reaches the log.
    const create = await client.callTool({
      name: 'suitelens_create_record',
      arguments: { account: netsuite.accountId, recordType: 'customer', fields: { companyName: 'Should Not Exist', comments: `my key is ${billingKey}` } },
    });
    expect(create.isError).toBe(true);
    expect(textOf(create)).toBe("denied: create customer needs Create, but the grant is 'customer: View'");

    const sneaky = await client.callTool({
      name: 'suitelens_run_suiteql',
      arguments: { account: netsuite.accountId, query: 'SELECT c.id FROM customer c WHERE c.id IN (SELECT id FROM vendor)' },
    });
    expect(sneaky.isError).toBe(true);
    expect(textOf(sneaky)).toBe('denied: the query reads vendor: vendor not granted');
    await client.close();

    const logged = await auditLog.query({ agentId: billing.id });
    expect(logged.map((entry) => entry.decision)).toEqual(['allowed', 'allowed', 'denied', 'denied']);
    expect(logged[0].sentence).toBe(
      `Billing helper read customer '${netsuite.customerName}' (id ${netsuite.customerId}) on 1234567_SB1 — allowed by 'customer: View'`,
    );
    expect(await netsuite.customerCount()).toBe(customersBefore);
    expect(await readFile(auditLog.filePath(0), 'utf8')).not.toContain(billingKey);
  });

  it('lets the agent with a write grant create, and logs it as that agent', async () => {
    const client = await connect(server.url, reporterKey);
    const created = await client.callTool({
      name: 'suitelens_create_record',
      arguments: { account: netsuite.accountId, recordType: 'customer', fields: { companyName: 'Agent Made Co', subsidiary: { id: '1' } } },
    });
    expect(created.isError).toBe(false);
    const newId = /Created customer with id (\d+)/.exec(textOf(created))?.[1] ?? '';
    expect(await netsuite.getCustomer(newId)).toMatchObject({ companyName: 'Agent Made Co' });
    const [entry] = await auditLog.query({ agentId: reporter.id, limit: 1 });
    expect(entry.sentence).toBe(`Reporter created customer 'Agent Made Co' (id ${newId}) on 1234567_SB1 — allowed by 'customer: Edit'`);

    // NetSuite's own refusal reaches the agent and the log, attributed to the call NetSuite refused.
    const incomplete = await client.callTool({ name: 'suitelens_create_record', arguments: { account: netsuite.accountId, recordType: 'customer', fields: { companyName: 'No Subsidiary' } } });
    expect(incomplete.isError).toBe(true);
    expect(textOf(incomplete)).toContain('Please enter value(s) for: Primary Subsidiary');
    // …with NetSuite's advice, as every surface gives it (describeError), so the agent knows what to change.
    expect(textOf(incomplete)).toContain('correct it as the message says and try again');
    const [failed] = await auditLog.query({ agentId: reporter.id, limit: 1 });
    expect(failed).toMatchObject({ decision: 'allowed', outcome: 'failed' });
    expect(failed.sentence).toContain("Reporter tried to create a customer 'No Subsidiary' on 1234567_SB1 — allowed by 'customer: Edit', but it failed:");
    await client.close();
  });

  it('refuses a wrong key, a missing key and a revoked key with 401', async () => {
    await expect(connect(server.url, `${billingKey.slice(0, -2)}xx`)).rejects.toThrow(/401|Unauthorized/);
    expect(await rawPost(server.port, {})).toBe(401);
    const client = await connect(server.url, reporterKey);
    await keys.revoke(reporter.id);
    await expect(client.listTools()).rejects.toThrow(/401|Unauthorized/);
    await expect(connect(server.url, reporterKey)).rejects.toThrow(/401|Unauthorized/);
    await client.close();
  });

  it('gives VS Code chat no MCP key, and produces a ready client configuration', async () => {
    await expect(keys.issue(chat)).rejects.toThrow(/VS Code chat/);
    const key = await keys.keyOf(billing.id);
    const configuration = mcpClientConfiguration(billing, server.url, key ?? '');
    expect(configuration.mcpServers['suitelens-billing-helper']).toEqual({ type: 'http', url: server.url, headers: { Authorization: `Bearer ${billingKey}` } });
    // The configuration works as given: a client built from it is let in.
    const client = new Client({ name: 'from-config', version: '1.0.0' });
    const entry = configuration.servers['suitelens-billing-helper'];
    await client.connect(new StreamableHTTPClientTransport(new URL(entry.url), { requestInit: { headers: entry.headers } }));
    expect((await client.listTools()).tools.length).toBe(agentTools.length);
    await client.close();
  });
});
